package dev.ember.test;

import static dev.ember.test.Unordered.byKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.streaming.Batch;
import dev.ember.streaming.Durations;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Time;
import dev.ember.streaming.Tuple2;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** transform and transformToPair, with and without the batch time. */
class TransformTest {
    private final StreamingContext ssc =
            new StreamingContext("local[2]", "TransformTest", Durations.seconds(1));
    private final StreamingTestDriver driver = StreamingTestDriver.create(ssc);

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void transformReplacesEachBatchByWhatTheFunctionMakesOfIt() {
        TestInput<Integer> numbers = driver.newInput("numbers");
        TestOutput<Integer> out =
                driver.collect(
                        "out",
                        numbers.stream()
                                .transform(
                                        (Batch<Integer> batch) ->
                                                batch.filter(n -> n > 1).map(n -> n * 100)));
        driver.start();

        numbers.add(1, 2, 3);
        driver.advanceBatches(2);

        assertEquals(List.of(200, 300), out.batch(1_000));
        assertEquals(List.of(), out.batch(2_000));
    }

    @Test
    void transformWithTimeReceivesTheBatchTime() {
        TestInput<String> words = driver.newInput("words");
        TestOutput<String> out =
                driver.collect(
                        "out",
                        words.stream()
                                .transform(
                                        (Batch<String> batch, Time time) ->
                                                batch.map(w -> w + "@" + time.milliseconds())));
        driver.start();

        words.add("a", "b");
        driver.advanceBatches(1);
        words.add("c");
        driver.advanceBatches(1);

        assertEquals(List.of("a@1000", "b@1000"), out.batch(1_000));
        assertEquals(List.of("c@2000"), out.batch(2_000));
    }

    @Test
    void transformMayUseBatchOperationsSuchAsUnion() {
        TestInput<String> words = driver.newInput("words");
        TestOutput<String> out =
                driver.collect(
                        "out",
                        words.stream().transform((Batch<String> batch) -> batch.union(batch)));
        driver.start();

        words.add("a", "b");
        driver.advanceBatches(1);

        assertEquals(List.of("a", "b", "a", "b"), out.batch(1_000));
    }

    @Test
    void transformToPairMakesAPairStream() {
        TestInput<String> words = driver.newInput("words");
        PairDStream<String, Integer> pairs =
                words.stream()
                        .transformToPair(
                                (Batch<String> batch) -> batch.mapToPair(w -> Tuple2.of(w, 1)));
        TestOutput<Tuple2<String, Integer>> counts =
                driver.collect("counts", pairs.reduceByKey(Integer::sum));
        driver.start();

        words.add("a", "b", "a");
        driver.advanceBatches(2);

        assertEquals(List.of(Tuple2.of("a", 2), Tuple2.of("b", 1)), byKey(counts.batch(1_000)));
        assertEquals(List.of(), counts.batch(2_000));
    }

    @Test
    void transformToPairWithTimeReceivesTheBatchTime() {
        TestInput<String> words = driver.newInput("words");
        PairDStream<Long, String> stamped =
                words.stream()
                        .transformToPair(
                                (Batch<String> batch, Time time) ->
                                        batch.mapToPair(w -> Tuple2.of(time.milliseconds(), w)));
        TestOutput<Tuple2<Long, String>> out = driver.collect("out", stamped);
        driver.start();

        driver.advanceBatches(1);
        words.add("x", "y");
        driver.advanceBatches(1);

        assertEquals(List.of(), out.batch(1_000));
        assertEquals(List.of(Tuple2.of(2_000L, "x"), Tuple2.of(2_000L, "y")), out.batch(2_000));
    }
}
