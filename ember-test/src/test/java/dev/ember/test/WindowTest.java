package dev.ember.test;

import static dev.ember.test.Unordered.byKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.streaming.DStream;
import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Time;
import dev.ember.streaming.Tuple2;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * window(w) and window(w, s): at times that are multiples of s, the parent's batches in (t - w, t].
 * The input holds one number per batch (1 at 1000 ms, 2 at 2000 ms, ...) so each window shows which
 * batches it covers.
 */
class WindowTest {
    private final StreamingContext ssc =
            new StreamingContext("local[2]", "WindowTest", Durations.seconds(1));
    private final StreamingTestDriver driver = StreamingTestDriver.create(ssc);
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
    void windowCoversTheBatchesOfTheLastWindowDurationAndStartsPartial() {
        TestOutput<Integer> out =
                driver.collect("out", numbers.stream().window(Durations.seconds(3)));
        driver.start();

        runBatchesWithOneNumberEach(4);
        driver.advanceBatches(3);

        assertEquals(
                List.of(
                        List.of(1),
                        List.of(1, 2),
                        List.of(1, 2, 3),
                        List.of(2, 3, 4),
                        List.of(3, 4),
                        List.of(4),
                        List.of()),
                out.batchList());
        assertEquals(timesUpTo(7_000, 1_000), List.copyOf(out.batches().keySet()));
    }

    @Test
    void windowOfOneBatchIntervalIsTheStreamItself() {
        TestOutput<Integer> out =
                driver.collect("out", numbers.stream().window(Durations.seconds(1)));
        driver.start();

        runBatchesWithOneNumberEach(3);

        assertEquals(List.of(List.of(1), List.of(2), List.of(3)), out.batchList());
    }

    @Test
    void slidingWindowEmitsOnlyAtMultiplesOfTheSlide() {
        TestOutput<Integer> out =
                driver.collect(
                        "out", numbers.stream().window(Durations.seconds(3), Durations.seconds(2)));
        driver.start();

        runBatchesWithOneNumberEach(6);
        driver.advanceBatches(2);

        assertEquals(timesUpTo(8_000, 2_000), List.copyOf(out.batches().keySet()));
        assertEquals(List.of(1, 2), out.batch(2_000));
        assertEquals(List.of(2, 3, 4), out.batch(4_000));
        assertEquals(List.of(4, 5, 6), out.batch(6_000));
        assertEquals(List.of(6), out.batch(8_000));
    }

    @Test
    void tumblingWindowCoversEachBatchOnce() {
        TestOutput<Integer> out =
                driver.collect(
                        "out", numbers.stream().window(Durations.seconds(2), Durations.seconds(2)));
        driver.start();

        runBatchesWithOneNumberEach(5);
        driver.advanceBatches(1);

        assertEquals(timesUpTo(6_000, 2_000), List.copyOf(out.batches().keySet()));
        assertEquals(List.of(List.of(1, 2), List.of(3, 4), List.of(5)), out.batchList());
    }

    @Test
    void windowSlowerThanItsLengthSkipsBatches() {
        TestOutput<Integer> out =
                driver.collect(
                        "out", numbers.stream().window(Durations.seconds(1), Durations.seconds(3)));
        driver.start();

        runBatchesWithOneNumberEach(6);

        assertEquals(List.of(List.of(3), List.of(6)), out.batchList());
        assertEquals(timesUpTo(6_000, 3_000), List.copyOf(out.batches().keySet()));
    }

    @Test
    void windowOfAWindowedStreamCombinesItsWindows() {
        DStream<Integer> pairsOfBatches =
                numbers.stream().window(Durations.seconds(2), Durations.seconds(2));
        TestOutput<Integer> out =
                driver.collect(
                        "out", pairsOfBatches.window(Durations.seconds(4), Durations.seconds(4)));
        driver.start();

        runBatchesWithOneNumberEach(8);

        assertEquals(List.of(List.of(1, 2, 3, 4), List.of(5, 6, 7, 8)), out.batchList());
    }

    @Test
    void transformationsAfterAWindowSeeTheWholeWindow() {
        TestOutput<Long> counts =
                driver.collect("counts", numbers.stream().window(Durations.seconds(2)).count());
        TestOutput<Integer> sums =
                driver.collect(
                        "sums", numbers.stream().window(Durations.seconds(2)).reduce(Integer::sum));
        driver.start();

        runBatchesWithOneNumberEach(3);
        driver.advanceBatches(2);

        assertEquals(
                List.of(List.of(1L), List.of(2L), List.of(2L), List.of(1L), List.of(0L)),
                counts.batchList());
        assertEquals(
                List.of(List.of(1), List.of(3), List.of(5), List.of(3), List.of()),
                sums.batchList());
    }

    @Test
    void windowOfTransformedStreamWindowsTheTransformedBatches() {
        TestOutput<Tuple2<String, Integer>> out =
                driver.collect(
                        "out",
                        numbers.stream()
                                .mapToPair(n -> Tuple2.of(n % 2 == 0 ? "even" : "odd", n))
                                .window(Durations.seconds(3), Durations.seconds(3))
                                .reduceByKey(Integer::sum));
        driver.start();

        runBatchesWithOneNumberEach(6);

        assertEquals(List.of(Tuple2.of("even", 2), Tuple2.of("odd", 4)), byKey(out.batch(3_000)));
        assertEquals(List.of(Tuple2.of("even", 10), Tuple2.of("odd", 5)), byKey(out.batch(6_000)));
    }

    /** Runs {@code n} batches; batch k (at k seconds) holds the single number k. */
    private void runBatchesWithOneNumberEach(int n) {
        for (int k = 1; k <= n; k++) {
            numbers.add(k);
            driver.advanceBatches(1);
        }
    }

    private static List<Time> timesUpTo(long lastMillis, long stepMillis) {
        return java.util.stream.LongStream.rangeClosed(1, lastMillis / stepMillis)
                .mapToObj(k -> Time.ms(k * stepMillis))
                .toList();
    }
}
