package dev.ember.streaming.scheduler;

import java.util.Objects;

/**
 * A batch has been cut from the inputs and queued.
 *
 * @param batchInfo the batch, not started yet
 */
public record StreamingListenerBatchSubmitted(BatchInfo batchInfo)
        implements StreamingListenerEvent {

    /** Checks that the info is there. */
    public StreamingListenerBatchSubmitted {
        Objects.requireNonNull(batchInfo, "batchInfo");
    }

    @Override
    public void dispatchTo(StreamingListener listener) {
        listener.onBatchSubmitted(this);
    }
}
