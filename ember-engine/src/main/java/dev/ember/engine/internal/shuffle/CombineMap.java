package dev.ember.engine.internal.shuffle;

import dev.ember.engine.internal.batch.Part;
import dev.ember.streaming.Tuple2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An insertion-ordered hash map for combining values by key, built for the shuffle's hot loop.
 *
 * <p>Entries live in dense parallel arrays in insertion order (so iteration is a plain array scan
 * and output order is the order of first appearance); an open-addressing table, probed linearly,
 * finds them. Each slot packs the key's hash (high half) with its entry index plus one (low half),
 * so a probe compares hashes without touching the entry arrays: one cache miss per lookup in the
 * common case instead of two. Slots are chosen from the high bits of the multiplied hash, because
 * the low bits already chose the shuffle partition and are the same for every key in this map.
 *
 * <p>Keyed state uses the same map with a {@code long} per entry (its bookkeeping time) and
 * removal: removing an entry moves the last entry into its place, so the entry arrays stay dense,
 * and closes the freed slot by shifting later slots of its probe run back (no tombstones, so
 * lookups never slow down as keys come and go). Entry indexes therefore change on removal: callers
 * that scan and remove go from the last entry to the first.
 *
 * <p>Not thread-safe: each map belongs to one task.
 */
public final class CombineMap {
    private static final int GOLDEN = 0x9E3779B9;

    private Object[] keys;

    /** Per entry, the key's {@link #shortForm}, or 0 when it has none. */
    private long[] shortKeys;

    private Object[] values;
    private long[] longs;
    private int[] hashes;
    private int size;
    private long[] slots;
    private int shift;

    public CombineMap() {
        this(16);
    }

    /** A map whose values are primitive longs (see {@link #addLong}). */
    public static CombineMap ofLongs(int expectedSize) {
        CombineMap map = new CombineMap(expectedSize);
        map.longs = new long[map.keys.length];
        return map;
    }

    public CombineMap(int expectedSize) {
        int capacity = Integer.highestOneBit(Math.max(4, expectedSize) * 2 - 1) << 1;
        keys = new Object[capacity / 2];
        shortKeys = new long[capacity / 2];
        values = new Object[capacity / 2];
        hashes = new int[capacity / 2];
        slots = new long[capacity];
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
    }

    /** Every entry as a {@code (key, value)} pair, in insertion order: a copy, not a view. */
    public Part pairs() {
        List<Object> pairs = new ArrayList<>(size);
        for (int e = 0; e < size; e++) {
            pairs.add(new Tuple2<>(keys[e], values[e]));
        }
        return Part.of(pairs);
    }

    /**
     * A copy of the entries' keys, values and longs (null when the map has none), in entry order:
     * what a state capture keeps while later batches change the map.
     */
    public Entries entries() {
        return new Entries(
                Arrays.copyOf(keys, size),
                Arrays.copyOf(values, size),
                longs == null ? null : Arrays.copyOf(longs, size));
    }

    /** The entries of a map, copied by {@link #entries()}. */
    public record Entries(Object[] keys, Object[] values, long[] longs) {
        public int size() {
            return keys.length;
        }
    }

    /** Removes every entry, keeping the capacity. */
    public void clear() {
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        Arrays.fill(slots, 0);
        size = 0;
    }

    public static int hashOf(Object key) {
        return key == null ? 0 : key.hashCode();
    }

    public int size() {
        return size;
    }

    public Object key(int entry) {
        return keys[entry];
    }

    public Object value(int entry) {
        return values[entry];
    }

    public int hash(int entry) {
        return hashes[entry];
    }

    public long longValue(int entry) {
        return longs[entry];
    }

    public void setLong(int entry, long value) {
        longs[entry] = value;
    }

    public void addLong(int entry, long delta) {
        longs[entry] += delta;
    }

    /** Adds a new entry with a long value in the empty {@code slot}; see {@link #insertAt}. */
    public void insertLongAt(int slot, Object key, int hash, long value) {
        insertAt(slot, key, hash, null);
        longs[size - 1] = value;
    }

    /** Adds a new entry with a value and a long; returns its index. */
    public int insertAt(int slot, Object key, int hash, Object value, long longValue) {
        insertAt(slot, key, hash, value);
        longs[size - 1] = longValue;
        return size - 1;
    }

    /** Removes {@code entry}; the last entry takes its index. */
    public void remove(int entry) {
        int mask = slots.length - 1;
        int hole = slotOfEntry(entry);
        for (int j = (hole + 1) & mask; slots[j] != 0; j = (j + 1) & mask) {
            int home = home((int) (slots[j] >>> 32));
            // The entry at j may fill the hole unless its home lies in (hole, j] cyclically.
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                slots[hole] = slots[j];
                hole = j;
            }
        }
        slots[hole] = 0;
        int last = size - 1;
        if (entry != last) {
            slots[slotOfEntry(last)] = pack(hashes[last], entry);
            keys[entry] = keys[last];
            shortKeys[entry] = shortKeys[last];
            values[entry] = values[last];
            hashes[entry] = hashes[last];
            if (longs != null) {
                longs[entry] = longs[last];
            }
        }
        keys[last] = null;
        values[last] = null;
        size = last;
    }

    private int slotOfEntry(int entry) {
        int mask = slots.length - 1;
        int slot = home(hashes[entry]);
        while ((int) slots[slot] - 1 != entry) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private int home(int hash) {
        return (hash * GOLDEN) >>> shift;
    }

    public void setValue(int entry, Object value) {
        values[entry] = value;
    }

    /** The entry of {@code key}, or -1. */
    public int find(Object key, int hash) {
        return entryAt(slotOf(key, hash));
    }

    /** The slot holding {@code key}, or the empty slot where it belongs. */
    public int slotOf(Object key, int hash) {
        int mask = slots.length - 1;
        int slot = home(hash);
        long probe = shortForm(key);
        while (true) {
            long packed = slots[slot];
            if (packed == 0) {
                return slot;
            }
            if ((int) (packed >>> 32) == hash) {
                int e = (int) packed - 1;
                if (probe != 0) {
                    // Both short forms are exact, so they decide without reading the stored key.
                    if (shortKeys[e] == probe) {
                        return slot;
                    }
                } else {
                    Object k = keys[e];
                    if (k == key || (key != null && key.equals(k))) {
                        return slot;
                    }
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * A string of at most 7 characters below U+0100, packed with its length into a non-zero long
     * that equals another's exactly when the strings are equal; 0 for every other key. Most words
     * and hashtags have one, so a probe that finds their hash compares one long instead of
     * following the stored key to its characters: two cache misses fewer per lookup of a key that
     * is not hot.
     */
    public static long shortForm(Object key) {
        if (!(key instanceof String s)) {
            return 0;
        }
        int n = s.length();
        if (n > 7) {
            return 0;
        }
        long packed = (long) (n + 1) << 56;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > 0xff) {
                return 0;
            }
            packed |= (long) c << (8 * i);
        }
        return packed;
    }

    /** The entry in {@code slot}, or -1 when the slot is empty. */
    public int entryAt(int slot) {
        return (int) slots[slot] - 1;
    }

    private static long pack(int hash, int entry) {
        return ((long) hash << 32) | (entry + 1L);
    }

    /** Adds a new entry in the empty {@code slot} returned by {@link #slotOf}. */
    public void insertAt(int slot, Object key, int hash, Object value) {
        if (size == keys.length) {
            grow();
            slot = slotOf(key, hash);
        }
        keys[size] = key;
        shortKeys[size] = shortForm(key);
        values[size] = value;
        hashes[size] = hash;
        slots[slot] = pack(hash, size);
        size++;
    }

    private void grow() {
        int capacity = slots.length * 2;
        keys = Arrays.copyOf(keys, capacity / 2);
        shortKeys = Arrays.copyOf(shortKeys, capacity / 2);
        values = Arrays.copyOf(values, capacity / 2);
        hashes = Arrays.copyOf(hashes, capacity / 2);
        if (longs != null) {
            longs = Arrays.copyOf(longs, capacity / 2);
        }
        slots = new long[capacity];
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
        int mask = capacity - 1;
        for (int e = 0; e < size; e++) {
            int slot = home(hashes[e]);
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = pack(hashes[e], e);
        }
    }
}
