package dev.ember.engine.internal.exec;

import dev.ember.engine.internal.batch.Engine;
import dev.ember.engine.internal.batch.LocalBatch;
import dev.ember.engine.internal.batch.WorkerPool;
import dev.ember.engine.internal.input.InputReader;
import dev.ember.engine.internal.input.QueueReader;
import dev.ember.engine.internal.input.ReceiverRunner;
import dev.ember.engine.internal.input.SocketTextReceiver;
import dev.ember.spi.Execution;
import dev.ember.spi.RunSettings;
import dev.ember.spi.SteppedClock;
import dev.ember.spi.plan.InputNode;
import dev.ember.spi.plan.InputSpec;
import dev.ember.spi.plan.PlanNode;
import dev.ember.spi.plan.StreamGraph;
import dev.ember.streaming.Batch;
import dev.ember.streaming.Clock;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.StreamingException;
import dev.ember.streaming.Time;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running graph on the local runner.
 *
 * <p>Threads: receivers run on threads of their own; a timer thread cuts every input at each batch
 * time and queues the batch; a job thread runs queued batches one at a time (outputs in declaration
 * order), using the worker pool for partition tasks. Cutting on the timer keeps batch contents
 * exact (data received in {@code (t - interval, t]}) even when jobs fall behind; the queue then
 * grows and a warning says so. With a {@link SteppedClock} neither thread exists: each advance of
 * the clock cuts and runs the due batches on the advancing thread.
 *
 * <p>Failure: the first exception of a batch stops the graph; {@link #awaitTermination} rethrows
 * it.
 */
public final class LocalExecution implements Execution {
    private static final Logger LOG = LoggerFactory.getLogger(LocalExecution.class);
    private static final long MAX_BUFFERED_RECORDS = 4_000_000;

    private record BatchJob(long time, Map<InputNode, List<List<?>>> blocks) {}

    private final StreamGraph graph;
    private final RunSettings settings;
    private final long interval;
    private final Clock clock;
    // Keyed by identity: plan nodes are records, and their value equality is neither needed nor
    // cheap.
    private final Map<InputNode, InputReader> inputs = new IdentityHashMap<>();
    private final BlockingQueue<BatchJob> jobs = new LinkedBlockingQueue<>();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final Object stepLock = new Object();

    private WorkerPool pool;
    private PlanEvaluator evaluator;
    private volatile long nextTime;
    private volatile boolean generating;
    private volatile boolean running;
    private volatile Throwable failure;
    private volatile long lastCompleted;
    private Thread timer;
    private Thread jobRunner;
    private long lastBehindWarning;

    public LocalExecution(StreamGraph graph, RunSettings settings) {
        this.graph = graph;
        this.settings = settings;
        this.interval = graph.batchDuration().milliseconds();
        this.clock = settings.clock();
    }

    public void start() {
        int threads = StreamingContext.localThreads(settings.master());
        pool = new WorkerPool(graph.appName(), threads);
        for (InputNode input : graph.inputs()) {
            inputs.put(input, reader(input));
        }
        long now = clock.currentTimeMillis();
        long first = (Math.floorDiv(now, interval) + 1) * interval;
        nextTime = first;
        lastCompleted = first - interval;
        evaluator =
                new PlanEvaluator(
                        graph, new Engine(pool, threads), first - interval, settings.out());
        running = true;
        generating = true;
        for (InputReader reader : inputs.values()) {
            reader.start();
        }
        if (clock instanceof SteppedClock stepped) {
            stepped.onAdvance(this::advanceTo);
        } else {
            timer = daemon("ember-batch-timer-" + graph.appName(), this::generateLoop);
            jobRunner = daemon("ember-job-runner-" + graph.appName(), this::jobLoop);
            timer.start();
            jobRunner.start();
        }
        LOG.info(
                "Started '{}' on {}: {} input(s), {} output(s), batch interval {}, first batch at {} ms",
                graph.appName(),
                settings.master(),
                inputs.size(),
                graph.outputs().size(),
                graph.batchDuration().pretty(),
                first);
    }

    private InputReader reader(InputNode input) {
        String name = "input '" + input.spec().describe() + "' (" + input.info().describe() + ")";
        if (input.spec() instanceof InputSpec.SocketText s) {
            return new ReceiverRunner(
                    new SocketTextReceiver(s.host(), s.port(), s.options()),
                    name,
                    MAX_BUFFERED_RECORDS);
        }
        if (input.spec() instanceof InputSpec.ReceiverInput r) {
            return new ReceiverRunner(r.receiver(), name, MAX_BUFFERED_RECORDS);
        }
        if (input.spec() instanceof InputSpec.QueueInput q) {
            return new QueueReader(q.queue(), q.oneAtATime());
        }
        throw new StreamingException("the local runner cannot read " + name);
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    private Map<InputNode, List<List<?>>> cutInputs() {
        Map<InputNode, List<List<?>>> blocks = new IdentityHashMap<>();
        for (Map.Entry<InputNode, InputReader> e : inputs.entrySet()) {
            blocks.put(e.getKey(), e.getValue().cut());
        }
        return blocks;
    }

    /** Stepped clock: runs every batch due at {@code now} on the calling thread. */
    private void advanceTo(long now) {
        synchronized (stepLock) {
            while (running && nextTime <= now) {
                long time = nextTime;
                nextTime += interval;
                try {
                    runJob(new BatchJob(time, cutInputs()));
                } catch (RuntimeException | Error e) {
                    fail(e);
                    throw e;
                }
            }
        }
    }

    private void generateLoop() {
        while (generating) {
            long wait = nextTime - clock.currentTimeMillis();
            if (wait > 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.min(wait, 50)));
                continue;
            }
            long time = nextTime;
            jobs.add(new BatchJob(time, cutInputs()));
            nextTime = time + interval;
        }
    }

    private void jobLoop() {
        try {
            while (running) {
                BatchJob job = jobs.poll(50, TimeUnit.MILLISECONDS);
                if (job != null) {
                    runJob(job);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            if (running) {
                fail(e);
            }
            // Otherwise a stop tore the pool down under the batch; the failure is its echo.
        }
    }

    private void runJob(BatchJob job) {
        long start = clock.currentTimeMillis();
        try {
            evaluator.runBatch(job.time, job.blocks);
        } finally {
            for (Map.Entry<InputNode, List<List<?>>> e : job.blocks.entrySet()) {
                inputs.get(e.getKey()).release(recordsIn(e.getValue()));
            }
        }
        long end = clock.currentTimeMillis();
        lastCompleted = job.time;
        if (LOG.isDebugEnabled()) {
            long records = 0;
            for (List<List<?>> blocks : job.blocks.values()) {
                records += recordsIn(blocks);
            }
            LOG.debug(
                    "Batch {} ms: {} records, scheduling delay {} ms, processing {} ms",
                    job.time,
                    records,
                    start - job.time,
                    end - start);
        }
        if (end - job.time > 2 * interval && end - lastBehindWarning > 10_000) {
            lastBehindWarning = end;
            LOG.warn(
                    "'{}' is falling behind: batch {} ms finished {} ms after its time with {}"
                            + " more queued; processing takes longer than the batch interval {}",
                    graph.appName(),
                    job.time,
                    end - job.time,
                    jobs.size(),
                    graph.batchDuration().pretty());
        }
    }

    private static long recordsIn(List<List<?>> blocks) {
        long records = 0;
        for (List<?> b : blocks) {
            records += b.size();
        }
        return records;
    }

    private void fail(Throwable e) {
        if (failure == null) {
            failure = e;
        }
        LOG.error("'{}' stopped: {}", graph.appName(), e.getMessage());
        shutdown();
    }

    @Override
    public void stop(boolean gracefully) {
        if (!running) {
            return;
        }
        for (InputReader reader : inputs.values()) {
            reader.stop();
        }
        if (gracefully && timer != null) {
            // Data stored before the receivers stopped belongs to the next cut; wait for that
            // batch and every queued one to finish, within Spark's default bound of 10 batches.
            long stopTime = clock.currentTimeMillis();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10 * interval);
            while (running && lastCompleted < stopTime && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
            if (lastCompleted < stopTime) {
                LOG.warn(
                        "Graceful stop of '{}' timed out after {} ms; stopping with batches pending",
                        graph.appName(),
                        10 * interval);
            }
        }
        shutdown();
    }

    private void shutdown() {
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            generating = false;
        }
        for (InputReader reader : inputs.values()) {
            reader.stop();
        }
        Thread self = Thread.currentThread();
        for (Thread t : new Thread[] {timer, jobRunner}) {
            if (t != null && t != self) {
                try {
                    t.join(TimeUnit.MILLISECONDS.toMillis(Math.max(1000, 2 * interval)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        pool.shutdown();
        settings.onTermination().accept(failure);
        terminated.countDown();
        LOG.info("Stopped '{}'", graph.appName());
    }

    /** Reads the evaluator's memo from the caller's thread; see PlanEvaluator's design note. */
    @Override
    public List<Batch<Object>> slice(PlanNode node, Time fromTime, Time toTime) {
        if (!running) {
            throw new IllegalStateException(
                    "Cannot slice '"
                            + node.info().describe()
                            + "': context '"
                            + graph.appName()
                            + "' has stopped and its batches are gone");
        }
        List<Batch<Object>> batches = new ArrayList<>();
        for (LocalBatch<?> b :
                evaluator.slice(node, fromTime.milliseconds(), toTime.milliseconds())) {
            @SuppressWarnings("unchecked")
            Batch<Object> batch = (Batch<Object>) b;
            batches.add(batch);
        }
        return List.copyOf(batches);
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
            if (f instanceof RuntimeException re) {
                throw re;
            }
            if (f instanceof Error err) {
                throw err;
            }
            throw new StreamingException(f.getMessage(), f);
        }
        return done;
    }
}
