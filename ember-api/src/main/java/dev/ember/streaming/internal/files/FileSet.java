package dev.ember.streaming.internal.files;

import java.util.Arrays;
import java.util.function.LongConsumer;

/*
 * The files of the watched directory that the stream must not take again: those it took, whole or
 * in part, and those it ignored at its first start. Keyed by name hash (Hashing.name), with each
 * taken file's fingerprint and a few flags, in parallel primitive arrays with linear probing: about
 * 35 bytes per file at the lowest fill, where a map of names would cost 150 or more, so a
 * directory that keeps a million processed files costs tens of megabytes.
 *
 * The names themselves live in the directory (each listing gives them) and in the ledger file. A
 * file that leaves the directory is swept out after the first listing that misses it: each listing
 * flips the set's parity, the SEEN bit of every entry it meets (and of every entry added) is set to
 * that parity, and sweep removes the entries whose bit differs.
 *
 * Not thread-safe: the reader's lock guards it.
 */
final class FileSet {
    /** Ignored at the first start (newFilesOnly): never taken, never checked for changes. */
    static final int BASELINE = 1;

    /** A change after it was taken has been reported. */
    static final int REPORTED = 2;

    private static final int SEEN = 4;

    /** Written by the compaction in progress. */
    static final int EMITTED = 8;

    private static final int MIN_CAPACITY = 16;

    private long[] keys = new long[MIN_CAPACITY];
    private long[] fingerprints = new long[MIN_CAPACITY];
    private byte[] flags = new byte[MIN_CAPACITY];
    private int size;
    private boolean parity;

    int size() {
        return size;
    }

    /** The slot of {@code key}, or -1. */
    int find(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return i;
            }
            if (k == 0) {
                return -1;
            }
        }
    }

    boolean contains(long key) {
        return find(key) >= 0;
    }

    long fingerprint(int slot) {
        return fingerprints[slot];
    }

    boolean has(int slot, int flag) {
        return (flags[slot] & flag) != 0;
    }

    void set(int slot, int flag, boolean on) {
        flags[slot] = (byte) (on ? flags[slot] | flag : flags[slot] & ~flag);
    }

    /**
     * Adds or replaces the entry of {@code key} with {@code flagBits} (BASELINE, REPORTED), as seen
     * by the current listing; returns its slot.
     */
    int put(long key, long fingerprint, int flagBits) {
        if ((size + 1) * 2 > keys.length) {
            resize(keys.length * 2);
        }
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == 0) {
            keys[i] = key;
            size++;
        }
        fingerprints[i] = fingerprint;
        flags[i] = (byte) ((flagBits & ~SEEN) | (parity ? SEEN : 0));
        return i;
    }

    /** Removes the entry of {@code key}; returns whether there was one. */
    boolean remove(long key) {
        int i = find(key);
        if (i < 0) {
            return false;
        }
        int mask = keys.length - 1;
        // Backward-shift deletion: move later entries of the probe run into the hole.
        int hole = i;
        for (int j = (hole + 1) & mask; keys[j] != 0; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            boolean between = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (!between) {
                keys[hole] = keys[j];
                fingerprints[hole] = fingerprints[j];
                flags[hole] = flags[j];
                hole = j;
            }
        }
        keys[hole] = 0;
        fingerprints[hole] = 0;
        flags[hole] = 0;
        size--;
        if (keys.length > MIN_CAPACITY && size * 8 < keys.length) {
            resize(keys.length / 2);
        }
        return true;
    }

    /** Starts a listing: entries it does not {@link #markSeen} are swept after it. */
    void beginListing() {
        parity = !parity;
    }

    /**
     * Gives up a listing that failed part way: every entry counts as met by the previous one again,
     * so the next listing sweeps exactly the entries it does not meet.
     */
    void abortListing() {
        parity = !parity;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                set(i, SEEN, parity);
            }
        }
    }

    /** The listing met the file of {@code slot}. */
    void markSeen(int slot) {
        set(slot, SEEN, parity);
    }

    /** Clears {@code flag} on every entry. */
    void clearAll(int flag) {
        for (int i = 0; i < keys.length; i++) {
            flags[i] = (byte) (flags[i] & ~flag);
        }
    }

    /**
     * Removes every entry that the listing that just ended did not meet, and passes its key to
     * {@code removed}.
     */
    void sweep(LongConsumer removed) {
        long[] gone = new long[16];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0 && has(i, SEEN) != parity) {
                if (n == gone.length) {
                    gone = Arrays.copyOf(gone, n * 2);
                }
                gone[n++] = keys[i];
            }
        }
        for (int i = 0; i < n; i++) {
            remove(gone[i]);
            removed.accept(gone[i]);
        }
    }

    private void resize(int capacity) {
        long[] oldKeys = keys;
        long[] oldFingerprints = fingerprints;
        byte[] oldFlags = flags;
        keys = new long[capacity];
        fingerprints = new long[capacity];
        flags = new byte[capacity];
        int mask = capacity - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = slot(oldKeys[j], mask);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                fingerprints[i] = oldFingerprints[j];
                flags[i] = oldFlags[j];
            }
        }
    }

    private static int slot(long key, int mask) {
        return (int) Hashing.mix(key) & mask;
    }
}
