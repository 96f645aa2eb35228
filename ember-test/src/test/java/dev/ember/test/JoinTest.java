package dev.ember.test;

import static dev.ember.test.Fixtures.kv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.Durations;
import dev.ember.streaming.InvalidPipelineException;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import dev.ember.streaming.UserFunctionException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-batch joins of two pair streams, with Spark's semantics: every combination of a key's
 * values on both sides, missing sides as empty {@link Optional}s. Joins into one partition keep a
 * defined order (keys by first appearance, left before right; pairs left value by left value), so
 * most tests use one partition and compare exactly; the others sort by string form.
 */
class JoinTest {
    private final StreamingContext ssc =
            new StreamingContext("local[2]", "JoinTest", Durations.seconds(1));
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

    private static <A, B> Tuple2<A, B> pair(A a, B b) {
        return Tuple2.of(a, b);
    }

    private static <X> Optional<X> some(X x) {
        return Optional.of(x);
    }

    private static <X> Optional<X> none() {
        return Optional.empty();
    }

    /** Left a=1, a=2, b=3, c=4 and right a=x, a=y, b=z, d=w: duplicates and one-sided keys. */
    private void addMixedBatch() {
        leftInput.add(kv("a", 1), kv("a", 2), kv("b", 3), kv("c", 4));
        rightInput.add(kv("a", "x"), kv("b", "z"), kv("a", "y"), kv("d", "w"));
    }

    private static List<String> sortedStrings(Collection<?> elements) {
        List<String> out = new ArrayList<>();
        for (Object e : elements) {
            out.add(String.valueOf(e));
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    @Test
    void joinPairsEveryValueOfAKeyOnOneSideWithEveryValueOnTheOther() {
        TestOutput<Tuple2<String, Tuple2<Integer, String>>> out =
                driver.collect("out", left.join(right, 1));
        driver.start();

        addMixedBatch();
        driver.advanceBatches(1);

        assertEquals(
                List.of(
                        kv("a", pair(1, "x")),
                        kv("a", pair(1, "y")),
                        kv("a", pair(2, "x")),
                        kv("a", pair(2, "y")),
                        kv("b", pair(3, "z"))),
                out.batch(1_000));
    }

    @Test
    void leftOuterJoinKeepsKeysOnlyOnTheLeftWithAnEmptyOptional() {
        TestOutput<Tuple2<String, Tuple2<Integer, Optional<String>>>> out =
                driver.collect("out", left.leftOuterJoin(right, 1));
        driver.start();

        addMixedBatch();
        driver.advanceBatches(1);

        assertEquals(
                List.of(
                        kv("a", pair(1, some("x"))),
                        kv("a", pair(1, some("y"))),
                        kv("a", pair(2, some("x"))),
                        kv("a", pair(2, some("y"))),
                        kv("b", pair(3, some("z"))),
                        kv("c", pair(4, JoinTest.<String>none()))),
                out.batch(1_000));
    }

    @Test
    void rightOuterJoinKeepsKeysOnlyOnTheRightWithAnEmptyOptional() {
        TestOutput<Tuple2<String, Tuple2<Optional<Integer>, String>>> out =
                driver.collect("out", left.rightOuterJoin(right, 1));
        driver.start();

        addMixedBatch();
        driver.advanceBatches(1);

        assertEquals(
                List.of(
                        kv("a", pair(some(1), "x")),
                        kv("a", pair(some(1), "y")),
                        kv("a", pair(some(2), "x")),
                        kv("a", pair(some(2), "y")),
                        kv("b", pair(some(3), "z")),
                        kv("d", pair(JoinTest.<Integer>none(), "w"))),
                out.batch(1_000));
    }

    @Test
    void fullOuterJoinKeepsKeysOfEitherSide() {
        TestOutput<Tuple2<String, Tuple2<Optional<Integer>, Optional<String>>>> out =
                driver.collect("out", left.fullOuterJoin(right, 1));
        driver.start();

        addMixedBatch();
        driver.advanceBatches(1);

        assertEquals(
                List.of(
                        kv("a", pair(some(1), some("x"))),
                        kv("a", pair(some(1), some("y"))),
                        kv("a", pair(some(2), some("x"))),
                        kv("a", pair(some(2), some("y"))),
                        kv("b", pair(some(3), some("z"))),
                        kv("c", pair(some(4), JoinTest.<String>none())),
                        kv("d", pair(JoinTest.<Integer>none(), some("w")))),
                out.batch(1_000));
    }

    @Test
    void joinsOfBatchesWhereOneSideOrBothAreEmpty() {
        TestOutput<Tuple2<String, Tuple2<Integer, String>>> inner =
                driver.collect("inner", left.join(right, 1));
        TestOutput<Tuple2<String, Tuple2<Integer, Optional<String>>>> leftOuter =
                driver.collect("leftOuter", left.leftOuterJoin(right, 1));
        TestOutput<Tuple2<String, Tuple2<Optional<Integer>, String>>> rightOuter =
                driver.collect("rightOuter", left.rightOuterJoin(right, 1));
        TestOutput<Tuple2<String, Tuple2<Optional<Integer>, Optional<String>>>> fullOuter =
                driver.collect("fullOuter", left.fullOuterJoin(right, 1));
        driver.start();

        leftInput.add(kv("a", 1));
        driver.advanceBatches(1); // 1000: right empty
        rightInput.add(kv("a", "x"));
        driver.advanceBatches(1); // 2000: left empty
        driver.advanceBatches(1); // 3000: both empty

        assertEquals(List.of(), inner.batch(1_000));
        assertEquals(List.of(), inner.batch(2_000));
        assertEquals(List.of(), inner.batch(3_000));
        assertEquals(List.of(kv("a", pair(1, JoinTest.<String>none()))), leftOuter.batch(1_000));
        assertEquals(List.of(), leftOuter.batch(2_000));
        assertEquals(List.of(), leftOuter.batch(3_000));
        assertEquals(List.of(), rightOuter.batch(1_000));
        assertEquals(
                List.of(kv("a", pair(JoinTest.<Integer>none(), "x"))), rightOuter.batch(2_000));
        assertEquals(List.of(), rightOuter.batch(3_000));
        assertEquals(
                List.of(kv("a", pair(some(1), JoinTest.<String>none()))), fullOuter.batch(1_000));
        assertEquals(
                List.of(kv("a", pair(JoinTest.<Integer>none(), some("x")))),
                fullOuter.batch(2_000));
        assertEquals(List.of(), fullOuter.batch(3_000));
    }

    @Test
    void joinMatchesOnlyBatchesOfTheSameTime() {
        TestOutput<Tuple2<String, Tuple2<Integer, String>>> out =
                driver.collect("out", left.join(right));
        driver.start();

        leftInput.add(kv("a", 1));
        driver.advanceBatches(1);
        rightInput.add(kv("a", "x"));
        driver.advanceBatches(1);
        leftInput.add(kv("a", 2));
        rightInput.add(kv("a", "y"));
        driver.advanceBatches(1);

        assertEquals(List.of(), out.batch(1_000));
        assertEquals(List.of(), out.batch(2_000));
        assertEquals(List.of(kv("a", pair(2, "y"))), out.batch(3_000));
    }

    @Test
    void joinOverTheDefaultPartitionsHashesEveryKeyToOnePlace() {
        TestOutput<Tuple2<String, Tuple2<Integer, String>>> out =
                driver.collect("out", left.join(right));
        driver.start();

        for (int i = 0; i < 20; i++) {
            leftInput.add(kv("k" + i, i));
            rightInput.add(kv("k" + (i % 10), "r" + i));
        }
        driver.advanceBatches(1);

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            expected.add(kv("k" + i, pair(i, "r" + i)).toString());
            expected.add(kv("k" + i, pair(i, "r" + (i + 10))).toString());
        }
        expected.sort(Comparator.naturalOrder());
        assertEquals(expected, sortedStrings(out.batch(1_000)));
    }

    @Test
    void joinsUseTheDefaultParallelismOrTheGivenNumberOfPartitions() {
        List<Integer> byDefault = new CopyOnWriteArrayList<>();
        List<Integer> three = new CopyOnWriteArrayList<>();
        List<Integer> fullOuterFive = new CopyOnWriteArrayList<>();
        left.join(right).foreachRDD(b -> byDefault.add(b.getNumPartitions()));
        left.leftOuterJoin(right, 3).foreachRDD(b -> three.add(b.getNumPartitions()));
        left.fullOuterJoin(right, 5).foreachRDD(b -> fullOuterFive.add(b.getNumPartitions()));
        driver.start();

        addMixedBatch();
        driver.advanceBatches(1);
        driver.advanceBatches(1); // both sides empty: still the join's partitions

        assertEquals(List.of(2, 2), byDefault);
        assertEquals(List.of(3, 3), three);
        assertEquals(List.of(5, 5), fullOuterFive);
    }

    @Test
    void joinWithAWindowedStreamMatchesAcrossBatches() {
        // Impressions stay joinable for 3 s; clicks join the impressions of their window.
        PairDStream<String, String> impressions = right.window(Durations.seconds(3));
        TestOutput<Tuple2<String, Tuple2<Integer, String>>> out =
                driver.collect("out", left.join(impressions, 1));
        driver.start();

        rightInput.add(kv("ad1", "shown@1"));
        driver.advanceBatches(1); // 1000
        rightInput.add(kv("ad2", "shown@2"));
        leftInput.add(kv("ad1", 10));
        driver.advanceBatches(1); // 2000
        leftInput.add(kv("ad1", 11), kv("ad2", 20));
        driver.advanceBatches(1); // 3000
        leftInput.add(kv("ad1", 12), kv("ad2", 21));
        driver.advanceBatches(1); // 4000: the window (1000, 4000] no longer holds ad1

        assertEquals(List.of(), out.batch(1_000));
        assertEquals(List.of(kv("ad1", pair(10, "shown@1"))), out.batch(2_000));
        assertEquals(
                List.of(kv("ad1", pair(11, "shown@1")), kv("ad2", pair(20, "shown@2"))),
                out.batch(3_000));
        assertEquals(List.of(kv("ad2", pair(21, "shown@2"))), out.batch(4_000));
    }

    @Test
    void joinOfTwoWindowedStreamsWithTheSameSlide() {
        TestOutput<Tuple2<String, Tuple2<Integer, String>>> out =
                driver.collect(
                        "out",
                        left.window(Durations.seconds(2), Durations.seconds(2))
                                .join(right.window(Durations.seconds(4), Durations.seconds(2)), 1));
        driver.start();

        rightInput.add(kv("a", "x"));
        driver.advanceBatches(1); // 1000: no window
        driver.advanceBatches(1); // 2000: left (0, 2000] empty
        leftInput.add(kv("a", 1));
        driver.advanceBatches(1); // 3000: no window
        leftInput.add(kv("a", 2));
        driver.advanceBatches(1); // 4000: left (2000, 4000], right (0, 4000]

        assertEquals(
                List.of(2_000L, 4_000L),
                out.batches().keySet().stream().map(t -> t.milliseconds()).toList());
        assertEquals(List.of(), out.batch(2_000));
        assertEquals(List.of(kv("a", pair(1, "x")), kv("a", pair(2, "x"))), out.batch(4_000));
    }

    @Test
    void joinOfAStreamWithItselfPairsEachKeysValuesWithEachOther() {
        TestOutput<Tuple2<String, Tuple2<Integer, Integer>>> out =
                driver.collect("out", left.join(left, 1));
        driver.start();

        leftInput.add(kv("a", 1), kv("a", 2), kv("b", 3));
        driver.advanceBatches(1);

        assertEquals(
                List.of(
                        kv("a", pair(1, 1)),
                        kv("a", pair(1, 2)),
                        kv("a", pair(2, 1)),
                        kv("a", pair(2, 2)),
                        kv("b", pair(3, 3))),
                out.batch(1_000));
    }

    @Test
    void innerJoinAndTheKeptSideOfAnOuterJoinCarryNullValuesAndNullKeys() {
        TestOutput<Tuple2<String, Tuple2<Integer, String>>> inner =
                driver.collect("inner", left.join(right, 1));
        TestOutput<Tuple2<String, Tuple2<Integer, Optional<String>>>> leftOuter =
                driver.collect("leftOuter", left.leftOuterJoin(right, 1));
        driver.start();

        leftInput.add(kv("a", null), kv(null, 7), kv("c", null));
        rightInput.add(kv("a", "x"), kv(null, "n"));
        driver.advanceBatches(1);

        assertEquals(List.of(kv("a", pair(null, "x")), kv(null, pair(7, "n"))), inner.batch(1_000));
        assertEquals(
                List.of(
                        kv("a", pair(null, some("x"))),
                        kv(null, pair(7, some("n"))),
                        kv("c", pair(null, JoinTest.<String>none()))),
                leftOuter.batch(1_000));
    }

    @Test
    void outerJoinFailsOnANullValueThatItWouldWrapInAnOptional() {
        left.leftOuterJoin(right).print();
        driver.start();

        leftInput.add(kv("a", 1));
        rightInput.add(kv("a", null));
        UserFunctionException e =
                assertThrows(UserFunctionException.class, () -> driver.advanceBatches(1));

        assertTrue(e.operator().startsWith("leftOuterJoin at JoinTest.java:"), e.operator());
        assertEquals(1_000, e.batchTime().milliseconds());
        assertInstanceOf(NullPointerException.class, e.getCause());
        assertEquals(
                "leftOuterJoin met a null value on the right side, which java.util.Optional"
                        + " cannot hold (nor can Spark's Optional); filter out or replace null"
                        + " values before joining",
                e.getCause().getMessage());
    }

    @Test
    void rejectsJoiningStreamsWithDifferentSlides() {
        PairDStream<String, String> windowed =
                right.window(Durations.seconds(2), Durations.seconds(2));

        InvalidPipelineException e =
                assertThrows(InvalidPipelineException.class, () -> left.join(windowed));

        assertTrue(
                e.getMessage().startsWith("join of 'mapToPair at JoinTest.java:"), e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith(
                                "' (slide 2s) needs streams with the same slide; window one of"
                                        + " them to match"),
                e.getMessage());
        assertTrue(e.getMessage().contains("' (slide 1s) and 'window at JoinTest.java:"));
        for (String op : List.of("leftOuterJoin", "rightOuterJoin", "fullOuterJoin", "cogroup")) {
            InvalidPipelineException other =
                    assertThrows(
                            InvalidPipelineException.class,
                            () -> {
                                switch (op) {
                                    case "leftOuterJoin" -> left.leftOuterJoin(windowed);
                                    case "rightOuterJoin" -> left.rightOuterJoin(windowed, 2);
                                    case "fullOuterJoin" -> left.fullOuterJoin(windowed);
                                    default -> left.cogroup(windowed);
                                }
                            });
            assertTrue(other.getMessage().startsWith(op + " of '"), other.getMessage());
        }
    }

    @Test
    void rejectsJoiningStreamsOfTwoContexts() {
        StreamingContext another =
                new StreamingContext("local[2]", "another", Durations.seconds(1));
        PairDStream<String, String> foreign =
                another.queueStream(new java.util.ArrayDeque<List<Tuple2<String, String>>>())
                        .mapToPair(t -> t);

        InvalidPipelineException e =
                assertThrows(InvalidPipelineException.class, () -> left.join(foreign));

        assertTrue(
                e.getMessage()
                        .contains(
                                "mixes streams of two contexts ('JoinTest' and 'another'); build"
                                        + " both streams from one StreamingContext"),
                e.getMessage());
    }

    @Test
    void rejectsANumberOfPartitionsBelowOne() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> left.join(right, -1));

        assertEquals("numPartitions of join must be at least 1, got -1", e.getMessage());
    }
}
