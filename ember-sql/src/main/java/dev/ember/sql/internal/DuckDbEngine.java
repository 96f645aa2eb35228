package dev.ember.sql.internal;

import dev.ember.sql.SqlException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL engine on an embedded, in-memory DuckDB database.
 *
 * <p>Design note. <b>Connections</b>: the engine keeps one root connection and never runs a
 * statement on it; every operation duplicates it (a new connection to the same database, about 15
 * µs) and closes the duplicate when done. DuckDB connections are not thread-safe, and a fresh one
 * per operation leaves no session state (an open transaction, a {@code USE}) behind for the next
 * caller, so any number of threads may query at once without a pool to manage.
 *
 * <p><b>Atomic views</b>: each view reads one table of the schema {@code ember_internal}, named
 * after the view. One transaction re-creates that table ({@code CREATE OR REPLACE TABLE}) and fills
 * it through the appender; only when the columns change does the same transaction also replace the
 * view. DuckDB's MVCC does the rest: a query that started before the commit keeps reading the table
 * it found, replaced or not, until it ends; one that starts after sees only the new table; nobody
 * waits for anybody. Swaps are serialised by one lock so that two writers never conflict on the
 * catalog; readers never take it. Re-creating one table costs one catalog change per swap, where a
 * new table per content plus a view replacement and a drop cost three (about a third more time). A
 * content whose columns all lack a type needs no table: the view becomes a constant {@code SELECT}
 * of as many NULL rows.
 *
 * <p><b>Security</b>: after the optional history file is attached, the database disables external
 * access (no file reads or writes, no {@code ATTACH}, {@code COPY}, {@code INSTALL} or {@code LOAD}
 * of extensions from disk), turns off extension auto-loading and locks its configuration, so no
 * statement can undo that. Read-only queries pass {@link ReadOnlyGuard} first, run under a timeout
 * that interrupts them, and stream only as many rows as they may return.
 *
 * <p><b>History</b>: the history file is attached as catalog {@code history} with storage version
 * 1.0, so any DuckDB client from 1.0 on can open it once this engine has closed it. Appends and
 * retention deletes for one window run in one transaction.
 */
public final class DuckDbEngine implements SqlEngine {
    /** The catalog under which queries find history tables. */
    public static final String HISTORY_CATALOG = "history";

    /** The first column of every history table: when the window ended. */
    public static final String WINDOW_END = "window_end";

    static final String INTERNAL_SCHEMA = "ember_internal";

    private static final Logger LOG = LoggerFactory.getLogger(DuckDbEngine.class);
    private static final AtomicInteger TIMEOUT_THREADS = new AtomicInteger();

    private final EngineSettings settings;
    private final DuckDBConnection root;
    private final ScheduledThreadPoolExecutor timeouts;

    private final Object viewLock = new Object();
    private final Object historyLock = new Object();

    /** Guarded by {@link #viewLock}: the registered views, by lower-case name. */
    private final Map<String, ViewState> views = new HashMap<>();

    /** Guarded by {@link #historyLock}: the columns of history tables, by lower-case name. */
    private final Map<String, List<TableColumn>> historyColumns = new HashMap<>();

    private volatile boolean closed;

    /**
     * What a view holds now: its columns, the query that defines it, and the table behind it (null
     * when no column has a type, so the view is a constant query).
     */
    private record ViewState(
            String name, List<TableColumn> columns, String viewQuery, String dataTable) {}

    /**
     * Starts a database for {@code settings}.
     *
     * @throws IllegalArgumentException when the time zone is unknown to DuckDB
     * @throws SqlException when the database cannot start or the history file cannot be opened
     */
    public DuckDbEngine(EngineSettings settings) {
        this.settings = settings;
        Properties properties = new Properties();
        // Rows are fetched as the caller reads them, so a row limit stops the query early.
        properties.setProperty("jdbc_stream_results", "true");
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:", properties);
            this.root = c.unwrap(DuckDBConnection.class);
        } catch (SQLException e) {
            throw new SqlException(
                    "cannot start the embedded DuckDB database of '"
                            + settings.appName()
                            + "': "
                            + e.getMessage()
                            + "; check that duckdb_jdbc and its native library suit this platform",
                    "",
                    SqlException.Reason.FAILED,
                    e);
        }
        try {
            setUp();
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
        this.timeouts = new ScheduledThreadPoolExecutor(1, this::timeoutThread);
        timeouts.setRemoveOnCancelPolicy(true);
        LOG.info(
                "SQL database of '{}' started (DuckDB, time zone {}{})",
                settings.appName(),
                settings.zone().getId(),
                settings.historyFile() == null
                        ? ""
                        : ", history in " + settings.historyFile().toAbsolutePath());
    }

    private Thread timeoutThread(Runnable r) {
        Thread t =
                new Thread(
                        r,
                        "ember-sql-timeout-"
                                + settings.appName()
                                + "-"
                                + TIMEOUT_THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    }

    private void setUp() {
        String zone = zoneName(settings.zone());
        try (Statement s = root.createStatement()) {
            try {
                s.execute("SET TimeZone = " + Identifiers.literal(zone));
            } catch (SQLException e) {
                throw new IllegalArgumentException(
                        "time zone '"
                                + zone
                                + "' is not known to the database: "
                                + e.getMessage()
                                + "; use a region id such as Europe/Paris or UTC",
                        e);
            }
            s.execute("CREATE SCHEMA " + Identifiers.quote(INTERNAL_SCHEMA));
            if (settings.historyFile() != null) {
                attachHistory(s, settings.historyFile().toAbsolutePath());
            }
            if (!settings.externalAccess()) {
                s.execute("SET autoinstall_known_extensions = false");
                s.execute("SET autoload_known_extensions = false");
                s.execute("SET enable_external_access = false");
            }
            s.execute("SET allow_community_extensions = false");
            s.execute("SET lock_configuration = true");
        } catch (SQLException e) {
            throw new SqlException(
                    "cannot set up the embedded DuckDB database of '"
                            + settings.appName()
                            + "': "
                            + e.getMessage(),
                    "",
                    SqlException.Reason.FAILED,
                    e);
        }
    }

    /**
     * The name DuckDB's ICU knows for {@code zone}: region ids as they are, {@code UTC} for zero,
     * and whole-hour offsets as {@code Etc/GMT-2} (whose sign is inverted, by POSIX convention).
     */
    static String zoneName(ZoneId zone) {
        if (zone instanceof ZoneOffset offset) {
            int seconds = offset.getTotalSeconds();
            if (seconds == 0) {
                return "UTC";
            }
            if (seconds % 3600 == 0) {
                int hours = seconds / 3600;
                return "Etc/GMT" + (hours > 0 ? "-" : "+") + Math.abs(hours);
            }
        }
        return zone.getId();
    }

    private void attachHistory(Statement s, Path file) {
        String sql =
                "ATTACH "
                        + Identifiers.literal(file.toString())
                        + " AS "
                        + HISTORY_CATALOG
                        + " (STORAGE_VERSION 'v1.0.0')";
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            s.execute(sql);
        } catch (IOException | SQLException e) {
            throw new SqlException(
                    "cannot open history file "
                            + file
                            + ": "
                            + e.getMessage()
                            + "; DuckDB lets one process write a database file at a time, so close"
                            + " any other program that has it open (such as a duckdb shell), or"
                            + " choose another file",
                    sql,
                    SqlException.Reason.FAILED,
                    e);
        }
    }

    @Override
    public boolean hasHistory() {
        return settings.historyFile() != null;
    }

    @Override
    public boolean readOnlyCapable() {
        return !settings.externalAccess();
    }

    // ---------------------------------------------------------------- views

    @Override
    public boolean replaceView(String name, Table table) {
        synchronized (viewLock) {
            requireOpen();
            String key = name.toLowerCase(Locale.ROOT);
            ViewState previous = views.get(key);
            List<TableColumn> columns = withPreviousTypes(table.columns(), previous);
            List<Object[]> rows = table.rows();
            if (columns.isEmpty()) {
                if (previous == null) {
                    LOG.debug("view '{}' not registered yet: no columns known", name);
                    return false;
                }
                columns = previous.columns();
                rows = List.of();
            }
            List<Integer> stored = storedColumns(columns, "view '" + name + "'");
            String dataTable = stored.isEmpty() ? null : key;
            String viewQuery = viewQuery(columns, dataTable, rows.size());
            String step = "";
            try (DuckDBConnection c = root.duplicate()) {
                try {
                    // At most two round trips around the appender, and no catalog change but the
                    // table's while the columns stay the same: each statement costs the database
                    // a parse and a plan, and the view lock is held meanwhile. (CREATE VIEW IF NOT
                    // EXISTS of an existing view changes nothing and costs a tenth of a swap.)
                    String begin = "BEGIN TRANSACTION";
                    if (dataTable != null) {
                        step = createTableSql(INTERNAL_SCHEMA, dataTable, columns, stored, true);
                        execute(c, begin + "; " + step);
                        begin = null;
                        append(c, null, INTERNAL_SCHEMA, dataTable, columns, stored, rows, null);
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
                    execute(c, begin == null ? step : begin + "; " + step);
                } catch (SQLException | RuntimeException e) {
                    rollbackStatement(c);
                    throw e;
                }
            } catch (SQLException e) {
                throw failure(
                        "view '" + name + "' could not be replaced: " + e.getMessage(), step, e);
            }
            views.put(key, new ViewState(name, columns, viewQuery, dataTable));
            return true;
        }
    }

    private static String internalTable(String table) {
        return Identifiers.quote(INTERNAL_SCHEMA) + "." + Identifiers.quote(table);
    }

    /** Columns of type NULL take the type of the same column in the previous content. */
    private static List<TableColumn> withPreviousTypes(
            List<TableColumn> columns, ViewState previous) {
        if (previous == null) {
            return columns;
        }
        List<TableColumn> out = new ArrayList<>(columns.size());
        for (TableColumn c : columns) {
            TableColumn typed = c;
            if (c.type() == dev.ember.sql.DataType.NULL) {
                for (TableColumn p : previous.columns()) {
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
    private static String viewQuery(List<TableColumn> columns, String dataTable, int rowCount) {
        StringBuilder sb = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            TableColumn c = columns.get(i);
            if (i > 0) {
                sb.append(", ");
            }
            if (storageType(c) == null) {
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

    @Override
    public boolean dropView(String name) {
        synchronized (viewLock) {
            requireOpen();
            boolean existed = viewNames().stream().anyMatch(v -> v.equalsIgnoreCase(name));
            ViewState state = views.remove(name.toLowerCase(Locale.ROOT));
            String step = "DROP VIEW IF EXISTS main." + Identifiers.quote(name);
            try (DuckDBConnection c = root.duplicate()) {
                c.setAutoCommit(false);
                try {
                    execute(c, step);
                    if (state != null && state.dataTable() != null) {
                        step = "DROP TABLE IF EXISTS " + internalTable(state.dataTable());
                        execute(c, step);
                    }
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    rollback(c);
                    throw e;
                }
            } catch (SQLException e) {
                throw failure(
                        "view '" + name + "' could not be dropped: " + e.getMessage(), step, e);
            }
            return existed;
        }
    }

    @Override
    public List<String> viewNames() {
        return names(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
                        + " AND schema_name = 'main' AND NOT internal"
                        + " UNION ALL SELECT view_name FROM duckdb_views()"
                        + " WHERE database_name = current_database() AND schema_name = 'main'"
                        + " AND NOT internal ORDER BY 1");
    }

    @Override
    public List<String> historyTableNames() {
        if (!hasHistory()) {
            return List.of();
        }
        return names(
                "SELECT '"
                        + HISTORY_CATALOG
                        + ".' || table_name FROM duckdb_tables() WHERE database_name = '"
                        + HISTORY_CATALOG
                        + "' AND schema_name = 'main' ORDER BY 1");
    }

    private List<String> names(String sql) {
        requireOpen();
        try (DuckDBConnection c = root.duplicate();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw failure("could not list the tables: " + e.getMessage(), sql, e);
        }
    }

    /** The views and history tables that exist, for a message about one that does not. */
    private String describeExisting() {
        try {
            String text = "the views and tables are " + viewNames();
            if (hasHistory()) {
                text += ", the history tables " + historyTableNames();
            }
            return text;
        } catch (RuntimeException e) {
            return "the views could not be listed (" + e.getMessage() + ")";
        }
    }

    // ---------------------------------------------------------------- queries

    @Override
    public Table query(String query) {
        requireOpen();
        try (DuckDBConnection c = root.duplicate();
                Statement s = c.createStatement()) {
            if (!s.execute(query)) {
                return Table.empty();
            }
            try (ResultSet rs = s.getResultSet()) {
                return ResultReader.read(rs, Integer.MAX_VALUE).table();
            }
        } catch (SQLException e) {
            requireOpen();
            throw SqlErrors.translate(e, query, this::describeExisting);
        }
    }

    @Override
    public ReadOnlyResult queryReadOnly(String query, long timeoutMillis, int maxRows) {
        requireOpen();
        if (!readOnlyCapable()) {
            throw new IllegalStateException(
                    "read-only queries of '"
                            + settings.appName()
                            + "' are refused because its SQL context allows external access;"
                            + " create the SqlContext without externalAccess(true) to serve them");
        }
        try (DuckDBConnection c = root.duplicate()) {
            String statement = ReadOnlyGuard.check(c, query);
            try (Statement s = c.createStatement()) {
                Cancellation cancellation = new Cancellation(s);
                cancellation.schedule(timeouts, timeoutMillis);
                try (ResultSet rs = s.executeQuery(statement)) {
                    ReadOnlyResult result = ResultReader.read(rs, maxRows);
                    cancellation.finish();
                    return result;
                } catch (SQLException e) {
                    if (cancellation.finish()) {
                        throw new SqlException(
                                "read-only query \""
                                        + SqlErrors.abbreviate(query)
                                        + "\" ran longer than the statement timeout of "
                                        + timeoutMillis
                                        + " ms and was cancelled; narrow it (a WHERE clause, a"
                                        + " LIMIT) or allow a longer timeout",
                                query,
                                SqlException.Reason.TIMEOUT,
                                e);
                    }
                    throw e;
                }
            }
        } catch (SQLException e) {
            requireOpen();
            throw SqlErrors.translate(e, query, this::describeExisting);
        }
    }

    /**
     * Cancels a statement when its time is up, unless it finished first. The lock makes "finished"
     * and "cancelled" exclusive, so a late timer never interrupts whatever the connection runs next
     * (and the connection is closed after each query anyway).
     */
    private static final class Cancellation implements Runnable {
        private final Statement statement;
        private ScheduledFuture<?> timer;
        private boolean finished;
        private boolean fired;

        Cancellation(Statement statement) {
            this.statement = statement;
        }

        synchronized void schedule(ScheduledThreadPoolExecutor executor, long millis) {
            timer = executor.schedule(this, millis, TimeUnit.MILLISECONDS);
        }

        @Override
        public synchronized void run() {
            if (finished) {
                return;
            }
            fired = true;
            try {
                statement.cancel();
            } catch (SQLException e) {
                LOG.debug("cancelling a timed-out query failed", e);
            }
        }

        /** Marks the statement finished; true when the timeout had already cancelled it. */
        synchronized boolean finish() {
            finished = true;
            if (timer != null) {
                timer.cancel(false);
            }
            return fired;
        }
    }

    // ---------------------------------------------------------------- history

    @Override
    public void appendHistory(String name, Instant windowEnd, Table table) {
        synchronized (historyLock) {
            requireOpen();
            if (!hasHistory()) {
                throw new IllegalStateException(
                        "history table '"
                                + name
                                + "' needs a history file: create the SqlContext with"
                                + " SqlContext.builder(ssc).history(Path.of(\"ember.duckdb\"))");
            }
            for (TableColumn c : table.columns()) {
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
            List<TableColumn> existing = historyColumns.get(key);
            if (existing == null) {
                existing = loadHistoryColumns(name);
            }
            if (existing == null && table.rows().isEmpty()) {
                return;
            }
            String qualified = HISTORY_CATALOG + ".main." + Identifiers.quote(name);
            String step = "";
            try (DuckDBConnection c = root.duplicate()) {
                c.setAutoCommit(false);
                try {
                    List<TableColumn> columns;
                    if (existing == null) {
                        columns = historyColumnsFor(table);
                        List<Integer> all = new ArrayList<>();
                        for (int i = 0; i < columns.size(); i++) {
                            all.add(i);
                        }
                        step = createTable(c, null, qualified, columns, all);
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
                        append(
                                c,
                                HISTORY_CATALOG,
                                "main",
                                name,
                                columns,
                                all,
                                table.rows(),
                                windowEnd);
                    }
                    if (settings.historyRetentionMillis() > 0) {
                        step = "DELETE FROM " + qualified + " WHERE " + WINDOW_END + " <= ?";
                        try (PreparedStatement ps = c.prepareStatement(step)) {
                            ps.setObject(
                                    1,
                                    OffsetDateTime.ofInstant(
                                            windowEnd.minusMillis(
                                                    settings.historyRetentionMillis()),
                                            ZoneOffset.UTC));
                            ps.executeUpdate();
                        }
                    }
                    c.commit();
                    historyColumns.put(key, columns);
                } catch (SQLException | RuntimeException e) {
                    rollback(c);
                    throw e;
                }
            } catch (SQLException e) {
                throw failure(
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

    private List<TableColumn> loadHistoryColumns(String name) {
        String sql =
                "SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = '"
                        + HISTORY_CATALOG
                        + "' AND schema_name = 'main' AND lower(table_name) = lower(?)"
                        + " ORDER BY column_index";
        try (DuckDBConnection c = root.duplicate();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            List<TableColumn> columns = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(
                            TableColumn.of(
                                    rs.getString(1), ColumnType.forSqlType(rs.getString(2))));
                }
            }
            if (columns.isEmpty()) {
                return null;
            }
            if (!columns.get(0).name().equalsIgnoreCase(WINDOW_END)
                    || columns.get(0).type() != dev.ember.sql.DataType.TIMESTAMP) {
                throw new IllegalStateException(
                        "history table '"
                                + name
                                + "' in "
                                + settings.historyFile()
                                + " does not start with a "
                                + WINDOW_END
                                + " TIMESTAMP WITH TIME ZONE column, so it was not made by Ember;"
                                + " choose another history table name");
            }
            return columns;
        } catch (SQLException e) {
            throw failure("could not read history table '" + name + "': " + e.getMessage(), sql, e);
        }
    }

    /** {@code window_end} followed by the table's columns; NULL-typed ones become VARCHAR. */
    private static List<TableColumn> historyColumnsFor(Table table) {
        List<TableColumn> columns = new ArrayList<>();
        columns.add(TableColumn.of(WINDOW_END, ColumnType.TIMESTAMPTZ));
        for (TableColumn c : table.columns()) {
            if (c.type() == dev.ember.sql.DataType.NULL) {
                LOG.warn(
                        "history column '{}' has no value yet to tell its type; it is created as"
                                + " VARCHAR",
                        c.name());
                columns.add(TableColumn.of(c.name(), ColumnType.VARCHAR));
            } else {
                columns.add(c);
            }
        }
        return columns;
    }

    private void requireCompatible(String name, List<TableColumn> existing, Table table) {
        List<TableColumn> data = table.columns();
        boolean same = existing.size() == data.size() + 1;
        for (int i = 0; same && i < data.size(); i++) {
            TableColumn have = existing.get(i + 1);
            TableColumn got = data.get(i);
            String gotType = storageType(got);
            same =
                    have.name().equalsIgnoreCase(got.name())
                            && (got.type() == dev.ember.sql.DataType.NULL
                                    || (gotType != null
                                            && gotType.equalsIgnoreCase(storageType(have))));
        }
        if (!same) {
            throw new IllegalStateException(
                    "history table '"
                            + name
                            + "' in "
                            + settings.historyFile()
                            + " has columns "
                            + describe(existing.subList(1, existing.size()))
                            + " after "
                            + WINDOW_END
                            + " but the rows to append have "
                            + describe(data)
                            + "; append to a new history table, or drop the old one with a"
                            + " DuckDB client while the program is stopped");
        }
    }

    private static String describe(List<TableColumn> columns) {
        List<String> parts = new ArrayList<>();
        for (TableColumn c : columns) {
            String type = storageType(c);
            parts.add(c.name() + " " + (type == null ? c.sqlType() : type));
        }
        return parts.toString();
    }

    // ---------------------------------------------------------------- writing

    /** The positions of the columns that have a storage type; fails for unstorable ones. */
    private static List<Integer> storedColumns(List<TableColumn> columns, String subject) {
        List<Integer> stored = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            TableColumn c = columns.get(i);
            if (c.type() == dev.ember.sql.DataType.NULL) {
                continue;
            }
            if (storageType(c) == null) {
                throw new IllegalArgumentException(
                        "column '"
                                + c.name()
                                + "' of type "
                                + c.sqlType()
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
    static String storageType(TableColumn c) {
        return switch (c.type()) {
            case BOOLEAN -> "BOOLEAN";
            case BYTE -> "TINYINT";
            case SHORT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case LONG -> "BIGINT";
            case FLOAT -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case DECIMAL ->
                    c.sqlType().toUpperCase(Locale.ROOT).startsWith("DECIMAL")
                            ? c.sqlType().toUpperCase(Locale.ROOT).replace(" ", "")
                            : "HUGEINT";
            case STRING -> "VARCHAR";
            case BINARY -> "BLOB";
            case DATE -> "DATE";
            case TIME -> "TIME";
            case TIMESTAMP -> "TIMESTAMP WITH TIME ZONE";
            case TIMESTAMP_NTZ -> "TIMESTAMP";
            case ARRAY, MAP -> c.sqlType();
            case OTHER -> c.sqlType().equalsIgnoreCase("UUID") ? "UUID" : null;
            case STRUCT, NULL -> null;
        };
    }

    /**
     * Creates {@code table} with the {@code stored} columns; {@code schema} null when {@code table}
     * is already qualified and quoted.
     */
    private static String createTable(
            Connection c,
            String schema,
            String table,
            List<TableColumn> columns,
            List<Integer> stored)
            throws SQLException {
        String sql = createTableSql(schema, table, columns, stored, false);
        execute(c, sql);
        return sql;
    }

    private static String createTableSql(
            String schema,
            String table,
            List<TableColumn> columns,
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
            TableColumn col = columns.get(stored.get(i));
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
    private static void append(
            DuckDBConnection c,
            String catalog,
            String schema,
            String table,
            List<TableColumn> columns,
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

    private static void appendValue(DuckDBAppender a, TableColumn column, Object v)
            throws SQLException {
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

    // ---------------------------------------------------------------- plumbing

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Ends a transaction begun by a {@code BEGIN TRANSACTION} statement, if one is open. */
    private static void rollbackStatement(Connection c) {
        try {
            execute(c, "ROLLBACK");
        } catch (SQLException e) {
            LOG.debug("rollback failed (no transaction was open)", e);
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback failed", e);
        }
    }

    private SqlException failure(String message, String statement, SQLException e) {
        requireOpen();
        return new SqlException(message, statement, SqlException.Reason.FAILED, e);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException(
                    "the SQL context of '"
                            + settings.appName()
                            + "' is closed: create a new SqlContext to run queries");
        }
    }

    @Override
    public void close() {
        synchronized (viewLock) {
            synchronized (historyLock) {
                if (closed) {
                    return;
                }
                closed = true;
            }
        }
        timeouts.shutdownNow();
        if (hasHistory()) {
            try (Statement s = root.createStatement()) {
                s.execute("CHECKPOINT " + HISTORY_CATALOG);
                s.execute("DETACH " + HISTORY_CATALOG);
            } catch (SQLException e) {
                LOG.warn(
                        "closing history file {} failed: {}",
                        settings.historyFile(),
                        e.getMessage());
            }
        }
        closeQuietly();
        LOG.info("SQL database of '{}' closed", settings.appName());
    }

    private void closeQuietly() {
        try {
            root.close();
        } catch (SQLException e) {
            LOG.warn("closing the DuckDB database failed: {}", e.getMessage());
        }
    }
}
