package dev.ember.social.internal;

import dev.ember.social.Post;
import dev.ember.social.PostSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;

/*
 * What every post source shares: its description, the log and count of the messages it skipped as
 * malformed, the close signal that ends its run from any thread, and the rule that a source runs
 * once. A subclass implements receive(sink) and stops when `closed` is closed.
 */
public abstract class SourceBase implements PostSource {
    protected final CloseSignal closed = new CloseSignal();
    protected final SkipLog skips;
    protected final String description;
    private final AtomicBoolean started = new AtomicBoolean();

    /**
     * @param description for logs and progress lines, without secrets
     * @param name how skip messages name the source, such as {@code bluesky (host)}
     * @param log the subclass's logger, which skip messages go to
     */
    protected SourceBase(String description, String name, Logger log) {
        this.description = Objects.requireNonNull(description, "description");
        this.skips = new SkipLog(log, name);
    }

    /** Delivers posts to {@code sink} until the source ends or {@link #closed} is closed. */
    protected abstract void receive(Consumer<Post> sink) throws InterruptedException;

    @Override
    public final void run(Consumer<Post> sink) throws InterruptedException {
        Objects.requireNonNull(sink, "sink");
        begin();
        receive(sink);
    }

    /** Enforces that a source runs once, for subclasses that offer another way to run. */
    protected final void begin() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException(
                    description + " has already run; create a new source to run again");
        }
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final long skippedCount() {
        return skips.count();
    }

    @Override
    public void close() {
        closed.close();
    }
}
