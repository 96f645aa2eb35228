package dev.ember.streaming.scheduler;

import dev.ember.streaming.Time;
import java.util.Objects;

/**
 * One checkpoint written by the local runner (an Ember addition to Spark's infos).
 *
 * @param batchTime the batch the checkpoint follows: its state includes that batch
 * @param file the checkpoint file's path
 * @param bytes its size in bytes
 * @param captureMillis how long the copy of the state took on the thread that runs batches, the
 *     only part that holds batches up
 * @param writeMillis how long serializing and writing it took, on a thread of its own
 */
public record CheckpointInfo(
        Time batchTime, String file, long bytes, long captureMillis, long writeMillis) {

    /** Checks the required fields. */
    public CheckpointInfo {
        Objects.requireNonNull(batchTime, "batchTime");
        Objects.requireNonNull(file, "file");
    }
}
