package dev.ember.streaming.scheduler;

/**
 * One event of a running context, delivered to every {@link StreamingListener} by the method named
 * after it.
 */
public sealed interface StreamingListenerEvent
        permits StreamingListenerStreamingStarted,
                StreamingListenerReceiverStarted,
                StreamingListenerReceiverError,
                StreamingListenerReceiverStopped,
                StreamingListenerBatchSubmitted,
                StreamingListenerBatchStarted,
                StreamingListenerBatchCompleted,
                StreamingListenerOutputOperationStarted,
                StreamingListenerOutputOperationCompleted,
                StreamingListenerCheckpointCompleted {

    /** Calls the method of {@code listener} that receives this kind of event. */
    void dispatchTo(StreamingListener listener);
}
