package dev.ember.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.streaming.Batch;
import dev.ember.streaming.DStream;
import dev.ember.streaming.Duration;
import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Time;
import dev.ember.streaming.Tuple2;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * glom (each partition as one list), slice (the remembered batches of a time range) and the
 * context's remember duration that decides which batches slice can still see.
 */
class GlomSliceRememberTest {
    private final StreamingContext ssc =
            new StreamingContext("local[2]", "GlomSliceRememberTest", Durations.seconds(1));
    private final StreamingTestDriver driver = StreamingTestDriver.create(ssc);

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private static <T> List<List<T>> contents(List<Batch<T>> batches) {
        List<List<T>> out = new ArrayList<>();
        for (Batch<T> b : batches) {
            out.add(b.collect());
        }
        return out;
    }

    private static Time ms(long millis) {
        return new Time(millis);
    }

    // ---- glom

    @Test
    void glomTurnsEachPartitionIntoOneListInOrder() {
        TestInput<Integer> in = driver.newInput("in");
        TestOutput<List<Integer>> out = driver.collect("out", in.stream().glom());
        driver.start();

        in.add(1, 2, 3, 4, 5);
        driver.advanceBatches(1);
        driver.advanceBatches(1);

        assertEquals(List.of(List.of(1, 2, 3), List.of(4, 5)), out.batch(1_000));
        assertEquals(List.of(), out.batch(2_000));
    }

    @Test
    void glomGivesAnEmptyListForAnEmptyPartition() {
        TestInput<Integer> in = driver.newInput("in");
        TestOutput<List<Integer>> out = driver.collect("out", in.stream().repartition(3).glom());
        driver.start();

        in.add(1, 2);
        driver.advanceBatches(1);

        assertEquals(List.of(List.of(1), List.of(2), List.of()), out.batch(1_000));
    }

    @Test
    void glomAfterAShuffleIntoOnePartitionGivesOneListOfTheWholeBatch() {
        TestInput<String> in = driver.newInput("in");
        TestOutput<List<Tuple2<String, Integer>>> out =
                driver.collect(
                        "out",
                        in.stream()
                                .mapToPair(w -> Tuple2.of(w, 1))
                                .reduceByKey(Integer::sum, 1)
                                .glom());
        driver.start();

        in.add("a", "b", "a");
        driver.advanceBatches(1);

        assertEquals(List.of(List.of(Tuple2.of("a", 2), Tuple2.of("b", 1))), out.batch(1_000));
    }

    @Test
    void glomListsCannotBeModified() {
        TestInput<Integer> in = driver.newInput("in");
        TestOutput<List<Integer>> out = driver.collect("out", in.stream().glom());
        driver.start();

        in.add(1);
        driver.advanceBatches(1);

        List<Integer> list = out.batch(1_000).get(0);
        assertThrows(UnsupportedOperationException.class, () -> list.add(2));
    }

    // ---- slice and remember

    /** Runs five batches holding 1, 2, 3, 4, 5 through {@code stream}'s output. */
    private void runFiveBatches(TestInput<Integer> in) {
        for (int i = 1; i <= 5; i++) {
            in.add(i);
            driver.advanceBatches(1);
        }
    }

    @Test
    void sliceReturnsTheRememberedBatchesOfAnInclusiveRange() {
        ssc.remember(Durations.seconds(3));
        TestInput<Integer> in = driver.newInput("in");
        DStream<Integer> numbers = in.stream();
        DStream<Integer> tens = numbers.map(n -> n * 10);
        tens.print();
        driver.start();
        runFiveBatches(in);

        // After the batch at 5000, a 3 s remember duration keeps (2000, 5000].
        assertEquals(
                List.of(List.of(30), List.of(40), List.of(50)),
                contents(tens.slice(ms(1_000), ms(5_000))));
        assertEquals(
                List.of(List.of(3), List.of(4), List.of(5)),
                contents(numbers.slice(ms(0), ms(9_000))));
        assertEquals(List.of(List.of(4)), contents(numbers.slice(ms(4_000), ms(4_000))));
        assertEquals(List.of(), contents(numbers.slice(ms(1_000), ms(2_000))));
        assertEquals(List.of(), contents(numbers.slice(ms(6_000), ms(9_000))));
    }

    @Test
    void sliceFloorsBothEndsToTheStreamsBatchTimesAsSparkDoes() {
        ssc.remember(Durations.seconds(10));
        TestInput<Integer> in = driver.newInput("in");
        DStream<Integer> numbers = in.stream();
        numbers.print();
        driver.start();
        runFiveBatches(in);

        // [3500, 4500] is aligned to [3000, 4000]: 3000 comes in although it is before 3500.
        assertEquals(
                List.of(List.of(3), List.of(4)), contents(numbers.slice(ms(3_500), ms(4_500))));
        assertEquals(List.of(List.of(1)), contents(numbers.slice(ms(1_999), ms(1_999))));
    }

    @Test
    void sliceOfAWindowedStreamReturnsItsWindowsAlignedToItsSlide() {
        ssc.remember(Durations.seconds(10));
        TestInput<Integer> in = driver.newInput("in");
        DStream<Integer> pairsOfBatches =
                in.stream().window(Durations.seconds(2), Durations.seconds(2));
        pairsOfBatches.print();
        driver.start();
        runFiveBatches(in);

        assertEquals(
                List.of(List.of(1, 2), List.of(3, 4)),
                contents(pairsOfBatches.slice(ms(1_000), ms(5_000))));
        // [3000, 3999] floors to [2000, 2000] on a 2 s slide.
        assertEquals(List.of(List.of(1, 2)), contents(pairsOfBatches.slice(ms(3_000), ms(3_999))));
    }

    @Test
    void withoutRememberAStreamKeepsOnlyTheBatchesAWindowStillNeeds() {
        TestInput<Integer> in = driver.newInput("in");
        DStream<Integer> numbers = in.stream();
        DStream<Integer> tens = numbers.map(n -> n * 10);
        numbers.window(Durations.seconds(3)).print();
        tens.print();
        driver.start();
        runFiveBatches(in);

        assertEquals(
                List.of(List.of(3), List.of(4), List.of(5)),
                contents(numbers.slice(ms(1_000), ms(5_000))));
        assertEquals(List.of(), contents(tens.slice(ms(1_000), ms(5_000))));
    }

    @Test
    void sliceOfAStreamThatNoOutputReadsIsEmpty() {
        ssc.remember(Durations.seconds(10));
        TestInput<Integer> in = driver.newInput("in");
        DStream<Integer> unread = in.stream().map(n -> n + 1);
        in.stream().print();
        driver.start();
        runFiveBatches(in);

        assertEquals(List.of(), unread.slice(ms(1_000), ms(5_000)));
    }

    @Test
    void sliceCanBeCalledFromAnotherThread() throws Exception {
        ssc.remember(Durations.seconds(10));
        TestInput<Integer> in = driver.newInput("in");
        DStream<Integer> tens = in.stream().map(n -> n * 10);
        tens.print();
        driver.start();
        runFiveBatches(in);

        List<List<Integer>> fromOtherThread =
                CompletableFuture.supplyAsync(() -> contents(tens.slice(ms(2_000), ms(3_000))))
                        .get();

        assertEquals(List.of(List.of(20), List.of(30)), fromOtherThread);
    }

    @Test
    void sliceInsideAnOutputSeesTheBatchesUpToItsOwnTime() {
        ssc.remember(Durations.seconds(10));
        TestInput<Integer> in = driver.newInput("in");
        DStream<Integer> numbers = in.stream();
        List<String> seen = new CopyOnWriteArrayList<>();
        numbers.foreachRDD(
                (batch, time) -> seen.add(time + " " + contents(numbers.slice(ms(0), time))));
        driver.start();

        in.add(1);
        driver.advanceBatches(1);
        in.add(2);
        driver.advanceBatches(1);

        assertEquals(List.of("1000 ms [[1]]", "2000 ms [[1], [2]]"), seen);
    }

    @Test
    void rejectsSliceBeforeStartAfterStopAndWithAnEmptyRange() {
        TestInput<Integer> in = driver.newInput("in");
        DStream<Integer> numbers = in.stream();
        numbers.print();

        IllegalStateException before =
                assertThrows(IllegalStateException.class, () -> numbers.slice(ms(0), ms(1_000)));
        driver.start();
        IllegalArgumentException reversed =
                assertThrows(
                        IllegalArgumentException.class, () -> numbers.slice(ms(2_000), ms(1_000)));
        driver.close();
        IllegalStateException after =
                assertThrows(IllegalStateException.class, () -> numbers.slice(ms(0), ms(1_000)));

        String stream = "receiverStream at TestInput.java:";
        assertEquals(
                true,
                before.getMessage().startsWith("Cannot slice stream '" + stream),
                before.getMessage());
        assertEquals(
                true,
                before.getMessage()
                        .endsWith(
                                "' of context 'GlomSliceRememberTest' because it is INITIALIZED:"
                                        + " slice reads the batches a running context has"
                                        + " generated; call it between start() and stop()"),
                before.getMessage());
        assertEquals(
                true, after.getMessage().contains("because it is STOPPED"), after.getMessage());
        assertEquals(
                true,
                reversed.getMessage().endsWith("' needs fromTime <= toTime, got 2000 ms > 1000 ms"),
                reversed.getMessage());
    }

    @Test
    void rememberMustBePositiveSetOnceAndBeforeStart() {
        TestInput<Integer> in = driver.newInput("in");
        in.stream().print();

        IllegalArgumentException zero =
                assertThrows(IllegalArgumentException.class, () -> ssc.remember(new Duration(0)));
        ssc.remember(Durations.seconds(3));
        IllegalStateException twice =
                assertThrows(IllegalStateException.class, () -> ssc.remember(Durations.seconds(5)));
        driver.start();
        IllegalStateException started =
                assertThrows(IllegalStateException.class, () -> ssc.remember(Durations.seconds(5)));

        assertEquals(
                "remember duration of context 'GlomSliceRememberTest' must be positive, got 0 ms;"
                        + " use for example the batch interval 1s or a multiple of it",
                zero.getMessage());
        assertEquals(
                "Remember duration of context 'GlomSliceRememberTest' is already set to 3s and"
                        + " cannot be set again to 5s; call remember(...) once, with the longest"
                        + " duration you need",
                twice.getMessage());
        assertEquals(
                "Cannot remember on context 'GlomSliceRememberTest' because it is ACTIVE: define"
                        + " every input, transformation and output before start()",
                started.getMessage());
    }
}
