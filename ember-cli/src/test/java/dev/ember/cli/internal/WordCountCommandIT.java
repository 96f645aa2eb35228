package dev.ember.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code ember wordcount} end to end, in this JVM, over real loopback sockets. */
@Timeout(60)
class WordCountCommandIT {
    private static final Pattern PAIR = Pattern.compile("\\([a-z]+,[1-9]\\d*\\)");

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void countsTheWordsOfEachBatchFromARealServerAndExitsWithZero() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(20_000);
            Future<CommandRun> run =
                    executor.submit(
                            () ->
                                    CommandRun.of(
                                            "wordcount",
                                            "127.0.0.1",
                                            String.valueOf(server.getLocalPort()),
                                            "--batch",
                                            "200ms",
                                            "--duration",
                                            "3s"));
            CommandRun result;
            try (Socket client = server.accept();
                    Writer out =
                            new OutputStreamWriter(
                                    client.getOutputStream(), StandardCharsets.UTF_8)) {
                // One line, so that all of it lands in one batch.
                out.write("  hello world\thello  ember \t streams   hello \n");
                out.flush();
                result = run.get(30, TimeUnit.SECONDS);
            }

            assertEquals(0, result.exitCode, result::toString);
            List<PrintedBatches.Batch> batches = PrintedBatches.parse(result.jobOut);
            assertTrue(batches.size() >= 2, result::toString);
            for (PrintedBatches.Batch batch : batches) {
                assertEquals(0, batch.time() % 200, () -> "batch time " + batch.time());
            }
            List<PrintedBatches.Batch> withWords =
                    batches.stream().filter(b -> !b.elements().isEmpty()).toList();
            assertEquals(1, withWords.size(), result::toString);
            PrintedBatches.Batch counted = withWords.get(0);
            assertEquals(
                    Set.of("(hello,3)", "(world,1)", "(ember,1)", "(streams,1)"),
                    Set.copyOf(counted.elements()));
            assertEquals(4, counted.elements().size());
            assertFalse(counted.truncated());
            assertTrue(
                    result.jobOut.contains(
                            PrintedBatches.DASHES
                                    + "\nTime: "
                                    + counted.time()
                                    + " ms\n"
                                    + PrintedBatches.DASHES
                                    + "\n"
                                    + String.join("\n", counted.elements())
                                    + "\n\n"),
                    result::toString);
        }
    }

    @Test
    void demoPrintsSeveralBatchesOfWordCountsAndNothingElseOnStandardOutput() throws Exception {
        CommandRun result =
                executor.submit(
                                () ->
                                        CommandRun.of(
                                                "wordcount",
                                                "--demo",
                                                "--duration",
                                                "2s",
                                                "--batch",
                                                "500ms"))
                        .get(30, TimeUnit.SECONDS);

        assertEquals(0, result.exitCode, result::toString);
        assertEquals("", result.out, result::toString);
        List<PrintedBatches.Batch> batches = PrintedBatches.parse(result.jobOut);
        List<PrintedBatches.Batch> withWords =
                batches.stream().filter(b -> !b.elements().isEmpty()).toList();
        assertTrue(withWords.size() >= 2, result::toString);
        for (PrintedBatches.Batch batch : withWords) {
            assertTrue(batch.elements().size() <= 10, result::toString);
            assertTrue(batch.elements().stream().allMatch(e -> PAIR.matcher(e).matches()));
        }
        assertTrue(
                withWords.stream().anyMatch(b -> b.elements().size() == 10 && b.truncated()),
                () -> "a batch of 1000 demo lines has more than 10 distinct words:\n" + result);
        assertTrue(
                result.err.matches(
                        "(?s)ember wordcount: reading from a demo feeder on 127\\.0\\.0\\.1:\\d+ .*"),
                result::toString);
    }
}
