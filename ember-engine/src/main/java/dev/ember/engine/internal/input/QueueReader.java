package dev.ember.engine.internal.input;

import dev.ember.spi.SourceReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.RandomAccess;
import java.util.TreeMap;

/**
 * {@code queueStream}: polls the user's queue at each batch time. Offsets count the collections
 * taken; a collection is kept from its cut until its batch has been processed, and never again, so
 * a queue cannot replay (nor can Spark's).
 */
public final class QueueReader implements SourceReader<Object> {
    private final Queue<? extends Collection<?>> queue;
    private final boolean oneAtATime;
    private final TreeMap<Long, List<List<?>>> taken = new TreeMap<>();
    private long polled;
    private List<Object> restored;

    public QueueReader(Queue<? extends Collection<?>> queue, boolean oneAtATime) {
        this.queue = queue;
        this.oneAtATime = oneAtATime;
    }

    @Override
    public void start(String after) {}

    @Override
    public Cut cut() {
        List<List<?>> blocks = new ArrayList<>();
        long records = 0;
        synchronized (taken) {
            if (restored != null) {
                blocks.add(restored);
                records += restored.size();
                restored = null;
            }
        }
        // Users may add from other threads with a plain queue; holding its monitor makes the
        // common synchronized-wrapper and single-writer cases safe.
        synchronized (queue) {
            Collection<?> c;
            while ((c = queue.poll()) != null) {
                List<?> block =
                        c instanceof List<?> l && c instanceof RandomAccess
                                ? l
                                : new ArrayList<>(c);
                blocks.add(block);
                records += block.size();
                if (oneAtATime) {
                    break;
                }
            }
        }
        synchronized (taken) {
            if (!blocks.isEmpty()) {
                polled += blocks.size();
                taken.put(polled, blocks);
            }
            return new Cut(Long.toString(polled), records);
        }
    }

    @Override
    public List<? extends List<?>> read(String from, String to) {
        long start = from == null ? 0 : Long.parseLong(from);
        synchronized (taken) {
            List<List<?>> all = new ArrayList<>();
            for (List<List<?>> blocks :
                    taken.subMap(start, false, Long.parseLong(to), true).values()) {
                all.addAll(blocks);
            }
            return all;
        }
    }

    @Override
    public void processed(String to) {
        synchronized (taken) {
            Map<Long, List<List<?>>> done = taken.headMap(Long.parseLong(to), true);
            done.clear();
        }
    }

    /** The records of batches cut but not processed, in cut order. */
    public List<Object> buffered() {
        synchronized (taken) {
            List<Object> all = new ArrayList<>();
            for (List<List<?>> blocks : taken.values()) {
                blocks.forEach(all::addAll);
            }
            return all;
        }
    }

    /** Puts records saved by {@link #buffered()} back: the first cut takes them. */
    public void restoreBuffered(List<?> records) {
        synchronized (taken) {
            restored = records.isEmpty() ? null : new ArrayList<>(records);
        }
    }

    @Override
    public void close() {}
}
