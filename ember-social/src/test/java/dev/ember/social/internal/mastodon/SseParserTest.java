package dev.ember.social.internal.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.social.internal.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    private static List<String> events(String... lines) {
        SseParser parser = new SseParser();
        List<String> events = new ArrayList<>();
        for (String line : lines) {
            SseParser.Event event = parser.line(line);
            if (event != null) {
                events.add(event.type() + "=" + event.data());
            }
        }
        return events;
    }

    @Test
    void dispatchesAnEventAtTheBlankLineAfterItsFields() {
        assertEquals(
                List.of("update={\"id\":1}", "delete=42"),
                events("event: update", "data: {\"id\":1}", "", "event: delete", "data: 42", ""));
    }

    @Test
    void joinsSeveralDataLinesWithNewlines() {
        assertEquals(
                List.of("update=a\nb\n"), events("event: update", "data: a", "data:b", "data", ""));
    }

    @Test
    void ignoresCommentsSuchAsHeartbeatsAndEventsWithoutData() {
        assertEquals(
                List.of("message=x"),
                events(":thump", "", "event: filters_changed", "", ":)", "data: x", ""));
        assertTrue(SseParser.isComment(":thump"));
    }

    @Test
    void dropsOnlyOneSpaceAfterTheColonAndIgnoresIdAndRetry() {
        assertEquals(
                List.of("update=  two spaces kept but one"),
                events(
                        "id: 7",
                        "retry: 1000",
                        "event:update",
                        "data:   two spaces kept but one",
                        ""));
    }

    @Test
    void readsMastodonsStreamFixture() {
        List<String> types = new ArrayList<>();
        SseParser parser = new SseParser();
        for (String line : Fixtures.lines("mastodon/stream.txt")) {
            SseParser.Event event = parser.line(line);
            if (event != null) {
                types.add(event.type());
            }
        }

        assertEquals(
                List.of(
                        "update",
                        "delete",
                        "status.update",
                        "update",
                        "update",
                        "notification",
                        "update"),
                types);
    }
}
