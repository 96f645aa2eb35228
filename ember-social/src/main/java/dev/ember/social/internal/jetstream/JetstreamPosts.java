package dev.ember.social.internal.jetstream;

import dev.ember.social.Post;
import dev.ember.social.PostSource;
import dev.ember.spi.Source;
import dev.ember.spi.SourceContext;
import dev.ember.spi.SourceReader;
import dev.ember.streaming.function.Function0;
import java.util.Objects;

/*
 * Bluesky posts as a replayable stream input: what SocialStreams.posts adds to a program when its
 * factory makes a Jetstream source. The offsets are Jetstream cursors (see JetstreamReader), and
 * the input can RESUME after one.
 *
 * The factory is kept to make the sources that run (it is what a cluster runner would ship); the
 * source SocialStreams made at definition to learn the kind is run first when the program starts
 * in this JVM, so a factory with side effects is called once per run, as on the receiver path.
 *
 * The identity is "bluesky" whatever the host: the input's stable name, and with it the names of
 * every stateful stream derived from it, then survive a move to another Jetstream instance, whose
 * cursor is the same time within a few seconds.
 */
public final class JetstreamPosts implements Source<Post> {
    private static final long serialVersionUID = 1L;
    static final long MAX_BUFFER_BYTES = 64L << 20;

    private final Function0<? extends PostSource> factory;
    private final String description;
    private final long bufferBytes;
    private transient CursorSource first;

    /**
     * @param factory makes a {@link CursorSource} for each (re)start
     * @param first the source the factory made at definition, run first
     */
    public JetstreamPosts(Function0<? extends PostSource> factory, CursorSource first) {
        this(factory, first, defaultBufferBytes());
    }

    /** For tests: a bound of {@code bufferBytes} on the posts held. */
    JetstreamPosts(Function0<? extends PostSource> factory, CursorSource first, long bufferBytes) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.first = Objects.requireNonNull(first, "first");
        this.description = first.description();
        if (bufferBytes < 1) {
            throw new IllegalArgumentException("bufferBytes must be positive, got " + bufferBytes);
        }
        this.bufferBytes = bufferBytes;
    }

    /** What the posts of one input may take before their batches ran: an eighth of the heap. */
    static long defaultBufferBytes() {
        return Math.min(MAX_BUFFER_BYTES, Runtime.getRuntime().maxMemory() / 8);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String identity() {
        return "bluesky";
    }

    @Override
    public Replay replay() {
        return Replay.RESUME;
    }

    @Override
    public SourceReader<Post> open(SourceContext context) {
        CursorSource source;
        synchronized (this) {
            source = first;
            first = null;
        }
        return new JetstreamReader(context, description, factory, source, bufferBytes);
    }
}
