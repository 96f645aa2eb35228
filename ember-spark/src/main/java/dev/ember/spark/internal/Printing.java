package dev.ember.spark.internal;

import java.io.PrintStream;
import java.util.List;

/** {@code print(num)} in Spark's exact format, written where the program's print stream goes. */
final class Printing {
    private static final String DASHES = "-------------------------------------------";

    private Printing() {}

    /**
     * Prints a batch from its first {@code num + 1} elements, as Spark's {@code DStream.print}: 43
     * dashes, {@code Time: <ms> ms}, 43 dashes, up to {@code num} elements, {@code ...} when there
     * are more, a blank line.
     */
    static void print(PrintStream out, List<?> first, int num, long time) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(DASHES).append('\n');
        sb.append("Time: ").append(time).append(" ms").append('\n');
        sb.append(DASHES).append('\n');
        for (int i = 0; i < Math.min(num, first.size()); i++) {
            sb.append(first.get(i)).append('\n');
        }
        if (first.size() > num) {
            sb.append("...\n");
        }
        sb.append('\n');
        out.print(sb);
        out.flush();
    }
}
