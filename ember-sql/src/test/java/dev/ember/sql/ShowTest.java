package dev.ember.sql;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code show()} matches Spark's {@code Dataset.show()} character for character. Every expected
 * string below was printed by Spark 4.2.0 itself ({@code spark-sql_2.13}, {@code local[1]}, {@code
 * spark.sql.session.timeZone=UTC}) for the same rows, built as a {@code StructType} with {@code
 * RowFactory}: its {@code showString} in {@code sql/core/.../classic/Dataset.scala}, with cells
 * rendered by {@code ToPrettyString}. So: {@code NULL} for null (Spark 3.5+; earlier versions
 * printed {@code null}), {@code true}/{@code false}, timestamps as {@code yyyy-MM-dd HH:mm:ss} with
 * the fraction only when there is one, cells over 20 characters cut to 17 and {@code ...},
 * right-aligned cells (left-aligned without truncation), columns at least 3 wide, full-width
 * characters counted twice, control characters escaped, and {@code only showing top n rows} when
 * rows were left out.
 */
class ShowTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final StreamingContext ssc =
            new StreamingContext("local[2]", "ShowTest", Durations.seconds(1));
    private final SqlContext sql;

    ShowTest() {
        ssc.setPrintStream(new PrintStream(printed, true, UTF_8));
        sql = SqlContext.builder(ssc).timeZone(ZoneId.of("UTC")).build();
    }

    @AfterEach
    void close() {
        sql.close();
    }

    public record Player(
            String name, Integer goals, Boolean active, Instant lastGoal, Double rating) {}

    private DataFrame players() {
        return sql.createDataFrame(
                Arrays.asList(
                        new Player(
                                "Lionel Messi",
                                3,
                                true,
                                Instant.parse("2024-05-01T20:15:00Z"),
                                9.5),
                        new Player(
                                "Cristiano Ronaldo dos Santos Aveiro",
                                1,
                                false,
                                Instant.parse("2024-05-01T20:15:00.25Z"),
                                null),
                        new Player(null, null, null, null, 7.0)),
                Player.class);
    }

    private String printedBy(Runnable show) {
        printed.reset();
        show.run();
        return printed.toString(UTF_8);
    }

    @Test
    void showPrintsSparksTableWithNullsBooleansAndTimestamps() {
        assertEquals(
                "+--------------------+-----+------+--------------------+------+\n"
                        + "|                name|goals|active|            lastGoal|rating|\n"
                        + "+--------------------+-----+------+--------------------+------+\n"
                        + "|        Lionel Messi|    3|  true| 2024-05-01 20:15:00|   9.5|\n"
                        + "|Cristiano Ronaldo...|    1| false|2024-05-01 20:15:...|  NULL|\n"
                        + "|                NULL| NULL|  NULL|                NULL|   7.0|\n"
                        + "+--------------------+-----+------+--------------------+------+\n"
                        + "\n",
                printedBy(() -> players().show()));
    }

    @Test
    void showOfFewerRowsSaysHowManyItShowed() {
        assertEquals(
                "+--------------------+-----+------+--------------------+------+\n"
                        + "|                name|goals|active|            lastGoal|rating|\n"
                        + "+--------------------+-----+------+--------------------+------+\n"
                        + "|        Lionel Messi|    3|  true| 2024-05-01 20:15:00|   9.5|\n"
                        + "|Cristiano Ronaldo...|    1| false|2024-05-01 20:15:...|  NULL|\n"
                        + "+--------------------+-----+------+--------------------+------+\n"
                        + "only showing top 2 rows\n",
                printedBy(() -> players().show(2)));
        assertEquals(
                "+------------+-----+------+-------------------+------+\n"
                        + "|        name|goals|active|           lastGoal|rating|\n"
                        + "+------------+-----+------+-------------------+------+\n"
                        + "|Lionel Messi|    3|  true|2024-05-01 20:15:00|   9.5|\n"
                        + "+------------+-----+------+-------------------+------+\n"
                        + "only showing top 1 row\n",
                printedBy(() -> players().show(1)));
        assertEquals(
                "+----+-----+------+--------+------+\n"
                        + "|name|goals|active|lastGoal|rating|\n"
                        + "+----+-----+------+--------+------+\n"
                        + "+----+-----+------+--------+------+\n"
                        + "only showing top 0 rows\n",
                printedBy(() -> players().show(0)));
    }

    @Test
    void showWithoutTruncationLeftAlignsWholeCells() {
        assertEquals(
                "+-----------------------------------+-----+------+----------------------+------+\n"
                        + "|name                               |goals|active|lastGoal              |rating|\n"
                        + "+-----------------------------------+-----+------+----------------------+------+\n"
                        + "|Lionel Messi                       |3    |true  |2024-05-01 20:15:00   |9.5   |\n"
                        + "|Cristiano Ronaldo dos Santos Aveiro|1    |false |2024-05-01 20:15:00.25|NULL  |\n"
                        + "|NULL                               |NULL |NULL  |NULL                  |7.0   |\n"
                        + "+-----------------------------------+-----+------+----------------------+------+\n"
                        + "\n",
                printedBy(() -> players().show(false)));
    }

    @Test
    void showWithANarrowTruncationCutsCellsButNotHeaders() {
        assertEquals(
                "+-----+-----+------+--------+------+\n"
                        + "| name|goals|active|lastGoal|rating|\n"
                        + "+-----+-----+------+--------+------+\n"
                        + "|Li...|    3|  true|   20...|   9.5|\n"
                        + "|Cr...|    1| false|   20...|  NULL|\n"
                        + "| NULL| NULL|  NULL|    NULL|   7.0|\n"
                        + "+-----+-----+------+--------+------+\n"
                        + "\n",
                printedBy(() -> players().show(3, 5)));
        assertEquals(
                "+----+-----+------+--------+------+\n"
                        + "|name|goals|active|lastGoal|rating|\n"
                        + "+----+-----+------+--------+------+\n"
                        + "|  Li|    3|    tr|      20|    9.|\n"
                        + "|  Cr|    1|    fa|      20|    NU|\n"
                        + "|  NU|   NU|    NU|      NU|    7.|\n"
                        + "+----+-----+------+--------+------+\n"
                        + "\n",
                printedBy(() -> players().show(3, 2)));
    }

    private DataFrame otherTypes() {
        return sql.sql(
                "SELECT * FROM (VALUES"
                        + " ('tab' || chr(9) || 'here' || chr(10) || 'new line',"
                        + " '\\x00\\x01\\xFF'::BLOB, DATE '2024-02-29', 12.345::DECIMAL(38,18),"
                        + " 5000000000::BIGINT, [1, NULL, 3], MAP {'k': 1},"
                        + " {'x': 1, 'y': NULL::VARCHAR}, 1.5::FLOAT, 1.0E10::DOUBLE),"
                        + " ('\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8', ''::BLOB, NULL,"
                        + " NULL, -1, [], MAP {}, {'x': NULL, 'y': 'z'}, 0.1::FLOAT, 1.0E-5))"
                        + " t(text, bin, day, dec, big, arr, m, st, f, d)");
    }

    @Test
    void showRendersBinaryDatesDecimalsArraysMapsStructsAndWideCharactersAsSpark() {
        assertEquals(
                "+-------------------+----------+----------+--------------------+----------+------------+--------+---------+---+------+\n"
                        + "|               text|       bin|       day|                 dec|       big|         arr|       m|       st|  f|     d|\n"
                        + "+-------------------+----------+----------+--------------------+----------+------------+--------+---------+---+------+\n"
                        + "|tab\\there\\nnew line|[00 01 FF]|2024-02-29|12.34500000000000...|5000000000|[1, NULL, 3]|{k -> 1}|{1, NULL}|1.5|1.0E10|\n"
                        + "|   \u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8|        []|      NULL|                NULL|        -1|          []|      {}|{NULL, z}|0.1|1.0E-5|\n"
                        + "+-------------------+----------+----------+--------------------+----------+------------+--------+---------+---+------+\n"
                        + "\n",
                printedBy(() -> otherTypes().show()));
        assertEquals(
                "+-------------------+----------+----------+---------------------+----------+------------+--------+---------+---+------+\n"
                        + "|text               |bin       |day       |dec                  |big       |arr         |m       |st       |f  |d     |\n"
                        + "+-------------------+----------+----------+---------------------+----------+------------+--------+---------+---+------+\n"
                        + "|tab\\there\\nnew line|[00 01 FF]|2024-02-29|12.345000000000000000|5000000000|[1, NULL, 3]|{k -> 1}|{1, NULL}|1.5|1.0E10|\n"
                        + "|\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8   |[]        |NULL      |NULL                 |-1        |[]          |{}      |{NULL, z}|0.1|1.0E-5|\n"
                        + "+-------------------+----------+----------+---------------------+----------+------------+--------+---------+---+------+\n"
                        + "\n",
                printedBy(() -> otherTypes().show(false)));
    }

    @Test
    void aFrameWithoutColumnsShowsSparksEmptyTable() {
        assertEquals(
                "++\n||\n++\n++\n\n", printedBy(() -> sql.sql("CREATE TABLE t (x INT)").show()));
    }

    @Test
    void toStringAndRowStringAreSparks() {
        assertEquals("[text: string, bin: binary ... 8 more fields]", otherTypes().toString());
        assertEquals(
                "[name: string, goals: int ... 1 more field]",
                sql.sql("SELECT 'a' AS name, 1 AS goals, true AS active").toString());
        assertEquals("[null,null,null,null,7.0]", players().rows().get(2).toString());
    }

    @Test
    void showStringIsWhatShowPrintsWithoutTheLastLineBreak() {
        DataFrame frame = players();

        assertEquals(printedBy(() -> frame.show(2, 20)), frame.showString(2, 20) + "\n");
        assertEquals(List.of("name", "goals", "active", "lastGoal", "rating"), frame.columns());
    }

    @Test
    void aFixedOffsetZoneWorksInTheDatabaseToo() {
        try (SqlContext plusTwo =
                SqlContext.builder(ssc).timeZone(java.time.ZoneOffset.ofHours(2)).build()) {
            assertEquals(
                    List.of("22:15"),
                    plusTwo.sql("SELECT strftime(TIMESTAMPTZ '2024-05-01 20:15:00+00', '%H:%M')")
                            .as(String.class));
        }
    }

    @Test
    void anUnknownZoneIsRefusedWithTheZoneNamed() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                SqlContext.builder(ssc)
                                        .timeZone(java.time.ZoneOffset.ofHoursMinutes(5, 45))
                                        .build());
        assertTrue(
                e.getMessage().startsWith("time zone '+05:45' is not known to the database"),
                e.getMessage());
    }

    @Test
    void timestampsShowInTheSessionTimeZone() {
        try (SqlContext paris =
                SqlContext.builder(ssc).timeZone(ZoneId.of("Europe/Paris")).build()) {
            DataFrame frame =
                    paris.sql(
                            "SELECT TIMESTAMPTZ '2024-05-01 20:15:00+00' AS t,"
                                    + " strftime(TIMESTAMPTZ '2024-05-01 20:15:00+00', '%H:%M') AS"
                                    + " in_sql");

            assertEquals(
                    "+-------------------+------+\n"
                            + "|                  t|in_sql|\n"
                            + "+-------------------+------+\n"
                            + "|2024-05-01 22:15:00| 22:15|\n"
                            + "+-------------------+------+\n",
                    frame.showString(20, 20));
        }
    }
}
