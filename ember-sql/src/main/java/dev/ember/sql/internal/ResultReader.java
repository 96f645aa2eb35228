package dev.ember.sql.internal;

import dev.ember.sql.DataType;
import dev.ember.sql.Row;
import dev.ember.sql.spi.Column;
import dev.ember.sql.spi.ReadOnlyResult;
import dev.ember.sql.spi.Table;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Struct;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBStruct;

/**
 * Reads a JDBC result into a {@link Table}, each value in the canonical class of its column's type
 * (see {@link ColumnType}): {@code TIMESTAMP WITH TIME ZONE} as {@code Instant}, {@code TIMESTAMP}
 * as {@code LocalDateTime} (never through {@code java.sql.Timestamp}, whose meaning depends on the
 * JVM's zone), {@code HUGEINT} as {@code BigDecimal}, lists as unmodifiable lists, structs as rows.
 */
final class ResultReader {
    private ResultReader() {}

    /**
     * The table of {@code rs}'s first {@code maxRows} rows, and whether there were more.
     *
     * @param maxRows the most rows to keep; {@link Integer#MAX_VALUE} for all
     */
    static ReadOnlyResult read(ResultSet rs, int maxRows) throws SQLException {
        return readBounded(rs, maxRows, false);
    }

    /**
     * The table of {@code rs}'s first {@code maxRows} rows, and whether there were more; when
     * {@code bounded}, {@code rs} is the result of a {@link BoundedQuery}, whose last column says
     * whether a row fits the byte limit, and reading stops at the first row that does not.
     */
    static ReadOnlyResult readBounded(ResultSet rs, int maxRows, boolean bounded)
            throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int width = bounded ? md.getColumnCount() - 1 : md.getColumnCount();
        List<Column> columns = new ArrayList<>(width);
        for (int i = 1; i <= width; i++) {
            columns.add(ColumnType.columnOf(md.getColumnLabel(i), typeOf(md.getColumnTypeName(i))));
        }
        List<Object[]> rows = new ArrayList<>();
        boolean truncated = false;
        while (rs.next()) {
            if (rows.size() == maxRows || (bounded && !rs.getBoolean(width + 1))) {
                truncated = true;
                break;
            }
            Object[] row = new Object[width];
            for (int i = 0; i < width; i++) {
                row[i] = value(rs, i + 1, columns.get(i).type());
            }
            rows.add(row);
        }
        return new ReadOnlyResult(new Table(columns, rows), truncated);
    }

    private static ColumnType typeOf(String sqlType) {
        return ColumnType.forSqlType(sqlType);
    }

    private static Object value(ResultSet rs, int i, DataType type) throws SQLException {
        Object v;
        switch (type) {
            case TIMESTAMP:
                OffsetDateTime o = rs.getObject(i, OffsetDateTime.class);
                return o == null ? null : o.toInstant();
            case TIMESTAMP_NTZ:
                return rs.getObject(i, LocalDateTime.class);
            case DATE:
                return rs.getObject(i, LocalDate.class);
            case TIME:
                return rs.getObject(i, LocalTime.class);
            case BINARY:
                return rs.getBytes(i);
            case STRING:
                v = rs.getObject(i);
                return v == null ? null : v.toString();
            case NULL:
                return null;
            default:
                v = rs.getObject(i);
                return v == null ? null : convert(v, type);
        }
    }

    private static Object convert(Object v, DataType type) throws SQLException {
        return switch (type) {
            case BYTE -> ((Number) v).byteValue();
            case SHORT -> ((Number) v).shortValue();
            case INTEGER -> ((Number) v).intValue();
            case LONG -> ((Number) v).longValue();
            case FLOAT -> ((Number) v).floatValue();
            case DOUBLE -> ((Number) v).doubleValue();
            case DECIMAL -> decimal(v);
            default -> nested(v);
        };
    }

    private static BigDecimal decimal(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        } else if (v instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        return new BigDecimal(v.toString());
    }

    /** A value inside a list, map or struct, or of a type Ember does not name. */
    private static Object nested(Object v) throws SQLException {
        if (v instanceof Array array) {
            Object elements = array.getArray();
            List<Object> list = new ArrayList<>();
            if (elements instanceof Object[] objects) {
                for (Object e : objects) {
                    list.add(e == null ? null : nested(e));
                }
            }
            return Collections.unmodifiableList(list);
        } else if (v instanceof DuckDBStruct struct) {
            Map<String, Object> fields = struct.getMap();
            List<Object> values = new ArrayList<>(fields.size());
            for (Object value : fields.values()) {
                values.add(value == null ? null : nested(value));
            }
            return Row.of(new ArrayList<>(fields.keySet()), values);
        } else if (v instanceof Struct struct) {
            Object[] attributes = struct.getAttributes();
            List<String> names = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < attributes.length; i++) {
                names.add("_" + (i + 1));
                values.add(attributes[i] == null ? null : nested(attributes[i]));
            }
            return Row.of(names, values);
        } else if (v instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                copy.put(
                        e.getKey() == null ? null : nested(e.getKey()),
                        e.getValue() == null ? null : nested(e.getValue()));
            }
            return Collections.unmodifiableMap(copy);
        } else if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        } else if (v instanceof OffsetDateTime o) {
            return o.toInstant();
        } else if (v instanceof java.sql.Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        } else if (v instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        return v;
    }
}
