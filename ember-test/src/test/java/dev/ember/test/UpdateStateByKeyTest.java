package dev.ember.test;

import static dev.ember.test.Fixtures.kv;
import static dev.ember.test.Fixtures.startWithCheckpoint;
import static dev.ember.test.Unordered.byKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.Durations;
import dev.ember.streaming.InvalidPipelineException;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Time;
import dev.ember.streaming.Tuple2;
import dev.ember.streaming.UserFunctionException;
import dev.ember.streaming.function.Function2;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * updateStateByKey: the function is called for every key with state or data in every batch, an
 * empty result removes the key, and each batch holds the whole state. Outputs are compared sorted
 * by key.
 */
class UpdateStateByKeyTest {
    private static final String FILE = "UpdateStateByKeyTest.java:";

    private StreamingContext ssc =
            new StreamingContext("local[2]", "UpdateStateByKeyTest", Durations.seconds(1));
    private StreamingTestDriver driver = StreamingTestDriver.create(ssc);

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void keepsRunningCountsAndCallsTheFunctionForEveryKeyInEveryBatch() {
        AtomicInteger calls = new AtomicInteger();
        ConcurrentLinkedQueue<String> emptyCalls = new ConcurrentLinkedQueue<>();
        TestInput<String> words = driver.newInput("words");
        TestOutput<Tuple2<String, Integer>> counts =
                driver.collect(
                        "counts",
                        words.stream()
                                .mapToPair(w -> Tuple2.of(w, 1))
                                .updateStateByKey(
                                        (List<Integer> ones, Optional<Integer> count) -> {
                                            calls.incrementAndGet();
                                            if (ones.isEmpty()) {
                                                emptyCalls.add("count " + count.orElseThrow());
                                            }
                                            return Optional.of(count.orElse(0) + ones.size());
                                        }));
        startWithCheckpoint(ssc, driver);

        words.add("a", "b", "a");
        driver.advanceBatches(1); // 1000
        assertEquals(2, calls.getAndSet(0));
        driver.advanceBatches(1); // 2000: no data, every key still called
        assertEquals(2, calls.getAndSet(0));
        words.add("b", "c");
        driver.advanceBatches(1); // 3000
        assertEquals(3, calls.getAndSet(0));

        assertEquals(List.of(kv("a", 2), kv("b", 1)), byKey(counts.batch(1_000)));
        assertEquals(List.of(kv("a", 2), kv("b", 1)), byKey(counts.batch(2_000)));
        assertEquals(List.of(kv("a", 2), kv("b", 2), kv("c", 1)), byKey(counts.batch(3_000)));
        assertEquals(
                List.of("count 1", "count 2", "count 2"),
                emptyCalls.stream().sorted().toList(),
                "calls without data: a and b at 2000, a at 3000");
    }

    @Test
    void removesAKeyWhenTheFunctionReturnsEmpty() {
        TestInput<String> words = driver.newInput("words");
        TestOutput<Tuple2<String, Integer>> counts =
                driver.collect(
                        "counts",
                        words.stream()
                                .mapToPair(w -> Tuple2.of(w, 1))
                                .updateStateByKey(
                                        (List<Integer> ones, Optional<Integer> count) ->
                                                ones.isEmpty()
                                                        ? Optional.empty()
                                                        : Optional.of(
                                                                count.orElse(0) + ones.size())));
        startWithCheckpoint(ssc, driver);

        words.add("a", "b");
        driver.advanceBatches(1); // 1000
        words.add("a");
        driver.advanceBatches(1); // 2000: b had no data, so it goes
        driver.advanceBatches(1); // 3000: a goes too
        words.add("b");
        driver.advanceBatches(1); // 4000: b starts again from nothing

        assertEquals(List.of(kv("a", 1), kv("b", 1)), byKey(counts.batch(1_000)));
        assertEquals(List.of(kv("a", 2)), counts.batch(2_000));
        assertEquals(List.of(), counts.batch(3_000));
        assertEquals(List.of(kv("b", 1)), counts.batch(4_000));
    }

    @Test
    void passesAKeysValuesInArrivalOrderAndNothingForANewKeysState() {
        ConcurrentLinkedQueue<String> previous = new ConcurrentLinkedQueue<>();
        TestInput<Tuple2<String, Integer>> in = driver.newInput("in");
        TestOutput<Tuple2<String, String>> seen =
                driver.collect(
                        "seen",
                        in.stream()
                                .mapToPair(t -> t)
                                .updateStateByKey(
                                        (List<Integer> values, Optional<String> state) -> {
                                            previous.add(state.orElse("<none>"));
                                            StringBuilder sb = new StringBuilder(state.orElse(""));
                                            values.forEach(sb::append);
                                            return Optional.of(sb.toString());
                                        }));
        startWithCheckpoint(ssc, driver);

        in.add(kv("k", 1), kv("j", 9), kv("k", 2), kv("k", 3));
        driver.advanceBatches(1);
        in.add(kv("k", 4), kv("k", 5));
        driver.advanceBatches(1);

        assertEquals(List.of(Tuple2.of("j", "9"), Tuple2.of("k", "123")), byKey(seen.batch(1_000)));
        assertEquals(
                List.of(Tuple2.of("j", "9"), Tuple2.of("k", "12345")), byKey(seen.batch(2_000)));
        assertEquals(
                List.of("123", "9", "<none>", "<none>"),
                previous.stream().sorted().toList(),
                "previous states: none for k and j at 1000, then 123 and 9 at 2000");
    }

    @Test
    void startsFromTheInitialStateInTheGivenNumberOfPartitions() {
        AtomicInteger calls = new AtomicInteger();
        List<Integer> partitions = new ArrayList<>();
        TestInput<String> words = driver.newInput("words");
        PairDStream<String, Integer> counts =
                words.stream()
                        .mapToPair(w -> Tuple2.of(w, 1))
                        .updateStateByKey(
                                (List<Integer> ones, Optional<Integer> count) -> {
                                    calls.incrementAndGet();
                                    return Optional.of(count.orElse(0) + ones.size());
                                },
                                3,
                                List.of(kv("a", 10), kv("c", 5)));
        counts.foreachRDD(batch -> partitions.add(batch.getNumPartitions()));
        TestOutput<Tuple2<String, Integer>> out = driver.collect("counts", counts);
        startWithCheckpoint(ssc, driver);

        words.add("a", "b");
        driver.advanceBatches(1);
        assertEquals(3, calls.getAndSet(0), "a, b and c, whose state came from the initial state");
        driver.advanceBatches(1);

        assertEquals(List.of(kv("a", 11), kv("b", 1), kv("c", 5)), byKey(out.batch(1_000)));
        assertEquals(List.of(kv("a", 11), kv("b", 1), kv("c", 5)), byKey(out.batch(2_000)));
        assertEquals(List.of(3, 3), partitions);
    }

    /** Property: over random inputs, the state equals a plain map updated the same way. */
    @Test
    void equalsAMapUpdatedTheSameWayOverRandomBatches() {
        Random random = new Random(20261126);
        Function2<List<Integer>, Optional<Integer>, Optional<Integer>> sumUntilOver50 =
                (values, sum) -> {
                    int total = sum.orElse(0);
                    for (int v : values) {
                        total += v;
                    }
                    return total > 50 ? Optional.empty() : Optional.of(total);
                };
        TestInput<Tuple2<Integer, Integer>> in = driver.newInput("in");
        TestOutput<Tuple2<Integer, Integer>> out =
                driver.collect(
                        "out", in.stream().mapToPair(t -> t).updateStateByKey(sumUntilOver50, 4));
        startWithCheckpoint(ssc, driver);

        Map<Integer, Integer> model = new HashMap<>();
        for (int b = 1; b <= 40; b++) {
            List<Tuple2<Integer, Integer>> batch = new ArrayList<>();
            Map<Integer, List<Integer>> byKey = new HashMap<>();
            for (int r = random.nextInt(60); r > 0; r--) {
                Tuple2<Integer, Integer> pair = Tuple2.of(random.nextInt(200), random.nextInt(10));
                batch.add(pair);
                byKey.computeIfAbsent(pair._1(), k -> new ArrayList<>()).add(pair._2());
            }
            for (Integer key : new ArrayList<>(model.keySet())) {
                byKey.putIfAbsent(key, List.of());
            }
            for (Map.Entry<Integer, List<Integer>> e : byKey.entrySet()) {
                int total = model.getOrDefault(e.getKey(), 0);
                for (int v : e.getValue()) {
                    total += v;
                }
                if (total > 50) {
                    model.remove(e.getKey());
                } else {
                    model.put(e.getKey(), total);
                }
            }
            in.addAll(batch);
            driver.advanceBatches(1);
            Map<Integer, Integer> actual = new TreeMap<>();
            for (Tuple2<Integer, Integer> pair : out.batch(b * 1_000L)) {
                assertEquals(null, actual.put(pair._1(), pair._2()), "each key once");
            }
            assertEquals(new TreeMap<>(model), actual, "batch " + b);
        }
    }

    @Test
    void needsACheckpointDirectory() {
        TestInput<String> words = driver.newInput("words");
        PairDStream<String, Integer> pairs = words.stream().mapToPair(w -> Tuple2.of(w, 1));
        pairs.updateStateByKey(
                        (List<Integer> ones, Optional<Integer> count) ->
                                Optional.of(count.orElse(0) + ones.size()))
                .print();
        int line = lineOfCaller() - 4;

        InvalidPipelineException e = assertThrows(InvalidPipelineException.class, driver::start);
        assertEquals(
                "The checkpoint directory has not been set: updateStateByKey at "
                        + FILE
                        + line
                        + " keeps state from batch to batch; call ssc.checkpoint(directory) on"
                        + " context 'UpdateStateByKeyTest' before start()",
                e.getMessage());
    }

    @Test
    void aFailingFunctionStopsTheContextNamingTheOperatorAndBatch() {
        TestInput<String> words = driver.newInput("words");
        PairDStream<String, Integer> pairs = words.stream().mapToPair(w -> Tuple2.of(w, 1));
        PairDStream<String, Integer> counts =
                pairs.updateStateByKey(
                        (List<Integer> ones, Optional<Integer> count) -> {
                            if (count.isPresent() && ones.isEmpty()) {
                                throw new IllegalStateException("no data");
                            }
                            return Optional.of(count.orElse(0) + ones.size());
                        });
        int line = lineOfCaller() - 7;
        driver.collect("counts", counts);
        startWithCheckpoint(ssc, driver);

        words.add("a");
        driver.advanceBatches(1);
        UserFunctionException e =
                assertThrows(UserFunctionException.class, () -> driver.advanceBatches(1));

        assertEquals("updateStateByKey at " + FILE + line, e.operator());
        assertEquals(Time.ms(2_000), e.batchTime());
        assertEquals("no data", e.getCause().getMessage());
    }

    @Test
    void aFunctionReturningNullFailsWithAHint() {
        TestInput<String> words = driver.newInput("words");
        driver.collect(
                "counts",
                words.stream()
                        .mapToPair(w -> Tuple2.of(w, 1))
                        .updateStateByKey((List<Integer> ones, Optional<Integer> count) -> null));
        startWithCheckpoint(ssc, driver);

        words.add("a");
        UserFunctionException e =
                assertThrows(UserFunctionException.class, () -> driver.advanceBatches(1));

        assertTrue(e.getCause() instanceof NullPointerException, String.valueOf(e.getCause()));
        assertEquals(
                "the update function returned null; return Optional.empty() to remove the key",
                e.getCause().getMessage());
    }

    private static int lineOfCaller() {
        return StackWalker.getInstance()
                .walk(frames -> frames.skip(1).findFirst().orElseThrow().getLineNumber());
    }
}
