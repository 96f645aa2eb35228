package dev.ember.test;

import static dev.ember.test.Fixtures.kv;
import static dev.ember.test.Fixtures.startWithCheckpoint;
import static dev.ember.test.Unordered.byKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.DStream;
import dev.ember.streaming.Duration;
import dev.ember.streaming.Durations;
import dev.ember.streaming.InvalidPipelineException;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The windowed reductions: reduceByKeyAndWindow with and without an inverse function, and the
 * operators built on them. Keyed outputs are compared sorted by key.
 */
class WindowedReductionsTest {
    private StreamingContext ssc =
            new StreamingContext("local[2]", "WindowedReductionsTest", Durations.seconds(1));
    private StreamingTestDriver driver = StreamingTestDriver.create(ssc);

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void reduceByKeyAndWindowReducesEachSlidingWindowFromTheFirstPartialOne() {
        TestInput<Tuple2<String, Integer>> in = driver.newInput("in");
        TestOutput<Tuple2<String, Integer>> out =
                driver.collect(
                        "out",
                        in.stream()
                                .mapToPair(t -> t)
                                .reduceByKeyAndWindow(
                                        Integer::sum, Durations.seconds(3), Durations.seconds(2)));
        driver.start();

        in.add(kv("a", 1));
        driver.advanceBatches(1); // 1000
        in.add(kv("a", 2), kv("b", 5));
        driver.advanceBatches(1); // 2000: window (-1000, 2000]
        in.add(kv("b", 1));
        driver.advanceBatches(1); // 3000
        in.add(kv("a", 10));
        driver.advanceBatches(1); // 4000: window (1000, 4000]
        driver.advanceBatches(2); // 6000: window (3000, 6000]

        assertEquals(List.of(2_000L, 4_000L, 6_000L), times(out));
        assertEquals(List.of(kv("a", 3), kv("b", 5)), byKey(out.batch(2_000)));
        assertEquals(List.of(kv("a", 12), kv("b", 6)), byKey(out.batch(4_000)));
        assertEquals(List.of(kv("a", 10)), byKey(out.batch(6_000)));
    }

    @Test
    void inverseReduceKeepsKeysThatReturnToZeroUnlessFiltered() {
        TestInput<Tuple2<String, Integer>> in = driver.newInput("in");
        PairDStream<String, Integer> pairs = in.stream().mapToPair(t -> t);
        TestOutput<Tuple2<String, Integer>> kept =
                driver.collect(
                        "kept",
                        pairs.reduceByKeyAndWindow(
                                Integer::sum,
                                (x, y) -> x - y,
                                Durations.seconds(2),
                                Durations.seconds(1)));
        TestOutput<Tuple2<String, Integer>> filtered =
                driver.collect(
                        "filtered",
                        pairs.reduceByKeyAndWindow(
                                Integer::sum,
                                (x, y) -> x - y,
                                Durations.seconds(2),
                                Durations.seconds(1),
                                3,
                                t -> t._2() != 0));
        startWithCheckpoint(ssc, driver);

        in.add(kv("a", 1), kv("b", 2));
        driver.advanceBatches(1); // 1000
        in.add(kv("b", 3));
        driver.advanceBatches(1); // 2000
        driver.advanceBatches(1); // 3000: a has left
        driver.advanceBatches(1); // 4000: b has left

        assertEquals(List.of(kv("a", 1), kv("b", 2)), byKey(kept.batch(1_000)));
        assertEquals(List.of(kv("a", 1), kv("b", 5)), byKey(kept.batch(2_000)));
        assertEquals(List.of(kv("a", 0), kv("b", 3)), byKey(kept.batch(3_000)));
        assertEquals(List.of(kv("a", 0), kv("b", 0)), byKey(kept.batch(4_000)));
        assertEquals(List.of(kv("b", 3)), byKey(filtered.batch(3_000)));
        assertEquals(List.of(), filtered.batch(4_000));
    }

    /** Property: over random inputs and window shapes, the inverse form equals the plain one. */
    @Test
    void inverseReduceEqualsPlainReduceOverRandomInputsAndWindowShapes() {
        Random random = new Random(20261125);
        for (int round = 0; round < 25; round++) {
            driver.close();
            ssc = new StreamingContext("local[2]", "WindowedReductionsTest", Durations.seconds(1));
            driver = StreamingTestDriver.create(ssc);
            int slide = 1 + random.nextInt(3);
            int window = slide * (1 + random.nextInt(4)) + (random.nextBoolean() ? 0 : slide);
            Duration w = Durations.seconds(window);
            Duration s = Durations.seconds(slide);
            TestInput<Tuple2<String, Integer>> in = driver.newInput("in");
            PairDStream<String, Integer> pairs = in.stream().mapToPair(t -> t);
            TestOutput<Tuple2<String, Integer>> plain =
                    driver.collect("plain", pairs.reduceByKeyAndWindow(Integer::sum, w, s));
            TestOutput<Tuple2<String, Integer>> inverse =
                    driver.collect(
                            "inverse",
                            pairs.reduceByKeyAndWindow(
                                    (x, y) -> x + y, (x, y) -> x - y, w, s, 0, t -> t._2() != 0));
            startWithCheckpoint(ssc, driver);
            int batches = 6 + random.nextInt(12);
            for (int b = 0; b < batches; b++) {
                int records = random.nextInt(6);
                List<Tuple2<String, Integer>> batch = new ArrayList<>();
                for (int r = 0; r < records; r++) {
                    batch.add(
                            kv(
                                    String.valueOf((char) ('a' + random.nextInt(5))),
                                    1 + random.nextInt(9)));
                }
                in.addAll(batch);
                driver.advanceBatches(1);
            }
            driver.advanceBatches(window + slide);
            String shape = "window " + window + " s, slide " + slide + " s, round " + round;
            assertEquals(times(plain), times(inverse), shape);
            for (Long t : times(plain)) {
                assertEquals(byKey(plain.batch(t)), byKey(inverse.batch(t)), shape + " at " + t);
            }
        }
    }

    @Test
    void countByWindowAndReduceByWindowCountAndSumEachWindow() {
        TestInput<Integer> in = driver.newInput("in");
        DStream<Integer> numbers = in.stream();
        TestOutput<Long> counts =
                driver.collect(
                        "counts",
                        numbers.countByWindow(Durations.seconds(2), Durations.seconds(1)));
        TestOutput<Integer> sums =
                driver.collect(
                        "sums",
                        numbers.reduceByWindow(
                                Integer::sum, Durations.seconds(2), Durations.seconds(1)));
        TestOutput<Integer> inverseSums =
                driver.collect(
                        "inverseSums",
                        numbers.reduceByWindow(
                                Integer::sum,
                                (x, y) -> x - y,
                                Durations.seconds(2),
                                Durations.seconds(1)));
        startWithCheckpoint(ssc, driver);

        in.add(1, 2);
        driver.advanceBatches(1);
        in.add(10);
        driver.advanceBatches(1);
        driver.advanceBatches(2);

        assertEquals(
                List.of(List.of(2L), List.of(3L), List.of(1L), List.of(0L)), counts.batchList());
        assertEquals(List.of(List.of(3), List.of(13), List.of(10), List.of()), sums.batchList());
        assertEquals(
                List.of(List.of(3), List.of(13), List.of(10), List.of(0)), inverseSums.batchList());
    }

    @Test
    void countByValueAndWindowDropsValuesThatLeftTheWindow() {
        TestInput<String> in = driver.newInput("in");
        TestOutput<Tuple2<String, Long>> out =
                driver.collect(
                        "out",
                        in.stream()
                                .countByValueAndWindow(Durations.seconds(2), Durations.seconds(1)));
        startWithCheckpoint(ssc, driver);

        in.add("x", "y", "x");
        driver.advanceBatches(1);
        in.add("y");
        driver.advanceBatches(1);
        driver.advanceBatches(1);

        assertEquals(List.of(Tuple2.of("x", 2L), Tuple2.of("y", 1L)), byKey(out.batch(1_000)));
        assertEquals(List.of(Tuple2.of("x", 2L), Tuple2.of("y", 2L)), byKey(out.batch(2_000)));
        assertEquals(List.of(Tuple2.of("y", 1L)), byKey(out.batch(3_000)));
    }

    @Test
    void groupByKeyAndWindowGathersTheValuesOfEachWindow() {
        TestInput<Tuple2<String, Integer>> in = driver.newInput("in");
        TestOutput<Tuple2<String, Iterable<Integer>>> out =
                driver.collect(
                        "out",
                        in.stream()
                                .mapToPair(t -> t)
                                .groupByKeyAndWindow(Durations.seconds(2), Durations.seconds(2)));
        driver.start();

        in.add(kv("a", 1));
        driver.advanceBatches(1);
        in.add(kv("a", 2), kv("b", 3));
        driver.advanceBatches(1);

        assertEquals(List.of(2_000L), times(out));
        List<String> groups =
                out.batch(2_000).stream()
                        .map(t -> t._1() + "=" + sortedValues(t._2()))
                        .sorted()
                        .collect(Collectors.toList());
        assertEquals(List.of("a=[1, 2]", "b=[3]"), groups);
    }

    @Test
    void statefulWindowsNeedACheckpointDirectory() {
        TestInput<String> in = driver.newInput("in");
        in.stream().countByWindow(Durations.seconds(2), Durations.seconds(1)).print();

        InvalidPipelineException e = assertThrows(InvalidPipelineException.class, driver::start);
        assertTrue(
                e.getMessage().startsWith("The checkpoint directory has not been set: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("call ssc.checkpoint(directory)"), e.getMessage());
    }

    @Test
    void rejectsAWindowedReductionWhoseSlideIsNotAMultipleOfTheBatchInterval() {
        TestInput<Tuple2<String, Integer>> in = driver.newInput("in");
        PairDStream<String, Integer> pairs = in.stream().mapToPair(t -> t);
        InvalidPipelineException e =
                assertThrows(
                        InvalidPipelineException.class,
                        () ->
                                pairs.reduceByKeyAndWindow(
                                        Integer::sum,
                                        (x, y) -> x - y,
                                        Durations.seconds(20),
                                        Durations.milliseconds(1500)));
        assertTrue(
                e.getMessage().startsWith("slideDuration 1500ms of reduceByKeyAndWindow on stream"),
                e.getMessage());
        assertTrue(
                e.getMessage().endsWith("is not a multiple of the batch interval 1s; use 1s or 2s"),
                e.getMessage());
    }

    /**
     * Values that go negative: a key the filter rejects while values of it are still in the window
     * comes back exactly when those values leave or others enter. Over random inputs and shapes the
     * inverse form with a filter equals the plain form filtered afterwards.
     */
    @Test
    void aFilteredInverseWindowStaysExactWhenValuesGoNegative() {
        Random random = new Random(20261204);
        for (int round = 0; round < 25; round++) {
            driver.close();
            ssc = new StreamingContext("local[2]", "WindowedReductionsTest", Durations.seconds(1));
            driver = StreamingTestDriver.create(ssc);
            int slide = 1 + random.nextInt(3);
            int window = slide * (1 + random.nextInt(4));
            Duration w = Durations.seconds(window);
            Duration s = Durations.seconds(slide);
            TestInput<Tuple2<String, Integer>> in = driver.newInput("in");
            PairDStream<String, Integer> pairs = in.stream().mapToPair(t -> t);
            TestOutput<Tuple2<String, Integer>> plain =
                    driver.collect(
                            "plain",
                            pairs.reduceByKeyAndWindow(Integer::sum, w, s).filter(t -> t._2() > 0));
            TestOutput<Tuple2<String, Integer>> inverse =
                    driver.collect(
                            "inverse",
                            pairs.reduceByKeyAndWindow(
                                    (x, y) -> x + y, (x, y) -> x - y, w, s, 0, t -> t._2() > 0));
            startWithCheckpoint(ssc, driver);
            int batches = 6 + random.nextInt(12);
            for (int b = 0; b < batches; b++) {
                List<Tuple2<String, Integer>> batch = new ArrayList<>();
                for (int r = random.nextInt(6); r > 0; r--) {
                    batch.add(
                            kv(
                                    String.valueOf((char) ('a' + random.nextInt(4))),
                                    random.nextInt(11) - 5));
                }
                in.addAll(batch);
                driver.advanceBatches(1);
            }
            driver.advanceBatches(window + slide);
            String shape = "window " + window + " s, slide " + slide + " s, round " + round;
            assertEquals(times(plain), times(inverse), shape);
            for (Long t : times(plain)) {
                assertEquals(byKey(plain.batch(t)), byKey(inverse.batch(t)), shape + " at " + t);
            }
        }
    }

    @Test
    void aFilteredKeyWithAValueLeftInTheWindowComesBackWithTheExactTotal() {
        TestInput<Tuple2<String, Integer>> in = driver.newInput("in");
        TestOutput<Tuple2<String, Integer>> positive =
                driver.collect(
                        "positive",
                        in.stream()
                                .mapToPair(t -> t)
                                .reduceByKeyAndWindow(
                                        Integer::sum,
                                        (x, y) -> x - y,
                                        Durations.seconds(3),
                                        Durations.seconds(1),
                                        0,
                                        t -> t._2() > 0));
        startWithCheckpoint(ssc, driver);

        in.add(kv("a", 5));
        driver.advanceBatches(1); // window {1s}: a = 5
        in.add(kv("a", -7));
        driver.advanceBatches(1); // {1s, 2s}: a = -2, rejected but kept
        in.add(kv("a", 4));
        driver.advanceBatches(1); // {1s, 2s, 3s}: a = 2
        driver.advanceBatches(1); // {2s, 3s, 4s}: the 5 left, a = -3
        driver.advanceBatches(1); // {3s, 4s, 5s}: the -7 left, a = 4
        driver.advanceBatches(1); // {4s, 5s, 6s}: every value left, a is gone

        assertEquals(List.of(kv("a", 5)), positive.batch(1_000));
        assertEquals(List.of(), positive.batch(2_000));
        assertEquals(List.of(kv("a", 2)), positive.batch(3_000));
        assertEquals(List.of(), positive.batch(4_000));
        assertEquals(List.of(kv("a", 4)), positive.batch(5_000));
        assertEquals(List.of(), positive.batch(6_000));
    }

    @Test
    void rejectsInverseWindowsShorterThanTheirSlide() {
        TestInput<Integer> in = driver.newInput("in");
        DStream<Integer> numbers = in.stream();
        PairDStream<Integer, Integer> pairs = numbers.mapToPair(n -> new Tuple2<>(n, 1));
        Duration one = Durations.seconds(1);
        Duration two = Durations.seconds(2);
        String tail =
                " is shorter than its slideDuration 2s: a window maintained with an inverse function"
                        + " must overlap the previous one; use ";

        assertEquals(
                "windowDuration 1s of reduceByKeyAndWindow on stream 'mapToPair at"
                        + " WindowedReductionsTest.java:"
                        + Fixtures.lineOf("WindowedReductionsTest.java", "numbers.mapToPair(n ->")
                        + "'"
                        + tail
                        + "reduceByKeyAndWindow(reduceFn, windowDuration, slideDuration) without the"
                        + " inverse function, which reduces each window from scratch",
                assertThrows(
                                InvalidPipelineException.class,
                                () ->
                                        pairs.reduceByKeyAndWindow(
                                                Integer::sum, (x, y) -> x - y, one, two))
                        .getMessage());
        assertTrue(
                assertThrows(
                                InvalidPipelineException.class,
                                () ->
                                        numbers.reduceByWindow(
                                                Integer::sum, (x, y) -> x - y, one, two))
                        .getMessage()
                        .endsWith(
                                tail
                                        + "reduceByWindow(reduceFn, windowDuration, slideDuration)"
                                        + " without the inverse function, which reduces each window"
                                        + " from scratch"));
        assertTrue(
                assertThrows(InvalidPipelineException.class, () -> numbers.countByWindow(one, two))
                        .getMessage()
                        .endsWith(
                                tail
                                        + "window(windowDuration, slideDuration).count(), which"
                                        + " reduces each window from scratch"));
        assertTrue(
                assertThrows(
                                InvalidPipelineException.class,
                                () -> numbers.countByValueAndWindow(one, two))
                        .getMessage()
                        .endsWith(
                                tail
                                        + "window(windowDuration, slideDuration).countByValue(),"
                                        + " which reduces each window from scratch"));
        // The plain forms reduce each window from scratch, so they take such windows.
        numbers.reduceByWindow(Integer::sum, one, two);
        numbers.window(one, two).count();
    }

    private static List<Long> times(TestOutput<?> out) {
        return out.batches().keySet().stream()
                .map(t -> t.milliseconds())
                .collect(Collectors.toList());
    }

    private static List<Integer> sortedValues(Iterable<Integer> values) {
        List<Integer> list = new ArrayList<>();
        values.forEach(list::add);
        list.sort(null);
        return list;
    }
}
