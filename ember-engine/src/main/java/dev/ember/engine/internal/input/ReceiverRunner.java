package dev.ember.engine.internal.input;

import dev.ember.spi.ReceiverSupervisor;
import dev.ember.streaming.Receiver;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supervises one receiver and buffers what it stores until the next batch cut.
 *
 * <p>Design: stored records go into blocks (single records into an open block of up to 1024, block
 * stores as given); {@link #cut()} swaps the block list out under the lock, so a record belongs to
 * the first batch whose cut happens after its store returned. The buffer is bounded by a record
 * count: a store that would exceed it waits until the next cut, which slows the receiver
 * (backpressure) rather than growing memory. The receiver's own threads call store; the scheduler
 * calls cut; restarts run on a short-lived thread so a receiver may call restart from its receiving
 * thread.
 */
public final class ReceiverRunner implements ReceiverSupervisor, InputReader {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiverRunner.class);
    private static final int OPEN_BLOCK_SIZE = 1024;

    private final Receiver<?> receiver;
    private final String name;
    private final long maxBuffered;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();

    private List<List<?>> blocks = new ArrayList<>();
    private List<Object> open = new ArrayList<>();

    /** Records stored and not yet released: buffered, or in a batch that has not completed. */
    private long held;

    private volatile boolean started;
    private volatile boolean stopped = true;
    private volatile boolean shutdown;

    public ReceiverRunner(Receiver<?> receiver, String name, long maxBuffered) {
        this.receiver = receiver;
        this.name = name;
        this.maxBuffered = maxBuffered;
    }

    @Override
    public void start() {
        receiver.attachSupervisor(this);
        startReceiver();
    }

    private void startReceiver() {
        stopped = false;
        started = true;
        try {
            receiver.onStart();
        } catch (RuntimeException e) {
            restart("onStart of " + name + " failed", e, 2000);
        }
    }

    @Override
    public void store(Object record) {
        lock.lock();
        try {
            awaitRoom(1);
            open.add(record);
            held++;
            if (open.size() >= OPEN_BLOCK_SIZE) {
                blocks.add(open);
                open = new ArrayList<>();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void storeAll(Iterator<?> records) {
        List<Object> block = new ArrayList<>();
        records.forEachRemaining(block::add);
        storeBlock(block);
    }

    @Override
    public void storeBlock(List<?> records) {
        if (records.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            awaitRoom(records.size());
            if (!open.isEmpty()) {
                blocks.add(open);
                open = new ArrayList<>();
            }
            blocks.add(records);
            held += records.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits while the bound is reached; with nothing held, the next block is always taken whole.
     */
    private void awaitRoom(int records) {
        while (held > 0 && held + records > maxBuffered && !shutdown) {
            try {
                notFull.await(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public List<List<?>> cut() {
        lock.lock();
        try {
            if (!open.isEmpty()) {
                blocks.add(open);
                open = new ArrayList<>();
            }
            List<List<?>> taken = blocks;
            blocks = new ArrayList<>();
            return taken;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void release(long records) {
        lock.lock();
        try {
            held = Math.max(0, held - records);
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void restart(String message, Throwable error, int delayMillis) {
        if (shutdown) {
            return;
        }
        LOG.warn("Restarting {} in {} ms: {}", name, delayMillis, message, error);
        Thread t =
                new Thread(
                        () -> {
                            stopReceiver();
                            try {
                                Thread.sleep(delayMillis);
                            } catch (InterruptedException e) {
                                return;
                            }
                            if (!shutdown) {
                                startReceiver();
                            }
                        },
                        "ember-receiver-restart-" + name);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void stop(String message, Throwable error) {
        if (error != null) {
            LOG.error("{} stopped: {}", name, message, error);
        } else {
            LOG.info("{} stopped: {}", name, message);
        }
        stopReceiver();
    }

    @Override
    public void reportError(String message, Throwable error) {
        LOG.warn("{} reported an error: {}", name, message, error);
    }

    @Override
    public boolean isStarted() {
        return started && !stopped;
    }

    @Override
    public boolean isStopped() {
        return stopped;
    }

    private synchronized void stopReceiver() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            receiver.onStop();
        } catch (RuntimeException e) {
            LOG.warn("onStop of {} failed", name, e);
        }
    }

    @Override
    public void stop() {
        stopReceiver();
        shutdown = true;
        lock.lock();
        try {
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
