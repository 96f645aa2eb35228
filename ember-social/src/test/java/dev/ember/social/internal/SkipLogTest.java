package dev.ember.social.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SkipLogTest {

    @Test
    void countsEverySkippedMessage() {
        SkipLog skips = new SkipLog(LoggerFactory.getLogger(SkipLogTest.class), "test");

        skips.skip("not JSON", "line 1", "x");
        skips.skip("not JSON", "line 2", "y");
        skips.skip("no text", "line 3", "{}");

        assertEquals(3, skips.count());
    }

    @Test
    void samplesOnOneLineWithControlCharactersEscapedAndLongTextShortened() {
        assertEquals("'a\\nb\\tc\\u0001'", SkipLog.sample("a\nb\tc\u0001"));
        String sample = SkipLog.sample("x".repeat(200));
        assertEquals("'" + "x".repeat(160) + "'... (200 chars)", sample);
        assertEquals("null", SkipLog.sample(null));
    }
}
