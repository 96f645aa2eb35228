package dev.ember.engine.internal.exec;

import dev.ember.engine.internal.batch.Engine;
import dev.ember.engine.internal.batch.LocalBatch;
import dev.ember.engine.internal.batch.WorkerPool;
import dev.ember.engine.internal.exec.InputRunner.InputCut;
import dev.ember.spi.Execution;
import dev.ember.spi.LocalMaster;
import dev.ember.spi.RunSettings;
import dev.ember.spi.SteppedClock;
import dev.ember.spi.plan.InputNode;
import dev.ember.spi.plan.OutputNode;
import dev.ember.spi.plan.PlanNode;
import dev.ember.spi.plan.StreamGraph;
import dev.ember.streaming.Batch;
import dev.ember.streaming.Clock;
import dev.ember.streaming.StreamingException;
import dev.ember.streaming.Time;
import dev.ember.streaming.scheduler.BatchInfo;
import dev.ember.streaming.scheduler.OutputOperationInfo;
import dev.ember.streaming.scheduler.StreamInputInfo;
import dev.ember.streaming.scheduler.StreamingListenerBatchCompleted;
import dev.ember.streaming.scheduler.StreamingListenerBatchStarted;
import dev.ember.streaming.scheduler.StreamingListenerBatchSubmitted;
import dev.ember.streaming.scheduler.StreamingListenerOutputOperationCompleted;
import dev.ember.streaming.scheduler.StreamingListenerOutputOperationStarted;
import dev.ember.streaming.scheduler.StreamingListenerReceiverError;
import dev.ember.streaming.scheduler.StreamingListenerReceiverStarted;
import dev.ember.streaming.scheduler.StreamingListenerReceiverStopped;
import dev.ember.streaming.scheduler.StreamingListenerStreamingStarted;
import java.util.ArrayList;
import java.util.HashMap;
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
 * time into an offset range and queues the batch; a job thread runs queued batches one at a time
 * (reading each input's range, then the outputs in declaration order), using the worker pool for
 * partition tasks. Cutting on the timer keeps batch contents exact (data received in {@code (t -
 * interval, t]}) even when jobs fall behind; the queue then grows and a warning says so. With a
 * {@link SteppedClock} neither thread exists: each advance of the clock cuts and runs the due
 * batches on the advancing thread. Events for the program's listeners go through a {@link
 * ListenerBus}, which has a thread of its own.
 *
 * <p>Failure: the first exception of a batch stops the graph; {@link #awaitTermination} rethrows
 * it.
 */
final class LocalExecution implements Execution {
    private static final Logger LOG = LoggerFactory.getLogger(LocalExecution.class);
    private static final long MAX_BUFFERED_RECORDS = 4_000_000;
    private static final long LISTENER_DRAIN_MILLIS = 5_000;

    /** A batch cut from the inputs and waiting to run. */
    private record BatchJob(long time, List<InputCut> cuts, long submissionTime) {}

    private final StreamGraph graph;
    private final RunSettings settings;
    private final long interval;
    private final Clock clock;
    private final List<InputRunner> inputs = new ArrayList<>();
    private final BlockingQueue<BatchJob> jobs = new LinkedBlockingQueue<>();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final Object stepLock = new Object();
    private final ListenerBus bus;

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

    LocalExecution(StreamGraph graph, RunSettings settings) {
        this.graph = graph;
        this.settings = settings;
        this.interval = graph.batchDuration().milliseconds();
        this.clock = settings.clock();
        this.bus = new ListenerBus(graph.appName(), settings.listeners());
    }

    void start() {
        int threads = LocalMaster.threads(settings.master());
        List<InputNode> inputNodes = graph.inputs();
        for (int id = 0; id < inputNodes.size(); id++) {
            InputNode node = inputNodes.get(id);
            inputs.add(
                    new InputRunner(
                            node,
                            id,
                            graph.name(node),
                            clock,
                            MAX_BUFFERED_RECORDS,
                            info -> bus.post(new StreamingListenerReceiverStarted(info)),
                            info -> bus.post(new StreamingListenerReceiverError(info)),
                            info -> bus.post(new StreamingListenerReceiverStopped(info))));
        }
        pool = new WorkerPool(graph.appName(), threads);
        long now = clock.currentTimeMillis();
        long first = (Math.floorDiv(now, interval) + 1) * interval;
        nextTime = first;
        lastCompleted = first - interval;
        evaluator =
                new PlanEvaluator(
                        graph, new Engine(pool, threads), first - interval, settings.out());
        running = true;
        generating = true;
        bus.start();
        bus.post(new StreamingListenerStreamingStarted(now));
        for (InputRunner input : inputs) {
            input.start(null);
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

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    /** Cuts every input for the batch at {@code time} and reports the batch as submitted. */
    private BatchJob cut(long time) {
        List<InputCut> cuts = new ArrayList<>(inputs.size());
        for (InputRunner input : inputs) {
            cuts.add(input.cut());
        }
        BatchJob job = new BatchJob(time, cuts, clock.currentTimeMillis());
        Map<Integer, StreamInputInfo> infos = new HashMap<>();
        for (int i = 0; i < cuts.size(); i++) {
            InputCut c = cuts.get(i);
            infos.put(i, c.input().info(c, Math.max(0, c.records())));
        }
        bus.post(
                new StreamingListenerBatchSubmitted(
                        new BatchInfo(
                                new Time(time),
                                infos,
                                job.submissionTime,
                                -1,
                                -1,
                                Map.of(),
                                Map.of())));
        return job;
    }

    /** Stepped clock: runs every batch due at {@code now} on the calling thread. */
    private void advanceTo(long now) {
        synchronized (stepLock) {
            while (running && nextTime <= now) {
                long time = nextTime;
                nextTime += interval;
                try {
                    runJob(cut(time));
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
            jobs.add(cut(time));
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
        Map<InputNode, List<? extends List<?>>> blocks = new IdentityHashMap<>();
        Map<Integer, StreamInputInfo> inputInfos = new HashMap<>();
        long records = 0;
        for (int i = 0; i < job.cuts.size(); i++) {
            InputCut cut = job.cuts.get(i);
            List<? extends List<?>> read = cut.input().read(cut);
            long n = 0;
            for (List<?> block : read) {
                n += block.size();
            }
            records += n;
            blocks.put(cut.input().node(), read);
            inputInfos.put(i, cut.input().info(cut, n));
        }
        Time batchTime = new Time(job.time);
        bus.post(
                new StreamingListenerBatchStarted(
                        new BatchInfo(
                                batchTime,
                                inputInfos,
                                job.submissionTime,
                                start,
                                -1,
                                Map.of(),
                                Map.of())));
        Map<Integer, OutputOperationInfo> outputs = new HashMap<>();
        try {
            evaluator.runBatch(
                    job.time,
                    blocks,
                    new PlanEvaluator.OutputObserver() {
                        private long outputStart;

                        @Override
                        public void started(int id, OutputNode output) {
                            outputStart = clock.currentTimeMillis();
                            bus.post(
                                    new StreamingListenerOutputOperationStarted(
                                            outputInfo(
                                                    batchTime, id, output, outputStart, -1, null)));
                        }

                        @Override
                        public void completed(int id, OutputNode output, Throwable error) {
                            OutputOperationInfo info =
                                    outputInfo(
                                            batchTime,
                                            id,
                                            output,
                                            outputStart,
                                            clock.currentTimeMillis(),
                                            error == null ? null : error.toString());
                            outputs.put(id, info);
                            bus.post(new StreamingListenerOutputOperationCompleted(info));
                        }
                    });
        } finally {
            for (InputCut cut : job.cuts) {
                cut.input().processed(cut);
            }
            long end = clock.currentTimeMillis();
            lastCompleted = job.time;
            bus.post(
                    new StreamingListenerBatchCompleted(
                            new BatchInfo(
                                    batchTime,
                                    inputInfos,
                                    job.submissionTime,
                                    start,
                                    end,
                                    outputs,
                                    evaluator.stateSizes())));
            warnIfBehind(job, records, start, end);
        }
    }

    private OutputOperationInfo outputInfo(
            Time batchTime, int id, OutputNode output, long start, long end, String failure) {
        return new OutputOperationInfo(
                batchTime, id, graph.name(output), output.info().describe(), start, end, failure);
    }

    private void warnIfBehind(BatchJob job, long records, long start, long end) {
        if (LOG.isDebugEnabled()) {
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
        for (InputRunner input : inputs) {
            input.stop();
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
        for (InputRunner input : inputs) {
            input.stop();
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
        bus.stop(LISTENER_DRAIN_MILLIS);
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
