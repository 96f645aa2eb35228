package dev.ember.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.cli.internal.PrintedWindows.Row;
import dev.ember.social.Hashtags;
import dev.ember.social.KeywordFilter;
import dev.ember.social.Post;
import dev.ember.social.PostJsonLines;
import dev.ember.sql.SqlException;
import dev.ember.streaming.Durations;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ember hashtags} on a replay file whose posts come in four bursts two seconds apart, with 1
 * s batches and a 4 s window sliding every 2 s: each burst falls into one slide whatever the phase
 * of the start, so the windows are exactly known.
 */
@Timeout(120)
class HashtagsReplayIT {
    private static final Instant T0 = Instant.parse("2026-05-01T20:15:00Z");

    /** The four bursts, two seconds apart. */
    private static final List<List<String>> BURSTS =
            List.of(
                    List.of("Messi scores #Messi #goal", "what a night #messi", "#UCL nights"),
                    List.of("#goal #GOAL again", "another #goal", "#barca win"),
                    List.of("#Barca", "#barca and #messi", "メッシ #メッシ"),
                    List.of("#zeta", "#alpha"));

    /** The windows: the first holds the first burst, then two bursts each, then the last. */
    private static final List<List<Row>> EXPECTED =
            List.of(
                    List.of(new Row("#messi", 2), new Row("#goal", 1), new Row("#ucl", 1)),
                    List.of(
                            new Row("#goal", 3),
                            new Row("#messi", 2),
                            new Row("#barca", 1),
                            new Row("#ucl", 1)),
                    List.of(
                            new Row("#barca", 3),
                            new Row("#goal", 2),
                            new Row("#messi", 1),
                            new Row("#メッシ", 1)),
                    List.of(
                            new Row("#barca", 2),
                            new Row("#alpha", 1),
                            new Row("#messi", 1),
                            new Row("#zeta", 1),
                            new Row("#メッシ", 1)),
                    List.of(new Row("#alpha", 1), new Row("#zeta", 1)));

    private static final List<Long> RECORDS = List.of(3L, 6L, 6L, 5L, 2L);

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @TempDir Path dir;

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    private Path replayFile() throws IOException {
        StringBuilder lines = new StringBuilder();
        int id = 0;
        for (int burst = 0; burst < BURSTS.size(); burst++) {
            for (String text : BURSTS.get(burst)) {
                Post post =
                        new Post(
                                String.valueOf(++id),
                                text,
                                "fan",
                                T0.plusSeconds(2L * burst),
                                "en",
                                Hashtags.extract(text),
                                "bluesky");
                PostJsonLines.write(post, null, lines);
            }
        }
        Path file = dir.resolve("posts.jsonl");
        Files.writeString(file, lines);
        return file;
    }

    @Test
    void printsExactlyTheExpectedTablesAndKeepsThemInHistoryAndCharts() throws Exception {
        Path history = dir.resolve("tags.duckdb");
        Path plots = dir.resolve("plots");
        CommandRun run =
                CommandRun.of(
                        "hashtags",
                        "--source",
                        "replay:" + replayFile(),
                        "--batch",
                        "1s",
                        "--window",
                        "4s",
                        "--slide",
                        "2s",
                        "--duration",
                        "10s",
                        "--history",
                        history.toString(),
                        "--plot-dir",
                        plots.toString());

        assertEquals(0, run.exitCode, run::toString);
        List<PrintedWindows.Window> windows = PrintedWindows.parse(run.jobOut);
        assertEquals(EXPECTED, windows.stream().map(PrintedWindows.Window::rows).toList());
        assertEquals(RECORDS, windows.stream().map(PrintedWindows.Window::records).toList());
        for (PrintedWindows.Window w : windows) {
            assertTrue(w.header().endsWith(" from replay (posts.jsonl, 1x)"), w.header());
        }
        assertEquals(
                "+-------+-----+\n"
                        + "|    tag|count|\n"
                        + "+-------+-----+\n"
                        + "| #barca|    2|\n"
                        + "| #alpha|    1|\n"
                        + "| #messi|    1|\n"
                        + "|  #zeta|    1|\n"
                        + "|#メッシ|    1|\n"
                        + "+-------+-----+\n",
                windows.get(3).table());
        List<String> err = run.err.lines().toList();
        assertEquals(
                "ember hashtags: read 11 posts, 5 windows", err.get(err.size() - 1), run::toString);

        // Any DuckDB client can read the history once the job has ended.
        Map<Long, List<Row>> stored = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + history);
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT epoch_ms(window_end), tag, count FROM tweetsmessi"
                                        + " ORDER BY window_end, count DESC, tag")) {
            while (rs.next()) {
                stored.computeIfAbsent(rs.getLong(1), t -> new ArrayList<>())
                        .add(new Row(rs.getString(2), rs.getInt(3)));
            }
        }
        assertEquals(EXPECTED, List.copyOf(stored.values()));
        List<Long> ends = List.copyOf(stored.keySet());
        for (int i = 1; i < ends.size(); i++) {
            assertEquals(2000, ends.get(i) - ends.get(i - 1), ends::toString);
        }

        // One chart per window, and the last one again as latest.png.
        List<Path> charts;
        try (Stream<Path> files = Files.list(plots)) {
            charts = files.sorted().toList();
        }
        assertEquals(6, charts.size(), charts::toString);
        assertEquals(PlotWriter.LATEST, charts.get(5).getFileName().toString());
        for (Path chart : charts) {
            BufferedImage image = ImageIO.read(chart.toFile());
            assertNotNull(image, chart::toString);
            assertEquals(HashtagChart.WIDTH, image.getWidth());
            assertEquals(HashtagChart.HEIGHT, image.getHeight());
        }
        assertTrue(
                Arrays.equals(
                        Files.readAllBytes(charts.get(4)), Files.readAllBytes(charts.get(5))));
    }

    @Test
    void theViewQueriedFromAnotherThreadHoldsThePrintedTable() throws Exception {
        Path file = replayFile();
        SourceOption source = new SourceOption.Converter().convert("replay:" + file);
        SourceOption.Settings sourceSettings =
                new SourceOption.Settings(KeywordFilter.none(), null, null, null, false);
        HashtagsJob.Settings settings =
                new HashtagsJob.Settings(
                        source,
                        "replay",
                        source.open(sourceSettings),
                        sourceSettings,
                        KeywordFilter.none(),
                        Durations.seconds(1),
                        Durations.seconds(4),
                        Durations.seconds(2),
                        10,
                        "tweetsmessi",
                        null,
                        null,
                        Durations.seconds(30),
                        "local[2]");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        List<List<Row>> seenInWindows = new ArrayList<>();
        HashtagsJob[] job = new HashtagsJob[1];
        HashtagsJob.WindowListener printer =
                new WindowPrinter(out, "replay", "posts", ZoneId.of("UTC"), null, null);
        HashtagsJob.WindowListener query =
                window -> {
                    // While the job thread is here, the view holds this window: ask from another.
                    Future<List<Row>> rows = executor.submit(() -> viewRows(job[0]));
                    try {
                        seenInWindows.add(rows.get(30, TimeUnit.SECONDS));
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                };
        job[0] = new HashtagsJob(settings, List.of(printer, query));

        // Meanwhile another thread queries all the time: it sees whole windows, never a mix.
        AtomicBoolean running = new AtomicBoolean(true);
        Future<List<List<Row>>> polled =
                executor.submit(
                        () -> {
                            List<List<Row>> seen = new ArrayList<>();
                            while (running.get()) {
                                try {
                                    seen.add(viewRows(job[0]));
                                } catch (IllegalStateException | SqlException notYet) {
                                    // before the first window, or after the job
                                } catch (RuntimeException e) {
                                    if (running.get()) {
                                        throw e;
                                    }
                                }
                                // A pace, not a wait: leave the job some of the two cores.
                                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                            }
                            return seen;
                        });
        job[0].run(
                EmberCommand.commandLine(
                                System.out,
                                new PrintWriter(System.out, true),
                                new PrintWriter(System.err, true))
                        .getSubcommands()
                        .get("hashtags"));
        running.set(false);

        List<List<Row>> printedRows =
                PrintedWindows.parse(printed.toString(StandardCharsets.UTF_8)).stream()
                        .map(PrintedWindows.Window::rows)
                        .toList();
        assertEquals(EXPECTED, printedRows);
        assertEquals(EXPECTED, seenInWindows);
        for (List<Row> rows : polled.get(30, TimeUnit.SECONDS)) {
            assertTrue(EXPECTED.contains(rows), () -> "a mix of windows: " + rows);
        }
    }

    private static List<Row> viewRows(HashtagsJob job) {
        return job.sql().sql("Select tag, count from tweetsmessi").rows().stream()
                .map(r -> new Row(r.getString(0), r.getInt(1)))
                .toList();
    }
}
