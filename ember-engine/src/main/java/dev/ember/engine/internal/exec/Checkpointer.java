package dev.ember.engine.internal.exec;

import dev.ember.spi.StateSerializer;
import dev.ember.spi.plan.PlanNode;
import dev.ember.spi.plan.StreamGraph;
import dev.ember.streaming.CheckpointException;
import dev.ember.streaming.Duration;
import dev.ember.streaming.StreamingConf;
import dev.ember.streaming.Time;
import dev.ember.streaming.scheduler.CheckpointInfo;
import dev.ember.streaming.scheduler.StreamingListenerCheckpointCompleted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a running graph's checkpoints and its batch log, and reads them back at start.
 *
 * <p>When: at every batch time that is a multiple of the checkpoint interval from the zero time,
 * right after that batch; the interval is the shortest one the graph's streams ask for ({@code
 * checkpoint(interval)}, or Spark's default for stateful streams), or, with no stateful stream, the
 * smallest multiple of the batch interval that is at least 10 s, as Spark's default. The execution
 * captures the state on the job thread (copies of arrays); this class serializes and writes it on a
 * thread of its own, so batches go on while a checkpoint is written. If the previous write has not
 * ended when the next is due, the next one is skipped and counted: batches never wait for the disk.
 * With a stepped clock (the test kit) writes happen on the caller's thread, so tests know exactly
 * which checkpoint exists.
 *
 * <p>After a write is durable, the batch log segments no kept checkpoint needs are removed, the
 * inputs are told their ranges up to the checkpoint are committed, and listeners get an event.
 */
final class Checkpointer {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

    /** Told, after a checkpoint is durable, each input's offset in it. */
    interface Committer {
        void committed(List<Snapshot.InputOffset> offsets);
    }

    private final CheckpointStore store;
    private final BatchLog log;
    private final long interval;
    private final StateSerializer serializer;
    private final ListenerBus bus;
    private final Committer committer;
    private final boolean synchronous;
    private final Object writeLock = new Object();
    private Thread writer;
    private long skipped;
    private volatile long lastWritten = Long.MIN_VALUE;

    Checkpointer(
            StreamGraph graph,
            Path directory,
            Map<String, String> conf,
            StateSerializer serializer,
            ListenerBus bus,
            Committer committer,
            boolean synchronous) {
        String kept = conf.get(StreamingConf.CHECKPOINTS_KEPT);
        this.store = new CheckpointStore(directory, kept == null ? 3 : Integer.parseInt(kept));
        try {
            this.log = new BatchLog(directory);
        } catch (IOException e) {
            throw new CheckpointException(
                    "Cannot use the checkpoint directory " + directory + ": " + e, e);
        }
        this.interval = interval(graph);
        this.serializer = serializer;
        this.bus = bus;
        this.committer = committer;
        this.synchronous = synchronous;
    }

    /** The checkpoint interval of {@code graph}; see the class description. */
    static long interval(StreamGraph graph) {
        long shortest = Long.MAX_VALUE;
        for (PlanNode node : graph.nodes()) {
            Optional<Duration> wanted = graph.checkpointInterval(node);
            if (wanted.isPresent()) {
                shortest = Math.min(shortest, wanted.get().milliseconds());
            }
        }
        if (shortest != Long.MAX_VALUE) {
            return shortest;
        }
        long batch = graph.batchDuration().milliseconds();
        return (10_000 + batch - 1) / batch * batch;
    }

    long interval() {
        return interval;
    }

    /** True when a checkpoint follows the batch at {@code time}. */
    boolean due(long time, long zeroTime) {
        return (time - zeroTime) % interval == 0;
    }

    /** The newest checkpoint that verifies, or null; see {@link CheckpointStore#latest()}. */
    CheckpointStore.Loaded latest() {
        return store.latest();
    }

    /** Whether the directory holds any checkpoint file, good or bad. */
    boolean hasCheckpoints() {
        try {
            return !store.files().isEmpty();
        } catch (IOException e) {
            return Files.exists(store.directory());
        }
    }

    /** The batches logged after {@code time}. */
    List<BatchLog.Entry> loggedAfter(long time) {
        try {
            return log.after(time);
        } catch (IOException e) {
            throw new CheckpointException(
                    "Cannot read the batch log in " + store.directory() + ": " + e, e);
        }
    }

    /** Logs a batch's ranges before it runs; a failure stops the context. */
    void logged(long time, List<Snapshot.PendingCut> cuts) {
        try {
            log.append(time, cuts);
        } catch (IOException e) {
            throw new CheckpointException(
                    "Cannot log the batch at "
                            + time
                            + " ms in "
                            + store.directory()
                            + ": "
                            + e
                            + "; check the disk and the directory's permissions",
                    e);
        }
    }

    /** Removes the batch log of an earlier run that has no checkpoint to go with. */
    void discardLog() {
        try {
            log.clear();
        } catch (IOException e) {
            throw new CheckpointException(
                    "Cannot clear the batch log in " + store.directory() + ": " + e, e);
        }
    }

    /**
     * Writes {@code captured}, which took {@code captureMillis} on the job thread; asynchronously
     * unless this checkpointer is synchronous or {@code wait} is set.
     *
     * @return false when it was skipped because the previous write has not ended
     */
    boolean write(Captured captured, long captureMillis, boolean wait) {
        try {
            log.rotate();
        } catch (IOException e) {
            LOG.warn("Cannot close the batch log segment: {}", e.toString());
        }
        if (synchronous || wait) {
            synchronized (writeLock) {
                awaitWriter(Long.MAX_VALUE);
                writeNow(captured, captureMillis);
            }
            return true;
        }
        synchronized (writeLock) {
            if (writer != null && writer.isAlive()) {
                skipped++;
                if (skipped == 1 || skipped % 10 == 0) {
                    LOG.warn(
                            "A checkpoint is still being written, so the one after the batch at {}"
                                    + " ms is skipped ({} skipped so far); batches go on",
                            captured.lastCompleted(),
                            skipped);
                }
                return false;
            }
            writer =
                    new Thread(
                            () -> writeNow(captured, captureMillis),
                            "ember-checkpoint-writer-" + captured.appName());
            writer.setDaemon(true);
            writer.start();
            return true;
        }
    }

    private void writeNow(Captured captured, long captureMillis) {
        long start = System.nanoTime();
        try {
            byte[] snapshot = captured.toBytes(serializer);
            Path file = store.write(captured.lastCompleted(), snapshot);
            long oldest = oldestKept();
            log.pruneUpTo(oldest);
            lastWritten = captured.lastCompleted();
            committer.committed(captured.inputs());
            long writeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            long bytes = Files.size(file);
            LOG.debug(
                    "Checkpoint {}: {} bytes, capture {} ms, write {} ms",
                    file,
                    bytes,
                    captureMillis,
                    writeMillis);
            bus.post(
                    new StreamingListenerCheckpointCompleted(
                            new CheckpointInfo(
                                    new Time(captured.lastCompleted()),
                                    file.toString(),
                                    bytes,
                                    captureMillis,
                                    writeMillis)));
        } catch (IOException | RuntimeException e) {
            LOG.error(
                    "The checkpoint after the batch at {} ms could not be written to {}: {}; the"
                            + " previous checkpoint stays the one to recover from",
                    captured.lastCompleted(),
                    store.directory(),
                    e.toString());
        }
    }

    private long oldestKept() throws IOException {
        List<Path> files = store.files();
        if (files.isEmpty()) {
            return Long.MIN_VALUE;
        }
        String name = files.get(files.size() - 1).getFileName().toString();
        return Long.parseLong(name.substring("checkpoint-".length(), name.indexOf('.')));
    }

    /** Waits up to {@code millis} for a write in progress. */
    void awaitWriter(long millis) {
        Thread t;
        synchronized (writeLock) {
            t = writer;
        }
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        try {
            t.join(millis == Long.MAX_VALUE ? 0 : Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The batch time of the last checkpoint written by this run, or {@code Long.MIN_VALUE}. */
    long lastWritten() {
        return lastWritten;
    }

    Path directory() {
        return store.directory();
    }

    void close() {
        log.close();
    }
}
