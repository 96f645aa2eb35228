package dev.ember.spi;

import dev.ember.streaming.Clock;

/** What a runner offers the reader of a {@link Source}. */
public interface SourceContext {

    /** The input's stable name, for logs and metrics. */
    String name();

    /** The context's clock; sources that wait or time out use it, so tests can drive them. */
    Clock clock();

    /**
     * Reports a record that could not be read and was skipped: the runner counts it and logs the
     * first of each kind with {@code sample} (a position, a prefix of the bad bytes).
     */
    void skipped(String reason, String sample);
}
