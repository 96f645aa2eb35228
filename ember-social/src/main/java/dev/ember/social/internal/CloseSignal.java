package dev.ember.social.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/*
 * The closed state of one source, shared by its run thread, its helper threads and close().
 *
 * close() sets the flag, wakes every waiter and runs the abort actions that the connection in use
 * registered (abort a WebSocket, cancel an HTTP body, interrupt a helper thread), so run() returns
 * promptly whatever it is blocked on. An action registered after close() runs at once, which
 * closes the race between "check closed, then open a connection" and a concurrent close().
 * Actions run on the closing thread, outside the lock, and must not block.
 */
public final class CloseSignal {
    private final Object lock = new Object();
    private boolean closed; // guarded by lock
    private final List<Runnable> actions = new ArrayList<>(); // guarded by lock

    /** An abort action's registration; closing it removes the action. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    public void close() {
        List<Runnable> toRun;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            toRun = new ArrayList<>(actions);
            actions.clear();
            lock.notifyAll();
        }
        for (Runnable action : toRun) {
            action.run();
        }
    }

    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** Waits up to {@code nanos}; returns true when closed (before or meanwhile). */
    public boolean await(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        synchronized (lock) {
            while (!closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    /** Runs {@code action} on close, or at once when already closed. */
    public Registration onClose(Runnable action) {
        synchronized (lock) {
            if (!closed) {
                actions.add(action);
                return () -> {
                    synchronized (lock) {
                        actions.remove(action);
                    }
                };
            }
        }
        action.run();
        return () -> {};
    }
}
