package dev.ember.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.social.Hashtags;
import dev.ember.social.Post;
import dev.ember.social.PostJsonLines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ember relay} in this JVM, with a real client over loopback. */
@Timeout(60)
class RelayCommandIT {
    private static final Pattern LISTENING = Pattern.compile("Listening on port: (\\d+)");

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @TempDir Path dir;

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    private static Post post(String id, String text, String createdAt) {
        return new Post(
                id, text, "fan", Instant.parse(createdAt), "en", Hashtags.extract(text), "bluesky");
    }

    private Path recording(Post... posts) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Post post : posts) {
            PostJsonLines.write(post, null, lines);
        }
        Path file = dir.resolve("posts.jsonl");
        Files.writeString(file, lines);
        return file;
    }

    /** A relay run whose standard output is read as it comes, and its client's lines. */
    private final class LiveRun {
        final BufferedReader jobOut;
        final StringWriter err = new StringWriter();
        final Future<Integer> exit;

        LiveRun(String... args) throws IOException {
            PipedInputStream in = new PipedInputStream(1 << 16);
            PrintStream out =
                    new PrintStream(new PipedOutputStream(in), true, StandardCharsets.UTF_8);
            jobOut = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            exit =
                    executor.submit(
                            () -> {
                                try (out) {
                                    return EmberCommand.commandLine(
                                                    out,
                                                    new PrintWriter(new StringWriter()),
                                                    new PrintWriter(err, true))
                                            .execute(args);
                                }
                            });
        }

        int port() throws IOException {
            Matcher m = LISTENING.matcher(jobOut.readLine());
            assertTrue(m.matches());
            return Integer.parseInt(m.group(1));
        }

        List<String> restOfJobOut() throws IOException {
            List<String> lines = new ArrayList<>();
            for (String line; (line = jobOut.readLine()) != null; ) {
                lines.add(line);
            }
            return lines;
        }
    }

    private static List<String> readAll(Socket socket) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in =
                new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void replaysTheTrackedPostsOfAFileToAClientAndEndsWithTheFile() throws Exception {
        Path file =
                recording(
                        post("1", "Messi scores #Messi", "2026-05-01T20:15:00Z"),
                        post("2", "rain all day", "2026-05-01T20:15:01Z"),
                        post("3", "what a pass by messi\nunreal", "2026-05-01T20:15:02Z"),
                        post("4", "messinho is someone else", "2026-05-01T20:15:03Z"));
        LiveRun run =
                new LiveRun(
                        "relay",
                        "--source",
                        "replay:" + file,
                        "--speed",
                        "max",
                        "--track",
                        "messi",
                        "--port",
                        "0");
        List<String> received;
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), run.port())) {
            received = readAll(client);
        }

        assertEquals(0, run.exit.get(30, TimeUnit.SECONDS), run.err::toString);
        assertEquals(List.of("Messi scores #Messi", "what a pass by messi unreal"), received);
        List<String> out = run.restOfJobOut();
        assertEquals(2, out.size(), out::toString);
        assertTrue(
                out.get(0).matches("Received request from: 127\\.0\\.0\\.1:\\d+"), out::toString);
        assertTrue(
                out.get(1).matches("Client 127\\.0\\.0\\.1:\\d+ disconnected after 2 lines"),
                out::toString);
        List<String> err = run.err.toString().lines().toList();
        assertEquals(
                "ember relay: replay (posts.jsonl, as fast as possible), tracking messi; the"
                        + " source starts with the first client",
                err.get(0));
        assertEquals(
                "ember relay: received 4, matched 2, sent 2, clients 0", err.get(err.size() - 1));
    }

    @Test
    void recordsEveryPostItReceivesToReplayLater() throws Exception {
        Path file =
                recording(
                        post("1", "Messi scores #Messi", "2026-05-01T20:15:00Z"),
                        post("2", "rain all day", "2026-05-01T20:15:01Z"));
        Path record = dir.resolve("recorded.jsonl");
        LiveRun run =
                new LiveRun(
                        "relay",
                        "--source",
                        "replay:" + file,
                        "--speed",
                        "max",
                        "--track",
                        "messi",
                        "--record",
                        record.toString(),
                        "--port",
                        "0");
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), run.port())) {
            assertEquals(List.of("Messi scores #Messi"), readAll(client));
        }
        assertEquals(0, run.exit.get(30, TimeUnit.SECONDS), run.err::toString);

        List<String> lines = Files.readAllLines(record);
        assertEquals(2, lines.size());
        assertTrue(
                lines.get(0)
                        .startsWith(
                                "{\"id\":\"1\",\"text\":\"Messi scores #Messi\",\"author\":\"fan\","
                                        + "\"createdAt\":\"2026-05-01T20:15:00Z\",\"language\":\"en\","
                                        + "\"hashtags\":[\"#messi\"],\"source\":\"bluesky\","
                                        + "\"receivedAt\":\""),
                lines.get(0));
        assertTrue(
                lines.get(1).startsWith("{\"id\":\"2\",\"text\":\"rain all day\""), lines.get(1));
    }

    @Test
    void runsForTheGivenDurationWithoutAClientAndReportsNothingReceived() throws Exception {
        CommandRun run =
                CommandRun.of("relay", "--source", "demo", "--port", "0", "--duration", "300ms");

        assertEquals(0, run.exitCode, run::toString);
        assertTrue(run.jobOut.matches("Listening on port: \\d+\n"), run.jobOut);
        assertEquals(
                List.of(
                        "ember relay: demo (seed 42, 50 posts/s), every post; the source starts"
                                + " with the first client",
                        "ember relay: received 0, matched 0, sent 0, clients 0"),
                run.err.lines().toList());
    }
}
