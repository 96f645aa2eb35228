package dev.ember.streaming.scheduler;

/**
 * Receives the events of a running context, as Spark Streaming's {@code StreamingListener}: the
 * start, each batch as it is submitted, starts and completes, each output operation, and each
 * receiver's start, errors and stop. Every method does nothing unless overridden.
 *
 * <p>Threading: events are delivered in the order they happened, one at a time, on a thread of
 * their own, never on the threads that run batches: a slow listener delays later events, not
 * batches. Events are queued up to a bound; when a listener falls so far behind that the queue is
 * full, further events are dropped (and counted in a warning) rather than holding up the stream.
 * When the context stops, the events queued until then are delivered before {@code stop} returns
 * (for at most a few seconds). A listener that throws is logged and keeps receiving events.
 */
public interface StreamingListener {

    /** The context has started; the first batch is yet to come. */
    default void onStreamingStarted(StreamingListenerStreamingStarted streamingStarted) {}

    /** A receiver has started. */
    default void onReceiverStarted(StreamingListenerReceiverStarted receiverStarted) {}

    /** A receiver has reported an error (and may go on, or restart). */
    default void onReceiverError(StreamingListenerReceiverError receiverError) {}

    /** A receiver has stopped. */
    default void onReceiverStopped(StreamingListenerReceiverStopped receiverStopped) {}

    /** A batch has been cut from the inputs and queued for processing. */
    default void onBatchSubmitted(StreamingListenerBatchSubmitted batchSubmitted) {}

    /** A batch has started processing. */
    default void onBatchStarted(StreamingListenerBatchStarted batchStarted) {}

    /** A batch has completed, every output operation included (or failed). */
    default void onBatchCompleted(StreamingListenerBatchCompleted batchCompleted) {}

    /** An output operation of a batch has started. */
    default void onOutputOperationStarted(
            StreamingListenerOutputOperationStarted outputOperationStarted) {}

    /** An output operation of a batch has completed, or failed. */
    default void onOutputOperationCompleted(
            StreamingListenerOutputOperationCompleted outputOperationCompleted) {}

    /**
     * A checkpoint has been written and is durable, with its size and what it cost (an Ember
     * addition; Spark reports no such event).
     */
    default void onCheckpointCompleted(StreamingListenerCheckpointCompleted checkpointCompleted) {}
}
