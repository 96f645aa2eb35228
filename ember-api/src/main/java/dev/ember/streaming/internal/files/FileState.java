package dev.ember.streaming.internal.files;

/**
 * A file of the watched directory as one look at it found it: its name inside the directory, its
 * size, its modification time and its inode (0 where the platform does not tell).
 */
record FileState(String name, long size, long mtimeNanos, long inode) {

    /** The modification time in milliseconds. */
    long mtimeMillis() {
        return Math.floorDiv(mtimeNanos, 1_000_000L);
    }

    /**
     * Whether {@code now} shows the same file unchanged: same size and modification time, and the
     * same inode where both looks know it.
     */
    boolean sameAs(FileState now) {
        return size == now.size
                && mtimeNanos == now.mtimeNanos
                && (inode == 0 || now.inode == 0 || inode == now.inode);
    }

    /** Whether {@code now} is another file under the same name (a different inode). */
    boolean replacedBy(FileState now) {
        return inode != 0 && now.inode != 0 && inode != now.inode;
    }

    /** What the ledger keeps of a file it has forgotten the details of: see {@link Hashing}. */
    long fingerprint() {
        return Hashing.fingerprint(size, mtimeNanos, inode);
    }

    /** A short description for messages: the name, size and modification time. */
    String describe() {
        return name
                + " ("
                + size
                + " bytes, modified "
                + java.time.Instant.ofEpochMilli(mtimeMillis())
                + ")";
    }
}
