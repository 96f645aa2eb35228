/**
 * Public example code: the tutorial's programs written against Ember's API the way a Spark
 * Streaming user writes them. Each is compiled and tested with the build, so it can be copied as a
 * starting point.
 */
package dev.ember.examples;
