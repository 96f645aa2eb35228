package dev.ember.spi;

import dev.ember.spi.plan.PlanNode;
import dev.ember.streaming.Batch;
import dev.ember.streaming.Time;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** A running graph, as returned by {@link Runner#start}. Thread-safe. */
public interface Execution {

    /**
     * Stops the graph. Gracefully: stops inputs, then runs the batches that hold the data already
     * received before returning. Otherwise: stops at once, dropping received data.
     */
    void stop(boolean gracefully);

    /**
     * Waits until the graph stops, or for {@code timeoutMillis} (negative: no limit).
     *
     * @return true when the graph has stopped
     * @throws dev.ember.streaming.StreamingException the failure that stopped the graph, if any
     */
    boolean awaitTermination(long timeoutMillis) throws InterruptedException;

    /**
     * The batches of {@code node} that the graph has generated and still remembers, with times in
     * {@code [fromTime, toTime]} after Spark's alignment: each bound is floored to the latest valid
     * batch time of the node (zero time plus a multiple of its slide) that is not after it. In time
     * order; times with no remembered batch are left out. Called from any thread while the graph
     * runs; the batches stay usable while it runs.
     *
     * @throws IllegalStateException when the graph has stopped
     * @throws UnsupportedOperationException when the runner cannot hand out past batches
     */
    /**
     * Writes everything the runner keeps across batches (each stateful stream's state, window
     * buffers, the inputs' offsets and buffered records, the batches cut but not yet run), as of
     * the end of the last completed batch, keyed by stable names: what {@link
     * RunSettings#restoreFrom()} restores. Waits for the batch running now, if any. Never writes
     * user code.
     *
     * @throws IllegalStateException when the graph has stopped
     * @throws UnsupportedOperationException when the runner keeps its state elsewhere
     */
    default void snapshot(OutputStream out) throws IOException {
        throw new UnsupportedOperationException(
                getClass().getSimpleName() + " cannot write snapshots of its state");
    }

    default List<Batch<Object>> slice(PlanNode node, Time fromTime, Time toTime) {
        throw new UnsupportedOperationException(
                getClass().getSimpleName() + " does not support slice(fromTime, toTime)");
    }
}
