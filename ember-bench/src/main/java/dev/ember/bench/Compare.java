package dev.ember.bench;

import dev.ember.bench.internal.Harness;
import java.util.Arrays;

/**
 * Runs the same workloads on Ember and on Apache Spark ({@code local[2]}) and prints one table with
 * both figures, their ratio, and Ember as a fraction of a hand-written single-pass kernel. The
 * table is also written to {@code bench-results/compare-<timestamp>.md}.
 *
 * <p>Each run of each engine is its own JVM with the same heap flags; engines are interleaved. The
 * workloads and how to read the figures are described in {@code ember-bench/README.md}. Run it with
 * {@code ember-bench/compare} from the repository root; {@code --help} lists the options.
 */
public final class Compare {
    private Compare() {}

    /** Runs the comparison; see {@code --help}. */
    public static void main(String[] args) throws Exception {
        try {
            Harness.run(Arrays.asList(args));
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        System.exit(0);
    }
}
