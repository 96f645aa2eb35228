package dev.ember.social.internal;

import dev.ember.social.Post;

/**
 * What a source's parser made of one message: a post, a message it ignores on purpose (a delete, a
 * like, a keep-alive), or a malformed one with the reason it is skipped. {@code timeMicros} is the
 * message's time in microseconds since the epoch when it has one (Jetstream's {@code time_us}, a
 * post's creation time elsewhere), used for pacing replays and for resuming, else {@link #NO_TIME}.
 */
public record Parsed(Post post, long timeMicros, String problem) {
    public static final long NO_TIME = Long.MIN_VALUE;

    public static Parsed post(Post post, long timeMicros) {
        return new Parsed(post, timeMicros, null);
    }

    public static Parsed ignored(long timeMicros) {
        return new Parsed(null, timeMicros, null);
    }

    public static Parsed malformed(String problem) {
        return new Parsed(null, NO_TIME, problem);
    }

    public boolean isPost() {
        return post != null;
    }

    public boolean isMalformed() {
        return problem != null;
    }

    public boolean hasTime() {
        return timeMicros != NO_TIME;
    }
}
