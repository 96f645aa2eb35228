package dev.ember.sql.internal;

import dev.ember.sql.ReadOnlyLimits;
import dev.ember.sql.SqlException;
import dev.ember.sql.spi.ReadOnlyResult;
import dev.ember.sql.spi.SqlEngine;
import dev.ember.sql.spi.SqlEngineSettings;
import dev.ember.sql.spi.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL engine on an embedded, in-memory DuckDB database: the local masters' implementation of
 * {@link SqlEngine}. It puts together the {@link DuckDbDatabase} (connections, set-up, security),
 * the {@link ViewStore} (atomic view swaps), the {@link HistoryStore} (history tables) and {@link
 * ReadOnlyQueries} (the read-only gate), and runs the program's own queries.
 */
public final class DuckDbEngine implements SqlEngine {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbEngine.class);

    private final DuckDbDatabase database;
    private final ViewStore views;
    private final HistoryStore history;
    private final ReadOnlyQueries readOnly;

    /**
     * Starts a database for {@code settings}.
     *
     * @throws IllegalArgumentException when the time zone is unknown to DuckDB
     * @throws SqlException when the database cannot start or the history file cannot be opened
     */
    public DuckDbEngine(SqlEngineSettings settings) {
        this.database = new DuckDbDatabase(settings);
        this.views = new ViewStore(database);
        this.history = new HistoryStore(database);
        this.readOnly = new ReadOnlyQueries(database, views, history, this::describeExisting);
        LOG.info(
                "SQL database of '{}' started (DuckDB, time zone {}, memory limit {}{})",
                settings.appName(),
                settings.zone().getId(),
                SqlErrors.mebibytes(settings.memoryLimitBytes()),
                settings.historyFile() == null
                        ? ""
                        : ", history in " + settings.historyFile().toAbsolutePath());
    }

    @Override
    public boolean hasHistory() {
        return database.hasHistory();
    }

    @Override
    public boolean readOnlyCapable() {
        return !database.settings().externalAccess();
    }

    @Override
    public boolean replaceView(String name, Table table) {
        return views.replaceView(name, table);
    }

    @Override
    public boolean dropView(String name) {
        return views.dropView(name);
    }

    @Override
    public List<String> viewNames() {
        return views.viewNames();
    }

    @Override
    public List<String> historyTableNames() {
        return history.tableNames();
    }

    @Override
    public void appendHistory(String name, Instant windowEnd, Table table) {
        history.appendHistory(name, windowEnd, table);
    }

    @Override
    public Table query(String query) {
        database.requireOpen();
        try (DuckDBConnection c = database.connect();
                Statement s = c.createStatement()) {
            try {
                if (!s.execute(query)) {
                    return Table.empty();
                }
                try (ResultSet rs = s.getResultSet()) {
                    return ResultReader.read(rs, Integer.MAX_VALUE).table();
                }
            } finally {
                // The program's SQL may create, alter or drop anything.
                database.catalogChanged();
            }
        } catch (SQLException e) {
            database.requireOpen();
            throw SqlErrors.translate(
                    e, query, this::describeExisting, database.settings().memoryLimitBytes());
        }
    }

    @Override
    public ReadOnlyResult queryReadOnly(String query, ReadOnlyLimits limits) {
        return readOnly.run(query, limits);
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

    @Override
    public void close() {
        synchronized (views.lock()) {
            synchronized (history.lock()) {
                if (database.isClosed()) {
                    return;
                }
                readOnly.close();
                database.close();
            }
        }
        LOG.info("SQL database of '{}' closed", database.appName());
    }
}
