package dev.ember.sql.internal;

import dev.ember.sql.DataType;
import dev.ember.sql.spi.Column;
import dev.ember.sql.spi.Table;
import dev.ember.streaming.Time;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * A column's type as the public {@link DataType} and the DuckDB type that stores it, with the
 * catalogue of Java classes that can be column values.
 *
 * <p>Every value in a {@link Table} is held in the canonical class of its column's type: {@code
 * Instant} for {@link DataType#TIMESTAMP} whether it came from an {@code Instant}, Ember's {@code
 * Time} or a {@code java.util.Date}; {@code BigDecimal} for {@link DataType#DECIMAL}; {@code
 * String} for enums and chars. {@link #normalize} does that conversion once, when a table is made,
 * so the rest of the module sees one class per type.
 *
 * @param type the public type
 * @param sqlType the DuckDB type name, {@code "NULL"} for {@link DataType#NULL}
 */
public record ColumnType(DataType type, String sqlType) {
    public static final ColumnType BOOLEAN = new ColumnType(DataType.BOOLEAN, "BOOLEAN");
    public static final ColumnType TINYINT = new ColumnType(DataType.BYTE, "TINYINT");
    public static final ColumnType SMALLINT = new ColumnType(DataType.SHORT, "SMALLINT");
    public static final ColumnType INTEGER = new ColumnType(DataType.INTEGER, "INTEGER");
    public static final ColumnType BIGINT = new ColumnType(DataType.LONG, "BIGINT");
    public static final ColumnType FLOAT = new ColumnType(DataType.FLOAT, "FLOAT");
    public static final ColumnType DOUBLE = new ColumnType(DataType.DOUBLE, "DOUBLE");
    public static final ColumnType DECIMAL = new ColumnType(DataType.DECIMAL, "DECIMAL(38,18)");
    public static final ColumnType BIG_INTEGER = new ColumnType(DataType.DECIMAL, "DECIMAL(38,0)");
    public static final ColumnType VARCHAR = new ColumnType(DataType.STRING, "VARCHAR");
    public static final ColumnType BLOB = new ColumnType(DataType.BINARY, "BLOB");
    public static final ColumnType DATE = new ColumnType(DataType.DATE, "DATE");
    public static final ColumnType TIME = new ColumnType(DataType.TIME, "TIME");
    public static final ColumnType TIMESTAMPTZ =
            new ColumnType(DataType.TIMESTAMP, "TIMESTAMP WITH TIME ZONE");
    public static final ColumnType TIMESTAMP = new ColumnType(DataType.TIMESTAMP_NTZ, "TIMESTAMP");
    public static final ColumnType UUID_TYPE = new ColumnType(DataType.OTHER, "UUID");
    public static final ColumnType NULL = new ColumnType(DataType.NULL, "NULL");

    /** The Java classes that can be column values, for messages. */
    public static final String SUPPORTED =
            "boolean, byte, short, int, long, float, double (or their boxes), BigDecimal,"
                    + " BigInteger, String, char, enums, byte[], LocalDate, LocalTime,"
                    + " LocalDateTime, Instant, OffsetDateTime, ZonedDateTime, java.util.Date,"
                    + " Ember's Time and UUID";

    /** The lists that can be column values, for messages. */
    public static final String SUPPORTED_LISTS = "List<T> of Boolean, a boxed number or String";

    /** Checks that no part is null. */
    public ColumnType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sqlType, "sqlType");
    }

    /** A column named {@code name} of type {@code type}. */
    public static Column columnOf(String name, ColumnType type) {
        return new Column(name, type.type(), type.sqlType());
    }

    /** The type of {@code column}. */
    public static ColumnType of(Column column) {
        return new ColumnType(column.type(), column.typeName());
    }

    /** True for {@link DataType#NULL}: no value has told the type yet. */
    public boolean isNull() {
        return type == DataType.NULL;
    }

    /**
     * The column type for values of {@code javaClass}, or null when such values cannot be a column.
     */
    public static ColumnType forJavaClass(Class<?> javaClass) {
        if (javaClass == boolean.class || javaClass == Boolean.class) {
            return BOOLEAN;
        } else if (javaClass == byte.class || javaClass == Byte.class) {
            return TINYINT;
        } else if (javaClass == short.class || javaClass == Short.class) {
            return SMALLINT;
        } else if (javaClass == int.class || javaClass == Integer.class) {
            return INTEGER;
        } else if (javaClass == long.class || javaClass == Long.class) {
            return BIGINT;
        } else if (javaClass == float.class || javaClass == Float.class) {
            return FLOAT;
        } else if (javaClass == double.class || javaClass == Double.class) {
            return DOUBLE;
        } else if (javaClass == BigDecimal.class) {
            return DECIMAL;
        } else if (javaClass == BigInteger.class) {
            return BIG_INTEGER;
        } else if (javaClass == String.class
                || javaClass == char.class
                || javaClass == Character.class
                || Enum.class.isAssignableFrom(javaClass)) {
            return VARCHAR;
        } else if (javaClass == byte[].class) {
            return BLOB;
        } else if (javaClass == LocalDate.class || javaClass == java.sql.Date.class) {
            return DATE;
        } else if (javaClass == LocalTime.class || javaClass == java.sql.Time.class) {
            return TIME;
        } else if (javaClass == LocalDateTime.class) {
            return TIMESTAMP;
        } else if (javaClass == Instant.class
                || javaClass == Time.class
                || javaClass == OffsetDateTime.class
                || javaClass == ZonedDateTime.class
                || java.util.Date.class.isAssignableFrom(javaClass)) {
            return TIMESTAMPTZ;
        } else if (javaClass == UUID.class) {
            return UUID_TYPE;
        }
        return null;
    }

    /**
     * {@code value} in the canonical class of its column type: see the class comment. Times are cut
     * to microseconds, the precision the database (and Spark) keeps. Values of classes {@link
     * #forJavaClass} rejects are returned as they are.
     */
    public static Object normalize(Object value) {
        if (value == null
                || value instanceof String
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Double
                || value instanceof Boolean
                || value instanceof LocalDate
                || value instanceof BigDecimal) {
            return value;
        } else if (value instanceof Instant i) {
            return i.truncatedTo(ChronoUnit.MICROS);
        } else if (value instanceof LocalDateTime t) {
            return t.truncatedTo(ChronoUnit.MICROS);
        } else if (value instanceof LocalTime t) {
            return t.truncatedTo(ChronoUnit.MICROS);
        } else if (value instanceof Time t) {
            return Instant.ofEpochMilli(t.milliseconds());
        } else if (value instanceof Character || value instanceof Enum<?>) {
            return value instanceof Enum<?> e ? e.name() : value.toString();
        } else if (value instanceof BigInteger b) {
            return new BigDecimal(b);
        } else if (value instanceof byte[] bytes) {
            return bytes.clone();
        } else if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        } else if (value instanceof java.sql.Time t) {
            return t.toLocalTime();
        } else if (value instanceof java.util.Date d) {
            return d.toInstant().truncatedTo(ChronoUnit.MICROS);
        } else if (value instanceof OffsetDateTime o) {
            return o.toInstant().truncatedTo(ChronoUnit.MICROS);
        } else if (value instanceof ZonedDateTime z) {
            return z.toInstant().truncatedTo(ChronoUnit.MICROS);
        }
        return value;
    }

    /**
     * The {@link DataType#ARRAY} type of lists whose elements are of {@code elementClass}, or null
     * when such lists cannot be a column: elements must be {@code Boolean}, a boxed integer or
     * floating-point number, or {@code String}.
     */
    public static ColumnType forListOf(Class<?> elementClass) {
        if (elementClass == Boolean.class
                || elementClass == Byte.class
                || elementClass == Short.class
                || elementClass == Integer.class
                || elementClass == Long.class
                || elementClass == Float.class
                || elementClass == Double.class
                || elementClass == String.class) {
            return new ColumnType(DataType.ARRAY, forJavaClass(elementClass).sqlType() + "[]");
        }
        return null;
    }

    /** The column type of a DuckDB type name as JDBC reports it, such as {@code DECIMAL(10,2)}. */
    public static ColumnType forSqlType(String sqlType) {
        return new ColumnType(dataTypeOf(sqlType), sqlType);
    }

    private static DataType dataTypeOf(String sqlType) {
        String t = sqlType.trim().toUpperCase(Locale.ROOT);
        if (t.endsWith("]")) {
            return DataType.ARRAY;
        } else if (t.startsWith("STRUCT")) {
            return DataType.STRUCT;
        } else if (t.startsWith("MAP")) {
            return DataType.MAP;
        } else if (t.startsWith("DECIMAL") || t.startsWith("NUMERIC")) {
            return DataType.DECIMAL;
        } else if (t.startsWith("ENUM") || t.startsWith("VARCHAR")) {
            return DataType.STRING;
        }
        return switch (t) {
            case "BOOLEAN" -> DataType.BOOLEAN;
            case "TINYINT" -> DataType.BYTE;
            case "SMALLINT", "UTINYINT" -> DataType.SHORT;
            case "INTEGER", "USMALLINT" -> DataType.INTEGER;
            case "BIGINT", "UINTEGER" -> DataType.LONG;
            case "HUGEINT", "UHUGEINT", "UBIGINT", "VARINT", "BIGNUM" -> DataType.DECIMAL;
            case "FLOAT" -> DataType.FLOAT;
            case "DOUBLE" -> DataType.DOUBLE;
            case "JSON" -> DataType.STRING;
            case "BLOB" -> DataType.BINARY;
            case "DATE" -> DataType.DATE;
            case "TIME" -> DataType.TIME;
            case "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS" ->
                    DataType.TIMESTAMP_NTZ;
            case "TIMESTAMP WITH TIME ZONE" -> DataType.TIMESTAMP;
            case "NULL", "\"NULL\"" -> DataType.NULL;
            default -> DataType.OTHER;
        };
    }
}
