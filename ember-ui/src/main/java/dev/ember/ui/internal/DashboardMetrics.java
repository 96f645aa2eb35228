package dev.ember.ui.internal;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * The program's figures in Prometheus form, for {@code GET /metrics}: batches, records per input,
 * the three delays as histograms, state sizes per stateful stream, receivers, windows, the event
 * stream's clients, and the JVM's own metrics. Each dashboard has a registry of its own.
 *
 * <p>Thread-safe (the Prometheus client's metrics are).
 */
final class DashboardMetrics {
    private static final double[] DELAY_BUCKETS = {
        0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60
    };

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    private final Counter batches =
            Counter.builder()
                    .name("ember_batches_completed")
                    .help("Batches completed, failed ones included")
                    .register(registry);
    private final Counter failedBatches =
            Counter.builder()
                    .name("ember_batches_failed")
                    .help("Batches with a failed output operation")
                    .register(registry);
    private final Counter records =
            Counter.builder()
                    .name("ember_input_records")
                    .help("Records received, per input stream")
                    .labelNames("input")
                    .register(registry);
    private final Histogram schedulingDelay = delay("ember_batch_scheduling_delay", "waited");
    private final Histogram processingDelay = delay("ember_batch_processing_delay", "ran");
    private final Histogram totalDelay = delay("ember_batch_total_delay", "took in all");
    private final Gauge lastBatch =
            Gauge.builder()
                    .name("ember_last_batch_time")
                    .help("Batch time of the last completed batch")
                    .unit(Unit.SECONDS)
                    .register(registry);
    private final Gauge lastRecords =
            Gauge.builder()
                    .name("ember_last_batch_records")
                    .help("Records of the last completed batch")
                    .register(registry);
    private final Gauge stateKeys =
            Gauge.builder()
                    .name("ember_state_keys")
                    .help("Keys held by a stateful stream after the last batch")
                    .labelNames("stream")
                    .register(registry);
    private final Gauge receiverActive =
            Gauge.builder()
                    .name("ember_receiver_active")
                    .help("1 while the input's receiver runs, 0 once it has stopped")
                    .labelNames("input")
                    .register(registry);
    private final Counter windows =
            Counter.builder()
                    .name("ember_ui_windows")
                    .help("Windows of the top-N stream shown by the dashboard")
                    .register(registry);
    private final Counter droppedWindows =
            Counter.builder()
                    .name("ember_ui_windows_dropped")
                    .help("Windows the dashboard skipped because it fell behind")
                    .register(registry);
    private final Gauge eventClients =
            Gauge.builder()
                    .name("ember_ui_event_clients")
                    .help("Browsers connected to the event stream")
                    .register(registry);
    private final Counter droppedClients =
            Counter.builder()
                    .name("ember_ui_event_clients_dropped")
                    .help("Event-stream clients disconnected because they read too slowly")
                    .register(registry);

    DashboardMetrics(long batchDurationMillis) {
        Gauge.builder()
                .name("ember_batch_interval")
                .help("The batch interval")
                .unit(Unit.SECONDS)
                .register(registry)
                .set(batchDurationMillis / 1000.0);
        JvmMetrics.builder().register(registry);
    }

    private Histogram delay(String name, String what) {
        return Histogram.builder()
                .name(name)
                .help("How long a batch " + what)
                .unit(Unit.SECONDS)
                .classicOnly()
                .classicUpperBounds(DELAY_BUCKETS)
                .register(registry);
    }

    void batchCompleted(BatchRow row) {
        batches.inc();
        if (row.failedOutputOperations() > 0) {
            failedBatches.inc();
        }
        for (BatchRow.InputRow in : row.inputs()) {
            records.labelValues(in.name()).inc(in.records());
        }
        if (row.schedulingDelay() >= 0) {
            schedulingDelay.observe(row.schedulingDelay() / 1000.0);
        }
        if (row.processingDelay() >= 0) {
            processingDelay.observe(row.processingDelay() / 1000.0);
        }
        if (row.totalDelay() >= 0) {
            totalDelay.observe(row.totalDelay() / 1000.0);
        }
        lastBatch.set(row.batchTime() / 1000.0);
        lastRecords.set(row.records());
        for (Map.Entry<String, Long> e : row.stateSizes().entrySet()) {
            stateKeys.labelValues(e.getKey()).set(e.getValue());
        }
    }

    void receiver(String input, boolean active) {
        receiverActive.labelValues(input).set(active ? 1 : 0);
    }

    void windowShown() {
        windows.inc();
    }

    void windowDropped() {
        droppedWindows.inc();
    }

    void eventClients(int n) {
        eventClients.set(n);
    }

    void eventClientDropped() {
        droppedClients.inc();
    }

    String contentType() {
        return writer.getContentType();
    }

    void write(OutputStream out) throws IOException {
        writer.write(out, registry.scrape());
    }
}
