/**
 * Public API: the live dashboard of a running program. {@link dev.ember.ui.EmberUi#start} serves,
 * from the program itself, a top-N chart that follows a stream of counts window by window, a
 * streaming page (rates, delays, batches, inputs, state sizes) fed by the context's streaming
 * listener, a read-only SQL console over the program's views, a JSON API and Prometheus metrics.
 */
package dev.ember.ui;
