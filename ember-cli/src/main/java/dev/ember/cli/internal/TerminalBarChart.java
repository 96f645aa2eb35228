package dev.ember.cli.internal;

import java.util.List;

/**
 * A horizontal bar chart in Unicode block characters, as the notebook's plot draws it: one row per
 * tag, the tag on the left (y), a bar whose length is the count (x), and the count after it.
 *
 * <pre>
 *      #messi ████████████████████████████████████ 31
 *       #goal █████████████▉ 12
 * #intermiami ██████████▍ 9
 * </pre>
 *
 * <p>Bars are scaled so that the largest fills the width left by the labels and counts, to an
 * eighth of a character ({@code ▏} to {@code █}); every positive count gets at least an eighth.
 * Labels are right-aligned by their width on a terminal: combining marks take no column, East Asian
 * wide and full-width characters two, others one. Labels too wide for the terminal are cut with
 * {@code …}.
 */
final class TerminalBarChart {
    /** The narrowest terminal the chart is drawn for; narrower ones get this width anyway. */
    static final int MIN_COLUMNS = 20;

    private static final char FULL = '█';
    private static final char[] EIGHTHS = {' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'};
    private static final String ELLIPSIS = "…";

    private TerminalBarChart() {}

    /** The chart of {@code rows} for a terminal {@code columns} wide, one line per row. */
    static String render(List<HashtagsJob.TagCount> rows, int columns) {
        if (rows.isEmpty()) {
            return "";
        }
        int width = Math.max(MIN_COLUMNS, columns);
        int max = 1;
        int countWidth = 1;
        int labelWidth = 1;
        for (HashtagsJob.TagCount row : rows) {
            max = Math.max(max, row.count());
            countWidth = Math.max(countWidth, String.valueOf(row.count()).length());
            labelWidth = Math.max(labelWidth, width(row.tag()));
        }
        // Labels get at most half of the line; the bar at least a quarter.
        labelWidth = Math.min(labelWidth, width / 2);
        int barWidth = Math.max(width / 4, width - labelWidth - countWidth - 3);
        StringBuilder sb = new StringBuilder();
        for (HashtagsJob.TagCount row : rows) {
            String label = fit(row.tag(), labelWidth);
            sb.append(" ".repeat(labelWidth - width(label))).append(label).append(' ');
            sb.append(bar(row.count(), max, barWidth)).append(' ').append(row.count()).append('\n');
        }
        return sb.toString();
    }

    /** A bar of {@code count / max * barWidth} characters, in eighths. */
    static String bar(int count, int max, int barWidth) {
        if (count <= 0) {
            return "";
        }
        long eighths = Math.max(1, Math.round(8.0 * barWidth * count / max));
        StringBuilder sb = new StringBuilder();
        for (long i = 0; i < eighths / 8; i++) {
            sb.append(FULL);
        }
        if (eighths % 8 != 0) {
            sb.append(EIGHTHS[(int) (eighths % 8)]);
        }
        return sb.toString();
    }

    /** {@code text}, cut with an ellipsis to at most {@code columns} terminal columns. */
    static String fit(String text, int columns) {
        if (width(text) <= columns) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = width(cp);
            if (used + w > columns - 1) {
                break;
            }
            sb.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return sb.append(ELLIPSIS).toString();
    }

    /** The columns {@code text} takes on a terminal. */
    static int width(String text) {
        int w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += width(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    private static int width(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT
                || type == Character.CONTROL) {
            return 0;
        }
        return isWide(cp) ? 2 : 1;
    }

    /** East Asian wide and full-width ranges (Unicode's EastAsianWidth W and F, in blocks). */
    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0x303E)
                || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
