package dev.ember.social;

import dev.ember.social.internal.PostJson;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

/**
 * Writes posts in Ember's own JSON Lines shape, the shape that {@link PostSources#replay} reads
 * back: for example a relay's recording of the posts it forwarded.
 *
 * <p>One post is one line holding one JSON object, with these fields in this order:
 *
 * <pre>{@code
 * {"id":"at://did:plc:abc/app.bsky.feed.post/3k2","text":"Golazo #Messi","author":"did:plc:abc",
 *  "createdAt":"2026-05-01T20:15:00Z","language":"es","hashtags":["#messi"],"source":"bluesky",
 *  "receivedAt":"2026-05-01T20:15:00.123Z"}
 * }</pre>
 *
 * (shown on three lines here, always one line in a file). {@code id}, {@code text}, {@code
 * hashtags} and {@code source} are always present; {@code author}, {@code createdAt}, {@code
 * language} and {@code receivedAt} are omitted when null. Times are ISO-8601 instants in UTC as
 * {@link Instant#toString()} writes them. {@code receivedAt} is when the post reached Ember; a
 * replay paces lines by it, else by {@code createdAt}. A line contains no raw line break (breaks in
 * the text are written as {@code \n}), and the file's encoding is UTF-8.
 *
 * <p>Stateless and thread-safe; writing to a shared {@link Appendable} needs the caller's own
 * synchronization.
 */
public final class PostJsonLines {
    private PostJsonLines() {}

    /**
     * The line for {@code post}, without a line terminator.
     *
     * @param receivedAt when the post was received, or {@code null} to omit the field
     */
    public static String toJson(Post post, Instant receivedAt) {
        return PostJson.write(Objects.requireNonNull(post, "post"), receivedAt);
    }

    /**
     * Appends the line for {@code post} and a {@code '\n'} to {@code out}.
     *
     * @param receivedAt when the post was received, or {@code null} to omit the field
     * @throws IOException when {@code out} fails
     */
    public static void write(Post post, Instant receivedAt, Appendable out) throws IOException {
        Objects.requireNonNull(out, "out");
        out.append(toJson(post, receivedAt)).append('\n');
    }
}
