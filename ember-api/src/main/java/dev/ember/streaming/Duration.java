package dev.ember.streaming;

import java.io.Serializable;

/**
 * A span of time with millisecond precision, as Spark's {@code Duration}: batch intervals, window
 * lengths and slides.
 *
 * <p>Immutable. {@link #toString()} gives {@code "<ms> ms"} as Spark does; {@link #pretty()} gives
 * the short form used in messages and on the command line ({@code 500ms}, {@code 10s}, {@code 2m}).
 */
public final class Duration implements Comparable<Duration>, Serializable {
    private static final long serialVersionUID = 1L;

    private final long millis;

    /** Creates a duration of {@code millis} milliseconds; negative values are rejected. */
    public Duration(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException(
                    "duration must not be negative, got " + millis + " ms");
        }
        this.millis = millis;
    }

    /** The length in milliseconds. */
    public long milliseconds() {
        return millis;
    }

    /** True when this duration is a whole, non-zero multiple of {@code that}. */
    public boolean isMultipleOf(Duration that) {
        return that.millis != 0 && millis % that.millis == 0;
    }

    /** True when this duration is zero. */
    public boolean isZero() {
        return millis == 0;
    }

    /** This duration plus {@code that}. */
    public Duration plus(Duration that) {
        return new Duration(Math.addExact(millis, that.millis));
    }

    /** This duration minus {@code that}; the result must not be negative. */
    public Duration minus(Duration that) {
        return new Duration(millis - that.millis);
    }

    /** This duration multiplied by {@code times}. */
    public Duration times(int times) {
        return new Duration(Math.multiplyExact(millis, times));
    }

    /** How many times {@code that} fits in this duration, rounded down. */
    public long div(Duration that) {
        return millis / that.millis;
    }

    /** True when this duration is longer than {@code that}. */
    public boolean greater(Duration that) {
        return millis > that.millis;
    }

    /** True when this duration is shorter than {@code that}. */
    public boolean less(Duration that) {
        return millis < that.millis;
    }

    /**
     * The shortest exact human form: {@code 2m}, {@code 10s}, {@code 1500ms}, as accepted by the
     * command line.
     */
    public String pretty() {
        if (millis != 0 && millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis != 0 && millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }

    /**
     * Parses the command-line form: a whole number followed by {@code ms}, {@code s}, {@code m} or
     * {@code h} ({@code 500ms}, {@code 1s}, {@code 2m}).
     *
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static Duration parse(String text) {
        String t = text.trim();
        int unitStart = 0;
        while (unitStart < t.length() && Character.isDigit(t.charAt(unitStart))) {
            unitStart++;
        }
        if (unitStart == 0 || unitStart > 18) {
            throw invalid(text);
        }
        long amount = Long.parseLong(t.substring(0, unitStart));
        long unitMillis =
                switch (t.substring(unitStart)) {
                    case "ms" -> 1L;
                    case "s" -> 1_000L;
                    case "m" -> 60_000L;
                    case "h" -> 3_600_000L;
                    default -> throw invalid(text);
                };
        return new Duration(Math.multiplyExact(amount, unitMillis));
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException(
                "invalid duration '"
                        + text
                        + "': write a whole number and a unit, such as 500ms, 1s, 2m or 1h");
    }

    @Override
    public int compareTo(Duration that) {
        return Long.compare(millis, that.millis);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Duration d && d.millis == millis;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(millis);
    }

    /** Spark's form: {@code "<ms> ms"}. */
    @Override
    public String toString() {
        return millis + " ms";
    }
}
