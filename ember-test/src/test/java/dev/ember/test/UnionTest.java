package dev.ember.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.streaming.DStream;
import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
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
