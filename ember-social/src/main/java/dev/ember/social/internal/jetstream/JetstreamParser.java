package dev.ember.social.internal.jetstream;

import dev.ember.social.Hashtags;
import dev.ember.social.Post;
import dev.ember.social.internal.JsonFields;
import dev.ember.social.internal.Parsed;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/*
 * One Jetstream event (a JSON text frame of /subscribe) to a Post.
 *
 * Kept: kind=commit with operation=create in collection app.bsky.feed.post. Ignored on purpose
 * (not counted): other kinds (identity and account events bypass wantedCollections), other
 * operations (update, delete), other collections, and kinds added later. Malformed (counted):
 * not JSON, not an object, or a post create without did, rkey or a string record.text.
 *
 * The post: id is the AT URI at://<did>/app.bsky.feed.post/<rkey>; author the did (handles are not
 * in commit events); language the first of record.langs; createdAt from record.createdAt, lenient
 * (a client-declared value that does not parse is null, the post is kept). Hashtags are the #tag
 * facets in order, then record.tags; when a #tag feature has no usable tag, the facet's UTF-8 byte
 * range [byteStart, byteEnd) of the text is used, unless the range is outside the text or splits a
 * character. Without any of these, Hashtags.of falls back to the text. The event's time_us is the
 * resume cursor and the replay pace.
 */
public final class JetstreamParser {
    public static final String COLLECTION = "app.bsky.feed.post";
    static final String TAG_FEATURE = "app.bsky.richtext.facet#tag";

    private JetstreamParser() {}

    public static Parsed parse(String message) {
        JsonNode node;
        try {
            node = JsonFields.MAPPER.readTree(message);
        } catch (JacksonException e) {
            return Parsed.malformed("not JSON");
        }
        if (node == null || !node.isObject()) {
            return Parsed.malformed("not a JSON object");
        }
        return parse(node);
    }

    /** True when {@code node} looks like a Jetstream event (for replay's shape detection). */
    public static boolean looksLikeEvent(JsonNode node) {
        return node.has("kind") && (node.has("did") || node.has("time_us"));
    }

    public static Parsed parse(JsonNode event) {
        long timeUs = JsonFields.longValue(event, "time_us", Parsed.NO_TIME);
        if (!"commit".equals(JsonFields.string(event, "kind"))) {
            return Parsed.ignored(timeUs);
        }
        JsonNode commit = JsonFields.object(event, "commit");
        if (commit == null) {
            return Parsed.malformed("commit event without a commit object");
        }
        if (!"create".equals(JsonFields.string(commit, "operation"))
                || !COLLECTION.equals(JsonFields.string(commit, "collection"))) {
            return Parsed.ignored(timeUs);
        }
        String did = JsonFields.string(event, "did");
        String rkey = JsonFields.string(commit, "rkey");
        JsonNode record = JsonFields.object(commit, "record");
        String text = JsonFields.string(record, "text");
        if (did == null || did.isBlank() || rkey == null || rkey.isBlank()) {
            return Parsed.malformed("post without did or rkey");
        }
        if (text == null) {
            return Parsed.malformed("post without record.text");
        }
        List<String> tags = new ArrayList<>();
        addFacetTags(record, text, tags);
        tags.addAll(JsonFields.strings(record, "tags"));
        List<String> langs = JsonFields.strings(record, "langs");
        String language = langs.isEmpty() || langs.get(0).isBlank() ? null : langs.get(0);
        Post post =
                new Post(
                        "at://" + did + "/" + COLLECTION + "/" + rkey,
                        text,
                        did,
                        JsonFields.instant(record, "createdAt"),
                        language,
                        Hashtags.of(tags, text),
                        "bluesky");
        return Parsed.post(post, timeUs);
    }

    private static void addFacetTags(JsonNode record, String text, List<String> tags) {
        byte[] utf8 = null;
        for (JsonNode facet : JsonFields.array(record, "facets")) {
            for (JsonNode feature : JsonFields.array(facet, "features")) {
                if (!TAG_FEATURE.equals(JsonFields.string(feature, "$type"))) {
                    continue;
                }
                String tag = JsonFields.string(feature, "tag");
                if (tag != null && !tag.isBlank()) {
                    tags.add(tag);
                    continue;
                }
                if (utf8 == null) {
                    utf8 = text.getBytes(StandardCharsets.UTF_8);
                }
                String sliced = slice(utf8, JsonFields.object(facet, "index"));
                if (sliced != null) {
                    tags.add(sliced);
                }
            }
        }
    }

    /** The text in a facet's byte range, or null when the range is not a whole-character slice. */
    static String slice(byte[] utf8, JsonNode index) {
        long start = JsonFields.longValue(index, "byteStart", -1);
        long end = JsonFields.longValue(index, "byteEnd", -1);
        if (start < 0 || end <= start || end > utf8.length) {
            return null;
        }
        if (isContinuation(utf8, (int) start) || isContinuation(utf8, (int) end)) {
            return null;
        }
        return new String(Arrays.copyOfRange(utf8, (int) start, (int) end), StandardCharsets.UTF_8);
    }

    private static boolean isContinuation(byte[] utf8, int i) {
        return i < utf8.length && (utf8[i] & 0xC0) == 0x80;
    }
}
