package dev.ember.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A recorded replay of posts, one batch per block of lines separated by a blank line. */
final class Replay {
    private Replay() {}

    static List<List<String>> batches(String resource) {
        try (InputStream in = Replay.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<List<String>> batches = new ArrayList<>();
            for (String block : text.strip().split("\n\\s*\n")) {
                batches.add(List.copyOf(Arrays.asList(block.strip().split("\n"))));
            }
            return batches;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
