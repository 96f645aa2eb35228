package dev.ember.spi;

import dev.ember.streaming.Clock;
import java.nio.file.Path;
import java.util.Optional;

/** What a runner offers the reader of a {@link Source}. */
public interface SourceContext {

    /** The input's stable name, for logs and metrics. */
    String name();

    /** The context's clock; sources that wait or time out use it, so tests can drive them. */
    Clock clock();

    /**
     * A directory of this input's own inside the checkpoint directory, for what the source must
     * keep durably beside its offsets (a ledger of the files it took, a log of what it received);
     * empty when the program has no checkpoint directory. The directory exists.
     */
    Optional<Path> stateDirectory();

    /** The value of a setting of the context ({@code StreamingConf}), or null when not set. */
    String setting(String key);

    /**
     * Reports a record that could not be read and was skipped: the runner counts it and logs the
     * first of each kind with {@code sample} (a position, a prefix of the bad bytes).
     */
    void skipped(String reason, String sample);
}
