package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The read-only timeout keeps working after the JVM ran out of heap: a query whose deadline passes
 * while the heap is full is still cancelled, the timeout thread is still the same live thread
 * afterwards, and later queries still time out. The heap is exhausted in a JVM of its own (256 MiB,
 * started by the test), so that the test runner's threads never meet the error.
 */
class ReadOnlyTimeoutAfterOutOfMemoryIT {
    private static final String SLOW =
            "SELECT count(*) FROM range(1000000000000) WHERE range % 7 = 3";

    @Test
    void timeoutsStillFireAfterTheHeapRanOut() throws IOException, InterruptedException {
        Process child =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx256m",
                                "-cp",
                                System.getProperty("java.class.path"),
                                ReadOnlyTimeoutAfterOutOfMemoryIT.class.getName())
                        .redirectErrorStream(true)
                        .start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                System.out.println("[child] " + line);
            }
        } finally {
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        assertEquals(0, child.exitValue(), String.join("\n", lines));
        assertTrue(
                lines.stream().anyMatch(l -> l.startsWith("with the heap full")), lines.toString());
    }

    /** The scenario, in the child JVM; exits 0 when every check holds. */
    public static void main(String[] args) throws InterruptedException {
        assertTrue(
                Runtime.getRuntime().maxMemory() <= 300L << 20,
                "run with -Xmx256m, got " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
        scenario();
        System.out.flush();
        System.exit(0);
    }

    private static void scenario() throws InterruptedException {
        StreamingContext ssc =
                new StreamingContext("local[2]", "OutOfMemory", Durations.seconds(1));
        try (SqlContext sql = SqlContext.create(ssc)) {
            ReadOnlySql readOnly = sql.readOnly(Durations.seconds(1), 100);
            assertEquals(List.of(1), readOnly.sql("SELECT 1").as(Integer.class));
            Thread watchdog = timeoutThread();

            AtomicReference<Throwable> outcome = new AtomicReference<>();
            Thread query =
                    new Thread(
                            () -> {
                                try {
                                    readOnly.sql(SLOW);
                                } catch (Throwable t) {
                                    outcome.set(t);
                                }
                            },
                            "slow-query");
            long start = System.nanoTime();
            query.start();
            long released = fillTheHeapUntil(start + TimeUnit.MILLISECONDS.toNanos(1_500));
            query.join(10_000);
            long ended = System.nanoTime();
            long fullMillis = TimeUnit.NANOSECONDS.toMillis(released - start);
            long millis = TimeUnit.NANOSECONDS.toMillis(ended - released);

            // The deadline passed while the heap was full; without a cancel then, the query
            // would run for minutes once the heap is freed.
            assertFalse(query.isAlive(), "the query still runs " + millis + " ms after");
            assertTrue(fullMillis >= 1_000, "the heap was full for only " + fullMillis + " ms");
            assertTrue(millis < 1_000, "the query stopped " + millis + " ms after the heap freed");
            Throwable stopped = outcome.get();
            assertTrue(
                    (stopped instanceof SqlException e && e.reason() == SqlException.Reason.TIMEOUT)
                            || stopped instanceof OutOfMemoryError,
                    "the query ended with " + stopped);
            assertTrue(watchdog.isAlive(), watchdog.getName() + " ended");
            assertEquals(watchdog, timeoutThread());

            long again = System.nanoTime();
            SqlException late = assertThrows(SqlException.class, () -> readOnly.sql(SLOW));
            long lateMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - again);
            assertEquals(SqlException.Reason.TIMEOUT, late.reason());
            assertTrue(lateMillis < 2_000, "the later query stopped after " + lateMillis + " ms");
            assertEquals(List.of(42), readOnly.sql("SELECT 42").as(Integer.class));
            System.out.println(
                    "with the heap full for "
                            + fullMillis
                            + " ms, the timeout of 1000 ms had cancelled the query, which ended "
                            + millis
                            + " ms after the heap freed ("
                            + stopped.getClass().getSimpleName()
                            + "); a later one after "
                            + lateMillis
                            + " ms");
        }
    }

    /**
     * Allocates until the heap is exhausted, keeps it full until {@code deadlineNanos}, frees it;
     * returns when it freed it.
     */
    private static long fillTheHeapUntil(long deadlineNanos) throws InterruptedException {
        List<byte[]> hog = new ArrayList<>(1 << 12);
        try {
            for (int size = 16 << 20; size >= 1024; ) {
                try {
                    hog.add(new byte[size]);
                } catch (OutOfMemoryError e) {
                    size /= 2;
                }
            }
            long left = deadlineNanos - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
        } finally {
            hog.clear();
        }
        return System.nanoTime();
    }

    private static Thread timeoutThread() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("ember-sql-timeout-OutOfMemory-")) {
                return t;
            }
        }
        throw new AssertionError("no ember-sql-timeout-OutOfMemory thread is running");
    }
}
