package dev.ember.engine.internal.input;

import dev.ember.streaming.Receiver;
import dev.ember.streaming.SocketOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * What socketTextStream runs on the local runner: a TCP client that connects to host:port, reads
 * UTF-8 lines and stores them in blocks.
 *
 * Data path: one 64 KiB read buffer, split in place by LineSplitter, lines collected into an
 * ArrayList handed over with store(List) once it holds BLOCK_LINES lines or the socket has nothing
 * more to read right now. The second rule keeps a line typed into nc from waiting for 4095 others;
 * the first bounds a block under a fast sender. A new list is made after each store because the
 * runner may keep the one it was given.
 *
 * Failures: network errors never stop the receiver. A refused, lost or unresolvable connection is
 * retried with backoff (initialBackoff doubling to maxBackoff, back to initialBackoff after a
 * connect), with one WARN per outage and an INFO once connected again. The unfinished last line is
 * delivered at a clean end of stream, as Spark's reader does, and dropped on a reset. Anything else
 * (a bug, the runner refusing a block) restarts the receiver through its supervisor, as Spark's
 * SocketReceiver does.
 *
 * Concurrency: each onStart() makes one ReceiveLoop with one daemon thread; onStop() detaches it,
 * marks it stopped, closes its socket (which ends a blocking connect or read at once) and signals
 * its condition (which ends a backoff wait at once). onStop() does not join: it may be called from
 * the receiving thread itself (through restart), and the thread touches nothing shared after it
 * sees the stop. Because a restart makes a new ReceiveLoop, a thread that is slow to notice its
 * stop can never consume the next run's data. Counters span restarts and may be read from any
 * thread.
 *
 * The local runner never serializes receivers; should anything else, readResolve rebuilds the
 * transient parts from the three configuration fields.
 */
public final class SocketTextReceiver extends Receiver<String> {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(SocketTextReceiver.class);

    static final int READ_BUFFER_BYTES = 64 * 1024;
    static final int BLOCK_LINES = 4096;

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final long OVERSIZED_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
    // The supervisor can report isStopped() without calling onStop(); a backoff wait wakes this
    // often to notice that too.
    private static final long STOP_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final String host;
    private final int port;
    private final SocketOptions options;

    private final transient String endpoint;
    private final transient Object lock = new Object();
    private transient ReceiveLoop current; // guarded by lock
    private final transient AtomicLong linesReceived = new AtomicLong();
    private final transient AtomicLong oversizedLines = new AtomicLong();
    private final transient AtomicLong failedConnects = new AtomicLong();

    public SocketTextReceiver(String host, int port, SocketOptions options) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.options = Objects.requireNonNull(options, "options");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(
                    "port of socket stream " + host + " must be between 1 and 65535, got " + port);
        }
        this.endpoint = host + ":" + port;
    }

    @Override
    public void onStart() {
        synchronized (lock) {
            if (current != null) {
                return;
            }
            current = new ReceiveLoop();
            current.thread.start();
        }
    }

    @Override
    public void onStop() {
        ReceiveLoop loop;
        synchronized (lock) {
            loop = current;
            current = null;
        }
        if (loop != null) {
            loop.stop();
        }
    }

    /** Lines stored so far, over all connections. */
    public long linesReceived() {
        return linesReceived.get();
    }

    /** Lines skipped for being longer than {@link SocketOptions#maxLineBytes()}. */
    public long oversizedLines() {
        return oversizedLines.get();
    }

    /** Connection attempts that failed (refused, unknown host, timed out). */
    public long failedConnects() {
        return failedConnects.get();
    }

    /** The receiving thread of the current run, or null when not started. */
    public Thread receivingThread() {
        synchronized (lock) {
            return current == null ? null : current.thread;
        }
    }

    @Override
    public String toString() {
        return "SocketTextReceiver[" + endpoint + ", " + options + "]";
    }

    private Object readResolve() {
        return new SocketTextReceiver(host, port, options);
    }

    private final class ReceiveLoop implements Runnable {
        final Thread thread;
        private final ReentrantLock loopLock = new ReentrantLock();
        private final Condition stopSignal = loopLock.newCondition();
        private volatile boolean stopped;
        private Socket socket; // guarded by loopLock

        private final byte[] buffer = new byte[READ_BUFFER_BYTES];
        private final LineSplitter splitter = new LineSplitter(options.maxLineBytes());
        private long oversizedSeen;
        private long lastOversizedLogNanos;
        private boolean oversizedLogged;
        private int lastBlockSize = 16;

        ReceiveLoop() {
            thread = new Thread(this, "ember-socket-receiver-" + endpoint);
            thread.setDaemon(true);
        }

        void stop() {
            Socket s;
            loopLock.lock();
            try {
                stopped = true;
                stopSignal.signalAll();
                s = socket;
                socket = null;
            } finally {
                loopLock.unlock();
            }
            closeQuietly(s);
        }

        private boolean stopping() {
            return stopped || isStopped();
        }

        @Override
        public void run() {
            try {
                receive();
            } catch (InterruptedException e) {
                // An interrupt is the runner's way to end this thread for good.
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                if (!stopping()) {
                    restart("socket receiver for " + endpoint + " failed", e);
                }
            } finally {
                loopLock.lock();
                try {
                    closeQuietly(socket);
                    socket = null;
                } finally {
                    loopLock.unlock();
                }
                log.debug("socket receiver for {} stopped", endpoint);
            }
        }

        private void receive() throws InterruptedException {
            long initialBackoff =
                    TimeUnit.MILLISECONDS.toNanos(options.initialBackoff().milliseconds());
            long maxBackoff = TimeUnit.MILLISECONDS.toNanos(options.maxBackoff().milliseconds());
            long backoff = initialBackoff;
            boolean connectedBefore = false;
            boolean inOutage = false; // a WARN was logged for the current outage
            int failedInOutage = 0;
            while (!stopping()) {
                Socket s = null;
                try {
                    s = connect();
                } catch (IOException e) {
                    if (stopping()) {
                        return;
                    }
                    failedConnects.incrementAndGet();
                    failedInOutage++;
                    if (!inOutage) {
                        log.warn("{}", connectFailure(e));
                        inOutage = true;
                    } else {
                        log.debug("connecting to {} failed again: {}", endpoint, e.toString());
                    }
                }
                if (s != null) {
                    if (failedInOutage > 0) {
                        log.info(
                                "{} to {} after {} failed attempt(s)",
                                connectedBefore ? "reconnected" : "connected",
                                endpoint,
                                failedInOutage);
                    } else if (connectedBefore) {
                        log.info("reconnected to {}", endpoint);
                    } else {
                        log.info("connected to {}", endpoint);
                    }
                    connectedBefore = true;
                    inOutage = false;
                    failedInOutage = 0;
                    backoff = initialBackoff;
                    String reason;
                    try {
                        readLines(s);
                        reason = "closed by the server";
                    } catch (IOException e) {
                        reason = e.getMessage() == null ? e.toString() : e.getMessage();
                    } finally {
                        release(s);
                    }
                    if (stopping()) {
                        return;
                    }
                    log.warn(
                            "connection to {} lost ({}); reconnecting with backoff up to {}",
                            endpoint,
                            reason,
                            options.maxBackoff().pretty());
                    inOutage = true;
                }
                if (awaitStop(backoff)) {
                    return;
                }
                backoff = Math.min(backoff * 2, maxBackoff);
            }
        }

        /**
         * Returns a socket connected to the first address of the host that accepts, or null when
         * stopped first. Every address is tried because "localhost" may resolve to ::1 first while
         * the server listens on 127.0.0.1 only.
         */
        private Socket connect() throws IOException {
            IOException failure = null;
            for (InetAddress address : InetAddress.getAllByName(host)) {
                Socket s = new Socket();
                loopLock.lock();
                try {
                    if (stopped) {
                        return null;
                    }
                    // Registered before connecting so that stop() can abort a connect in progress.
                    socket = s;
                } finally {
                    loopLock.unlock();
                }
                try {
                    s.setKeepAlive(true);
                    s.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MILLIS);
                    return s;
                } catch (IOException e) {
                    release(s);
                    if (failure != null) {
                        e.addSuppressed(failure);
                    }
                    failure = e;
                } catch (RuntimeException e) {
                    release(s);
                    throw e;
                }
            }
            throw failure;
        }

        private void release(Socket s) {
            loopLock.lock();
            try {
                if (socket == s) {
                    socket = null;
                }
            } finally {
                loopLock.unlock();
            }
            closeQuietly(s);
        }

        private void readLines(Socket s) throws IOException {
            InputStream in = s.getInputStream();
            splitter.reset();
            List<String> block = newBlock();
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    splitter.endOfStream(block);
                    noteOversized();
                    if (!block.isEmpty()) {
                        storeBlock(block);
                    }
                    return;
                }
                int pos = 0;
                while (pos < n) {
                    pos = splitter.split(buffer, pos, n, block, BLOCK_LINES);
                    if (block.size() >= BLOCK_LINES) {
                        storeBlock(block);
                        block = newBlock();
                    }
                }
                noteOversized();
                if (!block.isEmpty() && in.available() == 0) {
                    storeBlock(block);
                    block = newBlock();
                }
            }
        }

        private List<String> newBlock() {
            return new ArrayList<>(lastBlockSize);
        }

        private void storeBlock(List<String> block) {
            if (stopping()) {
                return;
            }
            lastBlockSize = Math.max(16, Math.min(block.size(), BLOCK_LINES));
            // Counted before store(), which may block under backpressure, so that the count
            // never lags behind what the runner already holds.
            linesReceived.addAndGet(block.size());
            store(block);
        }

        private void noteOversized() {
            long total = splitter.oversizedLines();
            if (total == oversizedSeen) {
                return;
            }
            oversizedLines.addAndGet(total - oversizedSeen);
            oversizedSeen = total;
            long now = System.nanoTime();
            if (oversizedLogged && now - lastOversizedLogNanos < OVERSIZED_LOG_INTERVAL_NANOS) {
                return;
            }
            oversizedLogged = true;
            lastOversizedLogNanos = now;
            log.warn(
                    "skipped a line longer than {} bytes from socket {} ({} skipped so far);"
                            + " raise the limit with SocketOptions.withMaxLineBytes(int) if such"
                            + " lines are expected",
                    options.maxLineBytes(),
                    endpoint,
                    oversizedLines.get());
        }

        /** Waits up to {@code nanos}; returns true when stopped meanwhile. */
        private boolean awaitStop(long nanos) throws InterruptedException {
            long deadline = System.nanoTime() + nanos;
            loopLock.lock();
            try {
                while (!stopping()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    stopSignal.awaitNanos(Math.min(left, STOP_CHECK_NANOS));
                }
                return true;
            } finally {
                loopLock.unlock();
            }
        }
    }

    private static void closeQuietly(Socket s) {
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (IOException e) {
            log.debug("closing socket failed", e);
        }
    }

    /** The one WARN line of an outage: what failed and what to check. */
    private String connectFailure(IOException e) {
        if (e instanceof UnknownHostException) {
            return "host '"
                    + host
                    + "' of socket stream "
                    + endpoint
                    + " is unknown; retrying with backoff up to "
                    + options.maxBackoff().pretty()
                    + ": check the host name";
        }
        return "connection to "
                + endpoint
                + " "
                + (e instanceof ConnectException ? "refused" : "failed")
                + " ("
                + e.getMessage()
                + "); reconnecting with backoff up to "
                + options.maxBackoff().pretty()
                + ": is a server listening there (for example nc -lk "
                + port
                + ")?";
    }
}
