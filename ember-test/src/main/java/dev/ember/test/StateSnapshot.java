package dev.ember.test;

import java.util.Objects;

/**
 * Everything a running program kept across batches, as of one batch: what {@link
 * StreamingTestDriver#snapshot()} takes and {@link StreamingTestDriver#restore} starts a rebuilt
 * program from. The state of each stream is found again by its stable name, so the rebuilt program
 * may have grown stateless steps and outputs.
 */
public final class StateSnapshot {
    private final long timeMillis;
    private final byte[] bytes;

    StateSnapshot(long timeMillis, byte[] bytes) {
        this.timeMillis = timeMillis;
        this.bytes = Objects.requireNonNull(bytes, "bytes");
    }

    /** The time of the last batch the snapshot includes, in milliseconds. */
    public long timeMillis() {
        return timeMillis;
    }

    /** The snapshot's size in bytes. */
    public int size() {
        return bytes.length;
    }

    byte[] bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return "StateSnapshot[at " + timeMillis + " ms, " + bytes.length + " bytes]";
    }
}
