package dev.ember.test;

import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import java.util.List;

/**
 * A program for {@link FileStreamMemoryIT}, run in a JVM of its own: counts the lines of the files
 * in a directory through {@code textFileStream}, batch by batch, with a byte budget per batch.
 *
 * <p>Arguments: the directory, the budget in bytes, the number of lines to wait for. Prints {@code
 * lines: <n>} and {@code batches: <n>}, or {@code stopped: <error>}.
 */
public final class FileStreamPrograms {
    private FileStreamPrograms() {}

    /** Runs the count; see the class comment. */
    public static void main(String[] args) {
        String directory = args[0];
        long budget = Long.parseLong(args[1]);
        long expected = Long.parseLong(args[2]);
        StreamingContext ssc =
                new StreamingContext("local[2]", "FileStreamPrograms", Durations.seconds(1));
        ssc.conf().fileStableTime(Durations.milliseconds(0)).fileMaxBytesPerBatch(budget);
        try (StreamingTestDriver driver = StreamingTestDriver.create(ssc)) {
            TestOutput<Long> counts =
                    driver.collect(
                            "counts", ssc.fileStream(directory, path -> true, false).count());
            driver.start();
            long lines = 0;
            int batches = 0;
            while (lines < expected && batches < 10_000) {
                driver.advanceBatches(1);
                batches++;
                List<Long> batch = counts.batch(driver.currentTime());
                lines += batch.isEmpty() ? 0 : batch.get(0);
            }
            System.out.println("lines: " + lines);
            System.out.println("batches: " + batches);
        } catch (RuntimeException | Error e) {
            System.out.println("stopped: " + e);
        }
    }
}
