package dev.ember.engine.internal.exec;

import dev.ember.engine.internal.batch.Engine;
import dev.ember.engine.internal.batch.FatalError;
import dev.ember.engine.internal.batch.LocalBatch;
import dev.ember.engine.internal.batch.WorkerPool;
import dev.ember.engine.internal.exec.InputRunner.InputCut;
import dev.ember.engine.internal.state.OperatorState;
import dev.ember.engine.internal.state.StateCapture;
import dev.ember.engine.internal.state.StateInput;
import dev.ember.engine.internal.state.StateOutput;
import dev.ember.spi.Execution;
import dev.ember.spi.LocalMaster;
import dev.ember.spi.RunSettings;
import dev.ember.spi.Source;
import dev.ember.spi.StateSerializer;
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
import java.io.ByteArrayInputStream;
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
        Snapshot restored = restoredSnapshot();
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
        if (restored != null) {
            zeroTime = restored.zeroTime();
            long after = restored.lastCompleted();
            for (Snapshot.PendingBatch pending : restored.pending()) {
                after = Math.max(after, pending.time());
            }
            first = Math.max(first, after + interval);
        }
        nextTime = first;
        lastCompleted = first - interval;
        evaluator = new PlanEvaluator(graph, new Engine(pool, threads), zeroTime, settings.out());
        List<BatchJob> replayed = restored == null ? List.of() : restore(restored);
        running = true;
        generating = true;
        bus.start();
        bus.post(new StreamingListenerStreamingStarted(now));
        for (InputRunner input : inputs) {
            Snapshot.InputOffset saved = restored == null ? null : savedOffset(restored, input);
            input.start(resumeAfter(input, saved, restored), saved == null ? null : saved.offset());
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
                restored == null
                        ? ""
                        : ", resuming after the batch at "
                                + restored.lastCompleted()
                                + " ms"
                                + (replayed.isEmpty()
                                        ? ""
                                        : " with " + replayed.size() + " batch(es) to recompute"));
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
        return submitted(new BatchJob(time, cuts, clock.currentTimeMillis()));
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

    /** The snapshot to start from, checked against this program, or null. */
    private Snapshot restoredSnapshot() {
        byte[] bytes = settings.restoreFrom();
        if (bytes == null) {
            return null;
        }
        Snapshot snapshot;
        try {
            snapshot = Snapshot.read(new ByteArrayInputStream(bytes), "the snapshot to restore");
        } catch (IOException e) {
            throw new CheckpointException("The snapshot to restore is unreadable: " + e, e);
        }
        if (snapshot.batchDuration() != interval) {
            throw new CheckpointException(
                    "The snapshot to restore was written with a batch interval of "
                            + new Duration(snapshot.batchDuration()).pretty()
                            + ", but context '"
                            + graph.appName()
                            + "' has "
                            + graph.batchDuration().pretty()
                            + ": batch times and windows would not line up; use the same interval,"
                            + " or start without the saved state");
        }
        if (!snapshot.serializer().equals(settings.stateSerializer().name())) {
            throw new CheckpointException(
                    "The snapshot to restore was written with state serializer '"
                            + snapshot.serializer()
                            + "', but context '"
                            + graph.appName()
                            + "' uses '"
                            + settings.stateSerializer().name()
                            + "'; set the same one with setStateSerializer");
        }
        return snapshot;
    }

    /**
     * Restores every piece of state found under its stream's name, and returns the batches that
     * were pending when the snapshot was taken, to be recomputed first.
     */
    private List<BatchJob> restore(Snapshot snapshot) {
        Map<StateKey, OperatorState> states = new LinkedHashMap<>(evaluator.states());
        for (InputRunner input : inputs) {
            OperatorState buffer = input.buffer();
            if (buffer != null) {
                states.put(new StateKey(input.name(), StateKey.Role.INPUT_BUFFER), buffer);
            }
        }
        Map<String, PlanNode> byName = new HashMap<>();
        for (PlanNode node : graph.nodes()) {
            byName.put(graph.name(node), node);
        }
        for (Map.Entry<StateKey, OperatorState> e : states.entrySet()) {
            String name = e.getKey().stream();
            OperatorState state = e.getValue();
            String describe = byName.get(name).info().describe();
            Snapshot.Section section = snapshot.sections().get(e.getKey());
            if (section == null) {
                LOG.info(
                        "No saved {} for '{}' ({}): it starts empty", state.kind(), name, describe);
                continue;
            }
            requireCompatible(section, state, name, describe);
            try (StateInput in =
                    new StateInput(
                            new ByteArrayInputStream(section.data()), settings.stateSerializer())) {
                state.restore(in, section.version());
            } catch (IOException e2) {
                throw new CheckpointException(
                        "The saved "
                                + state.kind()
                                + " of '"
                                + name
                                + "' ("
                                + describe
                                + ") is unreadable: "
                                + e2,
                        e2);
            }
        }
        for (Snapshot.Section section : snapshot.sections().values()) {
            if (!states.containsKey(section.key())) {
                LOG.info(
                        "The saved {} of '{}' belongs to no stream of '{}' any more; it is dropped",
                        section.kind(),
                        section.key().stream(),
                        graph.appName());
            }
        }
        List<BatchJob> replayed = new ArrayList<>();
        for (Snapshot.PendingBatch pending : snapshot.pending()) {
            Map<String, Snapshot.PendingCut> cuts = new HashMap<>();
            for (Snapshot.PendingCut cut : pending.cuts()) {
                cuts.put(cut.input(), cut);
            }
            List<InputCut> parts = new ArrayList<>(inputs.size());
            for (InputRunner input : inputs) {
                Snapshot.PendingCut cut = cuts.get(input.name());
                parts.add(cut == null ? input.nothing() : input.replayedCut(cut.from(), cut.to()));
            }
            replayed.add(new BatchJob(pending.time(), parts, clock.currentTimeMillis()));
        }
        return replayed;
    }

    private void requireCompatible(
            Snapshot.Section section, OperatorState state, String name, String describe) {
        if (!section.kind().equals(state.kind())) {
            throw new CheckpointException(
                    "The saved state of '"
                            + name
                            + "' is "
                            + section.kind()
                            + " state, but that stream is now "
                            + describe
                            + ", which keeps "
                            + state.kind()
                            + " state: give the new stream another name with name(...), or start"
                            + " without the saved state");
        }
        if (section.version() > state.formatVersion()) {
            throw new CheckpointException(
                    "The saved "
                            + state.kind()
                            + " of '"
                            + name
                            + "' has format version "
                            + section.version()
                            + ", newer than this Ember's "
                            + state.formatVersion()
                            + "; run it with the Ember that wrote it");
        }
        Map<String, String> now = state.shape();
        for (Map.Entry<String, String> saved : section.shape().entrySet()) {
            String current = now.get(saved.getKey());
            if (current != null && !current.equals(saved.getValue())) {
                throw new CheckpointException(
                        "The "
                                + saved.getKey()
                                + " of '"
                                + name
                                + "' ("
                                + describe
                                + ") changed from "
                                + saved.getValue()
                                + " to "
                                + current
                                + ", so its saved "
                                + state.kind()
                                + " does not fit: keep the "
                                + saved.getKey()
                                + ", name the changed stream differently with name(...), or start"
                                + " without the saved state");
            }
        }
    }

    private static Snapshot.InputOffset savedOffset(Snapshot snapshot, InputRunner input) {
        for (Snapshot.InputOffset offset : snapshot.inputs()) {
            if (offset.name().equals(input.name())) {
                return offset;
            }
        }
        return null;
    }

    /**
     * Where an input goes on after a restart: after the last range it was cut into (pending ones
     * included, which are recomputed) when it can read ranges again, after its last processed
     * offset when it can only resume, and from its own start otherwise.
     */
    private static String resumeAfter(
            InputRunner input, Snapshot.InputOffset saved, Snapshot snapshot) {
        if (saved == null || input.replay() == Source.Replay.NONE) {
            return null;
        }
        String after = saved.offset();
        if (input.replay() == Source.Replay.RANGES) {
            for (Snapshot.PendingBatch pending : snapshot.pending()) {
                for (Snapshot.PendingCut cut : pending.cuts()) {
                    if (cut.input().equals(input.name()) && cut.to() != null) {
                        after = cut.to();
                    }
                }
            }
        }
        return after;
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

    /** What a snapshot holds, captured between batches; written by {@link #writeTo}. */
    private record Captured(
            String appName,
            long batchDuration,
            long zeroTime,
            long lastCompleted,
            List<Snapshot.InputOffset> inputs,
            List<Snapshot.PendingBatch> pending,
            Map<StateKey, OperatorState> states,
            Map<StateKey, StateCapture> captures) {

        void writeTo(OutputStream out, StateSerializer serializer) throws IOException {
            Map<StateKey, Snapshot.Section> sections = new LinkedHashMap<>();
            for (Map.Entry<StateKey, StateCapture> e : captures.entrySet()) {
                OperatorState state = states.get(e.getKey());
                Snapshot.SectionBytes bytes = new Snapshot.SectionBytes();
                try (StateOutput section = new StateOutput(bytes, serializer)) {
                    e.getValue().writeTo(section);
                }
                sections.put(
                        e.getKey(),
                        new Snapshot.Section(
                                e.getKey(),
                                state.kind(),
                                state.formatVersion(),
                                state.shape(),
                                bytes.bytes()));
            }
            new Snapshot(
                            appName,
                            batchDuration,
                            zeroTime,
                            lastCompleted,
                            serializer.name(),
                            inputs,
                            pending,
                            sections)
                    .writeTo(out);
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
                    List<Snapshot.PendingCut> cuts = new ArrayList<>();
                    for (InputCut cut : job.cuts) {
                        cuts.add(new Snapshot.PendingCut(cut.input().name(), cut.from(), cut.to()));
                    }
                    pending.add(new Snapshot.PendingBatch(job.time, cuts));
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
