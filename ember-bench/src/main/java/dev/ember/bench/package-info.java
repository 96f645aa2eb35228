/**
 * The benchmark's public face: {@link dev.ember.bench.Compare}, the end-to-end comparison of Ember
 * and Apache Spark. The JMH micro-benchmarks are in {@code dev.ember.bench.jmh}; everything else is
 * in {@code dev.ember.bench.internal}, with no promises.
 */
package dev.ember.bench;
