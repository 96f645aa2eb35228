/**
 * Public API: what a running program reports about itself, as Spark Streaming's {@code
 * org.apache.spark.streaming.scheduler}: a {@link dev.ember.streaming.scheduler.StreamingListener}
 * added with {@code StreamingContext.addStreamingListener} receives events with immutable infos of
 * batches, output operations and receivers.
 */
package dev.ember.streaming.scheduler;
