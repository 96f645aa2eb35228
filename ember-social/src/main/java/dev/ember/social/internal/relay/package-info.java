/**
 * Internal: the relay's server (accepting clients, running the source, broadcasting lines) and its
 * per-client buffers. No compatibility promises; do not import.
 */
package dev.ember.social.internal.relay;
