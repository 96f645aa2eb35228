package dev.ember.social.internal.jetstream;

import dev.ember.social.Post;
import dev.ember.social.internal.Parsed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A synthetic stretch of Jetstream's firehose: events one tenth of a second apart, mostly posts
 * with hashtags, with likes, deletes and identity events between them, as {@code /subscribe} sends
 * them (identity events pass every collection filter).
 */
final class JetstreamEvents {
    static final long T = 1779719009000000L;
    static final long STEP_MICROS = 100_000;
    private static final String[] TAGS = {"messi", "goal", "rain", "music", "news", "Messi"};

    private JetstreamEvents() {}

    /** Events {@code 0 .. count - 1}: event {@code i} has {@code time_us = T + i * STEP}. */
    static List<String> stream(int count) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(event(i));
        }
        return events;
    }

    static long time(int i) {
        return T + i * STEP_MICROS;
    }

    /** Event {@code i}: every fifth a like, every seventh a delete or identity, else a post. */
    static String event(int i) {
        long time = time(i);
        String did = "did:plc:author" + (i % 9);
        if (i % 5 == 4) {
            return "{\"did\":\""
                    + did
                    + "\",\"time_us\":"
                    + time
                    + ",\"kind\":\"commit\","
                    + "\"commit\":{\"rev\":\"r"
                    + i
                    + "\",\"operation\":\"create\","
                    + "\"collection\":\"app.bsky.feed.like\",\"rkey\":\"like"
                    + i
                    + "\","
                    + "\"record\":{\"$type\":\"app.bsky.feed.like\"}}}";
        }
        if (i % 7 == 6) {
            return i % 2 == 0
                    ? "{\"did\":\""
                            + did
                            + "\",\"time_us\":"
                            + time
                            + ",\"kind\":\"commit\","
                            + "\"commit\":{\"rev\":\"r"
                            + i
                            + "\",\"operation\":\"delete\","
                            + "\"collection\":\"app.bsky.feed.post\",\"rkey\":\"post"
                            + (i - 6)
                            + "\"}}"
                    : "{\"did\":\""
                            + did
                            + "\",\"time_us\":"
                            + time
                            + ",\"kind\":\"identity\","
                            + "\"identity\":{\"did\":\""
                            + did
                            + "\",\"seq\":"
                            + i
                            + ",\"time\":\"2026-05-25T14:23:29.950Z\"}}";
        }
        String tags = "#" + TAGS[i % TAGS.length] + (i % 3 == 0 ? " #" + TAGS[(i / 3) % 4] : "");
        return "{\"did\":\""
                + did
                + "\",\"time_us\":"
                + time
                + ",\"kind\":\"commit\","
                + "\"commit\":{\"rev\":\"r"
                + i
                + "\",\"operation\":\"create\","
                + "\"collection\":\"app.bsky.feed.post\",\"rkey\":\"post"
                + i
                + "\","
                + "\"record\":{\"$type\":\"app.bsky.feed.post\","
                + "\"createdAt\":\"2026-05-25T14:23:28.757Z\",\"langs\":[\"en\"],"
                + "\"text\":\"post "
                + i
                + " "
                + tags
                + "\"},\"cid\":\"c"
                + i
                + "\"}}";
    }

    /** The posts of {@code events}, in order. */
    static List<Post> posts(List<String> events) {
        List<Post> posts = new ArrayList<>();
        for (String event : events) {
            Parsed parsed = JetstreamParser.parse(event);
            if (parsed.isPost()) {
                posts.add(parsed.post());
            }
        }
        return posts;
    }

    /** How many of {@code posts} carry each hashtag. */
    static Map<String, Integer> tagCounts(List<Post> posts) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Post post : posts) {
            for (String tag : post.hashtags()) {
                counts.merge(tag, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The index of the last post at or before event {@code i}. */
    static int lastPostAtOrBefore(int i) {
        int k = i;
        while (!JetstreamParser.parse(event(k)).isPost()) {
            k--;
        }
        return k;
    }
}
