package dev.ember.streaming.scheduler;

import java.util.Objects;

/**
 * What one input contributed to a batch, as Spark Streaming's {@code StreamInputInfo}.
 *
 * @param inputStreamId the input's id: its position among the context's inputs, from 0
 * @param name the input's stable name, such as {@code socketTextStream[localhost:9999]}
 * @param numRecords the records it contributed
 * @param fromOffset the input's offset before the batch, as the input spells offsets (a count of
 *     records for receivers, a cursor for a replayable source), or {@code null} at the start
 * @param toOffset the offset after the batch: the batch holds the records in {@code (fromOffset,
 *     toOffset]}
 */
public record StreamInputInfo(
        int inputStreamId, String name, long numRecords, String fromOffset, String toOffset) {

    /** Checks the name. */
    public StreamInputInfo {
        Objects.requireNonNull(name, "name");
    }
}
