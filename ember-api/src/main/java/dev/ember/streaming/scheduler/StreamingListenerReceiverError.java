package dev.ember.streaming.scheduler;

import java.util.Objects;

/**
 * A receiver has reported an error.
 *
 * @param receiverInfo the receiver, with the error as its last one
 */
public record StreamingListenerReceiverError(ReceiverInfo receiverInfo)
        implements StreamingListenerEvent {

    /** Checks that the info is there. */
    public StreamingListenerReceiverError {
        Objects.requireNonNull(receiverInfo, "receiverInfo");
    }

    @Override
    public void dispatchTo(StreamingListener listener) {
        listener.onReceiverError(this);
    }
}
