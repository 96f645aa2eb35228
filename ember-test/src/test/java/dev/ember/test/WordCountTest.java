package dev.ember.test;

import static dev.ember.test.Unordered.byKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.streaming.Durations;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The network word count of Spark's guide, fed by a test input instead of a socket. */
class WordCountTest {
    private final StreamingContext ssc =
            new StreamingContext("local[2]", "WordCountTest", Durations.seconds(1));
    private final StreamingTestDriver driver = StreamingTestDriver.create(ssc);

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void countsWordsAcrossBatches() {
        TestInput<String> lines = driver.newInput("lines");
        PairDStream<String, Integer> wordCounts =
                lines.stream()
                        .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
                        .mapToPair(word -> Tuple2.of(word, 1))
                        .reduceByKey(Integer::sum);
        TestOutput<Tuple2<String, Integer>> counts = driver.collect("counts", wordCounts);
        driver.start();

        lines.add("to be or not to be");
        driver.advanceBatches(1);
        lines.add("to see", "or not to see");
        driver.advanceBatches(1);
        lines.add("be");
        lines.add("be quick");
        driver.advanceBatches(1);

        assertEquals(
                List.of(
                        Tuple2.of("be", 2),
                        Tuple2.of("not", 1),
                        Tuple2.of("or", 1),
                        Tuple2.of("to", 2)),
                byKey(counts.batch(1_000)));
        assertEquals(
                List.of(
                        Tuple2.of("not", 1),
                        Tuple2.of("or", 1),
                        Tuple2.of("see", 2),
                        Tuple2.of("to", 2)),
                byKey(counts.batch(2_000)));
        assertEquals(
                List.of(Tuple2.of("be", 2), Tuple2.of("quick", 1)), byKey(counts.batch(3_000)));
        assertEquals(3, counts.batches().size());
    }

    @Test
    void printsWordCountsOfASinglePartition() {
        TestInput<String> lines = driver.newInput("lines");
        lines.stream()
                .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
                .mapToPair(word -> Tuple2.of(word, 1))
                .reduceByKey(Integer::sum, 1)
                .transformToPair(batch -> batch.sortBy(Tuple2::_1, true, 1))
                .print();
        driver.start();

        lines.add("hello world", "hello");
        driver.advanceBatches(1);

        String dashes = "-".repeat(43);
        assertEquals(
                dashes + "\nTime: 1000 ms\n" + dashes + "\n(hello,2)\n(world,1)\n\n",
                driver.printed());
    }
}
