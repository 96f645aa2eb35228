package dev.ember.streaming;

import java.io.Serializable;

/**
 * A point in time in epoch milliseconds, as Spark's {@code Time}; batches are identified by the
 * time at which they end.
 *
 * <p>Immutable. {@link #toString()} is {@code "<ms> ms"}, the form {@code print()} writes.
 */
public final class Time implements Comparable<Time>, Serializable {
    private static final long serialVersionUID = 1L;

    private final long millis;

    /** Creates the time {@code millis} milliseconds after the epoch. */
    public Time(long millis) {
        this.millis = millis;
    }

    /** Shorthand for {@code new Time(millis)}. */
    public static Time ms(long millis) {
        return new Time(millis);
    }

    /** Milliseconds since the epoch. */
    public long milliseconds() {
        return millis;
    }

    /** This time plus {@code duration}. */
    public Time plus(Duration duration) {
        return new Time(millis + duration.milliseconds());
    }

    /** This time minus {@code duration}. */
    public Time minus(Duration duration) {
        return new Time(millis - duration.milliseconds());
    }

    /** The duration from {@code that} to this time; {@code that} must not be later. */
    public Duration minus(Time that) {
        return new Duration(millis - that.millis);
    }

    /** True when this time is a whole multiple of {@code duration} after the epoch. */
    public boolean isMultipleOf(Duration duration) {
        return duration.milliseconds() != 0 && millis % duration.milliseconds() == 0;
    }

    /** The latest multiple of {@code duration} that is not after this time. */
    public Time floor(Duration duration) {
        return new Time(Math.floorDiv(millis, duration.milliseconds()) * duration.milliseconds());
    }

    /** True when this time is later than {@code that}. */
    public boolean greater(Time that) {
        return millis > that.millis;
    }

    /** True when this time is earlier than {@code that}. */
    public boolean less(Time that) {
        return millis < that.millis;
    }

    @Override
    public int compareTo(Time that) {
        return Long.compare(millis, that.millis);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Time t && t.millis == millis;
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
