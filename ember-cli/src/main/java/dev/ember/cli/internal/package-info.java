/**
 * Internal: the {@code ember} command's subcommands, option parsing and jobs. No compatibility
 * promises; do not import from outside ember-cli.
 */
package dev.ember.cli.internal;
