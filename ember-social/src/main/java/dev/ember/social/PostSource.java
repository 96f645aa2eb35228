package dev.ember.social;

import java.util.function.Consumer;

/**
 * A stream of posts from one place: a live network, a replay file or the synthetic demo. {@link
 * PostSources} creates them.
 *
 * <p>The relay and {@link SocialStreams} drive a source the same way: one thread calls {@link
 * #run}, which delivers posts to the sink in the order the source produced them and returns only
 * when the source is exhausted (a replay file at its end), closed, or the thread is interrupted. (A
 * Bluesky source in {@link SocialStreams} is run the same way, with each post's Jetstream cursor
 * handed on too, so that the stream can resume after it.) Live sources reconnect by themselves
 * inside {@code run}; malformed messages are counted, logged and skipped. {@code run} throws {@link
 * dev.ember.streaming.SourceException} only when it cannot go on at all (a rejected token, a
 * missing file), with a message that says what to do.
 */
public interface PostSource extends AutoCloseable {

    /** A short description for logs and progress lines, such as {@code bluesky (jetstream2...)}. */
    String description();

    /**
     * Delivers posts to {@code sink} until the source is exhausted, {@link #close()}d or the
     * calling thread is interrupted. Called at most once per instance.
     *
     * @throws InterruptedException if the calling thread was interrupted while waiting
     */
    void run(Consumer<Post> sink) throws InterruptedException;

    /**
     * How many messages this source received but skipped because they were malformed (not JSON, a
     * post without text, a line that is not a post); each kind is logged with a sample the first
     * time. Other events a source ignores on purpose, such as deletes or likes, are not counted.
     * Callable from any thread.
     */
    long skippedCount();

    /** Makes {@link #run} return soon; callable from any thread, any number of times. */
    @Override
    void close();
}
