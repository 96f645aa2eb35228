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
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile read-only queries of a dashboard's SQL console, in a JVM with a 256 MiB heap (the
 * {@code small-heap} Failsafe execution): each is refused or stopped within its time limit plus one
 * second, a normal query right after it succeeds, and nothing on disk changes. Each test prints
 * what it measured (time to refuse or stop, the process's peak resident memory).
 */
class ReadOnlyHostileQueriesSmallHeapIT {
    private static final long GRACE_MILLIS = 1_000;

    @TempDir Path dir;

    private final StreamingContext ssc =
            new StreamingContext("local[2]", "HostileQueries", Durations.seconds(1));
    private SqlContext sql;
    private Map<String, String> before;

    @BeforeEach
    void open() throws IOException {
        assertTrue(
                Runtime.getRuntime().maxMemory() <= 300L << 20,
                "this test must run with -Xmx256m, got a heap of "
                        + (Runtime.getRuntime().maxMemory() >> 20)
                        + " MiB");
        Path file = dir.resolve("ember.duckdb");
        try (SqlContext first = SqlContext.builder(ssc).history(file).build()) {
            first.toDF(List.of(Tuple2.of("hello", 2)), "word", "total")
                    .appendToHistory("words", Time.ms(1_000));
        }
        before = snapshot(dir);
        sql = SqlContext.builder(ssc).history(file).memoryLimit(64L << 20).build();
        sql.toDF(List.of(Tuple2.of("hello", 2), Tuple2.of("world", 1)), "word", "total")
                .createOrReplaceTempView("words");
    }

    @AfterEach
    void close() throws IOException {
        sql.close();
        assertEquals(before, snapshot(dir), "files under " + dir + " changed");
        assertFalse(Files.exists(Path.of(".tmp")), "the database spilled to ./.tmp");
    }

    @Test
    void theIssuesHostileQueriesAreRefusedAtOnce() {
        ReadOnlySql readOnly = sql.readOnly();
        Map<String, String> refusals = new TreeMap<>();
        refusals.put("SELECT repeat('x', 1000000) FROM range(10000)", "the function repeat");
        refusals.put("SELECT repeat('x', 2000000000)", "the function repeat");
        refusals.put("SELECT * FROM checkpoint('history')", "the table function checkpoint");
        refusals.put(
                "SELECT * FROM force_checkpoint('history')", "the table function force_checkpoint");
        refusals.put("SELECT * FROM duckdb_settings()", "the table function duckdb_settings");
        refusals.put("SELECT * FROM duckdb_databases()", "the table function duckdb_databases");
        refusals.put("SELECT current_setting('memory_limit')", "the function current_setting");
        refusals.put("SELECT * FROM duckdb_extensions()", "the table function duckdb_extensions");
        refusals.put("SELECT * FROM duckdb_secrets()", "the table function duckdb_secrets");
        refusals.put(
                "SELECT * FROM pragma_database_list()", "the table function pragma_database_list");
        refusals.put(
                "SELECT * FROM which_secret('s3://b/k', 's3')", "the table function which_secret");
        refusals.put("SELECT * FROM duckdb_memory()", "the table function duckdb_memory");
        refusals.put("SELECT lpad('x', 2000000000, 'y')", "the function lpad");
        refusals.put("SELECT replace(word, 'l', word) FROM words", "the function replace");
        refusals.put("SELECT version()", "the function version");
        refusals.put("SELECT getvariable('x')", "the function getvariable");
        refusals.put("SELECT nextval('s')", "the function nextval");
        refusals.put("SELECT pg_get_viewdef('words')", "the function pg_get_viewdef");
        refusals.put("SELECT sleep_ms(100000)", "the function sleep_ms");
        refusals.put(
                "SELECT system.main.abs(1)", "the function abs named with a catalog or schema");
        refusals.put("SHOW DATABASES", "SHOW databases");
        for (Map.Entry<String, String> r : refusals.entrySet()) {
            long millis =
                    expectFailure(
                            readOnly, r.getKey(), SqlException.Reason.NOT_ALLOWED, GRACE_MILLIS);
            SqlException e = assertThrows(SqlException.class, () -> readOnly.sql(r.getKey()));
            assertTrue(
                    e.getMessage().contains("was refused because it uses " + r.getValue() + ","),
                    e.getMessage());
            System.out.println("refused in " + millis + " ms: " + r.getKey());
        }
    }

    @Test
    void catalogViewsAndNamesOutsideTheContextAreRefused() {
        ReadOnlySql readOnly = sql.readOnly();
        for (String query :
                List.of(
                        "SELECT * FROM duckdb_settings",
                        "SELECT * FROM duckdb_databases",
                        "SELECT * FROM pg_settings",
                        "SELECT * FROM information_schema.tables",
                        "SELECT * FROM ember_internal.words",
                        "SUMMARIZE duckdb_databases",
                        "DESCRIBE duckdb_settings",
                        "SELECT * FROM (WITH duckdb_databases AS (SELECT 1) SELECT * FROM"
                                + " duckdb_databases), duckdb_databases",
                        "WITH a AS (SELECT * FROM duckdb_settings), duckdb_settings AS (SELECT 1)"
                                + " SELECT * FROM a")) {
            long millis =
                    expectFailure(readOnly, query, SqlException.Reason.UNKNOWN_VIEW, GRACE_MILLIS);
            System.out.println("refused in " + millis + " ms: " + query);
        }
        assertEquals(
                List.of(1),
                readOnly.sql(
                                "WITH duckdb_settings AS (SELECT 1 AS x) SELECT x FROM duckdb_settings")
                        .as(Integer.class));
    }

    @Test
    void aLongQueryStopsAtItsTimeout() {
        ReadOnlySql readOnly = sql.readOnly(Durations.seconds(1), 100);
        long millis =
                expectFailure(
                        readOnly,
                        "SELECT count(*) FROM range(1000000000000) WHERE range % 7 = 3",
                        SqlException.Reason.TIMEOUT,
                        1_000 + GRACE_MILLIS);
        System.out.println("timeout of 1000 ms stopped the query after " + millis + " ms");
    }

    @Test
    void aQueryThatNeedsMoreThanTheMemoryLimitStopsAtTheLimit() {
        ReadOnlySql readOnly = sql.readOnly();
        for (String query :
                List.of(
                        "SELECT count(DISTINCT md5(range::VARCHAR)) FROM range(100000000)",
                        "SELECT length(string_agg(md5(range::VARCHAR), ',')) FROM range(100000000)",
                        "SELECT len(list(range)) FROM range(1000000000)")) {
            long millis =
                    expectFailure(
                            readOnly,
                            query,
                            SqlException.Reason.MEMORY_LIMIT,
                            10_000 + GRACE_MILLIS);
            System.out.println(
                    "memory limit of 64 MiB stopped the query after "
                            + millis
                            + " ms (peak RSS "
                            + peakRssMiB()
                            + " MiB): "
                            + query);
        }
    }

    @Test
    void aResultFarLargerThanTheHeapIsCutInTheDatabase() {
        ReadOnlySql readOnly =
                sql.readOnly(ReadOnlyLimits.DEFAULT.withMaxRows(100_000_000).withMaxBytes(1 << 20));
        String query =
                "SELECT md5(range::VARCHAR) || md5((range + 1)::VARCHAR) AS text FROM"
                        + " range(100000000)";
        long start = System.nanoTime();
        DataFrame frame = readOnly.sql(query);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(frame.isTruncated());
        // Each row counts 64 bytes of text and 16 of overhead: 13,107 rows fit 1 MiB.
        assertEquals(13_107, frame.count());
        assertTrue(millis < 10_000 + GRACE_MILLIS, millis + " ms");
        assertEquals(List.of(42), readOnly.sql("SELECT 42").as(Integer.class));
        System.out.println(
                "a 6.4 GB result was cut at 1 MiB ("
                        + frame.count()
                        + " rows) in "
                        + millis
                        + " ms, peak RSS "
                        + peakRssMiB()
                        + " MiB");
    }

    @Test
    void aSingleValueLargerThanTheByteLimitNeverReachesTheHeap() {
        ReadOnlySql readOnly = sql.readOnly();
        // 24 doublings of a 1-byte string: one value of 16 MiB, over the byte limit of 16 MiB
        // once its overhead counts, and well within the database's memory limit of 64 MiB.
        long start = System.nanoTime();
        DataFrame frame = readOnly.sql(doublings(24));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(frame.isTruncated());
        assertEquals(0, frame.count());
        assertEquals(List.of("s"), frame.columns());
        assertTrue(millis < 10_000 + GRACE_MILLIS, millis + " ms");
        assertEquals(List.of(42), readOnly.sql("SELECT 42").as(Integer.class));
        System.out.println(
                "a 16 MiB value was kept out of the heap in "
                        + millis
                        + " ms, peak RSS "
                        + peakRssMiB()
                        + " MiB");

        // 28 doublings: 256 MiB, as large as the heap, and more than the database may hold.
        millis =
                expectFailure(
                        readOnly,
                        doublings(28),
                        SqlException.Reason.MEMORY_LIMIT,
                        10_000 + GRACE_MILLIS);
        System.out.println(
                "a 256 MiB value was stopped by the memory limit in "
                        + millis
                        + " ms, peak RSS "
                        + peakRssMiB()
                        + " MiB");
    }

    /** A query whose one value is {@code 'x'} doubled {@code n} times. */
    private static String doublings(int n) {
        StringBuilder query = new StringBuilder("SELECT 'x' AS s");
        for (int i = 0; i < n; i++) {
            query.insert(0, "SELECT s || s AS s FROM (").append(')');
        }
        return query.toString();
    }

    /**
     * Runs {@code query}, expects it to fail with {@code reason} within {@code limitMillis}, then
     * checks that a normal query runs; returns how long the failure took.
     */
    private static long expectFailure(
            ReadOnlySql readOnly, String query, SqlException.Reason reason, long limitMillis) {
        long start = System.nanoTime();
        SqlException e = assertThrows(SqlException.class, () -> readOnly.sql(query), query);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(millis <= limitMillis, query + " took " + millis + " ms");
        assertEquals(List.of(3L), readOnly.sql("SELECT sum(total) FROM words").as(Long.class));
        return millis;
    }

    /** The process's peak resident memory, from /proc; -1 where there is none. */
    static long peakRssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Every file under {@code root}: its size, modification time and content hash. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.toList()) {
                if (Files.isRegularFile(p)) {
                    byte[] bytes = Files.readAllBytes(p);
                    files.put(
                            root.relativize(p).toString(),
                            bytes.length
                                    + " "
                                    + Files.getLastModifiedTime(p).toMillis()
                                    + " "
                                    + HexFormat.of().formatHex(sha256(bytes)));
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
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
