/**
 * JMH micro-benchmarks of the hot paths: tokenising, Ember's fused narrow pipeline, and its shuffle
 * with map-side combine. Window update, state update and checkpoint write get benchmarks here when
 * those operators land. See {@code ember-bench/README.md} for how to run them.
 */
package dev.ember.bench.jmh;
