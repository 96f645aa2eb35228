package dev.ember.streaming;

/** The lifecycle of a {@link StreamingContext}, as Spark's {@code StreamingContextState}. */
public enum StreamingContextState {
    /** Created; inputs, transformations and outputs may be added. */
    INITIALIZED,
    /** Started and running batches; the graph can no longer change. */
    ACTIVE,
    /** Stopped; a stopped context cannot be started again. */
    STOPPED
}
