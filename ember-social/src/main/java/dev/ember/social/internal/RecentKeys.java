package dev.ember.social.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/*
 * The keys of recently delivered posts, for dropping the duplicates that a resumed or parallel
 * connection delivers again. Memory is bounded twice: forgetBefore(t) drops keys older than a
 * time (the rewind window of a resume), and the capacity drops the oldest key whatever its time,
 * so a burst can never grow the set without limit; a key dropped early may let one duplicate
 * through, which delivery "at least once" allows. Insertion order is taken as time order, so
 * forgetBefore stops at the first key that is recent enough. Not thread-safe.
 */
public final class RecentKeys {
    private final int capacity;
    private final LinkedHashMap<String, Long> keys;

    public RecentKeys(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
        this.keys =
                new LinkedHashMap<>(16, 0.75f, false) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                        return size() > RecentKeys.this.capacity;
                    }
                };
    }

    /** Remembers {@code key} seen at {@code time}; false when it was already remembered. */
    public boolean add(String key, long time) {
        if (keys.containsKey(key)) {
            return false;
        }
        keys.put(key, time);
        return true;
    }

    public boolean contains(String key) {
        return keys.containsKey(key);
    }

    /** Forgets the keys remembered with a time before {@code time}, oldest first. */
    public void forgetBefore(long time) {
        Iterator<Long> it = keys.values().iterator();
        while (it.hasNext() && it.next() < time) {
            it.remove();
        }
    }

    public int size() {
        return keys.size();
    }

    public int capacity() {
        return capacity;
    }
}
