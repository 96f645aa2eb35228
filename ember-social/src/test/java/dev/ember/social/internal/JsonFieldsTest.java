package dev.ember.social.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

    @Test
    void parsesTimesWithZOrAnOffsetOrWithoutAZoneAsUtc() {
        Instant expected = Instant.parse("2026-05-25T14:23:28.757Z");

        assertEquals(expected, JsonFields.parseInstant("2026-05-25T14:23:28.757Z"));
        assertEquals(expected, JsonFields.parseInstant("2026-05-25T16:23:28.757+02:00"));
        assertEquals(expected, JsonFields.parseInstant(" 2026-05-25T14:23:28.757 "));
    }

    @Test
    void answersNullForTimesThatDoNotParse() {
        assertNull(JsonFields.parseInstant("yesterday"));
        assertNull(JsonFields.parseInstant(""));
        assertNull(JsonFields.parseInstant(null));
        assertNull(JsonFields.parseInstant("2026-13-45T99:00:00Z"));
    }

    @Test
    void convertsBetweenInstantsAndMicroseconds() {
        Instant t = Instant.parse("2026-05-25T14:23:29.157119Z");

        assertEquals(1779719009157119L, JsonFields.micros(t));
        assertEquals(t, JsonFields.fromMicros(1779719009157119L));
        assertEquals(Parsed.NO_TIME, JsonFields.micros(null));
    }

    @Test
    void readsLongsFromNumbersAndNumericStrings() {
        var node = JsonFields.MAPPER.readTree("{\"a\":12,\"b\":\"34\",\"c\":\"x\",\"d\":1.5}");

        assertEquals(12, JsonFields.longValue(node, "a", -1));
        assertEquals(34, JsonFields.longValue(node, "b", -1));
        assertEquals(-1, JsonFields.longValue(node, "c", -1));
        assertEquals(-1, JsonFields.longValue(node, "d", -1));
        assertEquals(-1, JsonFields.longValue(node, "missing", -1));
    }
}
