package dev.ember.sql;

import java.util.Locale;

/**
 * The type of a column, named as Spark SQL names its types, with the Java class that holds the
 * values of such a column in a {@link Row}.
 *
 * <p>Tables made from Java objects get their column types from the objects' classes (see {@link
 * SqlContext#createDataFrame(java.util.List, Class)}); query results get them from the database,
 * whose types map onto these: {@code HUGEINT} and {@code UBIGINT} are {@link #DECIMAL}, unsigned
 * integers take the next wider type, {@code ENUM} and {@code JSON} are {@link #STRING}.
 */
public enum DataType {
    /** {@link Boolean}. */
    BOOLEAN,
    /** {@link Byte}: a signed 8-bit integer. */
    BYTE,
    /** {@link Short}: a signed 16-bit integer. */
    SHORT,
    /** {@link Integer}: a signed 32-bit integer. */
    INTEGER,
    /** {@link Long}: a signed 64-bit integer. */
    LONG,
    /** {@link Float}. */
    FLOAT,
    /** {@link Double}. */
    DOUBLE,
    /**
     * {@link java.math.BigDecimal}: Java's {@code BigDecimal} becomes {@code DECIMAL(38,18)} and
     * {@code BigInteger} {@code DECIMAL(38,0)}, as in Spark.
     */
    DECIMAL,
    /** {@link String}; Java {@code char} and enum constants (by name) become strings too. */
    STRING,
    /** {@code byte[]}. */
    BINARY,
    /** {@link java.time.LocalDate}. */
    DATE,
    /** {@link java.time.LocalTime}. */
    TIME,
    /**
     * {@link java.time.Instant}: a point in time, shown in the context's time zone. Made from
     * {@code Instant}, Ember's {@code Time}, {@code java.util.Date}, {@code OffsetDateTime} and
     * {@code ZonedDateTime}.
     */
    TIMESTAMP,
    /** {@link java.time.LocalDateTime}: a date and time of day without a time zone. */
    TIMESTAMP_NTZ,
    /** {@link java.util.List} of the element values. */
    ARRAY,
    /** {@link java.util.Map} of keys to values, in the database's order. */
    MAP,
    /** {@link Row}: a value made of named fields. */
    STRUCT,
    /**
     * No value but null: a column whose values were all null, or absent, when its table was made
     * from objects whose class does not declare the column's type (a {@code Tuple2}, an empty
     * batch).
     */
    NULL,
    /**
     * Any other database type, such as {@code UUID} ({@link java.util.UUID}) or {@code INTERVAL}.
     */
    OTHER;

    /**
     * Spark's short name of the type, as {@code DataFrame.toString()} shows it: {@code int}, {@code
     * bigint}, {@code string}, {@code void} for {@link #NULL}.
     */
    public String simpleString() {
        return switch (this) {
            case BYTE -> "tinyint";
            case SHORT -> "smallint";
            case INTEGER -> "int";
            case LONG -> "bigint";
            case NULL -> "void";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }
}
