package dev.ember.social;

import dev.ember.social.internal.PostReceiver;
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
     * <p>The source runs on a receiver thread of its own. {@code sourceFactory} is called when the
     * stream starts, and again for a fresh source when the receiver restarts after the source
     * failed unexpectedly; it is serializable so that a cluster runner can ship it. A source that
     * ends (a replay file at its end) stops the receiver and the stream goes on with empty batches;
     * a source that cannot go on (a {@link dev.ember.streaming.SourceException}, such as a rejected
     * token) stops the receiver and logs why. When the job falls behind, delivering a post waits,
     * which slows the source instead of filling memory.
     *
     * @param ssc the context the stream belongs to
     * @param sourceFactory makes the source, such as {@code () -> PostSources.bluesky().build()}
     */
    public static DStream<Post> posts(
            StreamingContext ssc, Function0<? extends PostSource> sourceFactory) {
        Objects.requireNonNull(ssc, "ssc");
        Objects.requireNonNull(sourceFactory, "sourceFactory");
        return ssc.receiverStream(new PostReceiver(sourceFactory));
    }
}
