package dev.ember.sql;

import dev.ember.streaming.StreamingException;
import java.util.Objects;

/**
 * A SQL query or view update that the database could not carry out. The message names what failed,
 * quotes the query and the database's own message, and says what to do; {@link #reason()} tells the
 * cases apart for code that reacts differently, such as a dashboard that answers a bad query with a
 * client error and a timeout with another.
 *
 * <p>Misuse of the API itself (a null argument, an invalid view name, a closed context) raises
 * {@link IllegalArgumentException}, {@link NullPointerException} or {@link IllegalStateException}
 * instead.
 */
public class SqlException extends StreamingException {
    private static final long serialVersionUID = 1L;

    /** Why a query failed. */
    public enum Reason {
        /** The query is not valid SQL; the message carries the database's parser error. */
        SYNTAX_ERROR,
        /** The query names a view or table that does not exist; the message lists those that do. */
        UNKNOWN_VIEW,
        /**
         * The query was refused: a read-only query that is not a single {@code SELECT}-like
         * statement, or a statement that would touch files, extensions or settings, which the
         * database does not allow.
         */
        NOT_ALLOWED,
        /** The query ran longer than the read-only statement timeout and was cancelled. */
        TIMEOUT,
        /**
         * The query needed more memory than the database's limit ({@code
         * SqlContext.Builder.memoryLimit}) and was stopped; the database and the JVM go on.
         */
        MEMORY_LIMIT,
        /** The database could not run the query or the update for another reason. */
        FAILED
    }

    private final String query;
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param message names what failed, the rule, the value and the remedy
     * @param query the query that failed, or the statement that Ember ran on the user's behalf
     * @param reason why it failed
     * @param cause the database's exception, or null
     */
    public SqlException(String message, String query, Reason reason, Throwable cause) {
        super(message, cause);
        this.query = Objects.requireNonNull(query, "query");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The query that failed, as given. */
    public String query() {
        return query;
    }

    /** Why it failed. */
    public Reason reason() {
        return reason;
    }
}
