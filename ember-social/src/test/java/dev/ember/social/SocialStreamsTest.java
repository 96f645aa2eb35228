package dev.ember.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.spi.ContextAccess;
import dev.ember.spi.Source;
import dev.ember.spi.plan.InputNode;
import dev.ember.spi.plan.InputSpec;
import dev.ember.spi.plan.StreamGraph;
import dev.ember.streaming.Durations;
import dev.ember.streaming.SourceException;
import dev.ember.streaming.StreamingContext;
import dev.ember.test.StreamingTestDriver;
import dev.ember.test.TestOutput;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SocialStreamsTest {

    @Test
    void postsDeliveredBeforeABatchTimeFormThatBatch() throws Exception {
        QueueSource source = new QueueSource();
        StreamingContext ssc = new StreamingContext("local[2]", "posts", Durations.seconds(1));
        try (StreamingTestDriver driver = StreamingTestDriver.create(ssc)) {
            TestOutput<String> tags =
                    driver.collect(
                            "tags",
                            SocialStreams.posts(ssc, () -> source)
                                    .filter(KeywordFilter.of("messi")::matches)
                                    .flatMap(post -> post.hashtags().iterator()));
            driver.start();

            source.add("Messi again #Messi #goal", "rain all day #weather", "messi! #GOAT");
            source.awaitDelivered(3);
            driver.advanceBatches(1);
            source.add("#messi");
            source.awaitDelivered(1);
            driver.advanceBatches(1);

            assertEquals(List.of("#messi", "#goal", "#goat"), tags.batch(1000));
            assertEquals(List.of("#messi"), tags.batch(2000));
        }
    }

    @Test
    void aSourceThatEndsLeavesTheStreamRunningWithEmptyBatches() throws Exception {
        QueueSource source = new QueueSource();
        StreamingContext ssc = new StreamingContext("local[2]", "ended", Durations.seconds(1));
        try (StreamingTestDriver driver = StreamingTestDriver.create(ssc)) {
            TestOutput<String> texts =
                    driver.collect("texts", SocialStreams.posts(ssc, () -> source).map(Post::text));
            driver.start();
            source.add("only post");
            source.end();
            source.awaitFinished();
            driver.advanceBatches(2);

            assertEquals(List.of("only post"), texts.batch(1000));
            assertEquals(List.of(), texts.batch(2000));
        }
    }

    @Test
    void aSourceThatCannotGoOnStopsOnlyItsReceiver() throws Exception {
        QueueSource source = new QueueSource();
        AtomicInteger created = new AtomicInteger();
        StreamingContext ssc = new StreamingContext("local[2]", "failed", Durations.seconds(1));
        try (StreamingTestDriver driver = StreamingTestDriver.create(ssc)) {
            TestOutput<String> texts =
                    driver.collect(
                            "texts",
                            SocialStreams.posts(
                                            ssc,
                                            () -> {
                                                created.incrementAndGet();
                                                return source;
                                            })
                                    .map(Post::text));
            driver.start();
            source.add("before the failure");
            source.failWith(new SourceException("the token was rejected"));
            source.awaitFinished();
            driver.advanceBatches(2);

            assertEquals(List.of("before the failure"), texts.batch(1000));
            assertEquals(List.of(), texts.batch(2000));
            assertEquals(1, created.get());
        }
    }

    @Test
    void aBlueskySourceIsAnInputThatResumesAfterItsCursor() {
        StreamingContext ssc = new StreamingContext("local[2]", "bluesky", Durations.seconds(1));
        SocialStreams.posts(ssc, () -> PostSources.bluesky().build()).print();

        StreamGraph plan = ContextAccess.plan(ssc);
        InputNode input = plan.inputs().get(0);

        assertEquals("sourceStream[bluesky]", plan.name(input));
        Source<?> source = ((InputSpec.SourceInput) input.spec()).source();
        assertEquals(Source.Replay.RESUME, source.replay());
        assertEquals("bluesky (jetstream2.us-east.bsky.network)", source.describe());
    }

    @Test
    void otherSourcesRunOnAReceiver() {
        StreamingContext ssc = new StreamingContext("local[2]", "queue", Durations.seconds(1));
        SocialStreams.posts(ssc, QueueSource::new).print();

        InputNode input = ContextAccess.plan(ssc).inputs().get(0);

        assertEquals(InputSpec.ReceiverInput.class, input.spec().getClass());
    }

    @Test
    void aFactoryThatFailsIsReportedWhenTheStreamIsDefined() {
        StreamingContext ssc = new StreamingContext("local[2]", "failing", Durations.seconds(1));

        IllegalArgumentException failed =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                SocialStreams.posts(
                                        ssc,
                                        () -> {
                                            throw new java.io.IOException("no such file");
                                        }));
        IllegalArgumentException none =
                assertThrows(
                        IllegalArgumentException.class, () -> SocialStreams.posts(ssc, () -> null));

        assertEquals(
                "the post source factory failed: java.io.IOException: no such file; make it"
                        + " return a source such as PostSources.bluesky().build()",
                failed.getMessage());
        assertEquals(
                "the post source factory returned null; return a source such as"
                        + " PostSources.bluesky().build()",
                none.getMessage());
    }
}
