package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Time;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every Java type that can be a column, in a frame made from objects and after a trip through a
 * view: the column types, the exact values, and nulls.
 */
class ColumnTypesTest {
    private final SqlContext sql =
            SqlContext.builder(
                            new StreamingContext(
                                    "local[2]", "ColumnTypesTest", Durations.seconds(1)))
                    .timeZone(ZoneId.of("UTC"))
                    .build();

    @AfterEach
    void close() {
        sql.close();
    }

    enum Color {
        RED,
        GREEN
    }

    public record AllTypes(
            boolean bool,
            byte tiny,
            short small,
            int integer,
            long big,
            float real,
            double dbl,
            BigDecimal dec,
            BigInteger huge,
            String text,
            char letter,
            Color color,
            byte[] bytes,
            LocalDate date,
            LocalTime time,
            LocalDateTime local,
            Instant instant,
            Time emberTime,
            OffsetDateTime offset,
            ZonedDateTime zoned,
            java.util.Date legacy,
            UUID uuid) {}

    public record Boxed(
            Boolean bool,
            Byte tiny,
            Short small,
            Integer integer,
            Long big,
            Float real,
            Double dbl,
            BigDecimal dec,
            String text,
            byte[] bytes,
            LocalDate date,
            LocalTime time,
            LocalDateTime local,
            Instant instant,
            UUID uuid) {}

    private static final List<StructField> ALL_TYPES_SCHEMA =
            List.of(
                    new StructField("bool", DataType.BOOLEAN),
                    new StructField("tiny", DataType.BYTE),
                    new StructField("small", DataType.SHORT),
                    new StructField("integer", DataType.INTEGER),
                    new StructField("big", DataType.LONG),
                    new StructField("real", DataType.FLOAT),
                    new StructField("dbl", DataType.DOUBLE),
                    new StructField("dec", DataType.DECIMAL),
                    new StructField("huge", DataType.DECIMAL),
                    new StructField("text", DataType.STRING),
                    new StructField("letter", DataType.STRING),
                    new StructField("color", DataType.STRING),
                    new StructField("bytes", DataType.BINARY),
                    new StructField("date", DataType.DATE),
                    new StructField("time", DataType.TIME),
                    new StructField("local", DataType.TIMESTAMP_NTZ),
                    new StructField("instant", DataType.TIMESTAMP),
                    new StructField("emberTime", DataType.TIMESTAMP),
                    new StructField("offset", DataType.TIMESTAMP),
                    new StructField("zoned", DataType.TIMESTAMP),
                    new StructField("legacy", DataType.TIMESTAMP),
                    new StructField("uuid", DataType.OTHER));

    private static final UUID ID = UUID.fromString("0b6bc1b6-7d3c-4b46-9a8b-5b0b1b9fb1a1");

    private static AllTypes sample() {
        return new AllTypes(
                true,
                (byte) -7,
                (short) 300,
                70_000,
                5_000_000_000L,
                1.5f,
                -2.25,
                new BigDecimal("12.345"),
                new BigInteger("123456789012345678901234567890"),
                "héllo",
                'x',
                Color.GREEN,
                new byte[] {0, 1, (byte) 0xFF},
                LocalDate.of(2024, 2, 29),
                LocalTime.of(13, 14, 15, 123_456_000),
                LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_456_789),
                Instant.parse("2024-02-29T12:00:00.5Z"),
                new Time(1_700_000_000_123L),
                OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2)),
                ZonedDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneId.of("Europe/Paris")),
                java.util.Date.from(Instant.parse("2020-01-01T00:00:00Z")),
                ID);
    }

    /** The values of {@link #sample()} as a frame holds them: one Java class per column type. */
    private static final List<Object> SAMPLE_VALUES =
            Arrays.asList(
                    true,
                    (byte) -7,
                    (short) 300,
                    70_000,
                    5_000_000_000L,
                    1.5f,
                    -2.25,
                    new BigDecimal("12.345000000000000000"),
                    new BigDecimal("123456789012345678901234567890"),
                    "héllo",
                    "x",
                    "GREEN",
                    new byte[] {0, 1, (byte) 0xFF},
                    LocalDate.of(2024, 2, 29),
                    LocalTime.of(13, 14, 15, 123_456_000),
                    LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_456_000),
                    Instant.parse("2024-02-29T12:00:00.5Z"),
                    Instant.ofEpochMilli(1_700_000_000_123L),
                    Instant.parse("2024-01-01T08:00:00Z"),
                    Instant.parse("2024-01-01T09:00:00Z"),
                    Instant.parse("2020-01-01T00:00:00Z"),
                    ID);

    @Test
    void recordComponentsBecomeTypedColumnsHoldingOneJavaClassPerType() {
        DataFrame frame = sql.createDataFrame(List.of(sample()), AllTypes.class);

        assertEquals(ALL_TYPES_SCHEMA, frame.schema());
        assertValues(SAMPLE_VALUES, frame.first().toList());
    }

    @Test
    void everyTypeSurvivesATripThroughAView() {
        sql.createDataFrame(List.of(sample()), AllTypes.class).createOrReplaceTempView("all_types");

        DataFrame back = sql.sql("SELECT * FROM all_types");

        assertEquals(ALL_TYPES_SCHEMA, back.schema());
        assertValues(SAMPLE_VALUES, back.first().toList());
    }

    @Test
    void theDatabaseSeesTheColumnTypesSparkWouldUse() {
        sql.createDataFrame(List.of(sample()), AllTypes.class).createOrReplaceTempView("all_types");

        List<String> types =
                sql.sql("SELECT column_type FROM (DESCRIBE all_types)").as(String.class);

        assertEquals(
                List.of(
                        "BOOLEAN",
                        "TINYINT",
                        "SMALLINT",
                        "INTEGER",
                        "BIGINT",
                        "FLOAT",
                        "DOUBLE",
                        "DECIMAL(38,18)",
                        "DECIMAL(38,0)",
                        "VARCHAR",
                        "VARCHAR",
                        "VARCHAR",
                        "BLOB",
                        "DATE",
                        "TIME",
                        "TIMESTAMP",
                        "TIMESTAMP WITH TIME ZONE",
                        "TIMESTAMP WITH TIME ZONE",
                        "TIMESTAMP WITH TIME ZONE",
                        "TIMESTAMP WITH TIME ZONE",
                        "TIMESTAMP WITH TIME ZONE",
                        "UUID"),
                types);
    }

    @Test
    void nullsOfEveryBoxedTypeStayNullAndKeepTheirColumnTypes() {
        Boxed empty =
                new Boxed(
                        null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null);
        sql.createDataFrame(List.of(empty), Boxed.class).createOrReplaceTempView("boxed");

        DataFrame back = sql.sql("SELECT * FROM boxed");

        assertEquals(
                List.of(
                        DataType.BOOLEAN,
                        DataType.BYTE,
                        DataType.SHORT,
                        DataType.INTEGER,
                        DataType.LONG,
                        DataType.FLOAT,
                        DataType.DOUBLE,
                        DataType.DECIMAL,
                        DataType.STRING,
                        DataType.BINARY,
                        DataType.DATE,
                        DataType.TIME,
                        DataType.TIMESTAMP_NTZ,
                        DataType.TIMESTAMP,
                        DataType.OTHER),
                back.schema().stream().map(StructField::dataType).toList());
        Row row = back.first();
        for (int i = 0; i < row.size(); i++) {
            assertTrue(row.isNullAt(i), "column " + back.columns().get(i));
        }
    }

    @Test
    void tuplesAreUnderscoreColumnsTypedByTheirValues() {
        DataFrame frame = sql.toDF(List.of(dev.ember.streaming.Tuple2.of("#messi", 3)));

        assertEquals(
                List.of(
                        new StructField("_1", DataType.STRING),
                        new StructField("_2", DataType.INTEGER)),
                frame.schema());
        assertEquals(List.of("#messi", 3), frame.first().toList());
    }

    @Test
    void aColumnWithOnlyNullsHasTheNullTypeAndQueriesAsNull() {
        DataFrame frame =
                sql.toDF(
                        List.of(
                                dev.ember.streaming.Tuple2.of("a", (Integer) null),
                                dev.ember.streaming.Tuple2.of("b", (Integer) null)),
                        "tag",
                        "count");
        frame.createOrReplaceTempView("half_known");

        assertEquals(DataType.NULL, frame.schema().get(1).dataType());
        DataFrame back = sql.sql("SELECT tag, count, count IS NULL AS missing FROM half_known");
        assertEquals(List.of("a", "b"), back.as(Row.class).stream().map(r -> r.get(0)).toList());
        assertNull(back.first().get(1));
        assertEquals(true, back.first().get(2));
    }

    public record Post(String author, List<String> tags, List<Integer> scores) {}

    @Test
    void declaredListsOfSimpleValuesAreArrayColumns() {
        DataFrame frame =
                sql.createDataFrame(
                        Arrays.asList(
                                new Post("ana", List.of("#messi", "#goal"), Arrays.asList(1, null)),
                                new Post("bo", List.of(), null)),
                        Post.class);
        frame.createOrReplaceTempView("posts");

        DataFrame back = sql.sql("SELECT * FROM posts");
        assertEquals(
                List.of(
                        new StructField("author", DataType.STRING),
                        new StructField("tags", DataType.ARRAY),
                        new StructField("scores", DataType.ARRAY)),
                back.schema());
        assertEquals(
                List.of(
                        Arrays.asList("ana", List.of("#messi", "#goal"), Arrays.asList(1, null)),
                        Arrays.asList("bo", List.of(), null)),
                back.rows().stream().map(Row::toList).toList());
        assertEquals(frame.showString(20, 20), back.showString(20, 20));
        assertEquals(
                List.of("#goal", "#messi"),
                sql.sql("SELECT unnest(tags) AS tag FROM posts ORDER BY tag").as(String.class));
        assertEquals(
                List.of(new Post("ana", List.of("#messi", "#goal"), Arrays.asList(1, null))),
                back.limit(1).as(Post.class));
    }

    @Test
    void aListWithoutADeclaredElementTypeSaysWhatToDeclare() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> sql.toDF(List.of(dev.ember.streaming.Tuple2.of("a", List.of(1)))));

        assertEquals(
                "column '_2' of toDF got a list in element 0, but a list column needs its element"
                        + " type declared: a record component or bean property of type List<T> of"
                        + " Boolean, a boxed number or String",
                e.getMessage());
    }

    @Test
    void singleValuesAreOneColumnNamedValue() {
        DataFrame frame = sql.createDataFrame(List.of("a", "b"), String.class);

        assertEquals(List.of(new StructField("value", DataType.STRING)), frame.schema());
        assertEquals(List.of("a", "b"), frame.as(String.class));
    }

    @Test
    void queryResultTypesMapOntoSparkTypes() {
        DataFrame frame =
                sql.sql(
                        "SELECT 1::UTINYINT AS a, 1::USMALLINT AS b, 1::UINTEGER AS c,"
                                + " 1::UBIGINT AS d, 1::HUGEINT AS e, 'x'::ENUM('x', 'y') AS f,"
                                + " [1, NULL] AS g, MAP {'k': 1} AS h, {'x': 1, 'y': 'z'} AS i,"
                                + " INTERVAL 1 HOUR AS j, NULL AS k, sum(1::INTEGER) AS l");

        assertEquals(
                List.of(
                        DataType.SHORT,
                        DataType.INTEGER,
                        DataType.LONG,
                        DataType.DECIMAL,
                        DataType.DECIMAL,
                        DataType.STRING,
                        DataType.ARRAY,
                        DataType.MAP,
                        DataType.STRUCT,
                        DataType.OTHER,
                        DataType.NULL,
                        DataType.DECIMAL),
                frame.schema().stream().map(StructField::dataType).toList());
        Row row = frame.first();
        assertEquals((short) 1, row.get("a"));
        assertEquals(1, row.get("b"));
        assertEquals(1L, row.get("c"));
        assertEquals(BigDecimal.ONE, row.get("d"));
        assertEquals(BigDecimal.ONE, row.get("e"));
        assertEquals("x", row.get("f"));
        assertEquals(Arrays.asList(1, null), row.get("g"));
        assertEquals(Map.of("k", 1), row.get("h"));
        assertEquals(Row.of(List.of("x", "y"), List.of(1, "z")), row.get("i"));
        assertNull(row.get("k"));
        assertEquals(1L, row.getLong(11));
    }

    private static void assertValues(List<Object> expected, List<Object> actual) {
        assertEquals(expected.size(), actual.size());
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            Object e = expected.get(i);
            Object a = actual.get(i);
            if (e instanceof byte[] eb) {
                assertArrayEquals(eb, (byte[]) a, "column " + i);
            } else if (!e.equals(a)) {
                mismatches.add(
                        i
                                + ": expected "
                                + e
                                + " ("
                                + e.getClass().getSimpleName()
                                + ") got "
                                + a
                                + " ("
                                + (a == null ? "null" : a.getClass().getSimpleName())
                                + ")");
            }
        }
        assertEquals(List.of(), mismatches);
    }
}
