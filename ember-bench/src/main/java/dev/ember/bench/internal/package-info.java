/**
 * The comparison harness, the child-JVM jobs for each engine, the data generator and the
 * hand-written kernel. Internal: no compatibility promises.
 */
package dev.ember.bench.internal;
