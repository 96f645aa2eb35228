package dev.ember.social.internal.mastodon;

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
 * One Mastodon Status (the data of an "update" event, or a line of a capture) to a Post.
 *
 * id is the status id, text the HTML content as plain text (HtmlText), author account.acct,
 * language and created_at as given (created_at is also the replay pace), hashtags tags[].name
 * (Mastodon may change their case; Hashtags normalises). Ignored on purpose, not counted: boosts
 * (reblog is not null: the original was or will be counted) and statuses whose visibility is set
 * and is not public. Malformed: not JSON, not an object, no id or no string content.
 *
 * A capture line may also be a message of Mastodon's WebSocket streaming API, {"stream": [...],
 * "event": "update", "payload": "<Status JSON as a string>"}; its update payload is parsed the
 * same way, other events are ignored.
 */
public final class MastodonStatusParser {
    private MastodonStatusParser() {}

    public static Parsed parse(String json) {
        JsonNode node;
        try {
            node = JsonFields.MAPPER.readTree(json);
        } catch (JacksonException e) {
            return Parsed.malformed("not JSON");
        }
        if (node == null || !node.isObject()) {
            return Parsed.malformed("not a JSON object");
        }
        return parse(node);
    }

    /** True when {@code node} looks like a Status. */
    public static boolean looksLikeStatus(JsonNode node) {
        return node.has("content") && node.has("account");
    }

    /** True when {@code node} looks like a message of the WebSocket streaming API. */
    public static boolean looksLikeWebSocketMessage(JsonNode node) {
        return node.has("event") && node.has("stream");
    }

    /** The post of a WebSocket streaming message; other events are ignored. */
    public static Parsed parseWebSocketMessage(JsonNode node) {
        if (!"update".equals(JsonFields.string(node, "event"))) {
            return Parsed.ignored(Parsed.NO_TIME);
        }
        String payload = JsonFields.string(node, "payload");
        if (payload != null) {
            return parse(payload);
        }
        JsonNode status = JsonFields.object(node, "payload");
        return status == null ? Parsed.malformed("update without a payload") : parse(status);
    }

    public static Parsed parse(JsonNode status) {
        String id = JsonFields.id(status, "id");
        String content = JsonFields.string(status, "content");
        if (id == null || id.isEmpty() || content == null) {
            return Parsed.malformed("status without id or content");
        }
        Instant createdAt = JsonFields.instant(status, "created_at");
        long time = JsonFields.micros(createdAt);
        JsonNode reblog = status.get("reblog");
        if (reblog != null && !reblog.isNull()) {
            return Parsed.ignored(time);
        }
        String visibility = JsonFields.string(status, "visibility");
        if (visibility != null && !visibility.equals("public")) {
            return Parsed.ignored(time);
        }
        String text = HtmlText.toPlainText(content);
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : JsonFields.array(status, "tags")) {
            String name = JsonFields.string(tag, "name");
            if (name != null) {
                tags.add(name);
            }
        }
        String author = JsonFields.string(JsonFields.object(status, "account"), "acct");
        String language = JsonFields.string(status, "language");
        Post post =
                new Post(
                        id,
                        text,
                        author == null || author.isBlank() ? null : author,
                        createdAt,
                        language == null || language.isBlank() ? null : language,
                        Hashtags.of(tags, text),
                        "mastodon");
        return Parsed.post(post, time);
    }
}
