/**
 * SPI for SQL engine authors: the seam between {@code dev.ember.sql} and the database that holds
 * the views. {@link dev.ember.sql.SqlContext} finds a {@link dev.ember.sql.spi.SqlEngineProvider}
 * with {@link java.util.ServiceLoader} by the streaming context's master (DuckDB for the local
 * masters; Spark SQL for a Spark runner) and talks to the {@link dev.ember.sql.spi.SqlEngine} it
 * creates. Programs never need these types; docs/sql.md describes the contract.
 */
package dev.ember.sql.spi;
