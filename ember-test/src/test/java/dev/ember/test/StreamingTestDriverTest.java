package dev.ember.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.StreamingContextState;
import dev.ember.streaming.Time;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamingTestDriverTest {
    private static final String DASHES = "-".repeat(43);

    private final StreamingContext ssc =
            new StreamingContext("local[2]", "StreamingTestDriverTest", Durations.seconds(1));
    private final StreamingTestDriver driver = StreamingTestDriver.create(ssc);

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void runsTheFirstBatchOfAOneSecondContextAt1000Ms() {
        TestInput<String> input = driver.newInput("in");
        TestOutput<String> out = driver.collect("out", input.stream());
        driver.start();
        assertEquals(Time.ms(0), driver.currentTime());

        input.add("a");
        driver.advanceBatches(1);

        assertEquals(Time.ms(1_000), driver.currentTime());
        assertEquals(List.of(Time.ms(1_000)), List.copyOf(out.batches().keySet()));
        assertEquals(List.of("a"), out.batch(1_000));
    }

    @Test
    void runsBatchesAtMultiplesOfTheBatchInterval() {
        driver.close();
        StreamingContext halfSecond =
                new StreamingContext("local[2]", "half-second", Durations.milliseconds(500));
        try (StreamingTestDriver d = StreamingTestDriver.create(halfSecond)) {
            TestInput<Integer> input = d.newInput("in");
            TestOutput<Integer> out = d.collect("out", input.stream());
            d.start();
            input.add(1);
            d.advanceBatches(1);
            input.add(2);
            d.advanceBatches(2);

            assertEquals(
                    List.of(Time.ms(500), Time.ms(1_000), Time.ms(1_500)),
                    List.copyOf(out.batches().keySet()));
            assertEquals(List.of(List.of(1), List.of(2), List.of()), out.batchList());
            assertEquals(Time.ms(1_500), d.currentTime());
        }
    }

    @Test
    void putsElementsAddedBeforeStartIntoTheFirstBatch() {
        TestInput<String> input = driver.newInput("in");
        TestOutput<String> out = driver.collect("out", input.stream());
        input.add("early", "bird");
        driver.start();
        driver.advanceBatches(2);

        assertEquals(List.of("early", "bird"), out.batch(1_000));
        assertEquals(List.of(), out.batch(2_000));
    }

    @Test
    void putsElementsAddedBetweenAdvancesIntoTheNextBatch() {
        TestInput<String> input = driver.newInput("in");
        TestOutput<String> out = driver.collect("out", input.stream());
        driver.start();

        input.add("a", "b");
        input.add("c");
        driver.advanceBatches(1);
        input.addAll(List.of("d", "e"));
        driver.advanceBatches(1);

        assertEquals(List.of("a", "b", "c"), out.batch(1_000));
        assertEquals(List.of("d", "e"), out.batch(2_000));
    }

    @Test
    void recordsEmptyBatchesAsEmptyLists() {
        TestInput<String> input = driver.newInput("in");
        TestOutput<String> out = driver.collect("out", input.stream());
        driver.start();
        driver.advanceBatches(1);
        input.add("x");
        driver.advanceBatches(2);

        assertEquals(List.of(List.of(), List.of("x"), List.of()), out.batchList());
    }

    @Test
    void addingNothingLeavesTheBatchEmpty() {
        TestInput<String> input = driver.newInput("in");
        TestOutput<String> out = driver.collect("out", input.stream());
        driver.start();
        input.add();
        input.addAll(List.of());
        driver.advanceBatches(1);

        assertEquals(List.of(), out.batch(1_000));
    }

    @Test
    void runsEveryBatchThatBecameDueWhenTheClockJumps() {
        TestInput<String> input = driver.newInput("in");
        TestOutput<Long> counts = driver.collect("counts", input.stream().count());
        driver.start();
        input.add("a", "b");
        driver.clock().advance(3_000);

        assertEquals(List.of(List.of(2L), List.of(0L), List.of(0L)), counts.batchList());
        assertEquals(Time.ms(3_000), driver.currentTime());
    }

    @Test
    void runsNoBatchBeforeItsTime() {
        TestInput<String> input = driver.newInput("in");
        TestOutput<String> out = driver.collect("out", input.stream());
        driver.start();
        input.add("a");
        driver.clock().advance(999);
        assertEquals(List.of(), out.batchList());

        driver.clock().advance(1);
        assertEquals(List.of(List.of("a")), out.batchList());
    }

    @Test
    void capturesPrintOutputAndTakePrintedClearsIt() {
        TestInput<String> input = driver.newInput("in");
        input.stream().print();
        driver.start();
        input.add("a");
        driver.advanceBatches(1);

        String first = DASHES + "\nTime: 1000 ms\n" + DASHES + "\na\n\n";
        assertEquals(first, driver.printed());
        assertEquals(first, driver.takePrinted());
        assertEquals("", driver.printed());

        driver.advanceBatches(1);
        assertEquals(DASHES + "\nTime: 2000 ms\n" + DASHES + "\n\n", driver.takePrinted());
    }

    @Test
    void closeStopsTheContextAndCanBeCalledTwice() {
        TestInput<String> input = driver.newInput("in");
        driver.collect("out", input.stream());
        driver.start();
        assertEquals(StreamingContextState.ACTIVE, ssc.getState());

        driver.close();
        driver.close();
        assertEquals(StreamingContextState.STOPPED, ssc.getState());
    }

    @Test
    void closeOfADriverThatNeverStartedStopsTheContext() {
        driver.close();
        assertEquals(StreamingContextState.STOPPED, ssc.getState());
    }

    @Test
    void rejectsAddingToAnInputAfterClose() {
        TestInput<String> input = driver.newInput("in");
        driver.collect("out", input.stream());
        driver.start();
        driver.close();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> input.add("a"));
        assertEquals(
                "cannot add to test input 'in': its context has stopped, so no further batch will"
                        + " run",
                e.getMessage());
    }

    @Test
    void rejectsAdvancingBeforeStart() {
        driver.collect("out", driver.<String>newInput("in").stream());
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> driver.advanceBatches(1));
        assertEquals("advanceBatches(1) before start(): call start() first", e.getMessage());
    }

    @Test
    void rejectsAdvancingByANegativeNumberOfBatches() {
        driver.collect("out", driver.<String>newInput("in").stream());
        driver.start();
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> driver.advanceBatches(-1));
        assertEquals("advanceBatches needs a number of batches >= 0, got -1", e.getMessage());
    }

    @Test
    void rejectsAdvancingAfterClose() {
        driver.collect("out", driver.<String>newInput("in").stream());
        driver.start();
        driver.advanceBatches(1);
        driver.close();

        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> driver.advanceBatches(1));
        assertEquals(
                "cannot advance context 'StreamingTestDriverTest' at 1000 ms because it is"
                        + " STOPPED; no further batch will run",
                e.getMessage());
    }

    @Test
    void rejectsTwoInputsOrTwoOutputsWithTheSameName() {
        TestInput<String> input = driver.newInput("in");
        driver.collect("out", input.stream());

        IllegalArgumentException in =
                assertThrows(IllegalArgumentException.class, () -> driver.newInput("in"));
        assertEquals(
                "test input 'in' already exists: give each input its own name", in.getMessage());
        IllegalArgumentException out =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> driver.collect("out", input.stream()));
        assertEquals(
                "test output 'out' already exists: give each output its own name",
                out.getMessage());
    }

    @Test
    void rejectsCollectingAStreamOfAnotherContext() {
        StreamingContext other = new StreamingContext("local[2]", "other", Durations.seconds(1));
        try {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    driver.collect(
                                            "out",
                                            other.queueStream(
                                                    new java.util.ArrayDeque<List<String>>())));
            assertEquals(
                    "the stream given to collect('out') belongs to context 'other', not to the"
                            + " driver's context 'StreamingTestDriverTest'",
                    e.getMessage());
        } finally {
            other.stop();
        }
    }

    @Test
    void rejectsAContextThatHasAlreadyStopped() {
        StreamingContext stopped =
                new StreamingContext("local[2]", "stopped", Durations.seconds(1));
        stopped.stop();
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class, () -> StreamingTestDriver.create(stopped));
        assertTrue(
                e.getMessage()
                        .startsWith("Cannot setClock on context 'stopped' because it is STOPPED"),
                e.getMessage());
    }

    @Test
    void exposesItsContextClockAndNames() {
        TestInput<String> input = driver.newInput("lines");
        TestOutput<String> out = driver.collect("echo", input.stream());
        assertSame(ssc, driver.context());
        assertEquals(0L, driver.clock().currentTimeMillis());
        assertEquals("lines", input.name());
        assertEquals("echo", out.name());
    }
}
