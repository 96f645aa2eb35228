package dev.ember.streaming.internal.files;

/*
 * The two 64-bit hashes of the file ledger, part of its format (version 1): a file's name hash is
 * the key under which the stream remembers a file it took, and its fingerprint is what it keeps of
 * the file's size, modification time and inode to notice a change.
 *
 * The name hash folds one UTF-16 unit per step through an odd multiplication and a xor-shift, both
 * invertible, so two names of the same length that differ in one unit never collide; other pairs
 * collide with a probability of about 2^-64.
 */
final class Hashing {
    private Hashing() {}

    static long name(String name) {
        long h = 0x9E3779B97F4A7C15L ^ name.length();
        for (int i = 0; i < name.length(); i++) {
            h ^= name.charAt(i);
            h *= 0xFF51AFD7ED558CCDL;
            h ^= h >>> 29;
        }
        h = mix(h);
        return h == 0 ? 1 : h;
    }

    static long fingerprint(long size, long mtimeNanos, long inode) {
        return mix(mix(mix(size) ^ mtimeNanos) ^ inode);
    }

    /** Murmur3's 64-bit finaliser. */
    static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xFF51AFD7ED558CCDL;
        k ^= k >>> 33;
        k *= 0xC4CEB9FE1A85EC53L;
        k ^= k >>> 33;
        return k;
    }
}
