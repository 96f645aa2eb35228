package dev.ember.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.streaming.Durations;
import dev.ember.streaming.MapWithStateDStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import dev.ember.test.StreamingTestDriver;
import dev.ember.test.TestInput;
import dev.ember.test.TestOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatefulNetworkWordCountTest {

    private static Tuple2<String, Integer> kv(String word, int count) {
        return Tuple2.of(word, count);
    }

    /** Sorted by word; a word's own totals keep their order, which is its occurrences' order. */
    private static List<Tuple2<String, Integer>> byWord(List<Tuple2<String, Integer>> pairs) {
        List<Tuple2<String, Integer>> copy = new ArrayList<>(pairs);
        copy.sort(Comparator.comparing(Tuple2::_1));
        return copy;
    }

    @Test
    void emitsTheRunningTotalOfEachOccurrenceStartingFromTheInitialCounts() throws Exception {
        StreamingContext ssc =
                new StreamingContext(
                        "local[2]", "StatefulNetworkWordCountTest", Durations.seconds(1));
        try (StreamingTestDriver driver = StreamingTestDriver.create(ssc)) {
            TestInput<String> lines = driver.newInput("lines");
            MapWithStateDStream<String, Integer, Integer, Tuple2<String, Integer>> counts =
                    StatefulNetworkWordCount.runningCounts(lines.stream());
            TestOutput<Tuple2<String, Integer>> totals = driver.collect("totals", counts);
            TestOutput<Tuple2<String, Integer>> state =
                    driver.collect("state", counts.stateSnapshots());
            ssc.checkpoint(
                    Files.createTempDirectory(
                                    Files.createDirectories(Path.of("target", "checkpoints")),
                                    "StatefulNetworkWordCountTest-")
                            .toString());
            driver.start();

            lines.add("hello world", "hello");
            driver.advanceBatches(1); // 1000
            lines.add("spark hello");
            driver.advanceBatches(1); // 2000
            driver.advanceBatches(1); // 3000: nothing typed, nothing printed but the header

            assertEquals(
                    List.of(kv("hello", 2), kv("hello", 3), kv("world", 2)),
                    byWord(totals.batch(1_000)));
            assertEquals(List.of(kv("hello", 4), kv("spark", 1)), byWord(totals.batch(2_000)));
            assertEquals(List.of(), totals.batch(3_000));
            assertEquals(
                    List.of(kv("hello", 4), kv("spark", 1), kv("world", 2)),
                    byWord(state.batch(3_000)));
        }
    }
}
