package dev.ember.sql.spi;

import dev.ember.sql.ReadOnlyLimits;
import java.time.Instant;
import java.util.List;

/**
 * The database behind a {@code SqlContext}: holds the views that streams replace, answers queries,
 * keeps history tables. Made by a {@link SqlEngineProvider}; docs/sql.md describes the semantics an
 * implementation must keep (atomic view swaps, history columns and retention, the read-only rules).
 *
 * <p>Implementations are thread-safe: views are replaced from the job thread while queries run on
 * any thread. Failures of the database are {@link dev.ember.sql.SqlException}s whose reason tells
 * the cases apart; misuse is {@link IllegalArgumentException} or {@link IllegalStateException}, and
 * every method but {@link #close()} throws {@link IllegalStateException} once the engine is closed.
 */
public interface SqlEngine extends AutoCloseable {

    /**
     * Makes {@code table} the content of view {@code name}, atomically: a query sees the previous
     * content or this one, never a mix, and never waits for the replacement. Columns of type NULL
     * take the type they had in the view's previous content. A table without columns keeps the
     * previous columns with no rows, and registers nothing when the view does not exist yet.
     *
     * @param name a plain identifier (letters, digits, underscores), matched ignoring case
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

    /**
     * Runs {@code query} with the program's full rights and returns every row of its last
     * statement, or {@link Table#empty()} when that statement has no result.
     */
    Table query(String query);

    /**
     * Runs {@code query} if it is a single statement that read-only mode allows, within {@code
     * limits}: cancelled after the timeout (failing with reason {@code TIMEOUT}), and cut at the
     * row and byte limits.
     *
     * @throws dev.ember.sql.SqlException with reason {@code NOT_ALLOWED} when the query is refused
     * @throws IllegalStateException when the engine allows external access
     */
    ReadOnlyResult queryReadOnly(String query, ReadOnlyLimits limits);

    /**
     * Appends the rows of {@code table} to history table {@code name}, each with {@code windowEnd}
     * in a first column {@code window_end}, creating the table on first use; then removes rows
     * older than the retention, in the same transaction.
     *
     * @throws IllegalStateException when there is no history file or the table has other columns
     */
    void appendHistory(String name, Instant windowEnd, Table table);

    /** True when a history file was configured. */
    boolean hasHistory();

    /** True when read-only queries can be served safely: external access is disabled. */
    boolean readOnlyCapable();

    /** Releases the database; calling it again does nothing. */
    @Override
    void close();
}
