package dev.ember.cli.internal;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws one window's top tags as the notebook's seaborn plot does: horizontal bars, the count on x,
 * the tag on y, most frequent at the top, with the count at the end of each bar and a title that
 * names the window and the source. Labels use {@link ChartFonts}.
 */
final class HashtagChart {
    static final int WIDTH = 1000;
    static final int HEIGHT = 600;

    private static final Color BAR = new Color(0x4C72B0); // seaborn's first colour
    private static final Color GRID = new Color(0xDDDDDD);

    /**
     * One bar's key in the dataset: the tag it counts, shown as {@code shown}. Keys stay distinct
     * even when two tags show the same (both {@code #[Katakana]}).
     */
    record Bar(String tag, String shown) implements Comparable<Bar> {
        @Override
        public int compareTo(Bar that) {
            return tag.compareTo(that.tag);
        }

        @Override
        public String toString() {
            return shown;
        }
    }

    private final ChartFonts fonts;

    HashtagChart(ChartFonts fonts) {
        this.fonts = Objects.requireNonNull(fonts, "fonts");
    }

    /** The chart of {@code rows}, in their order, titled {@code title}. */
    JFreeChart draw(String title, List<HashtagsJob.TagCount> rows) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        Set<Character.UnicodeScript> replaced = new LinkedHashSet<>();
        Map<Bar, Font> axisFonts = new LinkedHashMap<>();
        for (HashtagsJob.TagCount row : rows) {
            ChartFonts.Label label = fonts.label(row.tag());
            replaced.addAll(label.replaced());
            Bar bar = new Bar(row.tag(), label.text());
            dataset.addValue(row.count(), HashtagsJob.COUNT, bar);
            axisFonts.put(bar, label.font().deriveFont(14f));
        }
        JFreeChart chart =
                ChartFactory.createBarChart(
                        null,
                        HashtagsJob.TAG,
                        HashtagsJob.COUNT,
                        dataset,
                        PlotOrientation.HORIZONTAL,
                        false,
                        false,
                        false);
        ChartFonts.Label titleLabel = fonts.label(title);
        replaced.addAll(titleLabel.replaced());
        chart.setTitle(
                new TextTitle(titleLabel.text(), titleLabel.font().deriveFont(Font.BOLD, 18f)));
        if (!replaced.isEmpty()) {
            String scripts =
                    replaced.stream().map(ChartFonts::name).collect(Collectors.joining(", "));
            chart.addSubtitle(
                    new TextTitle(
                            "Letters in "
                                    + scripts
                                    + " show as [script name]: no installed font draws them",
                            fonts.preferred().deriveFont(Font.ITALIC, 12f)));
        }
        if (rows.isEmpty()) {
            chart.addSubtitle(
                    new TextTitle("No hashtags in this window", fonts.preferred().deriveFont(14f)));
        }
        chart.setBackgroundPaint(Color.WHITE);
        style(chart.getCategoryPlot(), axisFonts);
        return chart;
    }

    /** {@code chart} as a PNG image of {@link #WIDTH} by {@link #HEIGHT} pixels. */
    static byte[] png(JFreeChart chart) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        return out.toByteArray();
    }

    private void style(CategoryPlot plot, Map<Bar, Font> axisFonts) {
        Font axisLabel = fonts.preferred().deriveFont(Font.BOLD, 14f);
        Font ticks = fonts.preferred().deriveFont(13f);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        CategoryAxis tags = plot.getDomainAxis();
        tags.setLabelFont(axisLabel);
        tags.setTickLabelFont(fonts.preferred().deriveFont(14f));
        tags.setMaximumCategoryLabelWidthRatio(0.4f);
        axisFonts.forEach(tags::setTickLabelFont);
        NumberAxis counts = (NumberAxis) plot.getRangeAxis();
        counts.setLabelFont(axisLabel);
        counts.setTickLabelFont(ticks);
        counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        counts.setUpperMargin(0.1);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, BAR);
        renderer.setMaximumBarWidth(0.08);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ticks);
    }
}
