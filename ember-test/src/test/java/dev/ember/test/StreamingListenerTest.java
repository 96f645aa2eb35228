package dev.ember.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ember.streaming.Durations;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Time;
import dev.ember.streaming.Tuple2;
import dev.ember.streaming.scheduler.BatchInfo;
import dev.ember.streaming.scheduler.OutputOperationInfo;
import dev.ember.streaming.scheduler.ReceiverInfo;
import dev.ember.streaming.scheduler.StreamInputInfo;
import dev.ember.streaming.scheduler.StreamingListener;
import dev.ember.streaming.scheduler.StreamingListenerBatchCompleted;
import dev.ember.streaming.scheduler.StreamingListenerBatchStarted;
import dev.ember.streaming.scheduler.StreamingListenerBatchSubmitted;
import dev.ember.streaming.scheduler.StreamingListenerEvent;
import dev.ember.streaming.scheduler.StreamingListenerOutputOperationCompleted;
import dev.ember.streaming.scheduler.StreamingListenerOutputOperationStarted;
import dev.ember.streaming.scheduler.StreamingListenerReceiverError;
import dev.ember.streaming.scheduler.StreamingListenerReceiverStarted;
import dev.ember.streaming.scheduler.StreamingListenerReceiverStopped;
import dev.ember.streaming.scheduler.StreamingListenerStreamingStarted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The streaming listener: exact infos for a manual-clock run, and delivery off the batch path. */
class StreamingListenerTest {
    private static final String WORDS = "words";
    private static final String STATE = "words/reduceByKey/updateStateByKey";

    private final StreamingContext ssc =
            new StreamingContext("local[2]", "StreamingListenerTest", Durations.seconds(1));
    private final StreamingTestDriver driver = StreamingTestDriver.create(ssc);

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    /** Records every event, in order. */
    private static final class Recorder implements StreamingListener {
        final List<StreamingListenerEvent> events = new ArrayList<>();

        @Override
        public void onStreamingStarted(StreamingListenerStreamingStarted e) {
            events.add(e);
        }

        @Override
        public void onReceiverStarted(StreamingListenerReceiverStarted e) {
            events.add(e);
        }

        @Override
        public void onReceiverError(StreamingListenerReceiverError e) {
            events.add(e);
        }

        @Override
        public void onReceiverStopped(StreamingListenerReceiverStopped e) {
            events.add(e);
        }

        @Override
        public void onBatchSubmitted(StreamingListenerBatchSubmitted e) {
            events.add(e);
        }

        @Override
        public void onBatchStarted(StreamingListenerBatchStarted e) {
            events.add(e);
        }

        @Override
        public void onBatchCompleted(StreamingListenerBatchCompleted e) {
            events.add(e);
        }

        @Override
        public void onOutputOperationStarted(StreamingListenerOutputOperationStarted e) {
            events.add(e);
        }

        @Override
        public void onOutputOperationCompleted(StreamingListenerOutputOperationCompleted e) {
            events.add(e);
        }
    }

    private static PairDStream<String, Integer> runningCounts(TestInput<String> lines) {
        return lines.stream()
                .flatMap(l -> Arrays.asList(l.split(" ")).iterator())
                .mapToPair(w -> new Tuple2<>(w, 1))
                .reduceByKey(Integer::sum)
                .updateStateByKey(
                        (List<Integer> values, Optional<Integer> total) ->
                                Optional.of(
                                        total.orElse(0) + values.stream().mapToInt(i -> i).sum()));
    }

    @Test
    void seesExactBatchInfosOfAManualClockRun() {
        Recorder recorder = new Recorder();
        ssc.addStreamingListener(recorder);
        TestInput<String> lines = driver.newInput(WORDS);
        PairDStream<String, Integer> counts = runningCounts(lines);
        driver.collect("counts", counts);
        counts.print(); // the print
        Fixtures.startWithCheckpoint(ssc, driver);

        lines.add("a b", "a");
        driver.advanceBatches(1);
        driver.advanceBatches(1);
        lines.add("c");
        driver.advanceBatches(1);
        driver.close();

        List<StreamingListenerEvent> expected = new ArrayList<>();
        expected.add(new StreamingListenerStreamingStarted(0));
        expected.add(new StreamingListenerReceiverStarted(receiver(true, 0, 0)));
        batch(expected, 1000, null, "2", 2, Map.of(STATE, 2L));
        batch(expected, 2000, "2", "2", 0, Map.of(STATE, 2L));
        batch(expected, 3000, "2", "3", 1, Map.of(STATE, 3L));
        expected.add(new StreamingListenerReceiverStopped(receiver(false, 3, 0.5)));
        assertEquals(expected, recorder.events);
    }

    private static ReceiverInfo receiver(boolean active, long total, double rate) {
        return new ReceiverInfo(0, WORDS, active, null, null, -1, total, rate);
    }

    /** The events of one batch whose every time is its batch time (the manual clock stands). */
    private static void batch(
            List<StreamingListenerEvent> events,
            long time,
            String from,
            String to,
            long records,
            Map<String, Long> stateSizes) {
        Time t = new Time(time);
        Map<Integer, StreamInputInfo> inputs =
                Map.of(0, new StreamInputInfo(0, WORDS, records, from, to));
        events.add(
                new StreamingListenerBatchSubmitted(
                        new BatchInfo(t, inputs, time, -1, -1, Map.of(), Map.of())));
        events.add(
                new StreamingListenerBatchStarted(
                        new BatchInfo(t, inputs, time, time, -1, Map.of(), Map.of())));
        OutputOperationInfo collect = output(t, 0, STATE + "/foreachRDD", "foreachRDD", -1);
        OutputOperationInfo print = output(t, 1, STATE + "/print", "print", -1);
        OutputOperationInfo collected = output(t, 0, STATE + "/foreachRDD", "foreachRDD", time);
        OutputOperationInfo printed = output(t, 1, STATE + "/print", "print", time);
        events.add(new StreamingListenerOutputOperationStarted(collect));
        events.add(new StreamingListenerOutputOperationCompleted(collected));
        events.add(new StreamingListenerOutputOperationStarted(print));
        events.add(new StreamingListenerOutputOperationCompleted(printed));
        events.add(
                new StreamingListenerBatchCompleted(
                        new BatchInfo(
                                t,
                                inputs,
                                time,
                                time,
                                time,
                                Map.of(0, collected, 1, printed),
                                stateSizes)));
    }

    private static OutputOperationInfo output(
            Time t, int id, String name, String operator, long end) {
        return new OutputOperationInfo(
                t, id, name, operator + " at " + site(operator), t.milliseconds(), end, null);
    }

    /** Where the print was declared, and where the driver declares its collecting output. */
    private static String site(String operator) {
        return operator.equals("print")
                ? "StreamingListenerTest.java:"
                        + Fixtures.lineOf("StreamingListenerTest.java", "// the print")
                : "StreamingTestDriver.java:"
                        + Fixtures.lineOf("StreamingTestDriver.java", "stream.foreachRDD(");
    }

    @Test
    void aListenerThatBlocksDoesNotDelayBatches() {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        ssc.addStreamingListener(
                new StreamingListener() {
                    @Override
                    public void onBatchCompleted(StreamingListenerBatchCompleted e) {
                        blocked.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException interrupted) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
        TestInput<String> lines = driver.newInput(WORDS);
        TestOutput<Long> counts = driver.collect("counts", lines.stream().count());
        driver.start();

        assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> {
                    for (int i = 0; i < 5; i++) {
                        lines.add("x");
                        driver.advanceBatches(1);
                    }
                    assertEquals(true, blocked.await(10, TimeUnit.SECONDS));
                });

        assertEquals(
                List.of(List.of(1L), List.of(1L), List.of(1L), List.of(1L), List.of(1L)),
                counts.batchList());
        assertEquals(1, release.getCount(), "the listener is still blocked on the first batch");
        release.countDown();
    }
}
