package dev.ember.streaming.scheduler;

import dev.ember.streaming.Time;
import java.util.Map;
import java.util.Objects;

/**
 * One batch, as Spark Streaming's {@code BatchInfo} (in the Java form of {@code JavaBatchInfo}: a
 * time not reached yet is {@code -1}). Immutable: each event carries the batch as it was then.
 *
 * <p>Times are the context clock's milliseconds. The scheduling delay is how long the batch waited
 * between its submission (the cut of its inputs, at its batch time) and the start of its
 * processing; the processing delay how long it ran; the total delay their sum. A system keeps up
 * when the processing delay stays below the batch interval and the scheduling delay does not grow.
 *
 * @param batchTime the batch's time
 * @param streamIdToInputInfo what each input contributed, by input stream id (the inputs in order
 *     of definition, from 0)
 * @param submissionTime when the batch was cut and queued
 * @param processingStartTime when its processing started, or -1
 * @param processingEndTime when its processing ended, or -1
 * @param outputOperationInfos its output operations so far, by output id (in order of declaration,
 *     from 0)
 * @param stateSizes for each stateful stream by stable name, the number of keys it held after this
 *     batch (an Ember addition; empty until the batch completes)
 */
public record BatchInfo(
        Time batchTime,
        Map<Integer, StreamInputInfo> streamIdToInputInfo,
        long submissionTime,
        long processingStartTime,
        long processingEndTime,
        Map<Integer, OutputOperationInfo> outputOperationInfos,
        Map<String, Long> stateSizes) {

    /** Copies the maps so the info cannot change afterwards. */
    public BatchInfo {
        Objects.requireNonNull(batchTime, "batchTime");
        streamIdToInputInfo = Map.copyOf(streamIdToInputInfo);
        outputOperationInfos = Map.copyOf(outputOperationInfos);
        stateSizes = Map.copyOf(stateSizes);
    }

    /** Processing start minus submission, or -1 before the processing started. */
    public long schedulingDelay() {
        return processingStartTime < 0 ? -1 : processingStartTime - submissionTime;
    }

    /** Processing end minus processing start, or -1 before the processing ended. */
    public long processingDelay() {
        return processingEndTime < 0 ? -1 : processingEndTime - processingStartTime;
    }

    /** Processing end minus submission, or -1 before the processing ended. */
    public long totalDelay() {
        return processingEndTime < 0 ? -1 : processingEndTime - submissionTime;
    }

    /** The records of every input in this batch. */
    public long numRecords() {
        long n = 0;
        for (StreamInputInfo info : streamIdToInputInfo.values()) {
            n += info.numRecords();
        }
        return n;
    }
}
