package dev.ember.sql;

import dev.ember.sql.internal.Identifiers;
import dev.ember.sql.internal.Tables;
import dev.ember.sql.spi.Table;
import dev.ember.streaming.Batch;
import dev.ember.streaming.DStream;
import dev.ember.streaming.InvalidPipelineException;
import dev.ember.streaming.StreamingException;
import dev.ember.streaming.Time;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The batches of a stream as tables, on their way to a view: the tutorial's {@code
 * rdd.toDF().sort(desc("count")).limit(10).registerTempTable("tweetsmessi")} inside {@code
 * foreachRDD}, as one line at definition time:
 *
 * <pre>{@code
 * sql.fromStream(hashtagCounts, "tag", "count")
 *         .sort(desc("count"))
 *         .limit(10)
 *         .history()
 *         .registerTempTable("tweetsmessi");
 * }</pre>
 *
 * <p>Made by {@link SqlContext#fromStream}. Immutable: each method returns a new value, so a common
 * prefix can feed several views. {@link #sort} and {@link #limit} apply in the order written.
 * Nothing happens until {@link #createOrReplaceTempView} (or {@link #registerTempTable}) registers
 * an output operation on the stream; from then on, every batch the stream produces (every window,
 * for a windowed stream) replaces the view atomically, and with {@link #history()} is also appended
 * to a history table with the batch time as its {@code window_end}.
 *
 * <p>A failure while updating the view (a value that cannot be a column, the database refusing)
 * stops the streaming context, as a failing output does; the message names the view and where it
 * was defined.
 */
public final class StreamTable {
    private final SqlContext context;
    private final DStream<?> stream;
    private final Class<?> type;
    private final List<String> names;
    private final List<Object> steps;
    private final String historyTable;
    private final boolean history;

    StreamTable(SqlContext context, DStream<?> stream, Class<?> type, List<String> names) {
        this(context, stream, type, names, List.of(), false, null);
    }

    private StreamTable(
            SqlContext context,
            DStream<?> stream,
            Class<?> type,
            List<String> names,
            List<Object> steps,
            boolean history,
            String historyTable) {
        this.context = context;
        this.stream = stream;
        this.type = type;
        this.names = names;
        this.steps = steps;
        this.history = history;
        this.historyTable = historyTable;
    }

    /**
     * Each table sorted by {@code orders}, as {@link DataFrame#sort}. Sort columns are checked now
     * when the columns are known now (a class or column names were given).
     *
     * @throws IllegalArgumentException when a sort column is not one of the known columns
     */
    public StreamTable sort(SortOrder... orders) {
        List<SortOrder> list = List.of(orders);
        if (list.isEmpty()) {
            throw new IllegalArgumentException(
                    "sort needs at least one order, such as desc(\"count\")");
        }
        List<String> known = knownColumns();
        for (SortOrder order : list) {
            if (known != null
                    && known.stream().noneMatch(c -> c.equalsIgnoreCase(order.column()))) {
                throw new IllegalArgumentException(
                        "cannot sort by column '"
                                + order.column()
                                + "': the tables of this stream have the columns "
                                + known);
            }
        }
        return with(list);
    }

    /** The same as {@link #sort}, Spark's other name. */
    public StreamTable orderBy(SortOrder... orders) {
        return sort(orders);
    }

    /** The first {@code n} rows of each table, as {@link DataFrame#limit}. */
    public StreamTable limit(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("limit needs a number of rows >= 0, got " + n);
        }
        return with(n);
    }

    /**
     * Also appends each table to the history table named like the view, with the batch time as
     * {@code window_end}; see {@link DataFrame#appendToHistory}.
     *
     * @throws InvalidPipelineException when the SQL context has no history file
     */
    public StreamTable history() {
        requireHistory("history()");
        return new StreamTable(context, stream, type, names, steps, true, null);
    }

    /** Like {@link #history()}, into history table {@code tableName}. */
    public StreamTable history(String tableName) {
        Identifiers.requirePlainName(tableName, "history table");
        requireHistory("history(\"" + tableName + "\")");
        return new StreamTable(context, stream, type, names, steps, true, tableName);
    }

    /**
     * Registers an output operation on the stream that makes each of its tables the content of temp
     * view {@code viewName}, replacing the previous one atomically (see {@link
     * DataFrame#createOrReplaceTempView}). Call it before the streaming context starts.
     *
     * @throws IllegalArgumentException when the name is not a valid view name
     * @throws InvalidPipelineException when the stream belongs to another streaming context than
     *     the SQL context
     * @throws IllegalStateException when the streaming context has started
     */
    public void createOrReplaceTempView(String viewName) {
        Identifiers.requirePlainName(viewName, "view");
        if (stream.context() != context.streamingContext()) {
            throw new InvalidPipelineException(
                    "view '"
                            + viewName
                            + "' is fed by a stream of context '"
                            + stream.context().appName()
                            + "' but its SQL context serves '"
                            + context.streamingContext().appName()
                            + "'; create the SqlContext from the stream's StreamingContext");
        }
        String site = callSite();
        String target = historyTable == null ? viewName : historyTable;
        stream.foreachRDD((batch, time) -> update(batch, time, viewName, target, site));
    }

    /** The same as {@link #createOrReplaceTempView}, under the tutorial's name. */
    public void registerTempTable(String viewName) {
        createOrReplaceTempView(viewName);
    }

    private void update(Batch<?> batch, Time time, String viewName, String target, String site) {
        try {
            Table table =
                    Tables.fromElements(batch.collect(), type, names, "view '" + viewName + "'");
            for (Object step : steps) {
                if (step instanceof Integer n) {
                    table = Tables.limit(table, n);
                } else {
                    @SuppressWarnings("unchecked")
                    List<SortOrder> orders = (List<SortOrder>) step;
                    table = Tables.sort(table, orders);
                }
            }
            context.engine().replaceView(viewName, table);
            if (history) {
                context.engine()
                        .appendHistory(target, Instant.ofEpochMilli(time.milliseconds()), table);
            }
        } catch (SqlException e) {
            throw new SqlException(
                    prefix(viewName, site, time) + e.getMessage(), e.query(), e.reason(), e);
        } catch (RuntimeException e) {
            throw new StreamingException(prefix(viewName, site, time) + e.getMessage(), e);
        }
    }

    private static String prefix(String viewName, String site, Time time) {
        return "view '"
                + viewName
                + "'"
                + (site == null ? "" : " (defined at " + site + ")")
                + " could not take the batch at "
                + time
                + ": ";
    }

    private StreamTable with(Object step) {
        List<Object> more = new ArrayList<>(steps);
        more.add(step);
        return new StreamTable(
                context, stream, type, names, List.copyOf(more), history, historyTable);
    }

    /** The columns every table will have, when a class or names fix them; null otherwise. */
    private List<String> knownColumns() {
        if (!names.isEmpty()) {
            return names;
        }
        return type == null ? null : Tables.columnNames(type, names);
    }

    private void requireHistory(String call) {
        if (!context.engine().hasHistory()) {
            throw new InvalidPipelineException(
                    call
                            + " of a stream of '"
                            + context.streamingContext().appName()
                            + "' needs a history file: create the SqlContext with"
                            + " SqlContext.builder(ssc).history(Path.of(\"ember.duckdb\")).build()");
        }
    }

    /** Where user code defined the view: the first frame outside this class. */
    private static String callSite() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(
                        frames ->
                                frames.filter(f -> f.getDeclaringClass() != StreamTable.class)
                                        .findFirst()
                                        .map(f -> f.getFileName() + ":" + f.getLineNumber())
                                        .orElse(null));
    }

    @Override
    public String toString() {
        return "StreamTable["
                + (type == null ? names : type.getSimpleName())
                + ", "
                + steps
                + "]"
                + (history ? " with history" : "");
    }
}
