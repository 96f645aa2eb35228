package dev.ember.social.internal.jetstream;

import dev.ember.social.Post;
import dev.ember.social.PostSource;

/*
 * A post source whose posts carry Jetstream's cursor, the event's time_us, and that can start just
 * before a cursor: what the replayable stream input (JetstreamPosts) needs from a source. The
 * one implementation is JetstreamSource; SocialStreams takes the replayable path for any source of
 * this type, so a wrapper that keeps the type (such as one that watches deliveries) keeps the path.
 */
public interface CursorSource extends PostSource {

    /**
     * Makes the first connection go on after {@code afterMicros}, a time_us that this or an earlier
     * run delivered: with the cursor a little before it (the rewind a reconnect uses), or from the
     * live stream when it is older than what Jetstream keeps. Called before running.
     */
    void resumeAfter(long afterMicros);

    /**
     * Delivers posts with their time_us to {@code sink} until the source is closed or the thread is
     * interrupted, as {@link PostSource#run} does. Called at most once, instead of {@code run}.
     */
    void runWithCursors(CursorSink sink) throws InterruptedException;

    /** Takes the posts of a {@link CursorSource}. */
    @FunctionalInterface
    interface CursorSink {
        /**
         * Takes {@code post}, whose event had {@code timeMicros} as its time_us ({@code
         * Parsed.NO_TIME} when it had none); may block, which holds up the next message.
         */
        void accept(Post post, long timeMicros) throws InterruptedException;
    }
}
