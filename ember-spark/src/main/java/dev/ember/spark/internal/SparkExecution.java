package dev.ember.spark.internal;

import dev.ember.spi.Execution;
import dev.ember.spi.RunSettings;
import dev.ember.spi.Source;
import dev.ember.spi.SourceContext;
import dev.ember.spi.SourceReader;
import dev.ember.spi.SteppedClock;
import dev.ember.spi.plan.InputNode;
import dev.ember.spi.plan.InputSpec;
import dev.ember.spi.plan.PlanNode;
import dev.ember.spi.plan.StreamGraph;
import dev.ember.streaming.Batch;
import dev.ember.streaming.Clock;
import dev.ember.streaming.SourceException;
import dev.ember.streaming.StreamingException;
import dev.ember.streaming.UserFunctionException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.util.ManualClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * One running graph on Spark Streaming.
 *
 * <p>Start: the plan is checked before any Spark work (everything shipped must serialise;
 * local-only features are rejected), sources are opened on the driver, then a SparkContext is
 * created, or the one already active in this JVM is used (and then left running at stop), the plan
 * is translated ({@link SparkPlanner}) and the streaming context started.
 *
 * <p>Time: with a {@link SteppedClock}, Spark runs on its own {@code ManualClock} (set through
 * {@code spark.streaming.clock}); each advance of the stepped clock sets Spark's clock to the same
 * time and waits, on the advancing thread, until Spark has completed every batch that became due,
 * or one has failed, so tests drive both runners the same way. Otherwise Spark's system clock runs
 * the batches.
 *
 * <p>Failure: the first failure of a user function (an output, a transform, or a task whose {@link
 * OperatorFailure} comes back with the failed job) is kept as a {@link UserFunctionException}
 * naming the operator and the batch time; later outputs of the batch are skipped and the context
 * stops, as on the local runner. {@link #awaitTermination} rethrows it. Spark would keep running
 * later batches; Ember's contract is that a failed function stops the stream.
 *
 * <p>Spark 4 marks the DStream API deprecated in favour of Structured Streaming; this runner
 * targets the DStream model that Ember implements, so the deprecation is expected here.
 */
@SuppressWarnings("deprecation")
final class SparkExecution implements Execution, SparkPlanner.Driver {
    private static final Logger LOG = LoggerFactory.getLogger(SparkExecution.class);
    private static final long ADVANCE_TIMEOUT_MILLIS = 180_000;

    private final StreamGraph graph;
    private final RunSettings settings;
    private final SparkMaster master;
    private final long interval;
    private final Object progress = new Object();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final TreeMap<Long, Map<DriverInputs.SourceStream, String>> cuts = new TreeMap<>();
    private final Map<InputNode, SourceReader<?>> readers = new IdentityHashMap<>();

    private JavaSparkContext sc;
    private JavaStreamingContext jssc;
    private boolean ownsSparkContext;
    private SparkPlanner planner;
    private ManualClock sparkClock;
    private long firstBatch;
    private volatile long completedThrough = Long.MIN_VALUE;
    private volatile long generatedThrough = Long.MIN_VALUE;
    private volatile Throwable failure;
    private volatile boolean stopped;

    private SparkExecution(StreamGraph graph, RunSettings settings, SparkMaster master) {
        this.graph = graph;
        this.settings = settings;
        this.master = master;
        this.interval = graph.batchDuration().milliseconds();
    }

    static SparkExecution start(StreamGraph graph, RunSettings settings, SparkMaster master) {
        List<Object> code = PlanChecks.check(graph, settings, master);
        SparkExecution execution = new SparkExecution(graph, settings, master);
        try {
            execution.open();
            execution.startSpark(code);
        } catch (Error e) {
            execution.abandon();
            throw e;
        } catch (Exception e) {
            // Scala code throws checked exceptions (SparkException) without declaring them.
            execution.abandon();
            throw e instanceof RuntimeException r
                    ? r
                    : new StreamingException(
                            "Spark could not start context '" + graph.appName() + "': " + e, e);
        }
        return execution;
    }

    private void open() {
        for (InputNode node : graph.inputs()) {
            if (node.spec() instanceof InputSpec.SourceInput s) {
                readers.put(node, open(node, s.source()));
            }
        }
    }

    private SourceReader<?> open(InputNode node, Source<?> source) {
        String name = graph.name(node);
        Map<String, Boolean> reasons = new ConcurrentHashMap<>();
        SourceContext context =
                new SourceContext() {
                    @Override
                    public String name() {
                        return name;
                    }

                    @Override
                    public Clock clock() {
                        return settings.clock();
                    }

                    @Override
                    public Optional<Path> stateDirectory() {
                        return stateDirectoryOf(name);
                    }

                    @Override
                    public String setting(String key) {
                        return settings.conf().get(key);
                    }

                    @Override
                    public void skipped(String reason, String sample) {
                        if (reasons.putIfAbsent(reason, Boolean.TRUE) == null) {
                            LOG.warn(
                                    "input '{}' skipped a record ({}): {}; further records skipped"
                                            + " for this reason are not logged",
                                    name,
                                    reason,
                                    sample);
                        }
                    }
                };
        try {
            SourceReader<?> reader = source.open(context);
            if (reader == null) {
                throw new SourceException(
                        source.getClass().getName()
                                + ".open returned null for input '"
                                + name
                                + "'; return a reader");
            }
            return reader;
        } catch (SourceException e) {
            throw e;
        } catch (Exception e) {
            throw new SourceException(
                    "Cannot open input '" + name + "' (" + source.describe() + "): " + e, e);
        }
    }

    /**
     * A directory of the input's own inside the checkpoint directory, named as the local runner
     * names it ({@code inputs/<safe name>-<hash>}), so a source keeps its durable state in one
     * place whichever runner runs it.
     */
    private Optional<Path> stateDirectoryOf(String name) {
        if (graph.checkpointDirectory() == null) {
            return Optional.empty();
        }
        Path dir =
                Path.of(graph.checkpointDirectory())
                        .resolve("inputs")
                        .resolve(
                                name.replaceAll("[^A-Za-z0-9._-]", "_")
                                        + "-"
                                        + Integer.toHexString(name.hashCode()));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot create the state directory " + dir + " of input '" + name + "'", e);
        }
        return Optional.of(dir);
    }

    private void startSpark(List<Object> code) {
        boolean stepped = settings.clock() instanceof SteppedClock;
        SparkContexts.Acquired acquired =
                SparkContexts.acquire(master, graph.appName(), stepped, code, settings.conf());
        ownsSparkContext = acquired.owned();
        sc = acquired.context();
        jssc = new JavaStreamingContext(sc, SparkPlanner.duration(graph.batchDuration()));
        if (graph.checkpointDirectory() != null) {
            // RDD checkpoints only: Spark's metadata checkpoints hold the serialised program,
            // which no rebuilt program can read; see docs/spark.md.
            sc.setCheckpointDir(graph.checkpointDirectory());
        }
        planner = new SparkPlanner(jssc, graph, readers, master.isLocal(), this);
        planner.translate();
        jssc.addStreamingListener(
                new ListenerBridge(
                        graph, settings.listeners(), planner.inputIds(), this::batchCompleted));
        long now = settings.clock().currentTimeMillis();
        if (stepped) {
            sparkClock = (ManualClock) jssc.ssc().scheduler().clock();
            sparkClock.setTime(now);
        }
        firstBatch = (Math.floorDiv(now, interval) + 1) * interval;
        jssc.start();
        if (settings.clock() instanceof SteppedClock s) {
            s.onAdvance(this::advanceTo);
        }
        LOG.info(
                "Started '{}' on Spark ({}): {} input(s), {} output(s), batch interval {}, first"
                        + " batch at {} ms",
                graph.appName(),
                master.spark(),
                graph.inputs().size(),
                graph.outputs().size(),
                graph.batchDuration().pretty(),
                firstBatch);
    }

    /** Stepped clock: Spark's clock follows, and the due batches complete before this returns. */
    private void advanceTo(long now) {
        if (stopped) {
            return;
        }
        sparkClock.setTime(now);
        long due = Math.floorDiv(now, interval) * interval;
        if (due >= firstBatch) {
            long deadline =
                    System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ADVANCE_TIMEOUT_MILLIS);
            synchronized (progress) {
                while (completedThrough < due && failure == null && !stopped) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new IllegalStateException(
                                "Spark did not complete the batch at "
                                        + due
                                        + " ms of '"
                                        + graph.appName()
                                        + "' within "
                                        + ADVANCE_TIMEOUT_MILLIS
                                        + " ms of the clock reaching it (last completed: "
                                        + (completedThrough == Long.MIN_VALUE
                                                ? "none"
                                                : completedThrough + " ms")
                                        + ")");
                    }
                    try {
                        progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while Spark ran batches", e);
                    }
                }
            }
        }
        Throwable f = failure;
        if (f != null) {
            shutdown(false);
            throw asRuntime(f);
        }
    }

    private void batchCompleted(long time) {
        Map<DriverInputs.SourceStream, String> done = new IdentityHashMap<>();
        synchronized (cuts) {
            var head = cuts.headMap(time, true);
            for (Map<DriverInputs.SourceStream, String> c : head.values()) {
                done.putAll(c);
            }
            head.clear();
        }
        done.forEach(DriverInputs.SourceStream::processed);
        synchronized (progress) {
            completedThrough = Math.max(completedThrough, time);
            progress.notifyAll();
        }
    }

    @Override
    public boolean failed() {
        return failure != null;
    }

    @Override
    public void fail(String operator, Time time, Throwable error) {
        dev.ember.streaming.Time batchTime = new dev.ember.streaming.Time(time.milliseconds());
        OperatorFailure inner = OperatorFailure.find(error);
        RuntimeException reported =
                inner != null
                        ? new UserFunctionException(inner.operator, batchTime, inner.getCause())
                        : error instanceof StreamingException se
                                ? se
                                : new UserFunctionException(operator, batchTime, error);
        synchronized (progress) {
            if (failure != null) {
                return;
            }
            failure = reported;
            progress.notifyAll();
        }
        LOG.error("'{}' stopped: {}", graph.appName(), reported.getMessage());
        if (!(settings.clock() instanceof SteppedClock)) {
            shutdown(false);
        }
    }

    @Override
    public PrintStream out() {
        return settings.out();
    }

    @Override
    public void sourceCut(DriverInputs.SourceStream input, long batchTime, String offset) {
        synchronized (cuts) {
            cuts.computeIfAbsent(batchTime, t -> new IdentityHashMap<>()).put(input, offset);
        }
    }

    @Override
    public void tick(long batchTime) {
        generatedThrough = Math.max(generatedThrough, batchTime);
    }

    @Override
    public void stop(boolean gracefully) {
        // Spark's graceful stop waits for batches on the streaming clock, which a stepped clock
        // moves only when the program advances it: stop at once, as the local runner does then.
        shutdown(gracefully && !(settings.clock() instanceof SteppedClock));
    }

    private void shutdown(boolean gracefully) {
        if (onSparkThread()) {
            // A stop asked for by an output or a transform: Spark would wait for the very job
            // that asks, so a thread of its own stops it once that job has returned.
            Thread stopper =
                    new Thread(() -> shutdown(gracefully), "ember-spark-stop-" + graph.appName());
            stopper.setDaemon(true);
            stopper.start();
            return;
        }
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        synchronized (progress) {
            progress.notifyAll();
        }
        try {
            jssc.stop(ownsSparkContext, gracefully);
        } catch (Exception e) {
            LOG.warn("Stopping Spark for '{}' failed: {}", graph.appName(), e.toString());
        }
        settings.onTermination().accept(failure);
        terminated.countDown();
        LOG.info("Stopped '{}' on Spark", graph.appName());
    }

    /**
     * True on the threads on which Spark generates and runs the jobs of batches, and delivers
     * listener events.
     */
    private static boolean onSparkThread() {
        String name = Thread.currentThread().getName();
        return name.startsWith("streaming-job-executor")
                || name.equals("JobGenerator")
                || name.startsWith("RecurringTimer")
                || name.startsWith("spark-listener-group");
    }

    /** A start that failed: releases what was acquired. */
    private void abandon() {
        stopped = true;
        try {
            if (jssc != null) {
                jssc.stop(ownsSparkContext, false);
            } else if (sc != null && ownsSparkContext) {
                sc.stop();
            }
        } catch (Exception e) {
            LOG.debug("Stopping Spark after a failed start: {}", e.toString());
        }
        for (SourceReader<?> reader : readers.values()) {
            try {
                reader.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing a source after a failed start: {}", e.toString());
            }
        }
    }

    @Override
    public boolean awaitTermination(long timeoutMillis) throws InterruptedException {
        boolean done;
        if (timeoutMillis < 0) {
            terminated.await();
            done = true;
        } else {
            done = terminated.await(timeoutMillis, TimeUnit.MILLISECONDS);
        }
        Throwable f = failure;
        if (done && f != null) {
            throw asRuntime(f);
        }
        return done;
    }

    /**
     * Spark's {@code slice}, bounded by the batches generated so far: Spark computes a missing
     * batch on demand, and a batch time not reached yet must not be.
     */
    @Override
    public List<Batch<Object>> slice(
            PlanNode node, dev.ember.streaming.Time fromTime, dev.ember.streaming.Time toTime) {
        if (stopped) {
            throw new IllegalStateException(
                    "Cannot slice '"
                            + node.info().describe()
                            + "': context '"
                            + graph.appName()
                            + "' has stopped and its batches are gone");
        }
        long to = Math.min(toTime.milliseconds(), generatedThrough);
        if (to < fromTime.milliseconds() || generatedThrough == Long.MIN_VALUE) {
            return List.of();
        }
        List<Batch<Object>> batches = new ArrayList<>();
        for (RDD<Object> rdd :
                CollectionConverters.asJava(
                        planner.stream(node)
                                .dstream()
                                .slice(new Time(fromTime.milliseconds()), new Time(to)))) {
            batches.add(
                    new SparkBatch<>(
                            JavaRDD.fromRDD(rdd, scala.reflect.ClassTag$.MODULE$.AnyRef())));
        }
        return List.copyOf(batches);
    }

    private static RuntimeException asRuntime(Throwable f) {
        if (f instanceof RuntimeException re) {
            return re;
        }
        if (f instanceof Error err) {
            throw err;
        }
        return new StreamingException(f.getMessage(), f);
    }
}
