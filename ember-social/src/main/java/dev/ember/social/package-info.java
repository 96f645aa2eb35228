/**
 * Public face of {@code ember-social}: the {@link dev.ember.social.Post} value, the {@link
 * dev.ember.social.PostSource} contract, hashtags and keyword tracking, and the entry points for
 * using posts in a stream and for relaying them to socket clients. Implementations live under
 * {@code dev.ember.social.internal}.
 */
package dev.ember.social;
