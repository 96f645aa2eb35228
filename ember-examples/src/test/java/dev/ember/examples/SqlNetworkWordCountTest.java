package dev.ember.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.sql.SqlContext;
import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import dev.ember.test.StreamingTestDriver;
import dev.ember.test.TestInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlNetworkWordCountTest {

    @Test
    void showsTheWordCountsOfEachBatchAsSparksTable() {
        StreamingContext ssc =
                new StreamingContext("local[2]", "SqlNetworkWordCountTest", Durations.seconds(1));
        try (StreamingTestDriver driver = StreamingTestDriver.create(ssc);
                SqlContext spark = SqlContext.create(ssc)) {
            TestInput<String> lines = driver.newInput("lines");
            SqlNetworkWordCount.countWordsWithSql(lines.stream(), spark);
            driver.start();

            lines.add("hello world hello", "spark");
            driver.advanceBatches(1); // 1000
            driver.advanceBatches(1); // 2000: nothing typed, an empty table
            lines.add("to be or not to be");
            driver.advanceBatches(1); // 3000

            // A GROUP BY returns its groups in no set order, in Spark as here: rows are compared
            // sorted, every other character exactly.
            assertEquals(
                    "========= 1000 ms=========\n"
                            + "+-----+-----+\n"
                            + "| word|total|\n"
                            + "+-----+-----+\n"
                            + "|hello|    2|\n"
                            + "|spark|    1|\n"
                            + "|world|    1|\n"
                            + "+-----+-----+\n"
                            + "\n"
                            + "========= 2000 ms=========\n"
                            + "+----+-----+\n"
                            + "|word|total|\n"
                            + "+----+-----+\n"
                            + "+----+-----+\n"
                            + "\n"
                            + "========= 3000 ms=========\n"
                            + "+----+-----+\n"
                            + "|word|total|\n"
                            + "+----+-----+\n"
                            + "|  be|    2|\n"
                            + "| not|    1|\n"
                            + "|  or|    1|\n"
                            + "|  to|    2|\n"
                            + "+----+-----+\n"
                            + "\n",
                    withSortedRows(driver.printed()));
        }
    }

    /**
     * {@code printed} with the data rows of each table sorted by their cells (padding ignored),
     * everything else as it was.
     */
    static String withSortedRows(String printed) {
        List<String> out = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        int separators = 0;
        for (String line : printed.split("\n", -1)) {
            if (line.startsWith("+")) {
                separators++;
                if (separators % 3 == 0) {
                    rows.sort(Comparator.comparing(row -> row.replace(" ", "")));
                    out.addAll(rows);
                    rows.clear();
                }
                out.add(line);
            } else if (line.startsWith("|") && separators % 3 == 2) {
                rows.add(line);
            } else {
                out.add(line);
            }
        }
        return String.join("\n", out);
    }
}
