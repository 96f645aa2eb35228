/**
 * Internal: the local runner's JDK-only input connectors, such as the socket text receiver behind
 * {@code socketTextStream}. No compatibility promises; programs reach this code only through {@code
 * StreamingContext}.
 */
package dev.ember.engine.internal.input;
