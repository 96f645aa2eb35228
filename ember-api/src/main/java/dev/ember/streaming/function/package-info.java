/**
 * Public API: the serializable function interfaces that user code implements, named as in Spark's
 * Java API ({@code org.apache.spark.api.java.function}) so that lambdas and classes port unchanged.
 */
package dev.ember.streaming.function;
