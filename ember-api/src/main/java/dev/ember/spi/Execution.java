package dev.ember.spi;

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
}
