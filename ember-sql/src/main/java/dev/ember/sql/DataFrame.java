package dev.ember.sql;

import dev.ember.sql.internal.Identifiers;
import dev.ember.sql.internal.Tables;
import dev.ember.sql.spi.Column;
import dev.ember.sql.spi.Table;
import dev.ember.streaming.Time;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A table of rows with named, typed columns: what {@link SqlContext#sql(String)} returns and what
 * {@link SqlContext#createDataFrame} makes of a batch, as Spark's {@code Dataset<Row>}.
 *
 * <p>Unlike Spark's, a frame holds its rows: it is computed when made, never changes, and is safe
 * to share between threads. {@link #sort}, {@link #limit} and {@link #toDF(String...)} return new
 * frames; {@link #createOrReplaceTempView} makes the rows queryable by name.
 */
public final class DataFrame {
    private static final int DEFAULT_ROWS = 20;
    private static final int DEFAULT_TRUNCATE = 20;

    private final SqlContext context;
    private final Table table;
    private final boolean truncated;
    private final List<String> columns;

    DataFrame(SqlContext context, Table table, boolean truncated) {
        this.context = context;
        this.table = table;
        this.truncated = truncated;
        this.columns = List.copyOf(table.columnNames());
    }

    /** The column names, in order, as Spark's {@code columns()}. */
    public List<String> columns() {
        return columns;
    }

    /** The columns with their types, in order. */
    public List<StructField> schema() {
        List<StructField> fields = new ArrayList<>(table.columns().size());
        for (Column c : table.columns()) {
            fields.add(new StructField(c.name(), c.type()));
        }
        return List.copyOf(fields);
    }

    /** The number of rows. */
    public long count() {
        return table.rows().size();
    }

    /** True when there are no rows. */
    public boolean isEmpty() {
        return table.rows().isEmpty();
    }

    /** Every row, in order, in an unmodifiable list. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>(table.rows().size());
        for (Object[] values : table.rows()) {
            rows.add(Row.wrap(columns, values));
        }
        return List.copyOf(rows);
    }

    /** Every row: Spark's name for {@link #rows()}. */
    public List<Row> collectAsList() {
        return rows();
    }

    /** The first {@code n} rows (fewer if there are fewer). */
    public List<Row> take(int n) {
        requireNonNegative("take", n);
        return limit(n).rows();
    }

    /**
     * The first row.
     *
     * @throws NoSuchElementException when there are no rows
     */
    public Row first() {
        if (table.rows().isEmpty()) {
            throw new NoSuchElementException(
                    "first() of a frame with no rows (columns " + columns + "); check isEmpty()");
        }
        return Row.wrap(columns, table.rows().get(0));
    }

    /**
     * The rows as objects of {@code type}, as Spark's {@code as(Encoders.bean(type))} followed by
     * {@code collectAsList()}: a record gets each component from the column of the same name
     * (ignoring case; extra columns are ignored), a JavaBean through its setters, a {@code Tuple2}
     * from two columns, and a value class such as {@code Long} or {@code String} from one column.
     * Numbers convert when they fit, so a {@code count(*)} fills an {@code int}.
     *
     * @throws IllegalArgumentException when a component has no column, a value does not fit its
     *     component (naming the row), or the class cannot be made from rows
     */
    public <R> List<R> as(Class<R> type) {
        Objects.requireNonNull(type, "type");
        if (type == Row.class) {
            return rows().stream().map(type::cast).toList();
        }
        return List.copyOf(context.binder().bind(table, type));
    }

    /**
     * This frame sorted by {@code orders}, the first the most significant, as Spark's {@code sort}:
     * {@code sort(desc("count"), asc("tag"))}. Ascending order puts nulls first and descending
     * last, as in Spark. The sort is stable.
     *
     * @throws IllegalArgumentException when a column does not exist or its values have no order
     */
    public DataFrame sort(SortOrder... orders) {
        return new DataFrame(context, Tables.sort(table, orderList(orders)), truncated);
    }

    /** The same as {@link #sort}, Spark's other name. */
    public DataFrame orderBy(SortOrder... orders) {
        return sort(orders);
    }

    /** The first {@code n} rows of this frame, as Spark's {@code limit}. */
    public DataFrame limit(int n) {
        requireNonNegative("limit", n);
        return new DataFrame(context, Tables.limit(table, n), truncated);
    }

    /**
     * This frame with its columns renamed, in order, as Spark's {@code toDF(colNames...)}.
     *
     * @throws IllegalArgumentException when the number of names differs from the number of columns,
     *     or names repeat
     */
    public DataFrame toDF(String... columnNames) {
        List<String> names = List.copyOf(Arrays.asList(columnNames));
        if (names.size() != columns.size()) {
            throw new IllegalArgumentException(
                    "toDF got "
                            + names.size()
                            + " column names "
                            + names
                            + " for a frame of "
                            + columns.size()
                            + " columns "
                            + columns
                            + "; give one name per column");
        }
        Tables.requireColumnNames(names, "toDF");
        return new DataFrame(context, Tables.withColumnNames(table, names), truncated);
    }

    /**
     * True when this frame holds only the first rows of a read-only query's result: the query
     * returned more than the row limit. Always false for other frames.
     */
    public boolean isTruncated() {
        return truncated;
    }

    /**
     * Makes these rows the content of temp view {@code viewName}, replacing what it held, as
     * Spark's {@code createOrReplaceTempView}. The replacement is atomic: a query running on
     * another thread sees the previous rows or these, never a mix, and does not wait.
     *
     * <p>Columns of type {@link DataType#NULL} keep the type they had in the view before. A frame
     * without columns (an empty batch made without column names) leaves the view's columns with no
     * rows, and registers nothing when the view does not exist yet.
     *
     * @param viewName letters, digits and underscores, not starting with a digit; matched ignoring
     *     case, as SQL does
     * @throws IllegalArgumentException when the name is not valid, or a column's type cannot be
     *     stored (a struct)
     * @throws SqlException when the database refuses, for example because a table of the program's
     *     has that name
     */
    public void createOrReplaceTempView(String viewName) {
        Identifiers.requirePlainName(viewName, "view");
        context.engine().replaceView(viewName, table);
    }

    /**
     * The same as {@link #createOrReplaceTempView}, under Spark 1.x's name that the tutorial uses.
     */
    public void registerTempTable(String tableName) {
        createOrReplaceTempView(tableName);
    }

    /**
     * Appends these rows to history table {@code tableName}, each with {@code windowEnd} in the
     * first column {@code window_end}, creating the table from these columns on first use; then
     * removes the rows older than the context's retention. Empty frames append nothing.
     *
     * @throws IllegalStateException when the context has no history file, or the table exists with
     *     other columns
     * @throws IllegalArgumentException when the name is not valid or a column is named {@code
     *     window_end}
     */
    public void appendToHistory(String tableName, Time windowEnd) {
        Identifiers.requirePlainName(tableName, "history table");
        Objects.requireNonNull(windowEnd, "windowEnd");
        context.engine()
                .appendHistory(tableName, Instant.ofEpochMilli(windowEnd.milliseconds()), table);
    }

    /** Prints the first 20 rows as Spark's {@code show()} does; see {@link #show(int, int)}. */
    public void show() {
        show(DEFAULT_ROWS);
    }

    /** Prints the first {@code numRows} rows, cells cut to 20 characters. */
    public void show(int numRows) {
        show(numRows, true);
    }

    /** Prints the first 20 rows, cells cut to 20 characters when {@code truncate}. */
    public void show(boolean truncate) {
        show(DEFAULT_ROWS, truncate);
    }

    /** Prints the first {@code numRows} rows, cells cut to 20 characters when {@code truncate}. */
    public void show(int numRows, boolean truncate) {
        show(numRows, truncate ? DEFAULT_TRUNCATE : 0);
    }

    /**
     * Prints {@link #showString(int, int)} and a line break, as Spark's {@code show}, to where the
     * streaming context's {@code print()} writes ({@code System.out} unless redirected), so that
     * the table lands between the batches it belongs to.
     */
    public void show(int numRows, int truncate) {
        context.out().println(showString(numRows, truncate));
    }

    /**
     * The table Spark's {@code show(numRows, truncate)} prints, character for character, without
     * the final line break:
     *
     * <pre>
     * +-----+-----+
     * | word|total|
     * +-----+-----+
     * |hello|    2|
     * |world|    1|
     * +-----+-----+
     * only showing top 2 rows
     * </pre>
     *
     * Cells longer than {@code truncate} characters are cut to {@code truncate - 3} characters and
     * {@code ...}, and cells are right-aligned; with {@code truncate} 0 nothing is cut and cells
     * are left-aligned. Null shows as {@code NULL}, timestamps as {@code yyyy-MM-dd HH:mm:ss} (with
     * a fraction when there is one) in the session time zone, binary values as hex bytes, control
     * characters escaped. The last line appears only when rows were left out.
     */
    public String showString(int numRows, int truncate) {
        return context.formatter().showString(table, numRows, truncate);
    }

    /**
     * Spark's form: the first two columns with their types, such as {@code [word: string, total:
     * bigint]}.
     */
    @Override
    public String toString() {
        List<StructField> fields = schema();
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < Math.min(2, fields.size()); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(fields.get(i));
        }
        if (fields.size() > 2) {
            int more = fields.size() - 2;
            sb.append(" ... ").append(more).append(more == 1 ? " more field" : " more fields");
        }
        return sb.append(']').toString();
    }

    private static List<SortOrder> orderList(SortOrder[] orders) {
        List<SortOrder> list = List.of(orders);
        if (list.isEmpty()) {
            throw new IllegalArgumentException(
                    "sort needs at least one order, such as desc(\"count\")");
        }
        return list;
    }

    private static void requireNonNegative(String operation, int n) {
        if (n < 0) {
            throw new IllegalArgumentException(
                    operation + " needs a number of rows >= 0, got " + n);
        }
    }
}
