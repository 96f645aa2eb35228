package dev.ember.social.internal.relay;

import java.util.concurrent.TimeUnit;

/**
 * Decides when a repeated event deserves a log line: the first time at once, then at most once
 * every ten seconds with the number of events since the last line. So a client that keeps reading
 * too slowly, or a flood of refused connections, gives a few lines with exact counts rather than
 * one line per event. Not thread-safe: each instance belongs to the network thread.
 */
final class ThrottledWarning {
    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private long events;
    private long reported;
    private long lastReportNanos;

    /**
     * Records {@code n} more events at {@code nowNanos}; returns how many to report now (every
     * event since the last report), or 0 to stay quiet. The first report is the one whose count
     * equals {@link #total()}.
     */
    long record(long n, long nowNanos) {
        boolean first = events == 0;
        events += n;
        if (!first && nowNanos - lastReportNanos < INTERVAL_NANOS) {
            return 0;
        }
        lastReportNanos = nowNanos;
        long unreported = events - reported;
        reported = events;
        return unreported;
    }

    /** Every event recorded so far. */
    long total() {
        return events;
    }
}
