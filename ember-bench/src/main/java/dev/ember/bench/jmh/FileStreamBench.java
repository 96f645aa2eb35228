package dev.ember.bench.jmh;

import dev.ember.bench.internal.Corpus;
import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A file stream ({@code fileStream(dir, path -> true, false)}, stable time 0) through the public
 * API on {@code local[2]}, one batch per invocation with a stepped clock.
 *
 * <p>{@code readLines}: each batch takes one file of 100,000 generated lines (5.3 MB, in the page
 * cache: the file is renamed to a new name before each batch, so it is a new file every time) and
 * counts its lines; the score is lines/s, with the ledger in memory or forced to disk at each cut
 * ({@code ledger=durable}, a checkpoint directory on the same disk).
 *
 * <p>{@code emptyCut}: each batch finds nothing new in a directory that holds {@code files}
 * processed files; the score is batches/s, the cost of listing the directory and checking about
 * 1,000 of those files for changes.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class FileStreamBench {
    private static final int LINES = 100_000;

    /** A directory and a file stream over it, whose batches a stepped clock runs. */
    abstract static class Directory {
        Path root;
        Path directory;
        StreamingContext ssc;
        final StepClock clock = new StepClock();
        final AtomicLong lines = new AtomicLong();

        void open(boolean durable) throws IOException {
            root = Files.createTempDirectory("ember-jmh-files-");
            directory = Files.createDirectory(root.resolve("in"));
            ssc = new StreamingContext("local[2]", "jmh-files", Durations.seconds(1));
            ssc.setClock(clock);
            ssc.conf().fileStableTime(Durations.milliseconds(0));
            if (durable) {
                ssc.checkpoint(root.resolve("checkpoint").toString());
            }
        }

        void start() {
            ssc.fileStream(directory.toString(), path -> true, false)
                    .foreachRDD(batch -> lines.set(batch.count()));
            ssc.start();
        }

        /** Runs one batch; returns its line count. */
        long batch() {
            clock.advance(1000);
            return lines.get();
        }

        /** Stops the context and deletes the directories. */
        @TearDown(Level.Trial)
        public void tearDown() {
            ssc.stop(false);
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One file of 100,000 generated lines, taken again under a new name by every batch. */
    @State(Scope.Benchmark)
    public static class Reading extends Directory {
        /** Where the ledger lives. */
        @Param({"memory", "durable"})
        public String ledger;

        private long generation;

        /** Writes the file and starts the context. */
        @Setup(Level.Trial)
        public void setUp() throws IOException {
            open(ledger.equals("durable"));
            StringBuilder text = new StringBuilder();
            for (String line : Corpus.generate(42, LINES).toStrings()) {
                text.append(line).append('\n');
            }
            Files.writeString(directory.resolve("f-0"), text, StandardCharsets.UTF_8);
            start();
        }

        long renameAndRead() throws IOException {
            Files.move(
                    directory.resolve("f-" + generation),
                    directory.resolve("f-" + (generation + 1)),
                    StandardCopyOption.ATOMIC_MOVE);
            generation++;
            long n = batch();
            if (n != LINES) {
                throw new IllegalStateException("the batch held " + n + " lines, not " + LINES);
            }
            return n;
        }
    }

    /** A directory of processed files, in which no batch finds anything new. */
    @State(Scope.Benchmark)
    public static class Listing extends Directory {
        /** How many processed files the directory holds. */
        @Param({"1000", "100000"})
        public int files;

        /** Writes the files, starts the context, and takes them all. */
        @Setup(Level.Trial)
        public void setUp() throws IOException {
            open(false);
            for (int i = 0; i < files; i++) {
                Files.writeString(directory.resolve("done-" + i), "x\n");
            }
            start();
            // 64 MiB per batch, each file counting 1 KiB more than its 2 bytes: 65,408 per batch.
            for (int taken = 0; taken <= files; taken += 65_000) {
                batch();
            }
            if (batch() != 0) {
                throw new IllegalStateException("files were left to take after the set-up");
            }
        }
    }

    /** Renames the file to a new name, so the next batch takes it again, and runs that batch. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public long readLines(Reading reading) throws IOException {
        return reading.renameAndRead();
    }

    /** Runs a batch that finds nothing new. */
    @Benchmark
    public long emptyCut(Listing listing) {
        return listing.batch();
    }
}
