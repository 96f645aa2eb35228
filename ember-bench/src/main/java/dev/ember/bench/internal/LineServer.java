package dev.ember.bench.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The loopback generator: a TCP server on 127.0.0.1 that writes pre-generated lines, cycling
 * through a {@link Corpus}, at a controlled rate to the job that connects to it (as {@code nc -lk}
 * does in the tutorial).
 *
 * <p>Design note: one sender thread paces by a token bucket refilled from {@code System.nanoTime}
 * every half millisecond and writes whole lines in as few {@code write} calls as possible. The
 * bucket holds at most 50 ms of lines, so a job that pushes back (TCP flow control) is offered less
 * than the target, which the harness sees by comparing what was sent with the target. What has been
 * sent is recorded per 10 ms slot (cumulative lines, tokens, hashtags, bytes), so the harness can
 * ask what was sent during any batch interval after the fact. With markers on, every {@code
 * markerEvery}-th line is {@code __ts<epoch micros>}, stamped just before it is written.
 */
final class LineServer implements AutoCloseable {
    private static final long SLOT_MS = 10;
    private static final int SLOTS = 6 * 60 * 100;
    private static final int MAX_CHUNK_LINES = 16_384;

    private final Corpus corpus;
    private final long[] tokenPrefix;
    private final long[] tagPrefix;
    private final ServerSocket server;
    private final Thread sender;
    private final CountDownLatch connected = new CountDownLatch(1);
    private final long startMs = System.currentTimeMillis();
    private final AtomicLongArray lines = new AtomicLongArray(SLOTS);
    private final AtomicLongArray tokens = new AtomicLongArray(SLOTS);
    private final AtomicLongArray tags = new AtomicLongArray(SLOTS);
    private final AtomicLongArray bytes = new AtomicLongArray(SLOTS);
    private final List<Long> markers = new ArrayList<>();

    private volatile double rate;
    private volatile int markerEvery;
    private volatile boolean closed;
    private volatile int lastSlot = -1;
    private volatile int connections;
    private volatile Socket current;

    private long sentLines;
    private long sentTokens;
    private long sentTags;
    private long sentBytes;
    private int position;
    private int sinceMarker;

    /** Starts serving {@code corpus} at {@code linesPerSecond} ({@code +Infinity}: no limit). */
    LineServer(Corpus corpus, double linesPerSecond, int markerEvery) throws IOException {
        this.corpus = corpus;
        this.rate = linesPerSecond;
        this.markerEvery = markerEvery;
        int n = corpus.lines();
        tokenPrefix = new long[n + 1];
        tagPrefix = new long[n + 1];
        for (int i = 0; i < n; i++) {
            tokenPrefix[i + 1] = tokenPrefix[i] + corpus.tokens(i);
            tagPrefix[i + 1] = tagPrefix[i] + corpus.hashtags(i);
        }
        server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        sender = new Thread(this::serve, "line-server-" + server.getLocalPort());
        sender.setDaemon(true);
        sender.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Waits for the job to connect; false on timeout. */
    boolean awaitConnection(long timeoutMs) throws InterruptedException {
        return connected.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** How many connections were accepted (more than one: the job reconnected). */
    int connections() {
        return connections;
    }

    /** Changes the offered rate, in lines per second; 0 pauses. */
    void setRate(double linesPerSecond) {
        rate = linesPerSecond;
    }

    double rate() {
        return rate;
    }

    private void serve() {
        while (!closed) {
            try (Socket socket = server.accept()) {
                current = socket;
                connections++;
                connected.countDown();
                send(socket.getOutputStream());
            } catch (IOException e) {
                // The job went away; wait for it to reconnect unless closed.
            }
        }
    }

    private void send(OutputStream out) throws IOException {
        double bucket = 0;
        long last = System.nanoTime();
        while (!closed) {
            double r = rate;
            long now = System.nanoTime();
            long n;
            if (Double.isInfinite(r)) {
                n = MAX_CHUNK_LINES;
            } else {
                bucket += r * (now - last) / 1e9;
                bucket = Math.min(bucket, Math.max(1, r * 0.05));
                n = (long) bucket;
                bucket -= n;
            }
            last = now;
            if (n > 0) {
                write(out, n);
            }
            record(System.currentTimeMillis());
            if (!Double.isInfinite(r)) {
                LockSupport.parkNanos(500_000);
            }
        }
    }

    private void write(OutputStream out, long n) throws IOException {
        byte[] data = corpus.bytes();
        int total = corpus.lines();
        while (n > 0) {
            int every = markerEvery;
            if (every > 0 && sinceMarker >= every) {
                long stamp = Reporter.micros();
                byte[] marker =
                        (Kernel.MARKER_PREFIX + stamp + "\n").getBytes(StandardCharsets.US_ASCII);
                out.write(marker);
                synchronized (markers) {
                    markers.add(stamp);
                }
                sentLines++;
                sentTokens++;
                sentBytes += marker.length;
                sinceMarker = 0;
                n--;
                continue;
            }
            long chunk = Math.min(n, total - position);
            chunk = Math.min(chunk, MAX_CHUNK_LINES);
            if (every > 0) {
                chunk = Math.min(chunk, every - sinceMarker);
            }
            int from = position;
            int to = from + (int) chunk;
            int len = corpus.offset(to) - corpus.offset(from);
            out.write(data, corpus.offset(from), len);
            sentLines += chunk;
            sentTokens += tokenPrefix[to] - tokenPrefix[from];
            sentTags += tagPrefix[to] - tagPrefix[from];
            sentBytes += len;
            position = to == total ? 0 : to;
            sinceMarker += (int) chunk;
            n -= chunk;
        }
    }

    private void record(long nowMs) {
        int slot = (int) Math.min(SLOTS - 1, (nowMs - startMs) / SLOT_MS);
        int from = lastSlot + 1;
        if (from <= slot - 1 && from > 0) {
            for (int s = from; s < slot; s++) {
                copySlot(s - 1, s);
            }
        }
        lines.set(slot, sentLines);
        tokens.set(slot, sentTokens);
        tags.set(slot, sentTags);
        bytes.set(slot, sentBytes);
        lastSlot = slot;
    }

    private void copySlot(int from, int to) {
        lines.set(to, lines.get(from));
        tokens.set(to, tokens.get(from));
        tags.set(to, tags.get(from));
        bytes.set(to, bytes.get(from));
    }

    /** What was sent before wall-clock time {@code ms}: lines. */
    long linesAt(long ms) {
        return at(lines, ms);
    }

    /** What was sent before {@code ms}: space-separated tokens (words and hashtags). */
    long tokensAt(long ms) {
        return at(tokens, ms);
    }

    /** What was sent before {@code ms}: hashtags. */
    long tagsAt(long ms) {
        return at(tags, ms);
    }

    /** What was sent before {@code ms}: bytes. */
    long bytesAt(long ms) {
        return at(bytes, ms);
    }

    private long at(AtomicLongArray series, long ms) {
        long slot = (ms - startMs) / SLOT_MS - 1;
        if (slot < 0) {
            return 0;
        }
        int last = lastSlot;
        if (last < 0) {
            return 0;
        }
        return series.get((int) Math.min(slot, last));
    }

    /** The send times (epoch microseconds) of the markers written so far. */
    List<Long> markers() {
        synchronized (markers) {
            return new ArrayList<>(markers);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        Socket socket = current;
        if (socket != null) {
            socket.close();
        }
        sender.interrupt();
    }
}
