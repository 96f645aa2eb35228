package dev.ember.sql.internal;

import dev.ember.sql.SqlException;
import dev.ember.sql.spi.SqlEngineSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded, in-memory DuckDB database: its root connection, its set-up and its end.
 *
 * <p>Design note. <b>Connections</b>: the root connection never runs a statement after set-up;
 * every operation takes a {@link #connect() duplicate} (a new connection to the same database,
 * about 15 µs) and closes it when done. DuckDB connections are not thread-safe, and a fresh one per
 * operation leaves no session state (an open transaction, a {@code USE}) behind for the next
 * caller, so any number of threads may work at once without a pool to manage. Results are
 * materialized, not streamed: the driver's streamed results lose the database's error messages, and
 * read-only queries bound their results inside the statement itself (see {@link BoundedQuery}).
 *
 * <p><b>Security</b>: after the optional history file is attached, the database disables external
 * access (no file reads or writes, no {@code ATTACH}, {@code COPY}, {@code INSTALL} or {@code LOAD}
 * of extensions from disk), turns off extension auto-loading and spilling to a temporary directory,
 * caps its memory, and locks its configuration, so no statement can undo that.
 *
 * <p><b>Catalog version</b>: a counter that changes whenever the set of views, tables or their
 * columns may have changed, so that checks which depend on them (the read-only guard's) can be
 * cached until it moves.
 */
final class DuckDbDatabase {
    /** The catalog under which queries find history tables. */
    static final String HISTORY_CATALOG = "history";

    /** The schema that holds the tables behind views. */
    static final String INTERNAL_SCHEMA = "ember_internal";

    private static final Logger LOG = LoggerFactory.getLogger(DuckDbDatabase.class);

    private final SqlEngineSettings settings;
    private final DuckDBConnection root;
    private final AtomicLong catalogVersion = new AtomicLong();
    private volatile boolean closed;
    private String databaseName;

    /**
     * Starts a database for {@code settings}.
     *
     * @throws IllegalArgumentException when the time zone is unknown to DuckDB
     * @throws SqlException when the database cannot start or the history file cannot be opened
     */
    DuckDbDatabase(SqlEngineSettings settings) {
        this.settings = settings;
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:");
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
            closeRoot();
            throw e;
        }
    }

    SqlEngineSettings settings() {
        return settings;
    }

    String appName() {
        return settings.appName();
    }

    /** A new connection to the database, for one operation; the caller closes it. */
    DuckDBConnection connect() throws SQLException {
        requireOpen();
        return root.duplicate();
    }

    /** The name of the in-memory database, lower case: the catalog of the views. */
    String databaseName() {
        return databaseName;
    }

    /** The current catalog version; see the class comment. */
    long catalogVersion() {
        return catalogVersion.get();
    }

    /** Records that views, tables or their columns may have changed. */
    void catalogChanged() {
        catalogVersion.incrementAndGet();
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
            try (ResultSet rs = s.executeQuery("SELECT current_database()")) {
                rs.next();
                databaseName = rs.getString(1).toLowerCase(java.util.Locale.ROOT);
            }
            if (settings.historyFile() != null) {
                attachHistory(s, settings.historyFile().toAbsolutePath());
            }
            s.execute("SET memory_limit = '" + settings.memoryLimitBytes() + "B'");
            // An in-memory database spills to ./.tmp under memory pressure: a query must fail
            // at the limit instead of writing files.
            s.execute("SET temp_directory = ''");
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

    /** The first column of {@code sql}'s rows. */
    List<String> names(String sql) {
        try (DuckDBConnection c = connect();
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

    boolean hasHistory() {
        return settings.historyFile() != null;
    }

    boolean isClosed() {
        return closed;
    }

    /** A failure of {@code statement}; a closed database is reported as such instead. */
    SqlException failure(String message, String statement, SQLException e) {
        requireOpen();
        return new SqlException(message, statement, SqlException.Reason.FAILED, e);
    }

    void requireOpen() {
        if (closed) {
            throw new IllegalStateException(
                    "the SQL context of '"
                            + settings.appName()
                            + "' is closed: create a new SqlContext to run queries");
        }
    }

    /**
     * Checkpoints and detaches the history file, then closes the database. The caller makes sure
     * that no writer runs meanwhile; a query still running fails.
     */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
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
        closeRoot();
    }

    private void closeRoot() {
        try {
            root.close();
        } catch (SQLException e) {
            LOG.warn("closing the DuckDB database failed: {}", e.getMessage());
        }
    }
}
