package dev.ember.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code ember wordcount} with its live dashboard, over real loopback sockets, in this JVM. */
class WordCountDashboardIT {
    private static final Pattern ADDRESS =
            Pattern.compile("ember wordcount: dashboard at (http://127\\.0\\.0\\.1:\\d+/)");

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    /** Standard error, line by line, as the command writes it. */
    private static final class Lines extends Writer {
        final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuilder line = new StringBuilder();

        @Override
        public synchronized void write(char[] chars, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (chars[i] == '\n') {
                    lines.add(line.toString());
                    line.setLength(0);
                } else {
                    line.append(chars[i]);
                }
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        String next() throws InterruptedException {
            String next = lines.poll(60, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("the command wrote no further line in 60 s");
            }
            return next;
        }
    }

    private String get(URI base, String path) throws Exception {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(base.resolve(path)).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }

    @Test
    void servesTheTopWordsOfEachBatchAndTheirViewWhileTheJobRuns() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(60_000);
            Lines err = new Lines();
            Future<Integer> run =
                    executor.submit(
                            () ->
                                    EmberCommand.commandLine(
                                                    new PrintStream(
                                                            new ByteArrayOutputStream(),
                                                            true,
                                                            StandardCharsets.UTF_8),
                                                    new PrintWriter(new StringWriter()),
                                                    new PrintWriter(err, true))
                                            .execute(
                                                    "wordcount",
                                                    "127.0.0.1",
                                                    String.valueOf(server.getLocalPort()),
                                                    "--batch",
                                                    "200ms",
                                                    "--duration",
                                                    "12s",
                                                    "--ui-port",
                                                    "0"));
            try (Socket client = server.accept();
                    Writer out =
                            new OutputStreamWriter(
                                    client.getOutputStream(), StandardCharsets.UTF_8)) {
                Matcher address = ADDRESS.matcher(err.next());
                assertTrue(address.matches(), address.toString());
                URI base = URI.create(address.group(1));

                HttpResponse<Stream<String>> events =
                        http.send(
                                HttpRequest.newBuilder(base.resolve("/api/events")).build(),
                                HttpResponse.BodyHandlers.ofLines());
                Iterator<String> lines = events.body().iterator();
                assertTrue(lines.next().startsWith("retry:"));
                out.write("hello world hello\n");
                out.flush();
                String window = null;
                while (window == null && lines.hasNext()) {
                    String line = lines.next();
                    if (line.contains("{\"key\":\"hello\",\"count\":2}")) {
                        window = line;
                    }
                }
                events.body().close();
                assertTrue(
                        window != null && window.contains("{\"key\":\"world\",\"count\":1}"),
                        String.valueOf(window));

                assertTrue(get(base, "/api/top").contains("\"title\":\"Top words\""));
                assertEquals(
                        "{\"views\":[\"wordcounts\"],\"timeoutMillis\":10000,\"maxRows\":10000}",
                        get(base, "/api/views"));
                assertTrue(get(base, "/api/streaming").contains("\"appName\":\"wordcount\""));
                assertTrue(get(base, "/").contains("<title>Ember · Top</title>"));
            }
            assertEquals(0, run.get(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void noUiStartsNoDashboard() throws Exception {
        CommandRun result =
                executor.submit(
                                () ->
                                        CommandRun.of(
                                                "wordcount",
                                                "--demo",
                                                "--duration",
                                                "1s",
                                                "--no-ui"))
                        .get(60, TimeUnit.SECONDS);
        assertEquals(0, result.exitCode, result::toString);
        assertFalse(result.err.contains("dashboard"), result::toString);
    }
}
