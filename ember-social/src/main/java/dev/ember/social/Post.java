package dev.ember.social;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One public post from a social network, a replay file or the demo stream: the "tweet" of the
 * tutorial.
 *
 * <p>{@code hashtags} are normalised as {@link Hashtags} does: lower-cased with {@code
 * Locale.ROOT}, kept with their leading {@code #}, without duplicates, in order of first
 * appearance. {@code author}, {@code createdAt} and {@code language} are {@code null} when the
 * source does not say.
 *
 * @param id the source's identifier of the post (a Bluesky AT URI {@code
 *     at://<did>/app.bsky.feed.post/<rkey>}, an X post id, a Mastodon status id)
 * @param text the plain text of the post (HTML already removed)
 * @param author the author's handle or identifier, or {@code null}
 * @param createdAt when the author says the post was written, or {@code null}
 * @param language the post's BCP-47 language tag, or {@code null}
 * @param hashtags the post's hashtags, normalised
 * @param source the name of the source kind: {@code bluesky}, {@code x}, {@code mastodon} or {@code
 *     demo}; a replayed post keeps the name of the source it was recorded from
 */
public record Post(
        String id,
        String text,
        String author,
        Instant createdAt,
        String language,
        List<String> hashtags,
        String source)
        implements Serializable {

    /** Checks the required fields and freezes {@code hashtags}. */
    public Post {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        hashtags = List.copyOf(hashtags);
    }
}
