package dev.ember.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.streaming.DStream;
import dev.ember.streaming.Durations;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DStream.union and StreamingContext.union: the batches of every stream for the same time. */
class UnionTest {
    private final StreamingContext ssc =
            new StreamingContext("local[2]", "UnionTest", Durations.seconds(1));
    private final StreamingTestDriver driver = StreamingTestDriver.create(ssc);

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void unionOfTwoStreamsHoldsTheElementsOfBothInEachBatch() {
        TestInput<Integer> left = driver.newInput("left");
        TestInput<Integer> right = driver.newInput("right");
        TestOutput<Integer> out = driver.collect("out", left.stream().union(right.stream()));
        driver.start();

        left.add(1, 2);
        right.add(3);
        driver.advanceBatches(1);
        right.add(4);
        driver.advanceBatches(1);
        driver.advanceBatches(1);

        assertEquals(List.of(1, 2, 3), out.batch(1_000));
        assertEquals(List.of(4), out.batch(2_000));
        assertEquals(List.of(), out.batch(3_000));
    }

    @Test
    void contextUnionOfTwoStreamsHoldsTheElementsOfBoth() {
        TestInput<String> a = driver.newInput("a");
        TestInput<String> b = driver.newInput("b");
        TestOutput<String> out = driver.collect("out", ssc.union(a.stream(), b.stream()));
        driver.start();

        a.add("a1");
        b.add("b1", "b2");
        driver.advanceBatches(1);
        a.add("a2");
        driver.advanceBatches(1);

        assertEquals(List.of("a1", "b1", "b2"), out.batch(1_000));
        assertEquals(List.of("a2"), out.batch(2_000));
    }

    @Test
    void contextUnionOfThreeStreamsHoldsTheElementsOfAllThree() {
        TestInput<String> a = driver.newInput("a");
        TestInput<String> b = driver.newInput("b");
        TestInput<String> c = driver.newInput("c");
        TestOutput<String> varargs =
                driver.collect("varargs", ssc.union(a.stream(), b.stream(), c.stream()));
        TestOutput<String> list =
                driver.collect("list", ssc.union(List.of(a.stream(), b.stream(), c.stream())));
        driver.start();

        a.add("a1");
        b.add("b1");
        c.add("c1", "c2");
        driver.advanceBatches(1);
        c.add("c3");
        driver.advanceBatches(1);
        driver.advanceBatches(1);

        for (TestOutput<String> out : List.of(varargs, list)) {
            assertEquals(List.of("a1", "b1", "c1", "c2"), out.batch(1_000), out.name());
            assertEquals(List.of("c3"), out.batch(2_000), out.name());
            assertEquals(List.of(), out.batch(3_000), out.name());
        }
    }

    @Test
    void contextUnionOfFiveStreamsHoldsTheirElementsInStreamOrder() {
        List<TestInput<Integer>> inputs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inputs.add(driver.newInput("in" + i));
        }
        List<DStream<Integer>> streams = new ArrayList<>();
        inputs.forEach(in -> streams.add(in.stream()));
        TestOutput<Integer> varargs =
                driver.collect(
                        "varargs",
                        ssc.union(
                                streams.get(0),
                                streams.get(1),
                                streams.get(2),
                                streams.get(3),
                                streams.get(4)));
        TestOutput<Integer> list = driver.collect("list", ssc.union(streams));
        driver.start();

        for (int i = 4; i >= 0; i--) {
            inputs.get(i).add(i * 10, i * 10 + 1);
        }
        driver.advanceBatches(1);
        inputs.get(3).add(99);
        driver.advanceBatches(1);
        driver.advanceBatches(1);

        for (TestOutput<Integer> out : List.of(varargs, list)) {
            assertEquals(
                    List.of(0, 1, 10, 11, 20, 21, 30, 31, 40, 41), out.batch(1_000), out.name());
            assertEquals(List.of(99), out.batch(2_000), out.name());
            assertEquals(List.of(), out.batch(3_000), out.name());
        }
    }

    @Test
    void contextUnionOfPairStreamsIsAPairStream() {
        TestInput<String> a = driver.newInput("a");
        TestInput<String> b = driver.newInput("b");
        TestInput<String> c = driver.newInput("c");
        PairDStream<String, Integer> all =
                ssc.union(
                        a.stream().mapToPair(w -> Tuple2.of(w, 1)),
                        b.stream().mapToPair(w -> Tuple2.of(w, 10)),
                        c.stream().mapToPair(w -> Tuple2.of(w, 100)));
        TestOutput<Tuple2<String, Integer>> union = driver.collect("union", all);
        TestOutput<Tuple2<String, Integer>> sums =
                driver.collect("sums", all.reduceByKey(Integer::sum));
        driver.start();

        a.add("x", "y");
        b.add("x");
        c.add("y", "z");
        driver.advanceBatches(1);

        assertEquals(
                List.of(
                        Tuple2.of("x", 1),
                        Tuple2.of("y", 1),
                        Tuple2.of("x", 10),
                        Tuple2.of("y", 100),
                        Tuple2.of("z", 100)),
                union.batch(1_000));
        assertEquals(
                List.of(Tuple2.of("x", 11), Tuple2.of("y", 101), Tuple2.of("z", 100)),
                Unordered.byKey(sums.batch(1_000)));
    }

    @Test
    void contextUnionOfOneStreamIsThatStream() {
        TestInput<String> a = driver.newInput("a");
        TestOutput<String> out = driver.collect("out", ssc.union(a.stream()));
        driver.start();

        a.add("x", "y");
        driver.advanceBatches(1);

        assertEquals(List.of("x", "y"), out.batch(1_000));
    }

    @Test
    void unionOfAStreamWithItselfHoldsEachElementTwice() {
        TestInput<String> a = driver.newInput("a");
        DStream<String> s = a.stream();
        TestOutput<String> out = driver.collect("out", s.union(s));
        driver.start();

        a.add("x", "y");
        driver.advanceBatches(1);

        assertEquals(List.of("x", "y", "x", "y"), out.batch(1_000));
    }

    @Test
    void unionOfTransformedStreamsCombinesTheirResults() {
        TestInput<Integer> numbers = driver.newInput("numbers");
        DStream<Integer> evens = numbers.stream().filter(n -> n % 2 == 0);
        DStream<Integer> oddsTimesTen = numbers.stream().filter(n -> n % 2 == 1).map(n -> n * 10);
        TestOutput<Integer> out = driver.collect("out", evens.union(oddsTimesTen));
        driver.start();

        numbers.add(1, 2, 3, 4);
        driver.advanceBatches(1);

        assertEquals(List.of(2, 4, 10, 30), out.batch(1_000));
    }
}
