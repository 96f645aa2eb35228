package dev.ember.social.internal.jetstream;

import dev.ember.social.Post;
import dev.ember.social.internal.Parsed;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A real {@link JetstreamSource} that lets a test wait until its sink took a post: the sink returns
 * once the reader has buffered the post or dropped it as a repeat, so after {@link
 * Watch#awaitHanded} the next cut holds every new post up to that time.
 */
final class WatchedSource implements CursorSource {
    private final JetstreamSource source;
    private final Watch watch;

    WatchedSource(JetstreamSource source, Watch watch) {
        this.source = source;
        this.watch = watch;
    }

    /** The latest time_us handed on by the sources that share it. */
    static final class Watch {
        private long handed = Parsed.NO_TIME;

        synchronized void handed(long timeMicros) {
            handed = Math.max(handed, timeMicros);
            notifyAll();
        }

        /** Waits (10 s at most) until a post at or after {@code timeMicros} was handed on. */
        synchronized void awaitHanded(long timeMicros) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (handed < timeMicros) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(
                            "no post at or after time_us "
                                    + timeMicros
                                    + " in 10 s; the last"
                                    + " one handed on was at "
                                    + handed);
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    @Override
    public void resumeAfter(long afterMicros) {
        source.resumeAfter(afterMicros);
    }

    @Override
    public void runWithCursors(CursorSink sink) throws InterruptedException {
        source.runWithCursors(
                (post, timeMicros) -> {
                    sink.accept(post, timeMicros);
                    watch.handed(timeMicros);
                });
    }

    @Override
    public void run(Consumer<Post> sink) throws InterruptedException {
        source.run(sink);
    }

    @Override
    public String description() {
        return source.description();
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
