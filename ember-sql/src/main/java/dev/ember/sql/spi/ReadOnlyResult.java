package dev.ember.sql.spi;

import java.util.Objects;

/**
 * The rows of a read-only query: the longest first part of the result that fits the row and byte
 * limits.
 *
 * @param table the rows kept
 * @param truncated true when the query returned more than was kept
 */
public record ReadOnlyResult(Table table, boolean truncated) {

    /** Checks that the table is there. */
    public ReadOnlyResult {
        Objects.requireNonNull(table, "table");
    }
}
