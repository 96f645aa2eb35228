package dev.ember.streaming.scheduler;

import java.util.Objects;

/**
 * A batch has started processing.
 *
 * @param batchInfo the batch, with its processing start time
 */
public record StreamingListenerBatchStarted(BatchInfo batchInfo) implements StreamingListenerEvent {

    /** Checks that the info is there. */
    public StreamingListenerBatchStarted {
        Objects.requireNonNull(batchInfo, "batchInfo");
    }

    @Override
    public void dispatchTo(StreamingListener listener) {
        listener.onBatchStarted(this);
    }
}
