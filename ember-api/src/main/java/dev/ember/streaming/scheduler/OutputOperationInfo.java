package dev.ember.streaming.scheduler;

import dev.ember.streaming.Time;
import java.util.Objects;

/**
 * One output operation of one batch, as Spark Streaming's {@code OutputOperationInfo} (in the Java
 * form: a time not reached yet is {@code -1}, no failure is {@code null}).
 *
 * @param batchTime the batch's time
 * @param id the output's id: its position among the context's outputs, in order of declaration,
 *     from 0
 * @param name the output's stable name, such as {@code socketTextStream[localhost:9999]/print}
 * @param description the operator and where the program declared it, such as {@code print at
 *     NetworkWordCount.java:31}
 * @param startTime when it started, or -1
 * @param endTime when it ended, or -1
 * @param failureReason why it failed, or {@code null}
 */
public record OutputOperationInfo(
        Time batchTime,
        int id,
        String name,
        String description,
        long startTime,
        long endTime,
        String failureReason) {

    /** Checks the required fields. */
    public OutputOperationInfo {
        Objects.requireNonNull(batchTime, "batchTime");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }

    /** End minus start, or -1 before the end. */
    public long duration() {
        return endTime < 0 || startTime < 0 ? -1 : endTime - startTime;
    }
}
