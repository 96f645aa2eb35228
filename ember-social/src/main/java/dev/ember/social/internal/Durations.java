package dev.ember.social.internal;

import java.time.Duration;

/** Durations as log lines show them: {@code 250 ms}, {@code 5 s}, {@code 1.5 s}, {@code 2 min}. */
public final class Durations {
    private Durations() {}

    public static String pretty(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms % 60_000 == 0) {
            return (ms / 60_000) + " min";
        }
        if (ms % 1000 == 0) {
            return (ms / 1000) + " s";
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
