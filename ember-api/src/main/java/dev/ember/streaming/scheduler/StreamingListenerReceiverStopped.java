package dev.ember.streaming.scheduler;

import java.util.Objects;

/**
 * A receiver has stopped.
 *
 * @param receiverInfo the receiver, no longer active
 */
public record StreamingListenerReceiverStopped(ReceiverInfo receiverInfo)
        implements StreamingListenerEvent {

    /** Checks that the info is there. */
    public StreamingListenerReceiverStopped {
        Objects.requireNonNull(receiverInfo, "receiverInfo");
    }

    @Override
    public void dispatchTo(StreamingListener listener) {
        listener.onReceiverStopped(this);
    }
}
