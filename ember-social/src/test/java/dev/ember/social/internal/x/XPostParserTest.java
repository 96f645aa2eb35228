package dev.ember.social.internal.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.social.Post;
import dev.ember.social.internal.Fixtures;
import dev.ember.social.internal.JsonFields;
import dev.ember.social.internal.Parsed;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class XPostParserTest {

    private static XPostParser.Message parse(String id) {
        return XPostParser.parse(Fixtures.line("x/stream.jsonl", "\"id\":\"" + id + "\",\"text"));
    }

    private static Post post(String id) {
        return parse(id).parsed().post();
    }

    @Test
    void readsAPostWithItsAuthorsUsernameLanguageTimeAndEntityHashtags() {
        Parsed parsed = parse("1900000000000000001").parsed();

        assertEquals(
                new Post(
                        "1900000000000000001",
                        "Messi scores again! #messi #InterMiami",
                        "fan42",
                        Instant.parse("2026-05-01T20:15:00Z"),
                        "en",
                        List.of("#messi", "#intermiami"),
                        "x"),
                parsed.post());
        assertEquals(JsonFields.micros(Instant.parse("2026-05-01T20:15:00Z")), parsed.timeMicros());
    }

    @Test
    void fallsBackToTheAuthorIdWhenTheUserIsNotIncluded() {
        Post post = post("1900000000000000002");

        assertEquals("43", post.author());
        assertEquals("¡Golazo de Messi! 🐐 #Messi", post.text());
        assertEquals(List.of("#messi"), post.hashtags());
    }

    @Test
    void decodesTheEntitiesXEscapesAndTakesUndeterminedLanguageAsNone() {
        Post post = post("1900000000000000003");

        assertEquals("Messi & Di María <3 #Messi #messi", post.text());
        assertEquals(List.of("#messi"), post.hashtags());
        assertEquals(null, post.language());
    }

    @Test
    void takesTheFullTextAndHashtagsOfALongPost() {
        Post post = post("1900000000000000004");

        assertTrue(post.text().endsWith("until the very last line #Messi #Final"), post.text());
        assertEquals(List.of("#messi", "#final"), post.hashtags());
        assertEquals("longform", post.author());
    }

    @Test
    void findsHashtagsInTheTextWhenEntitiesWereNotRequested() {
        Post post = post("1900000000000000005");

        assertEquals(List.of("#argentina", "#messi"), post.hashtags());
        assertEquals(null, post.author());
        assertEquals(null, post.createdAt());
    }

    @Test
    void ignoresUnknownFieldsAndPartialErrorsNextToAPost() {
        XPostParser.Message message = parse("1900000000000000007");

        assertEquals(List.of("#worldcup"), message.parsed().post().hashtags());
        assertEquals("referee", message.parsed().post().author());
        assertEquals(List.of(), message.problems());
    }

    @Test
    void returnsTheProblemsOfAnErrorsLineWithoutCountingIt() {
        XPostParser.Message message =
                XPostParser.parse(Fixtures.line("x/stream.jsonl", "operational-disconnect"));

        assertFalse(message.parsed().isPost());
        assertFalse(message.parsed().isMalformed());
        assertEquals(1, message.problems().size());
        XProblem problem = message.problems().get(0);
        assertTrue(problem.isDisconnect());
        assertEquals("UpstreamOperationalDisconnect", problem.disconnectType());
    }

    @Test
    void readsAConnectionProblemBodyAsAProblem() {
        XPostParser.Message message =
                XPostParser.parse(Fixtures.text("x/error-too-many-connections.json").strip());

        assertTrue(message.problems().get(0).isTooManyConnections());
        assertEquals(
                "ConnectionException (TooManyConnections): This stream is currently at the maximum"
                        + " allowed connection limit.",
                message.problems().get(0).summary());
    }

    @Test
    void reportsMalformedLinesWithTheirReason() {
        assertEquals("not JSON", XPostParser.parse("not json at all").parsed().problem());
        assertEquals("not a JSON object", XPostParser.parse("\"text\"").parsed().problem());
        assertEquals(
                "neither a post (data) nor errors",
                XPostParser.parse("{\"meta\":{}}").parsed().problem());
        assertEquals(
                "post without id or text",
                XPostParser.parse(Fixtures.line("x/stream.jsonl", "1900000000000000006"))
                        .parsed()
                        .problem());
    }
}
