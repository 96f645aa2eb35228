package dev.ember.cli.internal;

import dev.ember.streaming.Time;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * Prints each window of the hashtags job on standard output: a header with the window's time range,
 * its number of posts and its source, then the top tags in Spark's {@code show()} format, then, on
 * a terminal only, a bar chart sized to it, and a blank line.
 *
 * <pre>
 * Window 2026-05-01 20:14:40 to 20:15:00 +02:00, 230 posts from demo (seed 42, 50 posts/s)
 * +-----------+-----+
 * |        tag|count|
 * +-----------+-----+
 * |     #messi|   31|
 * +-----------+-----+
 * </pre>
 *
 * <p>Times are in {@code zone}, with milliseconds when the window does not fall on whole seconds;
 * the end's date is left out when it is the start's. Redirected output gets only headers and
 * tables, for scripts to parse; on a terminal, printing goes through the progress line so the two
 * never share a line.
 */
final class WindowPrinter implements HashtagsJob.WindowListener {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd ");
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

    private final PrintStream out;
    private final String source;
    private final String unit;
    private final ZoneId zone;
    private final ProgressLine progress;
    private final IntSupplier terminalColumns;

    /**
     * @param source the source as the header names it
     * @param unit what the source delivers, in the plural: {@code posts} or {@code lines}
     * @param progress the progress line to print around, or {@code null} when there is none
     * @param terminalColumns the terminal's width, or {@code null} when output is not a terminal
     */
    WindowPrinter(
            PrintStream out,
            String source,
            String unit,
            ZoneId zone,
            ProgressLine progress,
            IntSupplier terminalColumns) {
        this.out = out;
        this.source = source;
        this.unit = unit;
        this.zone = zone;
        this.progress = progress;
        this.terminalColumns = terminalColumns;
    }

    @Override
    public void window(HashtagsJob.Window window) {
        StringBuilder text = new StringBuilder();
        text.append(header(window)).append('\n').append(window.table());
        if (!window.table().endsWith("\n")) {
            text.append('\n');
        }
        if (terminalColumns != null) {
            text.append(TerminalBarChart.render(window.rows(), terminalColumns.getAsInt()));
        }
        text.append('\n');
        Runnable print =
                () -> {
                    out.print(text);
                    out.flush();
                };
        if (progress == null) {
            print.run();
        } else {
            progress.printAbove(print);
        }
    }

    /** Such as {@code Window 2026-05-01 20:14:40 to 20:15:00 +02:00, 230 posts from demo}. */
    String header(HashtagsJob.Window window) {
        return "Window "
                + range(window.start(), window.end(), zone)
                + ", "
                + window.records()
                + " "
                + (window.records() == 1 ? unit.substring(0, unit.length() - 1) : unit)
                + " from "
                + source;
    }

    /**
     * A window's time range in {@code zone}, such as {@code 2026-05-01 20:14:40 to 20:15:00
     * +02:00}.
     */
    static String range(Time start, Time end, ZoneId zone) {
        ZonedDateTime from = Instant.ofEpochMilli(start.milliseconds()).atZone(zone);
        ZonedDateTime to = Instant.ofEpochMilli(end.milliseconds()).atZone(zone);
        DateTimeFormatter time =
                start.milliseconds() % 1000 == 0 && end.milliseconds() % 1000 == 0
                        ? SECONDS
                        : MILLIS;
        String toDate = from.toLocalDate().equals(to.toLocalDate()) ? "" : DATE.format(to);
        return DATE.format(from)
                + time.format(from)
                + " to "
                + toDate
                + time.format(to)
                + " "
                + OFFSET.format(to);
    }
}
