/**
 * Internal: the local runner's data plane. A batch ({@code LocalBatch}) is a set of partitions
 * ({@code Part}) plus narrow operations ({@code NarrowOp}) fused into one push loop per partition
 * ({@code Sink}); the worker pool runs one task per partition. No compatibility promises.
 */
package dev.ember.engine.internal.batch;
