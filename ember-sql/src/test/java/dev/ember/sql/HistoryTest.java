package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Time;
import dev.ember.streaming.Tuple2;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * History tables: windows appended with their end time to a DuckDB file that outlives the program.
 */
class HistoryTest {
    private final StreamingContext ssc =
            new StreamingContext("local[2]", "HistoryTest", Durations.seconds(10));

    @TempDir Path dir;

    private DataFrame counts(SqlContext sql, String tag, int count) {
        return sql.toDF(List.of(Tuple2.of(tag, count)), "tag", "count");
    }

    @Test
    void aFreshDuckDbConnectionReadsTheHistoryFileAfterTheContextCloses() throws Exception {
        Path file = dir.resolve("data/ember.duckdb");
        try (SqlContext sql = SqlContext.builder(ssc).history(file).build()) {
            counts(sql, "#messi", 3).appendToHistory("tweetsmessi", Time.ms(1_700_000_010_000L));
            counts(sql, "#goal", 5).appendToHistory("tweetsmessi", Time.ms(1_700_000_020_000L));
        }

        assertTrue(Files.exists(file));
        assertFalse(Files.exists(dir.resolve("data/ember.duckdb.wal")), "the WAL is checkpointed");
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT window_end, tag, count, typeof(window_end), typeof(count)"
                                        + " FROM tweetsmessi ORDER BY window_end")) {
            while (rs.next()) {
                rows.add(
                        rs.getObject(1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)
                                + " "
                                + rs.getString(2)
                                + " "
                                + rs.getInt(3)
                                + " "
                                + rs.getString(4)
                                + " "
                                + rs.getString(5));
            }
        }
        assertEquals(
                List.of(
                        "2023-11-14T22:13:30Z #messi 3 TIMESTAMP WITH TIME ZONE INTEGER",
                        "2023-11-14T22:13:40Z #goal 5 TIMESTAMP WITH TIME ZONE INTEGER"),
                rows);
    }

    @Test
    void theFileIsWrittenInAStorageFormatThatDuckDb1ClientsRead() throws Exception {
        Path file = dir.resolve("ember.duckdb");
        try (SqlContext sql = SqlContext.builder(ssc).history(file).build()) {
            counts(sql, "#a", 1).appendToHistory("t", Time.ms(10_000));
        }

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("ATTACH '" + file + "' AS h (READ_ONLY)");
            try (ResultSet rs =
                    s.executeQuery(
                            "SELECT tags['storage_version'] FROM duckdb_databases()"
                                    + " WHERE database_name = 'h'")) {
                rs.next();
                assertEquals("v1.0.0+", rs.getString(1));
            }
        }
    }

    @Test
    void aNewContextAppendsToTheTablesItFindsInTheFile() {
        Path file = dir.resolve("ember.duckdb");
        try (SqlContext sql = SqlContext.builder(ssc).history(file).build()) {
            counts(sql, "#a", 1).appendToHistory("tags", Time.ms(10_000));
        }
        try (SqlContext sql = SqlContext.builder(ssc).history(file).build()) {
            counts(sql, "#b", 2).appendToHistory("TAGS", Time.ms(20_000));

            assertEquals(List.of(2L), sql.sql("SELECT count(*) FROM history.tags").as(Long.class));
            assertEquals(2, sql.table("history.tags").count());
            assertEquals(List.of("history.tags"), sql.historyTableNames());
        }
    }

    @Test
    void retentionRemovesWindowsThatEndedLongerAgoThanItAllows() {
        try (SqlContext sql =
                SqlContext.builder(ssc)
                        .history(dir.resolve("ember.duckdb"))
                        .historyRetention(Durations.minutes(60))
                        .build()) {
            for (int minute = 0; minute <= 90; minute += 30) {
                counts(sql, "#m" + minute, minute)
                        .appendToHistory("tags", Time.ms(minute * 60_000L));
            }

            assertEquals(
                    List.of("#m60", "#m90"),
                    sql.sql("SELECT tag FROM history.tags ORDER BY window_end").as(String.class));
        }
    }

    @Test
    void rowsWithOtherColumnsThanTheTableAreRefused() {
        try (SqlContext sql =
                SqlContext.builder(ssc).history(dir.resolve("ember.duckdb")).build()) {
            counts(sql, "#a", 1).appendToHistory("tags", Time.ms(10_000));

            IllegalStateException e =
                    assertThrows(
                            IllegalStateException.class,
                            () ->
                                    sql.toDF(List.of(Tuple2.of("#a", 1L)), "tag", "total")
                                            .appendToHistory("tags", Time.ms(20_000)));
            assertEquals(
                    "history table 'tags' in "
                            + dir.resolve("ember.duckdb")
                            + " has columns [tag VARCHAR, count INTEGER] after window_end but the"
                            + " rows to append have [tag VARCHAR, total BIGINT]; append to a new"
                            + " history table, or drop the old one with a DuckDB client while the"
                            + " program is stopped",
                    e.getMessage());
        }
    }

    @Test
    void appendingWithoutAHistoryFileSaysHowToConfigureOne() {
        try (SqlContext sql = SqlContext.create(ssc)) {
            IllegalStateException e =
                    assertThrows(
                            IllegalStateException.class,
                            () -> counts(sql, "#a", 1).appendToHistory("tags", Time.ms(10_000)));
            assertEquals(
                    "history table 'tags' needs a history file: create the SqlContext with"
                            + " SqlContext.builder(ssc).history(Path.of(\"ember.duckdb\"))",
                    e.getMessage());
        }
    }

    @Test
    void aColumnNamedWindowEndIsRefused() {
        try (SqlContext sql =
                SqlContext.builder(ssc).history(dir.resolve("ember.duckdb")).build()) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    sql.toDF(List.of(1), "Window_End")
                                            .appendToHistory("t", Time.ms(10_000)));
            assertEquals(
                    "history table 't' cannot take a column named 'Window_End': every history"
                            + " table starts with its own window_end column; rename the column",
                    e.getMessage());
        }
    }

    @Test
    void aRetentionWithoutAHistoryFileIsRefused() {
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                SqlContext.builder(ssc)
                                        .historyRetention(Durations.minutes(5))
                                        .build());
        assertEquals(
                "historyRetention(5m) needs a history file: also call"
                        + " history(Path.of(\"ember.duckdb\"))",
                e.getMessage());
    }
}
