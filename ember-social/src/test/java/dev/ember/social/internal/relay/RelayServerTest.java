package dev.ember.social.internal.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RelayServerTest {

    private static String line(String text) {
        return new String(RelayServer.encode(text), StandardCharsets.UTF_8);
    }

    @Test
    void writesEachPostAsOneLineWithItsLineBreaksAsSpaces() {
        assertEquals("plain\n", line("plain"));
        assertEquals("a b c d e f g h\n", line("a\r\nb\rc\nd\u2028e\u2029f\u0085g\u000Bh"));
        assertEquals("two  breaks\n", line("two\n\nbreaks"));
        assertEquals("tab\tstays ⚽ 🐐\n", line("tab\tstays ⚽ 🐐"));
        assertEquals("\n", line(""));
    }

    @Test
    void encodesTheLineAsUtf8() {
        byte[] bytes = RelayServer.encode("¡Messi! 🐐");
        // ¡ takes two bytes and 🐐 four: 2 + 6 + 1 + 4 + the line feed.
        assertEquals(14, bytes.length);
        assertArrayEquals("¡Messi! 🐐\n".getBytes(StandardCharsets.UTF_8), bytes);
    }
}
