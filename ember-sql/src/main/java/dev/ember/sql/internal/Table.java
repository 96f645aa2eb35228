package dev.ember.sql.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The rows of a table in memory: the data behind a {@code DataFrame}. Immutable by convention:
 * nobody writes to the row arrays once a table is built. Values are held in the canonical Java
 * class of their column's type (see {@link ColumnType}).
 */
public final class Table {
    private final List<TableColumn> columns;
    private final List<Object[]> rows;

    /**
     * Creates a table; {@code rows} is taken as is, and each row must have one value per column.
     */
    public Table(List<TableColumn> columns, List<Object[]> rows) {
        this.columns = List.copyOf(columns);
        this.rows = Collections.unmodifiableList(rows);
    }

    /** A table with no columns and no rows. */
    public static Table empty() {
        return new Table(List.of(), List.of());
    }

    /** The columns, in order. */
    public List<TableColumn> columns() {
        return columns;
    }

    /** The rows; do not modify the arrays. */
    public List<Object[]> rows() {
        return rows;
    }

    /** The column names, in order. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        for (TableColumn c : columns) {
            names.add(c.name());
        }
        return names;
    }

    /**
     * The index of the column named {@code name}, ignoring case as SQL does, preferring an exact
     * match; -1 when there is none.
     */
    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().toLowerCase(Locale.ROOT).equals(lower)) {
                return i;
            }
        }
        return -1;
    }

    /** The first {@code n} rows of this table. */
    public Table limit(int n) {
        return n >= rows.size() ? this : new Table(columns, rows.subList(0, n));
    }

    /** This table with its columns renamed, in order. */
    public Table withColumnNames(List<String> names) {
        List<TableColumn> renamed = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            renamed.add(columns.get(i).withName(names.get(i)));
        }
        return new Table(renamed, rows);
    }
}
