package dev.ember.social.internal.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ember.social.Post;
import dev.ember.social.internal.Fixtures;
import dev.ember.social.internal.JsonFields;
import dev.ember.social.internal.Parsed;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MastodonStatusParserTest {

    private static Parsed parse(String id) {
        return MastodonStatusParser.parse(
                Fixtures.lineStartingWith("mastodon/statuses.jsonl", "{\"id\":\"" + id + "\""));
    }

    @Test
    void readsAStatusAsPlainTextWithItsAccountAndTagNames() {
        Parsed parsed = parse("113000000000000001");

        assertEquals(
                new Post(
                        "113000000000000001",
                        "Messi again #messi",
                        "fan@example.social",
                        Instant.parse("2026-05-01T20:15:00Z"),
                        "en",
                        List.of("#messi"),
                        "mastodon"),
                parsed.post());
        assertEquals(JsonFields.micros(Instant.parse("2026-05-01T20:15:00Z")), parsed.timeMicros());
    }

    @Test
    void decodesEntitiesAndBreaksLinesAndParagraphs() {
        Post post = parse("113000000000000002").post();

        assertEquals(
                "Golazo & más <3 \"GOAT\" it's 'the' 🐐 🥇\nline two\nline three\n\n"
                        + "Second paragraph #Messi",
                post.text());
        assertEquals(List.of("#messi"), post.hashtags(), "tag MESSI lower-cased");
        assertEquals("es", post.language());
    }

    @Test
    void keepsTheHiddenPartsOfALinkSoItReadsInFull() {
        assertEquals(
                "Read https://example.com/a/very/long/path now",
                parse("113000000000000006").post().text());
    }

    @Test
    void findsHashtagsInTheTextWhenTheStatusHasNoTagsAndAcceptsAnOffsetTime() {
        Post post = parse("113000000000000007").post();

        assertEquals(List.of("#argentina"), post.hashtags());
        assertEquals(null, post.author(), "an account without acct");
        assertEquals(null, post.language());
        assertEquals(Instant.parse("2026-05-01T20:15:07Z"), post.createdAt());
    }

    @Test
    void ignoresBoostsAndStatusesThatAreNotPublicWithoutCountingThem() {
        for (String id : List.of("113000000000000003", "113000000000000004")) {
            Parsed parsed = parse(id);
            assertFalse(parsed.isPost(), id);
            assertFalse(parsed.isMalformed(), id);
        }
    }

    @Test
    void reportsMalformedStatuses() {
        assertEquals("status without id or content", parse("113000000000000005").problem());
        assertEquals("not JSON", MastodonStatusParser.parse("{not json").problem());
        assertEquals("not a JSON object", MastodonStatusParser.parse("113").problem());
    }

    @Test
    void readsTheDoubleEncodedPayloadOfAWebSocketUpdate() {
        String status =
                Fixtures.lineStartingWith(
                        "mastodon/statuses.jsonl", "{\"id\":\"113000000000000001\"");
        var node =
                JsonFields.MAPPER.createObjectNode().put("event", "update").put("payload", status);
        node.putArray("stream").add("public");

        assertEquals(
                "113000000000000001", MastodonStatusParser.parseWebSocketMessage(node).post().id());
        node.put("event", "delete").put("payload", "113000000000000001");
        assertFalse(MastodonStatusParser.parseWebSocketMessage(node).isPost());
    }
}
