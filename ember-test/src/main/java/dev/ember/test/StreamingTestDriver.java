package dev.ember.test;

import dev.ember.spi.ContextAccess;
import dev.ember.streaming.DStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.StreamingContextState;
import dev.ember.streaming.Time;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a {@link StreamingContext} under a test's control: batches run only when the test calls
 * {@link #advanceBatches(int)}, synchronously on the test's thread, so tests need no sleeps, no
 * polling and no "eventually".
 *
 * <pre>{@code
 * StreamingContext ssc = new StreamingContext("local[2]", "words", Durations.seconds(1));
 * try (StreamingTestDriver driver = StreamingTestDriver.create(ssc)) {
 *     TestInput<String> lines = driver.newInput("lines");
 *     TestOutput<String> words = driver.collect("words", lines.stream().flatMap(
 *             line -> Arrays.asList(line.split(" ")).iterator()));
 *     driver.start();
 *     lines.add("to be", "or not");
 *     driver.advanceBatches(1);
 *     words.batch(1000); // [to, be, or, not]
 * }
 * }</pre>
 *
 * <p>Time: the driver installs a {@link ManualClock} at 0, so the context's batches are at one
 * interval, two intervals, and so on: the first batch of a 1 s context is at 1000 ms. The data
 * added since the previous batch forms the next one.
 *
 * <p>Lifecycle: create the driver, define inputs, the pipeline and outputs, {@link #start()}, then
 * alternate adding input and advancing. {@link #close()} stops the context; since only one context
 * may be active in a JVM, always close the driver (try-with-resources or an after-each hook).
 *
 * <p>Not thread-safe: drive it from one thread, as a test does.
 */
public final class StreamingTestDriver implements AutoCloseable {
    private static final long RECEIVER_START_TIMEOUT_MILLIS = 10_000;

    private final StreamingContext context;
    private final ManualClock clock;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Map<String, TestInput<?>> inputs = new LinkedHashMap<>();
    private final Map<String, TestOutput<?>> outputs = new LinkedHashMap<>();
    private boolean started;
    private boolean closed;

    private StreamingTestDriver(StreamingContext context) {
        this(context, new ManualClock());
    }

    private StreamingTestDriver(StreamingContext context, ManualClock clock) {
        this.context = context;
        this.clock = clock;
        context.setClock(clock);
        context.setPrintStream(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    /**
     * Takes over {@code context}: installs a {@link ManualClock} at time 0 and captures what {@code
     * print()} writes (read it with {@link #printed()}).
     *
     * @param context a context that has not been started
     * @throws IllegalStateException when {@code context} has been started or stopped
     */
    public static StreamingTestDriver create(StreamingContext context) {
        return new StreamingTestDriver(Objects.requireNonNull(context, "context"));
    }

    /**
     * Takes over {@code context}, a fresh build of the program a snapshot was taken from, so that
     * it starts from {@code snapshot}: the state of every stream the snapshot holds is restored by
     * stable name, and the clock starts at the snapshot's last batch, so the next batch is the one
     * after it. Define the program, then {@link #start()}, as with {@link #create}.
     *
     * @param context a context that has not been started
     * @param snapshot taken with {@link #snapshot()} from a driver of the same program
     */
    public static StreamingTestDriver restore(StreamingContext context, StateSnapshot snapshot) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(snapshot, "snapshot");
        StreamingTestDriver driver =
                new StreamingTestDriver(context, new ManualClock(snapshot.timeMillis()));
        ContextAccess.restoreOnStart(context, snapshot.bytes());
        return driver;
    }

    /**
     * Everything the runner keeps across batches, as of the last batch that ran: each stateful
     * stream's state, the batches windows still need, and what the inputs hold for the next batch.
     * Restore it into a fresh build of the program with {@link #restore}.
     *
     * @throws IllegalStateException when the driver has not been started, or the context stopped
     */
    public StateSnapshot snapshot() {
        if (!started) {
            throw new IllegalStateException("snapshot() before start(): call start() first");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ContextAccess.execution(context).snapshot(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("the snapshot could not be written", e);
        }
        return new StateSnapshot(clock.currentTimeMillis(), bytes.toByteArray());
    }

    /** The context under test. */
    public StreamingContext context() {
        return context;
    }

    /**
     * The clock that drives the context, for tests that move time by other amounts than whole batch
     * intervals.
     */
    public ManualClock clock() {
        return clock;
    }

    /**
     * Creates a named input stream that the test fills with {@link TestInput#add}. Only before
     * {@link #start()}.
     *
     * @param name unique among this driver's inputs; used in messages
     * @throws IllegalArgumentException when an input of that name exists
     * @throws IllegalStateException when the context has been started
     */
    public <T> TestInput<T> newInput(String name) {
        Objects.requireNonNull(name, "name");
        if (inputs.containsKey(name)) {
            throw new IllegalArgumentException(
                    "test input '" + name + "' already exists: give each input its own name");
        }
        TestInput<T> input = new TestInput<>(name, context);
        inputs.put(name, input);
        return input;
    }

    /**
     * Records every batch of {@code stream}, including empty ones, by batch time: registers a
     * {@code foreachRDD} output that collects each batch. Outputs run in the order they are
     * declared, this one included. Only before {@link #start()}.
     *
     * @param name unique among this driver's outputs; used in messages
     * @param stream a stream of this driver's context
     * @throws IllegalArgumentException when an output of that name exists, or {@code stream}
     *     belongs to another context
     * @throws IllegalStateException when the context has been started
     */
    public <T> TestOutput<T> collect(String name, DStream<T> stream) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stream, "stream");
        if (outputs.containsKey(name)) {
            throw new IllegalArgumentException(
                    "test output '" + name + "' already exists: give each output its own name");
        }
        if (stream.context() != context) {
            throw new IllegalArgumentException(
                    "the stream given to collect('"
                            + name
                            + "') belongs to context '"
                            + stream.context().appName()
                            + "', not to the driver's context '"
                            + context.appName()
                            + "'");
        }
        TestOutput<T> output = new TestOutput<>(name);
        stream.foreachRDD((batch, time) -> output.record(time, batch.collect()));
        outputs.put(name, output);
        return output;
    }

    /**
     * Starts the context ({@link StreamingContext#start()}) and waits until every test input has
     * started, so that elements added before this call are in the first batch.
     *
     * @throws dev.ember.streaming.InvalidPipelineException when the pipeline is invalid, such as
     *     one with no output
     * @throws IllegalStateException when the context cannot start, such as when another context is
     *     active in this JVM
     */
    public void start() {
        context.start();
        started = true;
        try {
            for (TestInput<?> input : inputs.values()) {
                input.awaitStarted(RECEIVER_START_TIMEOUT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the test inputs started", e);
        }
    }

    /**
     * Moves time forward by {@code n} batch intervals, one interval at a time; each batch that
     * becomes due runs on this thread before this returns. {@code advanceBatches(0)} does nothing.
     *
     * @throws IllegalArgumentException when {@code n} is negative
     * @throws IllegalStateException when the driver has not been started, or the context has
     *     stopped
     * @throws dev.ember.streaming.UserFunctionException when a user function fails in one of the
     *     batches: the context stops, and the clock stays at that batch's time
     */
    public void advanceBatches(int n) {
        if (n < 0) {
            throw new IllegalArgumentException(
                    "advanceBatches needs a number of batches >= 0, got " + n);
        }
        if (!started) {
            throw new IllegalStateException(
                    "advanceBatches(" + n + ") before start(): call start() first");
        }
        long interval = context.batchDuration().milliseconds();
        for (int i = 0; i < n; i++) {
            if (context.getState() != StreamingContextState.ACTIVE) {
                throw new IllegalStateException(
                        "cannot advance context '"
                                + context.appName()
                                + "' at "
                                + currentTime()
                                + " because it is "
                                + context.getState()
                                + "; no further batch will run");
            }
            clock.advance(interval);
        }
    }

    /**
     * The current time of the driver's clock; after {@code advanceBatches}, the last batch time.
     */
    public Time currentTime() {
        return new Time(clock.currentTimeMillis());
    }

    /** Everything {@code print()} has written so far, decoded as UTF-8. */
    public String printed() {
        synchronized (printed) {
            return printed.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * Everything {@code print()} has written since the last call to this method (or since the
     * start), and forgets it, so the next call returns only newer output.
     */
    public String takePrinted() {
        synchronized (printed) {
            String text = printed.toString(StandardCharsets.UTF_8);
            printed.reset();
            return text;
        }
    }

    /** The names of the inputs and outputs, for assertion messages. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add("context '" + context.appName() + "' " + context.getState());
        parts.add("at " + currentTime());
        parts.add("inputs " + inputs.keySet());
        parts.add("outputs " + outputs.keySet());
        return "StreamingTestDriver" + parts;
    }

    /**
     * Stops the context at once ({@code stop(false)}), dropping data added but not yet in a batch.
     * Calling it again does nothing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        context.stop(false);
    }
}
