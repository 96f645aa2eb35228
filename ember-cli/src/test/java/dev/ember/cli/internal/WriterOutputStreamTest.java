package dev.ember.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WriterOutputStreamTest {

    @Test
    void decodesCharactersSplitAcrossWrites() throws IOException {
        String text = "(café,2) (東京,1) (🔥,3)\n".repeat(200);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringWriter writer = new StringWriter();

        try (WriterOutputStream out = new WriterOutputStream(writer)) {
            for (int i = 0; i < bytes.length; i += 7) {
                out.write(bytes, i, Math.min(7, bytes.length - i));
            }
        }

        assertEquals(text, writer.toString());
    }

    @Test
    void writesSingleBytes() throws IOException {
        StringWriter writer = new StringWriter();
        try (WriterOutputStream out = new WriterOutputStream(writer)) {
            for (byte b : "é!".getBytes(StandardCharsets.UTF_8)) {
                out.write(b);
            }
        }
        assertEquals("é!", writer.toString());
    }
}
