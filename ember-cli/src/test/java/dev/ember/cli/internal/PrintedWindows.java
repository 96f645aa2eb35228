package dev.ember.cli.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code ember hashtags} printed to a redirected standard output, strictly: nothing but
 * windows, each a header, a table in Spark's {@code show()} format with columns {@code tag} and
 * {@code count}, and a blank line. Anything else fails the test with the offending line.
 */
final class PrintedWindows {
    static final Pattern HEADER =
            Pattern.compile(
                    "Window (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d{3})?) to"
                            + " ((?:\\d{4}-\\d{2}-\\d{2} )?\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{3})?)"
                            + " ([+-]\\d{2}:\\d{2}), (\\d+) (posts?|lines?) from (.+)");
    private static final Pattern BORDER = Pattern.compile("\\+-+\\+-+\\+");
    private static final Pattern ROW = Pattern.compile("\\|([^|]*)\\|([^|]*)\\|");

    /**
     * One printed window.
     *
     * @param header the header line
     * @param records the number of posts or lines the header gives
     * @param rows the table's rows, tag and count, as printed (cells stripped)
     * @param table the table as printed, with its borders
     */
    record Window(String header, long records, List<Row> rows, String table) {}

    /** One row of a printed table. */
    record Row(String tag, int count) {}

    private PrintedWindows() {}

    static List<Window> parse(String output) {
        List<String> lines = output.lines().toList();
        List<Window> windows = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String header = line(lines, i++);
            Matcher m = HEADER.matcher(header);
            if (!m.matches()) {
                fail("line " + i + " should be a window's header but is: " + header);
            }
            StringBuilder table = new StringBuilder();
            String border = expect(lines, i++, BORDER, table);
            Matcher columns = ROW.matcher(expect(lines, i++, ROW, table));
            columns.matches();
            if (!columns.group(1).strip().equals("tag")
                    || !columns.group(2).strip().equals("count")) {
                fail("line " + i + " should name the columns tag and count");
            }
            expect(lines, i++, BORDER, table);
            List<Row> rows = new ArrayList<>();
            while (!line(lines, i).equals(border)) {
                Matcher row = ROW.matcher(expect(lines, i++, ROW, table));
                row.matches();
                rows.add(new Row(row.group(1).strip(), Integer.parseInt(row.group(2).strip())));
            }
            expect(lines, i++, BORDER, table);
            if (!line(lines, i++).isEmpty()) {
                fail("line " + i + " should be blank, after the table");
            }
            windows.add(new Window(header, Long.parseLong(m.group(4)), rows, table.toString()));
        }
        return windows;
    }

    /** A tag as Spark's {@code show()} prints it: longer than 20 characters, cut to 17 and ... */
    static String shown(String tag) {
        return tag.length() > 20 ? tag.substring(0, 17) + "..." : tag;
    }

    private static String line(List<String> lines, int i) {
        if (i >= lines.size()) {
            fail("output ends in the middle of a window, after line " + lines.size());
        }
        return lines.get(i);
    }

    private static String expect(List<String> lines, int i, Pattern pattern, StringBuilder table) {
        String line = line(lines, i);
        if (!pattern.matcher(line).matches()) {
            fail("line " + (i + 1) + " should match " + pattern + " but is: " + line);
        }
        table.append(line).append('\n');
        return line;
    }
}
