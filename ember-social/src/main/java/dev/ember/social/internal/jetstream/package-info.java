/**
 * Internal, no compatibility promises: the Bluesky Jetstream source (a WebSocket client of the
 * legacy {@code /subscribe} endpoint) and its event parser.
 */
package dev.ember.social.internal.jetstream;
