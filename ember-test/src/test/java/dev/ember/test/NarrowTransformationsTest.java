package dev.ember.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.streaming.DStream;
import dev.ember.streaming.Durations;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** map, flatMap, filter, mapPartitions, mapToPair and flatMapToPair: batch by batch, in order. */
class NarrowTransformationsTest {
    private final StreamingContext ssc =
            new StreamingContext("local[2]", "NarrowTransformationsTest", Durations.seconds(1));
    private final StreamingTestDriver driver = StreamingTestDriver.create(ssc);

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void mapAppliesTheFunctionToEachElement() {
        TestInput<Integer> numbers = driver.newInput("numbers");
        TestOutput<String> out = driver.collect("out", numbers.stream().map(n -> "#" + n * 10));
        driver.start();

        numbers.add(1, 2, 3);
        driver.advanceBatches(1);
        driver.advanceBatches(1);
        numbers.add(7);
        driver.advanceBatches(1);

        assertEquals(List.of("#10", "#20", "#30"), out.batch(1_000));
        assertEquals(List.of(), out.batch(2_000));
        assertEquals(List.of("#70"), out.batch(3_000));
    }

    @Test
    void chainedMapsApplyInOrder() {
        TestInput<Integer> numbers = driver.newInput("numbers");
        DStream<Integer> plusOneThenDouble = numbers.stream().map(n -> n + 1).map(n -> n * 2);
        TestOutput<Integer> out = driver.collect("out", plusOneThenDouble);
        driver.start();

        numbers.add(1, 2);
        driver.advanceBatches(1);

        assertEquals(List.of(4, 6), out.batch(1_000));
    }

    @Test
    void flatMapEmitsZeroOrMoreElementsPerElement() {
        TestInput<String> lines = driver.newInput("lines");
        TestOutput<String> words =
                driver.collect(
                        "words",
                        lines.stream()
                                .flatMap(
                                        line ->
                                                line.isEmpty()
                                                        ? List.<String>of().iterator()
                                                        : Arrays.asList(line.split(" "))
                                                                .iterator()));
        driver.start();

        lines.add("to be", "", "or not to be");
        driver.advanceBatches(1);
        lines.add("");
        driver.advanceBatches(1);

        assertEquals(List.of("to", "be", "or", "not", "to", "be"), words.batch(1_000));
        assertEquals(List.of(), words.batch(2_000));
    }

    @Test
    void filterKeepsTheElementsThatMatch() {
        TestInput<Integer> numbers = driver.newInput("numbers");
        TestOutput<Integer> even = driver.collect("even", numbers.stream().filter(n -> n % 2 == 0));
        driver.start();

        numbers.add(1, 2, 3, 4, 6);
        driver.advanceBatches(1);
        numbers.add(1, 3);
        driver.advanceBatches(1);

        assertEquals(List.of(2, 4, 6), even.batch(1_000));
        assertEquals(List.of(), even.batch(2_000));
    }

    @Test
    void mapPartitionsSeesEveryElementOfEachPartition() {
        TestInput<String> letters = driver.newInput("letters");
        TestOutput<String> upper =
                driver.collect(
                        "upper",
                        letters.stream()
                                .mapPartitions(
                                        partition -> {
                                            List<String> out = new ArrayList<>();
                                            partition.forEachRemaining(
                                                    s -> out.add(s.toUpperCase()));
                                            return out.iterator();
                                        }));
        driver.start();

        letters.add("a", "b", "c");
        driver.advanceBatches(2);

        assertEquals(List.of("A", "B", "C"), upper.batch(1_000));
        assertEquals(List.of(), upper.batch(2_000));
    }

    @Test
    void mapPartitionsIsCalledOncePerPartition() {
        TestInput<Integer> numbers = driver.newInput("numbers");
        TestOutput<Integer> sizes =
                driver.collect(
                        "sizes",
                        numbers.stream()
                                .repartition(3)
                                .mapPartitions(NarrowTransformationsTest::sizeOfPartition));
        driver.start();

        numbers.add(1, 2, 3, 4, 5, 6, 7);
        driver.advanceBatches(1);

        List<Integer> batch = sizes.batch(1_000);
        assertEquals(3, batch.size(), "one size per partition: " + batch);
        assertEquals(7, batch.stream().mapToInt(Integer::intValue).sum(), "sizes " + batch);
    }

    @Test
    void mapToPairMakesOnePairPerElement() {
        TestInput<String> words = driver.newInput("words");
        PairDStream<String, Integer> lengths =
                words.stream().mapToPair(w -> Tuple2.of(w, w.length()));
        TestOutput<Tuple2<String, Integer>> out = driver.collect("lengths", lengths);
        driver.start();

        words.add("spark", "ember", "go");
        driver.advanceBatches(2);

        assertEquals(
                List.of(Tuple2.of("spark", 5), Tuple2.of("ember", 5), Tuple2.of("go", 2)),
                out.batch(1_000));
        assertEquals(List.of(), out.batch(2_000));
    }

    @Test
    void flatMapToPairMakesZeroOrMorePairsPerElement() {
        TestInput<String> lines = driver.newInput("lines");
        PairDStream<String, Integer> pairs =
                lines.stream()
                        .flatMapToPair(
                                line -> {
                                    List<Tuple2<String, Integer>> out = new ArrayList<>();
                                    for (String word : line.split(" ")) {
                                        if (!word.isEmpty()) {
                                            out.add(Tuple2.of(word, 1));
                                        }
                                    }
                                    return out.iterator();
                                });
        TestOutput<Tuple2<String, Integer>> out = driver.collect("pairs", pairs);
        driver.start();

        lines.add("a b", " ", "a");
        driver.advanceBatches(1);

        assertEquals(
                List.of(Tuple2.of("a", 1), Tuple2.of("b", 1), Tuple2.of("a", 1)), out.batch(1_000));
    }

    private static Iterator<Integer> sizeOfPartition(Iterator<Integer> partition) {
        int size = 0;
        while (partition.hasNext()) {
            partition.next();
            size++;
        }
        return List.of(size).iterator();
    }
}
