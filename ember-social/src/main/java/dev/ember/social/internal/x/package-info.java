/**
 * Internal, no compatibility promises: the X API v2 filtered stream source, its post parser, the
 * synchronisation of stream rules with the tracked keywords, and X's reconnect backoff.
 */
package dev.ember.social.internal.x;
