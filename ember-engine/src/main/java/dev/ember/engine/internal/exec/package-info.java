/**
 * Internal: the local runner itself: it translates a plan into per-node executors, cuts inputs at
 * each batch time, runs batches and their outputs in order, and reports what it does. No
 * compatibility promises; programs reach it only through {@code StreamingContext.start()}.
 */
package dev.ember.engine.internal.exec;
