package dev.ember.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.cli.Ember;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault-tolerance guarantees of {@code ember wordcount}, tried as a user would: real JVMs
 * killed with SIGKILL mid-stream and started again with the same arguments.
 */
@Timeout(300)
class CrashRestartIT {
    private static final Pattern PAIR = Pattern.compile("^\\(([^,()]+),(\\d+)\\)$");
    private static final String SENTINEL = "endofinput";

    @TempDir Path dir;

    /**
     * Files moved into the directory one by one, the job killed three times (right after a move, so
     * that a file is in flight, at different points between checkpoints) and restarted: the last
     * running total printed for each word is its count over every file, none counted twice.
     */
    @Test
    void runningTotalsOverFilesSurviveSigkillsExactly() throws Exception {
        Path staging = Files.createDirectory(dir.resolve("staging"));
        Path incoming = Files.createDirectory(dir.resolve("incoming"));
        Path checkpoint = dir.resolve("ckpt");
        int fileCount = 48;
        List<Path> staged = new ArrayList<>();
        Map<String, Long> expected = new TreeMap<>();
        Random random = new Random(7);
        for (int i = 0; i < fileCount; i++) {
            StringBuilder text = new StringBuilder();
            for (int line = 0; line < 150; line++) {
                int words = 1 + random.nextInt(8);
                for (int w = 0; w < words; w++) {
                    String word = "w" + random.nextInt(40);
                    text.append(word).append(w + 1 < words ? " " : "\n");
                    expected.merge(word, 1L, Long::sum);
                }
            }
            String marker = "file" + i;
            text.append(marker).append('\n');
            expected.merge(marker, 1L, Long::sum);
            Path file = staging.resolve(String.format("part-%03d.txt", i));
            Files.writeString(file, text, StandardCharsets.UTF_8);
            staged.add(file);
        }
        Path last = staging.resolve("zz-last.txt");
        Files.writeString(last, SENTINEL + "\n", StandardCharsets.UTF_8);
        expected.put(SENTINEL, 1L);

        String[] args = {
            "wordcount",
            "--files",
            incoming.toString(),
            "--running",
            "--checkpoint",
            checkpoint.toString(),
            "--batch",
            "200ms",
            "--print",
            "100000",
            "--no-ui"
        };
        Set<Integer> killAfter = Set.of(6, 19, 35);
        StringBuilder printed = new StringBuilder();
        ChildProcess job = ChildProcess.java(dir, Ember.class, args);
        try {
            // Files already there at the first start are left out: wait until it has started.
            job.awaitOut(out -> out.contains("Time: "), "the first batch", 60);
            for (int i = 0; i < fileCount; i++) {
                move(staged.get(i), incoming);
                if (killAfter.contains(i)) {
                    // Let the job take the file in some runs and not in others.
                    int index = i;
                    if (i != 19) {
                        job.awaitOut(
                                out -> out.contains("(file" + index + ",1)"),
                                "file " + index + " counted",
                                60);
                    }
                    job.signal("KILL");
                    assertEquals(137, job.waitFor(30), job::toString);
                    printed.append(job.out());
                    job.close();
                    job = ChildProcess.java(dir, Ember.class, args);
                } else {
                    Thread.sleep(40);
                }
            }
            move(last, incoming);
            job.awaitOut(out -> out.contains("(" + SENTINEL + ",1)"), "the last file", 120);
            job.signal("TERM");
            assertEquals(143, job.waitFor(60), job::toString);
            printed.append(job.out());
        } finally {
            job.close();
        }

        Map<String, Long> totals = new TreeMap<>();
        for (String line : printed.toString().split("\n")) {
            Matcher pair = PAIR.matcher(line);
            if (pair.matches()) {
                String word = pair.group(1);
                long total = Long.parseLong(pair.group(2));
                Long count = expected.get(word);
                assertTrue(
                        count != null && total <= count,
                        () -> word + " printed with total " + total + ", more than " + count);
                totals.put(word, total);
            }
        }
        assertEquals(expected, totals);
    }

    /**
     * {@code ember hashtags --source file:DIR --checkpoint}: killed with SIGKILL once a window has
     * counted a file's posts, and restarted; the restarted job's windows still count them, with the
     * posts that come after the restart.
     */
    @Test
    void hashtagWindowsKeepThePostsFromBeforeASigkill() throws Exception {
        Path staging = Files.createDirectory(dir.resolve("staging"));
        Path incoming = Files.createDirectory(dir.resolve("incoming"));
        Path before =
                Files.writeString(
                        staging.resolve("before.txt"),
                        "What a goal #Before by #messi\n".repeat(5),
                        StandardCharsets.UTF_8);
        Path after =
                Files.writeString(
                        staging.resolve("after.txt"),
                        "and again #after\n".repeat(3),
                        StandardCharsets.UTF_8);
        String[] args = {
            "hashtags",
            "--source",
            "file:" + incoming,
            "--checkpoint",
            dir.resolve("ckpt").toString(),
            "--batch",
            "1s",
            "--window",
            "20s",
            "--slide",
            "2s",
            "--no-ui"
        };
        Pattern beforeCounted = Pattern.compile("(?s).*\\|\\s*#before\\|\\s*5\\|.*");
        ChildProcess first = ChildProcess.java(dir, Ember.class, args);
        try {
            first.awaitOut(out -> out.contains("Window "), "the first window", 60);
            move(before, incoming);
            first.awaitOut(out -> beforeCounted.matcher(out).matches(), "#before counted", 60);
            first.signal("KILL");
            assertEquals(137, first.waitFor(30), first::toString);
        } finally {
            first.close();
        }

        String printed;
        try (ChildProcess second = ChildProcess.java(dir, Ember.class, args)) {
            second.awaitOut(out -> out.contains("Window "), "the first window after the kill", 60);
            move(after, incoming);
            second.awaitOut(
                    out -> out.matches("(?s).*\\|\\s*#after\\|\\s*3\\|.*"), "#after counted", 60);
            second.signal("TERM");
            second.waitFor(60);
            printed = second.out();
        }
        // Windows recomputed from before the file's batch are empty; every later one counts it.
        List<PrintedWindows.Row> beforeRows =
                List.of(new PrintedWindows.Row("#before", 5), new PrintedWindows.Row("#messi", 5));
        List<PrintedWindows.Row> bothRows =
                List.of(
                        new PrintedWindows.Row("#before", 5),
                        new PrintedWindows.Row("#messi", 5),
                        new PrintedWindows.Row("#after", 3));
        List<PrintedWindows.Window> windows = PrintedWindows.parse(printed);
        for (PrintedWindows.Window window : windows) {
            List<PrintedWindows.Row> rows = window.rows();
            assertTrue(
                    rows.isEmpty() || rows.equals(beforeRows) || rows.equals(bothRows),
                    () -> window.header() + " has " + rows + "\n" + printed);
        }
        assertEquals(bothRows, windows.get(windows.size() - 1).rows(), printed);
        assertTrue(windows.stream().anyMatch(w -> w.rows().equals(beforeRows)), printed);
    }

    private static void move(Path file, Path into) throws IOException {
        Files.move(file, into.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }
}
