package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * One thread replaces a view back to back, 1,200 times, with tables whose rows all share a
 * generation number, while three other threads query it through both query paths. A swap costs the
 * database about 1 to 3 ms on two cores, so the writer replaces the view at least as often as every
 * few milliseconds, and the readers run thousands of queries meanwhile. No query may ever see two
 * generations, a partial table or an error, and each reader must see generations in order (each of
 * its queries starts after the previous one ended, so its snapshot can only move on).
 */
class ViewSwapConcurrencyIT {
    private static final int SWAPS = 1_200;
    private static final int ROWS = 50;
    private static final int READERS = 3;

    public record Generation(long gen, int i, String word) {}

    @Test
    void queriesSeeOneCompleteGenerationWhileTheViewIsReplacedThousandsOfTimes() throws Exception {
        StreamingContext ssc =
                new StreamingContext("local[2]", "ViewSwapConcurrencyIT", Durations.seconds(1));
        try (SqlContext sql = SqlContext.create(ssc)) {
            sql.createDataFrame(rows(0), Generation.class).createOrReplaceTempView("gen_view");
            ReadOnlySql readOnly = sql.readOnly();

            AtomicBoolean writing = new AtomicBoolean(true);
            List<String> problems = Collections.synchronizedList(new ArrayList<>());
            AtomicLong queries = new AtomicLong();
            CountDownLatch readersStarted = new CountDownLatch(READERS);
            List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                boolean viaReadOnly = r == READERS - 1;
                String name = "reader-" + r + (viaReadOnly ? "-read-only" : "");
                Thread t =
                        new Thread(
                                () -> {
                                    readersStarted.countDown();
                                    long last = -1;
                                    while (writing.get()) {
                                        String query =
                                                "SELECT min(gen) AS lo, max(gen) AS hi, count(*) AS n,"
                                                        + " count(DISTINCT i) AS d FROM gen_view";
                                        try {
                                            Row row =
                                                    (viaReadOnly
                                                                    ? readOnly.sql(query)
                                                                    : sql.sql(query))
                                                            .first();
                                            long lo = row.getLong(0);
                                            long hi = row.getLong(1);
                                            if (lo != hi
                                                    || row.getLong(2) != ROWS
                                                    || row.getLong(3) != ROWS) {
                                                problems.add(name + " saw " + row);
                                            }
                                            if (lo < last) {
                                                problems.add(
                                                        name
                                                                + " went back from "
                                                                + last
                                                                + " to "
                                                                + lo);
                                            }
                                            last = lo;
                                            queries.incrementAndGet();
                                        } catch (RuntimeException e) {
                                            problems.add(name + " failed: " + e);
                                        }
                                    }
                                },
                                name);
                readers.add(t);
                t.start();
            }
            assertTrue(readersStarted.await(10, TimeUnit.SECONDS));

            long start = System.nanoTime();
            for (int gen = 1; gen <= SWAPS; gen++) {
                sql.createDataFrame(rows(gen), Generation.class)
                        .createOrReplaceTempView("gen_view");
            }
            long swapMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            writing.set(false);
            for (Thread t : readers) {
                t.join(TimeUnit.SECONDS.toMillis(30));
            }

            assertEquals(List.of(), problems.subList(0, Math.min(10, problems.size())));
            assertTrue(
                    queries.get() >= 100,
                    "only " + queries.get() + " queries ran during " + swapMillis + " ms of swaps");
            assertEquals(
                    List.of((long) SWAPS),
                    sql.sql("SELECT DISTINCT gen FROM gen_view").as(Long.class));
            assertEquals(
                    List.of("gen_view"),
                    sql.sql(
                                    "SELECT table_name FROM duckdb_tables()"
                                            + " WHERE schema_name = 'ember_internal'")
                            .as(String.class),
                    "one table stands behind the view, whatever the number of swaps");
            System.out.printf(
                    "%d swaps in %d ms, %d queries ran meanwhile%n",
                    SWAPS, swapMillis, queries.get());
        }
    }

    private static List<Generation> rows(long gen) {
        List<Generation> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            rows.add(new Generation(gen, i, "word" + i));
        }
        return rows;
    }
}
