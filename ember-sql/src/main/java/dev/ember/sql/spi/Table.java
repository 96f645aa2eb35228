package dev.ember.sql.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rows with named, typed columns, in memory: what an engine is given to store as a view and what it
 * returns from a query. Immutable by convention: nobody writes to the row arrays once a table is
 * built.
 *
 * <p>Each row holds one value per column, null or of the Java class {@link dev.ember.sql.DataType}
 * names for the column's type: {@code Instant} for {@code TIMESTAMP}, {@code LocalDateTime} for
 * {@code TIMESTAMP_NTZ}, {@code BigDecimal} for {@code DECIMAL}, an unmodifiable {@code List} for
 * {@code ARRAY}, a {@code Map} for {@code MAP}, a {@code Row} for {@code STRUCT}.
 */
public final class Table {
    private final List<Column> columns;
    private final List<Object[]> rows;

    /** A table of {@code rows}, taken as they are; each row must have one value per column. */
    public Table(List<Column> columns, List<Object[]> rows) {
        this.columns = List.copyOf(columns);
        this.rows = Collections.unmodifiableList(rows);
    }

    /** A table with no columns and no rows: what a statement without a result returns. */
    public static Table empty() {
        return new Table(List.of(), List.of());
    }

    /** The columns, in order. */
    public List<Column> columns() {
        return columns;
    }

    /** The rows, in order; do not modify the arrays. */
    public List<Object[]> rows() {
        return rows;
    }

    /** The column names, in order. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        for (Column c : columns) {
            names.add(c.name());
        }
        return names;
    }
}
