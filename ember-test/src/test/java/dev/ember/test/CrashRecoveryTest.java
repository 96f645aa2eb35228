package dev.ember.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.DStream;
import dev.ember.streaming.Durations;
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
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Property: a program that crashes at random batches and recovers from its checkpoints, over a
 * replayable input, produces every output an uninterrupted run produces, batch for batch: the
 * batches since the last checkpoint are recomputed with their original contents, and state is
 * exactly once.
 */
class CrashRecoveryTest {
    private static final int BATCHES = 30;

    /** A stateful pipeline over the words of the replayable input "words". */
    enum Program {
        UPDATE_STATE_BY_KEY(
                words ->
                        words.mapToPair(w -> new Tuple2<>(w, 1))
                                .updateStateByKey(
                                        (List<Integer> values, Optional<Integer> total) -> {
                                            int sum = total.orElse(0) + values.size();
                                            return sum > 9 ? Optional.empty() : Optional.of(sum);
                                        })),
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
                                                                        time.milliseconds()
                                                                                + " "
                                                                                + key
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
                                                .timeout(Durations.seconds(4)))),
        INVERSE_REDUCE_WINDOW(
                words ->
                        words.mapToPair(w -> new Tuple2<>(w, w.equals("a") ? -1 : 1))
                                .reduceByKeyAndWindow(
                                        Integer::sum,
                                        (x, y) -> x - y,
                                        Durations.seconds(6),
                                        Durations.seconds(2),
                                        0,
                                        t -> t._2() > 0));

        private final Function<DStream<String>, DStream<?>> pipeline;

        Program(Function<DStream<String>, DStream<?>> pipeline) {
            this.pipeline = pipeline;
        }

        @SuppressWarnings("unchecked")
        void define(StreamingTestDriver driver) {
            TestInput<String> words = driver.newReplayableInput("words");
            driver.collect("out", (DStream<Object>) pipeline.apply(words.stream()));
        }
    }

    private static List<List<String>> input(long seed) {
        Random random = new Random(seed);
        List<List<String>> batches = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            List<String> words = new ArrayList<>();
            for (int n = random.nextInt(6); n > 0; n--) {
                words.add(String.valueOf((char) ('a' + random.nextInt(5))));
            }
            batches.add(words);
        }
        return batches;
    }

    /** Runs the program over the input, crashing after the batches in {@code crashes}. */
    private static SortedMap<Time, List<String>> run(
            Program program, List<List<String>> input, TreeSet<Integer> crashes) {
        String directory = Fixtures.freshCheckpointDirectory("CrashRecoveryTest");
        try (StreamingTestDriver driver =
                StreamingTestDriver.recoverable(
                        () -> {
                            StreamingContext ssc =
                                    new StreamingContext(
                                            "local[2]", "CrashRecoveryTest", Durations.seconds(1));
                            ssc.checkpoint(directory);
                            return ssc;
                        },
                        program::define)) {
            driver.start();
            for (int b = 0; b < input.size(); b++) {
                driver.<String>input("words").addAll(input.get(b));
                driver.advanceBatches(1);
                if (crashes.contains(b)) {
                    driver.crashAndRecover();
                }
            }
            assertEquals(crashes.size(), driver.recoveries());
            return canonical(driver.output("out"));
        }
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
    void crashingAtRandomBatchesChangesNoOutput(Program program) {
        Random random = new Random(20261204L + program.ordinal());
        for (int round = 0; round < 8; round++) {
            List<List<String>> input = input(random.nextLong());
            SortedMap<Time, List<String>> expected = run(program, input, new TreeSet<>());
            TreeSet<Integer> crashes = new TreeSet<>();
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                crashes.add(random.nextInt(BATCHES - 1));
            }
            assertEquals(
                    expected,
                    run(program, input, crashes),
                    program + ", round " + round + ", crashes after batches " + crashes);
        }
    }

    @ParameterizedTest
    @EnumSource(Program.class)
    void crashingAfterEveryBatchChangesNoOutput(Program program) {
        List<List<String>> input = input(99);
        SortedMap<Time, List<String>> expected = run(program, input, new TreeSet<>());
        TreeSet<Integer> every = new TreeSet<>();
        for (int b = 0; b < BATCHES; b++) {
            every.add(b);
        }
        SortedMap<Time, List<String>> crashed = run(program, input, every);
        assertEquals(expected, crashed, program.toString());
        assertTrue(expected.size() >= BATCHES / 2, "the program produced outputs: " + expected);
    }
}
