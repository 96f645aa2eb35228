package dev.ember.engine.internal;

import java.util.Arrays;

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
 * <p>Not thread-safe: each map belongs to one task.
 */
final class CombineMap {
    private static final int GOLDEN = 0x9E3779B9;

    private Object[] keys;
    private Object[] values;
    private long[] longs;
    private int[] hashes;
    private int size;
    private long[] slots;
    private int shift;

    CombineMap() {
        this(16);
    }

    /** A map whose values are primitive longs (see {@link #addLong}). */
    static CombineMap ofLongs(int expectedSize) {
        CombineMap map = new CombineMap(expectedSize);
        map.longs = new long[map.keys.length];
        return map;
    }

    CombineMap(int expectedSize) {
        int capacity = Integer.highestOneBit(Math.max(4, expectedSize) * 2 - 1) << 1;
        keys = new Object[capacity / 2];
        values = new Object[capacity / 2];
        hashes = new int[capacity / 2];
        slots = new long[capacity];
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
    }

    int size() {
        return size;
    }

    Object key(int entry) {
        return keys[entry];
    }

    Object value(int entry) {
        return values[entry];
    }

    int hash(int entry) {
        return hashes[entry];
    }

    long longValue(int entry) {
        return longs[entry];
    }

    void addLong(int entry, long delta) {
        longs[entry] += delta;
    }

    /** Adds a new entry with a long value in the empty {@code slot}; see {@link #insertAt}. */
    void insertLongAt(int slot, Object key, int hash, long value) {
        insertAt(slot, key, hash, null);
        longs[size - 1] = value;
    }

    void setValue(int entry, Object value) {
        values[entry] = value;
    }

    /** The slot holding {@code key}, or the empty slot where it belongs. */
    int slotOf(Object key, int hash) {
        int mask = slots.length - 1;
        int slot = (hash * GOLDEN) >>> shift;
        while (true) {
            long packed = slots[slot];
            if (packed == 0) {
                return slot;
            }
            if ((int) (packed >>> 32) == hash) {
                Object k = keys[(int) packed - 1];
                if (k == key || (key != null && key.equals(k))) {
                    return slot;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The entry in {@code slot}, or -1 when the slot is empty. */
    int entryAt(int slot) {
        return (int) slots[slot] - 1;
    }

    private static long pack(int hash, int entry) {
        return ((long) hash << 32) | (entry + 1L);
    }

    /** Adds a new entry in the empty {@code slot} returned by {@link #slotOf}. */
    void insertAt(int slot, Object key, int hash, Object value) {
        if (size == keys.length) {
            grow();
            slot = slotOf(key, hash);
        }
        keys[size] = key;
        values[size] = value;
        hashes[size] = hash;
        slots[slot] = pack(hash, size);
        size++;
    }

    private void grow() {
        int capacity = slots.length * 2;
        keys = Arrays.copyOf(keys, capacity / 2);
        values = Arrays.copyOf(values, capacity / 2);
        hashes = Arrays.copyOf(hashes, capacity / 2);
        if (longs != null) {
            longs = Arrays.copyOf(longs, capacity / 2);
        }
        slots = new long[capacity];
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
        int mask = capacity - 1;
        for (int e = 0; e < size; e++) {
            int slot = (hashes[e] * GOLDEN) >>> shift;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = pack(hashes[e], e);
        }
    }
}
