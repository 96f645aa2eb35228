package dev.ember.cli.internal;

import dev.ember.streaming.Duration;
import dev.ember.streaming.Time;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * What a windowed job has done so far, for its progress line and window headers: records read (in
 * total, per recent batch, and so per window and per second), windows emitted, and when the next
 * window is due.
 *
 * <p>Batch times follow the engine's rule (docs/time-and-threads.md): the zero time is the multiple
 * of the batch interval at or before the start, and windows are due at the zero time plus multiples
 * of the slide. The zero time is estimated from the start until the first batch reports, whose time
 * minus one interval is the zero time for certain. Memory: only the batches of the last window (or
 * of the last {@link #RATE_SPAN_MILLIS}, when longer) are kept. Thread-safe: the job thread
 * reports, any thread reads.
 */
final class JobProgress implements BatchRecords {
    /** The span over which the rate is averaged. */
    static final long RATE_SPAN_MILLIS = 10_000;

    private final long batch;
    private final long window;
    private final long slide;
    private final String unit;
    private final ArrayDeque<long[]> recent = new ArrayDeque<>();
    private long zero = Long.MIN_VALUE;
    private boolean zeroKnown;
    private long total;
    private long windows;

    /**
     * @param unit what a record is, in the plural: {@code posts} or {@code lines}
     */
    JobProgress(Duration batch, Duration window, Duration slide, String unit) {
        this.batch = batch.milliseconds();
        this.window = window.milliseconds();
        this.slide = slide.milliseconds();
        this.unit = unit;
    }

    /** The context was started at {@code nowMillis}: estimates the zero time from it. */
    synchronized void started(long nowMillis) {
        if (!zeroKnown) {
            zero = Math.floorDiv(nowMillis, batch) * batch;
        }
    }

    @Override
    public synchronized void batchCompleted(Time batchTime, long records) {
        long time = batchTime.milliseconds();
        if (!zeroKnown) {
            zero = time - batch;
            zeroKnown = true;
        }
        total += records;
        recent.addLast(new long[] {time, records});
        long keep = Math.max(window, RATE_SPAN_MILLIS);
        while (recent.peekFirst()[0] <= time - keep) {
            recent.removeFirst();
        }
    }

    /** A window ending at {@code end} was emitted. */
    synchronized void windowEmitted() {
        windows++;
    }

    /** The plural name of the records: {@code posts} or {@code lines}. */
    String unit() {
        return unit;
    }

    /** How many windows were emitted. */
    synchronized long windows() {
        return windows;
    }

    /** How many records were read in total. */
    synchronized long total() {
        return total;
    }

    /**
     * The start of the window ending at {@code end}: {@code end - window}, or the zero time for the
     * first, partial windows.
     */
    synchronized Time windowStart(Time end) {
        long start = end.milliseconds() - window;
        return Time.ms(zero == Long.MIN_VALUE ? start : Math.max(start, zero));
    }

    /** The records of the batches in {@code (from, to]}, among those still kept. */
    synchronized long recordsIn(Time from, Time to) {
        long sum = 0;
        for (long[] b : recent) {
            if (b[0] > from.milliseconds() && b[0] <= to.milliseconds()) {
                sum += b[1];
            }
        }
        return sum;
    }

    /** The zero time: known after the first batch, estimated from the start before. */
    synchronized long zeroTime() {
        return zero;
    }

    /** Records per second over the last {@link #RATE_SPAN_MILLIS}, or 0 before any batch. */
    synchronized double rate() {
        if (recent.isEmpty()) {
            return 0;
        }
        long last = recent.peekLast()[0];
        long sum = 0;
        int batches = 0;
        for (Iterator<long[]> it = recent.descendingIterator(); it.hasNext(); ) {
            long[] b = it.next();
            if (b[0] <= last - RATE_SPAN_MILLIS) {
                break;
            }
            sum += b[1];
            batches++;
        }
        return sum * 1000.0 / (batches * batch);
    }

    /** The time of the first window due after {@code nowMillis}. */
    synchronized long nextWindow(long nowMillis) {
        if (zero == Long.MIN_VALUE) {
            started(nowMillis);
        }
        return zero + (Math.floorDiv(nowMillis - zero, slide) + 1) * slide;
    }

    /** The progress line, such as {@code read 1234 posts (50/s), 3 windows, next in 7s}. */
    synchronized String status(long nowMillis) {
        long rate = Math.round(rate());
        return "read "
                + total
                + " "
                + unit
                + " ("
                + rate
                + "/s), "
                + windows
                + (windows == 1 ? " window" : " windows")
                + ", next in "
                + untilNext(nextWindow(nowMillis) - nowMillis);
    }

    /** The final counts, such as {@code read 1234 posts, 3 windows}. */
    synchronized String summary() {
        return "read "
                + total
                + " "
                + unit
                + ", "
                + windows
                + (windows == 1 ? " window" : " windows");
    }

    private static String untilNext(long millis) {
        return millis >= 1000 ? (millis + 999) / 1000 + "s" : millis + "ms";
    }
}
