package dev.ember.streaming.scheduler;

/**
 * The context has started.
 *
 * @param time the clock's time of the start, in milliseconds
 */
public record StreamingListenerStreamingStarted(long time) implements StreamingListenerEvent {

    @Override
    public void dispatchTo(StreamingListener listener) {
        listener.onStreamingStarted(this);
    }
}
