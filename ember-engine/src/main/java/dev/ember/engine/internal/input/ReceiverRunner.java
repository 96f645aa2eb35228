package dev.ember.engine.internal.input;

import dev.ember.engine.internal.batch.FatalError;
import dev.ember.spi.ReceiverSupervisor;
import dev.ember.spi.SourceReader;
import dev.ember.streaming.Receiver;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supervises one receiver and buffers what it stores until the batches that hold it have run: the
 * receiver's side of the runner's one input path ({@link SourceReader}).
 *
 * <p>Design: stored records go into blocks (single records into an open block of up to 1024, block
 * stores as given). Offsets count the records stored since the start. {@link #cut()} seals the
 * blocks stored so far under the lock as the segment ending at the current count, so a record
 * belongs to the first batch whose cut happens after its store returned; {@link #read} hands the
 * sealed segment to the batch, and {@link #processed} drops it. The buffer is bounded by a record
 * count over both the open blocks and the sealed segments not yet processed: a store that would
 * exceed it waits, which slows the receiver (backpressure) rather than growing memory. Nothing is
 * kept once processed, so a receiver cannot replay.
 *
 * <p>Threads: the receiver's own threads call store; the scheduler calls cut; the job thread reads
 * and releases; restarts run on a short-lived thread so a receiver may call restart from its
 * receiving thread.
 */
public final class ReceiverRunner implements ReceiverSupervisor, SourceReader<Object> {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiverRunner.class);
    private static final int OPEN_BLOCK_SIZE = 1024;

    /** What a receiver's life looks like from outside, for the runner's listeners. */
    public interface Events {
        void started();

        void error(String message, Throwable error);

        void stopped(String message, Throwable error);

        /** A JVM error met in {@code thread} (see {@code FatalError}): the context must stop. */
        void fatal(Throwable error, String thread);
    }

    /** Stops the context on a JVM error met by a thread, saying what it was doing. */
    public interface FatalHandler {
        void fatal(Throwable error, String thread, String activity);
    }

    private static final Events NO_EVENTS =
            new Events() {
                @Override
                public void started() {}

                @Override
                public void error(String message, Throwable error) {}

                @Override
                public void stopped(String message, Throwable error) {}

                @Override
                public void fatal(Throwable error, String thread) {}
            };

    private final Receiver<?> receiver;
    private final String name;
    private final long maxBuffered;
    private final Events events;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();

    private List<List<?>> blocks = new ArrayList<>();
    private List<Object> open = new ArrayList<>();

    /** Sealed segments not yet processed, by the offset they end at. */
    private final TreeMap<Long, List<List<?>>> sealed = new TreeMap<>();

    /** Records stored since the start: the offset of the next cut. */
    private long stored;

    /** The offset of the previous cut. */
    private long lastCut;

    /** Records stored and not yet processed: buffered, or in a batch that has not completed. */
    private long held;

    /** The last thread seen storing, so the watch is installed once per thread, cheaply. */
    private volatile Thread lastStorer;

    private volatile boolean started;
    private volatile boolean stopped = true;
    private volatile boolean shutdown;

    public ReceiverRunner(Receiver<?> receiver, String name, long maxBuffered) {
        this(receiver, name, maxBuffered, NO_EVENTS);
    }

    public ReceiverRunner(Receiver<?> receiver, String name, long maxBuffered, Events events) {
        this.receiver = receiver;
        this.name = name;
        this.maxBuffered = maxBuffered;
        this.events = events;
    }

    /**
     * Starts the receiver; a receiver cannot resume after an offset, so {@code after} is unused.
     */
    @Override
    public void start(String after) {
        ReceiverSupervisor.attach(receiver, this);
        startReceiver();
    }

    private void startReceiver() {
        stopped = false;
        started = true;
        events.started();
        try {
            receiver.onStart();
        } catch (RuntimeException e) {
            restart("onStart of " + name + " failed", e, 2000);
        } catch (Error e) {
            if (!FatalError.isFatal(e)) {
                throw e;
            }
            events.fatal(e, Thread.currentThread().getName());
        }
    }

    /**
     * Makes a JVM error that ends a thread storing into this receiver stop the context, instead of
     * the thread dying silently while the stream goes on without its records: the receiver's own
     * threads are not the runner's, so the watch goes on the first store of each thread.
     */
    private void watch() {
        Thread thread = Thread.currentThread();
        if (thread == lastStorer) {
            return;
        }
        lastStorer = thread;
        Thread.UncaughtExceptionHandler current = thread.getUncaughtExceptionHandler();
        if (!(current instanceof FatalWatch)) {
            thread.setUncaughtExceptionHandler(new FatalWatch(current));
        }
    }

    /** Reports JVM errors that end a storing thread; hands every other throwable on. */
    private final class FatalWatch implements Thread.UncaughtExceptionHandler {
        private final Thread.UncaughtExceptionHandler previous;

        FatalWatch(Thread.UncaughtExceptionHandler previous) {
            this.previous = previous;
        }

        @Override
        public void uncaughtException(Thread thread, Throwable error) {
            if (FatalError.isFatal(error)) {
                events.fatal(error, thread.getName());
            } else if (previous != null) {
                previous.uncaughtException(thread, error);
            }
        }
    }

    @Override
    public void store(Object record) {
        watch();
        lock.lock();
        try {
            awaitRoom(1);
            open.add(record);
            held++;
            stored++;
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
        watch();
        lock.lock();
        try {
            awaitRoom(records.size());
            if (!open.isEmpty()) {
                blocks.add(open);
                open = new ArrayList<>();
            }
            blocks.add(records);
            held += records.size();
            stored += records.size();
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
    public Cut cut() {
        lock.lock();
        try {
            if (!open.isEmpty()) {
                blocks.add(open);
                open = new ArrayList<>();
            }
            long records = stored - lastCut;
            if (records > 0) {
                sealed.put(stored, blocks);
                blocks = new ArrayList<>();
            }
            lastCut = stored;
            return new Cut(Long.toString(stored), records);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<? extends List<?>> read(String from, String to) {
        long start = from == null ? 0 : Long.parseLong(from);
        long end = Long.parseLong(to);
        lock.lock();
        try {
            Map<Long, List<List<?>>> range = sealed.subMap(start, false, end, true);
            if (range.size() == 1) {
                return range.values().iterator().next();
            }
            List<List<?>> all = new ArrayList<>();
            range.values().forEach(all::addAll);
            return all;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void processed(String to) {
        long end = Long.parseLong(to);
        lock.lock();
        try {
            Map<Long, List<List<?>>> done = sealed.headMap(end, true);
            for (List<List<?>> segment : done.values()) {
                for (List<?> block : segment) {
                    held -= block.size();
                }
            }
            done.clear();
            held = Math.max(0, held);
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The records held now, in store order: those of batches cut but not processed, then those
     * stored since the last cut.
     */
    public List<Object> buffered() {
        lock.lock();
        try {
            List<Object> all = new ArrayList<>();
            for (List<List<?>> segment : sealed.values()) {
                segment.forEach(all::addAll);
            }
            blocks.forEach(all::addAll);
            all.addAll(open);
            return all;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Puts records saved by {@link #buffered()} back before the receiver starts: they form the
     * first batch, ahead of what the receiver stores.
     */
    public void restoreBuffered(List<?> records) {
        if (records.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            blocks.add(0, new ArrayList<>(records));
            held += records.size();
            stored += records.size();
        } finally {
            lock.unlock();
        }
    }

    /** Records stored since the start. */
    public long stored() {
        lock.lock();
        try {
            return stored;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void restart(String message, Throwable error, int delayMillis) {
        if (shutdown) {
            return;
        }
        if (FatalError.isFatal(error)) {
            events.fatal(error, Thread.currentThread().getName());
            return;
        }
        LOG.warn("Restarting {} in {} ms: {}", name, delayMillis, message, error);
        events.error(message, error);
        Thread t =
                new Thread(
                        () -> {
                            stopReceiver(message, error);
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
        if (FatalError.isFatal(error)) {
            events.fatal(error, Thread.currentThread().getName());
            return;
        }
        if (error != null) {
            LOG.error("{} stopped: {}", name, message, error);
        } else {
            LOG.info("{} stopped: {}", name, message);
        }
        stopReceiver(message, error);
    }

    @Override
    public void reportError(String message, Throwable error) {
        if (FatalError.isFatal(error)) {
            events.fatal(error, Thread.currentThread().getName());
            return;
        }
        LOG.warn("{} reported an error: {}", name, message, error);
        events.error(message, error);
    }

    @Override
    public boolean isStarted() {
        return started && !stopped;
    }

    @Override
    public boolean isStopped() {
        return stopped;
    }

    private synchronized void stopReceiver(String message, Throwable error) {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            receiver.onStop();
        } catch (RuntimeException e) {
            LOG.warn("onStop of {} failed", name, e);
        }
        events.stopped(message, error);
    }

    /** Stops the receiver for good; blocks already stored stay available to the next cut. */
    @Override
    public void close() {
        stopReceiver("the context stopped", null);
        shutdown = true;
        lock.lock();
        try {
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
