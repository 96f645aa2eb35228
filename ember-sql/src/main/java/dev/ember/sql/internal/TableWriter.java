package dev.ember.sql.internal;

import dev.ember.sql.DataType;
import dev.ember.sql.spi.Column;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes rows into DuckDB tables: the storage type of each column, {@code CREATE TABLE} statements,
 * the appender loop, and the statement plumbing shared by view swaps and history appends.
 */
final class TableWriter {
    private static final Logger LOG = LoggerFactory.getLogger(TableWriter.class);

    private TableWriter() {}

    static String describe(List<Column> columns) {
        List<String> parts = new ArrayList<>();
        for (Column c : columns) {
            String type = storageType(c);
            parts.add(c.name() + " " + (type == null ? c.typeName() : type));
        }
        return parts.toString();
    }

    /** The positions of the columns that have a storage type; fails for unstorable ones. */
    static List<Integer> storedColumns(List<Column> columns, String subject) {
        List<Integer> stored = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (c.type() == DataType.NULL) {
                continue;
            }
            if (storageType(c) == null) {
                throw new IllegalArgumentException(
                        "column '"
                                + c.name()
                                + "' of type "
                                + c.typeName()
                                + " cannot be stored in "
                                + subject
                                + "; cast it to a simpler type in the query, such as CAST("
                                + c.name()
                                + " AS VARCHAR)");
            }
            stored.add(i);
        }
        return stored;
    }

    /** The DuckDB type a column is stored as, or null when it cannot be stored. */
    static String storageType(Column c) {
        return switch (c.type()) {
            case BOOLEAN -> "BOOLEAN";
            case BYTE -> "TINYINT";
            case SHORT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case LONG -> "BIGINT";
            case FLOAT -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case DECIMAL ->
                    c.typeName().toUpperCase(Locale.ROOT).startsWith("DECIMAL")
                            ? c.typeName().toUpperCase(Locale.ROOT).replace(" ", "")
                            : "HUGEINT";
            case STRING -> "VARCHAR";
            case BINARY -> "BLOB";
            case DATE -> "DATE";
            case TIME -> "TIME";
            case TIMESTAMP -> "TIMESTAMP WITH TIME ZONE";
            case TIMESTAMP_NTZ -> "TIMESTAMP";
            case ARRAY, MAP -> c.typeName();
            case OTHER -> c.typeName().equalsIgnoreCase("UUID") ? "UUID" : null;
            case STRUCT, NULL -> null;
        };
    }

    /**
     * Creates {@code table} with the {@code stored} columns; {@code schema} null when {@code table}
     * is already qualified and quoted.
     */
    static String createTable(
            Connection c, String schema, String table, List<Column> columns, List<Integer> stored)
            throws SQLException {
        String sql = createTableSql(schema, table, columns, stored, false);
        execute(c, sql);
        return sql;
    }

    static String createTableSql(
            String schema,
            String table,
            List<Column> columns,
            List<Integer> stored,
            boolean orReplace) {
        StringBuilder sb =
                new StringBuilder(orReplace ? "CREATE OR REPLACE TABLE " : "CREATE TABLE ");
        if (schema != null) {
            sb.append(Identifiers.quote(schema)).append('.').append(Identifiers.quote(table));
        } else {
            sb.append(table);
        }
        sb.append(" (");
        for (int i = 0; i < stored.size(); i++) {
            Column col = columns.get(stored.get(i));
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(Identifiers.quote(col.name())).append(' ').append(storageType(col));
        }
        return sb.append(')').toString();
    }

    /**
     * Appends {@code rows} to a table whose columns are, in order, an optional window end and the
     * {@code stored} columns of {@code columns}; row values are read at the same positions.
     */
    static void append(
            DuckDBConnection c,
            String catalog,
            String schema,
            String table,
            List<Column> columns,
            List<Integer> stored,
            List<Object[]> rows,
            Instant windowEnd)
            throws SQLException {
        int offset = windowEnd == null ? 0 : 1;
        int r = 0;
        int column = -1;
        try (DuckDBAppender appender =
                catalog == null
                        ? c.createAppender(schema, table)
                        : c.createAppender(catalog, schema, table)) {
            for (; r < rows.size(); r++) {
                Object[] row = rows.get(r);
                appender.beginRow();
                if (windowEnd != null) {
                    appender.append(OffsetDateTime.ofInstant(windowEnd, ZoneOffset.UTC));
                }
                for (int i : stored) {
                    column = i;
                    appendValue(appender, columns.get(i), row[i - offset]);
                }
                column = -1;
                appender.endRow();
            }
        } catch (SQLException | RuntimeException e) {
            String where =
                    r < rows.size() && column >= 0
                            ? " (row " + r + ", column '" + columns.get(column).name() + "')"
                            : "";
            throw new SQLException(e.getMessage() + where, e);
        }
    }

    private static void appendValue(DuckDBAppender a, Column column, Object v) throws SQLException {
        if (v == null) {
            a.appendNull();
            return;
        }
        switch (column.type()) {
            case BOOLEAN -> a.append((boolean) (Boolean) v);
            case BYTE -> a.append((byte) (Byte) v);
            case SHORT -> a.append((short) (Short) v);
            case INTEGER -> a.append((int) (Integer) v);
            case LONG -> a.append((long) (Long) v);
            case FLOAT -> a.append((float) (Float) v);
            case DOUBLE -> a.append((double) (Double) v);
            case DECIMAL -> {
                BigDecimal d = (BigDecimal) v;
                String type = storageType(column);
                if (type.startsWith("DECIMAL")) {
                    a.append(d.setScale(scaleOf(type), RoundingMode.HALF_UP));
                } else {
                    a.append(d.toBigIntegerExact());
                }
            }
            case STRING -> a.append((String) v);
            case BINARY -> a.append((byte[]) v);
            case DATE -> a.append((LocalDate) v);
            case TIME -> a.append((LocalTime) v);
            case TIMESTAMP -> a.append(OffsetDateTime.ofInstant((Instant) v, ZoneOffset.UTC));
            case TIMESTAMP_NTZ -> a.append((LocalDateTime) v);
            case ARRAY -> a.append((Collection<?>) v);
            case MAP -> a.append((Map<?, ?>) v);
            case OTHER -> a.append((UUID) v);
            default -> a.appendNull();
        }
    }

    private static int scaleOf(String decimalType) {
        int comma = decimalType.indexOf(',');
        int close = decimalType.indexOf(')');
        return comma < 0 || close < comma
                ? 0
                : Integer.parseInt(decimalType.substring(comma + 1, close).trim());
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Ends a transaction begun by a {@code BEGIN TRANSACTION} statement, if one is open. */
    static void rollbackStatement(Connection c) {
        try {
            execute(c, "ROLLBACK");
        } catch (SQLException e) {
            LOG.debug("rollback failed (no transaction was open)", e);
        }
    }

    static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback failed", e);
        }
    }
}
