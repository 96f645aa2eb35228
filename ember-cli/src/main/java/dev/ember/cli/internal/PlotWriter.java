package dev.ember.cli.internal;

import java.awt.AWTError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each window's chart as a PNG into a directory ({@code --plot-dir}): {@code
 * hashtags-<yyyyMMdd-HHmmss>.png} per window (with {@code .SSS} milliseconds when the window does
 * not end on a whole second), and the same picture as {@code latest.png}, which an image viewer can
 * keep open. Each file is written to a temporary name and renamed, so a reader never sees half an
 * image.
 *
 * <p>Drawing needs Java's fonts and image code, which a broken install may lack: any failure to
 * draw or write is logged (the first of each kind at WARN, repeats at DEBUG) and the window
 * skipped; it never stops the stream. The fonts are looked up with the first window, so a failure
 * there is one of those too.
 */
final class PlotWriter implements HashtagsJob.WindowListener {
    /** The file that always holds the last window's chart. */
    static final String LATEST = "latest.png";

    private static final Logger LOG = LoggerFactory.getLogger(PlotWriter.class);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss.SSS", Locale.ROOT);

    private final Path dir;
    private final String source;
    private final ZoneId zone;
    private final Supplier<ChartFonts> fonts;
    private HashtagChart chart;
    private String lastFailure;
    private long failures;

    /**
     * @param source the source as the title names it
     * @param fonts the fonts to draw with, looked up with the first window
     */
    PlotWriter(Path dir, String source, ZoneId zone, Supplier<ChartFonts> fonts) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.source = Objects.requireNonNull(source, "source");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.fonts = Objects.requireNonNull(fonts, "fonts");
    }

    @Override
    public void window(HashtagsJob.Window window) {
        try {
            write(window);
        } catch (IOException | RuntimeException | LinkageError | AWTError e) {
            failed(window, e);
        }
    }

    /**
     * Draws and writes the chart of {@code window}.
     *
     * @return the chart as drawn
     */
    JFreeChart write(HashtagsJob.Window window) throws IOException {
        if (chart == null) {
            chart = new HashtagChart(fonts.get());
        }
        JFreeChart drawn = chart.draw(title(window), window.rows());
        byte[] png = HashtagChart.png(drawn);
        Files.createDirectories(dir);
        replace(dir.resolve(fileName(window)), png);
        replace(dir.resolve(LATEST), png);
        return drawn;
    }

    /** The title of the window's chart, such as {@code Top hashtags, 2026-05-01 ... , demo}. */
    String title(HashtagsJob.Window window) {
        return "Top hashtags, "
                + WindowPrinter.range(window.start(), window.end(), zone)
                + ", "
                + source;
    }

    /** The file of the window's chart, such as {@code hashtags-20260501-201500.png}. */
    String fileName(HashtagsJob.Window window) {
        long end = window.end().milliseconds();
        DateTimeFormatter format = end % 1000 == 0 ? SECONDS : MILLIS;
        return "hashtags-" + format.format(Instant.ofEpochMilli(end).atZone(zone)) + ".png";
    }

    private static void replace(Path target, byte[] content) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.write(temp, content);
        try {
            Files.move(
                    temp,
                    target,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private void failed(HashtagsJob.Window window, Throwable e) {
        failures++;
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (!reason.equals(lastFailure)) {
            lastFailure = reason;
            LOG.warn(
                    "The chart of the window ending at {} could not be written to {} ({}); the"
                            + " job goes on, and later charts are tried again",
                    window.end(),
                    dir,
                    reason);
        } else {
            LOG.debug("The chart failed again ({} failures so far): {}", failures, reason);
        }
    }
}
