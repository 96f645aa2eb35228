package dev.ember.engine.internal.input;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;

/*
 * Splits a byte stream into UTF-8 lines on '\n', dropping a '\r' before it.
 *
 * Works on the caller's read buffer: a line that lies wholly inside one buffer is decoded straight
 * from it; only the unfinished tail of a buffer is copied, into a carry array that grows up to the
 * line limit. Splitting on the byte 0x0A before decoding is safe because that byte never occurs
 * inside a multi-byte UTF-8 sequence, so a character cut by a buffer boundary is whole again once
 * the carry and the next buffer are joined. Malformed bytes decode to U+FFFD; decoding never
 * throws.
 *
 * A line longer than maxLineBytes (not counting its terminator) is never delivered, not even in
 * part: once the carry would exceed the limit, the splitter discards bytes up to the next '\n'. The
 * carry may hold one byte more than the limit so that a '\r' at the limit is still stripped.
 *
 * Not thread-safe: one receiving thread owns it.
 */
public final class LineSplitter {
    private static final int INITIAL_CARRY_BYTES = 256;
    // A carry grown by one long line is released on reset instead of being kept for good.
    private static final int RETAINED_CARRY_BYTES = 64 * 1024;
    private static final int MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

    private final int maxLineBytes;
    private byte[] carry = new byte[INITIAL_CARRY_BYTES];
    private int carryLength;
    private boolean skipping;
    private long oversizedLines;

    public LineSplitter(int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException(
                    "maxLineBytes must be at least 1, got " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Adds the lines ended in {@code bytes[from, to)} to {@code lines} and keeps an unfinished tail
     * for the next call. Stops early once {@code lines} holds {@code maxLines} elements and returns
     * where it stopped; call again from there after taking the lines away.
     */
    public int split(byte[] bytes, int from, int to, List<String> lines, int maxLines) {
        int pos = from;
        while (pos < to && lines.size() < maxLines) {
            int newline = indexOfNewline(bytes, pos, to);
            if (newline < 0) {
                hold(bytes, pos, to);
                return to;
            }
            if (skipping) {
                skipping = false;
            } else if (carryLength == 0) {
                emit(bytes, pos, newline, lines);
            } else if ((long) carryLength + (newline - pos) > maxLineBytes + 1L) {
                oversizedLines++;
                carryLength = 0;
            } else {
                append(bytes, pos, newline);
                emit(carry, 0, carryLength, lines);
                carryLength = 0;
            }
            pos = newline + 1;
        }
        return pos;
    }

    /** Delivers an unfinished last line, as a reader does at the end of a stream. */
    public void endOfStream(List<String> lines) {
        if (!skipping && carryLength > 0) {
            emit(carry, 0, carryLength, lines);
        }
        reset();
    }

    /** Forgets any unfinished line, for a new connection. */
    public void reset() {
        carryLength = 0;
        skipping = false;
        if (carry.length > RETAINED_CARRY_BYTES) {
            carry = new byte[INITIAL_CARRY_BYTES];
        }
    }

    /** Lines skipped for being longer than the limit, since this splitter was made. */
    public long oversizedLines() {
        return oversizedLines;
    }

    private static int indexOfNewline(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void hold(byte[] bytes, int from, int to) {
        if (skipping) {
            return;
        }
        if ((long) carryLength + (to - from) > maxLineBytes + 1L) {
            // Counted now rather than at its '\n', which may never come if the connection drops.
            oversizedLines++;
            skipping = true;
            carryLength = 0;
            return;
        }
        append(bytes, from, to);
    }

    private void append(byte[] bytes, int from, int to) {
        int length = to - from;
        int needed = carryLength + length;
        if (needed > carry.length) {
            long grown = Math.max(needed, 2L * carry.length);
            long limit = Math.max(needed, Math.min(maxLineBytes + 1L, MAX_ARRAY_BYTES));
            byte[] bigger = new byte[(int) Math.min(grown, limit)];
            System.arraycopy(carry, 0, bigger, 0, carryLength);
            carry = bigger;
        }
        System.arraycopy(bytes, from, carry, carryLength, length);
        carryLength = needed;
    }

    private void emit(byte[] bytes, int from, int to, List<String> lines) {
        int end = to;
        if (end > from && bytes[end - 1] == '\r') {
            end--;
        }
        int length = end - from;
        if (length > maxLineBytes) {
            oversizedLines++;
        } else {
            lines.add(length == 0 ? "" : new String(bytes, from, length, UTF_8));
        }
    }
}
