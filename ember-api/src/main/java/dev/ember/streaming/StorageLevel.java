package dev.ember.streaming;

/**
 * Where a stream's batches are kept, as Spark's {@code StorageLevel}. The local runner keeps every
 * batch in memory whatever the level; the Spark runner passes the level on.
 */
public enum StorageLevel {
    /** Deserialised objects in memory. */
    MEMORY_ONLY,
    /** Serialised objects in memory: Spark's default for persisted streams. */
    MEMORY_ONLY_SER,
    /** In memory, spilling to disk. */
    MEMORY_AND_DISK,
    /** Serialised, in memory, spilling to disk. */
    MEMORY_AND_DISK_SER,
    /** Serialised, in memory and on disk, replicated twice: Spark's default for receivers. */
    MEMORY_AND_DISK_SER_2,
    /** In memory and on disk, replicated twice. */
    MEMORY_AND_DISK_2,
    /** On disk only. */
    DISK_ONLY
}
