/**
 * Public face of the {@code ember} command: its main class, {@link dev.ember.cli.Ember}. The
 * command's implementation lives in {@code dev.ember.cli.internal}, found through {@link
 * java.util.ServiceLoader}, and makes no promises.
 */
package dev.ember.cli;
