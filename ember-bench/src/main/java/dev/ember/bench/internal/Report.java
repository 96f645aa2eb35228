package dev.ember.bench.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison table: one row per metric with Ember's, Spark's and the kernel's figures, the
 * ratio Ember/Spark and Ember as a percentage of the kernel, followed by numbered notes.
 */
public final class Report {
    /** Engines, in column order. */
    public static final List<String> ENGINES = List.of("ember", "spark", "kernel");

    /** How a metric's values are printed. */
    public enum Unit {
        WORDS_PER_S,
        LINES_PER_S,
        SECONDS,
        MILLIS,
        MEGABYTES
    }

    /**
     * One figure, or the reason there is none: {@code prefix} qualifies the number (such as {@code
     * ≥} when a search hit its ceiling), {@code suffix} follows it (such as a note marker).
     */
    public record Cell(Double value, String prefix, String suffix) {
        static Cell of(double value) {
            return new Cell(value, "", "");
        }

        static Cell none(String why) {
            return new Cell(null, "", why);
        }

        Cell withPrefix(String p) {
            return new Cell(value, p, suffix);
        }

        Cell withNote(int note) {
            return new Cell(value, prefix, (suffix + " [" + note + "]").trim());
        }

        /** True when the cell holds a number. */
        public boolean hasValue() {
            return value != null;
        }
    }

    /** One metric. */
    public record Row(String metric, Unit unit, Map<String, Cell> cells) {
        /** The cell of {@code engine}, or null when that engine did not run. */
        public Cell cell(String engine) {
            return cells.get(engine);
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> header = new ArrayList<>();

    synchronized Row row(String metric, Unit unit) {
        for (Row r : rows) {
            if (r.metric.equals(metric)) {
                return r;
            }
        }
        Row r = new Row(metric, unit, Collections.synchronizedMap(new LinkedHashMap<>()));
        rows.add(r);
        return r;
    }

    void put(String metric, Unit unit, String engine, Cell cell) {
        row(metric, unit).cells().put(engine, cell);
    }

    /** Adds a note and returns its number, for a marker such as {@code [3]}. */
    synchronized int note(String text) {
        int i = notes.indexOf(text);
        if (i >= 0) {
            return i + 1;
        }
        notes.add(text);
        return notes.size();
    }

    synchronized void header(String line) {
        header.add(line);
    }

    /** The rows so far. */
    public synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The table and notes as Markdown, which also reads well on a console. */
    public synchronized String toMarkdown() {
        List<String[]> lines = new ArrayList<>();
        lines.add(
                new String[] {
                    "metric", "Ember", "Spark", "kernel", "Ember/Spark", "Ember % of kernel"
                });
        for (Row r : rows) {
            Cell e = r.cell("ember");
            Cell s = r.cell("spark");
            Cell k = r.cell("kernel");
            lines.add(
                    new String[] {
                        r.metric(),
                        format(e, r.unit()),
                        format(s, r.unit()),
                        format(k, r.unit()),
                        ratio(e, s),
                        percent(e, k)
                    });
        }
        int[] width = new int[6];
        for (String[] l : lines) {
            for (int i = 0; i < 6; i++) {
                width[i] = Math.max(width[i], l[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String h : header) {
            sb.append(h).append('\n');
        }
        if (!header.isEmpty()) {
            sb.append('\n');
        }
        for (int n = 0; n < lines.size(); n++) {
            String[] l = lines.get(n);
            sb.append('|');
            for (int i = 0; i < 6; i++) {
                String cell = i == 0 ? pad(l[i], width[i]) : padLeft(l[i], width[i]);
                sb.append(' ').append(cell).append(" |");
            }
            sb.append('\n');
            if (n == 0) {
                sb.append('|');
                for (int i = 0; i < 6; i++) {
                    sb.append(i == 0 ? ":" : "-")
                            .append("-".repeat(width[i]))
                            .append(i == 0 ? "-" : ":")
                            .append('|');
                }
                sb.append('\n');
            }
        }
        if (!notes.isEmpty()) {
            sb.append('\n');
            for (int i = 0; i < notes.size(); i++) {
                sb.append('[').append(i + 1).append("] ").append(notes.get(i)).append('\n');
            }
        }
        return sb.toString();
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(w - s.length());
    }

    private static String padLeft(String s, int w) {
        return " ".repeat(w - s.length()) + s;
    }

    static String format(Cell c, Unit unit) {
        if (c == null) {
            return "-";
        }
        if (c.value() == null) {
            return c.suffix();
        }
        String number = number(c.value(), unit);
        if (!c.prefix().isEmpty()) {
            number = c.prefix() + " " + number;
        }
        return c.suffix().isEmpty() ? number : number + " " + c.suffix();
    }

    /** {@code value} in {@code unit}, with SI prefixes where the figure is large. */
    static String number(double v, Unit unit) {
        return switch (unit) {
            case WORDS_PER_S -> si(v) + " words/s";
            case LINES_PER_S -> si(v) + " lines/s";
            case SECONDS -> String.format(Locale.ROOT, "%.2f s", v);
            case MILLIS ->
                    v < 10
                            ? String.format(Locale.ROOT, "%.1f ms", v)
                            : String.format(Locale.ROOT, "%.0f ms", v);
            case MEGABYTES -> String.format(Locale.ROOT, "%.0f MB", v);
        };
    }

    static String si(double v) {
        if (v >= 1e9) {
            return String.format(Locale.ROOT, "%.2f G", v / 1e9);
        }
        if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", v / 1e6);
        }
        if (v >= 1e3) {
            return String.format(Locale.ROOT, "%.0f k", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String ratio(Cell a, Cell b) {
        if (a == null || b == null || !a.hasValue() || !b.hasValue() || b.value() == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f×", a.value() / b.value());
    }

    private static String percent(Cell a, Cell k) {
        if (a == null || k == null || !a.hasValue() || !k.hasValue() || k.value() == 0) {
            return "-";
        }
        double p = 100 * a.value() / k.value();
        return p < 10
                ? String.format(Locale.ROOT, "%.1f %%", p)
                : String.format(Locale.ROOT, "%.0f %%", p);
    }
}
