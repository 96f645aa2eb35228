package dev.ember.test;

import static dev.ember.test.Unordered.byKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.streaming.Durations;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** count, countByValue and reduce: one result per batch. */
class AggregationsTest {
    private final StreamingContext ssc =
            new StreamingContext("local[2]", "AggregationsTest", Durations.seconds(1));
    private final StreamingTestDriver driver = StreamingTestDriver.create(ssc);

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void countGivesTheNumberOfElementsOfEachBatchAndZeroForAnEmptyOne() {
        TestInput<String> words = driver.newInput("words");
        TestOutput<Long> counts = driver.collect("counts", words.stream().count());
        driver.start();

        words.add("a", "b", "c");
        driver.advanceBatches(1);
        driver.advanceBatches(1);
        words.add("d");
        words.add("e");
        driver.advanceBatches(1);

        assertEquals(List.of(List.of(3L), List.of(0L), List.of(2L)), counts.batchList());
    }

    @Test
    void countOfAFilteredStreamCountsWhatIsLeft() {
        TestInput<Integer> numbers = driver.newInput("numbers");
        TestOutput<Long> counts =
                driver.collect("counts", numbers.stream().filter(n -> n > 2).count());
        driver.start();

        numbers.add(1, 2, 3, 4);
        driver.advanceBatches(1);
        numbers.add(1);
        driver.advanceBatches(1);

        assertEquals(List.of(List.of(2L), List.of(0L)), counts.batchList());
    }

    @Test
    void countByValueCountsEachDistinctElement() {
        TestInput<String> words = driver.newInput("words");
        PairDStream<String, Long> counted = words.stream().countByValue();
        TestOutput<Tuple2<String, Long>> out = driver.collect("out", counted);
        driver.start();

        words.add("a", "b", "a", "c", "a");
        driver.advanceBatches(1);
        driver.advanceBatches(1);
        words.add("b");
        driver.advanceBatches(1);

        assertEquals(
                List.of(Tuple2.of("a", 3L), Tuple2.of("b", 1L), Tuple2.of("c", 1L)),
                byKey(out.batch(1_000)));
        assertEquals(List.of(), out.batch(2_000));
        assertEquals(List.of(Tuple2.of("b", 1L)), out.batch(3_000));
    }

    @Test
    void countByValueWithNumPartitionsUsesThatManyPartitions() {
        TestInput<String> words = driver.newInput("words");
        PairDStream<String, Long> counted = words.stream().countByValue(3);
        List<Integer> partitions = new CopyOnWriteArrayList<>();
        counted.foreachRDD(batch -> partitions.add(batch.getNumPartitions()));
        TestOutput<Tuple2<String, Long>> out = driver.collect("out", counted);
        driver.start();

        words.add("x", "y", "x");
        driver.advanceBatches(1);

        assertEquals(List.of(3), partitions);
        assertEquals(List.of(Tuple2.of("x", 2L), Tuple2.of("y", 1L)), byKey(out.batch(1_000)));
    }

    @Test
    void reduceCombinesEachBatchIntoOneElementAndLeavesAnEmptyBatchEmpty() {
        TestInput<Integer> numbers = driver.newInput("numbers");
        TestOutput<Integer> sums = driver.collect("sums", numbers.stream().reduce(Integer::sum));
        driver.start();

        numbers.add(1, 2, 3, 4);
        driver.advanceBatches(1);
        driver.advanceBatches(1);
        numbers.add(42);
        driver.advanceBatches(1);

        assertEquals(List.of(10), sums.batch(1_000));
        assertEquals(List.of(), sums.batch(2_000));
        assertEquals(List.of(42), sums.batch(3_000));
    }

    @Test
    void reduceOverManyPartitionsCombinesThemAll() {
        TestInput<Integer> numbers = driver.newInput("numbers");
        TestOutput<Integer> max =
                driver.collect("max", numbers.stream().repartition(4).reduce(Math::max));
        driver.start();

        numbers.add(3, 17, 5, 11, 2, 8, 13);
        driver.advanceBatches(1);

        assertEquals(List.of(17), max.batch(1_000));
    }
}
