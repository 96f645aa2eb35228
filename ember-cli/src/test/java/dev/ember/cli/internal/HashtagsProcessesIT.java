package dev.ember.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.cli.Ember;
import dev.ember.cli.internal.PrintedWindows.Row;
import dev.ember.social.Hashtags;
import dev.ember.social.KeywordFilter;
import dev.ember.social.Post;
import dev.ember.social.PostSource;
import dev.ember.social.PostSources;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tutorial's two terminals as two real processes: {@code ember relay --source demo --track
 * messi}, recording what it receives, and {@code ember hashtags --source socket:localhost:P}. The
 * printed tables are checked against counts computed here from the recorded posts: the relay sends
 * the matching posts in order over one TCP connection, so each batch is a run of consecutive posts,
 * and the post counts of the windows' headers say where each run ends.
 */
@Timeout(180)
class HashtagsProcessesIT {
    private static final Pattern LISTENING = Pattern.compile("Listening on port: (\\d+)");

    private final List<Process> processes = new ArrayList<>();

    @TempDir Path dir;

    @AfterEach
    void killLeftovers() {
        processes.forEach(Process::destroyForcibly);
    }

    private Process ember(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Ember.class.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        processes.add(process);
        return process;
    }

    private static CompletableFuture<String> text(InputStream stream) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    @Test
    void theJobPrintsTheTopTenOfTheRelayedPostsOfEachWindow() throws Exception {
        Path record = dir.resolve("relayed.jsonl");
        Process relay =
                ember(
                        "relay",
                        "--source",
                        "demo",
                        "--track",
                        "messi",
                        "--port",
                        "0",
                        "--rate",
                        "300",
                        "--record",
                        record.toString());
        BufferedReader relayOut =
                new BufferedReader(
                        new InputStreamReader(relay.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> relayErr = text(relay.getErrorStream());
        Matcher listening = LISTENING.matcher(String.valueOf(relayOut.readLine()));
        assertTrue(listening.matches(), listening::toString);
        CompletableFuture<List<String>> relayRest =
                CompletableFuture.supplyAsync(() -> relayOut.lines().toList());

        Process job =
                ember(
                        "hashtags",
                        "--source",
                        "socket:localhost:" + listening.group(1),
                        "--batch",
                        "1s",
                        "--window",
                        "4s",
                        "--slide",
                        "2s",
                        "--windows",
                        "6");
        CompletableFuture<String> jobOut = text(job.getInputStream());
        CompletableFuture<String> jobErr = text(job.getErrorStream());
        assertTrue(job.waitFor(120, TimeUnit.SECONDS), "the job did not stop after 6 windows");
        assertEquals(0, job.exitValue(), () -> jobErr.getNow("?"));

        // SIGTERM: the relay closes its source, which writes the rest of the recording.
        relay.toHandle().destroy();
        assertTrue(relay.waitFor(30, TimeUnit.SECONDS));
        relayRest.get(30, TimeUnit.SECONDS);
        relayErr.get(30, TimeUnit.SECONDS);

        List<PrintedWindows.Window> windows =
                PrintedWindows.parse(jobOut.get(30, TimeUnit.SECONDS));
        assertEquals(6, windows.size());
        List<String> lines = relayedLines(record);
        long total = windows.stream().mapToLong(PrintedWindows.Window::records).sum();
        assertTrue(total > 100, "too few posts to tell anything: " + total);

        // Window k holds slides k-1 and k; the first, partial one only slide 1.
        long[] slideEnds = new long[windows.size() + 1];
        long previousSlide = 0;
        for (int k = 0; k < windows.size(); k++) {
            long slide = windows.get(k).records() - previousSlide;
            assertTrue(slide >= 0, () -> "headers: " + windows);
            slideEnds[k + 1] = slideEnds[k] + slide;
            previousSlide = slide;
        }
        assertTrue(slideEnds[windows.size()] <= lines.size(), "more posts printed than relayed");
        for (int k = 0; k < windows.size(); k++) {
            int from = (int) (k == 0 ? 0 : slideEnds[k - 1]);
            int to = (int) slideEnds[k + 1];
            assertEquals(
                    top10(lines.subList(from, to)),
                    windows.get(k).rows(),
                    "window " + (k + 1) + ": " + windows.get(k).header());
        }
        for (PrintedWindows.Window w : windows) {
            assertTrue(w.header().endsWith(" lines from socket localhost:" + listening.group(1)));
        }
    }

    /** The recorded posts that the relay sent, in order: those about messi. */
    private static List<String> relayedLines(Path record) throws InterruptedException {
        KeywordFilter messi = KeywordFilter.of("messi");
        List<String> lines = new ArrayList<>();
        try (PostSource replay = PostSources.replay(record).asFastAsPossible().build()) {
            replay.run(
                    (Post post) -> {
                        if (messi.matches(post)) {
                            lines.add(post.text());
                        }
                    });
        }
        return lines;
    }

    /** The ten most frequent tags of {@code lines}, counted once per line, ties by tag. */
    private static List<Row> top10(List<String> lines) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : lines) {
            for (String tag : Hashtags.extract(line)) {
                counts.merge(tag, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(
                        Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue())
                                .thenComparing(Map.Entry::getKey))
                .limit(10)
                .map(e -> new Row(PrintedWindows.shown(e.getKey()), e.getValue()))
                .toList();
    }
}
