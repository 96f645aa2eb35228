/**
 * SQL over stream results, as Spark SQL's temp views: {@link dev.ember.sql.SqlContext} turns
 * batches into tables ({@link dev.ember.sql.DataFrame}), registers them as views that each batch
 * replaces atomically, answers {@code sql(query)}, keeps history tables of past windows and serves
 * read-only queries to code outside the program, such as a dashboard.
 *
 * <p>This package is public API. It names no engine type: the local implementation runs on an
 * embedded DuckDB database, and everything about it lives in {@code dev.ember.sql.internal}, which
 * users must not import. Engines plug in through {@code dev.ember.sql.spi}.
 */
package dev.ember.sql;
