package dev.ember.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.CheckpointException;
import dev.ember.streaming.Durations;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Checkpoint files on disk: what a directory holds, which checkpoint a start resumes from when the
 * newest ones are damaged, the error when none is usable, and a rebuilt program finding its state
 * by name.
 */
class CheckpointFilesTest {
    private final String directory = Fixtures.freshCheckpointDirectory("CheckpointFilesTest");

    private StreamingContext context() {
        StreamingContext ssc =
                new StreamingContext("local[2]", "CheckpointFilesTest", Durations.seconds(1));
        ssc.checkpoint(directory);
        return ssc;
    }

    /** Running totals per word, named so that rebuilt programs find them. */
    private static PairDStream<String, Integer> totals(TestInput<String> words) {
        return words.stream()
                .mapToPair(w -> new Tuple2<>(w, 1))
                .updateStateByKey(
                        (List<Integer> v, Optional<Integer> s) ->
                                Optional.of(s.orElse(0) + v.size()))
                .name("totals");
    }

    private StreamingTestDriver driver;

    /**
     * Starts the program and runs three batches of "a", with checkpoints after batches 1, 2 and 3;
     * the driver stays, to crash and recover.
     */
    private void runAndCheckpointThrice() {
        driver =
                StreamingTestDriver.recoverable(
                        this::context,
                        d -> d.collect("totals", totals(d.newReplayableInput("words"))));
        driver.start();
        for (int b = 0; b < 3; b++) {
            driver.<String>input("words").add("a");
            driver.advanceBatches(1);
            driver.checkpoint();
        }
    }

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    /** Crashes, recovers (into {@code program}) and runs a batch with one "b"; its totals. */
    private List<Tuple2<String, Integer>> totalsAfterRecovery(
            Consumer<StreamingTestDriver> program) {
        driver.crashAndRecover(program);
        driver.<String>input("words").add("b");
        driver.advanceBatches(1);
        List<Tuple2<String, Integer>> last =
                new ArrayList<>(driver.<Tuple2<String, Integer>>output("totals").batch(4_000));
        last.sort((x, y) -> x._1().compareTo(y._1()));
        return last;
    }

    private List<Tuple2<String, Integer>> totalsAfterRecovery() {
        return totalsAfterRecovery(d -> d.collect("totals", totals(d.newReplayableInput("words"))));
    }

    private List<Path> checkpoints() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(directory))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ember"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void keepsTheNewestThreeCheckpointsNamedByTheirBatchTime() throws IOException {
        runAndCheckpointThrice();

        assertEquals(
                List.of("checkpoint-1000.ember", "checkpoint-2000.ember", "checkpoint-3000.ember"),
                checkpoints().stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void resumesTheStateOfTheNewestCheckpoint() {
        runAndCheckpointThrice();

        assertEquals(List.of(Tuple2.of("a", 3), Tuple2.of("b", 1)), totalsAfterRecovery());
    }

    @Test
    void aTruncatedNewestCheckpointFallsBackToThePreviousOne() throws IOException {
        runAndCheckpointThrice();
        Path newest = Path.of(directory, "checkpoint-3000.ember");
        byte[] bytes = Files.readAllBytes(newest);
        Files.write(newest, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        // The state of 2000 ms, then the batch at 3000 ms recomputed from the batch log.
        assertEquals(List.of(Tuple2.of("a", 3), Tuple2.of("b", 1)), totalsAfterRecovery());
    }

    @Test
    void aNewestCheckpointWithFlippedBytesFallsBackToThePreviousOne() throws IOException {
        runAndCheckpointThrice();
        Path newest = Path.of(directory, "checkpoint-3000.ember");
        byte[] bytes = Files.readAllBytes(newest);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(newest, bytes);

        assertEquals(List.of(Tuple2.of("a", 3), Tuple2.of("b", 1)), totalsAfterRecovery());
    }

    @Test
    void refusesToStartWhenEveryCheckpointIsCorrupt() throws IOException {
        runAndCheckpointThrice();
        for (Path p : checkpoints()) {
            byte[] bytes = Files.readAllBytes(p);
            bytes[bytes.length - 1] ^= 1;
            Files.write(p, bytes);
        }

        CheckpointException e = assertThrows(CheckpointException.class, this::totalsAfterRecovery);

        assertTrue(
                e.getMessage()
                        .startsWith("Every checkpoint in " + directory + " is corrupt, so the"),
                e.getMessage());
        assertTrue(
                e.getMessage().contains("checkpoint-3000.ember: its checksum does not match"),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith(
                                "Restore the directory from a backup, or move it away to start"
                                        + " with empty state"),
                e.getMessage());
    }

    @Test
    void aProgramGrownByAStatelessStepAndAnOutputFindsItsState() {
        runAndCheckpointThrice();

        List<Tuple2<String, Integer>> totals =
                totalsAfterRecovery(
                        d -> {
                            TestInput<String> words = d.newReplayableInput("words");
                            d.collect("lengths", words.stream().map(String::length));
                            d.collect(
                                    "totals",
                                    words.stream()
                                            .filter(w -> !w.isEmpty())
                                            .mapToPair(w -> new Tuple2<>(w, 1))
                                            .updateStateByKey(
                                                    (List<Integer> v, Optional<Integer> s) ->
                                                            Optional.of(s.orElse(0) + v.size()))
                                            .name("totals"));
                        });

        assertEquals(List.of(Tuple2.of("a", 3), Tuple2.of("b", 1)), totals);
        assertEquals(List.of(1), driver.<Integer>output("lengths").batch(4_000));
    }

    @Test
    void anIncompatibleChangeIsRefusedNamingTheStream() {
        runAndCheckpointThrice();

        CheckpointException e =
                assertThrows(
                        CheckpointException.class,
                        () ->
                                driver.crashAndRecover(
                                        d ->
                                                d.collect(
                                                        "windowed",
                                                        d
                                                                .<String>newReplayableInput("words")
                                                                .stream()
                                                                .countByValueAndWindow(
                                                                        Durations.seconds(2),
                                                                        Durations.seconds(1))
                                                                .name("totals"))));

        assertTrue(
                e.getMessage()
                        .startsWith(
                                "The saved state of 'totals' is updateStateByKey state, but that"
                                        + " stream is now reduceByKeyAndWindow at"
                                        + " CheckpointFilesTest.java:"),
                e.getMessage());
    }

    @Test
    void getOrCreateResumesAProgramBuiltByItsFunction() {
        driver =
                StreamingTestDriver.recoverable(
                        () ->
                                StreamingContext.getOrCreate(
                                        directory,
                                        () ->
                                                new StreamingContext(
                                                        "local[2]",
                                                        "CheckpointFilesTest",
                                                        Durations.seconds(1))),
                        d -> d.collect("totals", totals(d.newReplayableInput("words"))));
        driver.start();
        driver.<String>input("words").add("a", "a");
        driver.advanceBatches(1);
        driver.checkpoint();
        driver.crashAndRecover();
        driver.<String>input("words").add("a");
        driver.advanceBatches(1);

        assertEquals(
                List.of(Tuple2.of("a", 3)),
                driver.<Tuple2<String, Integer>>output("totals").batch(2_000));
    }

    @Test
    void getOrCreateRefusesAFunctionThatChoseAnotherDirectory() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                StreamingContext.getOrCreate(
                                        directory,
                                        () -> {
                                            StreamingContext ssc =
                                                    new StreamingContext(
                                                            "local[2]",
                                                            "CheckpointFilesTest",
                                                            Durations.seconds(1));
                                            ssc.checkpoint("elsewhere");
                                            return ssc;
                                        }));

        assertEquals(
                "getOrCreate was given checkpoint directory '"
                        + directory
                        + "', but the context it created checkpoints to 'elsewhere'; use one"
                        + " directory",
                e.getMessage());
    }
}
