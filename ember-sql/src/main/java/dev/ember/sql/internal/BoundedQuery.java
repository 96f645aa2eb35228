package dev.ember.sql.internal;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Wraps a checked read-only query so that the database itself keeps its result within a row and a
 * byte limit, before anything reaches the Java heap.
 *
 * <p>Design note: the JDBC driver turns a whole chunk of up to 2,048 rows into Java objects at
 * once, so a limit counted while reading rows in Java comes too late: one chunk of large strings
 * can fill the heap before the first row is seen. The wrapper therefore counts in the database:
 *
 * <pre>{@code
 * SELECT CASE WHEN fits THEN c1 END AS "name1", ..., fits
 * FROM (SELECT *, sum(<bytes of the row>) OVER (ROWS UNBOUNDED PRECEDING) <= maxBytes AS fits
 *       FROM (SELECT * FROM (<query>) AS q(c1, ...) LIMIT rows + 1))
 * }</pre>
 *
 * A running sum without {@code PARTITION BY} or {@code ORDER BY} is a streaming window in DuckDB:
 * it keeps the query's order and reads no further than the {@code LIMIT}. Rows past the byte limit
 * arrive with every value null and {@code fits} false; the reader stops at the first of them, and
 * at the row after {@code maxRows}. The inner alias list renames the query's columns by position,
 * so that duplicate or odd column names survive; the outer aliases give them back.
 *
 * <p>The bytes of a row are those {@link dev.ember.sql.ReadOnlyLimits} documents: UTF-8 length of
 * strings, length of binary values and of the text form of nested values, a fixed width for the
 * rest, plus {@link #VALUE_OVERHEAD} per value.
 */
final class BoundedQuery {
    /** Bytes counted for every value on top of its own size: what a Java object costs at least. */
    static final int VALUE_OVERHEAD = 16;

    /** The name of the wrapper's last column, which says whether a row fits the byte limit. */
    static final String FITS = "__ember_fits";

    private BoundedQuery() {}

    /**
     * The statement that runs {@code query}, whose result has the columns {@code metadata}
     * describes, within {@code maxRows} rows and {@code maxBytes} bytes.
     */
    static String wrap(String query, ResultSetMetaData metadata, int maxRows, long maxBytes)
            throws SQLException {
        int width = metadata.getColumnCount();
        StringBuilder aliases = new StringBuilder();
        StringBuilder bytes = new StringBuilder();
        StringBuilder outer = new StringBuilder("SELECT ");
        long fixed = 0;
        for (int i = 1; i <= width; i++) {
            String column = "c" + i;
            if (i > 1) {
                aliases.append(", ");
            }
            aliases.append(column);
            fixed += VALUE_OVERHEAD;
            String size = size(column, metadata.getColumnTypeName(i));
            if (size.chars().allMatch(Character::isDigit)) {
                fixed += Long.parseLong(size);
            } else {
                bytes.append("coalesce(").append(size).append(", 0) + ");
            }
            outer.append("CASE WHEN ")
                    .append(FITS)
                    .append(" THEN ")
                    .append(column)
                    .append(" END AS ")
                    .append(Identifiers.quote(metadata.getColumnLabel(i)))
                    .append(", ");
        }
        bytes.append(fixed);
        outer.append(FITS);
        String limited =
                "SELECT * FROM ("
                        + query
                        + "\n) AS __ember_q("
                        + aliases
                        + ") LIMIT "
                        + (Math.min(maxRows, maxBytes / ((long) VALUE_OVERHEAD * width)) + 1);
        return outer
                + " FROM (SELECT *, sum("
                + bytes
                + ") OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) <= "
                + maxBytes
                + " AS "
                + FITS
                + " FROM ("
                + limited
                + "))";
    }

    /** The size of {@code column}'s values: a number of bytes, or an expression for it. */
    private static String size(String column, String sqlType) {
        String t = sqlType.trim().toUpperCase(Locale.ROOT);
        return switch (t) {
            case "BOOLEAN", "TINYINT", "UTINYINT" -> "1";
            case "SMALLINT", "USMALLINT" -> "2";
            case "INTEGER", "UINTEGER", "FLOAT", "DATE" -> "4";
            case "BIGINT",
                    "UBIGINT",
                    "DOUBLE",
                    "TIME",
                    "TIMESTAMP",
                    "TIMESTAMP WITH TIME ZONE",
                    "TIMESTAMP_S",
                    "TIMESTAMP_MS",
                    "TIMESTAMP_NS",
                    "TIME WITH TIME ZONE" ->
                    "8";
            case "HUGEINT", "UHUGEINT", "UUID", "INTERVAL" -> "16";
            case "NULL", "\"NULL\"" -> "0";
            case "VARCHAR", "JSON" -> "strlen(" + column + ")";
            case "BLOB" -> "octet_length(" + column + ")";
            default -> t.startsWith("DECIMAL") ? "16" : "strlen(CAST(" + column + " AS VARCHAR))";
        };
    }
}
