package dev.ember.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.cli.Ember;
import dev.ember.social.KeywordFilter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The tutorial's two terminals as two real processes: {@code ember relay --source demo --track
 * messi} in one, a streaming job reading {@code socketTextStream("localhost", port)} in the other.
 */
@Timeout(120)
class TutorialProcessesIT {
    private static final Pattern LISTENING = Pattern.compile("Listening on port: (\\d+)");
    private static final Pattern FINAL_COUNTS =
            Pattern.compile(
                    "ember relay: received (\\d+), matched (\\d+), sent (\\d+), clients 0\\s*");

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        processes.forEach(Process::destroyForcibly);
    }

    /** A JVM running {@code mainClass} with this test's classpath. */
    private Process java(Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        processes.add(process);
        return process;
    }

    /** The lines a stream produces, as they come; the queue ends with {@code EOF}. */
    private static BlockingQueue<String> lines(java.io.InputStream stream) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture.runAsync(
                () -> {
                    try (BufferedReader in =
                            new BufferedReader(
                                    new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        for (String line; (line = in.readLine()) != null; ) {
                            lines.add(line);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } finally {
                        lines.add(EOF);
                    }
                });
        return lines;
    }

    private static final String EOF = "\u0000EOF";

    private static String next(BlockingQueue<String> lines, String what)
            throws InterruptedException {
        String line = lines.poll(60, TimeUnit.SECONDS);
        assertTrue(line != null && !line.equals(EOF), "expected " + what + ", got " + line);
        return line;
    }

    private static List<String> rest(BlockingQueue<String> lines) throws InterruptedException {
        List<String> rest = new ArrayList<>();
        for (String line; !(line = lines.poll(60, TimeUnit.SECONDS)).equals(EOF); ) {
            rest.add(line);
        }
        return rest;
    }

    @Test
    void aJobReadsTheRelayedMessiPostsOverTcp() throws Exception {
        Process relay =
                java(
                        Ember.class,
                        "relay",
                        "--source",
                        "demo",
                        "--track",
                        "messi",
                        "--port",
                        "0",
                        "--rate",
                        "400");
        BlockingQueue<String> relayOut = lines(relay.getInputStream());
        BlockingQueue<String> relayErr = lines(relay.getErrorStream());
        Matcher listening = LISTENING.matcher(next(relayOut, "the relay's port"));
        assertTrue(listening.matches());
        String port = listening.group(1);

        Process job = java(PrintLinesJob.class, "localhost", port);
        BlockingQueue<String> jobOut = lines(job.getInputStream());
        lines(job.getErrorStream());
        String request = next(relayOut, "the job's connection");
        assertTrue(request.matches("Received request from: 127\\.0\\.0\\.1:\\d+"), request);

        KeywordFilter messi = KeywordFilter.of("messi");
        List<String> received = new ArrayList<>();
        while (received.size() < 20) {
            received.add(next(jobOut, "a relayed post"));
        }

        // Stop the relay first: it writes what it buffered and reports what it sent. Then stop the
        // job gracefully, so it prints every line it received.
        // SIGTERM, as Ctrl-C or kill would send; Process.destroy() would also close the pipes
        // through which the relay's last lines come.
        relay.toHandle().destroy();
        assertTrue(relay.waitFor(30, TimeUnit.SECONDS));
        List<String> relayLog = rest(relayErr);
        Matcher counts = FINAL_COUNTS.matcher(relayLog.get(relayLog.size() - 1));
        assertTrue(counts.matches(), () -> "relay's standard error: " + relayLog);
        job.getOutputStream().close();
        assertTrue(job.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, job.exitValue());
        received.addAll(rest(jobOut));

        long sent = Long.parseLong(counts.group(3));
        assertEquals(sent, received.size(), "lines the job printed vs lines the relay sent");
        assertEquals(Long.parseLong(counts.group(2)), sent, "one client: every match was sent");
        assertTrue(Long.parseLong(counts.group(1)) > sent, "the demo has posts without messi");
        for (String line : received) {
            assertTrue(messi.matches(line), () -> "not about messi: " + line);
        }
    }
}
