package dev.ember.test;

import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small helpers the operator tests share. */
final class Fixtures {
    private Fixtures() {}

    /** A pair with a string key. */
    static <V> Tuple2<String, V> kv(String k, V v) {
        return Tuple2.of(k, v);
    }

    /**
     * Gives the context a fresh checkpoint directory under target/ (stateful operators need one; a
     * fresh one, since a context resumes from what its directory holds) and starts the driver.
     */
    static void startWithCheckpoint(StreamingContext ssc, StreamingTestDriver driver) {
        ssc.checkpoint(freshCheckpointDirectory(ssc.appName()));
        driver.start();
    }

    /** A new, empty directory under target/checkpoints/ for a context named {@code appName}. */
    static String freshCheckpointDirectory(String appName) {
        try {
            Path parent = Files.createDirectories(Path.of("target", "checkpoints"));
            return Files.createTempDirectory(parent, appName + "-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The line where {@code text} first occurs in {@code file}, a source of this module's tests or
     * of the test kit: for exact call sites in expected messages.
     */
    static int lineOf(String file, String text) {
        for (String root :
                List.of("src/test/java/dev/ember/test/", "src/main/java/dev/ember/test/")) {
            Path path = Path.of(root, file);
            if (!Files.exists(path)) {
                continue;
            }
            try {
                List<String> lines = Files.readAllLines(path);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains(text)) {
                        return i + 1;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new AssertionError(file + " has no line with " + text);
        }
        throw new AssertionError("no source file " + file);
    }
}
