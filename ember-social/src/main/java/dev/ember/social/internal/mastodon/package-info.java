/**
 * Internal, no compatibility promises: the Mastodon streaming source (server-sent events of the
 * public or hashtag timelines), its event reader and its status parser.
 */
package dev.ember.social.internal.mastodon;
