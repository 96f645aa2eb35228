package dev.ember.sql;

import java.util.Objects;

/**
 * How to sort by one column, as Spark's {@code asc("col")} and {@code desc("col")}: import the
 * factories statically and write {@code frame.sort(desc("count"), asc("tag"))}.
 *
 * <p>As in Spark, ascending order puts nulls first and descending order puts them last; {@link
 * #nullsFirst()} and {@link #nullsLast()} choose otherwise. Strings compare by Unicode code point,
 * which is the order of their UTF-8 bytes, as Spark compares them. Immutable.
 */
public final class SortOrder {
    private final String column;
    private final boolean ascending;
    private final boolean nullsFirst;

    private SortOrder(String column, boolean ascending, boolean nullsFirst) {
        this.column = column;
        this.ascending = ascending;
        this.nullsFirst = nullsFirst;
    }

    /** Ascending by {@code column}, nulls first. */
    public static SortOrder asc(String column) {
        return new SortOrder(requireColumn(column), true, true);
    }

    /** Descending by {@code column}, nulls last. */
    public static SortOrder desc(String column) {
        return new SortOrder(requireColumn(column), false, false);
    }

    /** The same order with nulls before every value. */
    public SortOrder nullsFirst() {
        return new SortOrder(column, ascending, true);
    }

    /** The same order with nulls after every value. */
    public SortOrder nullsLast() {
        return new SortOrder(column, ascending, false);
    }

    /** The column to sort by; matched to a table's columns ignoring case, as in SQL. */
    public String column() {
        return column;
    }

    /** True for ascending order. */
    public boolean isAscending() {
        return ascending;
    }

    /** True when nulls come before every value. */
    public boolean isNullsFirst() {
        return nullsFirst;
    }

    private static String requireColumn(String column) {
        Objects.requireNonNull(column, "column");
        if (column.isBlank()) {
            throw new IllegalArgumentException(
                    "sort column must be a column name, got a blank string");
        }
        return column;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SortOrder s
                && s.column.equals(column)
                && s.ascending == ascending
                && s.nullsFirst == nullsFirst;
    }

    @Override
    public int hashCode() {
        return Objects.hash(column, ascending, nullsFirst);
    }

    /** Spark's form, such as {@code count DESC NULLS LAST}. */
    @Override
    public String toString() {
        return column
                + (ascending ? " ASC" : " DESC")
                + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }
}
