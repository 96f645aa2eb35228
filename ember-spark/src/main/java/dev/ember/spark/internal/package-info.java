/**
 * Internal: the Spark runner. It translates a plan node by node into Spark Streaming's {@code
 * JavaStreamingContext} operations, ships the program's code and checks that it serialises, and
 * turns Spark's batches, failures and listener events into Ember's. No compatibility promises;
 * programs reach it only through {@code StreamingContext.start()} with a Spark master.
 */
package dev.ember.spark.internal;
