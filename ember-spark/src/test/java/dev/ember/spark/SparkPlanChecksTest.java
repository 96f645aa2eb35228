package dev.ember.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.DStream;
import dev.ember.streaming.Durations;
import dev.ember.streaming.InvalidPipelineException;
import dev.ember.streaming.Receiver;
import dev.ember.streaming.SocketOptions;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.StreamingContextState;
import dev.ember.test.StreamingTestDriver;
import dev.ember.test.TestInput;
import java.net.Socket;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the Spark runner rejects at start, before any Spark work: functions and receivers that do
 * not serialise (naming the operator, its call site and the field), and features only the local
 * runner has. No SparkContext is created, so these run in milliseconds.
 */
class SparkPlanChecksTest {
    private final StreamingContext ssc =
            new StreamingContext("spark-local[2]", "SparkPlanChecksTest", Durations.seconds(1));

    @AfterEach
    void stop() {
        ssc.stop();
    }

    /** Holds what cannot be shipped: a socket, as a function of a real program might. */
    static final class Connection implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final Object socket = new Socket();
    }

    @Test
    void rejectsAFunctionThatCapturesSomethingThatDoesNotSerialise() {
        Connection connection = new Connection();
        DStream<String> lines = ssc.queueStream(new ConcurrentLinkedQueue<List<String>>());
        lines.map(line -> line + connection.socket.hashCode()).print();

        InvalidPipelineException e = assertThrows(InvalidPipelineException.class, ssc::start);

        String message = e.getMessage();
        assertTrue(
                message.matches(
                        "The function of map at SparkPlanChecksTest\\.java:\\d+ does not"
                                + " serialise, so the Spark runner cannot ship it to the"
                                + " executors: the lambda .*"),
                message);
        assertTrue(
                message.contains(
                        "→ captured value #1 → field 'socket' of"
                                + " dev.ember.spark.SparkPlanChecksTest$Connection holds"
                                + " java.net.Socket, which is not Serializable; mark the field"
                                + " transient"),
                message);
        assertEquals(StreamingContextState.STOPPED, ssc.getState());
    }

    @Test
    void rejectsALambdaThatCapturesItsEnclosingInstance() {
        DStream<String> lines = ssc.queueStream(new ConcurrentLinkedQueue<List<String>>());
        lines.filter(line -> line.equals(toString())).print();

        InvalidPipelineException e = assertThrows(InvalidPipelineException.class, ssc::start);

        assertTrue(
                e.getMessage()
                        .contains(
                                "→ its enclosing instance 'this'"
                                        + " (dev.ember.spark.SparkPlanChecksTest) holds"
                                        + " dev.ember.spark.SparkPlanChecksTest, which is not"
                                        + " Serializable"),
                e.getMessage());
        assertTrue(
                e.getMessage().startsWith("The function of filter at SparkPlanChecksTest.java:"));
    }

    /** A receiver with a field that cannot be shipped to the executor that runs it. */
    static final class SocketHoldingReceiver extends Receiver<String> {
        private static final long serialVersionUID = 1L;
        private final Object socket = new Socket();

        @Override
        public void onStart() {}

        @Override
        public void onStop() {}

        @Override
        public String toString() {
            return "receiver with " + socket;
        }
    }

    @Test
    void rejectsAReceiverThatDoesNotSerialise() {
        ssc.receiverStream(new SocketHoldingReceiver()).print();

        InvalidPipelineException e = assertThrows(InvalidPipelineException.class, ssc::start);

        assertTrue(
                e.getMessage()
                        .startsWith("The receiver of receiverStream at SparkPlanChecksTest.java:"),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains(
                                "field 'socket' of"
                                        + " dev.ember.spark.SparkPlanChecksTest$SocketHoldingReceiver"
                                        + " holds java.net.Socket"),
                e.getMessage());
    }

    @Test
    void rejectsSocketOptionsThatOnlyTheLocalRunnerHas() {
        ssc.socketTextStream("127.0.0.1", 9999, SocketOptions.defaults().withMaxLineBytes(1024))
                .print();

        InvalidPipelineException e = assertThrows(InvalidPipelineException.class, ssc::start);

        assertTrue(
                e.getMessage()
                        .matches(
                                "socketTextStream at SparkPlanChecksTest.java:\\d+ sets"
                                        + " SocketOptions\\[maxLineBytes=1024, backoff=100ms..5s\\],"
                                        + " which only the local runner has: .*"),
                e.getMessage());
    }

    @Test
    void rejectsAMasterWhoseCoresTheReceiversWouldAllTake() {
        StreamingContext one =
                new StreamingContext("spark-local[1]", "one core", Durations.seconds(1));
        try {
            one.socketTextStream("127.0.0.1", 9999).print();

            InvalidPipelineException e = assertThrows(InvalidPipelineException.class, one::start);

            assertTrue(
                    e.getMessage()
                            .startsWith(
                                    "master 'spark-local[1]' gives Spark 1 core(s), and the"
                                            + " program's 1 receiver(s) (socketTextStream at"
                                            + " SparkPlanChecksTest.java:"),
                    e.getMessage());
            assertTrue(
                    e.getMessage()
                            .endsWith(
                                    "use spark-local[2] or more (the local runner gives receivers threads of their own)"));
        } finally {
            one.stop();
        }
    }

    @Test
    void rejectsATestInputWhichOnlyAnInJvmRunnerCanFeed() {
        StreamingContext spark =
                new StreamingContext("spark-local[2]", "test inputs", Durations.seconds(1));
        try (StreamingTestDriver driver = StreamingTestDriver.create(spark)) {
            TestInput<String> lines = driver.newInput("lines");
            driver.collect("out", lines.stream());

            InvalidPipelineException e =
                    assertThrows(InvalidPipelineException.class, driver::start);

            assertTrue(
                    e.getMessage()
                            .startsWith("test input 'lines' (receiverStream at TestInput.java:"),
                    e.getMessage());
            assertTrue(
                    e.getMessage()
                            .endsWith(
                                    "feed pipelines tested on Spark with queueStream or"
                                            + " sourceStream"),
                    e.getMessage());
        }
    }

    @Test
    void rejectsAnInvalidSparkLocalMaster() {
        StreamingContext bad = new StreamingContext("spark-local[0]", "bad", Durations.seconds(1));
        try {
            Queue<List<String>> queue = new ConcurrentLinkedQueue<>();
            bad.queueStream(queue).print();

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad::start);

            assertEquals(
                    "invalid master 'spark-local[0]': use spark-local, spark-local[N] with N at"
                            + " least 1, or spark-local[*]",
                    e.getMessage());
        } finally {
            bad.stop();
        }
    }
}
