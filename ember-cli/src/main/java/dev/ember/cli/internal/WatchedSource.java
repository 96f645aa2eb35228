package dev.ember.cli.internal;

import dev.ember.social.Post;
import dev.ember.social.PostSource;
import dev.ember.streaming.SourceException;
import java.util.function.Consumer;

/**
 * A post source whose end a job hears about: when it cannot go on (a {@link SourceException}, such
 * as a rejected token) the job is told the reason and stops with it as its one line of failure,
 * instead of the stream going on empty; when it is exhausted (a replay file at its end) the job is
 * told when, so that it can stop once the last posts have left its windows.
 */
final class WatchedSource implements PostSource {
    /** What a job hears about its source. */
    interface Watcher {
        /** The source ended at {@code nowMillis}, having delivered everything it had. */
        void sourceEnded(long nowMillis);

        /** The source cannot go on, for the reason {@code failure} gives. */
        void sourceFailed(SourceException failure);
    }

    private final PostSource source;
    private final Watcher watcher;

    WatchedSource(PostSource source, Watcher watcher) {
        this.source = source;
        this.watcher = watcher;
    }

    @Override
    public String description() {
        return source.description();
    }

    @Override
    public void run(Consumer<Post> sink) throws InterruptedException {
        try {
            source.run(sink);
        } catch (SourceException e) {
            // Reported by the job as its failure; returning normally spares the receiver's own
            // log line, so the reason shows once.
            watcher.sourceFailed(e);
            return;
        }
        if (!Thread.currentThread().isInterrupted()) {
            watcher.sourceEnded(System.currentTimeMillis());
        }
    }

    @Override
    public long skippedCount() {
        return source.skippedCount();
    }

    @Override
    public void close() {
        source.close();
    }
}
