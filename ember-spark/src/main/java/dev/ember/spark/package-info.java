/**
 * Public API of the Spark runner: what a JVM and a SparkContext need for Ember programs on Apache
 * Spark. Programs select the runner by their master ({@code spark-local[N]}, {@code
 * spark://host:port}, {@code yarn}, {@code k8s://...}); they never name its classes.
 */
package dev.ember.spark;
