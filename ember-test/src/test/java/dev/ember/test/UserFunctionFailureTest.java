package dev.ember.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.Batch;
import dev.ember.streaming.DStream;
import dev.ember.streaming.Durations;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.StreamingContextState;
import dev.ember.streaming.Time;
import dev.ember.streaming.Tuple2;
import dev.ember.streaming.UserFunctionException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A user function that throws fails its batch: advanceBatches throws a UserFunctionException that
 * names the operator, where it was defined and the batch time, keeps the cause, and the context
 * stops.
 */
class UserFunctionFailureTest {
    private static final String FILE = "UserFunctionFailureTest.java:";

    private final StreamingContext ssc =
            new StreamingContext("local[2]", "UserFunctionFailureTest", Durations.seconds(1));
    private final StreamingTestDriver driver = StreamingTestDriver.create(ssc);

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void failingFlatMapStopsTheContextWithAnErrorNamingOperatorAndBatch() {
        TestInput<String> lines = driver.newInput("lines");
        DStream<String> text = lines.stream();
        DStream<String> words = text.flatMap(UserFunctionFailureTest::splitOrFail);
        int flatMapLine = lineOfCaller() - 1;
        TestOutput<String> out = driver.collect("words", words);
        driver.start();

        lines.add("a b");
        driver.advanceBatches(1);
        lines.add("c", "boom");
        UserFunctionException e =
                assertThrows(UserFunctionException.class, () -> driver.advanceBatches(1));

        assertEquals("flatMap at " + FILE + flatMapLine, e.operator());
        assertEquals(Time.ms(2_000), e.batchTime());
        assertTrue(e.getMessage().contains("flatMap at " + FILE + flatMapLine), e.getMessage());
        assertTrue(e.getMessage().contains("batch 2000 ms"), e.getMessage());
        assertTrue(e.getCause() instanceof IllegalArgumentException, String.valueOf(e.getCause()));
        assertEquals("cannot split 'boom'", e.getCause().getMessage());
        assertEquals(StreamingContextState.STOPPED, ssc.getState());
        assertEquals(List.of("a", "b"), out.batch(1_000));
        assertEquals(1, out.batches().size(), "no batch recorded after the failure: " + out);
    }

    @Test
    void keepsTheVeryExceptionTheFunctionThrew() {
        IllegalStateException boom = new IllegalStateException("boom");
        TestInput<Integer> numbers = driver.newInput("numbers");
        DStream<Integer> failing =
                numbers.stream()
                        .map(
                                n -> {
                                    if (n == 0) {
                                        throw boom;
                                    }
                                    return 10 / n;
                                });
        driver.collect("out", failing);
        driver.start();

        numbers.add(0);
        UserFunctionException e =
                assertThrows(UserFunctionException.class, () -> driver.advanceBatches(1));

        assertSame(boom, e.getCause());
        assertTrue(e.operator().startsWith("map at " + FILE), e.operator());
        assertTrue(e.getMessage().contains("batch 1000 ms"), e.getMessage());
    }

    @Test
    void failingForeachRDDNamesTheOutputOperation() {
        TestInput<String> lines = driver.newInput("lines");
        DStream<String> text = lines.stream();
        text.foreachRDD(UserFunctionFailureTest::failWhenNotEmpty);
        int foreachLine = lineOfCaller() - 1;
        driver.start();

        driver.advanceBatches(2);
        lines.add("x");
        UserFunctionException e =
                assertThrows(UserFunctionException.class, () -> driver.advanceBatches(1));

        assertEquals("foreachRDD at " + FILE + foreachLine, e.operator());
        assertTrue(e.getMessage().contains("batch 3000 ms"), e.getMessage());
        assertTrue(e.getCause() instanceof IOException, String.valueOf(e.getCause()));
        assertEquals("disk full at 3000 ms", e.getCause().getMessage());
        assertEquals(StreamingContextState.STOPPED, ssc.getState());
    }

    @Test
    void failingReduceFunctionOfAShuffleNamesReduceByKey() {
        TestInput<String> words = driver.newInput("words");
        TestOutput<Tuple2<String, Integer>> out =
                driver.collect(
                        "counts",
                        words.stream()
                                .mapToPair(w -> Tuple2.of(w, 1))
                                .reduceByKey(UserFunctionFailureTest::sumBelowThree));
        driver.start();

        words.add("a", "a");
        driver.advanceBatches(1);
        words.add("a", "a", "a");
        UserFunctionException e =
                assertThrows(UserFunctionException.class, () -> driver.advanceBatches(1));

        assertTrue(e.operator().startsWith("reduceByKey at " + FILE), e.operator());
        assertTrue(e.getMessage().contains("batch 2000 ms"), e.getMessage());
        assertTrue(e.getCause() instanceof ArithmeticException, String.valueOf(e.getCause()));
        assertEquals(List.of(Tuple2.of("a", 2)), out.batch(1_000));
        assertEquals(StreamingContextState.STOPPED, ssc.getState());
    }

    @Test
    void noFurtherBatchRunsAfterAFailure() {
        TestInput<Integer> numbers = driver.newInput("numbers");
        TestOutput<Integer> out = driver.collect("out", numbers.stream().map(n -> 10 / n));
        driver.start();

        numbers.add(0);
        assertThrows(UserFunctionException.class, () -> driver.advanceBatches(3));

        assertEquals(Time.ms(1_000), driver.currentTime());
        assertThrows(IllegalStateException.class, () -> driver.advanceBatches(1));
        assertEquals(List.of(), out.batchList());
    }

    @Test
    void aFailedContextNoLongerBlocksANewOne() {
        TestInput<Integer> numbers = driver.newInput("numbers");
        driver.collect("out", numbers.stream().map(n -> 10 / n));
        driver.start();
        numbers.add(0);
        assertThrows(UserFunctionException.class, () -> driver.advanceBatches(1));

        StreamingContext next = new StreamingContext("local[2]", "next", Durations.seconds(1));
        try (StreamingTestDriver nextDriver = StreamingTestDriver.create(next)) {
            TestInput<Integer> in = nextDriver.newInput("in");
            TestOutput<Integer> out = nextDriver.collect("out", in.stream().map(n -> 10 / n));
            nextDriver.start();
            in.add(5);
            nextDriver.advanceBatches(1);
            assertEquals(List.of(2), out.batch(1_000));
        }
    }

    private static Iterator<String> splitOrFail(String line) {
        if (line.equals("boom")) {
            throw new IllegalArgumentException("cannot split '" + line + "'");
        }
        return Arrays.asList(line.split(" ")).iterator();
    }

    private static void failWhenNotEmpty(Batch<String> batch, Time time) throws IOException {
        if (!batch.isEmpty()) {
            throw new IOException("disk full at " + time);
        }
    }

    private static int sumBelowThree(int a, int b) {
        if (a + b >= 3) {
            throw new ArithmeticException("sum " + (a + b) + " is too large");
        }
        return a + b;
    }

    private static int lineOfCaller() {
        return StackWalker.getInstance()
                .walk(frames -> frames.skip(1).findFirst().orElseThrow().getLineNumber());
    }

    /** A key class whose hashCode fails, standing for a user key with a broken hashCode. */
    private record UnhashableKey(String name) {
        @Override
        public int hashCode() {
            throw new IllegalStateException("no hash for " + name);
        }
    }

    @Test
    void aKeyWhoseHashCodeThrowsFailsTheBatchNamingTheKeyedOperator() {
        TestInput<String> words = driver.newInput("words");
        PairDStream<UnhashableKey, Integer> pairs =
                words.stream().mapToPair(w -> Tuple2.of(new UnhashableKey(w), 1));
        PairDStream<UnhashableKey, Integer> counts = pairs.reduceByKey(Integer::sum);
        int reduceLine = lineOfCaller() - 1;
        counts.print();
        driver.start();

        words.add("a");
        UserFunctionException e =
                assertThrows(UserFunctionException.class, () -> driver.advanceBatches(1));

        assertEquals("reduceByKey at " + FILE + reduceLine, e.operator());
        assertEquals(Time.ms(1_000), e.batchTime());
        assertEquals("no hash for a", e.getCause().getMessage());
        assertSame(StreamingContextState.STOPPED, ssc.getState());
    }
}
