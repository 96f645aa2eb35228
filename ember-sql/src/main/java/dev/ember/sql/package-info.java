/**
 * Public face of {@code ember-sql}: temp views, SQL queries and history tables over stream
 * results. Implementations live under {@code dev.ember.sql.internal}.
 */
package dev.ember.sql;
