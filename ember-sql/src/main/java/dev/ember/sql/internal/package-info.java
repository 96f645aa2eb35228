/**
 * Internal: the DuckDB implementation behind {@code dev.ember.sql} and its {@code spi}. Nothing
 * here is public API; classes change or disappear without notice, and user code must not import
 * them.
 */
package dev.ember.sql.internal;
