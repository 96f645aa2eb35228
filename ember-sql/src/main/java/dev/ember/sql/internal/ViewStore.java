package dev.ember.sql.internal;

import static dev.ember.sql.internal.DuckDbDatabase.INTERNAL_SCHEMA;

import dev.ember.sql.DataType;
import dev.ember.sql.spi.Column;
import dev.ember.sql.spi.Table;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The temp views of a database and their atomic replacement.
 *
 * <p>Design note: each view reads one table of the schema {@code ember_internal}, named after the
 * view. One transaction re-creates that table ({@code CREATE OR REPLACE TABLE}) and fills it
 * through the appender; only when the columns change does the same transaction also replace the
 * view. DuckDB's MVCC does the rest: a query that started before the commit keeps reading the table
 * it found, replaced or not, until it ends; one that starts after sees only the new table; nobody
 * waits for anybody. Swaps are serialised by one lock so that two writers never conflict on the
 * catalog; readers never take it. Re-creating one table costs one catalog change per swap, where a
 * new table per content plus a view replacement and a drop cost three (about a third more time). A
 * content whose columns all lack a type needs no table: the view becomes a constant {@code SELECT}
 * of as many NULL rows.
 */
final class ViewStore {
    private static final Logger LOG = LoggerFactory.getLogger(ViewStore.class);

    private final DuckDbDatabase database;
    private final Object lock = new Object();

    /** Guarded by {@link #lock}: the registered views, by lower-case name. */
    private final Map<String, ViewState> views = new HashMap<>();

    /**
     * What a view holds now: its columns, the query that defines it, and the table behind it (null
     * when no column has a type, so the view is a constant query).
     */
    private record ViewState(
            String name, List<Column> columns, String viewQuery, String dataTable) {}

    ViewStore(DuckDbDatabase database) {
        this.database = database;
    }

    /** The lock that keeps swaps out while the database closes. */
    Object lock() {
        return lock;
    }

    boolean replaceView(String name, Table table) {
        synchronized (lock) {
            database.requireOpen();
            String key = name.toLowerCase(Locale.ROOT);
            ViewState previous = views.get(key);
            List<Column> columns = withPreviousTypes(table.columns(), previous);
            List<Object[]> rows = table.rows();
            if (columns.isEmpty()) {
                if (previous == null) {
                    LOG.debug("view '{}' not registered yet: no columns known", name);
                    return false;
                }
                columns = previous.columns();
                rows = List.of();
            }
            List<Integer> stored = TableWriter.storedColumns(columns, "view '" + name + "'");
            String dataTable = stored.isEmpty() ? null : key;
            String viewQuery = viewQuery(columns, dataTable, rows.size());
            String step = "";
            try (DuckDBConnection c = database.connect()) {
                try {
                    // At most two round trips around the appender, and no catalog change but the
                    // table's while the columns stay the same: each statement costs the database
                    // a parse and a plan, and the view lock is held meanwhile. (CREATE VIEW IF NOT
                    // EXISTS of an existing view changes nothing and costs a tenth of a swap.)
                    String begin = "BEGIN TRANSACTION";
                    if (dataTable != null) {
                        step =
                                TableWriter.createTableSql(
                                        INTERNAL_SCHEMA, dataTable, columns, stored, true);
                        TableWriter.execute(c, begin + "; " + step);
                        begin = null;
                        TableWriter.append(
                                c, null, INTERNAL_SCHEMA, dataTable, columns, stored, rows, null);
                    }
                    // A view that SQL of the program dropped comes back with the next content.
                    step =
                            "CREATE VIEW IF NOT EXISTS main."
                                    + Identifiers.quote(name)
                                    + " AS "
                                    + viewQuery
                                    + "; COMMIT";
                    if (previous == null
                            || !viewQuery.equals(previous.viewQuery())
                            || !name.equals(previous.name())) {
                        step =
                                "CREATE OR REPLACE VIEW main."
                                        + Identifiers.quote(name)
                                        + " AS "
                                        + viewQuery;
                        if (dataTable == null && previous != null && previous.dataTable() != null) {
                            step += "; DROP TABLE IF EXISTS " + internalTable(previous.dataTable());
                        }
                        step += "; COMMIT";
                    }
                    TableWriter.execute(c, begin == null ? step : begin + "; " + step);
                } catch (SQLException | RuntimeException e) {
                    TableWriter.rollbackStatement(c);
                    throw e;
                }
            } catch (SQLException e) {
                throw database.failure(
                        "view '" + name + "' could not be replaced: " + e.getMessage(), step, e);
            }
            if (previous == null
                    || !columns.equals(previous.columns())
                    || !name.equals(previous.name())) {
                database.catalogChanged();
            }
            views.put(key, new ViewState(name, columns, viewQuery, dataTable));
            return true;
        }
    }

    private static String internalTable(String table) {
        return Identifiers.quote(INTERNAL_SCHEMA) + "." + Identifiers.quote(table);
    }

    /** Columns of type NULL take the type of the same column in the previous content. */
    private static List<Column> withPreviousTypes(List<Column> columns, ViewState previous) {
        if (previous == null) {
            return columns;
        }
        List<Column> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            Column typed = c;
            if (c.type() == DataType.NULL) {
                for (Column p : previous.columns()) {
                    if (p.name().equalsIgnoreCase(c.name())) {
                        typed = p.withName(c.name());
                        break;
                    }
                }
            }
            out.add(typed);
        }
        return out;
    }

    /**
     * The SELECT behind a view: the data table's columns, NULL for those of unknown type; without a
     * data table (no column has a type), as many rows of NULLs as the content has.
     */
    private static String viewQuery(List<Column> columns, String dataTable, int rowCount) {
        StringBuilder sb = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (i > 0) {
                sb.append(", ");
            }
            if (TableWriter.storageType(c) == null) {
                sb.append("NULL");
            } else {
                sb.append(Identifiers.quote(c.name()));
            }
            sb.append(" AS ").append(Identifiers.quote(c.name()));
        }
        if (dataTable != null) {
            sb.append(" FROM ").append(internalTable(dataTable));
        } else if (rowCount == 0) {
            sb.append(" WHERE false");
        } else {
            sb.append(" FROM range(").append(rowCount).append(')');
        }
        return sb.toString();
    }

    boolean dropView(String name) {
        synchronized (lock) {
            database.requireOpen();
            boolean existed = viewNames().stream().anyMatch(v -> v.equalsIgnoreCase(name));
            ViewState state = views.remove(name.toLowerCase(Locale.ROOT));
            String step = "DROP VIEW IF EXISTS main." + Identifiers.quote(name);
            try (DuckDBConnection c = database.connect()) {
                c.setAutoCommit(false);
                try {
                    TableWriter.execute(c, step);
                    if (state != null && state.dataTable() != null) {
                        step = "DROP TABLE IF EXISTS " + internalTable(state.dataTable());
                        TableWriter.execute(c, step);
                    }
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    TableWriter.rollback(c);
                    throw e;
                }
            } catch (SQLException e) {
                throw database.failure(
                        "view '" + name + "' could not be dropped: " + e.getMessage(), step, e);
            } finally {
                database.catalogChanged();
            }
            return existed;
        }
    }

    List<String> viewNames() {
        return database.names(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
                        + " AND schema_name = 'main' AND NOT internal"
                        + " UNION ALL SELECT view_name FROM duckdb_views()"
                        + " WHERE database_name = current_database() AND schema_name = 'main'"
                        + " AND NOT internal ORDER BY 1");
    }
}
