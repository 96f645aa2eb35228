/**
 * JMH micro-benchmarks of the hot paths: tokenising, Ember's fused narrow pipeline, its shuffle
 * with map-side combine, window update and keyed-state update; for posts, hashtag extraction,
 * keyword filtering, the demo stream and the relay; for SQL, view swaps and queries. Checkpoint
 * writing gets one when the engine writes checkpoints. See {@code ember-bench/README.md} for how to
 * run them and the figures measured.
 */
package dev.ember.bench.jmh;
