package dev.ember.sql;

import dev.ember.streaming.Duration;
import dev.ember.streaming.Durations;
import java.util.Objects;

/**
 * The limits of a {@link ReadOnlySql}: how long a query may run, and how many rows and bytes its
 * result may hold. Immutable; the {@code with...} methods return a copy with one limit changed:
 *
 * <pre>{@code
 * ReadOnlySql console = sql.readOnly(ReadOnlyLimits.DEFAULT.withTimeout(Durations.seconds(2)));
 * }</pre>
 *
 * <p>The byte limit counts what the result holds in memory: the length in UTF-8 bytes of strings,
 * of binary values and of the text form of lists, maps and structs, the width of other values, and
 * 16 bytes for each value, null or not. A result holds the longest first part of the rows that fits
 * both limits; {@link DataFrame#isTruncated()} says whether rows were left out.
 */
public final class ReadOnlyLimits {
    /** 10 seconds, 10,000 rows, 16 MiB. */
    public static final ReadOnlyLimits DEFAULT =
            new ReadOnlyLimits(Durations.seconds(10), 10_000, 16L << 20);

    private final Duration timeout;
    private final int maxRows;
    private final long maxBytes;

    private ReadOnlyLimits(Duration timeout, int maxRows, long maxBytes) {
        this.timeout = timeout;
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
    }

    /**
     * These limits with {@code timeout}: how long a query may run before it is cancelled.
     *
     * @throws IllegalArgumentException when the timeout is not positive
     */
    public ReadOnlyLimits withTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.milliseconds() <= 0) {
            throw new IllegalArgumentException(
                    "read-only statement timeout must be positive, got "
                            + timeout.pretty()
                            + "; use for example Durations.seconds(10)");
        }
        return new ReadOnlyLimits(timeout, maxRows, maxBytes);
    }

    /**
     * These limits with {@code maxRows}: the most rows a result holds.
     *
     * @throws IllegalArgumentException when {@code maxRows} is less than 1
     */
    public ReadOnlyLimits withMaxRows(int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException(
                    "read-only maxRows must be at least 1, got "
                            + maxRows
                            + "; use for example 1000");
        }
        return new ReadOnlyLimits(timeout, maxRows, maxBytes);
    }

    /**
     * These limits with {@code maxBytes}: the most bytes a result holds, counted as the class
     * comment says.
     *
     * @throws IllegalArgumentException when {@code maxBytes} is less than 1,024
     */
    public ReadOnlyLimits withMaxBytes(long maxBytes) {
        if (maxBytes < 1024) {
            throw new IllegalArgumentException(
                    "read-only maxBytes must be at least 1024, got "
                            + maxBytes
                            + "; use for example 1048576 for 1 MiB");
        }
        return new ReadOnlyLimits(timeout, maxRows, maxBytes);
    }

    /** How long a query may run. */
    public Duration timeout() {
        return timeout;
    }

    /** The most rows a result holds. */
    public int maxRows() {
        return maxRows;
    }

    /** The most bytes a result holds. */
    public long maxBytes() {
        return maxBytes;
    }

    /** True for limits with the same timeout, row limit and byte limit. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ReadOnlyLimits l
                && l.timeout.equals(timeout)
                && l.maxRows == maxRows
                && l.maxBytes == maxBytes;
    }

    /** A hash of the three limits, consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return Objects.hash(timeout, maxRows, maxBytes);
    }

    /** Such as {@code 10s, 10000 rows, 16777216 bytes}. */
    @Override
    public String toString() {
        return timeout.pretty() + ", " + maxRows + " rows, " + maxBytes + " bytes";
    }
}
