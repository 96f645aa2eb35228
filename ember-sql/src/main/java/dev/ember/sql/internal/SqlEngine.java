package dev.ember.sql.internal;

import java.time.Instant;
import java.util.List;

/**
 * What {@code dev.ember.sql} needs from a SQL engine: the seam between the public API and one
 * implementation ({@link DuckDbEngine} in this JVM; Spark SQL on the Spark runner).
 *
 * <p>Implementations are thread-safe: views are replaced from the job thread while queries run on
 * any thread.
 */
public interface SqlEngine extends AutoCloseable {

    /**
     * Makes {@code table} the content of view {@code name}, atomically: a query sees the previous
     * content or this one, never a mix, and never waits for the replacement. Columns of type NULL
     * take the type they had in the view's previous content. A table without columns keeps the
     * previous columns with no rows, and registers nothing when the view does not exist yet.
     *
     * @return false when nothing was registered
     */
    boolean replaceView(String name, Table table);

    /**
     * Drops view {@code name}.
     *
     * @return true when it existed
     */
    boolean dropView(String name);

    /** The names of the views and tables queries can read without a catalog prefix, sorted. */
    List<String> viewNames();

    /** The names of the history tables, sorted, as queries name them ({@code history.t}). */
    List<String> historyTableNames();

    /** Runs {@code query} with the program's full rights and returns every row. */
    Table query(String query);

    /**
     * Runs {@code query} if it is a single read-only statement, cancelling it after {@code
     * timeoutMillis} and keeping at most {@code maxRows} rows.
     */
    ReadOnlyResult queryReadOnly(String query, long timeoutMillis, int maxRows);

    /**
     * Appends the rows of {@code table} to history table {@code name}, each with {@code windowEnd},
     * creating the table on first use, then removes rows older than the retention.
     */
    void appendHistory(String name, Instant windowEnd, Table table);

    /** True when a history file was configured. */
    boolean hasHistory();

    /** True when read-only queries can be served safely: external access is disabled. */
    boolean readOnlyCapable();

    /** Releases the database; later calls fail with {@link IllegalStateException}. */
    @Override
    void close();

    /**
     * The rows of a read-only query.
     *
     * @param table at most the row limit of rows
     * @param truncated true when the query returned more rows than the limit
     */
    record ReadOnlyResult(Table table, boolean truncated) {}
}
