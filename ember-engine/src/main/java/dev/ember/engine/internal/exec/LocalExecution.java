package dev.ember.engine.internal.exec;

import dev.ember.engine.internal.batch.Engine;
import dev.ember.engine.internal.batch.FatalError;
import dev.ember.engine.internal.batch.LocalBatch;
import dev.ember.engine.internal.batch.WorkerPool;
import dev.ember.engine.internal.exec.InputRunner.InputCut;
import dev.ember.engine.internal.state.OperatorState;
import dev.ember.engine.internal.state.StateCapture;
import dev.ember.spi.Execution;
import dev.ember.spi.LocalMaster;
import dev.ember.spi.RunSettings;
import dev.ember.spi.Source;
import dev.ember.spi.SteppedClock;
import dev.ember.spi.plan.InputNode;
import dev.ember.spi.plan.OutputNode;
import dev.ember.spi.plan.PlanNode;
import dev.ember.spi.plan.StreamGraph;
import dev.ember.streaming.Batch;
import dev.ember.streaming.CheckpointException;
import dev.ember.streaming.Clock;
import dev.ember.streaming.Duration;
import dev.ember.streaming.SourceException;
import dev.ember.streaming.StreamingConf;
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
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    /** Batches to run, and tasks that must run between batches on the job thread (snapshots). */
    private final BlockingQueue<Object> jobs = new LinkedBlockingQueue<>();

    /** Held while inputs are cut and the batch queued, so a snapshot sees both or neither. */
    private final Object cutLock = new Object();

    private final CountDownLatch terminated = new CountDownLatch(1);
    private final Object stepLock = new Object();
    private final ListenerBus bus;

    /** The checkpoint directory's layout, or null when the program has none. */
    private final CheckpointLayout layout;

    private Checkpointer checkpointer;
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
        this.layout =
                graph.checkpointDirectory() == null
                        ? null
                        : new CheckpointLayout(Path.of(graph.checkpointDirectory()));
        this.bus =
                new ListenerBus(
                        graph.appName(),
                        settings.listeners(),
                        (error, activity) -> fatal(error, "ember-listener-bus", activity));
    }

    void start() {
        int threads = LocalMaster.threads(settings.master());
        if (layout != null) {
            checkpointer =
                    new Checkpointer(
                            graph,
                            layout.root(),
                            settings.conf(),
                            settings.stateSerializer(),
                            bus,
                            this::committed,
                            clock instanceof SteppedClock);
        }
        Recovery recovery = recovery();
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
                            info -> bus.post(new StreamingListenerReceiverStopped(info)),
                            this::fatal,
                            layout,
                            settings.conf()));
        }
        pool = new WorkerPool(graph.appName(), threads);
        long now = clock.currentTimeMillis();
        long first = (Math.floorDiv(now, interval) + 1) * interval;
        long zeroTime = first - interval;
        List<Snapshot.PendingBatch> recompute = List.of();
        if (recovery != null) {
            zeroTime = recovery.snapshot().zeroTime();
            recompute = recovery.toRecompute(logged(recovery), replays());
            long after = recovery.snapshot().lastCompleted();
            for (Snapshot.PendingBatch batch : recompute) {
                after = Math.max(after, batch.time());
            }
            first = Math.max(first, after + interval);
        }
        nextTime = first;
        lastCompleted = first - interval;
        evaluator = new PlanEvaluator(graph, new Engine(pool, threads), zeroTime, settings.out());
        if (recovery != null) {
            recovery.restore(allStates());
        }
        List<BatchJob> replayed = new ArrayList<>();
        for (Snapshot.PendingBatch batch : recompute) {
            replayed.add(replayedJob(batch));
        }
        running = true;
        generating = true;
        bus.start();
        bus.post(new StreamingListenerStreamingStarted(now));
        for (InputRunner input : inputs) {
            Snapshot.InputOffset saved = recovery == null ? null : recovery.saved(input.name());
            input.start(
                    recovery == null
                            ? null
                            : recovery.resumeAfter(input.name(), input.replay(), recompute),
                    saved == null ? null : saved.offset());
        }
        if (checkpointer != null && recovery == null) {
            // The state every later recovery can start from, with each input's first offset.
            checkpointer.discardLog();
            checkpointer.write(capture(), 0, true);
        }
        if (clock instanceof SteppedClock stepped) {
            for (BatchJob job : replayed) {
                runJob(job);
            }
            stepped.onAdvance(this::advanceTo);
        } else {
            jobs.addAll(replayed);
            timer = daemon("ember-batch-timer-" + graph.appName(), this::generateLoop);
            jobRunner = daemon("ember-job-runner-" + graph.appName(), this::jobLoop);
            timer.start();
            jobRunner.start();
        }
        LOG.info(
                "Started '{}' on {}: {} input(s), {} output(s), batch interval {}, first batch at {} ms{}",
                graph.appName(),
                settings.master(),
                inputs.size(),
                graph.outputs().size(),
                graph.batchDuration().pretty(),
                first,
                recovery == null
                        ? ""
                        : ", resuming from "
                                + recovery.origin()
                                + " after the batch at "
                                + recovery.snapshot().lastCompleted()
                                + " ms"
                                + (replayed.isEmpty()
                                        ? ""
                                        : " with " + replayed.size() + " batch(es) to recompute"));
    }

    /**
     * What to start from: the snapshot the program was given, else the newest checkpoint that
     * verifies in the checkpoint directory, else nothing.
     */
    private Recovery recovery() {
        if (settings.restoreFrom() != null) {
            return Recovery.of(graph, settings, settings.restoreFrom(), "the snapshot to restore");
        }
        if (checkpointer == null) {
            return null;
        }
        CheckpointStore.Loaded latest = checkpointer.latest();
        if (latest == null) {
            return null;
        }
        return Recovery.of(graph, settings, latest.snapshot(), "checkpoint " + latest.file());
    }

    private List<BatchLog.Entry> logged(Recovery recovery) {
        return checkpointer == null
                ? List.of()
                : checkpointer.loggedAfter(recovery.snapshot().lastCompleted());
    }

    private Map<String, Source.Replay> replays() {
        Map<String, Source.Replay> replays = new HashMap<>();
        for (InputRunner input : inputs) {
            replays.put(input.name(), input.replay());
        }
        return replays;
    }

    /** Everything kept across batches: the evaluator's state and the inputs' buffers. */
    private Map<StateKey, OperatorState> allStates() {
        Map<StateKey, OperatorState> states = new LinkedHashMap<>(evaluator.states());
        for (InputRunner input : inputs) {
            OperatorState buffer = input.buffer();
            if (buffer != null) {
                states.put(new StateKey(input.name(), StateKey.Role.INPUT_BUFFER), buffer);
            }
        }
        return states;
    }

    private BatchJob replayedJob(Snapshot.PendingBatch batch) {
        Map<String, Snapshot.PendingCut> cuts = new HashMap<>();
        for (Snapshot.PendingCut cut : batch.cuts()) {
            cuts.put(cut.input(), cut);
        }
        List<InputCut> parts = new ArrayList<>(inputs.size());
        for (InputRunner input : inputs) {
            Snapshot.PendingCut cut = cuts.get(input.name());
            parts.add(cut == null ? input.nothing() : input.replayedCut(cut.from(), cut.to()));
        }
        return new BatchJob(batch.time(), parts, clock.currentTimeMillis());
    }

    /** A checkpoint is durable: each input may let go of what it holds up to its offset there. */
    private void committed(List<Snapshot.InputOffset> offsets) {
        Map<String, String> byName = new HashMap<>();
        for (Snapshot.InputOffset offset : offsets) {
            byName.put(offset.name(), offset.offset());
        }
        for (InputRunner input : inputs) {
            String offset = byName.get(input.name());
            if (offset != null) {
                input.committed(offset);
            }
        }
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
        if (checkpointer != null) {
            checkpointer.logged(time, pendingCuts(cuts));
        }
        return submitted(new BatchJob(time, cuts, clock.currentTimeMillis()));
    }

    private static List<Snapshot.PendingCut> pendingCuts(List<InputCut> cuts) {
        List<Snapshot.PendingCut> out = new ArrayList<>(cuts.size());
        for (InputCut cut : cuts) {
            out.add(new Snapshot.PendingCut(cut.input().name(), cut.from(), cut.to()));
        }
        return out;
    }

    private BatchJob submitted(BatchJob job) {
        long time = job.time;
        List<InputCut> cuts = job.cuts;
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

    @Override
    public void checkpoint() {
        if (checkpointer == null) {
            throw new IllegalStateException(
                    "context '"
                            + graph.appName()
                            + "' has no checkpoint directory: call ssc.checkpoint(directory)"
                            + " before start()");
        }
        if (!running) {
            throw new IllegalStateException(
                    "Cannot checkpoint context '" + graph.appName() + "': it has stopped");
        }
        if (checkpointNow() == null) {
            throw new CheckpointException(
                    "The checkpoint of '"
                            + graph.appName()
                            + "' could not be written to "
                            + checkpointer.directory()
                            + "; see the log for why");
        }
    }

    @Override
    public void snapshot(OutputStream out) throws IOException {
        if (!running) {
            throw new IllegalStateException(
                    "Cannot snapshot context '" + graph.appName() + "': it has stopped");
        }
        Captured captured;
        if (timer == null) {
            synchronized (stepLock) {
                captured = capture();
            }
        } else {
            FutureTask<Captured> task = new FutureTask<>(this::capture);
            jobs.add(task);
            captured = await(task);
        }
        captured.writeTo(out, settings.stateSerializer());
    }

    private Captured await(FutureTask<Captured> task) throws IOException {
        try {
            while (true) {
                try {
                    return task.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (!running) {
                        throw new IllegalStateException(
                                "Context '"
                                        + graph.appName()
                                        + "' stopped before its snapshot was taken");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the snapshot");
        } catch (ExecutionException e) {
            throw new IOException("the snapshot failed: " + e.getCause(), e.getCause());
        }
    }

    /** Captures the state on the job thread, between batches (or under the step lock). */
    private Captured capture() {
        List<Snapshot.PendingBatch> pending = new ArrayList<>();
        List<Snapshot.InputOffset> offsets = new ArrayList<>();
        Map<StateKey, OperatorState> states = new LinkedHashMap<>();
        Map<StateKey, StateCapture> captures = new LinkedHashMap<>();
        synchronized (cutLock) {
            for (Object work : jobs) {
                if (work instanceof BatchJob job) {
                    pending.add(new Snapshot.PendingBatch(job.time, pendingCuts(job.cuts)));
                }
            }
            for (InputRunner input : inputs) {
                offsets.add(
                        new Snapshot.InputOffset(
                                input.name(), input.replay().name(), input.completedOffset()));
                OperatorState buffer = input.buffer();
                if (buffer != null) {
                    StateKey key = new StateKey(input.name(), StateKey.Role.INPUT_BUFFER);
                    states.put(key, buffer);
                    captures.put(key, buffer.capture());
                }
            }
        }
        for (Map.Entry<StateKey, OperatorState> e : evaluator.states().entrySet()) {
            states.put(e.getKey(), e.getValue());
            captures.put(e.getKey(), e.getValue().capture());
        }
        return new Captured(
                graph.appName(),
                interval,
                evaluator.zeroTime(),
                lastCompleted,
                offsets,
                pending,
                states,
                captures);
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
                    RuntimeException stop =
                            FatalError.isFatal(e)
                                    ? FatalError.stop(
                                            e, Thread.currentThread().getName(), "running batches")
                                    : null;
                    fail(stop != null ? stop : e);
                    if (stop != null) {
                        throw stop;
                    }
                    throw e;
                }
            }
        }
    }

    private void generateLoop() {
        try {
            while (generating) {
                long wait = nextTime - clock.currentTimeMillis();
                if (wait > 0) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.min(wait, 50)));
                    continue;
                }
                long time = nextTime;
                synchronized (cutLock) {
                    jobs.add(cut(time));
                }
                nextTime = time + interval;
            }
        } catch (RuntimeException | Error e) {
            if (!generating) {
                return;
            }
            String activity = "cutting the inputs for the batch at " + nextTime + " ms";
            if (FatalError.isFatal(e)) {
                fatal(e, Thread.currentThread().getName(), activity);
            } else if (e instanceof SourceException source) {
                fail(source);
            } else {
                fail(new SourceException("An input failed while " + activity + ": " + e, e));
            }
        }
    }

    private void jobLoop() {
        try {
            while (running) {
                Object work = jobs.poll(50, TimeUnit.MILLISECONDS);
                if (work instanceof BatchJob job) {
                    runJob(job);
                } else if (work instanceof Runnable task) {
                    task.run();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            if (running) {
                fail(
                        FatalError.isFatal(e)
                                ? FatalError.stop(
                                        e, Thread.currentThread().getName(), "running batches")
                                : e);
            }
            // Otherwise a stop tore the pool down under the batch; the failure is its echo.
        }
    }

    /**
     * A JVM error met by any thread of this execution (see {@link FatalError}): the context stops,
     * from a thread of its own so the thread that met the error unwinds at once.
     */
    private void fatal(Throwable error, String thread, String activity) {
        StreamingException stop =
                error instanceof StreamingException s
                        ? s
                        : FatalError.stop(error, thread, activity);
        if (failure == null) {
            failure = stop;
        }
        Thread stopper = new Thread(() -> fail(stop), "ember-fatal-stop-" + graph.appName());
        stopper.setDaemon(true);
        stopper.start();
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
        checkpointIfDue(job.time);
    }

    /** After the batch at {@code time}: a checkpoint when one is due; see {@link Checkpointer}. */
    private void checkpointIfDue(long time) {
        if (checkpointer == null || !checkpointer.due(time, evaluator.zeroTime())) {
            return;
        }
        long start = System.nanoTime();
        Captured captured = capture();
        checkpointer.write(
                captured, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), false);
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
        if (gracefully) {
            drain();
        }
        shutdown();
    }

    /**
     * A graceful stop with the inputs stopped: waits until the batches holding what they received
     * have run (the next cut takes what the receivers still hold), within the graceful stop's bound
     * in wall time; then writes a final checkpoint, which holds whatever was left, and says in one
     * line what was done.
     */
    private void drain() {
        long started = System.nanoTime();
        long bound = gracefulStopTimeout();
        boolean done = true;
        if (timer != null) {
            long target = (Math.floorDiv(clock.currentTimeMillis(), interval) + 1) * interval;
            long deadline = started + TimeUnit.MILLISECONDS.toNanos(bound);
            while (running
                    && (lastCompleted < target || queuedBatches() > 0)
                    && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
            done = !running || lastCompleted >= target && queuedBatches() == 0;
        }
        generating = false;
        if (timer != null) {
            try {
                timer.join(Math.max(1000, 2 * interval));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long left = done ? 0 : recordsLeft();
        String checkpoint = running && checkpointer != null ? checkpointNow() : null;
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (done) {
            LOG.info(
                    "Stopped '{}' gracefully in {} ms: every record received was processed{}",
                    graph.appName(),
                    millis,
                    checkpoint == null ? "" : "; final checkpoint " + checkpoint);
        } else {
            LOG.warn(
                    "The graceful stop of '{}' reached its bound of {} ms with {} received"
                            + " record(s) not yet processed{}",
                    graph.appName(),
                    bound,
                    left,
                    checkpoint != null
                            ? ": they are in the final checkpoint "
                                    + checkpoint
                                    + " and are processed after a restart"
                            : checkpointer != null
                                    ? ", and no final checkpoint could be written, so they are lost"
                                    : ": with no checkpoint directory they are lost; set one with"
                                            + " ssc.checkpoint(dir) to keep them");
        }
    }

    /** The graceful stop's bound: the setting, or ten batch intervals and at least 60 s. */
    private long gracefulStopTimeout() {
        String set = settings.conf().get(StreamingConf.GRACEFUL_STOP_TIMEOUT);
        return set != null ? Duration.parse(set).milliseconds() : Math.max(60_000, 10 * interval);
    }

    private int queuedBatches() {
        int n = 0;
        for (Object work : jobs) {
            if (work instanceof BatchJob) {
                n++;
            }
        }
        return n;
    }

    /** The records the queued batches and the inputs' buffers hold, where they are known. */
    private long recordsLeft() {
        long n = 0;
        for (Object work : jobs) {
            if (work instanceof BatchJob job) {
                for (InputCut cut : job.cuts) {
                    n += Math.max(0, cut.records());
                }
            }
        }
        for (InputRunner input : inputs) {
            OperatorState buffer = input.buffer();
            if (buffer != null) {
                n += buffer.size();
            }
        }
        return n;
    }

    /**
     * Captures between batches on the job thread (or here, with a stepped clock) and writes the
     * checkpoint now; returns its file, or null when it could not be taken in time.
     */
    private String checkpointNow() {
        Captured captured;
        long start = System.nanoTime();
        try {
            if (jobRunner == null) {
                synchronized (stepLock) {
                    captured = capture();
                }
            } else {
                FutureTask<Captured> task = new FutureTask<>(this::capture);
                jobs.add(task);
                captured = task.get(Math.max(10_000, 2 * interval), TimeUnit.MILLISECONDS);
            }
        } catch (TimeoutException | ExecutionException e) {
            LOG.warn("The final checkpoint of '{}' could not be taken: {}", graph.appName(), e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        checkpointer.write(
                captured, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), true);
        return checkpointer.lastWritten() == captured.lastCompleted()
                ? checkpointer.directory()
                        + " after the batch at "
                        + captured.lastCompleted()
                        + " ms"
                : null;
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
        // After the batch in progress, if any, has read its ranges.
        for (InputRunner input : inputs) {
            input.close();
        }
        pool.shutdown();
        if (checkpointer != null) {
            checkpointer.close();
        }
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
