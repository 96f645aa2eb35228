package dev.ember.test;

import static dev.ember.test.Unordered.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.Batch;
import dev.ember.streaming.DStream;
import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Time;
import dev.ember.streaming.Tuple2;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * foreachRDD in both forms, the actions and transformations of the Batch it hands over, and the
 * order in which output operations run. Values are recorded inside foreachRDD and asserted after
 * the batch, so a wrong value fails the test rather than the batch.
 */
class ForeachRDDTest {
    private final StreamingContext ssc =
            new StreamingContext("local[2]", "ForeachRDDTest", Durations.seconds(1));
    private final StreamingTestDriver driver = StreamingTestDriver.create(ssc);
    private final Map<String, Object> seen = new ConcurrentHashMap<>();
    private TestInput<Integer> numbers;

    @BeforeEach
    void createInput() {
        numbers = driver.newInput("numbers");
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void foreachRDDIsCalledForEveryBatchIncludingEmptyOnes() {
        List<Long> counts = new CopyOnWriteArrayList<>();
        numbers.stream().foreachRDD(batch -> counts.add(batch.count()));
        driver.start();

        numbers.add(1, 2, 3);
        driver.advanceBatches(2);
        numbers.add(4);
        driver.advanceBatches(1);

        assertEquals(List.of(3L, 0L, 1L), counts);
    }

    @Test
    void foreachRDDWithTimeReceivesEachBatchTime() {
        List<String> calls = new CopyOnWriteArrayList<>();
        numbers.stream().foreachRDD((batch, time) -> calls.add(time + ": " + batch.collect()));
        driver.start();

        numbers.add(7);
        driver.advanceBatches(3);

        assertEquals(List.of("1000 ms: [7]", "2000 ms: []", "3000 ms: []"), calls);
    }

    @Test
    void batchActionsGiveSparkResults() {
        numbers.stream()
                .foreachRDD(
                        batch -> {
                            seen.put("count", batch.count());
                            seen.put("collect", batch.collect());
                            seen.put("take2", batch.take(2));
                            seen.put("take10", batch.take(10));
                            seen.put("take0", batch.take(0));
                            seen.put("first", batch.first());
                            seen.put("isEmpty", batch.isEmpty());
                            seen.put("top2", batch.top(2));
                            seen.put("top2Smallest", batch.top(2, Comparator.reverseOrder()));
                            seen.put("top10", batch.top(10));
                            seen.put("reduce", batch.reduce(Integer::sum));
                        });
        driver.start();

        numbers.add(3, 1, 4, 1, 5);
        driver.advanceBatches(1);

        assertEquals(5L, seen.get("count"));
        assertEquals(List.of(3, 1, 4, 1, 5), seen.get("collect"));
        assertEquals(List.of(3, 1), seen.get("take2"));
        assertEquals(List.of(3, 1, 4, 1, 5), seen.get("take10"));
        assertEquals(List.of(), seen.get("take0"));
        assertEquals(3, seen.get("first"));
        assertEquals(false, seen.get("isEmpty"));
        assertEquals(List.of(5, 4), seen.get("top2"));
        assertEquals(List.of(1, 1), seen.get("top2Smallest"));
        assertEquals(List.of(5, 4, 3, 1, 1), seen.get("top10"));
        assertEquals(14, seen.get("reduce"));
    }

    @Test
    void batchActionsOnAnEmptyBatch() {
        numbers.stream()
                .foreachRDD(
                        batch -> {
                            seen.put("count", batch.count());
                            seen.put("collect", batch.collect());
                            seen.put("take", batch.take(3));
                            seen.put("isEmpty", batch.isEmpty());
                            seen.put("top", batch.top(2));
                            seen.put("first", failureOf(batch::first));
                            seen.put("reduce", failureOf(() -> batch.reduce(Integer::sum)));
                        });
        driver.start();

        driver.advanceBatches(1);

        assertEquals(0L, seen.get("count"));
        assertEquals(List.of(), seen.get("collect"));
        assertEquals(List.of(), seen.get("take"));
        assertEquals(true, seen.get("isEmpty"));
        assertEquals(List.of(), seen.get("top"));
        assertEquals(NoSuchElementException.class, seen.get("first"));
        assertEquals(NoSuchElementException.class, seen.get("reduce"));
    }

    @Test
    void batchTransformationsGiveNewBatches() {
        numbers.stream()
                .foreachRDD(
                        batch -> {
                            seen.put("map", batch.map(n -> n * 10).collect());
                            seen.put("filter", batch.filter(n -> n % 2 == 1).collect());
                            seen.put(
                                    "flatMap",
                                    batch.flatMap(n -> List.of(n, -n).iterator()).collect());
                            seen.put(
                                    "mapToPair",
                                    batch.mapToPair(n -> Tuple2.of(n % 2 == 0 ? "even" : "odd", n))
                                            .collect());
                            seen.put("union", batch.union(batch.map(n -> n + 100)).collect());
                            seen.put("chained", batch.map(n -> n + 1).filter(n -> n > 2).count());
                            seen.put("original", batch.collect());
                        });
        driver.start();

        numbers.add(3, 1, 4);
        driver.advanceBatches(1);

        assertEquals(List.of(30, 10, 40), seen.get("map"));
        assertEquals(List.of(3, 1), seen.get("filter"));
        assertEquals(List.of(3, -3, 1, -1, 4, -4), seen.get("flatMap"));
        assertEquals(
                List.of(Tuple2.of("odd", 3), Tuple2.of("odd", 1), Tuple2.of("even", 4)),
                seen.get("mapToPair"));
        assertEquals(List.of(3, 1, 4, 103, 101, 104), seen.get("union"));
        assertEquals(2L, seen.get("chained"));
        assertEquals(List.of(3, 1, 4), seen.get("original"));
    }

    @Test
    void sortBySortsTheWholeBatchAscendingOrDescending() {
        numbers.stream()
                .repartition(3)
                .foreachRDD(
                        batch -> {
                            seen.put("ascending", batch.sortBy(n -> n, true, 2).collect());
                            seen.put("descending", batch.sortBy(n -> n, false, 2).collect());
                            seen.put("byLastDigit", batch.sortBy(n -> n % 10, true, 1).collect());
                        });
        driver.start();

        numbers.add(42, 7, 19, 3, 25, 11);
        driver.advanceBatches(1);

        assertEquals(List.of(3, 7, 11, 19, 25, 42), seen.get("ascending"));
        assertEquals(List.of(42, 25, 19, 11, 7, 3), seen.get("descending"));
        assertEquals(List.of(11, 42, 3, 25, 7, 19), seen.get("byLastDigit"));
    }

    @Test
    void foreachCallsTheFunctionForEveryElement() {
        ConcurrentLinkedQueue<Integer> visited = new ConcurrentLinkedQueue<>();
        numbers.stream().repartition(2).foreachRDD(batch -> batch.foreach(visited::add));
        driver.start();

        numbers.add(5, 3, 8, 1);
        driver.advanceBatches(1);

        assertEquals(List.of(1, 3, 5, 8), sorted(visited));
    }

    @Test
    void foreachPartitionCallsTheFunctionOncePerPartition() {
        ConcurrentLinkedQueue<List<Integer>> partitions = new ConcurrentLinkedQueue<>();
        numbers.stream()
                .repartition(3)
                .foreachRDD(
                        batch -> {
                            seen.put("numPartitions", batch.getNumPartitions());
                            batch.foreachPartition(
                                    it -> {
                                        List<Integer> partition = new ArrayList<>();
                                        it.forEachRemaining(partition::add);
                                        partitions.add(partition);
                                    });
                        });
        driver.start();

        numbers.add(1, 2, 3, 4, 5, 6, 7);
        driver.advanceBatches(1);

        assertEquals(3, seen.get("numPartitions"));
        assertEquals(3, partitions.size(), "partitions " + partitions);
        List<Integer> all = new ArrayList<>();
        partitions.forEach(all::addAll);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), sorted(all));
    }

    @Test
    void getNumPartitionsCountsThePartitionsOfABatchAndOfItsUnion() {
        numbers.stream()
                .repartition(3)
                .foreachRDD(
                        batch -> {
                            seen.put("batch", batch.getNumPartitions());
                            seen.put("mapped", batch.map(n -> n + 1).getNumPartitions());
                            seen.put("union", batch.union(batch).getNumPartitions());
                        });
        numbers.stream().foreachRDD(batch -> seen.put("input", batch.getNumPartitions()));
        driver.start();

        numbers.add(1, 2, 3, 4);
        driver.advanceBatches(1);

        assertEquals(3, seen.get("batch"));
        assertEquals(3, seen.get("mapped"));
        assertEquals(6, seen.get("union"));
        assertTrue((Integer) seen.get("input") >= 1, "input partitions " + seen.get("input"));
    }

    @Test
    void outputsRunInDeclarationOrderEveryBatch() {
        List<String> order = new CopyOnWriteArrayList<>();
        DStream<Integer> input = numbers.stream();
        input.foreachRDD((batch, time) -> order.add("first " + time));
        input.map(n -> n * 2).foreachRDD((batch, time) -> order.add("second " + time));
        input.count().foreachRDD((batch, time) -> order.add("third " + batch.collect()));
        input.foreachRDD((batch, time) -> order.add("fourth " + time));
        driver.start();

        numbers.add(1, 2);
        driver.advanceBatches(2);

        assertEquals(
                List.of(
                        "first 1000 ms",
                        "second 1000 ms",
                        "third [2]",
                        "fourth 1000 ms",
                        "first 2000 ms",
                        "second 2000 ms",
                        "third [0]",
                        "fourth 2000 ms"),
                order);
    }

    @Test
    void eachBatchRunsToTheEndBeforeTheNextBatchStarts() {
        List<Time> order = new CopyOnWriteArrayList<>();
        numbers.stream().foreachRDD((Batch<Integer> batch, Time time) -> order.add(time));
        numbers.stream().window(Durations.seconds(2)).foreachRDD((batch, time) -> order.add(time));
        driver.start();

        driver.advanceBatches(2);

        assertEquals(
                List.of(Time.ms(1_000), Time.ms(1_000), Time.ms(2_000), Time.ms(2_000)), order);
    }

    private static Class<?> failureOf(Runnable action) {
        try {
            action.run();
            return Void.class;
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }
}
