package dev.ember.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.CheckpointException;
import dev.ember.streaming.DStream;
import dev.ember.streaming.Durations;
import dev.ember.streaming.MapWithStateDStream;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.State;
import dev.ember.streaming.StateSpec;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Time;
import dev.ember.streaming.Tuple2;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Operator state survives a snapshot and a restore into a freshly built context: for every stateful
 * operator, N batches run, everything is snapshot, a new context of the same program (or of a
 * program grown by a stateless step and an output) is restored from it, the remaining batches run,
 * and every output equals an uninterrupted run's exactly.
 */
class StateSnapshotTest {
    private static final int BATCHES = 14;

    /** A stateful pipeline over the words of the input named "words". */
    enum Program {
        UPDATE_STATE_BY_KEY(
                words ->
                        words.mapToPair(w -> new Tuple2<>(w, 1))
                                .updateStateByKey(
                                        (List<Integer> values, Optional<Integer> total) ->
                                                total.orElse(0) + values.size() > 6
                                                        ? Optional.empty()
                                                        : Optional.of(
                                                                total.orElse(0) + values.size()))),
        MAP_WITH_STATE_WITH_TIMEOUT(
                words ->
                        words.mapToPair(w -> new Tuple2<>(w, 1))
                                .mapWithState(
                                        StateSpec.function(
                                                        (Time time,
                                                                String key,
                                                                Optional<Integer> value,
                                                                State<Integer> state) -> {
                                                            if (state.isTimingOut()) {
                                                                return Optional.of(
                                                                        key
                                                                                + " timed out at "
                                                                                + state.get());
                                                            }
                                                            int sum =
                                                                    value.orElse(0)
                                                                            + state.getOption()
                                                                                    .orElse(0);
                                                            state.update(sum);
                                                            return Optional.of(
                                                                    time.milliseconds()
                                                                            + " "
                                                                            + key
                                                                            + "="
                                                                            + sum);
                                                        })
                                                .initialState(List.of(new Tuple2<>("e", 10)))
                                                .timeout(Durations.seconds(3)))),
        MAP_WITH_STATE_SNAPSHOTS(
                words -> {
                    MapWithStateDStream<String, Integer, Integer, Integer> counts =
                            words.mapToPair(w -> new Tuple2<>(w, 1))
                                    .mapWithState(
                                            StateSpec.function(
                                                            (String key,
                                                                    Optional<Integer> value,
                                                                    State<Integer> state) -> {
                                                                if (state.isTimingOut()) {
                                                                    return -state.get();
                                                                }
                                                                int sum =
                                                                        value.orElse(0)
                                                                                + state.getOption()
                                                                                        .orElse(0);
                                                                state.update(sum);
                                                                return sum;
                                                            })
                                                    .timeout(Durations.seconds(4)));
                    return counts.stateSnapshots();
                }),
        INVERSE_WINDOW_WITH_FILTER(
                words ->
                        words.mapToPair(w -> new Tuple2<>(w, w.equals("a") ? -1 : 1))
                                .reduceByKeyAndWindow(
                                        Integer::sum,
                                        (x, y) -> x - y,
                                        Durations.seconds(4),
                                        Durations.seconds(2),
                                        0,
                                        t -> t._2() > 0)),
        COUNT_BY_WINDOW(words -> words.countByWindow(Durations.seconds(3), Durations.seconds(1))),
        COUNT_BY_VALUE_AND_WINDOW(
                words -> words.countByValueAndWindow(Durations.seconds(4), Durations.seconds(2))),
        REDUCE_BY_WINDOW_WITH_INVERSE(
                words ->
                        words.map(String::length)
                                .reduceByWindow(
                                        Integer::sum,
                                        (x, y) -> x - y,
                                        Durations.seconds(3),
                                        Durations.seconds(1))),
        PLAIN_WINDOW(
                words -> words.window(Durations.seconds(3), Durations.seconds(1)).countByValue()),
        PLAIN_REDUCE_BY_KEY_AND_WINDOW(
                words ->
                        words.mapToPair(w -> new Tuple2<>(w, 1))
                                .reduceByKeyAndWindow(
                                        Integer::sum, Durations.seconds(4), Durations.seconds(2)));

        private final Function<DStream<String>, DStream<?>> pipeline;

        Program(Function<DStream<String>, DStream<?>> pipeline) {
            this.pipeline = pipeline;
        }

        /**
         * Builds the program on a driver; a grown program has a stateless step before the stateful
         * one and an extra output declared first.
         */
        @SuppressWarnings("unchecked")
        TestOutput<Object> build(
                StreamingTestDriver driver, TestInput<String> words, boolean grown) {
            DStream<String> in = words.stream();
            if (grown) {
                in.count().print();
                in = in.map(String::trim).filter(w -> !w.isEmpty());
            }
            return driver.collect("out", (DStream<Object>) pipeline.apply(in));
        }
    }

    /** The words of each batch, from a seeded generator: the same for every run. */
    private static List<List<String>> input(long seed) {
        Random random = new Random(seed);
        List<List<String>> batches = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            List<String> words = new ArrayList<>();
            for (int n = random.nextInt(7); n > 0; n--) {
                words.add(String.valueOf((char) ('a' + random.nextInt(5))));
            }
            batches.add(words);
        }
        return batches;
    }

    private static StreamingContext context() {
        StreamingContext ssc =
                new StreamingContext("local[2]", "StateSnapshotTest", Durations.seconds(1));
        ssc.checkpoint(Fixtures.freshCheckpointDirectory("StateSnapshotTest"));
        return ssc;
    }

    /** Every output batch of an uninterrupted run, in a canonical order. */
    private static SortedMap<Time, List<String>> uninterrupted(
            Program program, List<List<String>> input) {
        try (StreamingTestDriver driver = StreamingTestDriver.create(context())) {
            TestInput<String> words = driver.newInput("words");
            TestOutput<Object> out = program.build(driver, words, false);
            driver.start();
            for (List<String> batch : input) {
                words.addAll(batch);
                driver.advanceBatches(1);
            }
            return canonical(out);
        }
    }

    /**
     * The same run interrupted after {@code split} batches: snapshot, close, rebuild, restore, go
     * on. With {@code early}, the next batch's words are added before the snapshot, so they come
     * back from the input's saved buffer.
     */
    private static SortedMap<Time, List<String>> interrupted(
            Program program, List<List<String>> input, int split, boolean grown, boolean early) {
        SortedMap<Time, List<String>> outputs = new TreeMap<>();
        StateSnapshot snapshot;
        try (StreamingTestDriver driver = StreamingTestDriver.create(context())) {
            TestInput<String> words = driver.newInput("words");
            TestOutput<Object> out = program.build(driver, words, false);
            driver.start();
            for (int b = 0; b < split; b++) {
                words.addAll(input.get(b));
                driver.advanceBatches(1);
            }
            if (early) {
                words.addAll(input.get(split));
            }
            snapshot = driver.snapshot();
            outputs.putAll(canonical(out));
        }
        try (StreamingTestDriver driver = StreamingTestDriver.restore(context(), snapshot)) {
            TestInput<String> words = driver.newInput("words");
            TestOutput<Object> out = program.build(driver, words, grown);
            driver.start();
            for (int b = split; b < input.size(); b++) {
                if (!(early && b == split)) {
                    words.addAll(input.get(b));
                }
                driver.advanceBatches(1);
            }
            outputs.putAll(canonical(out));
        }
        return outputs;
    }

    private static SortedMap<Time, List<String>> canonical(TestOutput<Object> out) {
        SortedMap<Time, List<String>> batches = new TreeMap<>();
        for (Map.Entry<Time, List<Object>> e : out.batches().entrySet()) {
            List<String> elements = new ArrayList<>();
            for (Object element : e.getValue()) {
                elements.add(String.valueOf(element));
            }
            elements.sort(null);
            batches.put(e.getKey(), elements);
        }
        return batches;
    }

    @ParameterizedTest
    @EnumSource(Program.class)
    void restoredStateGivesTheOutputsOfAnUninterruptedRun(Program program) {
        for (long seed = 1; seed <= 3; seed++) {
            List<List<String>> input = input(seed);
            SortedMap<Time, List<String>> expected = uninterrupted(program, input);
            for (int split = 1; split < BATCHES; split += 3) {
                assertEquals(
                        expected,
                        interrupted(program, input, split, false, false),
                        program + ", seed " + seed + ", split after batch " + split);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Program.class)
    void aGrownProgramFindsItsStateByName(Program program) {
        List<List<String>> input = input(42);
        SortedMap<Time, List<String>> expected = uninterrupted(program, input);
        for (int split = 2; split < BATCHES; split += 4) {
            assertEquals(
                    expected,
                    interrupted(program, input, split, true, false),
                    program + ", split after batch " + split);
        }
    }

    @ParameterizedTest
    @EnumSource(Program.class)
    void recordsReceivedButNotYetInABatchComeBackFromTheSnapshot(Program program) {
        List<List<String>> input = input(7);
        SortedMap<Time, List<String>> expected = uninterrupted(program, input);
        for (int split = 3; split < BATCHES; split += 5) {
            assertEquals(
                    expected,
                    interrupted(program, input, split, false, true),
                    program + ", split after batch " + split);
        }
    }

    @Test
    void refusesToRestoreAStreamWhoseKindOfStateChanged() {
        StateSnapshot snapshot;
        try (StreamingTestDriver driver = StreamingTestDriver.create(context())) {
            TestInput<String> words = driver.newInput("words");
            driver.collect(
                    "out",
                    words.stream()
                            .mapToPair(w -> new Tuple2<>(w, 1))
                            .updateStateByKey(
                                    (List<Integer> v, Optional<Integer> s) ->
                                            Optional.of(s.orElse(0) + v.size()))
                            .name("totals"));
            driver.start();
            words.add("a");
            driver.advanceBatches(1);
            snapshot = driver.snapshot();
        }
        StreamingContext ssc = context();
        try (StreamingTestDriver driver = StreamingTestDriver.restore(ssc, snapshot)) {
            TestInput<String> words = driver.newInput("words");
            PairDStream<String, Integer> totals =
                    words.stream()
                            .mapToPair(w -> new Tuple2<>(w, 1))
                            .reduceByKeyAndWindow( // the window that replaces the state
                                    Integer::sum,
                                    (x, y) -> x - y,
                                    Durations.seconds(2),
                                    Durations.seconds(1))
                            .name("totals");
            driver.collect("out", totals);

            CheckpointException e = assertThrows(CheckpointException.class, driver::start);

            assertEquals(
                    "The saved state of 'totals' is updateStateByKey state, but that stream is"
                            + " now reduceByKeyAndWindow at StateSnapshotTest.java:"
                            + Fixtures.lineOf(
                                    "StateSnapshotTest.java", "// the window that replaces")
                            + ", which keeps reducedWindow state: give the new stream another name"
                            + " with name(...), or start without the saved state",
                    e.getMessage());
        }
    }

    @Test
    void refusesToRestoreAWindowWhoseLengthChanged() {
        StateSnapshot snapshot;
        try (StreamingTestDriver driver = StreamingTestDriver.create(context())) {
            TestInput<String> words = driver.newInput("words");
            driver.collect(
                    "out",
                    words.stream()
                            .countByValueAndWindow(Durations.seconds(4), Durations.seconds(2)));
            driver.start();
            words.add("a");
            driver.advanceBatches(2);
            snapshot = driver.snapshot();
        }
        try (StreamingTestDriver driver = StreamingTestDriver.restore(context(), snapshot)) {
            TestInput<String> words = driver.newInput("words");
            driver.collect(
                    "out",
                    words.stream()
                            .countByValueAndWindow(Durations.seconds(6), Durations.seconds(2)));

            CheckpointException e = assertThrows(CheckpointException.class, driver::start);

            assertTrue(
                    e.getMessage()
                            .startsWith(
                                    "The window of 'words/reduceByKey/reduceByKeyAndWindow'"
                                            + " (reduceByKeyAndWindow at StateSnapshotTest.java:"),
                    e.getMessage());
            assertTrue(
                    e.getMessage()
                            .endsWith(
                                    ") changed from 4000 ms to 6000 ms, so its saved reducedWindow"
                                            + " does not fit: keep the window, name the changed"
                                            + " stream differently with name(...), or start"
                                            + " without the saved state"),
                    e.getMessage());
        }
    }
}
