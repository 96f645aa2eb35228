package dev.ember.social;

import dev.ember.social.internal.PostReceiver;
import dev.ember.social.internal.jetstream.CursorSource;
import dev.ember.social.internal.jetstream.JetstreamPosts;
import dev.ember.streaming.DStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.function.Function0;
import java.util.Objects;

/**
 * Posts as a stream input: the tutorial's tweets read straight into a job, without the relay and
 * its socket in between.
 *
 * <pre>{@code
 * StreamingContext ssc = new StreamingContext("local[2]", "hashtags", Durations.seconds(10));
 * KeywordFilter track = KeywordFilter.of("messi");
 * DStream<Post> posts = SocialStreams.posts(ssc, () -> PostSources.bluesky().build())
 *         .filter(track::matches);
 * posts.flatMap(post -> post.hashtags().iterator()).countByValue().print();
 * }</pre>
 */
public final class SocialStreams {
    private SocialStreams() {}

    /**
     * A stream of the posts that a source delivers: the posts delivered until time {@code t} belong
     * to the batch at {@code t}.
     *
     * <p>{@code sourceFactory} is called once here, so that a source that cannot be built (such as
     * X without a token) fails when the stream is defined; the source it returns is the one that
     * runs first when the context starts. It is serializable so that a cluster runner can ship it.
     * The source runs on a thread of its own; when the job falls behind, delivering a post waits,
     * which slows the source instead of filling memory.
     *
     * <p>A Bluesky source ({@link PostSources#bluesky()}) is a replayable input whose offset is
     * Jetstream's cursor, the {@code time_us} of the last post of each batch: after a restart from
     * a checkpoint the stream resumes after the checkpointed cursor, with the posts Jetstream sends
     * again dropped, so state counts every post once. That holds within Jetstream's replay window
     * of 36 hours; from an older cursor the stream goes on from the live stream and says so in the
     * log. A failure that cannot be retried (a refused handshake) is logged and the input delivers
     * no further posts; another failure restarts the connection with a fresh source from the
     * factory, after the last post taken. The posts wait in memory, bounded in bytes (an eighth of
     * the heap, at most 64 MiB), until their batch has run.
     *
     * <p>Any other source runs on a receiver, which cannot replay: the factory is called again for
     * a fresh source when the receiver restarts after the source failed unexpectedly. A source that
     * ends (a replay file at its end) stops the receiver and the stream goes on with empty batches;
     * a source that cannot go on (a {@link dev.ember.streaming.SourceException}, such as a rejected
     * token) stops the receiver and logs why.
     *
     * @param ssc the context the stream belongs to
     * @param sourceFactory makes the source, such as {@code () -> PostSources.bluesky().build()}
     * @throws IllegalArgumentException when {@code sourceFactory} fails or returns null; an
     *     unchecked exception it throws, such as a builder's, is thrown as it is
     */
    public static DStream<Post> posts(
            StreamingContext ssc, Function0<? extends PostSource> sourceFactory) {
        Objects.requireNonNull(ssc, "ssc");
        Objects.requireNonNull(sourceFactory, "sourceFactory");
        PostSource first = create(sourceFactory);
        if (first instanceof CursorSource cursors) {
            return ssc.sourceStream(new JetstreamPosts(sourceFactory, cursors));
        }
        return ssc.receiverStream(new PostReceiver(sourceFactory, first));
    }

    private static PostSource create(Function0<? extends PostSource> sourceFactory) {
        PostSource source;
        try {
            source = sourceFactory.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException(
                    "the post source factory failed: "
                            + e
                            + "; make it return a source such as"
                            + " PostSources.bluesky().build()",
                    e);
        }
        if (source == null) {
            throw new IllegalArgumentException(
                    "the post source factory returned null; return a source such as"
                            + " PostSources.bluesky().build()");
        }
        return source;
    }
}
