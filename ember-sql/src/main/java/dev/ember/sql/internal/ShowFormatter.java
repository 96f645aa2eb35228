package dev.ember.sql.internal;

import dev.ember.sql.DataType;
import dev.ember.sql.Row;
import dev.ember.sql.spi.Column;
import dev.ember.sql.spi.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Spark's {@code Dataset.showString}, character for character, as Spark 4 writes it ({@code
 * sql/core/.../classic/Dataset.scala}, with cells rendered by {@code ToPrettyString}).
 *
 * <p>The rules followed: the first {@code numRows} rows (one more is read to tell whether there are
 * more); each cell rendered as Spark casts values to pretty strings ({@code NULL} for null, {@code
 * true}/{@code false}, Java's {@code toString} of numbers, plain decimals, {@code [01 FF]} for
 * binary, {@code yyyy-MM-dd HH:mm:ss[.fraction]} for timestamps with trailing zeros of the fraction
 * dropped, timestamps with a zone shown in the session zone, {@code [a, NULL]} for arrays, {@code
 * {k -> v}} for maps and {@code {a, b}} for structs); control characters in header and cells
 * escaped ({@code \n} as the two characters backslash and n); cells longer than {@code truncate}
 * cut to {@code truncate - 3} characters plus {@code ...} (or to {@code truncate} when it is below
 * 4), header cells never; columns at least 3 wide, full-width East Asian characters counted as two;
 * cells right-aligned when truncating and left-aligned otherwise; {@code +---+} borders; and {@code
 * only showing top n rows} (or {@code row} for one) after the table when rows were left out.
 */
public final class ShowFormatter {
    private static final int MIN_COLUMN_WIDTH = 3;

    /** Spark's {@code Utils.fullWidthRegex}. */
    private static final Pattern FULL_WIDTH =
            Pattern.compile(
                    "[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE10-\uFE19"
                            + "\uFE30-\uFE6F\uFF00-\uFF60\uFFE0-\uFFE6]");

    private static final DateTimeFormatter TIMESTAMP =
            new DateTimeFormatterBuilder()
                    .appendPattern("yyyy-MM-dd HH:mm:ss")
                    .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
                    .toFormatter(Locale.US);
    private static final DateTimeFormatter TIME =
            new DateTimeFormatterBuilder()
                    .appendPattern("HH:mm:ss")
                    .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
                    .toFormatter(Locale.US);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final ZoneId zone;

    /** A formatter that shows timestamps with a zone in {@code zone}, Spark's session zone. */
    public ShowFormatter(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * The text Spark's {@code show(numRows, truncate)} prints, without the final line break that
     * {@code println} adds.
     */
    public String showString(Table table, int numRows, int truncate) {
        int n = Math.max(0, numRows);
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (Column c : table.columns()) {
            header.add(escapeMetaCharacters(c.name()));
        }
        rows.add(header);
        int available = table.rows().size();
        int taken = (int) Math.min((long) n, available);
        for (int r = 0; r < taken; r++) {
            Object[] values = table.rows().get(r);
            List<String> cells = new ArrayList<>(values.length);
            for (int i = 0; i < values.length; i++) {
                String text = escapeMetaCharacters(cell(values[i], table.columns().get(i).type()));
                cells.add(truncate(text, truncate));
            }
            rows.add(cells);
        }
        boolean hasMoreData = available > n;

        int numCols = header.size();
        int[] widths = new int[numCols];
        java.util.Arrays.fill(widths, MIN_COLUMN_WIDTH);
        for (List<String> row : rows) {
            for (int i = 0; i < numCols; i++) {
                widths[i] = Math.max(widths[i], halfWidth(row.get(i)));
            }
        }
        // Spark joins with Scala's addString(start, sep, end), so no columns still print "++".
        List<String> dashes = new ArrayList<>(numCols);
        for (int w : widths) {
            dashes.add("-".repeat(w));
        }
        String sep = "+" + String.join("+", dashes) + "+\n";
        StringBuilder sb = new StringBuilder(sep);
        appendRow(sb, rows.get(0), widths, truncate);
        sb.append(sep);
        for (int r = 1; r < rows.size(); r++) {
            appendRow(sb, rows.get(r), widths, truncate);
        }
        sb.append(sep);
        if (hasMoreData) {
            sb.append("only showing top ").append(n).append(n == 1 ? " row" : " rows");
        }
        return sb.toString();
    }

    private static void appendRow(
            StringBuilder sb, List<String> cells, int[] widths, int truncate) {
        List<String> padded = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String padding = " ".repeat(Math.max(0, widths[i] - halfWidth(cell)));
            padded.add(truncate > 0 ? padding + cell : cell + padding);
        }
        sb.append('|').append(String.join("|", padded)).append("|\n");
    }

    private static String truncate(String text, int truncate) {
        if (truncate > 0 && text.length() > truncate) {
            return truncate < 4
                    ? text.substring(0, truncate)
                    : text.substring(0, truncate - 3) + "...";
        }
        return text;
    }

    /** Spark's {@code Utils.stringHalfWidth}: characters, full-width ones counted twice. */
    static int halfWidth(String text) {
        int wide = 0;
        java.util.regex.Matcher m = FULL_WIDTH.matcher(text);
        while (m.find()) {
            wide++;
        }
        return text.length() + wide;
    }

    /** Spark's {@code SparkSchemaUtils.escapeMetaCharacters}. */
    static String escapeMetaCharacters(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape =
                    switch (c) {
                        case '\n' -> "\\n";
                        case '\r' -> "\\r";
                        case '\t' -> "\\t";
                        case '\f' -> "\\f";
                        case '\b' -> "\\b";
                        case '\u000B' -> "\\v";
                        case '\u0007' -> "\\a";
                        default -> null;
                    };
            if (escape != null && sb == null) {
                sb = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (sb != null) {
                if (escape != null) {
                    sb.append(escape);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** A value as Spark's {@code ToPrettyString} renders it, given its column's type. */
    public String cell(Object value, DataType type) {
        if (value == null) {
            return "NULL";
        }
        return switch (type) {
            case TIMESTAMP ->
                    value instanceof Instant i ? TIMESTAMP.format(i.atZone(zone)) : text(value);
            default -> text(value);
        };
    }

    /** A value rendered by its class, for nested values whose column type does not say. */
    private String text(Object value) {
        if (value == null) {
            return "NULL";
        } else if (value instanceof BigDecimal d) {
            return d.toPlainString();
        } else if (value instanceof byte[] bytes) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < bytes.length; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(String.format("%02X", bytes[i] & 0xFF));
            }
            return sb.append(']').toString();
        } else if (value instanceof Instant i) {
            return TIMESTAMP.format(i.atZone(zone));
        } else if (value instanceof LocalDateTime t) {
            return TIMESTAMP.format(t);
        } else if (value instanceof LocalDate d) {
            return DATE.format(d);
        } else if (value instanceof LocalTime t) {
            return TIME.format(t);
        } else if (value instanceof List<?> list) {
            return joined(list.iterator(), "[", "]");
        } else if (value instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(text(e.getKey())).append(" -> ").append(text(e.getValue()));
            }
            return sb.append('}').toString();
        } else if (value instanceof Row row) {
            return joined(row.toList().iterator(), "{", "}");
        }
        return String.valueOf(value);
    }

    private String joined(Iterator<?> values, String open, String close) {
        StringBuilder sb = new StringBuilder(open);
        boolean first = true;
        while (values.hasNext()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(text(values.next()));
        }
        return sb.append(close).toString();
    }
}
