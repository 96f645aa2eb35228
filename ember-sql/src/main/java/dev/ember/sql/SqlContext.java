package dev.ember.sql;

import dev.ember.sql.internal.Identifiers;
import dev.ember.sql.internal.RowBinder;
import dev.ember.sql.internal.ShowFormatter;
import dev.ember.sql.internal.SqlEngines;
import dev.ember.sql.internal.Tables;
import dev.ember.sql.spi.SqlEngine;
import dev.ember.sql.spi.SqlEngineSettings;
import dev.ember.sql.spi.Table;
import dev.ember.streaming.Batch;
import dev.ember.streaming.DStream;
import dev.ember.streaming.Duration;
import dev.ember.streaming.StreamingContext;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQL over stream results, as Spark's {@code SQLContext} (or {@code SparkSession}) next to a
 * streaming context: it turns batches into tables, registers them as temp views, and answers {@link
 * #sql(String)}. Tables live in an embedded database owned by this context.
 *
 * <pre>{@code
 * SqlContext sql = SqlContext.create(ssc);
 * sql.fromStream(hashtagCounts, "tag", "count")
 *         .sort(desc("count"))
 *         .limit(10)
 *         .registerTempTable("tweetsmessi");
 * ssc.start();
 * // any thread, any time:
 * sql.sql("select tag, count from tweetsmessi").show();
 * }</pre>
 *
 * <p><b>Views</b> are named by plain identifiers (letters, digits, underscores) and replaced
 * atomically: a query on another thread sees the previous content or the new one, never a mix, and
 * neither waits for the other. {@link #fromStream} replaces a view with every batch (or window) of
 * a stream; {@link DataFrame#createOrReplaceTempView} replaces one from any code.
 *
 * <p><b>History</b>: with {@link Builder#history(Path)}, {@link StreamTable#history()} and {@link
 * DataFrame#appendToHistory} append each window's rows, with its end time in a first column {@code
 * window_end}, to a table of a DuckDB database file that any DuckDB client can open once the
 * program has closed it; queries read it as {@code history.<table>}.
 *
 * <p><b>Security</b>: unless {@link Builder#externalAccess(boolean)} allows it, queries cannot read
 * or write files, attach databases, load extensions or change settings, the program's own included.
 * The database's memory is capped ({@link Builder#memoryLimit(long)}). {@link #readOnly()} adds a
 * gate for queries that come from outside the program: one {@code SELECT}-like statement made of
 * allowed functions and the context's own views, a timeout, and a limit on rows and bytes.
 *
 * <p><b>Engines</b>: the database comes from the {@link dev.ember.sql.spi.SqlEngineProvider} that
 * supports the streaming context's master: embedded DuckDB for {@code local}, {@code local[N]} and
 * {@code local[*]}.
 *
 * <p><b>Threads</b>: thread-safe. Every method may be called from any thread, also while the
 * streaming context runs; queries run concurrently, each on a connection of its own. {@link
 * #close()} after the streaming context has stopped: a view update after that fails the stream.
 */
public final class SqlContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqlContext.class);

    private final StreamingContext ssc;
    private final SqlEngine engine;
    private final ZoneId zone;
    private final ShowFormatter formatter;
    private final RowBinder binder;

    private SqlContext(StreamingContext ssc, SqlEngine engine, ZoneId zone) {
        this.ssc = ssc;
        this.engine = engine;
        this.zone = zone;
        this.formatter = new ShowFormatter(zone);
        this.binder = new RowBinder(zone);
    }

    /**
     * A context with the defaults: no history file, the JVM's time zone, no external access.
     *
     * @throws SqlException when the embedded database cannot start
     */
    public static SqlContext create(StreamingContext ssc) {
        return builder(ssc).build();
    }

    /** A builder for a context with a history file or other settings. */
    public static Builder builder(StreamingContext ssc) {
        return new Builder(Objects.requireNonNull(ssc, "ssc"));
    }

    /** The streaming context this SQL context serves. */
    public StreamingContext streamingContext() {
        return ssc;
    }

    /**
     * The session time zone, Spark's {@code spark.sql.session.timeZone}: {@link DataType#TIMESTAMP}
     * values show in it, and SQL date functions use it.
     */
    public ZoneId timeZone() {
        return zone;
    }

    /**
     * A table of the elements of {@code batch}, as Spark's {@code createDataFrame(rdd, beanClass)}.
     * Columns come from {@code type}: the components of a record in order, {@code _1} and {@code
     * _2} of a {@code Tuple2}, the properties of a JavaBean in name order, or one column {@code
     * value} for a value such as a {@code String}. Column types come from the declared types, or
     * from the values where the class does not say (see {@link DataType}); so a record class gives
     * the same columns even for an empty batch.
     *
     * <p>Collects the batch (an action) and copies its elements: the frame does not change when the
     * elements do.
     *
     * @throws IllegalArgumentException when the objects cannot be rows, naming the class, the
     *     component or element and what is supported
     */
    public DataFrame createDataFrame(Batch<?> batch, Class<?> type) {
        Objects.requireNonNull(batch, "batch");
        return createDataFrame(batch.collect(), type);
    }

    /** A table of {@code rows}; see {@link #createDataFrame(Batch, Class)}. */
    public DataFrame createDataFrame(List<?> rows, Class<?> type) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(type, "type");
        return frame(Tables.fromElements(rows, type, List.of(), "createDataFrame"));
    }

    /**
     * A table of the elements of {@code batch}, with the columns their class gives renamed to
     * {@code columnNames}, as Scala's {@code rdd.toDF("tag", "count")}: the usual way to name the
     * columns of {@code Tuple2} elements. Without names, the columns keep the names their class
     * gives ({@code _1}, {@code _2}; {@code value}; component names).
     *
     * <p>The class is taken from the first element that is not null. An empty batch gives the named
     * columns with type {@link DataType#NULL}, or no columns at all when no names are given.
     *
     * @throws IllegalArgumentException when the number of names does not match the columns, names
     *     repeat, or the elements cannot be rows
     */
    public DataFrame toDF(Batch<?> batch, String... columnNames) {
        Objects.requireNonNull(batch, "batch");
        return toDF(batch.collect(), columnNames);
    }

    /** A table of {@code rows} with named columns; see {@link #toDF(Batch, String...)}. */
    public DataFrame toDF(List<?> rows, String... columnNames) {
        Objects.requireNonNull(rows, "rows");
        return frame(Tables.fromElements(rows, null, names(columnNames), "toDF"));
    }

    /**
     * Runs {@code query} with the program's full rights and returns all its rows, as Spark's {@code
     * sql}. The query may read every view and table, and the history tables as {@code
     * history.<table>}; it may also create and change tables of its own. Several statements
     * separated by semicolons run in order and the last one's rows are returned; a statement
     * without rows returns a frame without columns.
     *
     * <p>The result is read at once (Spark computes lazily): later view replacements do not change
     * it. Each call runs on a connection of its own in auto-commit mode, so a transaction must
     * begin and end within one call.
     *
     * @throws SqlException when the query fails: with the database's message and the query, a
     *     syntax error, an unknown view (listing those that exist), or a refusal to touch files or
     *     settings
     */
    public DataFrame sql(String query) {
        Objects.requireNonNull(query, "query");
        return frame(engine.query(query));
    }

    /**
     * The whole content of view or table {@code viewName}, as Spark's {@code table}; a history
     * table is {@code history.<table>}.
     *
     * @throws IllegalArgumentException when the name is not a plain identifier, optionally after
     *     one catalog name and a dot
     * @throws SqlException when there is no such view, listing those that exist
     */
    public DataFrame table(String viewName) {
        Objects.requireNonNull(viewName, "viewName");
        int dot = viewName.indexOf('.');
        String qualified;
        if (dot < 0) {
            qualified = Identifiers.quote(Identifiers.requirePlainName(viewName, "view"));
        } else {
            String catalog = Identifiers.requirePlainName(viewName.substring(0, dot), "catalog");
            String name = Identifiers.requirePlainName(viewName.substring(dot + 1), "table");
            qualified = Identifiers.quote(catalog) + "." + Identifiers.quote(name);
        }
        return sql("SELECT * FROM " + qualified);
    }

    /**
     * The views and tables queries can name without a prefix, sorted: the temp views and what the
     * program's queries created. History tables are in {@link #historyTableNames()}.
     */
    public List<String> tableNames() {
        return engine.viewNames();
    }

    /** The history tables, sorted, as queries name them: {@code history.<table>}. */
    public List<String> historyTableNames() {
        return engine.historyTableNames();
    }

    /**
     * Drops temp view {@code viewName}, as Spark's {@code catalog().dropTempView}. A stream that
     * registers the view registers it again with its next batch.
     *
     * @return true when the view existed
     */
    public boolean dropTempView(String viewName) {
        Identifiers.requirePlainName(viewName, "view");
        return engine.dropView(viewName);
    }

    /**
     * The batches of {@code stream} as tables, each a {@code createDataFrame(batch, type)}: start
     * of the one-line form {@code fromStream(...).sort(...).limit(...).registerTempTable(...)}.
     */
    public StreamTable fromStream(DStream<?> stream, Class<?> type) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(type, "type");
        Tables.columnNames(type, List.of());
        return new StreamTable(this, stream, type, List.of());
    }

    /**
     * The batches of {@code stream} as tables, each a {@code toDF(batch, columnNames)}: start of
     * the one-line form, such as {@code fromStream(hashtagCounts, "tag", "count")} for a stream of
     * {@code Tuple2}.
     */
    public StreamTable fromStream(DStream<?> stream, String... columnNames) {
        Objects.requireNonNull(stream, "stream");
        List<String> names = names(columnNames);
        Tables.requireColumnNames(names, "fromStream");
        return new StreamTable(this, stream, null, names);
    }

    /**
     * Read-only queries with the default limits ({@link ReadOnlyLimits#DEFAULT}): a 10 s statement
     * timeout, at most 10,000 rows and 16 MiB.
     *
     * @throws IllegalStateException when this context allows external access
     */
    public ReadOnlySql readOnly() {
        return readOnly(ReadOnlyLimits.DEFAULT);
    }

    /**
     * Read-only queries with the default byte limit and the given timeout and row limit; see {@link
     * #readOnly(ReadOnlyLimits)}.
     *
     * @param timeout how long a query may run before it is cancelled; positive
     * @param maxRows the most rows a query returns; positive
     */
    public ReadOnlySql readOnly(Duration timeout, int maxRows) {
        return readOnly(ReadOnlyLimits.DEFAULT.withTimeout(timeout).withMaxRows(maxRows));
    }

    /**
     * Read-only queries for code that runs what others typed, such as a dashboard's SQL console,
     * within {@code limits}: see {@link ReadOnlySql}.
     *
     * @throws IllegalStateException when this context allows external access, since the database
     *     could then read files
     */
    public ReadOnlySql readOnly(ReadOnlyLimits limits) {
        Objects.requireNonNull(limits, "limits");
        if (!engine.readOnlyCapable()) {
            throw new IllegalStateException(
                    "the SQL context of '"
                            + ssc.appName()
                            + "' allows external access, so queries could read and write files;"
                            + " build it without externalAccess(true) to serve read-only queries");
        }
        return new ReadOnlySql(this, limits);
    }

    /**
     * Closes the database: temp views are gone, the history file is checkpointed and released (so
     * other DuckDB clients can open it). Calling it again does nothing. Close after stopping the
     * streaming context.
     */
    @Override
    public void close() {
        engine.close();
    }

    // ------------------------------------------------------------ for the package

    SqlEngine engine() {
        return engine;
    }

    ShowFormatter formatter() {
        return formatter;
    }

    RowBinder binder() {
        return binder;
    }

    /** Where {@code show()} prints: where the streaming context's {@code print()} writes. */
    PrintStream out() {
        return ssc.printStream();
    }

    DataFrame frame(Table table) {
        return new DataFrame(this, table, false);
    }

    private static List<String> names(String[] columnNames) {
        Objects.requireNonNull(columnNames, "columnNames");
        return List.copyOf(Arrays.asList(columnNames));
    }

    /**
     * Settings of a {@link SqlContext}; each may be set once, and {@link #build()} starts the
     * database.
     */
    public static final class Builder {
        private static final long DEFAULT_MEMORY_LIMIT = 256L << 20;
        private static final long MIN_MEMORY_LIMIT = 16L << 20;

        private final StreamingContext ssc;
        private Path historyFile;
        private Duration historyRetention;
        private ZoneId timeZone;
        private Boolean externalAccess;
        private Long memoryLimit;

        private Builder(StreamingContext ssc) {
            this.ssc = ssc;
        }

        /**
         * Keeps history tables in the DuckDB database file {@code file} (created with its parent
         * directories when missing): the {@code --history ember.duckdb} of the tutorial's job. The
         * file stays locked while the context is open, as DuckDB allows one writing process.
         */
        public Builder history(Path file) {
            Objects.requireNonNull(file, "file");
            requireUnset("history", historyFile);
            this.historyFile = file;
            return this;
        }

        /**
         * Removes history rows whose window ended {@code retention} or longer before the newest
         * window appended to the same table; without this call, history keeps every row.
         */
        public Builder historyRetention(Duration retention) {
            Objects.requireNonNull(retention, "retention");
            requireUnset("historyRetention", historyRetention);
            if (retention.milliseconds() <= 0) {
                throw new IllegalArgumentException(
                        "historyRetention must be positive, got "
                                + retention.pretty()
                                + "; use for example Durations.minutes(24 * 60) for a day");
            }
            this.historyRetention = retention;
            return this;
        }

        /**
         * The session time zone; the JVM's default zone when not set (UTC, with a warning, when the
         * database does not know the JVM's zone).
         */
        public Builder timeZone(ZoneId zone) {
            Objects.requireNonNull(zone, "zone");
            requireUnset("timeZone", timeZone);
            this.timeZone = zone;
            return this;
        }

        /**
         * Whether the program's own queries may read and write files ({@code read_csv}, {@code COPY
         * ... TO}, {@code ATTACH}); false by default. A context that allows it refuses to serve
         * {@link SqlContext#readOnly() read-only} queries.
         */
        public Builder externalAccess(boolean allow) {
            requireUnset("externalAccess", externalAccess);
            this.externalAccess = allow;
            return this;
        }

        /**
         * The most memory, in bytes, the database may use for views, history pages, query state and
         * results; 256 MiB by default. It is DuckDB's {@code memory_limit}, which holds for the
         * whole database, so it bounds read-only queries and the program's own alike: a query that
         * needs more fails with {@link SqlException.Reason#MEMORY_LIMIT} instead of growing the
         * process, and nothing spills to disk.
         *
         * @throws IllegalArgumentException when {@code bytes} is less than 16 MiB
         */
        public Builder memoryLimit(long bytes) {
            requireUnset("memoryLimit", memoryLimit);
            if (bytes < MIN_MEMORY_LIMIT) {
                throw new IllegalArgumentException(
                        "memoryLimit must be at least 16 MiB ("
                                + MIN_MEMORY_LIMIT
                                + " bytes), got "
                                + bytes
                                + "; use for example 256L << 20 for 256 MiB");
            }
            this.memoryLimit = bytes;
            return this;
        }

        /**
         * Starts the database, on the SQL engine that supports the streaming context's master
         * (DuckDB for the local masters).
         *
         * @throws IllegalStateException when a retention is set without a history file
         * @throws IllegalStateException when no SQL engine on the class path supports the master
         * @throws IllegalArgumentException when the time zone is unknown to the database
         * @throws SqlException when the database cannot start or the history file cannot be opened
         *     (another process has it open, say)
         */
        public SqlContext build() {
            if (historyRetention != null && historyFile == null) {
                throw new IllegalStateException(
                        "historyRetention("
                                + historyRetention.pretty()
                                + ") needs a history file: also call history(Path.of(\"ember.duckdb\"))");
            }
            if (timeZone != null) {
                return start(timeZone);
            }
            try {
                return start(ZoneId.systemDefault());
            } catch (IllegalArgumentException e) {
                LOG.warn(
                        "the JVM's time zone {} is unknown to the SQL database; timestamps of"
                                + " '{}' show in UTC (set one with timeZone(ZoneId))",
                        ZoneId.systemDefault().getId(),
                        ssc.appName());
                return start(ZoneId.of("UTC"));
            }
        }

        private SqlContext start(ZoneId zone) {
            SqlEngineSettings settings =
                    new SqlEngineSettings(
                            ssc.appName(),
                            ssc.master(),
                            historyFile,
                            historyRetention == null ? 0 : historyRetention.milliseconds(),
                            zone,
                            Boolean.TRUE.equals(externalAccess),
                            memoryLimit == null ? DEFAULT_MEMORY_LIMIT : memoryLimit);
            return new SqlContext(ssc, SqlEngines.create(settings), zone);
        }

        private static void requireUnset(String setting, Object earlier) {
            if (earlier != null) {
                throw new IllegalStateException(
                        setting + " was already set to " + earlier + "; set it once");
            }
        }
    }
}
