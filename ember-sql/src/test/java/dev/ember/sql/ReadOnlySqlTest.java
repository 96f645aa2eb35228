package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Time;
import dev.ember.streaming.Tuple2;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read-only mode, for queries typed by someone outside the program: only one SELECT-like statement
 * runs, the database itself cannot touch files, extensions or settings, and nothing on disk changes
 * whatever is tried.
 */
class ReadOnlySqlTest {
    private static final String ALLOWED =
            ": read-only mode runs a single SELECT, WITH, VALUES, FROM, EXPLAIN, DESCRIBE, SHOW or"
                    + " SUMMARIZE statement, which cannot change data, files or settings; run"
                    + " anything else from the program itself";

    static final String USES =
            ", which read-only mode does not allow: it allows only the functions, table functions"
                    + " and views that cannot reveal settings or files, write, or make a result far"
                    + " larger than the query (see docs/sql.md); run anything else from the program"
                    + " itself";

    @TempDir Path dir;

    private final StreamingContext ssc =
            new StreamingContext("local[2]", "ReadOnlySqlTest", Durations.seconds(1));
    private SqlContext sql;
    private ReadOnlySql readOnly;

    @BeforeEach
    void open() {
        sql = SqlContext.builder(ssc).history(dir.resolve("ember.duckdb")).build();
        sql.toDF(List.of(Tuple2.of("hello", 2), Tuple2.of("world", 1)), "word", "total")
                .createOrReplaceTempView("words");
        sql.toDF(List.of(Tuple2.of("hello", 2)), "word", "total")
                .appendToHistory("words", Time.ms(1_000));
        readOnly = sql.readOnly();
    }

    @AfterEach
    void close() {
        sql.close();
    }

    private SqlException refused(String query) {
        return assertThrows(SqlException.class, () -> readOnly.sql(query), query);
    }

    @Test
    void statementsOtherThanQueriesAreRefusedBeforeTheyReachTheDatabase() {
        Map<String, String> statements = new TreeMap<>();
        statements.put("COPY (SELECT * FROM words) TO '" + dir.resolve("leak.csv") + "'", "COPY");
        statements.put("ATTACH '" + dir.resolve("other.duckdb") + "' AS other", "ATTACH");
        statements.put("INSTALL httpfs", "INSTALL");
        statements.put("LOAD httpfs", "LOAD");
        statements.put("CREATE TABLE t AS SELECT 1 AS x", "CREATE");
        statements.put("DROP VIEW words", "DROP");
        statements.put("SET threads = 1", "SET");
        statements.put("PRAGMA disable_checkpoint_on_shutdown", "PRAGMA");
        statements.put("INSERT INTO history.words VALUES (now(), 'x', 1)", "INSERT");
        statements.put("DELETE FROM history.words", "DELETE");
        statements.put("CHECKPOINT history", "CHECKPOINT");
        statements.put("DETACH history", "DETACH");
        statements.put("EXPORT DATABASE '" + dir.resolve("export") + "'", "EXPORT");
        statements.put("CALL pragma_version()", "CALL");
        statements.put("-- a comment first\nCOPY words TO '" + dir.resolve("c.csv") + "'", "COPY");
        statements.put("EXPLAIN COPY words TO '" + dir.resolve("e.csv") + "'", "COPY");

        for (Map.Entry<String, String> s : statements.entrySet()) {
            SqlException e = refused(s.getKey());
            assertEquals(SqlException.Reason.NOT_ALLOWED, e.reason(), s.getKey());
            assertEquals(
                    "read-only query \""
                            + s.getKey().strip()
                            + "\" was refused because it is a "
                            + s.getValue()
                            + " statement"
                            + ALLOWED,
                    e.getMessage());
        }
    }

    @Test
    void aQueryWhoseSyntaxTheGuardCannotReadIsRefused() {
        String query = "SELECT * FROM (PIVOT words ON word USING sum(total))";
        SqlException e = refused(query);
        assertEquals(SqlException.Reason.NOT_ALLOWED, e.reason());
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "read-only query \""
                                        + query
                                        + "\" was refused because it uses syntax that read-only"
                                        + " mode cannot check ("),
                e.getMessage());
    }

    @Test
    void severalStatementsAreRefusedWhateverTheyAre() {
        for (String query :
                List.of(
                        "SELECT 1; SELECT 2",
                        "SELECT * FROM words; DROP VIEW words",
                        "SELECT ';'; COPY words TO 'x.csv'",
                        "EXPLAIN SELECT 1; SELECT 2")) {
            SqlException e = refused(query);
            assertEquals(SqlException.Reason.NOT_ALLOWED, e.reason(), query);
            assertEquals(
                    "read-only query \""
                            + query
                            + "\" was refused because it holds more than one statement"
                            + ALLOWED,
                    e.getMessage());
        }
    }

    @Test
    void anEmptyQueryIsRefusedAndATrailingSemicolonIsNotASecondStatement() {
        SqlException empty = refused("  -- nothing but a comment\n");
        assertEquals(SqlException.Reason.NOT_ALLOWED, empty.reason());
        assertEquals(
                "read-only query \"-- nothing but a comment\" was refused because it is empty"
                        + ALLOWED,
                empty.getMessage());

        assertEquals(List.of(1), readOnly.sql("SELECT 1;  ").as(Integer.class));
    }

    @Test
    void queriesThatWouldReadFilesAreRefusedBeforeTheyReachTheDatabase() {
        for (String function : List.of("read_csv", "read_text", "glob", "query")) {
            String query = "SELECT * FROM " + function + "('/etc/passwd')";
            SqlException e = refused(query);
            assertEquals(SqlException.Reason.NOT_ALLOWED, e.reason(), query);
            assertEquals(
                    "read-only query \""
                            + query
                            + "\" was refused because it uses the table function "
                            + function
                            + USES,
                    e.getMessage());
        }
        String file = "SELECT * FROM '" + dir.resolve("other.duckdb") + "'";
        SqlException e = refused(file);
        assertEquals(SqlException.Reason.UNKNOWN_VIEW, e.reason());
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "read-only query \""
                                        + file
                                        + "\" reads '"
                                        + dir.resolve("other.duckdb")
                                        + "', which is not a view or table of this SQL context"),
                e.getMessage());
    }

    @Test
    void theDatabaseItselfRefusesFilesToTheProgramsOwnQueriesToo() {
        for (String query :
                List.of(
                        "SELECT * FROM read_csv('/etc/passwd')",
                        "SELECT * FROM read_text('/etc/passwd')",
                        "SELECT * FROM glob('/etc/*')",
                        "SELECT * FROM '" + dir.resolve("other.duckdb") + "'")) {
            SqlException e = assertThrows(SqlException.class, () -> sql.sql(query), query);
            assertEquals(SqlException.Reason.NOT_ALLOWED, e.reason(), query);
            assertTrue(
                    e.getMessage()
                            .startsWith("query \"" + query + "\" was refused by the database"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("Permission Error"), e.getMessage());
        }
    }

    @Test
    void nothingOnDiskChangesWhateverIsTried() throws Exception {
        sql.close();
        Map<String, String> before = snapshot(dir);
        sql = SqlContext.builder(ssc).history(dir.resolve("ember.duckdb")).build();
        readOnly = sql.readOnly();
        String[] attempts = {
            "COPY (SELECT 1) TO '" + dir.resolve("leak.csv") + "'",
            "ATTACH '" + dir.resolve("other.duckdb") + "' AS other",
            "INSTALL httpfs",
            "LOAD httpfs",
            "SELECT * FROM read_csv('/etc/passwd')",
            "CREATE TABLE history.stolen AS SELECT 1 AS x",
            "DROP TABLE history.words",
            "SET enable_external_access = true",
            "SELECT 1; DELETE FROM history.words",
            "EXPORT DATABASE '" + dir.resolve("export") + "'",
            "SELECT * FROM query('COPY words TO ''" + dir.resolve("q.csv") + "''')",
            "SELECT * FROM '" + dir.resolve("ember.duckdb") + "'",
        };
        for (String query : attempts) {
            refused(query);
        }
        sql.close();

        assertEquals(before, snapshot(dir));
        sql = SqlContext.builder(ssc).history(dir.resolve("ember.duckdb")).build();
        assertEquals(List.of("hello"), sql.sql("SELECT word FROM history.words").as(String.class));
    }

    @Test
    void queriesOfEveryAllowedFormRun() {
        assertEquals(List.of(3L), readOnly.sql("SELECT sum(total) FROM words").as(Long.class));
        assertEquals(
                List.of("hello"),
                readOnly.sql(
                                "WITH top AS (SELECT * FROM words WHERE total > 1) SELECT word FROM top")
                        .as(String.class));
        assertEquals(List.of(2L), readOnly.sql("FROM words SELECT count(*)").as(Long.class));
        assertEquals(List.of(7), readOnly.sql("VALUES (7)").as(Integer.class));
        assertEquals(
                List.of("word", "total"),
                readOnly.sql("DESCRIBE words").rows().stream().map(r -> r.getString(0)).toList());
        assertEquals(List.of("words"), readOnly.sql("SHOW TABLES").as(String.class));
        assertEquals(2, readOnly.sql("SUMMARIZE words").count());
        assertFalse(readOnly.sql("EXPLAIN SELECT * FROM words").isEmpty());
        assertFalse(
                readOnly.sql("/* plan */ explain -- with timings\n analyze SELECT * FROM words")
                        .isEmpty());
        assertEquals(
                List.of("hello"), readOnly.sql("SELECT word FROM history.words").as(String.class));
        assertEquals(List.of("words", "history.words"), readOnly.tableNames());
    }

    @Test
    void aResultLongerThanTheRowLimitIsCutAndSaysSo() {
        ReadOnlySql three = sql.readOnly(Durations.seconds(10), 3);

        DataFrame cut = three.sql("SELECT range AS n FROM range(1000000000000)");
        DataFrame whole = three.sql("SELECT range AS n FROM range(3)");

        assertEquals(List.of(0L, 1L, 2L), cut.as(Long.class));
        assertTrue(cut.isTruncated());
        assertEquals(List.of(0L, 1L, 2L), whole.as(Long.class));
        assertFalse(whole.isTruncated());
    }

    @Test
    void aResultLargerThanTheByteLimitIsCutInOrderAndSaysSo() {
        ReadOnlySql small = sql.readOnly(ReadOnlyLimits.DEFAULT.withMaxBytes(1024));

        // A BIGINT counts 8 bytes and 16 of overhead: 42 rows fit 1,024 bytes.
        DataFrame numbers = small.sql("SELECT range AS n FROM range(100) ORDER BY n DESC");
        // 32 characters of md5 and 16 of overhead: 21 rows.
        DataFrame hashes = small.sql("SELECT md5(range::VARCHAR) AS h FROM range(100)");
        DataFrame fits = small.sql("SELECT range AS n FROM range(42)");

        assertTrue(numbers.isTruncated());
        assertEquals(42, numbers.count());
        assertEquals(99L, numbers.first().getLong(0));
        assertEquals(58L, numbers.rows().get(41).getLong(0));
        assertTrue(hashes.isTruncated());
        assertEquals(21, hashes.count());
        assertFalse(fits.isTruncated());
        assertEquals(42, fits.count());
        assertEquals(1024, small.maxBytes());
    }

    @Test
    void everydayQueriesPassTheGuard() {
        sql.toDF(
                        List.of(Tuple2.of("#a", 3L), Tuple2.of("#b", 2L), Tuple2.of("#c", 1L)),
                        "tag",
                        "count")
                .createOrReplaceTempView("tags");
        Map<String, Object> expected = new TreeMap<>();
        expected.put("SELECT tag, count FROM tags ORDER BY count DESC LIMIT 2", 2L);
        expected.put("SELECT upper(tag) AS t, count * 2 AS c FROM tags WHERE tag LIKE '#%'", 3L);
        expected.put(
                "SELECT tag FROM tags WHERE count BETWEEN 2 AND 3 AND tag IN ('#a', '#b')", 2L);
        expected.put("SELECT CASE WHEN count > 1 THEN 'many' ELSE 'one' END FROM tags", 3L);
        expected.put("SELECT coalesce(NULL, tag), CAST(count AS VARCHAR) FROM tags", 3L);
        expected.put("SELECT count::DOUBLE / sum(count) OVER () AS share FROM tags", 3L);
        expected.put(
                "SELECT tag, rank() OVER (ORDER BY count DESC) AS r FROM tags QUALIFY r <= 2", 2L);
        expected.put("SELECT count(*), sum(count), avg(count), max(tag) FROM tags", 1L);
        expected.put("SELECT count % 2 AS odd, count(*) FROM tags GROUP BY ALL", 2L);
        expected.put(
                "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5)"
                        + " SELECT n FROM t",
                5L);
        expected.put("SELECT tag FROM tags UNION SELECT word FROM words", 5L);
        expected.put("SELECT * FROM tags WHERE count = (SELECT max(count) FROM tags)", 1L);
        expected.put("SELECT list_transform([1, 2, 3], lambda x: x * 2) AS l", 1L);
        expected.put("SELECT unnest(['a', 'b']) AS u", 2L);
        expected.put("SELECT * FROM unnest([1, 2, 3])", 3L);
        expected.put("SELECT {'a': 1}.a, [1, 2][1], '{\"k\": 1}'::JSON->>'$.k'", 1L);
        expected.put("SELECT date_trunc('hour', TIMESTAMP '2026-01-02 03:04:05')", 1L);
        expected.put("SELECT strftime(now(), '%Y') IS NOT NULL", 1L);
        expected.put("SELECT COLUMNS('^c') FROM tags", 3L);
        expected.put("SELECT * FROM tags t JOIN words w ON t.count = w.total", 2L);
        expected.put("SELECT w.window_end, w.word FROM history.main.words w", 1L);
        expected.put("SELECT * FROM main.tags, memory.main.words", 6L);
        expected.put(
                "SELECT * FROM range(3) r(n) WHERE n IN (SELECT n FROM generate_series(1, 2) g(n))",
                2L);
        expected.put("SHOW ALL TABLES", null);
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            DataFrame frame = readOnly.sql(e.getKey());
            if (e.getValue() != null) {
                assertEquals(e.getValue(), frame.count(), e.getKey());
            }
            assertFalse(frame.isTruncated(), e.getKey());
        }
    }

    @Test
    void aCheckedQueryIsCheckedAgainWhenTheViewsChange() {
        String query = "SELECT * FROM words ORDER BY total";
        assertEquals(List.of("word", "total"), readOnly.sql(query).columns());
        assertEquals(List.of("word", "total"), readOnly.sql(query).columns());

        sql.toDF(List.of(Tuple2.of("x", "y")), "a", "b").createOrReplaceTempView("words");
        assertEquals(List.of("a", "b"), readOnly.sql("SELECT * FROM words ORDER BY a").columns());
        sql.dropTempView("words");
        assertEquals(
                SqlException.Reason.UNKNOWN_VIEW,
                assertThrows(SqlException.class, () -> readOnly.sql(query)).reason());
    }

    @Test
    void limitsOutsideTheirRangeAreRefusedWithTheValue() {
        assertEquals(
                "read-only maxBytes must be at least 1024, got 10; use for example 1048576 for 1"
                        + " MiB",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ReadOnlyLimits.DEFAULT.withMaxBytes(10))
                        .getMessage());
        assertEquals(
                "read-only maxRows must be at least 1, got 0; use for example 1000",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ReadOnlyLimits.DEFAULT.withMaxRows(0))
                        .getMessage());
        assertEquals(
                "memoryLimit must be at least 16 MiB (16777216 bytes), got 1000; use for example"
                        + " 256L << 20 for 256 MiB",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> SqlContext.builder(ssc).memoryLimit(1000))
                        .getMessage());
        assertEquals("10s, 10000 rows, 16777216 bytes", ReadOnlyLimits.DEFAULT.toString());
    }

    @Test
    void syntaxErrorsAndUnknownViewsAreReportedAsInFullMode() {
        SqlException syntax = refused("SELEC 1");
        assertEquals(SqlException.Reason.SYNTAX_ERROR, syntax.reason());
        assertEquals(
                "SQL syntax error in read-only query \"SELEC 1\": syntax error at or near"
                        + " \"SELEC\"; fix the query",
                syntax.getMessage());

        SqlException unknown = refused("SELECT * FROM wrods");
        assertEquals(SqlException.Reason.UNKNOWN_VIEW, unknown.reason());
        assertTrue(
                unknown.getMessage()
                        .contains(
                                "reads 'wrods', which is not a view or table of this SQL context;"
                                        + " the views and tables are [words], the history tables"
                                        + " [history.words]"),
                unknown.getMessage());
    }

    @Test
    void aContextThatAllowsExternalAccessServesNoReadOnlyQueries() {
        try (SqlContext open = SqlContext.builder(ssc).externalAccess(true).build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, open::readOnly);
            assertEquals(
                    "the SQL context of 'ReadOnlySqlTest' allows external access, so queries could"
                            + " read and write files; build it without externalAccess(true) to"
                            + " serve read-only queries",
                    e.getMessage());
        }
    }

    /** Every file under {@code root} with its size and content hash. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.toList()) {
                if (Files.isRegularFile(p)) {
                    byte[] bytes = Files.readAllBytes(p);
                    files.put(
                            root.relativize(p).toString(),
                            bytes.length + " " + HexFormat.of().formatHex(sha256(bytes)));
                } else if (!p.equals(root)) {
                    files.put(root.relativize(p) + "/", "directory");
                }
            }
        }
        return files;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
