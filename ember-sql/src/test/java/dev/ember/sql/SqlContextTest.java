package dev.ember.sql;

import static dev.ember.sql.SortOrder.asc;
import static dev.ember.sql.SortOrder.desc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tables from objects, views, queries across views, results as objects, and the errors. */
class SqlContextTest {
    private final StreamingContext ssc =
            new StreamingContext("local[2]", "SqlContextTest", Durations.seconds(1));
    private final SqlContext sql = SqlContext.builder(ssc).timeZone(ZoneId.of("UTC")).build();

    @AfterEach
    void close() {
        sql.close();
    }

    public record TagCount(String tag, int count) {}

    public record Player(String name, String team) {}

    public record Total(String team, long total) {}

    /** A JavaBean, as Spark's JavaSqlNetworkWordCount uses. */
    public static class JavaRecord {
        private String word;
        private int length;

        public String getWord() {
            return word;
        }

        public void setWord(String word) {
            this.word = word;
        }

        public int getLength() {
            return length;
        }

        public void setLength(int length) {
            this.length = length;
        }
    }

    @Test
    void queriesJoinTwoViews() {
        sql.createDataFrame(
                        List.of(new TagCount("messi", 3), new TagCount("ronaldo", 2)),
                        TagCount.class)
                .createOrReplaceTempView("counts");
        sql.createDataFrame(
                        List.of(
                                new Player("messi", "Inter Miami"),
                                new Player("ronaldo", "Al Nassr"),
                                new Player("mbappe", "Real Madrid")),
                        Player.class)
                .createOrReplaceTempView("players");

        DataFrame joined =
                sql.sql(
                        "SELECT p.team, sum(c.count) AS total FROM counts c JOIN players p"
                                + " ON c.tag = p.name GROUP BY p.team ORDER BY total DESC");

        assertEquals(
                List.of(new Total("Inter Miami", 3), new Total("Al Nassr", 2)),
                joined.as(Total.class));
        assertEquals(List.of("team", "total"), joined.columns());
        assertEquals(List.of("counts", "players"), sql.tableNames());
    }

    @Test
    void replacingAViewReplacesItsRowsAndColumns() {
        sql.toDF(List.of(Tuple2.of("a", 1)), "tag", "count").createOrReplaceTempView("v");
        sql.createDataFrame(List.of("x", "y"), String.class).createOrReplaceTempView("v");

        DataFrame back = sql.table("v");

        assertEquals(List.of("value"), back.columns());
        assertEquals(List.of("x", "y"), back.as(String.class));
    }

    @Test
    void aViewGoesFromTypedColumnsToUntypedOnesAndBack() {
        sql.toDF(List.of(1, 2), "a").createOrReplaceTempView("v");
        sql.toDF(Arrays.asList(null, null, null), "b").createOrReplaceTempView("v");

        DataFrame untyped = sql.table("v");
        assertEquals(List.of(new StructField("b", DataType.NULL)), untyped.schema());
        assertEquals(3, untyped.count());
        assertEquals(
                List.of(),
                sql.sql("SELECT * FROM duckdb_tables() WHERE schema_name = 'ember_internal'")
                        .rows());

        sql.toDF(List.of("x"), "b").createOrReplaceTempView("v");
        assertEquals(List.of("x"), sql.table("v").as(String.class));
    }

    @Test
    void aViewDroppedBySqlComesBackWithTheNextContent() {
        sql.toDF(List.of(1), "a").createOrReplaceTempView("v");
        sql.sql("DROP VIEW v");

        sql.toDF(List.of(2), "a").createOrReplaceTempView("v");

        assertEquals(List.of(2), sql.table("v").as(Integer.class));
    }

    @Test
    void anEmptyFrameKeepsTheViewsColumnsAndTheirTypes() {
        sql.toDF(List.of(Tuple2.of("a", 1)), "tag", "count").createOrReplaceTempView("v");
        sql.toDF(List.of(), "tag", "count").createOrReplaceTempView("v");

        DataFrame back = sql.sql("SELECT * FROM v");

        assertTrue(back.isEmpty());
        assertEquals(
                List.of(
                        new StructField("tag", DataType.STRING),
                        new StructField("count", DataType.INTEGER)),
                back.schema());
    }

    @Test
    void aFrameWithoutColumnsRegistersNoNewView() {
        sql.toDF(List.of()).createOrReplaceTempView("nothing_yet");

        assertEquals(List.of(), sql.tableNames());
    }

    @Test
    void beansBecomeColumnsInPropertyNameOrderAsInSpark() {
        JavaRecord record = new JavaRecord();
        record.setWord("spark");
        record.setLength(5);

        DataFrame frame = sql.createDataFrame(List.of(record), JavaRecord.class);

        assertEquals(List.of("length", "word"), frame.columns());
        JavaRecord back = frame.as(JavaRecord.class).get(0);
        assertEquals("spark", back.getWord());
        assertEquals(5, back.getLength());
    }

    @Test
    void columnNamesRenameTheColumnsAClassGives() {
        DataFrame frame =
                sql.toDF(List.of(new TagCount("messi", 3)), "hashtag", "n").sort(desc("N"));

        assertEquals(List.of("hashtag", "n"), frame.columns());
        assertEquals(List.of(Tuple2.of("messi", 3)), frame.as(Tuple2.class));
    }

    @Test
    void sortAndLimitFollowSparkNullOrdering() {
        DataFrame frame =
                sql.toDF(
                        Arrays.asList(
                                Tuple2.of("b", 2),
                                Tuple2.of("a", (Integer) null),
                                Tuple2.of("c", 2),
                                Tuple2.of("d", 5)),
                        "tag",
                        "count");

        assertEquals(
                List.of("d", "b", "c", "a"),
                frame.sort(desc("count"), asc("tag")).as(Row.class).stream()
                        .map(r -> r.getString(0))
                        .toList());
        assertEquals(
                List.of("a", "b", "c", "d"),
                frame.sort(asc("count"), asc("tag")).as(Row.class).stream()
                        .map(r -> r.getString(0))
                        .toList());
        assertEquals(
                List.of("b", "c", "d", "a"),
                frame.sort(asc("count").nullsLast()).as(Row.class).stream()
                        .map(r -> r.getString(0))
                        .toList());
        assertEquals(2, frame.sort(desc("count")).limit(2).count());
    }

    @Test
    void stringsSortByCodePointLikeSpark() {
        DataFrame frame = sql.createDataFrame(List.of("\uFF21", "\uD83D\uDE00", "b"), String.class);

        assertEquals(
                List.of("b", "\uFF21", "\uD83D\uDE00"), frame.sort(asc("value")).as(String.class));
    }

    @Test
    void rowsGiveValuesByPositionAndName() {
        Row row = sql.sql("SELECT 'messi' AS tag, count(*) AS total FROM range(3)").first();

        assertEquals("messi", row.getString(0));
        assertEquals(3L, row.getLong(1));
        assertEquals(3, row.getInt(1));
        assertEquals(3.0, row.getDouble(1));
        assertEquals("messi", row.get("TAG"));
        assertEquals(1, row.fieldIndex("total"));
        assertEquals("[messi,3]", row.toString());
        assertEquals(
                "[tag: string, total: bigint]",
                sql.sql("SELECT 'a' AS tag, 1::BIGINT AS total").toString());
    }

    enum Team {
        BARCA,
        MIAMI
    }

    public record Converted(
            int count,
            long sum,
            double share,
            Team team,
            dev.ember.streaming.Time at,
            java.time.OffsetDateTime offset,
            java.time.LocalDateTime local,
            char initial) {}

    @Test
    void asConvertsValuesWhereNoInformationIsLost() {
        DataFrame frame =
                sql.sql(
                        "SELECT count(*) AS count, sum(x) AS sum, 0.25 AS share, 'MIAMI' AS team,"
                                + " TIMESTAMPTZ '2024-05-01 20:15:00+00' AS at,"
                                + " TIMESTAMPTZ '2024-05-01 20:15:00+00' AS offset,"
                                + " TIMESTAMPTZ '2024-05-01 20:15:00+00' AS local, 'L' AS initial"
                                + " FROM (VALUES (1), (2)) t(x)");

        assertEquals(
                List.of(
                        new Converted(
                                2,
                                3L,
                                0.25,
                                Team.MIAMI,
                                new dev.ember.streaming.Time(1_714_594_500_000L),
                                java.time.OffsetDateTime.parse("2024-05-01T20:15:00Z"),
                                java.time.LocalDateTime.parse("2024-05-01T20:15:00"),
                                'L')),
                frame.as(Converted.class));
    }

    @Test
    void asRefusesAValueThatDoesNotFit() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> sql.sql("SELECT 3000000000 AS count").as(Integer.class));

        assertEquals(
                "column 'count' holds the Long 3000000000 in row 0, which the result of type"
                        + " java.lang.Integer cannot take without losing information; change the"
                        + " type or cast the column in the query",
                e.getMessage());
    }

    @Test
    void firstOfAnEmptyResultSaysSo() {
        DataFrame empty = sql.sql("SELECT 1 AS x WHERE false");

        NoSuchElementException e = assertThrows(NoSuchElementException.class, empty::first);
        assertEquals(
                "first() of a frame with no rows (columns [x]); check isEmpty()", e.getMessage());
    }

    @Test
    void statementsWithoutRowsReturnAFrameWithoutColumns() {
        DataFrame created = sql.sql("CREATE TABLE mine AS SELECT 42 AS answer");

        assertEquals(List.of(), created.columns());
        assertEquals(List.of(42), sql.sql("SELECT answer FROM mine").as(Integer.class));
        assertEquals(List.of("mine"), sql.tableNames());
    }

    @Test
    void aViewCannotReplaceATableOfTheProgramAndTheTableIsLeftAlone() {
        sql.sql("CREATE TABLE words AS SELECT 'mine' AS word");

        SqlException e =
                assertThrows(
                        SqlException.class,
                        () -> sql.toDF(List.of("x"), "word").createOrReplaceTempView("words"));

        assertEquals(SqlException.Reason.FAILED, e.reason());
        assertTrue(
                e.getMessage().startsWith("view 'words' could not be replaced: Catalog Error:"),
                e.getMessage());
        assertEquals(List.of("mine"), sql.table("words").as(String.class));
        sql.toDF(List.of("y"), "word").createOrReplaceTempView("other");
        assertEquals(List.of("y"), sql.table("other").as(String.class));
    }

    @Test
    void dropTempViewSaysWhetherTheViewExisted() {
        sql.toDF(List.of(1)).createOrReplaceTempView("gone");

        assertTrue(sql.dropTempView("gone"));
        assertFalse(sql.dropTempView("gone"));
        assertEquals(List.of(), sql.tableNames());
    }

    @Test
    void anUnknownViewListsTheViewsThatExist() {
        sql.toDF(List.of(1)).createOrReplaceTempView("words");
        sql.toDF(List.of(1)).createOrReplaceTempView("tweetsmessi");

        SqlException e =
                assertThrows(SqlException.class, () -> sql.sql("SELECT * FROM tweetsmesi"));

        assertEquals(SqlException.Reason.UNKNOWN_VIEW, e.reason());
        assertEquals("SELECT * FROM tweetsmesi", e.query());
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "query \"SELECT * FROM tweetsmesi\" reads the view or table"
                                        + " 'tweetsmesi', which does not exist; the views and"
                                        + " tables are [tweetsmessi, words]: register the view"
                                        + " first (createOrReplaceTempView) or fix the name"
                                        + " [database: Catalog Error: Table with name tweetsmesi"
                                        + " does not exist!"),
                e.getMessage());
    }

    @Test
    void aSyntaxErrorShowsTheDatabaseMessageAndTheQuery() {
        SqlException e = assertThrows(SqlException.class, () -> sql.sql("SELEC tag FROM words"));

        assertEquals(SqlException.Reason.SYNTAX_ERROR, e.reason());
        assertEquals(
                "SQL syntax error in query \"SELEC tag FROM words\": Parser Error: syntax error at or"
                        + " near \"SELEC\"\n\nLINE 1: SELEC tag FROM words\n        ^^^^^; fix the query",
                e.getMessage());
    }

    @Test
    void viewNamesMustBePlainIdentifiers() {
        DataFrame frame = sql.toDF(List.of(1));
        for (String bad :
                List.of(
                        "",
                        "1abc",
                        "my-view",
                        "a b",
                        "x\"; DROP TABLE y; --",
                        "é",
                        "a".repeat(129))) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> frame.createOrReplaceTempView(bad),
                            bad);
            assertTrue(e.getMessage().startsWith("view name '"), e.getMessage());
            assertTrue(
                    e.getMessage()
                            .endsWith(
                                    "' is not valid: use letters, digits and underscores, not"
                                            + " starting with a digit, at most 128 characters (such"
                                            + " as tweets_top10)"),
                    e.getMessage());
        }
        assertEquals(List.of(), sql.tableNames());
        frame.createOrReplaceTempView("_Ok_2");
        assertEquals(List.of("_Ok_2"), sql.tableNames());
    }

    @Test
    void columnNamesAreQuotedSoAnyTextWorks() {
        sql.toDF(List.of(Tuple2.of(1, 2)), "my \"col\"", "select").createOrReplaceTempView("q");

        DataFrame back = sql.sql("SELECT \"my \"\"col\"\"\", \"select\" FROM q");

        assertEquals(List.of("my \"col\"", "select"), back.columns());
        assertEquals(List.of(1, 2), back.first().toList());
    }

    @Test
    void unsupportedElementsNameTheClassAndWhatIsSupported() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> sql.createDataFrame(List.of(new Object()), Object.class));

        assertEquals(
                "objects of java.lang.Object cannot be rows of a table: use a record (one column"
                        + " per component), a Tuple2 (columns _1 and _2), a JavaBean with getters"
                        + " and setters, or a value of a column type (boolean, byte, short, int,"
                        + " long, float, double (or their boxes), BigDecimal, BigInteger, String,"
                        + " char, enums, byte[], LocalDate, LocalTime, LocalDateTime, Instant,"
                        + " OffsetDateTime, ZonedDateTime, java.util.Date, Ember's Time and UUID)"
                        + " for one column named value",
                e.getMessage());
    }

    public record WithMap(String name, java.util.Map<String, Integer> counts) {}

    @Test
    void anUnsupportedComponentIsNamedWithItsType() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> sql.createDataFrame(List.of(), WithMap.class));

        assertEquals(
                "component 'counts' of record dev.ember.sql.SqlContextTest$WithMap has type"
                        + " java.util.Map<java.lang.String, java.lang.Integer>, which cannot be a"
                        + " column; use one of "
                        + "boolean, byte, short, int, long, float, double (or their boxes),"
                        + " BigDecimal, BigInteger, String, char, enums, byte[], LocalDate,"
                        + " LocalTime, LocalDateTime, Instant, OffsetDateTime, ZonedDateTime,"
                        + " java.util.Date, Ember's Time and UUID, a List<T> of Boolean, a boxed"
                        + " number or String, or map the objects to a record of such components"
                        + " first",
                e.getMessage());
    }

    @Test
    void valuesOfTwoTypesInOneColumnAreRefused() {
        List<Tuple2<String, Object>> mixed = new ArrayList<>();
        mixed.add(Tuple2.of("a", 1));
        mixed.add(Tuple2.of("b", 2L));

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> sql.toDF(mixed, "tag", "count"));

        assertEquals(
                "column 'count' of toDF mixes types: element 0 makes it INTEGER but element 1 holds"
                        + " a java.lang.Long (BIGINT); convert the values of a column to one type",
                e.getMessage());
    }

    @Test
    void theWrongNumberOfColumnNamesIsRefused() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> sql.toDF(List.of(Tuple2.of("a", 1)), "tag"));

        assertEquals(
                "toDF got 1 column names [tag] for Tuple2 elements with 2 columns [_1, _2]; give 2"
                        + " names, or none to keep [_1, _2]",
                e.getMessage());
    }

    @Test
    void asNamesTheMissingColumnAndTheNullThatAPrimitiveCannotHold() {
        DataFrame frame = sql.sql("SELECT 'a' AS tag, NULL::INTEGER AS count");

        IllegalArgumentException missing =
                assertThrows(IllegalArgumentException.class, () -> frame.as(Player.class));
        assertEquals(
                "component 'name' of record dev.ember.sql.SqlContextTest$Player has no column named"
                        + " 'name' to take its value from; the columns are [tag, count]: rename the"
                        + " column in the query (AS name) or the component",
                missing.getMessage());
        IllegalArgumentException nulls =
                assertThrows(IllegalArgumentException.class, () -> frame.as(TagCount.class));
        assertEquals(
                "column 'count' is NULL in row 0, which component 'count' of record TagCount of"
                        + " primitive type int cannot hold; use Integer instead",
                nulls.getMessage());
    }

    @Test
    void theProgramsOwnQueriesCannotReadOrWriteFilesByDefault() {
        SqlException e =
                assertThrows(
                        SqlException.class,
                        () -> sql.sql("COPY (SELECT 1) TO 'target/should-not-exist.csv'"));

        assertEquals(SqlException.Reason.NOT_ALLOWED, e.reason());
        assertFalse(
                java.nio.file.Files.exists(java.nio.file.Path.of("target/should-not-exist.csv")));
    }

    @Test
    void aClosedContextSaysSo() {
        sql.close();

        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> sql.sql("SELECT 1"));
        assertEquals(
                "the SQL context of 'SqlContextTest' is closed: create a new SqlContext to run"
                        + " queries",
                e.getMessage());
    }
}
