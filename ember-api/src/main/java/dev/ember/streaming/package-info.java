/**
 * Public API: the streaming context, streams, batches and the value types of Ember's programming
 * model, named as in Spark Streaming's Java API (drop the {@code Java} prefix of {@code
 * JavaStreamingContext}, {@code JavaDStream} and {@code JavaPairDStream}).
 */
package dev.ember.streaming;
