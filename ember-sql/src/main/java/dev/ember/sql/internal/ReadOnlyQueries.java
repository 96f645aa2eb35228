package dev.ember.sql.internal;

import dev.ember.sql.ReadOnlyLimits;
import dev.ember.sql.SqlException;
import dev.ember.sql.spi.ReadOnlyResult;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.duckdb.DuckDBConnection;

/**
 * Runs the queries of {@code ReadOnlySql}: checked by {@link ReadOnlyGuard}, limited to the views
 * and tables of the context, bounded in rows and bytes by {@link BoundedQuery}, and cancelled by
 * the {@link QueryWatchdog} when they run too long.
 *
 * <p>Design note: checking a query costs a parse in the database, a walk of its tree, a catalog
 * lookup and a prepare, about as much as running a small query. The statement that comes out
 * depends only on the text, the limits and the catalog (which names exist, with which columns), so
 * it is cached under the text and the limits, and used only while the catalog version it was made
 * at is current; any change to the views or tables moves the version. The cache is bounded by the
 * characters it holds.
 */
final class ReadOnlyQueries implements AutoCloseable {
    /** How many characters of query text and statements the cache keeps. */
    static final int CACHE_CHARS = 1 << 20;

    private final DuckDbDatabase database;
    private final ViewStore views;
    private final HistoryStore history;
    private final QueryWatchdog watchdog;
    private final Supplier<String> existing;
    private final PlanCache cache = new PlanCache();

    private volatile KnownNames known;

    /** A statement ready to run for a query, valid while the catalog is at {@code version}. */
    private record Plan(long version, String statement, boolean bounded) {}

    /** The names queries may read, as of catalog {@code version}, lower case. */
    private record KnownNames(long version, Set<String> main, Set<String> history) {}

    ReadOnlyQueries(
            DuckDbDatabase database,
            ViewStore views,
            HistoryStore history,
            Supplier<String> existing) {
        this.database = database;
        this.views = views;
        this.history = history;
        this.existing = existing;
        this.watchdog = new QueryWatchdog(database.appName());
    }

    ReadOnlyResult run(String query, ReadOnlyLimits limits) {
        database.requireOpen();
        if (database.settings().externalAccess()) {
            throw new IllegalStateException(
                    "read-only queries of '"
                            + database.appName()
                            + "' are refused because its SQL context allows external access;"
                            + " create the SqlContext without externalAccess(true) to serve them");
        }
        // Resources are closed by hand: when the heap is exhausted, the JVM throws one shared
        // OutOfMemoryError, and try-with-resources would replace it with "Self-suppression not
        // permitted" when a close fails with the same error.
        DuckDBConnection c = null;
        try {
            c = database.connect();
            Plan plan = plan(c, query, limits);
            return execute(c, plan, query, limits);
        } catch (SQLException e) {
            database.requireOpen();
            throw SqlErrors.translate(e, query, existing, database.settings().memoryLimitBytes());
        } finally {
            closeQuietly(c);
        }
    }

    private Plan plan(DuckDBConnection c, String query, ReadOnlyLimits limits) throws SQLException {
        long version = database.catalogVersion();
        String key = query + '\u0000' + limits.maxRows() + '/' + limits.maxBytes();
        Plan cached = cache.get(key);
        if (cached != null && cached.version() == version) {
            return cached;
        }
        ReadOnlyGuard.Checked checked = ReadOnlyGuard.check(c, query);
        requireKnown(checked.tables(), knownNames(version), query);
        Plan plan;
        if (checked.explain()) {
            plan = new Plan(version, checked.statement(), false);
        } else {
            try (PreparedStatement ps = c.prepareStatement(checked.statement())) {
                plan =
                        new Plan(
                                version,
                                BoundedQuery.wrap(
                                        checked.statement(),
                                        ps.getMetaData(),
                                        limits.maxRows(),
                                        limits.maxBytes()),
                                true);
            }
        }
        cache.put(key, plan);
        return plan;
    }

    private ReadOnlyResult execute(
            DuckDBConnection c, Plan plan, String query, ReadOnlyLimits limits)
            throws SQLException {
        long timeoutMillis = limits.timeout().milliseconds();
        Statement s = c.createStatement();
        ResultSet rs = null;
        int slot = -1;
        try {
            slot = watchdog.arm(s, timeoutMillis);
            rs = s.executeQuery(plan.statement());
            return ResultReader.readBounded(rs, limits.maxRows(), plan.bounded());
        } catch (SQLException e) {
            boolean fired = slot >= 0 && watchdog.disarm(slot);
            slot = -1;
            if (fired) {
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
        } finally {
            if (slot >= 0) {
                watchdog.disarm(slot);
            }
            closeQuietly(rs);
            closeQuietly(s);
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Throwable t) {
            // Closing a statement or connection of a failed query: the query's own failure,
            // already on its way to the caller, is what matters.
        }
    }

    private KnownNames knownNames(long version) {
        KnownNames names = known;
        if (names != null && names.version() == version) {
            return names;
        }
        names = new KnownNames(version, lowerCase(views.viewNames()), historyNames());
        known = names;
        return names;
    }

    private Set<String> historyNames() {
        Set<String> names = new HashSet<>();
        String prefix = DuckDbDatabase.HISTORY_CATALOG + ".";
        for (String name : history.tableNames()) {
            names.add(name.substring(prefix.length()).toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(names);
    }

    private static Set<String> lowerCase(List<String> names) {
        Set<String> out = new HashSet<>();
        for (String name : names) {
            out.add(name.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(out);
    }

    /**
     * Checks that every table the query names is a view or table of the context: one of the main
     * schema (unqualified, {@code main.t} or {@code memory.main.t}) or a history table ({@code
     * history.t}, {@code history.main.t}). Anything else, DuckDB's own catalog views included, is
     * refused.
     */
    private void requireKnown(List<ReadOnlyTree.TableName> tables, KnownNames names, String query) {
        String db = database.databaseName();
        String historyCatalog = DuckDbDatabase.HISTORY_CATALOG;
        for (ReadOnlyTree.TableName t : tables) {
            String catalog = t.catalog().toLowerCase(Locale.ROOT);
            String schema = t.schema().toLowerCase(Locale.ROOT);
            String name = t.name().toLowerCase(Locale.ROOT);
            boolean main =
                    (catalog.isEmpty()
                                    && (schema.isEmpty()
                                            || schema.equals("main")
                                            || schema.equals(db)))
                            || (catalog.equals(db) && schema.equals("main"));
            boolean hist =
                    (catalog.isEmpty() && schema.equals(historyCatalog))
                            || (catalog.equals(historyCatalog)
                                    && (schema.isEmpty() || schema.equals("main")));
            if ((main && names.main().contains(name)) || (hist && names.history().contains(name))) {
                continue;
            }
            throw new SqlException(
                    "read-only query \""
                            + SqlErrors.abbreviate(query)
                            + "\" reads '"
                            + t.dotted()
                            + "', which is not a view or table of this SQL context; "
                            + existing.get()
                            + ": register the view first (createOrReplaceTempView) or fix the name",
                    query,
                    SqlException.Reason.UNKNOWN_VIEW,
                    null);
        }
    }

    @Override
    public void close() {
        watchdog.close();
    }

    /** Plans by key, least recently used first out, bounded by the characters they hold. */
    private static final class PlanCache {
        private final LinkedHashMap<String, Plan> plans = new LinkedHashMap<>(64, 0.75f, true);
        private long chars;

        synchronized Plan get(String key) {
            return plans.get(key);
        }

        synchronized void put(String key, Plan plan) {
            long size = key.length() + plan.statement().length();
            if (size > CACHE_CHARS) {
                return;
            }
            Plan old = plans.put(key, plan);
            if (old != null) {
                chars -= key.length() + old.statement().length();
            }
            chars += size;
            var it = plans.entrySet().iterator();
            while (chars > CACHE_CHARS && it.hasNext()) {
                Map.Entry<String, Plan> eldest = it.next();
                chars -= eldest.getKey().length() + eldest.getValue().statement().length();
                it.remove();
            }
        }
    }
}
