package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The read-only statement timeout cancels a real query on the timer's own thread. */
class ReadOnlyTimeoutIT {

    @Test
    void aQueryOverTheTimeoutIsCancelledAndTheNextOneRuns() {
        StreamingContext ssc =
                new StreamingContext("local[2]", "ReadOnlyTimeoutIT", Durations.seconds(1));
        try (SqlContext sql = SqlContext.create(ssc)) {
            ReadOnlySql readOnly = sql.readOnly(Durations.milliseconds(200), 100);
            String query = "SELECT count(*) FROM range(1000000000000) WHERE range % 7 = 3";

            long start = System.nanoTime();
            SqlException e = assertThrows(SqlException.class, () -> readOnly.sql(query));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertEquals(SqlException.Reason.TIMEOUT, e.reason());
            assertEquals(
                    "read-only query \""
                            + query
                            + "\" ran longer than the statement timeout of 200 ms and was"
                            + " cancelled; narrow it (a WHERE clause, a LIMIT) or allow a longer"
                            + " timeout",
                    e.getMessage());
            assertTrue(millis < 10_000, "cancelled after " + millis + " ms");
            assertEquals(List.of(42), readOnly.sql("SELECT 42").as(Integer.class));
        }
    }
}
