package dev.ember.social;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostJsonLinesTest {

    @Test
    void writesEveryFieldInOrderOnOneLine() throws IOException {
        Post post =
                new Post(
                        "at://did:plc:abc/app.bsky.feed.post/3k2",
                        "Golazo\n\"#Messi\" 🐐",
                        "did:plc:abc",
                        Instant.parse("2026-05-01T20:15:00Z"),
                        "es",
                        List.of("#messi"),
                        "bluesky");
        StringBuilder out = new StringBuilder();

        PostJsonLines.write(post, Instant.parse("2026-05-01T20:15:00.123Z"), out);

        assertEquals(
                "{\"id\":\"at://did:plc:abc/app.bsky.feed.post/3k2\","
                        + "\"text\":\"Golazo\\n\\\"#Messi\\\" 🐐\",\"author\":\"did:plc:abc\","
                        + "\"createdAt\":\"2026-05-01T20:15:00Z\",\"language\":\"es\","
                        + "\"hashtags\":[\"#messi\"],\"source\":\"bluesky\","
                        + "\"receivedAt\":\"2026-05-01T20:15:00.123Z\"}\n",
                out.toString());
    }

    @Test
    void omitsNullFields() {
        Post post = new Post("1", "text", null, null, null, List.of(), "x");

        assertEquals(
                "{\"id\":\"1\",\"text\":\"text\",\"hashtags\":[],\"source\":\"x\"}",
                PostJsonLines.toJson(post, null));
    }
}
