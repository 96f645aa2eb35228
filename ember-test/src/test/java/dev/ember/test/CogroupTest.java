package dev.ember.test;

import static dev.ember.test.Fixtures.kv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.Durations;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import dev.ember.streaming.UserFunctionException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PairDStream.cogroup: per batch time, each key of either side with the list of its values on each
 * side, in arrival order. Into one partition the key order is defined too (first appearance, left
 * before right), so most tests compare exactly.
 */
class CogroupTest {
    private final StreamingContext ssc =
            new StreamingContext("local[2]", "CogroupTest", Durations.seconds(1));
    private final StreamingTestDriver driver = StreamingTestDriver.create(ssc);
    private TestInput<Tuple2<String, Integer>> leftInput;
    private TestInput<Tuple2<String, String>> rightInput;
    private PairDStream<String, Integer> left;
    private PairDStream<String, String> right;

    @BeforeEach
    void createInputs() {
        leftInput = driver.newInput("left");
        rightInput = driver.newInput("right");
        left = leftInput.stream().mapToPair(t -> t);
        right = rightInput.stream().mapToPair(t -> t);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private static Tuple2<String, Tuple2<List<Integer>, List<String>>> group(
            String key, List<Integer> leftValues, List<String> rightValues) {
        return Tuple2.of(key, Tuple2.of(leftValues, rightValues));
    }

    @Test
    void cogroupListsTheValuesOfEachKeyOnEachSideInArrivalOrder() {
        TestOutput<Tuple2<String, Tuple2<Iterable<Integer>, Iterable<String>>>> out =
                driver.collect("out", left.cogroup(right, 1));
        driver.start();

        leftInput.add(kv("a", 1), kv("b", 2), kv("a", 3));
        leftInput.add(kv("a", 4), kv("c", 5));
        rightInput.add(kv("b", "x"), kv("d", "y"), kv("b", "z"));
        driver.advanceBatches(1);

        assertEquals(
                List.of(
                        group("a", List.of(1, 3, 4), List.of()),
                        group("b", List.of(2), List.of("x", "z")),
                        group("c", List.of(5), List.of()),
                        group("d", List.of(), List.of("y"))),
                out.batch(1_000));
    }

    @Test
    void cogroupOfEmptyBatches() {
        TestOutput<Tuple2<String, Tuple2<Iterable<Integer>, Iterable<String>>>> out =
                driver.collect("out", left.cogroup(right, 1));
        driver.start();

        driver.advanceBatches(1); // 1000: both sides empty
        leftInput.add(kv("a", 1));
        driver.advanceBatches(1); // 2000: right empty
        rightInput.add(kv("a", "x"), kv("a", "y"));
        driver.advanceBatches(1); // 3000: left empty

        assertEquals(List.of(), out.batch(1_000));
        assertEquals(List.of(group("a", List.of(1), List.of())), out.batch(2_000));
        assertEquals(List.of(group("a", List.of(), List.of("x", "y"))), out.batch(3_000));
    }

    @Test
    void cogroupHasTheDefaultOrTheGivenNumberOfPartitionsEvenWhenEmpty() {
        List<Integer> byDefault = new CopyOnWriteArrayList<>();
        List<Integer> four = new CopyOnWriteArrayList<>();
        left.cogroup(right).foreachRDD(b -> byDefault.add(b.getNumPartitions()));
        left.cogroup(right, 4).foreachRDD(b -> four.add(b.getNumPartitions()));
        driver.start();

        leftInput.add(kv("a", 1));
        driver.advanceBatches(1);
        driver.advanceBatches(1);

        assertEquals(List.of(2, 2), byDefault);
        assertEquals(List.of(4, 4), four);
    }

    @Test
    void cogroupOverSeveralPartitionsPutsEachKeyInOneGroup() {
        TestOutput<Tuple2<String, Tuple2<Iterable<Integer>, Iterable<String>>>> out =
                driver.collect("out", left.cogroup(right, 3));
        driver.start();

        for (int i = 0; i < 30; i++) {
            leftInput.add(kv("k" + (i % 7), i));
        }
        for (int i = 0; i < 10; i++) {
            rightInput.add(kv("k" + (i % 5 + 3), "r" + i));
        }
        driver.advanceBatches(1);

        List<String> expected = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            List<Integer> l = new ArrayList<>();
            for (int i = k; i < 30 && k < 7; i += 7) {
                l.add(i);
            }
            List<String> r = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                if (i % 5 + 3 == k) {
                    r.add("r" + i);
                }
            }
            expected.add(group("k" + k, l, r).toString());
        }
        List<String> actual = new ArrayList<>();
        out.batch(1_000).forEach(g -> actual.add(g.toString()));
        actual.sort(Comparator.naturalOrder());
        assertEquals(expected, actual);
    }

    @Test
    void cogroupGroupsNullKeysAndKeepsNullValues() {
        TestOutput<Tuple2<String, Tuple2<Iterable<Integer>, Iterable<String>>>> out =
                driver.collect("out", left.cogroup(right, 2));
        driver.start();

        leftInput.add(kv(null, 1), kv(null, null));
        rightInput.add(kv(null, null));
        driver.advanceBatches(1);

        List<Integer> leftValues = new ArrayList<>();
        leftValues.add(1);
        leftValues.add(null);
        List<String> rightValues = new ArrayList<>();
        rightValues.add(null);
        assertEquals(
                List.of(Tuple2.of(null, Tuple2.of(leftValues, rightValues))), out.batch(1_000));
    }

    @Test
    void cogroupOfTwoWindowedStreamsGroupsAcrossTheirWindows() {
        TestOutput<Tuple2<String, Tuple2<Iterable<Integer>, Iterable<String>>>> out =
                driver.collect(
                        "out",
                        left.window(Durations.seconds(2))
                                .cogroup(right.window(Durations.seconds(2)), 1));
        driver.start();

        leftInput.add(kv("a", 1));
        driver.advanceBatches(1);
        leftInput.add(kv("a", 2));
        rightInput.add(kv("a", "x"));
        driver.advanceBatches(1);
        driver.advanceBatches(1);
        driver.advanceBatches(1);

        assertEquals(List.of(group("a", List.of(1), List.of())), out.batch(1_000));
        assertEquals(List.of(group("a", List.of(1, 2), List.of("x"))), out.batch(2_000));
        assertEquals(List.of(group("a", List.of(2), List.of("x"))), out.batch(3_000));
        assertEquals(List.of(), out.batch(4_000));
    }

    /** A key whose hashCode fails, standing for a user key class with a broken hashCode. */
    private record BadKey(String name) implements Serializable {
        @Override
        public int hashCode() {
            throw new IllegalStateException("no hash for " + name);
        }
    }

    @Test
    void aKeyWhoseHashCodeThrowsFailsTheBatchNamingTheCogroup() {
        PairDStream<BadKey, Integer> bad = left.mapToPair(t -> Tuple2.of(new BadKey(t._1()), 1));
        PairDStream<BadKey, Integer> good = left.mapToPair(t -> Tuple2.of(new BadKey("x"), 1));
        bad.cogroup(good, 2).print();
        driver.start();

        leftInput.add(kv("a", 1));
        UserFunctionException e =
                assertThrows(UserFunctionException.class, () -> driver.advanceBatches(1));

        assertTrue(e.operator().startsWith("cogroup at CogroupTest.java:"), e.operator());
        assertEquals(1_000, e.batchTime().milliseconds());
        assertEquals("no hash for a", e.getCause().getMessage());
    }
}
