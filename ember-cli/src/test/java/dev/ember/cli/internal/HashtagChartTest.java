package dev.ember.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.cli.internal.HashtagsJob.TagCount;
import dev.ember.streaming.Time;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PNG charts of {@code --plot-dir}, and the fonts their labels are drawn in. */
class HashtagChartTest {
    private static final List<TagCount> ROWS =
            List.of(
                    new TagCount("#messi", 31),
                    new TagCount("#месси", 12),
                    new TagCount("#メッシ", 9),
                    new TagCount("#मेसी", 4));

    @TempDir Path dir;

    private static HashtagsJob.Window window(long endMillis, List<TagCount> rows) {
        return new HashtagsJob.Window(
                Time.ms(endMillis - 20_000), Time.ms(endMillis), 230, rows, "");
    }

    @Test
    void writesAPngPerWindowAndLatestWhoseBarsAreTheTable() throws Exception {
        PlotWriter writer =
                new PlotWriter(dir, "demo (seed 42)", ZoneId.of("UTC"), ChartFonts::installed);
        HashtagsJob.Window window = window(Time.ms(1_777_666_500_000L).milliseconds(), ROWS);

        JFreeChart chart = writer.write(window);

        CategoryDataset data = chart.getCategoryPlot().getDataset();
        assertEquals(PlotOrientation.HORIZONTAL, chart.getCategoryPlot().getOrientation());
        assertEquals(
                List.of("#messi", "#месси", "#メッシ", "#मेसी"),
                bars(data).stream().map(HashtagChart.Bar::tag).toList());
        for (int i = 0; i < ROWS.size(); i++) {
            assertEquals(ROWS.get(i).count(), data.getValue(0, i).intValue());
        }
        assertEquals("tag", chart.getCategoryPlot().getDomainAxis().getLabel());
        assertEquals("count", chart.getCategoryPlot().getRangeAxis().getLabel());
        assertEquals(
                "Top hashtags, 2026-05-01 20:14:40 to 20:15:00 +00:00, demo (seed 42)",
                chart.getTitle().getText());
        for (String name : List.of("hashtags-20260501-201500.png", PlotWriter.LATEST)) {
            BufferedImage image = ImageIO.read(dir.resolve(name).toFile());
            assertEquals(HashtagChart.WIDTH, image.getWidth(), name);
            assertEquals(HashtagChart.HEIGHT, image.getHeight(), name);
        }
        assertEquals(
                "hashtags-20260501-201500.500.png",
                writer.fileName(window(1_777_666_500_500L, ROWS)));
    }

    @Test
    void labelsNoInstalledFontCanDrawShowTheirScriptAndTheChartSaysSo() {
        boolean cjk = anyInstalledFontDraws("#メッシ");
        boolean devanagari = anyInstalledFontDraws("#मेसी");
        JFreeChart chart = new HashtagChart(ChartFonts.installed()).draw("Top hashtags", ROWS);

        List<String> shown =
                bars(chart.getCategoryPlot().getDataset()).stream()
                        .map(HashtagChart.Bar::shown)
                        .toList();
        assertEquals(
                List.of(
                        "#messi",
                        "#месси",
                        cjk ? "#メッシ" : "#[Katakana]",
                        devanagari ? "#मेसी" : "#[Devanagari]"),
                shown);
        boolean noted =
                chart.getSubtitles().stream()
                        .anyMatch(
                                t ->
                                        t instanceof TextTitle title
                                                && title.getText()
                                                        .contains("show as [script name]"));
        assertEquals(!(cjk && devanagari), noted);
    }

    @Test
    void eachLabelGetsAFontThatDrawsItWhole() {
        Font dejaVu = new Font(ChartFonts.PREFERRED_FAMILY, Font.PLAIN, 1);
        ChartFonts onlyDejaVu = new ChartFonts(dejaVu, List.of());

        ChartFonts.Label latin = onlyDejaVu.label("#fußball");
        assertEquals("#fußball", latin.text());
        assertEquals(Set.of(), latin.replaced());
        assertEquals("#месси", onlyDejaVu.label("#месси").text());
        assertEquals("#j[Katakana]", onlyDejaVu.label("#jリーグ").text());
        assertEquals("#[Han]", onlyDejaVu.label("#選挙").text());
        ChartFonts.Label hindi = onlyDejaVu.label("#चुनाव");
        assertEquals("#[Devanagari]", hindi.text());
        assertEquals(Set.of(Character.UnicodeScript.DEVANAGARI), hindi.replaced());
        assertFalse(hindi.text().contains("\uFFFD"));
        assertEquals("fonts-noto-cjk", ChartFonts.debianPackage(Character.UnicodeScript.KATAKANA));
        assertEquals(
                "fonts-noto-core", ChartFonts.debianPackage(Character.UnicodeScript.DEVANAGARI));
    }

    @Test
    void aChartThatCannotBeWrittenIsSkippedAndTheNextIsTried() throws Exception {
        Path file = dir.resolve("not-a-dir");
        Files.writeString(file, "x");
        PlotWriter broken = new PlotWriter(file, "demo", ZoneId.of("UTC"), ChartFonts::installed);
        broken.window(window(1_777_666_500_000L, ROWS)); // logs, does not throw

        PlotWriter fontless =
                new PlotWriter(
                        dir.resolve("plots"),
                        "demo",
                        ZoneId.of("UTC"),
                        () -> {
                            throw new IllegalStateException("no fonts");
                        });
        fontless.window(window(1_777_666_500_000L, ROWS)); // logs, does not throw
        assertFalse(Files.exists(dir.resolve("plots")));
    }

    @Test
    void anEmptyWindowGetsAChartThatSaysSo() {
        JFreeChart chart = new HashtagChart(ChartFonts.installed()).draw("Top hashtags", List.of());
        assertTrue(
                chart.getSubtitles().stream()
                        .anyMatch(
                                t ->
                                        t instanceof TextTitle title
                                                && title.getText()
                                                        .equals("No hashtags in this window")));
    }

    private static List<HashtagChart.Bar> bars(CategoryDataset data) {
        List<HashtagChart.Bar> bars = new ArrayList<>();
        for (Object key : data.getColumnKeys()) {
            bars.add((HashtagChart.Bar) key);
        }
        return bars;
    }

    private static boolean anyInstalledFontDraws(String text) {
        return Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts())
                .anyMatch(f -> f.canDisplayUpTo(text) < 0);
    }
}
