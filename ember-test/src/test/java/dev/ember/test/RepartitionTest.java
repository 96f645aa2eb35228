package dev.ember.test;

import static dev.ember.test.Unordered.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.streaming.DStream;
import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Time;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** repartition(n): the same elements, in exactly n partitions, every batch. */
class RepartitionTest {
    private final StreamingContext ssc =
            new StreamingContext("local[2]", "RepartitionTest", Durations.seconds(1));
    private final StreamingTestDriver driver = StreamingTestDriver.create(ssc);

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void repartitionKeepsTheElementsOfEachBatch() {
        TestInput<Integer> numbers = driver.newInput("numbers");
        TestOutput<Integer> out = driver.collect("out", numbers.stream().repartition(3));
        driver.start();

        numbers.add(5, 1, 4, 1, 3, 9, 2, 6);
        driver.advanceBatches(1);
        numbers.add(8);
        driver.advanceBatches(2);

        assertEquals(List.of(1, 1, 2, 3, 4, 5, 6, 9), sorted(out.batch(1_000)));
        assertEquals(List.of(8), out.batch(2_000));
        assertEquals(List.of(), out.batch(3_000));
    }

    @Test
    void repartitionGivesEveryBatchExactlyTheRequestedNumberOfPartitions() {
        TestInput<Integer> numbers = driver.newInput("numbers");
        Map<Time, Integer> partitions = new ConcurrentSkipListMap<>();
        DStream<Integer> three = numbers.stream().repartition(3);
        three.foreachRDD((batch, time) -> partitions.put(time, batch.getNumPartitions()));
        DStream<Integer> one = numbers.stream().repartition(1);
        Map<Time, Integer> single = new ConcurrentSkipListMap<>();
        one.foreachRDD((batch, time) -> single.put(time, batch.getNumPartitions()));
        driver.start();

        numbers.add(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        driver.advanceBatches(1);
        numbers.add(1);
        driver.advanceBatches(1);
        driver.advanceBatches(1);

        assertEquals(Map.of(Time.ms(1_000), 3, Time.ms(2_000), 3, Time.ms(3_000), 3), partitions);
        assertEquals(Map.of(Time.ms(1_000), 1, Time.ms(2_000), 1, Time.ms(3_000), 1), single);
    }

    @Test
    void repartitionSpreadsTheElementsOverThePartitions() {
        TestInput<Integer> numbers = driver.newInput("numbers");
        TestOutput<Integer> sizes =
                driver.collect(
                        "sizes",
                        numbers.stream()
                                .repartition(2)
                                .mapPartitions(
                                        partition -> {
                                            int n = 0;
                                            for (; partition.hasNext(); partition.next()) {
                                                n++;
                                            }
                                            return List.of(n).iterator();
                                        }));
        driver.start();

        numbers.add(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        driver.advanceBatches(1);

        List<Integer> batch = sizes.batch(1_000);
        assertEquals(2, batch.size(), "sizes " + batch);
        assertEquals(10, batch.get(0) + batch.get(1), "sizes " + batch);
    }
}
