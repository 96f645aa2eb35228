package dev.ember.test;

import static dev.ember.test.Unordered.byKey;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ember.streaming.CheckpointException;
import dev.ember.streaming.DStream;
import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.StreamingContextState;
import dev.ember.streaming.Time;
import dev.ember.streaming.Tuple2;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code textFileStream} and {@code fileStream} through the local runner, driven batch by batch:
 * which files each batch holds, and exactly-once running totals across a snapshot, a crash after
 * further batches, and a restore into a rebuilt program.
 */
class FileStreamTest {
    @TempDir Path root;
    private Path in;
    private Path staging;
    private final List<StreamingTestDriver> drivers = new ArrayList<>();

    @BeforeEach
    void directories() throws IOException {
        in = Files.createDirectory(root.resolve("in"));
        staging = Files.createDirectory(root.resolve("staging"));
    }

    @AfterEach
    void closeDrivers() {
        drivers.forEach(StreamingTestDriver::close);
    }

    private StreamingTestDriver driver(StreamingContext ssc) {
        StreamingTestDriver driver = StreamingTestDriver.create(ssc);
        drivers.add(driver);
        return driver;
    }

    private static StreamingContext context() {
        return new StreamingContext("local[2]", "FileStreamTest", Durations.seconds(1));
    }

    /** Writes {@code content} beside the directory, then renames it in. */
    private void moveIn(String name, String content) throws IOException {
        Path staged = Files.writeString(staging.resolve(name), content, UTF_8);
        Files.move(staged, in.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static DStream<Tuple2<String, Long>> wordCounts(DStream<String> lines) {
        return lines.flatMap(line -> Arrays.asList(line.split(" ")).iterator()).countByValue();
    }

    /**
     * A graceful stop on the system clock finishes the batches already cut and then cuts nothing
     * more from the stopped source, instead of failing on it.
     */
    @Test
    void stopsGracefullyOnTheSystemClock() throws Exception {
        StreamingContext ssc =
                new StreamingContext("local[2]", "FileStreamTest", Durations.milliseconds(100));
        java.util.concurrent.BlockingQueue<String> seen =
                new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.CountDownLatch firstBatch = new java.util.concurrent.CountDownLatch(1);
        ssc.textFileStream(in.toString())
                .foreachRDD(
                        batch -> {
                            seen.addAll(batch.collect());
                            firstBatch.countDown();
                        });
        ssc.start();
        try {
            // A file moved in before the first cut would count as present at the start.
            assertTrue(firstBatch.await(30, java.util.concurrent.TimeUnit.SECONDS));
            moveIn("a.txt", "one\ntwo\n");
            assertEquals("one", seen.poll(30, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals("two", seen.poll(30, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            ssc.stop(true, true);
        }
        ssc.awaitTermination();
        assertEquals(StreamingContextState.STOPPED, ssc.getState());
    }

    @Test
    void countsTheWordsOfTheFilesMovedInBeforeEachBatch() throws IOException {
        assumeTrue(
                System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"),
                "atomic moves are recognised on Linux only; elsewhere files wait 2 s");
        StreamingContext ssc = context();
        StreamingTestDriver driver = driver(ssc);
        TestOutput<Tuple2<String, Long>> counts =
                driver.collect("counts", wordCounts(ssc.textFileStream(in.toString())));
        driver.start();
        moveIn("1.txt", "to be or\nnot to be\n");
        driver.advanceBatches(2);
        moveIn("2.txt", "to see\n");
        moveIn("3.txt", "or not to see\n");
        driver.advanceBatches(1);

        assertEquals(
                List.of(
                        Tuple2.of("be", 2L),
                        Tuple2.of("not", 1L),
                        Tuple2.of("or", 1L),
                        Tuple2.of("to", 2L)),
                byKey(counts.batch(1_000)));
        assertEquals(List.of(), counts.batch(2_000));
        assertEquals(
                List.of(
                        Tuple2.of("not", 1L),
                        Tuple2.of("or", 1L),
                        Tuple2.of("see", 2L),
                        Tuple2.of("to", 2L)),
                byKey(counts.batch(3_000)));
    }

    @Test
    void takesAFileWrittenInPlaceOnceItHasBeenUnchangedForTheStableTime() throws IOException {
        StreamingContext ssc = context();
        StreamingTestDriver driver = driver(ssc);
        TestOutput<String> lines = driver.collect("lines", ssc.textFileStream(in.toString()));
        driver.start();
        try (OutputStream out = Files.newOutputStream(in.resolve("log.txt"))) {
            out.write("one\n".getBytes(UTF_8));
            out.flush();
            driver.advanceBatches(1);
            out.write("two\n".getBytes(UTF_8));
        }
        driver.advanceBatches(3);
        // Seen as it is now at 2000 ms; unchanged for the default 2 s at 4000 ms.
        assertEquals(
                List.of(List.of(), List.of(), List.of(), List.of("one", "two")), lines.batchList());
    }

    @Test
    void fileStreamTakesTheFilesPresentAtStartThatItsFilterAccepts() throws IOException {
        Files.writeString(in.resolve("a.log"), "present\n");
        Files.writeString(in.resolve("b.tmp"), "left out\n");
        StreamingContext ssc = context();
        ssc.conf().fileStableTime(Durations.milliseconds(0));
        StreamingTestDriver driver = driver(ssc);
        TestOutput<String> lines =
                driver.collect(
                        "lines",
                        ssc.fileStream(
                                in.toString(),
                                path -> path.getFileName().toString().endsWith(".log"),
                                false));
        driver.start();
        driver.advanceBatches(1);
        Files.writeString(in.resolve("c.log"), "later\n");
        driver.advanceBatches(1);
        assertEquals(List.of(List.of("present"), List.of("later")), lines.batchList());
    }

    @Test
    void readsAFileLargerThanTheBatchBudgetOverSeveralBatches() throws IOException {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            content.append(String.format("%07d\n", i));
        }
        StreamingContext ssc = context();
        ssc.conf().fileStableTime(Durations.milliseconds(0)).fileMaxBytesPerBatch(4096);
        StreamingTestDriver driver = driver(ssc);
        TestOutput<Long> counts =
                driver.collect("counts", ssc.textFileStream(in.toString()).count());
        driver.start();
        Files.writeString(in.resolve("big.txt"), content);
        driver.advanceBatches(4);
        // 8000 bytes: parts of 3072 bytes (4096 less 1 KiB for the part), 384 lines of 8 bytes.
        assertEquals(
                List.of(List.of(384L), List.of(384L), List.of(232L), List.of(0L)),
                counts.batchList());
    }

    @Test
    void skipsBadLinesAndGoesOn() throws IOException {
        StreamingContext ssc = context();
        ssc.conf().fileStableTime(Durations.milliseconds(0));
        StreamingTestDriver driver = driver(ssc);
        TestOutput<String> lines = driver.collect("lines", ssc.textFileStream(in.toString()));
        driver.start();
        try (OutputStream out = Files.newOutputStream(in.resolve("bad.txt"))) {
            out.write("good\n".getBytes(UTF_8));
            out.write(new byte[] {(byte) 0xC3, '(', '\n'});
            out.write("y".repeat((1 << 20) + 1).getBytes(UTF_8));
            out.write("\nalso good\n".getBytes(UTF_8));
        }
        driver.advanceBatches(1);
        Files.writeString(in.resolve("next.txt"), "next\n");
        driver.advanceBatches(1);
        assertEquals(List.of(List.of("good", "also good"), List.of("next")), lines.batchList());
        assertEquals(StreamingContextState.ACTIVE, ssc.getState());
    }

    /** The running totals of the words of every file so far, one line per word. */
    private static TestOutput<String> runningTotals(StreamingTestDriver driver, Path directory) {
        DStream<String> totals =
                driver.context()
                        .textFileStream(directory.toString())
                        .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
                        .mapToPair(word -> Tuple2.of(word, 1))
                        .updateStateByKey(
                                (List<Integer> ones, Optional<Integer> total) ->
                                        Optional.of(total.orElse(0) + ones.size()))
                        .map(t -> t._1() + "=" + t._2());
        return driver.collect("totals", totals);
    }

    private static StreamingContext checkpointed(Path checkpoint) {
        StreamingContext ssc = context();
        ssc.checkpoint(checkpoint.toString());
        ssc.conf().fileStableTime(Durations.milliseconds(0));
        return ssc;
    }

    /** The files of batch {@code b}: none in every third batch, else one or two. */
    private static Map<String, String> filesOf(int b) {
        Map<String, String> files = new TreeMap<>();
        if (b % 3 != 0) {
            files.put(b + "-a.txt", "w" + b % 4 + " w" + b % 5 + "\nw" + b % 2);
        }
        if (b % 2 == 0) {
            files.put(b + "-b.txt", "w" + b % 3 + " w1\n");
        }
        return files;
    }

    private static void write(Path directory, int b) throws IOException {
        for (Map.Entry<String, String> f : filesOf(b).entrySet()) {
            Files.writeString(directory.resolve(f.getKey()), f.getValue());
        }
    }

    private static SortedMap<Time, List<String>> sorted(TestOutput<String> out, long after) {
        SortedMap<Time, List<String>> batches = new TreeMap<>();
        out.batches()
                .forEach(
                        (time, batch) -> {
                            if (time.milliseconds() > after) {
                                batches.put(time, Unordered.sorted(batch));
                            }
                        });
        return batches;
    }

    @ParameterizedTest(name = "snapshot after batch {0}, crash after batch {1}")
    @CsvSource({"1, 1", "1, 2", "2, 7", "3, 3", "3, 5", "4, 4", "5, 9", "6, 8", "9, 9"})
    void keepsRunningTotalsExactlyOnceAcrossARestoreAfterACrash(int snapshotAfter, int crashAfter)
            throws IOException {
        int batches = 10;
        Path calm = Files.createDirectory(root.resolve("calm"));
        SortedMap<Time, List<String>> expected;
        StreamingTestDriver uninterrupted = driver(checkpointed(root.resolve("calm-checkpoint")));
        TestOutput<String> expectedTotals = runningTotals(uninterrupted, calm);
        uninterrupted.start();
        for (int b = 1; b <= batches; b++) {
            write(calm, b);
            uninterrupted.advanceBatches(1);
        }
        expected = sorted(expectedTotals, snapshotAfter * 1000L);
        uninterrupted.close();

        Path checkpoint = root.resolve("checkpoint");
        StreamingTestDriver first = driver(checkpointed(checkpoint));
        runningTotals(first, in);
        first.start();
        StateSnapshot snapshot = null;
        for (int b = 1; b <= crashAfter; b++) {
            write(in, b);
            first.advanceBatches(1);
            if (b == snapshotAfter) {
                snapshot = first.snapshot();
            }
        }
        first.close(); // the crash: batches after the snapshot are lost, their files are taken

        StreamingTestDriver second =
                StreamingTestDriver.restore(checkpointed(checkpoint), snapshot);
        drivers.add(second);
        TestOutput<String> totals = runningTotals(second, in);
        second.start();
        second.advanceBatches(crashAfter - snapshotAfter);
        for (int b = crashAfter + 1; b <= batches; b++) {
            write(in, b);
            second.advanceBatches(1);
        }
        assertEquals(expected, sorted(totals, snapshotAfter * 1000L));
    }

    @Test
    void refusesToRestoreAFileStreamWithoutACheckpointDirectory() throws IOException {
        StreamingContext ssc = context();
        ssc.conf().fileStableTime(Durations.milliseconds(0));
        StreamingTestDriver first = driver(ssc);
        first.collect("lines", ssc.textFileStream(in.toString()));
        first.start();
        Files.writeString(in.resolve("a.txt"), "a\n");
        first.advanceBatches(1);
        StateSnapshot snapshot = first.snapshot();
        first.close();

        StreamingContext rebuilt = context();
        StreamingTestDriver second = StreamingTestDriver.restore(rebuilt, snapshot);
        drivers.add(second);
        second.collect("lines", rebuilt.textFileStream(in.toString()));
        CheckpointException e = assertThrows(CheckpointException.class, second::start);
        assertTrue(e.getMessage().contains("textFileStream[" + in + "]"), e.getMessage());
        assertTrue(e.getMessage().contains("ssc.checkpoint(directory)"), e.getMessage());
    }
}
