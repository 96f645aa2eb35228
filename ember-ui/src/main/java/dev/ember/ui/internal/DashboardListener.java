package dev.ember.ui.internal;

import dev.ember.streaming.scheduler.ReceiverInfo;
import dev.ember.streaming.scheduler.StreamingListener;
import dev.ember.streaming.scheduler.StreamingListenerBatchCompleted;
import dev.ember.streaming.scheduler.StreamingListenerBatchSubmitted;
import dev.ember.streaming.scheduler.StreamingListenerCheckpointCompleted;
import dev.ember.streaming.scheduler.StreamingListenerReceiverError;
import dev.ember.streaming.scheduler.StreamingListenerReceiverStarted;
import dev.ember.streaming.scheduler.StreamingListenerReceiverStopped;
import dev.ember.streaming.scheduler.StreamingListenerStreamingStarted;

/**
 * The dashboard's only source of figures about batches and receivers: the context's streaming
 * listener. Each event updates the model and the metrics and is pushed to the open pages, all on
 * the listener's thread, never on a thread that runs batches.
 */
final class DashboardListener implements StreamingListener {
    private final StreamingModel model;
    private final DashboardMetrics metrics;
    private final EventHub hub;

    DashboardListener(StreamingModel model, DashboardMetrics metrics, EventHub hub) {
        this.model = model;
        this.metrics = metrics;
        this.hub = hub;
    }

    @Override
    public void onStreamingStarted(StreamingListenerStreamingStarted started) {
        model.streamingStarted(started.time());
        publishSummary();
    }

    @Override
    public void onBatchSubmitted(StreamingListenerBatchSubmitted submitted) {
        model.batchSubmitted(submitted.batchInfo().batchTime().milliseconds());
    }

    @Override
    public void onBatchCompleted(StreamingListenerBatchCompleted completed) {
        BatchRow row = model.batchCompleted(completed.batchInfo());
        metrics.batchCompleted(row);
        hub.publish("batch", ApiJson.write(ApiJson.batch(row)));
        publishSummary();
    }

    @Override
    public void onReceiverStarted(StreamingListenerReceiverStarted started) {
        receiver(started.receiverInfo());
    }

    @Override
    public void onReceiverError(StreamingListenerReceiverError error) {
        receiver(error.receiverInfo());
    }

    @Override
    public void onReceiverStopped(StreamingListenerReceiverStopped stopped) {
        receiver(stopped.receiverInfo());
    }

    @Override
    public void onCheckpointCompleted(StreamingListenerCheckpointCompleted completed) {
        model.checkpoint(completed.checkpointInfo());
        publishSummary();
    }

    private void receiver(ReceiverInfo info) {
        model.receiver(info);
        metrics.receiver(info.name(), info.active());
        publishSummary();
    }

    private void publishSummary() {
        if (hub.clients() > 0) {
            hub.publish("streaming", ApiJson.streaming(model.summary()));
        }
    }
}
