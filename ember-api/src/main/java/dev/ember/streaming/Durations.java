package dev.ember.streaming;

/** Factory methods for {@link Duration}, as Spark's {@code Durations}. */
public final class Durations {
    private Durations() {}

    /** A duration of {@code milliseconds} milliseconds. */
    public static Duration milliseconds(long milliseconds) {
        return new Duration(milliseconds);
    }

    /** A duration of {@code seconds} seconds. */
    public static Duration seconds(long seconds) {
        return new Duration(Math.multiplyExact(seconds, 1_000L));
    }

    /** A duration of {@code minutes} minutes. */
    public static Duration minutes(long minutes) {
        return new Duration(Math.multiplyExact(minutes, 60_000L));
    }
}
