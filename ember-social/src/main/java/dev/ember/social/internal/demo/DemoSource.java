package dev.ember.social.internal.demo;

import dev.ember.social.Post;
import dev.ember.social.internal.SourceBase;
import dev.ember.social.internal.SourceClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * Pacing: post k is due at start + k / rate, on the clock's monotonic time, and carries that
 * instant (from the wall clock at start) as its virtual time, so the gaps between createdAt are
 * exact whatever the scheduler does. The loop emits every post that is due, then waits for the next
 * one, but never less than MIN_WAIT_NANOS: at 100,000 posts/s it wakes about 1,000 times a second
 * and emits about 100 posts each time, instead of waking for every post.
 *
 * Falling behind: a sink that blocks, or a machine that sleeps, leaves posts overdue. Up to
 * MAX_LAG_NANOS they are emitted at once to catch up; beyond that the source jumps to the post due
 * now, as a live network would not replay the minutes a client missed, and logs it. The posts
 * jumped over are simply never emitted: post k is the same post whether or not its neighbours are.
 *
 * Unpaced: posts carry the same virtual times but are emitted back to back, never waiting.
 *
 * Concurrency: run() holds the only mutable state (the generator) on its own thread; close() sets
 * a volatile flag, checked after every post, and closes the close signal, which ends a wait at
 * once; so run() returns after the sink call in progress.
 */

/**
 * The synthetic demo source: posts from a {@link DemoPostGenerator}, emitted at a steady rate (or
 * as fast as the sink takes them), with no network. It runs until closed or interrupted.
 *
 * <p>{@link #run} may be called once; {@link #close()} may be called from any thread, before or
 * during {@code run}, and makes {@code run} return after the sink call in progress. Nothing is ever
 * malformed, so {@link #skippedCount()} is 0.
 */
public final class DemoSource extends SourceBase {
    private static final Logger log = LoggerFactory.getLogger(DemoSource.class);

    static final long MIN_WAIT_NANOS = 1_000_000;
    static final long MAX_LAG_NANOS = 5_000_000_000L;
    private static final int INTERRUPT_CHECK_MASK = 1023;

    private final DemoSettings settings;
    private final SourceClock clock;
    private final double nanosPerPost;
    private volatile boolean stopping;
    private boolean loggedLag;

    /** A source with these settings on the system clock. */
    public DemoSource(DemoSettings settings) {
        this(settings, SourceClock.system());
    }

    /** A source with these settings on {@code clock}. */
    public DemoSource(DemoSettings settings, SourceClock clock) {
        super(settings.description(), settings.description(), log);
        this.settings = settings;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nanosPerPost = settings.nanosPerPost();
    }

    /** The settings this source runs with. */
    public DemoSettings settings() {
        return settings;
    }

    /**
     * Emits posts to {@code sink} until {@link #close()}d or interrupted; never ends by itself.
     *
     * @throws IllegalStateException if called a second time
     * @throws InterruptedException if the thread is interrupted
     */
    @Override
    protected void receive(Consumer<Post> sink) throws InterruptedException {
        if (stopping) {
            return;
        }
        Instant start = Instant.ofEpochMilli(clock.currentTimeMillis());
        DemoPostGenerator generator = new DemoPostGenerator(settings.seed(), start);
        if (settings.paced()) {
            runPaced(generator, start, sink);
        } else {
            runUnpaced(generator, start, sink);
        }
    }

    private void runUnpaced(DemoPostGenerator generator, Instant start, Consumer<Post> sink)
            throws InterruptedException {
        for (long k = 0; !stopping; k++) {
            if ((k & INTERRUPT_CHECK_MASK) == INTERRUPT_CHECK_MASK && Thread.interrupted()) {
                throw new InterruptedException();
            }
            sink.accept(generator.post(k, start.plusNanos(dueNanos(k))));
        }
    }

    private void runPaced(DemoPostGenerator generator, Instant start, Consumer<Post> sink)
            throws InterruptedException {
        long origin = clock.nanoTime();
        long k = 0;
        while (!stopping) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            long now = clock.nanoTime() - origin;
            long due = dueNanos(k);
            if (due > now) {
                if (!clock.sleep(Duration.ofNanos(Math.max(due - now, MIN_WAIT_NANOS)), closed)) {
                    return;
                }
                continue;
            }
            if (now - due > MAX_LAG_NANOS) {
                long next = (long) Math.ceil(now / nanosPerPost);
                logLag(now - due, k, next);
                k = next;
                continue;
            }
            do {
                sink.accept(generator.post(k, start.plusNanos(due)));
                k++;
                if ((k & INTERRUPT_CHECK_MASK) == 0 && Thread.interrupted()) {
                    throw new InterruptedException();
                }
                due = dueNanos(k);
            } while (due <= now && !stopping);
        }
    }

    private long dueNanos(long k) {
        return (long) (k * nanosPerPost);
    }

    private void logLag(long lagNanos, long from, long to) {
        String message =
                "{} fell {} s behind its pace (a slow sink or a paused machine);"
                        + " jumped from post {} to post {}, which is due now";
        String seconds = String.valueOf(lagNanos / 100_000_000 / 10.0);
        if (loggedLag) {
            log.debug(message, description(), seconds, from, to);
        } else {
            loggedLag = true;
            log.info(
                    message + " (further jumps are logged at debug level)",
                    description(),
                    seconds,
                    from,
                    to);
        }
    }

    /** Makes {@link #run} return after the sink call in progress; from any thread, any time. */
    @Override
    public void close() {
        stopping = true;
        super.close();
    }
}
