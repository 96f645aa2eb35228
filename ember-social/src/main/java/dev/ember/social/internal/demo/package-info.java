/**
 * Internal: the synthetic demo post stream, which makes the tutorial work with no network. {@link
 * dev.ember.social.internal.demo.DemoSource} paces the posts of a {@link
 * dev.ember.social.internal.demo.DemoPostGenerator} (a pure function of a seed, a post number and a
 * virtual time) in several languages, with Zipf-distributed hashtags whose popularity drifts over
 * minutes. No compatibility promises; the public entry point is {@code PostSources.demo()}.
 */
package dev.ember.social.internal.demo;
