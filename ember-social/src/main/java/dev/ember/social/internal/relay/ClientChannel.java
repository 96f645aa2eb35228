package dev.ember.social.internal.relay;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One client of the relay: its non-blocking channel and its cursor into the {@link LineLog}.
 *
 * <p>The cursor is the number of the next line to take from the log, plus the one line being
 * written when a write ended inside it. That line is held here, not in the log, so that a client
 * always gets whole lines: when the log evicts lines this client had not written yet, it loses them
 * whole, and they are counted as dropped the moment the network thread notices ({@link #catchUp} or
 * the next {@link #write}). Lines handed to the kernel in full count as sent; on {@link #unsent},
 * everything offered but not sent counts as dropped, so {@code sent + dropped} is every line
 * offered to the client while it was connected.
 *
 * <p>Only the network thread touches an instance.
 */
final class ClientChannel {
    final SocketChannel channel;
    final SocketAddress address;
    SelectionKey key;

    /** Where this client is in the network thread's list, for removal in constant time. */
    int index;

    private final ThrottledWarning drops = new ThrottledWarning();
    private long next;
    private byte[] partial;
    private int partialOffset;
    private long sent;
    private long dropped;
    private boolean waitingForWrite;

    ClientChannel(SocketChannel channel, SocketAddress address, long firstLine) {
        this.channel = channel;
        this.address = address;
        this.next = firstLine;
    }

    long sent() {
        return sent;
    }

    long dropped() {
        return dropped;
    }

    /** The number of the next line to take from the log. */
    long next() {
        return next;
    }

    /** Whether the socket was full at the last write and the channel waits to be writable. */
    boolean waitingForWrite() {
        return waitingForWrite;
    }

    /** Whether every line before {@code tail} has been handed to the kernel. */
    boolean caughtUp(long tail) {
        return partial == null && next >= tail;
    }

    /**
     * Counts as dropped the lines this client lost because the log evicted them; returns how many
     * were lost now.
     */
    long catchUp(long head) {
        if (next >= head) {
            return 0;
        }
        long lost = head - next;
        next = head;
        dropped += lost;
        return lost;
    }

    /** Records {@code lost} dropped lines at {@code nowNanos}; returns how many to report now. */
    long reportDrops(long lost, long nowNanos) {
        return drops.record(lost, nowNanos);
    }

    /** Every line dropped so far has been reported once when this is the first report. */
    boolean firstDropReport(long reported) {
        return reported == drops.total();
    }

    /**
     * Writes the pending lines until they are all written or the socket is full, and sets the
     * channel's interest in writability accordingly.
     *
     * @return the lines that turned out lost (evicted before this client wrote them), to report
     * @throws IOException when the client has gone away
     */
    long write(LineLog log, LineLog.Batch batch, ByteBuffer scratch) throws IOException {
        long lost = 0;
        boolean full = false;
        while (!full) {
            scratch.clear();
            if (partial != null) {
                scratch.put(
                        partial,
                        partialOffset,
                        Math.min(partial.length - partialOffset, scratch.remaining()));
            }
            batch.count = 0;
            if (scratch.hasRemaining()) {
                log.read(next, batch, scratch.remaining());
                long skipped = batch.first - next;
                if (skipped > 0) {
                    next = batch.first;
                    dropped += skipped;
                    lost += skipped;
                }
                for (int i = 0; i < batch.count && scratch.hasRemaining(); i++) {
                    byte[] line = batch.lines[i];
                    scratch.put(line, 0, Math.min(line.length, scratch.remaining()));
                }
            }
            scratch.flip();
            if (!scratch.hasRemaining()) {
                batch.clear();
                break;
            }
            int bytes = channel.write(scratch);
            full = scratch.hasRemaining();
            advance(bytes, batch);
            batch.clear();
        }
        if (full != waitingForWrite) {
            waitingForWrite = full;
            key.interestOps(
                    full ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }
        return lost;
    }

    /** Moves the cursor past {@code bytes} written: the partial line first, then the batch. */
    private void advance(int bytes, LineLog.Batch batch) {
        int left = bytes;
        if (partial != null) {
            int rest = partial.length - partialOffset;
            if (left < rest) {
                partialOffset += left;
                return;
            }
            left -= rest;
            partial = null;
            sent++;
        }
        for (int i = 0; i < batch.count && left > 0; i++) {
            byte[] line = batch.lines[i];
            next++;
            if (left < line.length) {
                partial = line;
                partialOffset = left;
                return;
            }
            left -= line.length;
            sent++;
        }
    }

    /**
     * Counts every line offered but not sent as dropped, once the client is gone: the partial line
     * and every line from the cursor up to {@code tail}. Returns how many.
     */
    long unsent(long tail) {
        long unsent = (partial == null ? 0 : 1) + Math.max(0, tail - next);
        partial = null;
        next = Math.max(next, tail);
        dropped += unsent;
        return unsent;
    }
}
