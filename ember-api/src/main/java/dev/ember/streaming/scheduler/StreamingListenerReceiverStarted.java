package dev.ember.streaming.scheduler;

import java.util.Objects;

/**
 * A receiver has started.
 *
 * @param receiverInfo the receiver, just started
 */
public record StreamingListenerReceiverStarted(ReceiverInfo receiverInfo)
        implements StreamingListenerEvent {

    /** Checks that the info is there. */
    public StreamingListenerReceiverStarted {
        Objects.requireNonNull(receiverInfo, "receiverInfo");
    }

    @Override
    public void dispatchTo(StreamingListener listener) {
        listener.onReceiverStarted(this);
    }
}
