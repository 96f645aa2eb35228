package dev.ember.ui;

import dev.ember.streaming.Time;
import java.util.Objects;

/**
 * One checkpoint that the program has written, as the dashboard's streaming page shows it: the
 * batch it covers, when it was written and how large it is. Handed to {@link
 * EmberUi#checkpointWritten}; the page shows its checkpoint panel only once one has been reported.
 *
 * @param batchTime the batch whose state the checkpoint holds
 * @param writtenAtMillis when the write completed, in the context clock's milliseconds
 * @param sizeBytes the checkpoint's size on disk, in bytes; not negative
 */
public record CheckpointReport(Time batchTime, long writtenAtMillis, long sizeBytes) {

    /** Checks the fields. */
    public CheckpointReport {
        Objects.requireNonNull(batchTime, "batchTime");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException(
                    "checkpoint size must not be negative, got "
                            + sizeBytes
                            + " bytes; report the size of the written files");
        }
    }
}
