/**
 * Internal: what the local runner keeps from batch to batch: keyed state ({@code updateStateByKey},
 * {@code mapWithState} with timeouts) and the accumulators of inverse-reduced windows. No
 * compatibility promises.
 */
package dev.ember.engine.internal.state;
