package dev.ember.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.DStream;
import dev.ember.streaming.Durations;
import dev.ember.streaming.InvalidPipelineException;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.StreamingContextState;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Spark's validation rules: what is rejected, when, and with which message. */
class ValidationTest {
    private final StreamingContext ssc =
            new StreamingContext("local[2]", "ValidationTest", Durations.seconds(1));
    private final StreamingTestDriver driver = StreamingTestDriver.create(ssc);

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void rejectsStartWithoutOutputOperations() {
        driver.newInput("in").stream().map(x -> x);

        InvalidPipelineException e = assertThrows(InvalidPipelineException.class, driver::start);
        assertContains(e, "No output operations registered, so nothing to execute");
        assertEquals(StreamingContextState.INITIALIZED, ssc.getState());
    }

    @Test
    void rejectsOperatorsAddedAfterStart() {
        DStream<String> in = driver.<String>newInput("in").stream();
        in.print();
        driver.start();

        IllegalStateException map =
                assertThrows(IllegalStateException.class, () -> in.map(String::length));
        assertTrue(
                map.getMessage()
                        .startsWith("Cannot map on context 'ValidationTest' because it is ACTIVE"),
                map.getMessage());
        assertContains(map, "define every input, transformation and output before start()");
        assertContains(assertThrows(IllegalStateException.class, in::print), "Cannot print on");
        assertContains(
                assertThrows(IllegalStateException.class, () -> in.foreachRDD(b -> {})),
                "Cannot foreachRDD on");
        assertContains(
                assertThrows(IllegalStateException.class, () -> driver.newInput("late")),
                "Cannot receiverStream on");
        assertContains(
                assertThrows(IllegalStateException.class, () -> driver.collect("late", in)),
                "Cannot foreachRDD on");
    }

    @Test
    void rejectsOperatorsAddedAfterStop() {
        DStream<String> in = driver.<String>newInput("in").stream();
        in.print();
        driver.start();
        driver.close();

        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> in.filter(s -> true));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "Cannot filter on context 'ValidationTest' because it is STOPPED"),
                e.getMessage());
    }

    @Test
    void rejectsWindowThatIsNotAMultipleOfTheBatchInterval() {
        DStream<String> in = driver.<String>newInput("in").stream();

        InvalidPipelineException e =
                assertThrows(
                        InvalidPipelineException.class,
                        () -> in.window(Durations.milliseconds(2500)));
        assertContains(e, "windowDuration 2500ms");
        assertContains(e, "the batch interval 1s");
        assertContains(e, "use 2s or 3s");
    }

    @Test
    void rejectsWindowShorterThanTheBatchInterval() {
        DStream<String> in = driver.<String>newInput("in").stream();

        InvalidPipelineException e =
                assertThrows(
                        InvalidPipelineException.class,
                        () -> in.window(Durations.milliseconds(500)));
        assertContains(e, "windowDuration 500ms");
        assertContains(e, "use 1s");
    }

    @Test
    void rejectsSlideThatIsNotAMultipleOfTheBatchInterval() {
        DStream<String> in = driver.<String>newInput("in").stream();

        InvalidPipelineException e =
                assertThrows(
                        InvalidPipelineException.class,
                        () -> in.window(Durations.seconds(3), Durations.milliseconds(1500)));
        assertContains(e, "slideDuration 1500ms");
        assertContains(e, "the batch interval 1s");
        assertContains(e, "use 1s or 2s");
    }

    @Test
    void rejectsWindowThatIsNotAMultipleOfTheParentStreamsSlide() {
        DStream<String> everyTwoSeconds =
                driver.<String>newInput("in").stream()
                        .window(Durations.seconds(2), Durations.seconds(2));

        InvalidPipelineException e =
                assertThrows(
                        InvalidPipelineException.class,
                        () -> everyTwoSeconds.window(Durations.seconds(3)));
        assertContains(e, "windowDuration 3s");
        assertContains(e, "the parent stream's slide 2s");
        assertContains(e, "use 2s or 4s");
    }

    @Test
    void rejectsUnionOfStreamsWithDifferentSlides() {
        DStream<String> in = driver.<String>newInput("in").stream();
        DStream<String> windowed = in.window(Durations.seconds(2), Durations.seconds(2));

        InvalidPipelineException e =
                assertThrows(InvalidPipelineException.class, () -> in.union(windowed));
        assertContains(e, "(slide 1s)");
        assertContains(e, "(slide 2s)");
        assertContains(e, "needs streams with the same slide");
        InvalidPipelineException viaContext =
                assertThrows(InvalidPipelineException.class, () -> ssc.union(in, windowed));
        assertContains(viaContext, "needs streams with the same slide");
    }

    @Test
    void rejectsUnionOfStreamsFromTwoContexts() {
        StreamingContext other = new StreamingContext("local[2]", "other", Durations.seconds(1));
        try {
            DStream<String> mine = driver.<String>newInput("in").stream();
            DStream<String> theirs = other.queueStream(new ArrayDeque<List<String>>());

            InvalidPipelineException e =
                    assertThrows(InvalidPipelineException.class, () -> mine.union(theirs));
            assertContains(e, "mixes streams of two contexts ('ValidationTest' and 'other')");
            assertContains(e, "build both streams from one StreamingContext");
            assertContains(
                    assertThrows(InvalidPipelineException.class, () -> ssc.union(mine, theirs)),
                    "mixes streams of two contexts");
        } finally {
            other.stop();
        }
    }

    @Test
    void rejectsUnionOfNoStreams() {
        InvalidPipelineException e =
                assertThrows(
                        InvalidPipelineException.class,
                        () -> ssc.union(List.<DStream<String>>of()));
        assertContains(e, "needs at least one stream");
    }

    @Test
    void rejectsASecondActiveContext() {
        driver.newInput("in").stream().print();
        driver.start();

        StreamingContext second = new StreamingContext("local[2]", "second", Durations.seconds(1));
        try {
            second.queueStream(new ArrayDeque<List<String>>()).print();
            IllegalStateException e = assertThrows(IllegalStateException.class, second::start);
            assertContains(e, "Only one StreamingContext may be active");
            assertContains(e, "'ValidationTest' is active");
            assertEquals(StreamingContextState.ACTIVE, ssc.getState());
        } finally {
            second.stop();
        }
    }

    @Test
    void allowsANewContextOnceTheActiveOneHasStopped() {
        driver.newInput("in").stream().print();
        driver.start();
        driver.close();

        StreamingContext next = new StreamingContext("local[2]", "next", Durations.seconds(1));
        try (StreamingTestDriver nextDriver = StreamingTestDriver.create(next)) {
            TestInput<String> in = nextDriver.newInput("in");
            TestOutput<String> out = nextDriver.collect("out", in.stream());
            nextDriver.start();
            in.add("x");
            nextDriver.advanceBatches(1);
            assertEquals(List.of("x"), out.batch(1_000));
        }
    }

    @Test
    void rejectsRestartAfterStop() {
        driver.newInput("in").stream().print();
        driver.start();
        driver.close();

        IllegalStateException e = assertThrows(IllegalStateException.class, ssc::start);
        assertContains(e, "has been stopped and cannot be started again");
        assertContains(e, "create a new StreamingContext");
    }

    @Test
    void rejectsStartingTwice() {
        driver.newInput("in").stream().print();
        driver.start();

        IllegalStateException e = assertThrows(IllegalStateException.class, ssc::start);
        assertContains(e, "context 'ValidationTest' has already been started");
    }

    @Test
    void rejectsInvalidLocalMasters() {
        for (String master : List.of("local[0]", "local[-1]", "local[x]", "localhost")) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> new StreamingContext(master, "bad", Durations.seconds(1)),
                            master);
            assertEquals(
                    "invalid master '"
                            + master
                            + "': use local, local[N] with N at least 1, or local[*]",
                    e.getMessage());
        }
    }

    @Test
    void rejectsAZeroBatchInterval() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new StreamingContext("local[2]", "zero", Durations.seconds(0)));
        assertContains(e, "batch duration of context 'zero' must be positive, got 0 ms");
    }

    @Test
    void rejectsNonPositiveNumbersOfPartitions() {
        DStream<String> in = driver.<String>newInput("in").stream();

        assertIllegalArgument(
                () -> in.repartition(0), "numPartitions of repartition must be at least 1, got 0");
        assertIllegalArgument(
                () -> in.countByValue(-2),
                "numPartitions of countByValue must be at least 1, got -2");
        assertIllegalArgument(
                () ->
                        in.mapToPair(s -> dev.ember.streaming.Tuple2.of(s, 1))
                                .reduceByKey(Integer::sum, -1),
                "numPartitions of reduceByKey must be at least 1, got -1");
    }

    @Test
    void rejectsANegativePrintCount() {
        DStream<String> in = driver.<String>newInput("in").stream();
        assertIllegalArgument(() -> in.print(-1), "print needs num >= 0, got -1");
    }

    private static void assertIllegalArgument(Executable action, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, action).getMessage());
    }

    private static void assertContains(Throwable e, String expected) {
        assertTrue(
                e.getMessage() != null && e.getMessage().contains(expected),
                () ->
                        "expected the message to contain \""
                                + expected
                                + "\" but was: "
                                + e.getMessage());
    }
}
