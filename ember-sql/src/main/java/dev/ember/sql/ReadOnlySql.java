package dev.ember.sql;

import dev.ember.sql.spi.ReadOnlyResult;
import dev.ember.streaming.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Queries for code that runs SQL other people typed, such as a dashboard's console: made by {@link
 * SqlContext#readOnly()}.
 *
 * <p>A query must be exactly one {@code SELECT}, {@code WITH}, {@code VALUES}, {@code FROM}-first,
 * {@code EXPLAIN}, {@code DESCRIBE}, {@code SHOW} or {@code SUMMARIZE} statement, as DuckDB's own
 * parser reads it; anything else ({@code COPY}, {@code ATTACH}, {@code INSTALL}, {@code LOAD},
 * {@code CREATE}, {@code DROP}, {@code SET}, {@code PRAGMA}, several statements) is refused before
 * it reaches the database, with {@link SqlException.Reason#NOT_ALLOWED}. Behind that gate the
 * database itself cannot touch files or extensions and its settings are locked, so even a {@code
 * SELECT} such as {@code read_csv('/etc/passwd')} is refused.
 *
 * <p>A query that runs longer than the timeout is cancelled and fails with {@link
 * SqlException.Reason#TIMEOUT}. A query that returns more rows than the limit is cut there: the
 * frame holds the first {@code maxRows} rows and {@link DataFrame#isTruncated()} is true (the rows
 * are streamed, so the database stops producing more).
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
