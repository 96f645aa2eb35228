package dev.ember.spi;

import java.util.List;

/**
 * A running {@link Source}, driven by the runner. Offsets are strings that the source spells as it
 * likes (a count, a cursor, JSON) and must parse back after a restart; they only need to be
 * comparable by the source itself.
 *
 * <p>Threading: {@link #start}, {@link #cut} and {@link #close} are called by the runner's
 * scheduler; {@link #read} and {@link #processed} by the thread that runs batches, possibly while
 * the next cut happens; {@link #committed} by the thread that writes checkpoints, once one is
 * durable. Implementations make that safe.
 *
 * @param <T> the type of the records
 */
public interface SourceReader<T> extends AutoCloseable {

    /**
     * Starts reading. Called once, before the first cut.
     *
     * @param after the offset after which to go on, from a checkpoint; {@code null} to start where
     *     the source starts by itself (the newest records, or the beginning of a directory)
     */
    void start(String after);

    /**
     * Closes the batch being cut: returns the offset up to which the records available now belong
     * to it. The batch covers {@code (previous cut's offset, returned offset]}; returning the
     * previous offset gives an empty batch. Must be quick: it runs on the scheduler at each batch
     * time (list what is there; read it in {@link #read}).
     */
    Cut cut();

    /**
     * The records in {@code (from, to]}, as blocks (each block becomes part of a partition), for
     * the batch whose cut returned {@code to}. A source whose {@link Source#replay()} is {@link
     * Source.Replay#RANGES} returns the same records for the same range after a restart.
     *
     * @param from the previous cut's offset, or the offset given to {@link #start} for the first
     *     cut after it (which may be {@code null})
     */
    List<? extends List<? extends T>> read(String from, String to);

    /** The batches up to offset {@code to} have been processed: what they held may be released. */
    default void processed(String to) {}

    /**
     * Everything up to offset {@code to} is in a durable checkpoint: it will never be asked for
     * again, and may be acknowledged upstream (commit a Kafka offset, delete a log).
     */
    default void committed(String to) {}

    /** Stops reading and releases what the reader holds. */
    @Override
    void close();

    /**
     * The end of a cut.
     *
     * @param offset the offset up to which the batch reaches
     * @param records how many records the batch holds, when the source knows without reading; -1
     *     otherwise
     */
    record Cut(String offset, long records) {}
}
