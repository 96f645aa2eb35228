package dev.ember.streaming.scheduler;

import java.util.Objects;

/**
 * An output operation of a batch has completed or failed.
 *
 * @param outputOperationInfo the output operation, with its end time and failure reason, if any
 */
public record StreamingListenerOutputOperationCompleted(OutputOperationInfo outputOperationInfo)
        implements StreamingListenerEvent {

    /** Checks that the info is there. */
    public StreamingListenerOutputOperationCompleted {
        Objects.requireNonNull(outputOperationInfo, "outputOperationInfo");
    }

    @Override
    public void dispatchTo(StreamingListener listener) {
        listener.onOutputOperationCompleted(this);
    }
}
