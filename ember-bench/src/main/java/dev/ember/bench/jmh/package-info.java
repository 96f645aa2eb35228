/**
 * JMH micro-benchmarks of the hot paths: tokenising, Ember's fused narrow pipeline, its shuffle
 * with map-side combine, window update and keyed-state update. Checkpoint writing gets one when the
 * engine writes checkpoints. See {@code ember-bench/README.md} for how to run them.
 */
package dev.ember.bench.jmh;
