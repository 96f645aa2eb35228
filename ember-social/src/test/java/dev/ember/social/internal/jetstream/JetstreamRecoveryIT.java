package dev.ember.social.internal.jetstream;

import static dev.ember.social.internal.jetstream.JetstreamEvents.lastPostAtOrBefore;
import static dev.ember.social.internal.jetstream.JetstreamEvents.posts;
import static dev.ember.social.internal.jetstream.JetstreamEvents.stream;
import static dev.ember.social.internal.jetstream.JetstreamEvents.tagCounts;
import static dev.ember.social.internal.jetstream.JetstreamEvents.time;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.social.Post;
import dev.ember.social.PostSource;
import dev.ember.social.SocialStreams;
import dev.ember.social.internal.ManualSourceClock;
import dev.ember.streaming.DStream;
import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Time;
import dev.ember.streaming.Tuple2;
import dev.ember.streaming.function.Function0;
import dev.ember.test.StateSnapshot;
import dev.ember.test.StreamingTestDriver;
import dev.ember.test.TestOutput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once counts over Jetstream: a job counting hashtags with {@code updateStateByKey} reads
 * posts from {@code SocialStreams.posts} while a Jetstream instance on loopback publishes them, and
 * is interrupted after its state was saved and some posts were received since: restored from a
 * snapshot into a fresh context (after losing its connection once), or crashed and recovered from
 * its checkpoint files. Its totals equal those of a run that was never interrupted, and every post
 * is in exactly one batch that counted.
 */
@Timeout(60)
class JetstreamRecoveryIT {
    private static final int EVENTS = 400;
    private static final List<String> FIREHOSE = stream(EVENTS);

    @TempDir Path checkpoints;
    private final ManualSourceClock clock =
            new ManualSourceClock(JetstreamEvents.T / 1_000 + 60_000);
    private FakeJetstreamServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** The job's outputs: the ids of each batch's posts, and the running total of every tag. */
    private record Job(TestOutput<String> ids, TestOutput<Tuple2<String, Integer>> totals) {}

    /** A context of the job; each run has a checkpoint directory of its own. */
    private StreamingContext context(String run) {
        StreamingContext ssc = new StreamingContext("local[2]", "tags", Durations.seconds(1));
        ssc.checkpoint(checkpoints.resolve(run).toString());
        return ssc;
    }

    private static Job define(StreamingTestDriver driver, Function0<PostSource> factory) {
        DStream<Post> posts = SocialStreams.posts(driver.context(), factory);
        TestOutput<String> ids = driver.collect("ids", posts.map(Post::id));
        TestOutput<Tuple2<String, Integer>> totals =
                driver.collect(
                        "totals",
                        posts.flatMap(post -> post.hashtags().iterator())
                                .mapToPair(tag -> new Tuple2<>(tag, 1))
                                .updateStateByKey(
                                        (List<Integer> ones, Optional<Integer> total) ->
                                                Optional.of(total.orElse(0) + ones.size())));
        return new Job(ids, totals);
    }

    private Function0<PostSource> bluesky(WatchedSource.Watch watch) {
        return () ->
                new WatchedSource(
                        new JetstreamSource(
                                server.endpoint(),
                                OptionalLong.empty(),
                                clock,
                                () -> 1.0,
                                Duration.ofSeconds(10)),
                        watch);
    }

    /** Publishes events {@code from .. to - 1} and waits until the job's input took them. */
    private void publish(int from, int to, WatchedSource.Watch watch) throws InterruptedException {
        server.publish(FIREHOSE.subList(from, to));
        watch.awaitHanded(time(lastPostAtOrBefore(to - 1)));
    }

    private static Map<String, Integer> lastTotals(TestOutput<Tuple2<String, Integer>> totals) {
        List<Tuple2<String, Integer>> last = totals.batches().get(totals.batches().lastKey());
        Map<String, Integer> map = new TreeMap<>();
        last.forEach(t -> map.put(t._1(), t._2()));
        return map;
    }

    private static List<String> ids(TestOutput<String> ids, long upToMillis) {
        List<String> all = new ArrayList<>();
        for (Map.Entry<Time, List<String>> batch : ids.batches().entrySet()) {
            if (batch.getKey().milliseconds() <= upToMillis) {
                all.addAll(batch.getValue());
            }
        }
        return all;
    }

    private Map<String, Integer> uninterrupted() throws Exception {
        server = FakeJetstreamServer.startLive();
        WatchedSource.Watch watch = new WatchedSource.Watch();
        try (StreamingTestDriver driver = StreamingTestDriver.create(context("uninterrupted"))) {
            Job job = define(driver, bluesky(watch));
            driver.start();
            server.awaitConnections(1);
            for (int from = 0; from < EVENTS; from += 80) {
                publish(from, from + 80, watch);
                driver.advanceBatches(1);
            }
            assertEquals(
                    posts(FIREHOSE).stream().map(Post::id).toList(),
                    ids(job.ids(), Long.MAX_VALUE));
            return lastTotals(job.totals());
        } finally {
            server.close();
            server = null;
        }
    }

    @Test
    void restoredJobCountsEveryPostOnceAsAnUninterruptedRunDoes() throws Exception {
        Map<String, Integer> uninterrupted = uninterrupted();

        server = FakeJetstreamServer.startLive();
        List<String> counted = new ArrayList<>();
        StateSnapshot snapshot;
        WatchedSource.Watch before = new WatchedSource.Watch();
        try (StreamingTestDriver driver = StreamingTestDriver.create(context("interrupted"))) {
            Job job = define(driver, bluesky(before));
            driver.start();
            server.awaitConnections(1);
            publish(0, 100, before);
            driver.advanceBatches(1);
            publish(100, 160, before);
            driver.advanceBatches(1);
            server.disconnectAll();
            publish(160, 220, before);
            driver.advanceBatches(1);
            snapshot = driver.snapshot();
            publish(220, 260, before);
            driver.advanceBatches(1); // counted by this run only: the snapshot is older
            publish(260, 280, before); // received, in no batch
            counted.addAll(ids(job.ids(), snapshot.timeMillis()));
        }
        server.publish(FIREHOSE.subList(280, 320)); // while no job is connected
        WatchedSource.Watch after = new WatchedSource.Watch();
        Map<String, Integer> restored;
        try (StreamingTestDriver driver =
                StreamingTestDriver.restore(context("restored"), snapshot)) {
            Job job = define(driver, bluesky(after));
            driver.start();
            server.awaitConnections(3);
            after.awaitHanded(time(lastPostAtOrBefore(319)));
            driver.advanceBatches(1);
            publish(320, EVENTS, after);
            driver.advanceBatches(1);
            counted.addAll(ids(job.ids(), Long.MAX_VALUE));
            restored = lastTotals(job.totals());
        }

        assertEquals(tagCounts(posts(FIREHOSE)), uninterrupted);
        assertEquals(uninterrupted, restored);
        assertEquals(posts(FIREHOSE).stream().map(Post::id).toList(), counted);
        long resumedAfter = time(lastPostAtOrBefore(219));
        assertEquals(
                "/subscribe?wantedCollections=app.bsky.feed.post&cursor="
                        + (resumedAfter - 5_000_000),
                server.requests().get(2),
                "the restored job resumes 5 s before the snapshot's cursor");
    }

    @Test
    void recoveredFromItsCheckpointFilesTheJobCountsEveryPostOnce() throws Exception {
        Map<String, Integer> uninterrupted = uninterrupted();

        server = FakeJetstreamServer.startLive();
        List<WatchedSource.Watch> runs = new ArrayList<>();
        Map<String, Integer> recovered;
        List<String> counted;
        try (StreamingTestDriver driver =
                StreamingTestDriver.recoverable(
                        () -> context("recovered"),
                        d -> {
                            WatchedSource.Watch watch = new WatchedSource.Watch();
                            runs.add(watch);
                            define(d, bluesky(watch));
                        })) {
            driver.start();
            server.awaitConnections(1);
            publish(0, 100, runs.get(0));
            driver.advanceBatches(1);
            publish(100, 160, runs.get(0));
            driver.advanceBatches(1);
            driver.checkpoint();
            publish(160, 220, runs.get(0));
            driver.advanceBatches(1); // after the checkpoint: recomputed without these posts
            publish(220, 260, runs.get(0)); // received, in no batch

            driver.crashAndRecover();
            server.awaitConnections(2);
            runs.get(1).awaitHanded(time(lastPostAtOrBefore(259)));
            driver.advanceBatches(1);
            publish(260, EVENTS, runs.get(1));
            driver.advanceBatches(1);

            recovered = lastTotals(driver.output("totals"));
            counted = ids(driver.output("ids"), Long.MAX_VALUE);
        }

        assertEquals(uninterrupted, recovered);
        assertEquals(posts(FIREHOSE).stream().map(Post::id).toList(), counted);
        assertEquals(
                "/subscribe?wantedCollections=app.bsky.feed.post&cursor="
                        + (time(lastPostAtOrBefore(159)) - 5_000_000),
                server.requests().get(1),
                "the recovered job resumes 5 s before the checkpoint's cursor");
    }
}
