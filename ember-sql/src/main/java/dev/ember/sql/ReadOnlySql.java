package dev.ember.sql;

import dev.ember.sql.spi.ReadOnlyResult;
import dev.ember.streaming.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Queries for code that runs SQL other people typed, such as a dashboard's console: made by {@link
 * SqlContext#readOnly()}. It is a security boundary, and allows only what is known to be safe.
 *
 * <p>A query must be exactly one {@code SELECT}, {@code WITH}, {@code VALUES}, {@code FROM}-first,
 * {@code EXPLAIN}, {@code DESCRIBE}, {@code SHOW TABLES} or {@code SUMMARIZE} statement, as
 * DuckDB's own parser reads it, made only of allow-listed functions and table functions, and
 * reading only the context's views, tables and history tables; anything else is refused before it
 * reaches the database, with {@link SqlException.Reason#NOT_ALLOWED} (or {@link
 * SqlException.Reason#UNKNOWN_VIEW} for a name that is not one of the context's). Behind that gate
 * the database cannot touch files or extensions, its settings are locked, and its memory is capped
 * ({@link SqlException.Reason#MEMORY_LIMIT} when a query needs more). docs/sql.md lists exactly
 * what is allowed.
 *
 * <p>A query that runs longer than the timeout is cancelled and fails with {@link
 * SqlException.Reason#TIMEOUT}. A result is cut inside the database at the row and byte limits of
 * {@link ReadOnlyLimits}, so it cannot fill the Java heap: the frame holds the longest first part
 * of the rows that fits, and {@link DataFrame#isTruncated()} is true when rows were left out.
 *
 * <p>Thread-safe; queries run concurrently, each on a connection of its own.
 */
public final class ReadOnlySql {
    private final SqlContext context;
    private final ReadOnlyLimits limits;

    ReadOnlySql(SqlContext context, ReadOnlyLimits limits) {
        this.context = context;
        this.limits = limits;
    }

    /**
     * Runs {@code query} under the read-only rules.
     *
     * @throws SqlException when the query is refused, fails, is not valid SQL, names an unknown
     *     view (listing those that exist) or times out; {@link SqlException#reason()} says which
     */
    public DataFrame sql(String query) {
        Objects.requireNonNull(query, "query");
        ReadOnlyResult result = context.engine().queryReadOnly(query, limits);
        return new DataFrame(context, result.table(), result.truncated());
    }

    /** The views and tables a query can read, then the history tables ({@code history.t}). */
    public List<String> tableNames() {
        List<String> names = new ArrayList<>(context.tableNames());
        names.addAll(context.historyTableNames());
        return List.copyOf(names);
    }

    /** The limits every query runs within. */
    public ReadOnlyLimits limits() {
        return limits;
    }

    /** How long a query may run. */
    public Duration timeout() {
        return limits.timeout();
    }

    /** The most rows a query returns. */
    public int maxRows() {
        return limits.maxRows();
    }

    /** The most bytes a query's result holds, counted as {@link ReadOnlyLimits} says. */
    public long maxBytes() {
        return limits.maxBytes();
    }
}
