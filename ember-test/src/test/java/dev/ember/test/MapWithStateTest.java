package dev.ember.test;

import static dev.ember.test.Fixtures.kv;
import static dev.ember.test.Fixtures.startWithCheckpoint;
import static dev.ember.test.Unordered.byKey;
import static dev.ember.test.Unordered.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.Durations;
import dev.ember.streaming.InvalidPipelineException;
import dev.ember.streaming.MapWithStateDStream;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.State;
import dev.ember.streaming.StateSpec;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Time;
import dev.ember.streaming.Tuple2;
import dev.ember.streaming.UserFunctionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * mapWithState: the mapping function is called once per pair of each batch and for keys that time
 * out, never for idle keys; timeouts fire exactly once, in the first batch at or after the last
 * data plus the timeout. Keyed outputs are compared sorted.
 */
class MapWithStateTest {
    private static final String FILE = "MapWithStateTest.java:";

    private final StreamingContext ssc =
            new StreamingContext("local[2]", "MapWithStateTest", Durations.seconds(1));
    private final StreamingTestDriver driver = StreamingTestDriver.create(ssc);
    private final TestInput<Tuple2<String, Integer>> in = driver.newInput("in");
    private final PairDStream<String, Integer> pairs = in.stream().mapToPair(t -> t);

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    /** A running total per key that emits (key, total) for each value and at timeouts. */
    private static StateSpec<String, Integer, Integer, Tuple2<String, Integer>> runningTotals(
            ConcurrentLinkedQueue<String> calls) {
        return StateSpec.function(
                (String key, Optional<Integer> value, State<Integer> state) -> {
                    calls.add(key);
                    int sum = value.orElse(0) + state.getOption().orElse(0);
                    if (!state.isTimingOut()) {
                        state.update(sum);
                    }
                    return Tuple2.of(key, sum);
                });
    }

    @Test
    void keepsRunningTotalsAndCallsTheFunctionOnlyForKeysWithData() {
        ConcurrentLinkedQueue<String> calls = new ConcurrentLinkedQueue<>();
        MapWithStateDStream<String, Integer, Integer, Tuple2<String, Integer>> totals =
                pairs.mapWithState(runningTotals(calls));
        TestOutput<Tuple2<String, Integer>> mapped = driver.collect("mapped", totals);
        TestOutput<Tuple2<String, Integer>> snapshots =
                driver.collect("snapshots", totals.stateSnapshots());
        startWithCheckpoint(ssc, driver);

        in.add(kv("a", 1), kv("b", 2), kv("a", 3));
        driver.advanceBatches(1); // 1000
        assertEquals(List.of("a", "a", "b"), drain(calls));
        in.add(kv("b", 1));
        driver.advanceBatches(1); // 2000
        assertEquals(List.of("b"), drain(calls));
        driver.advanceBatches(1); // 3000: no data, no call
        assertEquals(List.of(), drain(calls));
        in.add(kv("a", 1));
        driver.advanceBatches(1); // 4000
        assertEquals(List.of("a"), drain(calls));

        assertEquals(List.of(kv("a", 1), kv("a", 4), kv("b", 2)), byKey(mapped.batch(1_000)));
        assertEquals(List.of(kv("b", 3)), mapped.batch(2_000));
        assertEquals(List.of(), mapped.batch(3_000));
        assertEquals(List.of(kv("a", 5)), mapped.batch(4_000));
        assertEquals(List.of(kv("a", 4), kv("b", 2)), byKey(snapshots.batch(1_000)));
        assertEquals(List.of(kv("a", 4), kv("b", 3)), byKey(snapshots.batch(2_000)));
        assertEquals(List.of(kv("a", 4), kv("b", 3)), byKey(snapshots.batch(3_000)));
        assertEquals(List.of(kv("a", 5), kv("b", 3)), byKey(snapshots.batch(4_000)));
    }

    @Test
    void theFunction4FormSeesTheBatchTimeAndMayEmitNothing() {
        StateSpec<String, Integer, Integer, String> evenTotals =
                StateSpec.function(
                        (Time time, String key, Optional<Integer> value, State<Integer> state) -> {
                            int sum = value.orElse(0) + state.getOption().orElse(0);
                            state.update(sum);
                            return sum % 2 == 0
                                    ? Optional.of(time.milliseconds() + " " + key + "=" + sum)
                                    : Optional.empty();
                        });
        TestOutput<String> out = driver.collect("out", pairs.mapWithState(evenTotals));
        startWithCheckpoint(ssc, driver);

        in.add(kv("a", 1), kv("b", 2));
        driver.advanceBatches(1);
        in.add(kv("a", 1), kv("b", 1));
        driver.advanceBatches(1);

        assertEquals(List.of(List.of("1000 b=2"), List.of("2000 a=2")), out.batchList());
    }

    @Test
    void timesOutAKeyExactlyOnceInTheFirstBatchAfterItWasIdleForTheTimeout() {
        StateSpec<String, Integer, Integer, String> spec =
                StateSpec.function(
                                (String key, Optional<Integer> value, State<Integer> state) -> {
                                    if (state.isTimingOut()) {
                                        return "timeout "
                                                + key
                                                + ", value "
                                                + value.isPresent()
                                                + ", state "
                                                + state.get();
                                    }
                                    int sum = value.orElseThrow() + state.getOption().orElse(0);
                                    state.update(sum);
                                    return key + "=" + sum;
                                })
                        .timeout(Durations.seconds(3));
        MapWithStateDStream<String, Integer, Integer, String> mapped = pairs.mapWithState(spec);
        TestOutput<String> out = driver.collect("out", mapped);
        TestOutput<Tuple2<String, Integer>> snapshots =
                driver.collect("snapshots", mapped.stateSnapshots());
        startWithCheckpoint(ssc, driver);

        in.add(kv("a", 1), kv("b", 1), kv("c", 1));
        driver.advanceBatches(1); // 1000
        in.add(kv("a", 1));
        driver.advanceBatches(1); // 2000
        in.add(kv("c", 1));
        driver.advanceBatches(1); // 3000: b idle for 2 s only
        driver.advanceBatches(4); // 4000 to 7000

        assertEquals(List.of("a=1", "b=1", "c=1"), sorted(out.batch(1_000)));
        assertEquals(List.of("a=2"), out.batch(2_000));
        assertEquals(List.of("c=2"), out.batch(3_000));
        assertEquals(List.of("timeout b, value false, state 1"), out.batch(4_000));
        assertEquals(List.of("timeout a, value false, state 2"), out.batch(5_000));
        assertEquals(List.of("timeout c, value false, state 2"), out.batch(6_000));
        assertEquals(List.of(), out.batch(7_000));
        assertEquals(List.of(kv("a", 2), kv("b", 1), kv("c", 2)), byKey(snapshots.batch(3_000)));
        assertEquals(List.of(kv("a", 2), kv("c", 2)), byKey(snapshots.batch(4_000)));
        assertEquals(List.of(kv("c", 2)), snapshots.batch(5_000));
        assertEquals(List.of(), snapshots.batch(6_000));
    }

    @Test
    void dataRestartsTheIdleTimeEvenWhenTheFunctionLeavesTheStateAlone() {
        StateSpec<String, Integer, Integer, String> spec =
                StateSpec.function(
                                (String key, Optional<Integer> value, State<Integer> state) -> {
                                    if (state.isTimingOut()) {
                                        return "timeout " + key;
                                    }
                                    if (value.orElseThrow() > 0) {
                                        state.update(value.orElseThrow());
                                    }
                                    return key + " " + state.getOption();
                                })
                        .timeout(Durations.seconds(2));
        TestOutput<String> out = driver.collect("out", pairs.mapWithState(spec));
        startWithCheckpoint(ssc, driver);

        in.add(kv("d", 5), kv("e", 0));
        driver.advanceBatches(1); // 1000: e gets no state, so nothing of e times out
        in.add(kv("d", 0));
        driver.advanceBatches(1); // 2000: d's state unchanged, idle time restarts
        driver.advanceBatches(3); // 3000 to 5000

        assertEquals(
                List.of(
                        List.of("d Optional[5]", "e Optional.empty").stream().sorted().toList(),
                        List.of("d Optional[5]"),
                        List.of(),
                        List.of("timeout d"),
                        List.of()),
                out.batchList().stream().map(b -> b.stream().sorted().toList()).toList());
    }

    @Test
    void theInitialStateIsThereBeforeTheFirstBatchAndIdlesFromIt() {
        ConcurrentLinkedQueue<String> calls = new ConcurrentLinkedQueue<>();
        MapWithStateDStream<String, Integer, Integer, Tuple2<String, Integer>> totals =
                pairs.mapWithState(
                        runningTotals(calls)
                                .initialState(List.of(kv("hello", 1), kv("world", 1)))
                                .timeout(Durations.seconds(2)));
        TestOutput<Tuple2<String, Integer>> mapped = driver.collect("mapped", totals);
        TestOutput<Tuple2<String, Integer>> snapshots =
                driver.collect("snapshots", totals.stateSnapshots());
        startWithCheckpoint(ssc, driver);

        in.add(kv("hello", 1));
        driver.advanceBatches(1); // 1000
        in.add(kv("hello", 1));
        driver.advanceBatches(1); // 2000
        driver.advanceBatches(2); // 3000: world times out; 4000: hello times out

        assertEquals(List.of(kv("hello", 2)), mapped.batch(1_000));
        assertEquals(List.of(kv("hello", 2), kv("world", 1)), byKey(snapshots.batch(1_000)));
        assertEquals(List.of(kv("hello", 3)), mapped.batch(2_000));
        // The Function3 form emits what the function returns for a timing-out key too.
        assertEquals(List.of(kv("world", 1)), mapped.batch(3_000));
        assertEquals(List.of(kv("hello", 3)), snapshots.batch(3_000));
        assertEquals(List.of(kv("hello", 3)), mapped.batch(4_000));
        assertEquals(List.of(), snapshots.batch(4_000));
        assertEquals(List.of("hello", "hello", "world", "hello"), List.copyOf(calls));
    }

    @Test
    void updateIsRejectedOnATimingOutKey() {
        StateSpec<String, Integer, Integer, Integer> naive =
                StateSpec.function(
                                (String key, Optional<Integer> value, State<Integer> state) -> {
                                    int sum = value.orElse(0) + state.getOption().orElse(0);
                                    state.update(sum);
                                    return sum;
                                })
                        .timeout(Durations.seconds(1));
        PairDStream<String, Integer> p = pairs;
        MapWithStateDStream<String, Integer, Integer, Integer> sums = p.mapWithState(naive);
        int line = lineOfCaller() - 1;
        driver.collect("sums", sums);
        startWithCheckpoint(ssc, driver);

        in.add(kv("a", 1));
        driver.advanceBatches(1);
        UserFunctionException e =
                assertThrows(UserFunctionException.class, () -> driver.advanceBatches(1));

        assertEquals("mapWithState at " + FILE + line, e.operator());
        assertEquals(Time.ms(2_000), e.batchTime());
        assertTrue(e.getCause() instanceof IllegalStateException, String.valueOf(e.getCause()));
        assertEquals(
                "Cannot update the state of a key that is timing out: it is removed after this"
                        + " call; check isTimingOut() before update()",
                e.getCause().getMessage());
    }

    @Test
    void enforcesTheRulesOfState() {
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        StateSpec<String, Integer, Integer, String> spec =
                StateSpec.function(
                                (String key, Optional<Integer> value, State<Integer> state) -> {
                                    if (state.isTimingOut()) {
                                        attempt(errors, state::remove);
                                        return "timeout " + key;
                                    }
                                    attempt(errors, state::get);
                                    state.update(value.orElseThrow());
                                    state.remove();
                                    attempt(errors, state::remove);
                                    attempt(errors, () -> state.update(2));
                                    if (!state.exists()) {
                                        state.update(7); // not allowed after remove either
                                    }
                                    return key;
                                })
                        .timeout(Durations.seconds(1));
        TestOutput<String> out = driver.collect("out", pairs.mapWithState(spec));
        startWithCheckpoint(ssc, driver);

        in.add(kv("x", 1));
        assertThrows(UserFunctionException.class, () -> driver.advanceBatches(1));

        assertEquals(
                List.of(
                        "NoSuchElementException: State is not set: the key has no state yet;"
                                + " check exists() or use getOption()",
                        "IllegalStateException: Cannot remove the state that has already been"
                                + " removed: call remove() at most once per call",
                        "IllegalStateException: Cannot update the state after it has been"
                                + " removed in the same call"),
                List.copyOf(errors));
        assertEquals(List.of(), out.batchList());
    }

    @Test
    void removeIsRejectedOnATimingOutKeyAndRemovedKeysLeaveTheState() {
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        StateSpec<String, Integer, Integer, String> spec =
                StateSpec.function(
                                (String key, Optional<Integer> value, State<Integer> state) -> {
                                    if (state.isTimingOut()) {
                                        attempt(errors, state::remove);
                                        return "timeout " + key;
                                    }
                                    if (value.orElseThrow() < 0) {
                                        state.remove();
                                        return "removed " + key;
                                    }
                                    state.update(value.orElseThrow());
                                    return key + "=" + value.orElseThrow();
                                })
                        .timeout(Durations.seconds(2));
        MapWithStateDStream<String, Integer, Integer, String> mapped = pairs.mapWithState(spec);
        TestOutput<String> out = driver.collect("out", mapped);
        TestOutput<Tuple2<String, Integer>> snapshots =
                driver.collect("snapshots", mapped.stateSnapshots());
        startWithCheckpoint(ssc, driver);

        in.add(kv("x", 1), kv("y", 1));
        driver.advanceBatches(1); // 1000
        in.add(kv("y", -1));
        driver.advanceBatches(1); // 2000: y removed, so it never times out
        driver.advanceBatches(2); // 3000: x times out; 4000

        assertEquals(List.of("x=1", "y=1"), sorted(out.batch(1_000)));
        assertEquals(List.of("removed y"), out.batch(2_000));
        assertEquals(List.of(kv("x", 1)), snapshots.batch(2_000));
        assertEquals(List.of("timeout x"), out.batch(3_000));
        assertEquals(List.of(), out.batch(4_000));
        assertEquals(List.of(), snapshots.batch(3_000));
        assertEquals(
                List.of(
                        "IllegalStateException: Cannot remove the state of a key that is timing"
                                + " out: it is removed after this call anyway; check"
                                + " isTimingOut() before remove()"),
                List.copyOf(errors));
    }

    @Test
    void keepsTheStateInTheSpecsNumberOfPartitions() {
        List<Integer> partitions = new ArrayList<>();
        MapWithStateDStream<String, Integer, Integer, Tuple2<String, Integer>> totals =
                pairs.mapWithState(runningTotals(new ConcurrentLinkedQueue<>()).numPartitions(3));
        totals.foreachRDD(batch -> partitions.add(batch.getNumPartitions()));
        totals.stateSnapshots().foreachRDD(batch -> partitions.add(batch.getNumPartitions()));
        startWithCheckpoint(ssc, driver);

        in.add(kv("a", 1), kv("b", 1), kv("c", 1), kv("d", 1));
        driver.advanceBatches(1);

        assertEquals(List.of(3, 3), partitions);
    }

    /**
     * Property: over random batches with removals and timeouts, the mapped values and the state
     * equal those of a plain map, whatever the order in which keys come and go.
     */
    @Test
    void equalsAMapUpdatedTheSameWayOverRandomBatches() {
        int timeout = 3_000;
        StateSpec<String, Integer, Integer, String> spec =
                StateSpec.function(
                                (String key, Optional<Integer> value, State<Integer> state) -> {
                                    if (state.isTimingOut()) {
                                        return "timeout " + key + " " + state.get();
                                    }
                                    int sum = value.orElseThrow() + state.getOption().orElse(0);
                                    if (sum > 30) {
                                        state.remove();
                                        return "over " + key;
                                    }
                                    state.update(sum);
                                    return key + "=" + sum;
                                })
                        .numPartitions(3)
                        .timeout(Durations.milliseconds(timeout));
        MapWithStateDStream<String, Integer, Integer, String> mapped = pairs.mapWithState(spec);
        TestOutput<String> out = driver.collect("out", mapped);
        TestOutput<Tuple2<String, Integer>> snapshots =
                driver.collect("snapshots", mapped.stateSnapshots());
        startWithCheckpoint(ssc, driver);

        Random random = new Random(20261127);
        Map<String, int[]> model = new HashMap<>(); // key -> {sum, time of last data}
        for (long t = 1_000; t <= 60_000; t += 1_000) {
            List<Tuple2<String, Integer>> batch = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (int r = random.nextInt(40); r > 0; r--) {
                String key = "k" + random.nextInt(150);
                int value = random.nextInt(12);
                batch.add(kv(key, value));
                int[] entry = model.get(key);
                int sum = value + (entry == null ? 0 : entry[0]);
                if (sum > 30) {
                    model.remove(key);
                    expected.add("over " + key);
                } else {
                    model.put(key, new int[] {sum, (int) t});
                    expected.add(key + "=" + sum);
                }
            }
            for (Iterator<Map.Entry<String, int[]>> it = model.entrySet().iterator();
                    it.hasNext(); ) {
                Map.Entry<String, int[]> e = it.next();
                if (e.getValue()[1] + timeout <= t) {
                    expected.add("timeout " + e.getKey() + " " + e.getValue()[0]);
                    it.remove();
                }
            }
            in.addAll(batch);
            driver.advanceBatches(1);

            assertEquals(sorted(expected), sorted(out.batch(t)), "mapped at " + t);
            Map<String, Integer> state = new TreeMap<>();
            for (Tuple2<String, Integer> pair : snapshots.batch(t)) {
                assertEquals(null, state.put(pair._1(), pair._2()), "each key once");
            }
            Map<String, Integer> expectedState = new TreeMap<>();
            model.forEach((k, v) -> expectedState.put(k, v[0]));
            assertEquals(expectedState, state, "state at " + t);
        }
    }

    @Test
    void needsACheckpointDirectory() {
        pairs.mapWithState(runningTotals(new ConcurrentLinkedQueue<>())).print();
        int line = lineOfCaller() - 1;

        InvalidPipelineException e = assertThrows(InvalidPipelineException.class, driver::start);
        assertEquals(
                "The checkpoint directory has not been set: mapWithState at "
                        + FILE
                        + line
                        + " keeps state from batch to batch; call ssc.checkpoint(directory) on"
                        + " context 'MapWithStateTest' before start()",
                e.getMessage());
    }

    @Test
    void aFunction4ReturningNullFailsWithAHint() {
        StateSpec<String, Integer, Integer, String> spec =
                StateSpec.function(
                        (Time time, String key, Optional<Integer> value, State<Integer> state) ->
                                null);
        driver.collect("out", pairs.mapWithState(spec));
        startWithCheckpoint(ssc, driver);

        in.add(kv("a", 1));
        UserFunctionException e =
                assertThrows(UserFunctionException.class, () -> driver.advanceBatches(1));

        assertEquals(
                "the mapping function returned null; return Optional.empty() to emit nothing",
                e.getCause().getMessage());
    }

    @Test
    void specOptionsCanBeSetOnlyOnce() {
        StateSpec<String, Integer, Integer, Tuple2<String, Integer>> spec =
                runningTotals(new ConcurrentLinkedQueue<>())
                        .numPartitions(4)
                        .timeout(Durations.seconds(30))
                        .initialState(List.of(kv("a", 1), kv("b", 2)));

        assertEquals(
                "numPartitions of StateSpec was already set to 4; set each option once",
                assertThrows(IllegalStateException.class, () -> spec.numPartitions(2))
                        .getMessage());
        assertEquals(
                "timeout of StateSpec was already set to 30s; set each option once",
                assertThrows(IllegalStateException.class, () -> spec.timeout(Durations.seconds(5)))
                        .getMessage());
        assertEquals(
                "initialState of StateSpec was already set to 2 pairs; set each option once",
                assertThrows(IllegalStateException.class, () -> spec.initialState(List.of()))
                        .getMessage());
        StateSpec<String, Integer, Integer, Tuple2<String, Integer>> fresh =
                runningTotals(new ConcurrentLinkedQueue<>());
        assertEquals(
                "numPartitions of StateSpec must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> fresh.numPartitions(0))
                        .getMessage());
        assertEquals(
                "timeout of StateSpec must be positive, got 0ms; use for example"
                        + " Durations.minutes(30)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> fresh.timeout(Durations.milliseconds(0)))
                        .getMessage());
        assertEquals(
                "initialState of StateSpec holds a null state for key 'a'; leave the key out"
                        + " instead",
                assertThrows(
                                NullPointerException.class,
                                () -> fresh.initialState(List.of(kv("b", 1), Tuple2.of("a", null))))
                        .getMessage());
    }

    private interface Attempt {
        void run() throws Exception;
    }

    private static void attempt(ConcurrentLinkedQueue<String> errors, Attempt attempt) {
        try {
            attempt.run();
            errors.add("no exception");
        } catch (Exception e) {
            errors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static List<String> drain(ConcurrentLinkedQueue<String> calls) {
        List<String> out = sorted(calls);
        calls.clear();
        return out;
    }

    private static int lineOfCaller() {
        return StackWalker.getInstance()
                .walk(frames -> frames.skip(1).findFirst().orElseThrow().getLineNumber());
    }
}
