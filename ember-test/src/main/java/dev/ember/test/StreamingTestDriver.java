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
import java.util.function.Consumer;
import java.util.function.Supplier;

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

    private StreamingContext context;
    private ManualClock clock;
    private final Supplier<StreamingContext> contexts;
    private Consumer<StreamingTestDriver> program;
    private boolean crashAfterEveryBatch;
    private int recoveries;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Map<String, TestInput<?>> inputs = new LinkedHashMap<>();
    private final Map<String, TestOutput<?>> outputs = new LinkedHashMap<>();
    private boolean started;
    private boolean closed;
    private boolean rebinding;

    private StreamingTestDriver(StreamingContext context) {
        this(context, new ManualClock(), null, null);
    }

    private StreamingTestDriver(
            StreamingContext context,
            ManualClock clock,
            Supplier<StreamingContext> contexts,
            Consumer<StreamingTestDriver> program) {
        this.contexts = contexts;
        this.program = program;
        take(context, clock);
    }

    private void take(StreamingContext context, ManualClock clock) {
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
     * A driver for a program that can crash and recover: {@code contexts} makes a fresh context
     * (with the same checkpoint directory every time), and {@code program} defines the program's
     * inputs, pipeline and outputs on the driver, once now and again after each {@link
     * #crashAndRecover()}. Inputs and outputs keep their names, and their objects, across
     * recoveries: an input created again under its name is the same {@link TestInput}, an output
     * collected again under its name the same {@link TestOutput}.
     *
     * <pre>{@code
     * try (StreamingTestDriver driver = StreamingTestDriver.recoverable(
     *         () -> {
     *             StreamingContext ssc = new StreamingContext("local[2]", "totals", seconds(1));
     *             ssc.checkpoint(directory);
     *             return ssc;
     *         },
     *         d -> d.collect("totals", runningTotals(d.<String>newReplayableInput("words").stream())))) {
     *     driver.start();
     *     driver.<String>input("words").add("a", "b");
     *     driver.advanceBatches(3);
     *     driver.crashAndRecover();   // resumes from the last checkpoint, recomputing since
     *     driver.advanceBatches(3);
     * }
     * }</pre>
     *
     * @throws IllegalArgumentException when the first context has no checkpoint directory
     */
    public static StreamingTestDriver recoverable(
            Supplier<StreamingContext> contexts, Consumer<StreamingTestDriver> program) {
        Objects.requireNonNull(contexts, "contexts");
        Objects.requireNonNull(program, "program");
        StreamingTestDriver driver =
                new StreamingTestDriver(contexts.get(), new ManualClock(), contexts, program);
        program.accept(driver);
        return driver;
    }

    /**
     * Writes a checkpoint now, as of the last batch that ran, as the runner does at each checkpoint
     * interval; returns once it is on disk.
     *
     * @throws IllegalStateException when the driver has not started, or the context has no
     *     checkpoint directory
     */
    public void checkpoint() {
        if (!started) {
            throw new IllegalStateException("checkpoint() before start(): call start() first");
        }
        ContextAccess.execution(context).checkpoint();
    }

    /**
     * Crashes the program and recovers it, as a JVM killed and started again would: the context
     * stops at once, with no final checkpoint and without processing what its inputs held; a new
     * context from the driver's factory gets the program again and starts, resuming from the last
     * checkpoint in its directory, recomputing the batches since (from replayable inputs, with
     * their original contents) and going on from the current time. Outputs of recomputed batches
     * are recorded again, replacing the earlier records. Plain inputs lose what they held; the
     * replayable ones lose nothing.
     *
     * @throws IllegalStateException when the driver was not made by {@link #recoverable}, or has
     *     not started
     */
    public void crashAndRecover() {
        crashAndRecover(program);
    }

    /**
     * {@link #crashAndRecover()} into a rebuilt program: {@code rebuilt} defines the program that
     * recovers (with added steps and outputs, say), as a new version of an application started on
     * the old one's checkpoints would. It becomes the program of later recoveries. Inputs and
     * outputs it creates under the names of earlier ones are those objects.
     */
    public void crashAndRecover(Consumer<StreamingTestDriver> rebuilt) {
        Objects.requireNonNull(rebuilt, "rebuilt");
        if (contexts == null) {
            throw new IllegalStateException(
                    "crashAndRecover() needs a driver made by StreamingTestDriver.recoverable(...),"
                            + " which can build the program again");
        }
        if (!started) {
            throw new IllegalStateException("crashAndRecover() before start(): call start() first");
        }
        long now = clock.currentTimeMillis();
        context.stop(false);
        recoveries++;
        take(contexts.get(), new ManualClock(now));
        for (TestOutput<?> output : outputs.values()) {
            output.allowRecording();
        }
        program = rebuilt;
        rebinding = true;
        try {
            program.accept(this);
        } finally {
            rebinding = false;
        }
        start();
    }

    /**
     * With {@code crash} set, every batch that {@link #advanceBatches} runs is followed by {@link
     * #crashAndRecover()}: the strictest test that a program's outputs do not depend on where it
     * was interrupted.
     */
    public void crashAfterEveryBatch(boolean crash) {
        if (crash && contexts == null) {
            throw new IllegalStateException(
                    "crashAfterEveryBatch needs a driver made by StreamingTestDriver.recoverable");
        }
        this.crashAfterEveryBatch = crash;
    }

    /** How often {@link #crashAndRecover()} ran. */
    public int recoveries() {
        return recoveries;
    }

    /**
     * The input created under {@code name}, for tests whose program creates its inputs inside
     * {@link #recoverable}.
     *
     * @throws IllegalArgumentException when there is no such input
     */
    @SuppressWarnings("unchecked")
    public <T> TestInput<T> input(String name) {
        TestInput<?> input = inputs.get(name);
        if (input == null) {
            throw new IllegalArgumentException(
                    "no test input '" + name + "'; the inputs are " + inputs.keySet());
        }
        return (TestInput<T>) input;
    }

    /**
     * The output collected under {@code name}.
     *
     * @throws IllegalArgumentException when there is no such output
     */
    @SuppressWarnings("unchecked")
    public <T> TestOutput<T> output(String name) {
        TestOutput<?> output = outputs.get(name);
        if (output == null) {
            throw new IllegalArgumentException(
                    "no test output '" + name + "'; the outputs are " + outputs.keySet());
        }
        return (TestOutput<T>) output;
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
                new StreamingTestDriver(
                        context, new ManualClock(snapshot.timeMillis()), null, null);
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
        return input(name, false);
    }

    /**
     * Creates a named input that keeps every element it is given, with offsets, as a file or a
     * Kafka topic does: the runner can read its ranges again, so a program recovered with {@link
     * #crashAndRecover()} loses none of its elements. Otherwise as {@link #newInput}.
     */
    public <T> TestInput<T> newReplayableInput(String name) {
        return input(name, true);
    }

    @SuppressWarnings("unchecked")
    private <T> TestInput<T> input(String name, boolean replayable) {
        Objects.requireNonNull(name, "name");
        TestInput<?> existing = inputs.get(name);
        if (existing != null && rebinding && existing.isReplayable() == replayable) {
            existing.bind(context);
            return (TestInput<T>) existing;
        }
        if (existing != null) {
            throw new IllegalArgumentException(
                    "test input '" + name + "' already exists: give each input its own name");
        }
        TestInput<T> input = new TestInput<>(name, replayable, context);
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
        TestOutput<?> existing = outputs.get(name);
        if (existing != null && rebinding) {
            @SuppressWarnings("unchecked")
            TestOutput<T> output = (TestOutput<T>) existing;
            recordInto(output, stream);
            return output;
        }
        if (existing != null) {
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
        recordInto(output, stream);
        outputs.put(name, output);
        return output;
    }

    private static <T> void recordInto(TestOutput<T> output, DStream<T> stream) {
        stream.foreachRDD((batch, time) -> output.record(time, batch.collect()));
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
            if (crashAfterEveryBatch) {
                crashAndRecover();
            }
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
