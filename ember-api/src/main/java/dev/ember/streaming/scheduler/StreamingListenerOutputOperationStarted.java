package dev.ember.streaming.scheduler;

import java.util.Objects;

/**
 * An output operation of a batch has started.
 *
 * @param outputOperationInfo the output operation, with its start time
 */
public record StreamingListenerOutputOperationStarted(OutputOperationInfo outputOperationInfo)
        implements StreamingListenerEvent {

    /** Checks that the info is there. */
    public StreamingListenerOutputOperationStarted {
        Objects.requireNonNull(outputOperationInfo, "outputOperationInfo");
    }

    @Override
    public void dispatchTo(StreamingListener listener) {
        listener.onOutputOperationStarted(this);
    }
}
