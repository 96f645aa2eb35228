package dev.ember.sql.internal;

import dev.ember.sql.SqlException;
import java.sql.SQLException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns DuckDB's errors into {@link SqlException}s whose messages say what to do. */
final class SqlErrors {
    private static final int MAX_QUERY_IN_MESSAGE = 500;
    private static final Pattern MISSING_TABLE =
            Pattern.compile("Table with name (.+?) does not exist");

    private SqlErrors() {}

    /**
     * The exception for {@code e}, raised by {@code query}.
     *
     * @param existing describes the views and tables that exist, for an unknown view
     */
    static SqlException translate(
            SQLException e, String query, Supplier<String> existing, long memoryLimitBytes) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage().strip();
        String quoted = "\"" + abbreviate(query) + "\"";
        if (message.startsWith("Out of Memory Error")) {
            return new SqlException(
                    "query "
                            + quoted
                            + " needed more memory than the SQL database's limit of "
                            + mebibytes(memoryLimitBytes)
                            + " and was stopped [database: "
                            + firstLine(message)
                            + "]; narrow it (fewer rows, fewer distinct groups) or raise the"
                            + " limit with SqlContext.builder(ssc).memoryLimit(bytes)",
                    query,
                    SqlException.Reason.MEMORY_LIMIT,
                    e);
        }
        if (message.startsWith("Parser Error")) {
            return new SqlException(
                    "SQL syntax error in query " + quoted + ": " + message + "; fix the query",
                    query,
                    SqlException.Reason.SYNTAX_ERROR,
                    e);
        }
        Matcher missing = MISSING_TABLE.matcher(message);
        if (message.startsWith("Catalog Error") && missing.find()) {
            return new SqlException(
                    "query "
                            + quoted
                            + " reads the view or table '"
                            + missing.group(1)
                            + "', which does not exist; "
                            + existing.get()
                            + ": register the view first (createOrReplaceTempView) or fix the name"
                            + " [database: "
                            + firstLine(message)
                            + "]",
                    query,
                    SqlException.Reason.UNKNOWN_VIEW,
                    e);
        }
        if (message.startsWith("Permission Error")
                || message.contains("the configuration has been locked")
                || message.contains("disabled through configuration")) {
            return new SqlException(
                    "query "
                            + quoted
                            + " was refused by the database: "
                            + message
                            + "; queries cannot read or write files, load extensions or change"
                            + " settings of this database",
                    query,
                    SqlException.Reason.NOT_ALLOWED,
                    e);
        }
        return new SqlException(
                "query " + quoted + " failed: " + message + "; check the query",
                query,
                SqlException.Reason.FAILED,
                e);
    }

    /** Such as {@code 256 MiB}, or the bytes when they are not whole mebibytes. */
    static String mebibytes(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }

    /** The query shortened for a message. */
    static String abbreviate(String query) {
        String q = query.strip();
        return q.length() <= MAX_QUERY_IN_MESSAGE
                ? q
                : q.substring(0, MAX_QUERY_IN_MESSAGE - 3) + "...";
    }

    private static String firstLine(String message) {
        int eol = message.indexOf('\n');
        return eol < 0 ? message : message.substring(0, eol);
    }
}
