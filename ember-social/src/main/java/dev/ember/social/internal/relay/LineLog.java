package dev.ember.social.internal.relay;

import java.util.Arrays;

/**
 * The lines the relay broadcasts, held once for all its clients: a window over the sequence of
 * lines, numbered from 0 in the order they were appended.
 *
 * <p>Every client reads the log through its own cursor, the number of the next line it has to
 * write. Since each line is offered to every client connected at the time, a client's unwritten
 * lines are always a run that ends at the newest line; so one window bounded in bytes bounds every
 * client's backlog, and the memory for lines does not grow with the number of clients. A client
 * whose cursor falls before {@link #head()} has lost the lines in between: it read too slowly.
 *
 * <p>The log holds at most {@code capacityBytes}, counting each line's bytes plus {@link
 * #LINE_OVERHEAD_BYTES} for its array and slot (so a flood of short lines is bounded too), and
 * always at least the newest line, however long. {@link #append} never blocks: it evicts the oldest
 * lines.
 *
 * <p>Thread-safe: the source thread appends while the network thread reads. Each method holds the
 * log's monitor only to move references, never for I/O or copying bytes.
 */
final class LineLog {
    /** What a line costs besides its bytes: an array header and its slot in the ring. */
    static final int LINE_OVERHEAD_BYTES = 32;

    private final long capacityBytes;
    private byte[][] ring = new byte[64][];
    private long head;
    private long tail;
    private long heldBytes;

    LineLog(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    /** Appends {@code line}, evicting the oldest lines to stay within the capacity. */
    synchronized void append(byte[] line) {
        long cost = cost(line);
        while (tail > head && heldBytes + cost > capacityBytes) {
            evictOldest();
        }
        if (tail - head == ring.length) {
            grow();
        }
        ring[slot(tail)] = line;
        tail++;
        heldBytes += cost;
    }

    /** Lets go of the lines before {@code line}: every client has written them. */
    synchronized void trim(long line) {
        long end = Math.min(line, tail);
        while (head < end) {
            evictOldest();
        }
    }

    /** The number of the oldest line held. */
    synchronized long head() {
        return head;
    }

    /** The number the next appended line will get: every line before it has been appended. */
    synchronized long tail() {
        return tail;
    }

    /**
     * Fills {@code batch} with the lines from {@code from} on, or from {@link #head()} when those
     * before it are gone: as many as fit in the batch, stopping after the line that reaches {@code
     * maxBytes}.
     */
    synchronized void read(long from, Batch batch, int maxBytes) {
        long first = Math.max(from, head);
        int count = 0;
        long bytes = 0;
        for (long n = first; n < tail && count < batch.lines.length && bytes < maxBytes; n++) {
            byte[] line = ring[slot(n)];
            batch.lines[count++] = line;
            bytes += line.length;
        }
        batch.first = first;
        batch.count = count;
    }

    private void evictOldest() {
        int oldest = slot(head);
        heldBytes -= cost(ring[oldest]);
        ring[oldest] = null;
        head++;
    }

    private int slot(long n) {
        return (int) (n & (ring.length - 1));
    }

    private void grow() {
        byte[][] bigger = new byte[ring.length * 2][];
        for (long n = head; n < tail; n++) {
            bigger[(int) (n & (bigger.length - 1))] = ring[slot(n)];
        }
        ring = bigger;
    }

    private static long cost(byte[] line) {
        return line.length + (long) LINE_OVERHEAD_BYTES;
    }

    /** Lines read from the log: {@code count} lines numbered from {@code first}. */
    static final class Batch {
        final byte[][] lines;
        long first;
        int count;

        Batch(int maxLines) {
            this.lines = new byte[maxLines][];
        }

        /** Lets go of the lines, so that the batch does not keep evicted lines alive. */
        void clear() {
            Arrays.fill(lines, 0, count, null);
            count = 0;
        }
    }
}
