package dev.ember.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.cli.Ember;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ember wordcount --runner spark --master local[2]} as a user runs it: a JVM started without
 * Spark's JVM options, which the command starts a second JVM with; the job runs there on Spark's
 * local mode, reading a real loopback server, and prints Spark's batches through the first JVM.
 */
@Timeout(240)
class SparkWordCountIT {
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopLeftovers() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    void countsWordsOnSparkAndExitsWithZero() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx1g");
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(Ember.class.getName());
            command.addAll(
                    List.of(
                            "wordcount",
                            "127.0.0.1",
                            Integer.toString(server.getLocalPort()),
                            "--runner",
                            "spark",
                            "--master",
                            "local[2]",
                            "--duration",
                            "25s"));
            Process ember = new ProcessBuilder(command).start();
            processes.add(ember);
            CompletableFuture<String> out = read(ember.getInputStream());
            CompletableFuture<String> err = read(ember.getErrorStream());

            server.setSoTimeout(120_000);
            try (Socket receiver = server.accept();
                    Writer lines =
                            new OutputStreamWriter(
                                    receiver.getOutputStream(), StandardCharsets.UTF_8)) {
                lines.write("to be or not to be\nthat is the question\n");
                lines.flush();
                assertTrue(ember.waitFor(180, TimeUnit.SECONDS), "ember exited");
            }

            String printed = out.get(10, TimeUnit.SECONDS);
            assertEquals(0, ember.exitValue(), () -> printed + err.join());
            Map<String, Integer> totals = new TreeMap<>();
            for (PrintedBatches.Batch batch : PrintedBatches.parse(printed)) {
                assertEquals(0, batch.time() % 1000, () -> "batch time " + batch.time());
                for (String pair : batch.elements()) {
                    String[] kv = pair.substring(1, pair.length() - 1).split(",");
                    totals.merge(kv[0], Integer.parseInt(kv[1]), Integer::sum);
                }
            }
            assertEquals(
                    Map.of(
                            "be",
                            2,
                            "is",
                            1,
                            "not",
                            1,
                            "or",
                            1,
                            "question",
                            1,
                            "that",
                            1,
                            "the",
                            1,
                            "to",
                            2),
                    totals,
                    () -> printed + err.join());
        }
    }

    @Test
    void aStopSignalStopsTheJvmThatRunsSparkToo() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process ember = ember(server.getLocalPort());
            read(ember.getInputStream());
            CompletableFuture<String> err = read(ember.getErrorStream());
            server.setSoTimeout(120_000);
            try (Socket receiver = server.accept()) {
                assertTrue(receiver.isConnected());
                List<ProcessHandle> sparkJvm = ember.descendants().toList();
                assertEquals(1, sparkJvm.size(), () -> "the JVM that runs Spark: " + sparkJvm);

                ember.toHandle().destroy();

                assertTrue(ember.waitFor(60, TimeUnit.SECONDS), "ember exited");
                assertTrue(
                        sparkJvm.get(0).onExit().get(60, TimeUnit.SECONDS) != null,
                        () -> "the JVM that runs Spark exited: " + err.join());
                assertTrue(!sparkJvm.get(0).isAlive());
            }
        }
    }

    /** {@code ember wordcount --runner spark} reading {@code port}, until stopped. */
    private Process ember(int port) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Ember.class.getName());
        command.addAll(
                List.of(
                        "wordcount",
                        "127.0.0.1",
                        Integer.toString(port),
                        "--runner",
                        "spark",
                        "--master",
                        "local[2]"));
        Process ember = new ProcessBuilder(command).start();
        processes.add(ember);
        return ember;
    }

    private static CompletableFuture<String> read(java.io.InputStream stream) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }
}
