package dev.ember.ui.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The most recent entries that fit a budget in bytes, oldest first; adding one past the budget
 * drops the oldest until the rest fit again (the newest always stays). Sizes are the callers'
 * estimates of what an entry holds in the heap.
 *
 * <p>Thread-safe: one writer (the listener or window thread) and any number of readers (requests).
 */
final class BoundedHistory<T> {
    private record Entry<T>(T value, long bytes) {}

    private final long maxBytes;
    private final ArrayDeque<Entry<T>> entries = new ArrayDeque<>();
    private long bytes;
    private long dropped;

    BoundedHistory(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized void add(T value, long valueBytes) {
        entries.addLast(new Entry<>(value, valueBytes));
        bytes += valueBytes;
        while (bytes > maxBytes && entries.size() > 1) {
            bytes -= entries.removeFirst().bytes();
            dropped++;
        }
    }

    /** Every entry kept, oldest first. */
    synchronized List<T> all() {
        List<T> list = new ArrayList<>(entries.size());
        for (Entry<T> e : entries) {
            list.add(e.value());
        }
        return list;
    }

    /** The newest {@code n} entries kept, oldest first. */
    synchronized List<T> newest(int n) {
        List<T> list = new ArrayList<>(Math.min(n, entries.size()));
        Iterator<Entry<T>> it = entries.descendingIterator();
        while (it.hasNext() && list.size() < n) {
            list.add(0, it.next().value());
        }
        return list;
    }

    /** The newest entry, or {@code null} when there is none. */
    synchronized T latest() {
        Entry<T> e = entries.peekLast();
        return e == null ? null : e.value();
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized long bytes() {
        return bytes;
    }

    /** How many entries were dropped to stay within the budget. */
    synchronized long dropped() {
        return dropped;
    }
}
