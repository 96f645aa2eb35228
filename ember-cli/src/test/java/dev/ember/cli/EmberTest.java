package dev.ember.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

class EmberTest {

    @Test
    void runFindsTheCommandThroughTheServiceLoader() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode =
                Ember.run(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        "--version");

        assertEquals(0, exitCode);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("ember "), out::toString);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void isAToolProviderNamedEmber() {
        ToolProvider tool = ToolProvider.findFirst(Ember.TOOL_NAME).orElseThrow();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exitCode =
                tool.run(new PrintWriter(out), new PrintWriter(err), "wordcount", "--batch", "1x");

        assertEquals(2, exitCode);
        assertEquals("", out.toString());
        assertTrue(err.toString().contains("invalid duration '1x'"), err::toString);
    }
}
