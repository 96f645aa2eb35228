package dev.ember.social.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The synthetic fixtures under {@code src/test/resources/dev/ember/social/internal}. */
public final class Fixtures {
    private Fixtures() {}

    /** The text of {@code name}, such as {@code "jetstream/events.jsonl"}. */
    public static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of {@code name}, without terminators. */
    public static List<String> lines(String name) {
        return text(name).lines().toList();
    }

    /** The first line of {@code name} that starts with {@code prefix}. */
    public static String lineStartingWith(String name, String prefix) {
        return lines(name).stream()
                .filter(l -> l.startsWith(prefix))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "no line of " + name + " starts with " + prefix));
    }

    /** The only line of {@code name} that contains {@code marker}. */
    public static String line(String name, String marker) {
        List<String> found = lines(name).stream().filter(l -> l.contains(marker)).toList();
        if (found.size() != 1) {
            throw new IllegalArgumentException(
                    found.size() + " lines of " + name + " contain " + marker + ", expected 1");
        }
        return found.get(0);
    }
}
