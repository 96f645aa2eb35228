package dev.ember.ui.internal;

import dev.ember.streaming.scheduler.BatchInfo;
import dev.ember.streaming.scheduler.CheckpointInfo;
import dev.ember.streaming.scheduler.ReceiverInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the dashboard knows about the running program, built only from the streaming listener's
 * events, the top-N windows and reported checkpoints: the recent batches and windows (each kept
 * within half the history budget in bytes), running totals per input, the receivers, the latest
 * state sizes and the last checkpoint.
 *
 * <p>Thread-safe: the listener thread and the window thread write, request threads read consistent
 * snapshots; every method holds the model's lock only for a few field updates or copies.
 */
final class StreamingModel {
    /** How many recent batches give an input's rate. */
    static final int RATE_BATCHES = 10;

    /** One input's running totals, its receiver (if it has one) and its recent rate. */
    record InputSummary(
            int id,
            String name,
            long totalRecords,
            String lastOffset,
            double recordsPerSecond,
            ReceiverInfo receiver) {}

    /** The program as the streaming page's header and panels show it. */
    record Summary(
            String appName,
            long batchDurationMillis,
            long startTime,
            long completedBatches,
            long totalRecords,
            int pendingBatches,
            List<InputSummary> inputs,
            Map<String, Long> stateSizes,
            CheckpointInfo checkpoint,
            long checkpoints) {}

    private static final class InputTotals {
        String name;
        long records;
        String lastOffset;
    }

    private final String appName;
    private final long batchDurationMillis;
    private final BoundedHistory<BatchRow> batches;
    private final BoundedHistory<WindowRow> windows;

    private long startTime = -1;
    private long completedBatches;
    private long totalRecords;
    private final TreeSet<Long> pending = new TreeSet<>();
    private final TreeMap<Integer, InputTotals> inputs = new TreeMap<>();
    private final Map<Integer, ReceiverInfo> receivers = new HashMap<>();
    private Map<String, Long> stateSizes = Map.of();
    private CheckpointInfo checkpoint;
    private long checkpoints;

    StreamingModel(String appName, long batchDurationMillis, long historyBytes) {
        this.appName = appName;
        this.batchDurationMillis = batchDurationMillis;
        this.batches = new BoundedHistory<>(historyBytes / 2);
        this.windows = new BoundedHistory<>(historyBytes / 2);
    }

    long batchDurationMillis() {
        return batchDurationMillis;
    }

    synchronized void streamingStarted(long time) {
        startTime = time;
    }

    synchronized void batchSubmitted(long batchTime) {
        pending.add(batchTime);
    }

    /** Records a completed batch and returns its row. */
    BatchRow batchCompleted(BatchInfo info) {
        BatchRow row = BatchRow.of(info);
        synchronized (this) {
            pending.remove(row.batchTime());
            completedBatches++;
            totalRecords += row.records();
            for (BatchRow.InputRow in : row.inputs()) {
                InputTotals totals = inputs.computeIfAbsent(in.id(), id -> new InputTotals());
                totals.name = in.name();
                totals.records += in.records();
                if (in.toOffset() != null) {
                    totals.lastOffset = in.toOffset();
                }
            }
            if (!row.stateSizes().isEmpty()) {
                stateSizes = row.stateSizes();
            }
        }
        batches.add(row, row.estimatedBytes());
        return row;
    }

    synchronized void receiver(ReceiverInfo info) {
        receivers.put(info.streamId(), info);
        inputs.computeIfAbsent(info.streamId(), id -> new InputTotals()).name = info.name();
    }

    void window(WindowRow row) {
        windows.add(row, row.estimatedBytes());
    }

    synchronized void checkpoint(CheckpointInfo report) {
        checkpoint = report;
        checkpoints++;
    }

    /** The batches kept, oldest first. */
    List<BatchRow> batches() {
        return batches.all();
    }

    /** The windows kept, oldest first. */
    List<WindowRow> windows() {
        return windows.all();
    }

    /** The newest window, or {@code null} before the first. */
    WindowRow latestWindow() {
        return windows.latest();
    }

    synchronized Summary summary() {
        List<BatchRow> recent = batches.newest(RATE_BATCHES);
        Map<Integer, Long> recentRecords = new HashMap<>();
        for (BatchRow row : recent) {
            for (BatchRow.InputRow in : row.inputs()) {
                recentRecords.merge(in.id(), in.records(), Long::sum);
            }
        }
        double seconds = recent.size() * batchDurationMillis / 1000.0;
        List<InputSummary> list = new ArrayList<>();
        for (Map.Entry<Integer, InputTotals> e : inputs.entrySet()) {
            InputTotals t = e.getValue();
            double rate = seconds == 0 ? 0 : recentRecords.getOrDefault(e.getKey(), 0L) / seconds;
            list.add(
                    new InputSummary(
                            e.getKey(),
                            t.name,
                            t.records,
                            t.lastOffset,
                            rate,
                            receivers.get(e.getKey())));
        }
        return new Summary(
                appName,
                batchDurationMillis,
                startTime,
                completedBatches,
                totalRecords,
                pending.size(),
                List.copyOf(list),
                Collections.unmodifiableMap(new LinkedHashMap<>(stateSizes)),
                checkpoint,
                checkpoints);
    }
}
