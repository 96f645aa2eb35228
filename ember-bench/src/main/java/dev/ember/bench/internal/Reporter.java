package dev.ember.bench.internal;

import java.time.Instant;
import java.util.List;

/**
 * What a job's output operation reports. Static, because Spark serialises the output function with
 * the graph when checkpointing is on, and a captured reporter would not serialise.
 */
final class Reporter {
    private static volatile boolean firstSeen;

    private Reporter() {}

    /** A batch's output completed now, having counted {@code words}. */
    static void batch(long batchTime, long words) {
        batch(batchTime, words, null);
    }

    /** {@link #batch(long, long)} with the top keys, {@code key:count,...}, for the log. */
    static void batch(long batchTime, long words, String top) {
        long end = System.currentTimeMillis();
        if (words > 0 && !firstSeen) {
            firstSeen = true;
            Protocol.emit(Protocol.FIRST, "end", end, "t", batchTime);
        }
        if (top == null) {
            Protocol.emit(Protocol.BATCH, "t", batchTime, "end", end, "words", words);
        } else {
            Protocol.emit(Protocol.BATCH, "t", batchTime, "end", end, "words", words, "top", top);
        }
    }

    /** A latency batch's output completed now, holding the markers {@code marks}. */
    static void marks(long batchTime, List<String> markerTokens) {
        long out = micros();
        StringBuilder sb = new StringBuilder();
        for (String m : markerTokens) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(m, Kernel.MARKER_PREFIX.length(), m.length());
        }
        if (!markerTokens.isEmpty() && !firstSeen) {
            firstSeen = true;
            Protocol.emit(Protocol.FIRST, "end", out / 1000, "t", batchTime);
        }
        Protocol.emit(
                Protocol.LAT, "t", batchTime, "out", out, "marks", sb.length() == 0 ? "-" : sb);
    }

    /** Wall-clock microseconds since the epoch, comparable across processes on this machine. */
    static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
