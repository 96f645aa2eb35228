package dev.ember.streaming.scheduler;

import java.util.Objects;

/**
 * A batch has completed: every output operation has run, or one failed.
 *
 * @param batchInfo the batch, with its processing end time and output operations
 */
public record StreamingListenerBatchCompleted(BatchInfo batchInfo)
        implements StreamingListenerEvent {

    /** Checks that the info is there. */
    public StreamingListenerBatchCompleted {
        Objects.requireNonNull(batchInfo, "batchInfo");
    }

    @Override
    public void dispatchTo(StreamingListener listener) {
        listener.onBatchCompleted(this);
    }
}
