package dev.ember.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Time;
import dev.ember.streaming.Tuple2;
import dev.ember.test.StreamingTestDriver;
import dev.ember.test.TestInput;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.Test;

class WindowedHashtagCountTest {

    @Test
    void ranksTheHashtagsOfTheLastTwentySecondsEveryTenSeconds() {
        StreamingContext ssc =
                new StreamingContext("local[2]", "WindowedHashtagCountTest", Durations.seconds(10));
        try (StreamingTestDriver driver = StreamingTestDriver.create(ssc)) {
            TestInput<String> posts = driver.newInput("posts");
            Map<Long, List<Tuple2<String, Integer>>> tops = new ConcurrentSkipListMap<>();
            WindowedHashtagCount.hashtagCounts(posts.stream().window(Durations.seconds(20)))
                    .foreachRDD(
                            (counts, time) ->
                                    tops.put(
                                            time.milliseconds(),
                                            WindowedHashtagCount.top10(counts)));
            driver.start();

            posts.add("Messi scores again #Messi #GOAL", "what a night #messi", "# alone");
            driver.advanceBatches(1); // 10 s
            posts.add("#Goal #goal #ucl", "nothing here");
            driver.advanceBatches(1); // 20 s: both batches
            driver.advanceBatches(1); // 30 s: only the second

            assertEquals(List.of(Tuple2.of("#messi", 2), Tuple2.of("#goal", 1)), tops.get(10_000L));
            assertEquals(
                    List.of(Tuple2.of("#goal", 3), Tuple2.of("#messi", 2), Tuple2.of("#ucl", 1)),
                    tops.get(20_000L));
            assertEquals(List.of(Tuple2.of("#goal", 2), Tuple2.of("#ucl", 1)), tops.get(30_000L));
        }
    }

    @Test
    void formatsTheTopAsATable() {
        assertEquals(
                "Top hashtags, window ending 20000 ms\n"
                        + "#goal                         3\n"
                        + "#messi                        2\n\n",
                WindowedHashtagCount.format(
                        List.of(Tuple2.of("#goal", 3), Tuple2.of("#messi", 2)), Time.ms(20_000)));
    }
}
