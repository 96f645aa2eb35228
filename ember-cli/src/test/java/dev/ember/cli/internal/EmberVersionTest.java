package dev.ember.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EmberVersionTest {

    @Test
    void versionIsTheProjectVersion() throws IOException {
        // Surefire runs in the module's directory; the version is inherited from the parent.
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher parent =
                Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
                        .matcher(pom);
        assertTrue(parent.find(), "no parent version in ember-cli's pom.xml");

        assertEquals(parent.group(1), EmberVersion.version());
    }
}
