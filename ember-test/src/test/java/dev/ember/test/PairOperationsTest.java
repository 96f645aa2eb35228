package dev.ember.test;

import static dev.ember.test.Unordered.byKey;
import static dev.ember.test.Unordered.groups;
import static dev.ember.test.Unordered.multiset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ember.streaming.Durations;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PairDStream's key-based operations. Partition order after a shuffle is the engine's choice, so
 * keyed outputs are compared sorted by key.
 */
class PairOperationsTest {
    private final StreamingContext ssc =
            new StreamingContext("local[2]", "PairOperationsTest", Durations.seconds(1));
    private final StreamingTestDriver driver = StreamingTestDriver.create(ssc);
    private TestInput<String> records;
    private PairDStream<String, Integer> pairs;

    /** Records are "key=value" strings, so a test adds pairs as text. */
    @BeforeEach
    void createInput() {
        records = driver.newInput("records");
        pairs =
                records.stream()
                        .mapToPair(
                                r -> {
                                    String[] kv = r.split("=");
                                    return Tuple2.of(kv[0], Integer.parseInt(kv[1]));
                                });
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void reduceByKeyReducesTheValuesOfEachKeyPerBatch() {
        TestOutput<Tuple2<String, Integer>> sums =
                driver.collect("sums", pairs.reduceByKey(Integer::sum));
        driver.start();

        records.add("a=1", "b=2", "a=3", "c=0", "a=5");
        driver.advanceBatches(1);
        driver.advanceBatches(1);
        records.add("b=7");
        driver.advanceBatches(1);

        assertEquals(
                List.of(Tuple2.of("a", 9), Tuple2.of("b", 2), Tuple2.of("c", 0)),
                byKey(sums.batch(1_000)));
        assertEquals(List.of(), sums.batch(2_000));
        assertEquals(List.of(Tuple2.of("b", 7)), sums.batch(3_000));
    }

    @Test
    void reduceByKeyDefaultsToOnePartitionPerWorkerThread() {
        List<Integer> partitions = new CopyOnWriteArrayList<>();
        pairs.reduceByKey(Integer::sum).foreachRDD(b -> partitions.add(b.getNumPartitions()));
        driver.start();

        records.add("a=1", "b=2", "c=3");
        driver.advanceBatches(1);

        assertEquals(List.of(2), partitions);
    }

    @Test
    void reduceByKeyWithNumPartitionsUsesThatManyPartitions() {
        PairDStream<String, Integer> maxima = pairs.reduceByKey(Math::max, 3);
        List<Integer> partitions = new CopyOnWriteArrayList<>();
        maxima.foreachRDD(b -> partitions.add(b.getNumPartitions()));
        TestOutput<Tuple2<String, Integer>> out = driver.collect("maxima", maxima);
        driver.start();

        records.add("a=1", "b=2", "a=3", "b=1", "c=4", "d=5", "e=6");
        driver.advanceBatches(2);

        assertEquals(List.of(3, 3), partitions);
        assertEquals(
                List.of(
                        Tuple2.of("a", 3),
                        Tuple2.of("b", 2),
                        Tuple2.of("c", 4),
                        Tuple2.of("d", 5),
                        Tuple2.of("e", 6)),
                byKey(out.batch(1_000)));
        assertEquals(List.of(), out.batch(2_000));
    }

    @Test
    void reduceByKeyCombinesValuesFromEveryInputPartition() {
        TestOutput<Tuple2<String, Integer>> sums =
                driver.collect("sums", pairs.repartition(4).reduceByKey(Integer::sum, 2));
        driver.start();

        for (int i = 1; i <= 10; i++) {
            records.add("k=" + i, (i % 2 == 0 ? "even=" : "odd=") + i);
        }
        driver.advanceBatches(1);

        assertEquals(
                List.of(Tuple2.of("even", 30), Tuple2.of("k", 55), Tuple2.of("odd", 25)),
                byKey(sums.batch(1_000)));
    }

    @Test
    void groupByKeyListsTheValuesOfEachKey() {
        PairDStream<String, Iterable<Integer>> grouped = pairs.groupByKey();
        TestOutput<Tuple2<String, Iterable<Integer>>> out = driver.collect("groups", grouped);
        driver.start();

        records.add("a=3", "b=2", "a=1", "a=2");
        driver.advanceBatches(1);
        driver.advanceBatches(1);
        records.add("c=9");
        driver.advanceBatches(1);

        assertEquals(
                List.of(Tuple2.of("a", List.of(1, 2, 3)), Tuple2.of("b", List.of(2))),
                groups(out.batch(1_000)));
        assertEquals(List.of(), out.batch(2_000));
        assertEquals(List.of(Tuple2.of("c", List.of(9))), groups(out.batch(3_000)));
    }

    @Test
    void groupByKeyWithNumPartitionsUsesThatManyPartitions() {
        PairDStream<String, Iterable<Integer>> grouped = pairs.repartition(3).groupByKey(5);
        List<Integer> partitions = new CopyOnWriteArrayList<>();
        grouped.foreachRDD(b -> partitions.add(b.getNumPartitions()));
        TestOutput<Tuple2<String, Iterable<Integer>>> out = driver.collect("groups", grouped);
        driver.start();

        records.add("a=1", "b=2", "a=3", "b=4", "a=5", "c=6");
        driver.advanceBatches(1);

        assertEquals(List.of(5), partitions);
        assertEquals(
                List.of(
                        Tuple2.of("a", List.of(1, 3, 5)),
                        Tuple2.of("b", List.of(2, 4)),
                        Tuple2.of("c", List.of(6))),
                groups(out.batch(1_000)));
    }

    @ParameterizedTest(name = "mapSideCombine={0}")
    @ValueSource(booleans = {true, false})
    void combineByKeyAveragesTheValuesOfEachKey(boolean mapSideCombine) {
        PairDStream<String, Double> averages =
                pairs.repartition(3)
                        .combineByKey(
                                (Integer v) -> Tuple2.of((long) v, 1L),
                                (Tuple2<Long, Long> acc, Integer v) ->
                                        Tuple2.of(acc._1() + v, acc._2() + 1),
                                (Tuple2<Long, Long> x, Tuple2<Long, Long> y) ->
                                        Tuple2.of(x._1() + y._1(), x._2() + y._2()),
                                2,
                                mapSideCombine)
                        .mapValues(sumAndCount -> (double) sumAndCount._1() / sumAndCount._2());
        TestOutput<Tuple2<String, Double>> out = driver.collect("averages", averages);
        driver.start();

        records.add("a=1", "b=10", "a=2", "a=6", "c=5", "b=20");
        driver.advanceBatches(1);
        driver.advanceBatches(1);
        records.add("a=4");
        driver.advanceBatches(1);

        assertEquals(
                List.of(Tuple2.of("a", 3.0), Tuple2.of("b", 15.0), Tuple2.of("c", 5.0)),
                byKey(out.batch(1_000)));
        assertEquals(List.of(), out.batch(2_000));
        assertEquals(List.of(Tuple2.of("a", 4.0)), out.batch(3_000));
    }

    @Test
    void combineByKeyWithoutTheFlagCombinesOnTheMapSide() {
        PairDStream<String, String> joined =
                pairs.combineByKey(
                        (Integer v) -> String.valueOf(v),
                        (String acc, Integer v) -> acc + "+" + v,
                        (String x, String y) -> x + "+" + y,
                        1);
        TestOutput<Tuple2<String, String>> out = driver.collect("joined", joined);
        driver.start();

        records.add("a=1", "a=2", "b=3");
        driver.advanceBatches(1);

        List<Tuple2<String, String>> batch = byKey(out.batch(1_000));
        assertEquals(2, batch.size(), "batch " + batch);
        assertEquals(
                List.of("1", "2"),
                Unordered.sorted(Arrays.asList(batch.get(0)._2().split("\\+"))),
                "a's values: " + batch);
        assertEquals(Tuple2.of("b", "3"), batch.get(1));
    }

    @Test
    void mapValuesMapsEachValueAndKeepsItsKey() {
        TestOutput<Tuple2<String, String>> out =
                driver.collect("out", pairs.mapValues(v -> "v" + v * 2));
        driver.start();

        records.add("a=1", "b=2", "a=3");
        driver.advanceBatches(2);

        assertEquals(
                List.of(Tuple2.of("a", "v2"), Tuple2.of("b", "v4"), Tuple2.of("a", "v6")),
                out.batch(1_000));
        assertEquals(List.of(), out.batch(2_000));
    }

    @Test
    void flatMapValuesPairsEachOfZeroOrMoreValuesWithTheKey() {
        TestOutput<Tuple2<String, Integer>> out =
                driver.collect(
                        "out",
                        pairs.flatMapValues(
                                v -> java.util.stream.IntStream.range(0, v).boxed().iterator()));
        driver.start();

        records.add("a=2", "b=0", "c=3");
        driver.advanceBatches(1);

        assertEquals(
                List.of(
                        Tuple2.of("a", 0),
                        Tuple2.of("a", 1),
                        Tuple2.of("c", 0),
                        Tuple2.of("c", 1),
                        Tuple2.of("c", 2)),
                out.batch(1_000));
    }

    @Test
    void filterOfAPairStreamIsAPairStream() {
        PairDStream<String, Integer> big = pairs.filter(kv -> kv._2() >= 10);
        TestOutput<Tuple2<String, Integer>> filtered = driver.collect("filtered", big);
        TestOutput<Tuple2<String, Integer>> sums =
                driver.collect("sums", big.reduceByKey(Integer::sum));
        driver.start();

        records.add("a=10", "b=1", "a=20", "c=30");
        driver.advanceBatches(1);

        assertEquals(
                List.of(Tuple2.of("a", 10), Tuple2.of("a", 20), Tuple2.of("c", 30)),
                filtered.batch(1_000));
        assertEquals(List.of(Tuple2.of("a", 30), Tuple2.of("c", 30)), byKey(sums.batch(1_000)));
    }

    @Test
    void unionOfPairStreamsIsAPairStream() {
        TestInput<String> other = driver.newInput("other");
        PairDStream<String, Integer> otherPairs = other.stream().mapToPair(w -> Tuple2.of(w, 100));
        PairDStream<String, Integer> both = pairs.union(otherPairs);
        TestOutput<Tuple2<String, Integer>> union = driver.collect("union", both);
        TestOutput<Tuple2<String, Integer>> sums =
                driver.collect("sums", both.reduceByKey(Integer::sum));
        driver.start();

        records.add("a=1", "b=2");
        other.add("a");
        driver.advanceBatches(1);

        assertEquals(
                List.of(Tuple2.of("a", 1), Tuple2.of("b", 2), Tuple2.of("a", 100)),
                union.batch(1_000));
        assertEquals(List.of(Tuple2.of("a", 101), Tuple2.of("b", 2)), byKey(sums.batch(1_000)));
    }

    @Test
    void repartitionOfAPairStreamIsAPairStream() {
        PairDStream<String, Integer> spread = pairs.repartition(3);
        List<Integer> partitions = new CopyOnWriteArrayList<>();
        spread.foreachRDD(b -> partitions.add(b.getNumPartitions()));
        TestOutput<Tuple2<String, Integer>> out = driver.collect("out", spread);
        TestOutput<Tuple2<String, Integer>> sums =
                driver.collect("sums", spread.reduceByKey(Integer::sum));
        driver.start();

        records.add("a=1", "b=2", "a=3", "c=4");
        driver.advanceBatches(1);

        assertEquals(List.of(3), partitions);
        assertEquals(
                multiset(List.of("(a,1)", "(b,2)", "(a,3)", "(c,4)")), multiset(out.batch(1_000)));
        assertEquals(
                List.of(Tuple2.of("a", 4), Tuple2.of("b", 2), Tuple2.of("c", 4)),
                byKey(sums.batch(1_000)));
    }

    @Test
    void windowOfAPairStreamIsAPairStream() {
        PairDStream<String, Integer> windowed = pairs.window(Durations.seconds(2));
        TestOutput<Tuple2<String, Integer>> sums =
                driver.collect("sums", windowed.reduceByKey(Integer::sum));
        PairDStream<String, Integer> sliding =
                pairs.window(Durations.seconds(2), Durations.seconds(2));
        TestOutput<Tuple2<String, Integer>> tumbling =
                driver.collect("tumbling", sliding.reduceByKey(Integer::sum));
        driver.start();

        records.add("a=1", "b=1");
        driver.advanceBatches(1);
        records.add("a=10");
        driver.advanceBatches(1);
        records.add("b=100");
        driver.advanceBatches(1);
        driver.advanceBatches(1);

        assertEquals(List.of(Tuple2.of("a", 1), Tuple2.of("b", 1)), byKey(sums.batch(1_000)));
        assertEquals(List.of(Tuple2.of("a", 11), Tuple2.of("b", 1)), byKey(sums.batch(2_000)));
        assertEquals(List.of(Tuple2.of("a", 10), Tuple2.of("b", 100)), byKey(sums.batch(3_000)));
        assertEquals(List.of(Tuple2.of("b", 100)), byKey(sums.batch(4_000)));
        assertEquals(List.of(Tuple2.of("a", 11), Tuple2.of("b", 1)), byKey(tumbling.batch(2_000)));
        assertEquals(List.of(Tuple2.of("b", 100)), byKey(tumbling.batch(4_000)));
        assertEquals(2, tumbling.batches().size(), "tumbling emits every 2 s: " + tumbling);
    }

    @Test
    void cacheOfAPairStreamIsTheSamePairStreamComputedOnce() {
        AtomicInteger calls = new AtomicInteger();
        PairDStream<String, Integer> doubled =
                pairs.mapValues(
                        v -> {
                            calls.incrementAndGet();
                            return v * 2;
                        });
        assertSame(doubled, doubled.cache());
        assertSame(doubled, doubled.persist());
        TestOutput<Tuple2<String, Integer>> all = driver.collect("all", doubled);
        TestOutput<Tuple2<String, Integer>> sums =
                driver.collect("sums", doubled.reduceByKey(Integer::sum));
        driver.start();

        records.add("a=1", "a=2", "b=3");
        driver.advanceBatches(1);

        assertEquals(3, calls.get());
        assertEquals(
                List.of(Tuple2.of("a", 2), Tuple2.of("a", 4), Tuple2.of("b", 6)), all.batch(1_000));
        assertEquals(List.of(Tuple2.of("a", 6), Tuple2.of("b", 6)), byKey(sums.batch(1_000)));
    }

    @Test
    void countByValueOfAPairStreamCountsWholePairs() {
        TestOutput<Tuple2<Tuple2<String, Integer>, Long>> out =
                driver.collect("out", pairs.countByValue());
        driver.start();

        records.add("a=1", "a=1", "a=2");
        driver.advanceBatches(1);

        assertEquals(multiset(List.of("((a,1),2)", "((a,2),1)")), multiset(out.batch(1_000)));
    }
}
