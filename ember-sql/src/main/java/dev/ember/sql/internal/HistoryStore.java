package dev.ember.sql.internal;

import static dev.ember.sql.internal.DuckDbDatabase.HISTORY_CATALOG;

import dev.ember.sql.DataType;
import dev.ember.sql.spi.Column;
import dev.ember.sql.spi.Table;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history tables of a database, in the attached history file: appends of one window's rows with
 * retention by age, in one transaction per window.
 *
 * <p>The file is attached as catalog {@code history} with storage version 1.0, so any DuckDB client
 * from 1.0 on can open it once the engine has closed it. Each table starts with a column {@code
 * window_end}, and its columns are fixed by the first rows appended.
 */
final class HistoryStore {
    /** The first column of every history table: when the window ended. */
    static final String WINDOW_END = "window_end";

    private static final Logger LOG = LoggerFactory.getLogger(HistoryStore.class);

    private final DuckDbDatabase database;
    private final Object lock = new Object();

    /** Guarded by {@link #lock}: the columns of history tables, by lower-case name. */
    private final Map<String, List<Column>> historyColumns = new HashMap<>();

    HistoryStore(DuckDbDatabase database) {
        this.database = database;
    }

    /** The lock that keeps appends out while the database closes. */
    Object lock() {
        return lock;
    }

    /** The names of the history tables, sorted, as queries name them ({@code history.t}). */
    List<String> tableNames() {
        if (!database.hasHistory()) {
            return List.of();
        }
        return database.names(
                "SELECT '"
                        + HISTORY_CATALOG
                        + ".' || table_name FROM duckdb_tables() WHERE database_name = '"
                        + HISTORY_CATALOG
                        + "' AND schema_name = 'main' ORDER BY 1");
    }

    void appendHistory(String name, Instant windowEnd, Table table) {
        synchronized (lock) {
            database.requireOpen();
            if (!database.hasHistory()) {
                throw new IllegalStateException(
                        "history table '"
                                + name
                                + "' needs a history file: create the SqlContext with"
                                + " SqlContext.builder(ssc).history(Path.of(\"ember.duckdb\"))");
            }
            for (Column c : table.columns()) {
                if (c.name().equalsIgnoreCase(WINDOW_END)) {
                    throw new IllegalArgumentException(
                            "history table '"
                                    + name
                                    + "' cannot take a column named '"
                                    + c.name()
                                    + "': every history table starts with its own "
                                    + WINDOW_END
                                    + " column; rename the column");
                }
            }
            String key = name.toLowerCase(Locale.ROOT);
            List<Column> existing = historyColumns.get(key);
            if (existing == null) {
                existing = loadHistoryColumns(name);
            }
            if (existing == null && table.rows().isEmpty()) {
                return;
            }
            String qualified = HISTORY_CATALOG + ".main." + Identifiers.quote(name);
            String step = "";
            try (DuckDBConnection c = database.connect()) {
                c.setAutoCommit(false);
                try {
                    List<Column> columns;
                    if (existing == null) {
                        columns = historyColumnsFor(table);
                        List<Integer> all = new ArrayList<>();
                        for (int i = 0; i < columns.size(); i++) {
                            all.add(i);
                        }
                        step = TableWriter.createTable(c, null, qualified, columns, all);
                    } else {
                        columns = existing;
                        requireCompatible(name, existing, table);
                    }
                    if (!table.rows().isEmpty()) {
                        step = "append to " + qualified;
                        List<Integer> all = new ArrayList<>();
                        for (int i = 1; i < columns.size(); i++) {
                            all.add(i);
                        }
                        TableWriter.append(
                                c,
                                HISTORY_CATALOG,
                                "main",
                                name,
                                columns,
                                all,
                                table.rows(),
                                windowEnd);
                    }
                    if (database.settings().historyRetentionMillis() > 0) {
                        step = "DELETE FROM " + qualified + " WHERE " + WINDOW_END + " <= ?";
                        try (PreparedStatement ps = c.prepareStatement(step)) {
                            ps.setObject(
                                    1,
                                    OffsetDateTime.ofInstant(
                                            windowEnd.minusMillis(
                                                    database.settings().historyRetentionMillis()),
                                            ZoneOffset.UTC));
                            ps.executeUpdate();
                        }
                    }
                    c.commit();
                    if (existing == null) {
                        database.catalogChanged();
                    }
                    historyColumns.put(key, columns);
                } catch (SQLException | RuntimeException e) {
                    TableWriter.rollback(c);
                    throw e;
                }
            } catch (SQLException e) {
                throw database.failure(
                        "window ending "
                                + windowEnd
                                + " could not be appended to history table '"
                                + name
                                + "': "
                                + e.getMessage(),
                        step,
                        e);
            }
        }
    }

    private List<Column> loadHistoryColumns(String name) {
        String sql =
                "SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = '"
                        + HISTORY_CATALOG
                        + "' AND schema_name = 'main' AND lower(table_name) = lower(?)"
                        + " ORDER BY column_index";
        try (DuckDBConnection c = database.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            List<Column> columns = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(
                            ColumnType.columnOf(
                                    rs.getString(1), ColumnType.forSqlType(rs.getString(2))));
                }
            }
            if (columns.isEmpty()) {
                return null;
            }
            if (!columns.get(0).name().equalsIgnoreCase(WINDOW_END)
                    || columns.get(0).type() != DataType.TIMESTAMP) {
                throw new IllegalStateException(
                        "history table '"
                                + name
                                + "' in "
                                + database.settings().historyFile()
                                + " does not start with a "
                                + WINDOW_END
                                + " TIMESTAMP WITH TIME ZONE column, so it was not made by Ember;"
                                + " choose another history table name");
            }
            return columns;
        } catch (SQLException e) {
            throw database.failure(
                    "could not read history table '" + name + "': " + e.getMessage(), sql, e);
        }
    }

    /** {@code window_end} followed by the table's columns; NULL-typed ones become VARCHAR. */
    private static List<Column> historyColumnsFor(Table table) {
        List<Column> columns = new ArrayList<>();
        columns.add(ColumnType.columnOf(WINDOW_END, ColumnType.TIMESTAMPTZ));
        for (Column c : table.columns()) {
            if (c.type() == DataType.NULL) {
                LOG.warn(
                        "history column '{}' has no value yet to tell its type; it is created as"
                                + " VARCHAR",
                        c.name());
                columns.add(ColumnType.columnOf(c.name(), ColumnType.VARCHAR));
            } else {
                columns.add(c);
            }
        }
        return columns;
    }

    private void requireCompatible(String name, List<Column> existing, Table table) {
        List<Column> data = table.columns();
        boolean same = existing.size() == data.size() + 1;
        for (int i = 0; same && i < data.size(); i++) {
            Column have = existing.get(i + 1);
            Column got = data.get(i);
            String gotType = TableWriter.storageType(got);
            same =
                    have.name().equalsIgnoreCase(got.name())
                            && (got.type() == DataType.NULL
                                    || (gotType != null
                                            && gotType.equalsIgnoreCase(
                                                    TableWriter.storageType(have))));
        }
        if (!same) {
            throw new IllegalStateException(
                    "history table '"
                            + name
                            + "' in "
                            + database.settings().historyFile()
                            + " has columns "
                            + TableWriter.describe(existing.subList(1, existing.size()))
                            + " after "
                            + WINDOW_END
                            + " but the rows to append have "
                            + TableWriter.describe(data)
                            + "; append to a new history table, or drop the old one with a"
                            + " DuckDB client while the program is stopped");
        }
    }
}
