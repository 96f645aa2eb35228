package dev.ember.engine.internal.batch;

/**
 * What batches need from the running engine: the worker pool and the default number of shuffle
 * partitions ({@code local[N]} gives N, like Spark's default parallelism in local mode).
 */
public record Engine(WorkerPool pool, int defaultParallelism) {

    /** The partitions of a key-based operation: {@code requested}, or the default for 0. */
    public int partitions(int requested) {
        return requested == 0 ? defaultParallelism : requested;
    }
}
