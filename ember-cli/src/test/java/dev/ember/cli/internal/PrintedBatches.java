package dev.ember.cli.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code print()} wrote, strictly: standard output must be nothing but batches in
 * Spark's format (43 dashes, {@code Time: <ms> ms}, 43 dashes, the elements, {@code ...} when there
 * were more, a blank line). Anything else fails the test with the offending line.
 */
final class PrintedBatches {
    static final String DASHES = "-".repeat(43);
    private static final Pattern TIME = Pattern.compile("Time: (\\d+) ms");

    /** One printed batch. */
    record Batch(long time, List<String> elements, boolean truncated) {}

    private PrintedBatches() {}

    static List<Batch> parse(String output) {
        List<String> lines = output.lines().toList();
        List<Batch> batches = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            expect(lines, i++, DASHES);
            Matcher time = TIME.matcher(line(lines, i));
            if (!time.matches()) {
                fail("line " + (i + 1) + " should be 'Time: <ms> ms' but is: " + line(lines, i));
            }
            i++;
            expect(lines, i++, DASHES);
            List<String> elements = new ArrayList<>();
            boolean truncated = false;
            while (!line(lines, i).isEmpty()) {
                String element = line(lines, i++);
                if (element.equals("...")) {
                    truncated = true;
                    expect(lines, i, "");
                } else {
                    elements.add(element);
                }
            }
            i++;
            batches.add(new Batch(Long.parseLong(time.group(1)), elements, truncated));
        }
        return batches;
    }

    private static String line(List<String> lines, int i) {
        if (i >= lines.size()) {
            fail("output ends in the middle of a batch, after line " + lines.size());
        }
        return lines.get(i);
    }

    private static void expect(List<String> lines, int i, String expected) {
        String actual = line(lines, i);
        if (!actual.equals(expected)) {
            fail("line " + (i + 1) + " should be '" + expected + "' but is: " + actual);
        }
    }
}
