/**
 * Internal: the local runner's inputs: the runner's side of receivers and queues, and the JDK-only
 * connectors such as the socket text receiver behind {@code socketTextStream}. No compatibility
 * promises; programs reach this code only through {@code StreamingContext}.
 */
package dev.ember.engine.internal.input;
