package dev.ember.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.cli.Ember;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exit statuses that {@code --help} promises after a signal, with real signals sent by {@code
 * kill} to a real {@code ember} JVM: a graceful stop, then 130 after SIGINT and 143 after SIGTERM.
 */
@Timeout(120)
class SignalExitIT {
    @TempDir Path dir;

    @ParameterizedTest
    @CsvSource({"INT, 130", "TERM, 143"})
    void wordcountStopsGracefullyOnASignalAndExitsWithItsStatus(String signal, int status)
            throws Exception {
        try (ChildProcess ember =
                ChildProcess.java(dir, Ember.class, "wordcount", "--demo", "--batch", "200ms")) {
            ember.awaitOut(out -> out.contains("\n\n"), "a first whole batch", 60);

            ember.signal(signal);

            assertEquals(status, ember.waitFor(60), ember::toString);
            // Whole batches only: the last one was printed to its end before the JVM exited.
            List<PrintedBatches.Batch> batches = PrintedBatches.parse(ember.out());
            assertFalse(batches.isEmpty(), ember::toString);
            assertEquals(
                    List.of(
                            "ember wordcount: reading from a demo feeder on 127.0.0.1:PORT"
                                    + " (2000 lines/s of generated text)",
                            "ember wordcount: stopping gracefully"),
                    ember.err()
                            .replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT")
                            .lines()
                            .toList(),
                    ember::toString);
        }
    }

    @ParameterizedTest
    @CsvSource({"INT, 130", "TERM, 143"})
    void relayStopsGracefullyOnASignalAndExitsWithItsStatus(String signal, int status)
            throws Exception {
        try (ChildProcess ember =
                ChildProcess.java(dir, Ember.class, "relay", "--source", "demo", "--port", "0")) {
            ember.awaitOut(out -> out.startsWith("Listening on port: "), "the relay's port", 60);

            ember.signal(signal);

            assertEquals(status, ember.waitFor(60), ember::toString);
            List<String> err = ember.err().lines().toList();
            assertEquals(
                    "ember relay: stopping gracefully", err.get(err.size() - 2), ember::toString);
            assertEquals(
                    "ember relay: received 0, matched 0, sent 0, clients 0",
                    err.get(err.size() - 1).strip(),
                    ember::toString);
            assertTrue(ember.out().matches("Listening on port: \\d+\\n"), ember::toString);
        }
    }
}
