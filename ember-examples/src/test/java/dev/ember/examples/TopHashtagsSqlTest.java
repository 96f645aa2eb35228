package dev.ember.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.sql.SqlContext;
import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import dev.ember.test.StreamingTestDriver;
import dev.ember.test.TestInput;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopHashtagsSqlTest {
    @TempDir Path dir;

    public record TagCount(String tag, int count) {}

    @Test
    void eachWindowsTopTagsReplaceTheViewThatTheOtherLoopQueries() {
        StreamingContext ssc =
                new StreamingContext("local[2]", "TopHashtagsSqlTest", Durations.seconds(10));
        try (StreamingTestDriver driver = StreamingTestDriver.create(ssc);
                SqlContext sqlContext =
                        SqlContext.builder(ssc)
                                .history(dir.resolve("ember.duckdb"))
                                .timeZone(ZoneId.of("UTC"))
                                .build()) {
            TestInput<String> posts = driver.newInput("posts");
            TopHashtagsSql.registerTopTags(posts.stream(), sqlContext, true);
            driver.start();

            posts.add("Messi scores again #Messi #GOAL", "what a night #messi", "# alone");
            driver.advanceBatches(1); // 10 s
            assertEquals(
                    List.of(new TagCount("#messi", 2), new TagCount("#goal", 1)),
                    sqlContext.sql("Select tag, count from tweetsmessi").as(TagCount.class));

            posts.add("#Goal #goal #ucl", "nothing here");
            driver.advanceBatches(1); // 20 s: both batches
            assertEquals(
                    "+------+-----+\n"
                            + "|   tag|count|\n"
                            + "+------+-----+\n"
                            + "| #goal|    3|\n"
                            + "|#messi|    2|\n"
                            + "|  #ucl|    1|\n"
                            + "+------+-----+\n",
                    sqlContext.sql("Select tag, count from tweetsmessi").showString(20, 20));

            driver.advanceBatches(1); // 30 s: only the second batch
            assertEquals(
                    List.of(new TagCount("#goal", 2), new TagCount("#ucl", 1)),
                    sqlContext.sql("Select tag, count from tweetsmessi").as(TagCount.class));
            assertEquals(
                    List.of("10 #messi 2", "20 #goal 3", "20 #messi 2", "30 #goal 2"),
                    sqlContext
                            .sql(
                                    "SELECT epoch(window_end)::INTEGER || ' ' || tag || ' ' ||"
                                            + " count FROM history.tweetsmessi WHERE count > 1"
                                            + " ORDER BY window_end")
                            .as(String.class));
        }
    }
}
