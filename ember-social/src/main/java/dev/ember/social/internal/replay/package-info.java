/**
 * Internal, no compatibility promises: the replay source, which plays a JSON Lines file of posts
 * (Ember's own shape, or captures of Jetstream, X and Mastodon) at its recorded pace.
 */
package dev.ember.social.internal.replay;
