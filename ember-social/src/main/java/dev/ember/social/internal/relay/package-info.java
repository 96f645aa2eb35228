/**
 * Internal: the relay's server (the network thread that accepts, writes to and watches every
 * client, and the source thread) and the line log all clients read from. No compatibility promises;
 * do not import.
 */
package dev.ember.social.internal.relay;
