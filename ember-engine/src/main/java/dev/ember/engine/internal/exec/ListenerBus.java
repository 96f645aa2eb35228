package dev.ember.engine.internal.exec;

import dev.ember.engine.internal.batch.FatalError;
import dev.ember.streaming.scheduler.StreamingListener;
import dev.ember.streaming.scheduler.StreamingListenerEvent;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a running graph's events to the program's listeners on a thread of its own, so that a
 * slow listener never delays a batch.
 *
 * <p>Design: posting never blocks: events go into a bounded queue, and when it is full (a listener
 * far behind) the event is dropped and counted, with a warning at most every ten seconds. One
 * thread delivers the events in order to the listeners the program's live list holds at that
 * moment; a listener that throws is logged and goes on receiving. {@link #stop} delivers what was
 * queued before it, within a bound, so a stopped program's listeners have seen its last batch.
 */
final class ListenerBus {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerBus.class);
    private static final int CAPACITY = 10_000;
    private static final long DROP_WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final String appName;
    private final List<StreamingListener> listeners;
    private final BlockingQueue<StreamingListenerEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile long lastDropWarning;

    /** Told of a JVM error met while delivering, with what the bus was doing. */
    interface FatalHandler {
        void fatal(Throwable error, String activity);
    }

    private final FatalHandler fatal;

    ListenerBus(String appName, List<StreamingListener> listeners, FatalHandler fatal) {
        this.appName = appName;
        this.listeners = listeners;
        this.fatal = fatal;
        this.thread = new Thread(this::deliver, "ember-listener-bus-" + appName);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Queues {@code event} for delivery; never blocks. */
    void post(StreamingListenerEvent event) {
        if (listeners.isEmpty() || queue.offer(event)) {
            return;
        }
        long n = dropped.incrementAndGet();
        long now = System.nanoTime();
        if (n == 1 || now - lastDropWarning > DROP_WARNING_INTERVAL_NANOS) {
            lastDropWarning = now;
            LOG.warn(
                    "A streaming listener of '{}' is too slow: its event queue of {} is full and {}"
                            + " event(s) have been dropped so far; batches go on",
                    appName,
                    CAPACITY,
                    n);
        }
    }

    private void deliver() {
        try {
            while (!stopping || !queue.isEmpty()) {
                StreamingListenerEvent event = queue.poll(50, TimeUnit.MILLISECONDS);
                if (event == null) {
                    continue;
                }
                for (StreamingListener listener : listeners) {
                    try {
                        event.dispatchTo(listener);
                    } catch (Error e) {
                        if (!FatalError.isFatal(e)) {
                            throw e;
                        }
                        fatal.fatal(
                                e,
                                "delivering "
                                        + event.getClass().getSimpleName()
                                        + " to listener "
                                        + listener.getClass().getName());
                        return;
                    } catch (RuntimeException e) {
                        LOG.warn(
                                "Streaming listener {} of '{}' failed on {}",
                                listener.getClass().getName(),
                                appName,
                                event.getClass().getSimpleName(),
                                e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Delivers what is queued, for at most {@code timeoutMillis}, then stops delivering. */
    void stop(long timeoutMillis) {
        stopping = true;
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
            LOG.warn(
                    "Streaming listeners of '{}' did not take their last {} event(s) within {} ms"
                            + " of the stop; they are dropped",
                    appName,
                    queue.size(),
                    timeoutMillis);
        }
        long n = dropped.get();
        if (n > 0) {
            LOG.warn("{} streaming listener event(s) of '{}' were dropped in all", n, appName);
        }
    }
}
