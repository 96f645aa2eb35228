package dev.ember.spi;

import java.io.Serializable;

/**
 * An input whose records have offsets: a source reports the offsets each batch covers, can be asked
 * to read a range again (if it can), and is told when a range has been processed and when it has
 * been durably committed. Files, Kafka partitions and Jetstream cursors are sources; add one to a
 * program with {@code StreamingContext.sourceStream(source)}.
 *
 * <p>A source is a serializable description (a directory, a topic, a URL); the runner opens a
 * {@link SourceReader} from it when the program starts, on the driver, and drives it: one cut per
 * batch time, then a read of the cut's range on the thread that runs the batch.
 *
 * <p>What a crash costs depends on {@link #replay()}: see {@link Replay}. Push receivers ({@code
 * socketTextStream}, {@code receiverStream}) go through the same path on the local runner as
 * sources that cannot replay.
 *
 * @param <T> the type of the records
 */
public interface Source<T> extends Serializable {

    /** What a source can do again after a restart. */
    enum Replay {
        /**
         * Nothing: records received but not yet in a checkpointed batch are lost by a crash
         * (receivers without a write-ahead log, queues). The state stays consistent with what was
         * processed; outputs are at most once for lost records.
         */
        NONE,

        /**
         * The source can restart after an offset it reported (a cursor): every record after the
         * last checkpointed offset is read again, once, so state is exactly once. Batches that were
         * pending at the crash are not rebuilt with their original contents: their records arrive
         * in the first batches after the restart.
         */
        RESUME,

        /**
         * The source can read any range it reported again, with the same records (files, Kafka, a
         * write-ahead log): state is exactly once, and batches pending at the crash are recomputed
         * with their original contents.
         */
        RANGES
    }

    /** A short description for logs and messages, such as {@code files in /data/in}. */
    String describe();

    /**
     * What tells this source apart from others of its kind, for the input's derived stable name
     * ({@code sourceStream[...]}), such as a directory or a topic.
     */
    String identity();

    /** What this source can read again after a restart. */
    Replay replay();

    /**
     * Opens a reader; called once when the program starts, on the runner's driver.
     *
     * @param context the stable name of the input and what the runner offers the reader
     * @throws Exception when the source cannot be opened; the program does not start
     */
    SourceReader<T> open(SourceContext context) throws Exception;
}
