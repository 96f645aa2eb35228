/**
 * Internal: key-based exchange on the local runner: the hash shuffle with map-side combine, the
 * insertion-ordered combine map it folds into, and cogroup. No compatibility promises.
 */
package dev.ember.engine.internal.shuffle;
