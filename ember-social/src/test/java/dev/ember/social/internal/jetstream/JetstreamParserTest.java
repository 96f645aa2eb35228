package dev.ember.social.internal.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.social.Post;
import dev.ember.social.internal.Fixtures;
import dev.ember.social.internal.JsonFields;
import dev.ember.social.internal.Parsed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class JetstreamParserTest {
    private static final String EVENTS = "jetstream/events.jsonl";
    private static final String A = "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String B = "did:plc:bbbbbbbbbbbbbbbbbbbbbbbb";

    private static Parsed parse(String marker) {
        return JetstreamParser.parse(Fixtures.line(EVENTS, marker));
    }

    /** The create event of the post with record key {@code rkey}. */
    private static Parsed post(String rkey) {
        return parse(
                "\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\""
                        + rkey
                        + "\"");
    }

    private static String uri(String did, String rkey) {
        return "at://" + did + "/app.bsky.feed.post/" + rkey;
    }

    @Test
    void readsAPostWithTagFacetsAsItsAtUriDidLanguageAndHashtags() {
        Parsed parsed = post("3kscores");

        assertEquals(
                new Post(
                        uri(A, "3kscores"),
                        "Messi scores again! #messi #InterMiami ⚽",
                        A,
                        Instant.parse("2026-05-25T14:23:28.757Z"),
                        "en",
                        List.of("#messi", "#intermiami"),
                        "bluesky"),
                parsed.post());
        assertEquals(1779719009000001L, parsed.timeMicros());
    }

    @Test
    void readsMultiByteTextWhoseFacetOffsetsCountUtf8Bytes() {
        String text = "¡Golazo de Messi! 🐐 #Messi";
        assertEquals(20, text.codePointCount(0, text.indexOf("#Messi")), "code points before");
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        assertEquals("#Messi", new String(utf8, 24, 6, StandardCharsets.UTF_8));

        assertEquals(
                new Post(
                        uri(B, "3kgolazo"),
                        text,
                        B,
                        Instant.parse("2026-05-25T14:23:28.900Z"),
                        "es",
                        List.of("#messi"),
                        "bluesky"),
                post("3kgolazo").post());
    }

    @Test
    void takesHashtagsFromTheTextWhenAPostHasNoFacets() {
        assertEquals(List.of("#argentina", "#messi"), post("3knofacets").post().hashtags());
    }

    @Test
    void takesRecordTagsThatAreNotInTheText() {
        Post post = post("3krecordtags").post();

        assertEquals("Match day tonight", post.text());
        assertEquals(List.of("#messi", "#football"), post.hashtags());
    }

    @Test
    void slicesTheFacetsByteRangeWhenATagFeatureHasNoTag() {
        assertEquals(List.of("#goat"), post("3ksliced").post().hashtags());
    }

    @Test
    void skipsFacetsWhoseRangeSplitsACharacterOrLiesBeyondTheText() {
        Post post = post("3kbadoffsets").post();

        assertEquals("Messi 🐐 forever", post.text());
        assertEquals(List.of(), post.hashtags());
    }

    @Test
    void mergesFacetTagsAndRecordTagsWithoutDuplicates() {
        assertEquals(List.of("#messi", "#worldcup"), post("3kboth").post().hashtags());
    }

    @Test
    void ignoresUnknownFieldsMentionAndLinkFacetsAndKeepsAPostWithAnUnparseableCreatedAt() {
        assertEquals(
                new Post(
                        uri(A, "3kunknown"),
                        "Gracias @fan.example.com https://example.com/gol #gol",
                        A,
                        null,
                        null,
                        List.of("#gol"),
                        "bluesky"),
                post("3kunknown").post());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"operation\":\"delete\"",
                "\"kind\":\"account\"",
                "\"kind\":\"identity\"",
                "app.bsky.feed.like\",\"rkey",
                "\"operation\":\"update\"",
                "\"kind\":\"sync\""
            })
    void ignoresEventsThatAreNotNewPostsWithoutCountingThem(String marker) {
        Parsed parsed = parse(marker);

        assertFalse(parsed.isPost());
        assertFalse(parsed.isMalformed());
        assertTrue(parsed.hasTime(), "the event's time_us still moves the cursor");
    }

    @Test
    void reportsMalformedMessagesWithTheirReason() {
        assertEquals("not JSON", parse("did:plc:broken").problem());
        assertEquals("post without record.text", post("3knotext").problem());
        assertEquals("not a JSON object", JetstreamParser.parse("[1,2]").problem());
        assertEquals(
                "commit event without a commit object",
                JetstreamParser.parse("{\"did\":\"d\",\"time_us\":1,\"kind\":\"commit\"}")
                        .problem());
        assertEquals(
                "post without did or rkey",
                JetstreamParser.parse(
                                "{\"time_us\":1,\"kind\":\"commit\",\"commit\":{\"operation\":"
                                        + "\"create\",\"collection\":\"app.bsky.feed.post\","
                                        + "\"rkey\":\"r\",\"record\":{\"text\":\"t\"}}}")
                        .problem());
    }

    @Test
    void readsEveryLineOfTheFixtureAsThePostsAndSkipsListedHere() {
        List<String> posts = new ArrayList<>();
        int malformed = 0;
        for (String line : Fixtures.lines(EVENTS)) {
            Parsed parsed = JetstreamParser.parse(line);
            if (parsed.isPost()) {
                posts.add(parsed.post().id().substring(parsed.post().id().lastIndexOf('/') + 1));
            } else if (parsed.isMalformed()) {
                malformed++;
            }
        }

        assertEquals(
                List.of(
                        "3kscores",
                        "3kgolazo",
                        "3knofacets",
                        "3krecordtags",
                        "3ksliced",
                        "3kbadoffsets",
                        "3kunknown",
                        "3kboth"),
                posts);
        assertEquals(2, malformed);
    }

    @Test
    void slicesOnlyWholeCharacterRanges() {
        byte[] utf8 = "a🐐b".getBytes(StandardCharsets.UTF_8);

        assertEquals("🐐", JetstreamParser.slice(utf8, index(1, 5)));
        assertNull(JetstreamParser.slice(utf8, index(2, 5)), "starts inside the goat");
        assertNull(JetstreamParser.slice(utf8, index(1, 4)), "ends inside the goat");
        assertNull(JetstreamParser.slice(utf8, index(5, 5)), "empty");
        assertNull(JetstreamParser.slice(utf8, index(5, 7)), "beyond the end");
        assertNull(JetstreamParser.slice(utf8, index(-1, 1)), "negative");
        assertNull(JetstreamParser.slice(utf8, null), "no index");
    }

    private static JsonNode index(int start, int end) {
        return JsonFields.MAPPER.readTree("{\"byteStart\":" + start + ",\"byteEnd\":" + end + "}");
    }
}
