package dev.ember.bench.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The kernel's counter: an open-addressing hash table keyed by byte slices, with a count per key
 * and the list of keys touched since the last {@link #clearCounts()}.
 *
 * <p>Design note: a key gets a dense id the first time it is seen and keeps it, so a batch's result
 * is the touched ids with their counts, and resetting a batch costs the number of touched keys
 * rather than the table's capacity. Key bytes live in one arena. Keys are hashed 8 bytes at a time
 * ({@link #hash}); the first 8 bytes of every key are also kept as a long, so a key of up to 8
 * bytes (most words) is compared with one long comparison and its bytes are never touched again.
 * Linear probing over an int array of ids.
 */
final class ByteTable {
    private static final long K = 0x9E3779B97F4A7C15L;

    private int[] slots;
    private int mask;
    private int[] hashes = new int[1024];
    private int[] keyOffsets = new int[1024];
    private int[] keyLengths = new int[1024];
    private long[] prefixes = new long[1024];
    private long[] counts = new long[1024];
    private int[] touched = new int[1024];
    private int touchedCount;
    private byte[] arena = new byte[1 << 16];
    private int arenaSize;
    private int size;

    ByteTable(int expectedKeys) {
        int capacity = Integer.highestOneBit(Math.max(16, expectedKeys * 2) - 1) << 1;
        slots = new int[capacity];
        mask = capacity - 1;
    }

    /** Mixes one more 8-byte chunk (little-endian, zero-padded) into a running hash. */
    static long mix(long acc, long chunk) {
        long h = (acc ^ chunk) * K;
        return h ^ (h >>> 31);
    }

    /** The final 32-bit hash of a running hash. */
    static int finish(long acc) {
        return (int) (acc ^ (acc >>> 32));
    }

    /** The little-endian value of {@code buf[from, from + n)}, n at most 8, zero-padded. */
    static long chunk(byte[] buf, int from, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = (v << 8) | (buf[from + i] & 0xFF);
        }
        return v;
    }

    /** The hash of key {@code buf[from, to)}, the same however the caller reads the bytes. */
    static int hash(byte[] buf, int from, int to) {
        long acc = 0;
        for (int p = from; p < to; p += 8) {
            acc = mix(acc, chunk(buf, p, Math.min(8, to - p)));
        }
        return finish(acc);
    }

    /** Adds {@code delta} to the count of key {@code buf[from, to)} whose hash is {@code hash}. */
    int add(byte[] buf, int from, int to, int hash, long delta) {
        int len = to - from;
        int id = idOf(buf, from, len, chunk(buf, from, Math.min(8, len)), hash);
        count(id, delta);
        return id;
    }

    /**
     * Adds 1 to the count of a key of at most 8 bytes whose little-endian value is {@code key}; its
     * bytes are {@code buf[from, from + len)} and its hash {@code hash}.
     */
    void addShort(long key, int len, byte[] buf, int from, int hash) {
        int slot = hash & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                count(insert(slot, buf, from, len, key, hash), 1);
                return;
            }
            int id = entry - 1;
            if (prefixes[id] == key && keyLengths[id] == len) {
                count(id, 1);
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void count(int id, long delta) {
        if (counts[id] == 0) {
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touchedCount * 2);
            }
            touched[touchedCount++] = id;
        }
        counts[id] += delta;
    }

    private int idOf(byte[] buf, int from, int len, long prefix, int hash) {
        int slot = hash & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                return insert(slot, buf, from, len, prefix, hash);
            }
            int id = entry - 1;
            if (hashes[id] == hash
                    && prefixes[id] == prefix
                    && keyLengths[id] == len
                    && (len <= 8
                            || Arrays.equals(
                                    arena,
                                    keyOffsets[id],
                                    keyOffsets[id] + len,
                                    buf,
                                    from,
                                    from + len))) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int insert(int slot, byte[] buf, int from, int len, long prefix, int hash) {
        int id = size++;
        if (id == hashes.length) {
            int n = id * 2;
            hashes = Arrays.copyOf(hashes, n);
            keyOffsets = Arrays.copyOf(keyOffsets, n);
            keyLengths = Arrays.copyOf(keyLengths, n);
            prefixes = Arrays.copyOf(prefixes, n);
            counts = Arrays.copyOf(counts, n);
        }
        if (arenaSize + len > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + len));
        }
        System.arraycopy(buf, from, arena, arenaSize, len);
        hashes[id] = hash;
        prefixes[id] = prefix;
        keyOffsets[id] = arenaSize;
        keyLengths[id] = len;
        arenaSize += len;
        slots[slot] = id + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        int[] bigger = new int[slots.length * 2];
        int m = bigger.length - 1;
        for (int id = 0; id < size; id++) {
            int s = hashes[id] & m;
            while (bigger[s] != 0) {
                s = (s + 1) & m;
            }
            bigger[s] = id + 1;
        }
        slots = bigger;
        mask = m;
    }

    /** Adds every touched key of {@code other} with its count into this table. */
    void addAll(ByteTable other) {
        for (int i = 0; i < other.touchedCount; i++) {
            int id = other.touched[i];
            int off = other.keyOffsets[id];
            add(other.arena, off, off + other.keyLengths[id], other.hashes[id], other.counts[id]);
        }
    }

    /** Keys counted since the last clear. */
    int touchedCount() {
        return touchedCount;
    }

    /** The id of the {@code i}-th touched key. */
    int touchedId(int i) {
        return touched[i];
    }

    long count(int id) {
        return counts[id];
    }

    /** The sum of all counts since the last clear. */
    long total() {
        long n = 0;
        for (int i = 0; i < touchedCount; i++) {
            n += counts[touched[i]];
        }
        return n;
    }

    /** Distinct keys ever seen. */
    int size() {
        return size;
    }

    String key(int id) {
        return new String(arena, keyOffsets[id], keyLengths[id], StandardCharsets.ISO_8859_1);
    }

    /** Resets every count to zero, keeping the keys and their ids. */
    void clearCounts() {
        for (int i = 0; i < touchedCount; i++) {
            counts[touched[i]] = 0;
        }
        touchedCount = 0;
    }
}
