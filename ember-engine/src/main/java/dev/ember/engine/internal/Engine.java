package dev.ember.engine.internal;

/**
 * What batches need from the running engine: the worker pool and the default number of shuffle
 * partitions ({@code local[N]} gives N, like Spark's default parallelism in local mode).
 */
record Engine(WorkerPool pool, int defaultParallelism) {}
