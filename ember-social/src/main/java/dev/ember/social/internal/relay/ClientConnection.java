package dev.ember.social.internal.relay;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client of the relay: a bounded buffer of lines and the thread that writes them.
 *
 * <p>{@link #offer} never blocks: when the buffer is full, the oldest line is dropped, so a client
 * that reads slowly loses lines instead of slowing the source or growing memory. Lines still
 * buffered or being written when the connection ends count as dropped too, so {@code sent +
 * dropped} is every line offered. The writer takes everything buffered at once, writes it and
 * flushes, so a fast client gets low latency and a busy one few system calls. A failed write means
 * the client went away. {@link #drainAndClose} stops new offers, lets the writer empty the buffer
 * for a bounded time, then closes the socket, which also unblocks a writer stuck on a client that
 * stopped reading.
 */
final class ClientConnection {
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);
    private static final long DROP_REPORT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Socket socket;
    private final OutputStream out;
    private final SocketAddress address;
    private final int capacity;
    private final Consumer<ClientConnection> onGone;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<byte[]> buffer = new ArrayDeque<>();
    private final Thread writer;

    private boolean closing;
    private long dropped;
    private long droppedReported;
    private long lastDropReportNanos;
    private volatile long sent;

    ClientConnection(Socket socket, int capacity, Consumer<ClientConnection> onGone)
            throws IOException {
        this.socket = socket;
        this.capacity = capacity;
        this.onGone = onGone;
        this.address = socket.getRemoteSocketAddress();
        socket.setTcpNoDelay(true);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        this.writer = new Thread(this::writeLoop, "ember-relay-client-" + address);
        writer.setDaemon(true);
    }

    void start() {
        writer.start();
    }

    SocketAddress address() {
        return address;
    }

    long sent() {
        return sent;
    }

    long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    void offer(byte[] line) {
        long droppedNow = 0;
        boolean first = false;
        lock.lock();
        try {
            if (closing) {
                return;
            }
            if (buffer.size() == capacity) {
                buffer.pollFirst();
                dropped++;
                long now = System.nanoTime();
                first = dropped == 1;
                if (first || now - lastDropReportNanos >= DROP_REPORT_INTERVAL_NANOS) {
                    lastDropReportNanos = now;
                    droppedNow = dropped - droppedReported;
                    droppedReported = dropped;
                }
            }
            buffer.addLast(line);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
        if (first) {
            LOG.warn(
                    "client {} reads too slowly: dropping its oldest lines (its buffer of {} lines"
                            + " is full)",
                    address,
                    capacity);
        } else if (droppedNow > 0) {
            LOG.warn("client {} reads too slowly: {} more lines dropped", address, droppedNow);
        }
    }

    private void writeLoop() {
        List<byte[]> lines = new ArrayList<>();
        try {
            while (true) {
                lock.lock();
                try {
                    while (buffer.isEmpty() && !closing) {
                        notEmpty.await();
                    }
                    if (buffer.isEmpty()) {
                        break;
                    }
                    lines.addAll(buffer);
                    buffer.clear();
                } finally {
                    lock.unlock();
                }
                for (byte[] line : lines) {
                    out.write(line);
                }
                out.flush();
                sent += lines.size();
                lines.clear();
            }
        } catch (IOException e) {
            LOG.debug("client {} went away: {}", address, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.lock();
            try {
                closing = true;
                // Lines not written when the connection ends are lost: count them as dropped, so
                // that sent + dropped is every line offered to this client.
                dropped += lines.size() + buffer.size();
                buffer.clear();
            } finally {
                lock.unlock();
            }
            try {
                socket.close();
            } catch (IOException ignored) {
                // the connection is gone either way
            }
            onGone.accept(this);
        }
    }

    /**
     * Stops taking lines and waits up to {@code timeoutMillis} for the buffered ones to be written,
     * then closes the connection.
     */
    void drainAndClose(long timeoutMillis) {
        lock.lock();
        try {
            closing = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
        if (Thread.currentThread() != writer && timeoutMillis > 0) {
            try {
                writer.join(timeoutMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (writer.isAlive()) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the writer ends with an IOException and reports the client gone
            }
        }
    }
}
