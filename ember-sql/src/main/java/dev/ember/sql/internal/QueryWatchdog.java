package dev.ember.sql.internal;

import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels read-only statements that run past their deadline, on one thread of its own.
 *
 * <p>Design note: the timeout must keep working after the JVM ran out of heap, since a query that
 * fills the heap is one of the things it guards against. A scheduled executor does not: a worker
 * that meets an {@link OutOfMemoryError} dies, and later timeouts wait for a thread that is gone.
 * This thread allocates nothing once started: the armed statements live in a fixed array that
 * callers fill (a caller that finds it full waits for a slot, and gets a clear error if none frees
 * up), it sleeps with {@link Object#wait(long)}, and each pass catches every {@link Throwable}, so
 * an error in one pass is counted and the next pass runs. Should the thread end all the same, the
 * next {@link #arm} starts another and logs that it did.
 *
 * <p>Cancelling calls {@link Statement#cancel()}, which interrupts the query inside the database;
 * the query's own thread then sees the failure and reports the timeout.
 */
final class QueryWatchdog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueryWatchdog.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** How many statements may be armed at once; more callers wait for a slot. */
    static final int SLOTS = 256;

    private final String appName;
    private final Object lock = new Object();

    // Guarded by lock. A slot is free when statements[i] is null.
    private final Statement[] statements = new Statement[SLOTS];
    private final long[] deadlines = new long[SLOTS];
    private final boolean[] fired = new boolean[SLOTS];
    private int armed;
    private boolean closed;
    private Thread thread;

    /** Passes that failed with an error and went on, and cancels that failed. */
    private volatile long failedPasses;

    /** Guarded by lock: the count of {@link #failedPasses} last logged. */
    private long loggedFailures;

    QueryWatchdog(String appName) {
        this.appName = appName;
    }

    /**
     * Arms a timer: {@code statement} is cancelled when it runs past {@code timeoutMillis}.
     *
     * @return the slot to give to {@link #disarm}
     * @throws IllegalStateException when the watchdog is closed, or all slots stay busy for longer
     *     than {@code timeoutMillis}
     */
    int arm(Statement statement, long timeoutMillis) {
        long now = System.nanoTime();
        long deadline = now + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (lock) {
            ensureRunning();
            long failures = failedPasses;
            if (failures != loggedFailures) {
                // Logged here, on a query's thread: the watchdog's own thread allocates nothing.
                LOG.warn(
                        "the read-only timeout thread of '{}' met {} errors (an OutOfMemoryError,"
                                + " most likely) and went on",
                        appName,
                        failures - loggedFailures);
                loggedFailures = failures;
            }
            while (armed == SLOTS && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException(
                            "the read-only queries of '"
                                    + appName
                                    + "' are all busy: "
                                    + SLOTS
                                    + " run at once and none ended within the timeout of "
                                    + timeoutMillis
                                    + " ms; run fewer at a time");
                }
                try {
                    waitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(
                            "interrupted while waiting for a free read-only query slot of '"
                                    + appName
                                    + "'",
                            e);
                }
            }
            if (closed) {
                throw new IllegalStateException(
                        "the SQL context of '"
                                + appName
                                + "' is closed: create a new SqlContext to run queries");
            }
            for (int i = 0; i < SLOTS; i++) {
                if (statements[i] == null) {
                    statements[i] = statement;
                    deadlines[i] = deadline;
                    fired[i] = false;
                    armed++;
                    lock.notifyAll();
                    return i;
                }
            }
            throw new IllegalStateException("no free slot although " + armed + " are armed");
        }
    }

    /**
     * Disarms the timer of {@code slot}. Once this returns, the statement will not be cancelled.
     *
     * @return true when the timer had already cancelled the statement
     */
    boolean disarm(int slot) {
        synchronized (lock) {
            boolean wasFired = fired[slot];
            statements[slot] = null;
            fired[slot] = false;
            armed--;
            lock.notifyAll();
            return wasFired;
        }
    }

    private void ensureRunning() {
        if (closed || (thread != null && thread.isAlive())) {
            return;
        }
        if (thread != null) {
            LOG.error(
                    "the read-only timeout thread {} of '{}' had ended; starting another",
                    thread.getName(),
                    appName);
        }
        Thread t =
                new Thread(
                        this::run,
                        "ember-sql-timeout-" + appName + "-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        t.start();
        thread = t;
    }

    private void run() {
        while (true) {
            try {
                synchronized (lock) {
                    if (closed) {
                        return;
                    }
                    long next = cancelDue();
                    if (next == Long.MAX_VALUE) {
                        lock.wait();
                    } else {
                        waitNanos(next - System.nanoTime());
                    }
                }
            } catch (InterruptedException e) {
                synchronized (lock) {
                    if (closed) {
                        return;
                    }
                }
            } catch (Throwable t) {
                // Most likely an OutOfMemoryError met by this thread: keep going, or no later
                // query would ever time out.
                failedPasses++;
            }
        }
    }

    /** Cancels the statements past their deadline; the earliest deadline still to come. */
    private long cancelDue() {
        long now = System.nanoTime();
        long next = Long.MAX_VALUE;
        for (int i = 0; i < SLOTS; i++) {
            Statement s = statements[i];
            if (s == null || fired[i]) {
                continue;
            }
            if (deadlines[i] - now <= 0) {
                fired[i] = true;
                cancel(s);
            } else if (next == Long.MAX_VALUE || deadlines[i] - next < 0) {
                next = deadlines[i];
            }
        }
        return next;
    }

    private void cancel(Statement s) {
        try {
            s.cancel();
        } catch (Exception e) {
            failedPasses++;
        }
    }

    /** Waits on the lock, which the caller holds, for up to {@code nanos}. */
    private void waitNanos(long nanos) throws InterruptedException {
        if (nanos > 0) {
            long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
            lock.wait(millis, (int) (nanos - TimeUnit.MILLISECONDS.toNanos(millis)));
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }
}
