package dev.ember.streaming;

import java.io.Serializable;

/**
 * Options of {@link StreamingContext#socketTextStream(String, int, SocketOptions)}. Immutable; each
 * {@code with} method returns a copy.
 *
 * <p>Defaults: lines up to 1 MiB of UTF-8; reconnection after a lost or refused connection starting
 * at 100 ms and doubling up to 5 s.
 */
public final class SocketOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The default longest line: 1 MiB. */
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

    private final int maxLineBytes;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    private SocketOptions(int maxLineBytes, Duration initialBackoff, Duration maxBackoff) {
        this.maxLineBytes = maxLineBytes;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** The defaults. */
    public static SocketOptions defaults() {
        return new SocketOptions(
                DEFAULT_MAX_LINE_BYTES, Durations.milliseconds(100), Durations.seconds(5));
    }

    /**
     * Lines longer than {@code maxLineBytes} bytes are skipped, counted and logged, never delivered
     * in pieces.
     */
    public SocketOptions withMaxLineBytes(int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException(
                    "maxLineBytes must be at least 1, got " + maxLineBytes);
        }
        return new SocketOptions(maxLineBytes, initialBackoff, maxBackoff);
    }

    /**
     * After a lost or refused connection, waits {@code initialBackoff} before the first retry and
     * doubles the wait after each failed retry up to {@code maxBackoff}.
     */
    public SocketOptions withBackoff(Duration initialBackoff, Duration maxBackoff) {
        if (initialBackoff.isZero() || maxBackoff.less(initialBackoff)) {
            throw new IllegalArgumentException(
                    "backoff must start above 0 and end at or above its start, got "
                            + initialBackoff.pretty()
                            + " to "
                            + maxBackoff.pretty());
        }
        return new SocketOptions(maxLineBytes, initialBackoff, maxBackoff);
    }

    /** The longest line accepted, in bytes. */
    public int maxLineBytes() {
        return maxLineBytes;
    }

    /** The wait before the first reconnection attempt. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** The longest wait between reconnection attempts. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    @Override
    public String toString() {
        return "SocketOptions[maxLineBytes="
                + maxLineBytes
                + ", backoff="
                + initialBackoff.pretty()
                + ".."
                + maxBackoff.pretty()
                + "]";
    }
}
