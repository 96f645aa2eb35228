/**
 * Internal: the dashboard's HTTP server, access checks, event stream, bounded histories, metrics
 * and JSON. No compatibility promises; users import {@code dev.ember.ui} only.
 */
package dev.ember.ui.internal;
