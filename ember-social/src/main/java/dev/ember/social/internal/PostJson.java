package dev.ember.social.internal;

import dev.ember.social.Hashtags;
import dev.ember.social.Post;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * Ember's own line shape for posts, as recorded by the relay and read by the replay source: one
 * JSON object with {@code id}, {@code text}, {@code author}, {@code createdAt}, {@code language},
 * {@code hashtags}, {@code source} and {@code receivedAt}, in that order, nulls omitted. The public
 * face is {@link dev.ember.social.PostJsonLines}.
 */
public final class PostJson {
    private PostJson() {}

    /** One JSON object, without a line terminator. */
    public static String write(Post post, Instant receivedAt) {
        StringWriter out = new StringWriter(96 + post.text().length());
        try (JsonGenerator g = JsonFields.MAPPER.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("id", post.id());
            g.writeStringProperty("text", post.text());
            if (post.author() != null) {
                g.writeStringProperty("author", post.author());
            }
            if (post.createdAt() != null) {
                g.writeStringProperty("createdAt", post.createdAt().toString());
            }
            if (post.language() != null) {
                g.writeStringProperty("language", post.language());
            }
            g.writeArrayPropertyStart("hashtags");
            for (String tag : post.hashtags()) {
                g.writeString(tag);
            }
            g.writeEndArray();
            g.writeStringProperty("source", post.source());
            if (receivedAt != null) {
                g.writeStringProperty("receivedAt", receivedAt.toString());
            }
            g.writeEndObject();
        }
        return out.toString();
    }

    /**
     * True when {@code node} has Ember's shape: string {@code id}, {@code text} and {@code source}.
     */
    public static boolean looksLikePost(JsonNode node) {
        return node.has("text") && node.has("source") && node.has("id");
    }

    /**
     * The post of one line of Ember's shape; its time is {@code receivedAt}, else {@code
     * createdAt}. Hashtags, when present, are normalised; when absent they are found in the text.
     */
    public static Parsed parse(JsonNode node) {
        String id = JsonFields.id(node, "id");
        String text = JsonFields.string(node, "text");
        String source = JsonFields.string(node, "source");
        if (id == null || id.isEmpty() || text == null || source == null || source.isBlank()) {
            return Parsed.malformed("an Ember post line needs string id, text and source");
        }
        Instant createdAt = JsonFields.instant(node, "createdAt");
        Instant receivedAt = JsonFields.instant(node, "receivedAt");
        List<String> hashtags;
        JsonNode tags = node.get("hashtags");
        if (tags != null && tags.isArray()) {
            hashtags = new ArrayList<>();
            for (String tag : JsonFields.strings(node, "hashtags")) {
                String normalized = Hashtags.normalize(tag);
                if (normalized != null && !hashtags.contains(normalized)) {
                    hashtags.add(normalized);
                }
            }
        } else {
            hashtags = Hashtags.extract(text);
        }
        String language = JsonFields.string(node, "language");
        Post post =
                new Post(
                        id,
                        text,
                        blankToNull(JsonFields.string(node, "author")),
                        createdAt,
                        blankToNull(language),
                        hashtags,
                        source.strip());
        return Parsed.post(post, JsonFields.micros(receivedAt != null ? receivedAt : createdAt));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
