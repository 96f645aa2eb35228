package dev.ember.engine.internal.input;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.ember.spi.ReceiverSupervisor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A supervisor that queues what the receiver stores, for tests to take with a bounded wait. */
public final class RecordingSupervisor implements ReceiverSupervisor {
    private static final long WAIT_SECONDS = 5;

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final BlockingQueue<Integer> blockSizes = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> restarts = new LinkedBlockingQueue<>();
    private volatile boolean stopped;

    /** The next stored line; fails when none arrives within a few seconds. */
    String nextLine() throws InterruptedException {
        String line = lines.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(line, "no line stored within " + WAIT_SECONDS + " s");
        return line;
    }

    /** The next {@code count} stored lines, in order. */
    List<String> nextLines(int count) throws InterruptedException {
        List<String> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            result.add(nextLine());
        }
        return result;
    }

    /** Lines stored and not yet taken. */
    List<String> pendingLines() {
        List<String> result = new ArrayList<>();
        lines.drainTo(result);
        return result;
    }

    /** Sizes of the blocks stored with {@code storeBlock}, in order. */
    List<Integer> blockSizes() {
        return new ArrayList<>(blockSizes);
    }

    /** Restart requests, as their messages. */
    List<String> restarts() {
        return new ArrayList<>(restarts);
    }

    void markStopped() {
        stopped = true;
    }

    @Override
    public void store(Object record) {
        lines.add((String) record);
    }

    @Override
    public void storeAll(Iterator<?> records) {
        records.forEachRemaining(this::store);
    }

    @Override
    public void storeBlock(List<?> records) {
        blockSizes.add(records.size());
        for (Object record : records) {
            store(record);
        }
    }

    @Override
    public void restart(String message, Throwable error, int delayMillis) {
        restarts.add(message);
    }

    @Override
    public void stop(String message, Throwable error) {
        stopped = true;
    }

    @Override
    public void reportError(String message, Throwable error) {}

    @Override
    public boolean isStarted() {
        return !stopped;
    }

    @Override
    public boolean isStopped() {
        return stopped;
    }
}
