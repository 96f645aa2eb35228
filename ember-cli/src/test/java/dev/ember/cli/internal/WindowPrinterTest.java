package dev.ember.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.cli.internal.HashtagsJob.TagCount;
import dev.ember.streaming.Durations;
import dev.ember.streaming.Time;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How windows, bar charts and the progress line look, redirected and on a terminal. */
class WindowPrinterTest {
    private static final String TABLE =
            "+------+-----+\n"
                    + "|   tag|count|\n"
                    + "+------+-----+\n"
                    + "|#messi|   31|\n"
                    + "| #goal|   12|\n"
                    + "+------+-----+\n";
    private static final List<TagCount> ROWS =
            List.of(new TagCount("#messi", 31), new TagCount("#goal", 12));
    private static final HashtagsJob.Window WINDOW =
            new HashtagsJob.Window(
                    Time.ms(1_777_666_480_000L), Time.ms(1_777_666_500_000L), 230, ROWS, TABLE);

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void redirectedOutputHasOnlyTheHeaderAndTheTable() {
        new WindowPrinter(out, "demo (seed 42, 50 posts/s)", "posts", ZoneId.of("UTC"), null, null)
                .window(WINDOW);

        assertEquals(
                "Window 2026-05-01 20:14:40 to 20:15:00 +00:00, 230 posts from demo (seed 42, 50"
                        + " posts/s)\n"
                        + TABLE
                        + "\n",
                printed());
    }

    @Test
    void aTerminalGetsABarChartSizedToItAndTheProgressLineStaysBelow() {
        StringWriter err = new StringWriter();
        ProgressLine progress = new ProgressLine(new PrintWriter(err), true, "ember hashtags: ", 5);
        progress.tick("read 230 posts (50/s), 1 window, next in 7s");
        new WindowPrinter(out, "demo", "posts", ZoneId.of("Europe/Paris"), progress, () -> 30)
                .window(WINDOW);

        assertEquals(
                "Window 2026-05-01 22:14:40 to 22:15:00 +02:00, 230 posts from demo\n"
                        + TABLE
                        + "#messi ███████████████████ 31\n"
                        + " #goal ███████▍ 12\n"
                        + "\n",
                printed());
        assertEquals(
                "\r\033[Kread 230 posts (50/s), 1 window, next in 7s"
                        + "\r\033[K"
                        + "read 230 posts (50/s), 1 window, next in 7s",
                err.toString());
    }

    @Test
    void redirectedProgressIsAPlainLineEveryFewTicks() {
        StringWriter err = new StringWriter();
        ProgressLine progress =
                new ProgressLine(new PrintWriter(err), false, "ember hashtags: ", 3);
        for (int i = 1; i <= 7; i++) {
            progress.tick("read " + i + " posts");
        }
        progress.finish("read 7 posts, 0 windows");

        assertEquals(
                "ember hashtags: read 3 posts\n"
                        + "ember hashtags: read 6 posts\n"
                        + "ember hashtags: read 7 posts, 0 windows\n",
                err.toString());
    }

    @Test
    void barsAreScaledToTheLargestInEighthsAndWideLabelsAlign() {
        assertEquals("████", TerminalBarChart.bar(4, 4, 4));
        assertEquals("██▌", TerminalBarChart.bar(5, 8, 4));
        assertEquals("▏", TerminalBarChart.bar(1, 1000, 4));
        assertEquals("", TerminalBarChart.bar(0, 10, 4));
        assertEquals(7, TerminalBarChart.width("#メッシ"));
        assertEquals(4, TerminalBarChart.width("#मेसी")); // the vowel sign े takes no column
        assertEquals(
                "#メッシ " + "█".repeat(13) + " 2\n" + "  #goal ██████▌ 1\n",
                TerminalBarChart.render(
                        List.of(new TagCount("#メッシ", 2), new TagCount("#goal", 1)), 24));
        assertEquals("#champio…", TerminalBarChart.fit("#championsleague", 9));
    }

    @Test
    void progressSaysWhatWasReadAndWhenTheNextWindowIsDue() {
        JobProgress progress =
                new JobProgress(
                        Durations.seconds(1), Durations.seconds(4), Durations.seconds(2), "posts");
        progress.started(100_300);
        assertEquals("read 0 posts (0/s), 0 windows, next in 2s", progress.status(100_300));
        progress.batchCompleted(Time.ms(101_000), 40);
        progress.batchCompleted(Time.ms(102_000), 60);
        progress.windowEmitted();
        assertEquals("read 100 posts (50/s), 1 window, next in 800ms", progress.status(103_200));
        assertEquals(100, progress.recordsIn(Time.ms(100_000), Time.ms(102_000)));
        assertEquals(Time.ms(100_000), progress.windowStart(Time.ms(102_000)));
        assertEquals(Time.ms(102_000), progress.windowStart(Time.ms(106_000)));
        assertEquals("read 100 posts, 1 window", progress.summary());
    }
}
