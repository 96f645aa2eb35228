package dev.ember.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.examples.TwitterHashtagTopTen.TagCount;
import dev.ember.sql.SqlContext;
import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import dev.ember.test.StreamingTestDriver;
import dev.ember.test.TestInput;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwitterHashtagTopTenTest {
    @TempDir Path dir;

    @Test
    void tableTweetsmessiHoldsTheTopTagsOfTheLastTwentySecondsEveryTenSeconds() {
        StreamingContext ssc =
                new StreamingContext("local[2]", "TwitterHashtagTopTenTest", Durations.seconds(10));
        try (StreamingTestDriver driver = StreamingTestDriver.create(ssc);
                SqlContext sqlContext = SqlContext.create(ssc)) {
            TestInput<String> posts = driver.newInput("posts");
            TwitterHashtagTopTen.registerTopTen(
                    posts.stream().window(Durations.seconds(20)), sqlContext);
            driver.start();

            posts.add("Messi scores again #Messi #GOAL!", "what a night #messi", "#2024 # alone");
            driver.advanceBatches(1); // 10 s
            assertEquals(
                    List.of(new TagCount("#messi", 2), new TagCount("#goal", 1)),
                    top10(sqlContext));

            // A post counts each of its tags once, as a post's hashtags do.
            posts.add("#Goal #goal #ucl", "x.com/#notatag nothing here");
            driver.advanceBatches(1); // 20 s: both batches
            assertEquals(
                    List.of(
                            new TagCount("#goal", 2),
                            new TagCount("#messi", 2),
                            new TagCount("#ucl", 1)),
                    top10(sqlContext));

            driver.advanceBatches(1); // 30 s: only the second batch
            assertEquals(
                    List.of(new TagCount("#goal", 1), new TagCount("#ucl", 1)), top10(sqlContext));
        }
    }

    @Test
    void keepsTenTagsTiesByTag() {
        StreamingContext ssc =
                new StreamingContext("local[2]", "TwitterHashtagTopTenTest", Durations.seconds(10));
        try (StreamingTestDriver driver = StreamingTestDriver.create(ssc);
                SqlContext sqlContext = SqlContext.create(ssc)) {
            TestInput<String> posts = driver.newInput("posts");
            TwitterHashtagTopTen.registerTopTen(
                    posts.stream().window(Durations.seconds(20)), sqlContext);
            driver.start();

            posts.add("#l #k #j #i #h #g #f #e #d #c #b #a", "#z #a", "#y #z #a", "#m");
            driver.advanceBatches(1);
            assertEquals(
                    List.of(
                            new TagCount("#a", 3),
                            new TagCount("#z", 2),
                            new TagCount("#b", 1),
                            new TagCount("#c", 1),
                            new TagCount("#d", 1),
                            new TagCount("#e", 1),
                            new TagCount("#f", 1),
                            new TagCount("#g", 1),
                            new TagCount("#h", 1),
                            new TagCount("#i", 1)),
                    top10(sqlContext));
        }
    }

    @Test
    void drawsTheTableAsHorizontalBarsCountOnXTagOnY() throws Exception {
        List<TagCount> top = List.of(new TagCount("#messi", 31), new TagCount("#goal", 12));
        JFreeChart chart = TwitterHashtagTopTen.barChart(top);
        CategoryDataset data = chart.getCategoryPlot().getDataset();

        assertEquals(List.of("#messi", "#goal"), data.getColumnKeys());
        assertEquals(31, data.getValue("count", "#messi").intValue());
        assertEquals(12, data.getValue("count", "#goal").intValue());
        assertEquals("tag", chart.getCategoryPlot().getDomainAxis().getLabel());
        assertEquals("count", chart.getCategoryPlot().getRangeAxis().getLabel());

        Path png = dir.resolve("tweetsmessi.png");
        TwitterHashtagTopTen.writePng(chart, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(500, image.getHeight());
    }

    private static List<TagCount> top10(SqlContext sqlContext) {
        return sqlContext.sql("Select tag, count from tweetsmessi").as(TagCount.class);
    }
}
