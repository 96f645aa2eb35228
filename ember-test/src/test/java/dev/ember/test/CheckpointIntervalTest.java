package dev.ember.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.spi.ContextAccess;
import dev.ember.spi.plan.StreamGraph;
import dev.ember.streaming.DStream;
import dev.ember.streaming.Duration;
import dev.ember.streaming.Durations;
import dev.ember.streaming.InvalidPipelineException;
import dev.ember.streaming.MapWithStateDStream;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.State;
import dev.ember.streaming.StateSpec;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Checkpoint intervals: Spark's defaults for stateful streams, checkpoint(interval) and its
 * validation, and the checkpoint directory that a checkpointed stream needs.
 */
class CheckpointIntervalTest {
    private static final String FILE = "CheckpointIntervalTest.java:";

    private StreamingContext ssc =
            new StreamingContext("local[2]", "CheckpointIntervalTest", Durations.seconds(1));
    private StreamingTestDriver driver = StreamingTestDriver.create(ssc);

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private void useBatchInterval(Duration batch) {
        driver.close();
        ssc = new StreamingContext("local[2]", "CheckpointIntervalTest", batch);
        driver = StreamingTestDriver.create(ssc);
    }

    private PairDStream<String, Integer> pairs() {
        TestInput<String> in = driver.newInput("in");
        return in.stream().mapToPair(w -> Tuple2.of(w, 1));
    }

    private static PairDStream<String, Integer> counts(PairDStream<String, Integer> pairs) {
        return pairs.updateStateByKey(
                (List<Integer> ones, Optional<Integer> count) ->
                        Optional.of(count.orElse(0) + ones.size()));
    }

    private static MapWithStateDStream<String, Integer, Integer, Integer> totals(
            PairDStream<String, Integer> pairs) {
        return pairs.mapWithState(
                StateSpec.function(
                        (String word, Optional<Integer> one, State<Integer> state) -> {
                            int sum = one.orElse(0) + state.getOption().orElse(0);
                            state.update(sum);
                            return sum;
                        }));
    }

    private static Optional<Duration> seconds(long s) {
        return Optional.of(Durations.seconds(s));
    }

    @Test
    void statefulStreamsDefaultToTheSmallestMultipleOfTheSlideOfAtLeastTenSeconds() {
        PairDStream<String, Integer> pairs = pairs();

        assertEquals(seconds(10), counts(pairs).checkpointInterval());
        assertEquals(
                seconds(12),
                counts(pairs.window(Durations.seconds(8), Durations.seconds(4)))
                        .checkpointInterval());
        assertEquals(
                seconds(12),
                pairs.reduceByKeyAndWindow(
                                Integer::sum,
                                (a, b) -> a - b,
                                Durations.seconds(6),
                                Durations.seconds(3))
                        .checkpointInterval());
        assertEquals(
                seconds(15),
                counts(pairs.window(Durations.seconds(15), Durations.seconds(15)))
                        .checkpointInterval());
    }

    @Test
    void mapWithStateDefaultsToTenSlides() {
        PairDStream<String, Integer> pairs = pairs();

        assertEquals(seconds(10), totals(pairs).checkpointInterval());
        assertEquals(
                seconds(30),
                totals(pairs.window(Durations.seconds(3), Durations.seconds(3)))
                        .checkpointInterval());
    }

    @Test
    void theDefaultsFollowTheBatchInterval() {
        useBatchInterval(Durations.seconds(3));
        PairDStream<String, Integer> pairs = pairs();

        assertEquals(seconds(12), counts(pairs).checkpointInterval());
        assertEquals(seconds(30), totals(pairs).checkpointInterval());
    }

    @Test
    void statelessStreamsAreNotCheckpointedUnlessAsked() {
        PairDStream<String, Integer> pairs = pairs();
        DStream<String> words = pairs.map(Tuple2::_1);

        assertEquals(Optional.empty(), words.checkpointInterval());
        assertEquals(Optional.empty(), totals(pairs).stateSnapshots().checkpointInterval());
        assertSame(words, words.checkpoint(Durations.seconds(5)));
        assertEquals(seconds(5), words.checkpointInterval());
    }

    @Test
    void checkpointReplacesTheDefaultAndReturnsTheSameStream() {
        PairDStream<String, Integer> pairs = pairs();
        PairDStream<String, Integer> counts = counts(pairs);
        MapWithStateDStream<String, Integer, Integer, Integer> totals = totals(pairs);

        assertSame(counts, counts.checkpoint(Durations.seconds(4)));
        assertSame(totals, totals.checkpoint(Durations.seconds(2)));
        assertEquals(seconds(4), counts.checkpointInterval());
        assertEquals(seconds(2), totals.checkpointInterval());
    }

    @Test
    void theGraphHandedToRunnersCarriesTheEffectiveIntervals() {
        PairDStream<String, Integer> pairs = pairs();
        PairDStream<String, Integer> counts = counts(pairs);
        MapWithStateDStream<String, Integer, Integer, Integer> totals = totals(pairs);
        counts.checkpoint(Durations.seconds(3));
        StreamGraph graph = ContextAccess.plan(ssc);

        assertEquals(seconds(3), graph.checkpointInterval(graph.node(counts.name())));
        assertEquals(seconds(10), graph.checkpointInterval(graph.node(totals.name())));
        assertEquals(Optional.empty(), graph.checkpointInterval(graph.node(pairs.name())));
    }

    @Test
    void rejectsAnIntervalThatIsNotAMultipleOfTheSlide() {
        DStream<String> words = pairs().map(Tuple2::_1);
        int line = lineOfCaller() - 1;

        InvalidPipelineException e =
                assertThrows(
                        InvalidPipelineException.class,
                        () -> words.checkpoint(Durations.milliseconds(1500)));
        assertEquals(
                "checkpoint interval 1500ms of stream 'map at "
                        + FILE
                        + line
                        + "' is not a multiple of its slide 1s; use 1s or 2s",
                e.getMessage());
    }

    @Test
    void rejectsAnIntervalShorterThanTheSlideOrZero() {
        PairDStream<String, Integer> windowed =
                pairs().window(Durations.seconds(4), Durations.seconds(2));
        int line = lineOfCaller() - 1;

        InvalidPipelineException shorter =
                assertThrows(
                        InvalidPipelineException.class,
                        () -> windowed.checkpoint(Durations.seconds(1)));
        assertEquals(
                "checkpoint interval 1s of stream 'window at "
                        + FILE
                        + line
                        + "' is shorter than its slide 2s; use 2s or a multiple of it",
                shorter.getMessage());
        InvalidPipelineException zero =
                assertThrows(
                        InvalidPipelineException.class,
                        () -> windowed.checkpoint(Durations.milliseconds(0)));
        assertEquals(
                "checkpoint interval 0ms of stream 'window at "
                        + FILE
                        + line
                        + "' must be positive; use a multiple of its slide 2s, such as 20s",
                zero.getMessage());
    }

    @Test
    void cannotBeSetAfterStart() {
        PairDStream<String, Integer> pairs = pairs();
        pairs.print();
        driver.start();

        assertThrows(IllegalStateException.class, () -> pairs.checkpoint(Durations.seconds(2)));
    }

    @Test
    void aStreamMarkedForCheckpointingNeedsACheckpointDirectory() {
        DStream<String> words = pairs().map(Tuple2::_1);
        int line = lineOfCaller() - 1;
        words.checkpoint(Durations.seconds(2)).print();

        InvalidPipelineException e = assertThrows(InvalidPipelineException.class, driver::start);
        assertEquals(
                "The checkpoint directory has not been set: map at "
                        + FILE
                        + line
                        + " is marked with checkpoint(interval); call ssc.checkpoint(directory)"
                        + " on context 'CheckpointIntervalTest' before start()",
                e.getMessage());
    }

    @Test
    void everyStatefulOperatorNeedsACheckpointDirectory() {
        PairDStream<String, Integer> pairs = pairs();
        pairs.reduceByKeyAndWindow(
                        Integer::sum, (a, b) -> a - b, Durations.seconds(2), Durations.seconds(1))
                .print();
        int line = lineOfCaller() - 3;

        InvalidPipelineException e = assertThrows(InvalidPipelineException.class, driver::start);
        assertEquals(
                "The checkpoint directory has not been set: reduceByKeyAndWindow at "
                        + FILE
                        + line
                        + " keeps state from batch to batch; call ssc.checkpoint(directory) on"
                        + " context 'CheckpointIntervalTest' before start()",
                e.getMessage());
    }

    private static int lineOfCaller() {
        return StackWalker.getInstance()
                .walk(frames -> frames.skip(1).findFirst().orElseThrow().getLineNumber());
    }
}
