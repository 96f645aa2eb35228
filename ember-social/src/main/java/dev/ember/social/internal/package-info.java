/**
 * Internal: the implementation of {@code ember-social} (the post receiver, the relay, shared parts
 * of the post sources). No compatibility promises; do not import.
 */
package dev.ember.social.internal;
