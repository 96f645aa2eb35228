/**
 * Internal: the local runner. No compatibility promises; programs use {@code dev.ember.streaming}
 * and reach this code only through {@code StreamingContext.start()}.
 */
package dev.ember.engine.internal;
