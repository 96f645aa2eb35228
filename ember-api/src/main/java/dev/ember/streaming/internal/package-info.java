/**
 * Internal: glue between the API and the SPI of {@code ember-api}. No compatibility promises;
 * programs and runners never use it.
 */
package dev.ember.streaming.internal;
