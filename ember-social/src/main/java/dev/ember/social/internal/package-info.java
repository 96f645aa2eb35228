/**
 * Internal, no compatibility promises: the post receiver behind {@link
 * dev.ember.social.SocialStreams}, and the parts the post sources share (closing, injected time,
 * backoff, duplicate suppression, skipped-message accounting, streamed HTTP lines, JSON and HTML
 * helpers, Ember's post line codec). Users create sources through {@link
 * dev.ember.social.PostSources} and never import this package.
 */
package dev.ember.social.internal;
