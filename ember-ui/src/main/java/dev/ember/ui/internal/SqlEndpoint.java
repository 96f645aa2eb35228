package dev.ember.ui.internal;

import dev.ember.sql.DataFrame;
import dev.ember.sql.ReadOnlySql;
import dev.ember.sql.SqlException;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/views} and {@code GET /api/sql?q=...}: the program's views, queried only through
 * read-only mode (one {@code SELECT}-like statement, no files, the mode's time and row limits). At
 * most {@link #MAX_RUNNING} queries run at once, and a query is at most {@link #MAX_QUERY_CHARS}
 * characters, so a browser cannot tie up the database.
 */
final class SqlEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(SqlEndpoint.class);

    static final int MAX_RUNNING = 2;
    static final int MAX_QUERY_CHARS = 8_000;

    /** A response: status and JSON body. */
    record Answer(int status, String json) {}

    private final ReadOnlySql sql;
    private final Semaphore running = new Semaphore(MAX_RUNNING);

    /**
     * @param sql the read-only queries, or {@code null} when the program serves no SQL
     */
    SqlEndpoint(ReadOnlySql sql) {
        this.sql = sql;
    }

    Answer views() {
        if (sql == null) {
            return noSql();
        }
        return new Answer(
                HttpStatus.OK_200,
                ApiJson.views(sql.tableNames(), sql.timeout().milliseconds(), sql.maxRows()));
    }

    Answer query(String q) {
        if (sql == null) {
            return noSql();
        }
        if (q == null || q.isBlank()) {
            return new Answer(
                    HttpStatus.BAD_REQUEST_400,
                    ApiJson.error(
                            "the query parameter 'q' is missing or blank; send a query such as"
                                    + " /api/sql?q=SELECT%201",
                            null));
        }
        if (q.length() > MAX_QUERY_CHARS) {
            return new Answer(
                    HttpStatus.BAD_REQUEST_400,
                    ApiJson.error(
                            "the query has "
                                    + q.length()
                                    + " characters, more than the "
                                    + MAX_QUERY_CHARS
                                    + " the dashboard accepts; shorten it",
                            null));
        }
        if (!running.tryAcquire()) {
            return new Answer(
                    HttpStatus.TOO_MANY_REQUESTS_429,
                    ApiJson.error(
                            MAX_RUNNING
                                    + " queries are running already; wait for one to finish and"
                                    + " try again",
                            null));
        }
        try {
            DataFrame frame = sql.sql(q);
            return new Answer(HttpStatus.OK_200, ApiJson.result(frame));
        } catch (SqlException e) {
            return new Answer(status(e.reason()), ApiJson.error(e.getMessage(), e.reason().name()));
        } catch (RuntimeException e) {
            LOG.warn("dashboard SQL query failed: {}", e.toString());
            return new Answer(
                    HttpStatus.INTERNAL_SERVER_ERROR_500,
                    ApiJson.error("the query failed: " + e.getMessage(), "FAILED"));
        } finally {
            running.release();
        }
    }

    private static int status(SqlException.Reason reason) {
        return switch (reason) {
            case SYNTAX_ERROR, UNKNOWN_VIEW -> HttpStatus.BAD_REQUEST_400;
            case NOT_ALLOWED -> HttpStatus.FORBIDDEN_403;
            case TIMEOUT -> HttpStatus.REQUEST_TIMEOUT_408;
            case MEMORY_LIMIT -> HttpStatus.PAYLOAD_TOO_LARGE_413;
            case FAILED -> HttpStatus.INTERNAL_SERVER_ERROR_500;
        };
    }

    private static Answer noSql() {
        return new Answer(
                HttpStatus.NOT_FOUND_404,
                ApiJson.error(
                        "this program serves no SQL: start the dashboard with"
                                + " UiOptions.builder().sql(sqlContext.readOnly())",
                        null));
    }
}
