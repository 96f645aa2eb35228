package dev.ember.social.internal.x;

import dev.ember.social.Hashtags;
import dev.ember.social.Post;
import dev.ember.social.internal.HtmlText;
import dev.ember.social.internal.JsonFields;
import dev.ember.social.internal.Parsed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/*
 * One line of X's filtered stream (or of a capture of it) to a Post.
 *
 * A line with a data object is a post: id and text are required (else malformed). A long post's
 * full text and hashtags come from data.note_tweet when X sends it, else from data.text and
 * data.entities.hashtags[].tag. X escapes &, < and > in text as HTML entities; they are decoded.
 * author is the username of the includes.users entry whose id is data.author_id, else the
 * author_id; language is data.lang, except "und" (undetermined), which is null; createdAt is
 * data.created_at, which is also the replay pace. A line with only errors is not a post: its
 * problems are returned for the source to act on (operational-disconnect, TooManyConnections).
 */
public final class XPostParser {
    private XPostParser() {}

    /** A parsed line: the post or why not, and the problems the line carried. */
    public record Message(Parsed parsed, List<XProblem> problems) {}

    public static Message parse(String line) {
        JsonNode node;
        try {
            node = JsonFields.MAPPER.readTree(line);
        } catch (JacksonException e) {
            return new Message(Parsed.malformed("not JSON"), List.of());
        }
        if (node == null || !node.isObject()) {
            return new Message(Parsed.malformed("not a JSON object"), List.of());
        }
        return parse(node);
    }

    /** True when {@code node} looks like a line of the filtered stream (for replay). */
    public static boolean looksLikeStreamLine(JsonNode node) {
        return JsonFields.object(node, "data") != null || (node.has("errors") && !node.has("text"));
    }

    public static Message parse(JsonNode node) {
        JsonNode data = JsonFields.object(node, "data");
        if (data == null) {
            List<XProblem> problems = XProblem.allOf(node);
            if (problems.isEmpty()) {
                return new Message(Parsed.malformed("neither a post (data) nor errors"), List.of());
            }
            return new Message(Parsed.ignored(Parsed.NO_TIME), problems);
        }
        String id = JsonFields.id(data, "id");
        String text = JsonFields.string(data, "text");
        if (id == null || id.isEmpty() || text == null) {
            return new Message(Parsed.malformed("post without id or text"), List.of());
        }
        JsonNode entities = JsonFields.object(data, "entities");
        JsonNode note = JsonFields.object(data, "note_tweet");
        String noteText = JsonFields.string(note, "text");
        if (noteText != null && !noteText.isEmpty()) {
            text = noteText;
            entities = JsonFields.object(note, "entities");
        }
        text = HtmlText.decodeEntities(text);
        List<String> tags = new ArrayList<>();
        for (JsonNode hashtag : JsonFields.array(entities, "hashtags")) {
            String tag = JsonFields.string(hashtag, "tag");
            if (tag != null) {
                tags.add(tag);
            }
        }
        String language = JsonFields.string(data, "lang");
        if (language != null && (language.isBlank() || language.equals("und"))) {
            language = null;
        }
        Instant createdAt = JsonFields.instant(data, "created_at");
        Post post =
                new Post(
                        id,
                        text,
                        author(node, JsonFields.id(data, "author_id")),
                        createdAt,
                        language,
                        Hashtags.of(tags, text),
                        "x");
        return new Message(Parsed.post(post, JsonFields.micros(createdAt)), List.of());
    }

    private static String author(JsonNode node, String authorId) {
        if (authorId == null) {
            return null;
        }
        for (JsonNode user : JsonFields.array(JsonFields.object(node, "includes"), "users")) {
            if (authorId.equals(JsonFields.id(user, "id"))) {
                String username = JsonFields.string(user, "username");
                if (username != null && !username.isBlank()) {
                    return username;
                }
            }
        }
        return authorId;
    }
}
