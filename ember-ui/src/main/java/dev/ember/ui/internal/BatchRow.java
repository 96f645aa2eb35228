package dev.ember.ui.internal;

import dev.ember.streaming.scheduler.BatchInfo;
import dev.ember.streaming.scheduler.OutputOperationInfo;
import dev.ember.streaming.scheduler.StreamInputInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One completed batch as the pages show it: times, delays, records per input, outputs and state
 * sizes. Immutable.
 *
 * @param failure the first failed output's reason, or {@code null}
 */
record BatchRow(
        long batchTime,
        long submissionTime,
        long processingStartTime,
        long processingEndTime,
        long schedulingDelay,
        long processingDelay,
        long totalDelay,
        long records,
        List<InputRow> inputs,
        int outputOperations,
        int failedOutputOperations,
        String failure,
        Map<String, Long> stateSizes) {

    /** What one input contributed to the batch. */
    record InputRow(int id, String name, long records, String fromOffset, String toOffset) {}

    static BatchRow of(BatchInfo info) {
        List<InputRow> inputs = new ArrayList<>();
        for (StreamInputInfo in : info.streamIdToInputInfo().values()) {
            inputs.add(
                    new InputRow(
                            in.inputStreamId(),
                            in.name(),
                            in.numRecords(),
                            in.fromOffset(),
                            in.toOffset()));
        }
        inputs.sort(Comparator.comparingInt(InputRow::id));
        int failed = 0;
        String failure = null;
        List<OutputOperationInfo> outputs = new ArrayList<>(info.outputOperationInfos().values());
        outputs.sort(Comparator.comparingInt(OutputOperationInfo::id));
        for (OutputOperationInfo out : outputs) {
            if (out.failureReason() != null) {
                failed++;
                if (failure == null) {
                    failure = out.description() + ": " + out.failureReason();
                }
            }
        }
        return new BatchRow(
                info.batchTime().milliseconds(),
                info.submissionTime(),
                info.processingStartTime(),
                info.processingEndTime(),
                info.schedulingDelay(),
                info.processingDelay(),
                info.totalDelay(),
                info.numRecords(),
                List.copyOf(inputs),
                outputs.size(),
                failed,
                failure,
                sorted(info.stateSizes()));
    }

    private static Map<String, Long> sorted(Map<String, Long> sizes) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(sizes)));
    }

    /** A rough count of the heap bytes this row holds, for {@link BoundedHistory}. */
    long estimatedBytes() {
        long n = 160;
        for (InputRow in : inputs) {
            n += 72 + chars(in.name()) + chars(in.fromOffset()) + chars(in.toOffset());
        }
        for (String stream : stateSizes.keySet()) {
            n += 64 + chars(stream);
        }
        return n + chars(failure);
    }

    static long chars(String s) {
        return s == null ? 0 : 40 + 2L * s.length();
    }
}
