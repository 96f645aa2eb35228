package dev.ember.streaming.scheduler;

import java.util.Objects;

/**
 * A checkpoint has been written and is durable (an Ember addition to Spark's events).
 *
 * @param checkpointInfo the checkpoint
 */
public record StreamingListenerCheckpointCompleted(CheckpointInfo checkpointInfo)
        implements StreamingListenerEvent {

    /** Checks that the info is there. */
    public StreamingListenerCheckpointCompleted {
        Objects.requireNonNull(checkpointInfo, "checkpointInfo");
    }

    @Override
    public void dispatchTo(StreamingListener listener) {
        listener.onCheckpointCompleted(this);
    }
}
