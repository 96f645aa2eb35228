package dev.ember.engine.internal;

import java.util.Arrays;

/**
 * The keyed state of one hash partition of a stateful operator: a hash map from key to state with a
 * {@code long} per entry (the operator's bookkeeping time), and removal.
 *
 * <p>Design: the layout of {@link CombineMap} (dense parallel entry arrays, an open-addressing
 * table of slots that pack the key's hash with its entry index, probed linearly from the high bits
 * of the multiplied hash), plus removal, which CombineMap does not need. Removing an entry moves
 * the last entry into its place, so the entry arrays stay dense and a scan of the whole state is a
 * plain array loop; the table closes the freed slot by shifting later slots of the same probe run
 * back (no tombstones, so lookups never slow down as keys come and go). Entry indexes therefore
 * change on removal: callers that scan and remove go from the last entry to the first.
 *
 * <p>Not thread-safe: each map belongs to one partition, updated by one task at a time.
 */
final class StateMap {
    private static final int GOLDEN = 0x9E3779B9;

    private Object[] keys;
    private Object[] values;
    private long[] times;
    private int[] hashes;
    private int size;
    private long[] slots;
    private int shift;

    StateMap() {
        this(16);
    }

    StateMap(int expectedSize) {
        int capacity = Integer.highestOneBit(Math.max(4, expectedSize) * 2 - 1) << 1;
        keys = new Object[capacity / 2];
        values = new Object[capacity / 2];
        times = new long[capacity / 2];
        hashes = new int[capacity / 2];
        slots = new long[capacity];
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
    }

    static int hashOf(Object key) {
        return key == null ? 0 : key.hashCode();
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

    long time(int entry) {
        return times[entry];
    }

    void setValue(int entry, Object value) {
        values[entry] = value;
    }

    void setTime(int entry, long time) {
        times[entry] = time;
    }

    /** The entry of {@code key}, or -1. */
    int find(Object key, int hash) {
        return entryAt(slotOf(key, hash));
    }

    /** The slot holding {@code key}, or the empty slot where it belongs. */
    int slotOf(Object key, int hash) {
        int mask = slots.length - 1;
        int slot = home(hash);
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

    /**
     * Adds a new entry in the empty {@code slot} returned by {@link #slotOf}; returns its index.
     */
    int insertAt(int slot, Object key, int hash, Object value, long time) {
        if (size == keys.length) {
            grow();
            slot = slotOf(key, hash);
        }
        keys[size] = key;
        values[size] = value;
        times[size] = time;
        hashes[size] = hash;
        slots[slot] = pack(hash, size);
        return size++;
    }

    /** Sets {@code key}'s value and time, adding the key when absent. */
    void put(Object key, Object value, long time) {
        int hash = hashOf(key);
        int slot = slotOf(key, hash);
        int e = entryAt(slot);
        if (e < 0) {
            insertAt(slot, key, hash, value, time);
        } else {
            values[e] = value;
            times[e] = time;
        }
    }

    /** Removes {@code entry}; the last entry takes its index. */
    void remove(int entry) {
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
            values[entry] = values[last];
            times[entry] = times[last];
            hashes[entry] = hashes[last];
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

    private static long pack(int hash, int entry) {
        return ((long) hash << 32) | (entry + 1L);
    }

    private void grow() {
        int capacity = slots.length * 2;
        keys = Arrays.copyOf(keys, capacity / 2);
        values = Arrays.copyOf(values, capacity / 2);
        times = Arrays.copyOf(times, capacity / 2);
        hashes = Arrays.copyOf(hashes, capacity / 2);
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
