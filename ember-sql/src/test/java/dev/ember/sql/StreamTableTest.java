package dev.ember.sql;

import static dev.ember.sql.SortOrder.asc;
import static dev.ember.sql.SortOrder.desc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.DStream;
import dev.ember.streaming.Durations;
import dev.ember.streaming.InvalidPipelineException;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import dev.ember.streaming.UserFunctionException;
import dev.ember.test.StreamingTestDriver;
import dev.ember.test.TestInput;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-line form {@code fromStream(...).sort(...).limit(...).registerTempTable(...)}: every
 * batch or window replaces the view, and with {@code history()} is appended to a history table.
 */
class StreamTableTest {
    private final StreamingContext ssc =
            new StreamingContext("local[2]", "StreamTableTest", Durations.seconds(10));
    private final StreamingTestDriver driver = StreamingTestDriver.create(ssc);
    private final TestInput<String> posts = driver.newInput("posts");
    private SqlContext sql;

    @TempDir Path dir;

    @AfterEach
    void close() {
        driver.close();
        if (sql != null) {
            sql.close();
        }
    }

    /** The tutorial's hashtag counts. */
    private static PairDStream<String, Integer> hashtagCounts(DStream<String> lines) {
        return lines.flatMap(text -> Arrays.asList(text.split(" ")).iterator())
                .filter(word -> word.startsWith("#") && word.length() > 1)
                .mapToPair(word -> new Tuple2<>(word.toLowerCase(Locale.ROOT), 1))
                .reduceByKey(Integer::sum);
    }

    public record TagCount(String tag, int count) {}

    private List<TagCount> view(String query) {
        return sql.sql(query).as(TagCount.class);
    }

    @Test
    void everyWindowReplacesTheViewWithItsTopTags() {
        sql = SqlContext.builder(ssc).timeZone(ZoneId.of("UTC")).build();
        sql.fromStream(hashtagCounts(posts.stream().window(Durations.seconds(20))), "tag", "count")
                .sort(desc("count"), asc("tag"))
                .limit(2)
                .registerTempTable("tweetsmessi");
        driver.start();

        posts.add("Messi scores #Messi #GOAL", "what a night #messi", "#ucl");
        driver.advanceBatches(1); // 10 s
        assertEquals(
                List.of(new TagCount("#messi", 2), new TagCount("#goal", 1)),
                view("SELECT tag, count FROM tweetsmessi"));

        posts.add("#Goal #goal #ucl");
        driver.advanceBatches(1); // 20 s: both batches
        assertEquals(
                List.of(new TagCount("#goal", 3), new TagCount("#messi", 2)),
                view("SELECT tag, count FROM tweetsmessi"));

        driver.advanceBatches(1); // 30 s: the second batch only
        assertEquals(
                List.of(new TagCount("#goal", 2), new TagCount("#ucl", 1)),
                view("SELECT tag, count FROM tweetsmessi"));

        driver.advanceBatches(2); // 50 s: an empty window
        assertEquals(List.of(), view("SELECT tag, count FROM tweetsmessi"));
    }

    @Test
    void anEmptyFirstBatchGivesAnEmptyViewWithTheNamedColumnsThatLaterBatchesType() {
        sql = SqlContext.create(ssc);
        sql.fromStream(hashtagCounts(posts.stream()), "tag", "count").registerTempTable("tags");
        driver.start();

        driver.advanceBatches(1);
        DataFrame empty = sql.sql("SELECT tag, count FROM tags ORDER BY count DESC");
        assertTrue(empty.isEmpty());
        assertEquals(List.of("tag", "count"), empty.columns());

        posts.add("#a #a");
        driver.advanceBatches(1);
        assertEquals(List.of(new TagCount("#a", 2)), view("SELECT * FROM tags"));

        driver.advanceBatches(1);
        assertEquals(
                List.of(
                        new StructField("tag", DataType.STRING),
                        new StructField("count", DataType.INTEGER)),
                sql.table("tags").schema());
        assertTrue(sql.table("tags").isEmpty());
    }

    @Test
    void aRecordStreamHasItsColumnsFromTheFirstBatchOn() {
        sql = SqlContext.create(ssc);
        sql.fromStream(
                        hashtagCounts(posts.stream()).map(t -> new TagCount(t._1(), t._2())),
                        TagCount.class)
                .sort(desc("count"))
                .registerTempTable("tags");
        driver.start();

        driver.advanceBatches(1);

        assertEquals(
                List.of(
                        new StructField("tag", DataType.STRING),
                        new StructField("count", DataType.INTEGER)),
                sql.table("tags").schema());
    }

    @Test
    void historyAppendsEveryWindowWithItsEndTimeAndDropsWindowsPastTheRetention() {
        sql =
                SqlContext.builder(ssc)
                        .history(dir.resolve("ember.duckdb"))
                        .historyRetention(Durations.seconds(30))
                        .timeZone(ZoneId.of("UTC"))
                        .build();
        sql.fromStream(hashtagCounts(posts.stream()), "tag", "count")
                .sort(desc("count"), asc("tag"))
                .limit(1)
                .history()
                .registerTempTable("top");
        driver.start();

        posts.add("#a #a #b");
        driver.advanceBatches(1); // 10 s
        posts.add("#b");
        driver.advanceBatches(1); // 20 s
        driver.advanceBatches(1); // 30 s: empty, nothing appended
        posts.add("#c");
        driver.advanceBatches(1); // 40 s: windows ending in (10, 40] kept, 10 s removed

        List<Row> history =
                sql.sql("SELECT window_end, tag, count FROM history.top ORDER BY window_end")
                        .rows();
        assertEquals(
                List.of(
                        List.of(Instant.ofEpochMilli(20_000), "#b", 1),
                        List.of(Instant.ofEpochMilli(40_000), "#c", 1)),
                history.stream().map(Row::toList).toList());
        assertEquals(List.of("history.top"), sql.historyTableNames());
        assertEquals(List.of("top"), sql.tableNames());
    }

    @Test
    void historyCanGoToATableOfAnotherName() {
        sql = SqlContext.builder(ssc).history(dir.resolve("h.duckdb")).build();
        sql.fromStream(hashtagCounts(posts.stream()), "tag", "count")
                .history("all_tags")
                .registerTempTable("tags");
        driver.start();

        posts.add("#x");
        driver.advanceBatches(1);

        assertEquals(List.of("history.all_tags"), sql.historyTableNames());
        assertEquals(
                List.of(new TagCount("#x", 1)), view("SELECT tag, count FROM history.all_tags"));
    }

    @Test
    void definitionMistakesAreRefusedBeforeTheStreamStarts() {
        sql = SqlContext.create(ssc);
        PairDStream<String, Integer> counts = hashtagCounts(posts.stream());

        IllegalArgumentException sort =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> sql.fromStream(counts, "tag", "count").sort(desc("total")));
        assertEquals(
                "cannot sort by column 'total': the tables of this stream have the columns [tag,"
                        + " count]",
                sort.getMessage());

        InvalidPipelineException history =
                assertThrows(
                        InvalidPipelineException.class,
                        () -> sql.fromStream(counts, "tag", "count").history());
        assertEquals(
                "history() of a stream of 'StreamTableTest' needs a history file: create the"
                        + " SqlContext with"
                        + " SqlContext.builder(ssc).history(Path.of(\"ember.duckdb\")).build()",
                history.getMessage());

        StreamingContext other = new StreamingContext("local[2]", "Other", Durations.seconds(10));
        try (SqlContext otherSql = SqlContext.create(other)) {
            InvalidPipelineException mixed =
                    assertThrows(
                            InvalidPipelineException.class,
                            () ->
                                    otherSql.fromStream(counts, "tag", "count")
                                            .registerTempTable("t"));
            assertEquals(
                    "view 't' is fed by a stream of context 'StreamTableTest' but its SQL context"
                            + " serves 'Other'; create the SqlContext from the stream's"
                            + " StreamingContext",
                    mixed.getMessage());
        }

        assertThrows(
                IllegalArgumentException.class,
                () -> sql.fromStream(counts, "tag", "count").registerTempTable("top-10"));
    }

    public record Wrapper(Object payload) {}

    @Test
    void aValueThatCannotBeAColumnStopsTheStreamNamingTheViewAndWhereItWasDefined() {
        sql = SqlContext.create(ssc);
        sql.fromStream(
                        posts.stream()
                                .map(
                                        p ->
                                                new Wrapper(
                                                        new java.util.HashMap<>(
                                                                java.util.Map.of(p, 1)))),
                        Wrapper.class)
                .registerTempTable("wrapped");
        driver.start();

        posts.add("x");
        UserFunctionException e =
                assertThrows(UserFunctionException.class, () -> driver.advanceBatches(1));

        assertEquals(
                "view 'wrapped' (defined at StreamTableTest.java:"
                        + (lineOf("registerTempTable(\"wrapped\")"))
                        + ") could not take the batch at 10000 ms: column 'payload' of view"
                        + " 'wrapped' got a value of java.util.HashMap in element 0, which cannot"
                        + " be a column value; use one of boolean, byte, short, int, long, float,"
                        + " double (or their boxes), BigDecimal, BigInteger, String, char, enums,"
                        + " byte[], LocalDate, LocalTime, LocalDateTime, Instant, OffsetDateTime,"
                        + " ZonedDateTime, java.util.Date, Ember's Time and UUID",
                e.getCause().getMessage());
    }

    /** The line of this file holding {@code text}, for call-site messages. */
    private static int lineOf(String text) {
        try {
            List<String> lines =
                    java.nio.file.Files.readAllLines(
                            Path.of("src/test/java/dev/ember/sql/StreamTableTest.java"));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text) && !lines.get(i).contains("lineOf")) {
                    return i + 1;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError(text + " not found");
    }
}
