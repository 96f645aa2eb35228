package dev.ember.engine.internal.batch;

/**
 * One stage of a fused push pipeline: each element of a partition is pushed through a chain of
 * sinks in a single loop, with no intermediate collections. {@link #finish()} marks the end of the
 * partition, for stages that buffer (mapPartitions) or emit at the end (counting, combining).
 */
public abstract class Sink {
    public abstract void accept(Object element);

    public void finish() {}
}
