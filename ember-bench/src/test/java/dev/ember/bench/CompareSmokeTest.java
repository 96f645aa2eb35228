package dev.ember.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.bench.internal.Harness;
import dev.ember.bench.internal.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Ember side of every workload with {@code --quick} sizes, each in a child JVM as the real
 * comparison does, and checks that every metric got a figure and that the table was written. Spark
 * is left out (its start-up alone takes seconds per run); nothing here is timed.
 */
class CompareSmokeTest {

    @Test
    void runsEveryWorkloadOnEmberAndWritesTheTable(@TempDir Path out) throws Exception {
        Report report =
                Harness.run(List.of("--quick", "--engines", "ember", "--out-dir", out.toString()));

        List<Report.Row> rows = report.rows();
        assertFalse(rows.isEmpty(), "no rows");
        for (Report.Row row : rows) {
            if (row.metric().contains("ingest") || row.metric().contains("kernel")) {
                continue;
            }
            Report.Cell ember = row.cell("ember");
            // On a loaded machine even the quick rates may not hold: that is a verdict the
            // workload reached by running, not a failure of the benchmark code.
            boolean measured =
                    ember != null
                            && (ember.hasValue() && ember.value() >= 0
                                    || ember.suffix().startsWith("not held at any rate tried"));
            assertTrue(measured, "no Ember figure for '" + row.metric() + "': " + ember);
            assertEquals(null, row.cell("spark"), "Spark must not run in the smoke test");
        }
        try (Stream<Path> files = Files.list(out)) {
            Path table =
                    files.filter(p -> p.getFileName().toString().startsWith("compare-"))
                            .findFirst()
                            .orElseThrow();
            String text = Files.readString(table);
            assertTrue(text.contains("| metric"), text);
            assertTrue(text.contains("in-memory word count"), text);
        }
    }
}
