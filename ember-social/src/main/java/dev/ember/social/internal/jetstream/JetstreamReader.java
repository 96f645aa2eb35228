package dev.ember.social.internal.jetstream;

import dev.ember.social.Post;
import dev.ember.social.PostSource;
import dev.ember.social.internal.JsonFields;
import dev.ember.social.internal.Parsed;
import dev.ember.spi.SourceContext;
import dev.ember.spi.SourceReader;
import dev.ember.streaming.SourceException;
import dev.ember.streaming.function.Function0;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * The reader of a Bluesky stream input: a Jetstream connection on a thread of its own, whose posts
 * wait in memory until the batch holding them has run, with each post's time_us as its offset.
 *
 * Offsets: a cut closes the batch at the time_us of the last post received, as a decimal string; a
 * cut with no new post returns the previous offset, an empty batch. Jetstream's sequencer stamps
 * every event of an instance with a time_us from a monotonic clock, strictly increasing in the
 * order the events are sent, so "every post at or before t" is exactly what was delivered up to
 * the post at t. A post at or before the highest time_us taken so far (the start offset to begin
 * with) is therefore a repeat and is dropped: that removes what a connection rewound by 5 s sends
 * again, whether the rewind is this run's reconnect or a restart after a checkpoint.
 *
 * Replay: RESUME, not RANGES. start(after) connects at after minus the rewind and drops what is at
 * or before after, so nothing after the checkpointed offset is lost and nothing before it is
 * counted twice. Re-reading an exact range (from, to] would need the instance to answer a cursor
 * with the very events it sent the first time, which the client cannot check: every public host
 * is a separate instance with time_us of its own, an instance redeployed behind the same name
 * starts a new sequence, and a cursor past the lookback is silently clamped to the oldest event
 * kept. A recomputed batch could then differ from the original with nobody noticing, while
 * resuming only needs the order of one connection.
 *
 * Memory: each post counts by an estimate of its heap size (two bytes a character of its text,
 * tags and ids, plus the objects), which is above what posts measure, from when it is received
 * until its batch has been processed; at bufferBytes the connection thread waits in the sink,
 * which requests no further message from the WebSocket, so TCP pushes back on the server. A single
 * post larger than the bound is taken when nothing else is held.
 *
 * Threads: start, cut and close run on the scheduler, read and processed on the job thread, the
 * sink on the connection thread; one lock guards the buffers. The connection thread runs the
 * source until close, which keeps what was received for the cuts of a graceful stop. A
 * SourceException (a refused handshake) ends it; another failure restarts it after
 * RESTART_DELAY_MILLIS with a
 * fresh source from the factory, after the last post taken. A SourceException and a JVM error are
 * thrown by the next cut, so the context stops with the source's reason (or by the runner's policy
 * for JVM errors) instead of going on without posts.
 */
final class JetstreamReader implements SourceReader<Post> {
    private static final Logger log = LoggerFactory.getLogger(JetstreamReader.class);
    static final long RESTART_DELAY_MILLIS = 2_000;

    /** Per post beyond its characters: the objects, headers and list slots. */
    static final long POST_OVERHEAD_BYTES = 200;

    /** Per hashtag beyond its characters. */
    static final long TAG_OVERHEAD_BYTES = 48;

    private final SourceContext context;
    private final String description;
    private final Function0<? extends PostSource> factory;
    private final long bufferBytes;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    // guarded by lock
    private CursorSource first;
    private CursorSource running;
    private Thread thread;
    private boolean closed;
    private List<Post> received = new ArrayList<>();
    private long receivedBytes;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private long heldBytes; // received and held together
    private long lastTime = Parsed.NO_TIME; // the highest time_us taken, or the start offset
    private String lastOffset;
    private long resumedFrom = Parsed.NO_TIME; // until the first post after a resume
    private long repeats;
    private Error fatal;

    /** Why the source cannot go on; the next cut throws it, and every later one. */
    private SourceException failed;

    /** The posts of one cut, kept until their batch has been processed. */
    private record Held(long to, List<Post> posts, long bytes) {}

    JetstreamReader(
            SourceContext context,
            String description,
            Function0<? extends PostSource> factory,
            CursorSource first,
            long bufferBytes) {
        this.context = context;
        this.description = description;
        this.factory = factory;
        this.first = first;
        this.bufferBytes = bufferBytes;
    }

    @Override
    public void start(String after) {
        long afterMicros = after == null ? Parsed.NO_TIME : parse(after);
        Thread t;
        lock.lock();
        try {
            if (thread != null) {
                throw new IllegalStateException(
                        "input '" + context.name() + "' has already started");
            }
            lastTime = afterMicros;
            lastOffset = after;
            resumedFrom = afterMicros;
            t = new Thread(() -> connect(afterMicros), "ember-posts-" + description);
            t.setDaemon(true);
            thread = t;
        } finally {
            lock.unlock();
        }
        t.start();
    }

    @Override
    public Cut cut() {
        lock.lock();
        try {
            if (fatal != null) {
                Error e = fatal;
                fatal = null;
                throw e;
            }
            if (failed != null) {
                throw failed;
            }
            if (received.isEmpty()) {
                return new Cut(lastOffset, 0);
            }
            Held batch = new Held(lastTime, Collections.unmodifiableList(received), receivedBytes);
            held.addLast(batch);
            received = new ArrayList<>();
            receivedBytes = 0;
            lastOffset = Long.toString(batch.to());
            return new Cut(lastOffset, batch.posts().size());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<? extends List<? extends Post>> read(String from, String to) {
        long after = from == null ? Long.MIN_VALUE : parse(from);
        long upTo = parse(to);
        lock.lock();
        try {
            List<List<Post>> blocks = new ArrayList<>();
            for (Held batch : held) {
                if (batch.to() > after && batch.to() <= upTo) {
                    blocks.add(batch.posts());
                }
            }
            return blocks;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void processed(String to) {
        long upTo = parse(to);
        lock.lock();
        try {
            while (!held.isEmpty() && held.peekFirst().to() <= upTo) {
                heldBytes -= held.removeFirst().bytes();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        CursorSource source;
        lock.lock();
        try {
            closed = true;
            source = running;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (source != null) {
            source.close();
        }
    }

    /** The connection thread: runs sources until close, restarting after unexpected failures. */
    private void connect(long after) {
        long resume = after;
        CursorSource source = takeFirst();
        CursorSource ran = null;
        while (true) {
            if (source == null) {
                source = fresh(ran);
                if (source == null) {
                    return;
                }
            }
            ran = source;
            if (!setRunning(source)) {
                source.close();
                return;
            }
            try {
                if (resume != Parsed.NO_TIME) {
                    source.resumeAfter(resume);
                }
                source.runWithCursors(this::accept);
                if (!isClosed()) {
                    log.warn(
                            "input '{}': {} ended; the input delivers no further posts",
                            context.name(),
                            source.description());
                }
                return;
            } catch (InterruptedException e) {
                return;
            } catch (SourceException e) {
                if (!isClosed()) {
                    lock.lock();
                    try {
                        failed = e;
                    } finally {
                        lock.unlock();
                    }
                }
                return;
            } catch (RuntimeException e) {
                if (isClosed()) {
                    return;
                }
                resume = lastTime();
                log.warn(
                        "input '{}': {} failed; restarting it in {} ms{}",
                        context.name(),
                        source.description(),
                        RESTART_DELAY_MILLIS,
                        resume == Parsed.NO_TIME ? "" : " after cursor " + resume,
                        e);
            } catch (Error e) {
                lock.lock();
                try {
                    fatal = e;
                } finally {
                    lock.unlock();
                }
                return;
            } finally {
                source.close();
            }
            source = null;
            if (!awaitRestart()) {
                return;
            }
        }
    }

    private CursorSource takeFirst() {
        lock.lock();
        try {
            CursorSource source = first;
            first = null;
            return source;
        } finally {
            lock.unlock();
        }
    }

    /** A new source from the factory, or null (logged) when it cannot make one. */
    private CursorSource fresh(CursorSource ran) {
        PostSource made;
        try {
            made = factory.call();
        } catch (Exception e) {
            log.error(
                    "input '{}': the post source factory failed, so the input delivers no further"
                            + " posts: {}",
                    context.name(),
                    e.toString());
            return null;
        }
        if (made != null && made == ran) {
            log.error(
                    "input '{}': the post source factory returned the source that already ran,"
                            + " so the input delivers no further posts; make it return a new"
                            + " source from each call, such as PostSources.bluesky().build()",
                    context.name());
            return null;
        }
        if (made instanceof CursorSource source) {
            return source;
        }
        log.error(
                "input '{}': the post source factory returned {} instead of a Bluesky source, so"
                        + " the input delivers no further posts; return PostSources.bluesky()"
                        + " sources every time",
                context.name(),
                made == null ? "null" : made.description());
        if (made != null) {
            made.close();
        }
        return null;
    }

    private boolean setRunning(CursorSource source) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            running = source;
            return true;
        } finally {
            lock.unlock();
        }
    }

    private boolean awaitRestart() {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(RESTART_DELAY_MILLIS);
            while (!closed && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            return !closed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    private long lastTime() {
        lock.lock();
        try {
            return lastTime;
        } finally {
            lock.unlock();
        }
    }

    /** The sink: takes a post unless it is a repeat, waiting while the bound is reached. */
    private void accept(Post post, long timeMicros) throws InterruptedException {
        if (timeMicros == Parsed.NO_TIME) {
            context.skipped("post without time_us, which is its offset", post.id());
            return;
        }
        long bytes = bytes(post);
        lock.lock();
        try {
            if (timeMicros <= lastTime) {
                repeats++;
                return;
            }
            while (!closed && heldBytes > 0 && heldBytes + bytes > bufferBytes) {
                changed.await();
            }
            if (closed) {
                return;
            }
            if (resumedFrom != Parsed.NO_TIME) {
                log.info(
                        "input '{}': resumed after cursor {} ({}); dropped {} post(s) delivered"
                                + " before it",
                        context.name(),
                        resumedFrom,
                        JsonFields.fromMicros(resumedFrom),
                        repeats);
                resumedFrom = Parsed.NO_TIME;
            }
            received.add(post);
            receivedBytes += bytes;
            heldBytes += bytes;
            lastTime = timeMicros;
        } finally {
            lock.unlock();
        }
    }

    /** An estimate of the heap {@code post} takes: two bytes a character, plus the objects. */
    static long bytes(Post post) {
        long chars = post.id().length() + post.text().length() + length(post.author());
        chars += length(post.language());
        long bytes = POST_OVERHEAD_BYTES;
        for (String tag : post.hashtags()) {
            chars += tag.length();
            bytes += TAG_OVERHEAD_BYTES;
        }
        return bytes + 2 * chars;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private long parse(String offset) {
        try {
            return Long.parseLong(offset);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "offset '"
                            + offset
                            + "' of input '"
                            + context.name()
                            + "' is not a Jetstream cursor (a time_us in microseconds, such as"
                            + " 1779719009157119), so it was not written by a Bluesky stream;"
                            + " restore this program from its own checkpoint",
                    e);
        }
    }
}
