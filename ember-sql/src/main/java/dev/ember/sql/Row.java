package dev.ember.sql;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One row of a {@link DataFrame}, as Spark's {@code Row}: values by position or column name, each
 * held in the Java class its column's {@link DataType} names (so {@code getLong} of a {@code
 * count(*)} column works, and a {@code TIMESTAMP} is an {@link java.time.Instant}).
 *
 * <p>Immutable and thread-safe. Two rows are equal when their field names and values are ({@code
 * byte[]} values compared by content).
 */
public final class Row {
    private final List<String> fieldNames;
    private final Object[] values;

    private Row(List<String> fieldNames, Object[] values) {
        this.fieldNames = fieldNames;
        this.values = values;
    }

    /**
     * A row of {@code values} named by {@code fieldNames}, in order.
     *
     * @throws IllegalArgumentException when the two lists differ in size
     */
    public static Row of(List<String> fieldNames, List<?> values) {
        List<String> names = List.copyOf(fieldNames);
        if (names.size() != values.size()) {
            throw new IllegalArgumentException(
                    "a row needs one value per field name, got "
                            + names.size()
                            + " names "
                            + names
                            + " and "
                            + values.size()
                            + " values");
        }
        return new Row(names, values.toArray());
    }

    /** For the module's own tables, which never change their arrays: no copies. */
    static Row wrap(List<String> fieldNames, Object[] values) {
        return new Row(fieldNames, values);
    }

    /** The number of values. */
    public int size() {
        return values.length;
    }

    /** The number of values; Spark's other name for {@link #size()}. */
    public int length() {
        return values.length;
    }

    /** The names of the fields, in order: the columns of the row's frame. */
    public List<String> fieldNames() {
        return fieldNames;
    }

    /**
     * The position of the field named {@code name}, matched as SQL matches names (exactly, else
     * ignoring case).
     *
     * @throws IllegalArgumentException when there is no such field, listing those there are
     */
    public int fieldIndex(String name) {
        Objects.requireNonNull(name, "name");
        int index = fieldNames.indexOf(name);
        if (index >= 0) {
            return index;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < fieldNames.size(); i++) {
            if (fieldNames.get(i).toLowerCase(Locale.ROOT).equals(lower)) {
                return i;
            }
        }
        throw new IllegalArgumentException(
                "row has no field '" + name + "'; its fields are " + fieldNames);
    }

    /** The value at {@code index}, or null. */
    public Object get(int index) {
        return values[Objects.checkIndex(index, values.length)];
    }

    /** The value of the field named {@code name}, or null; see {@link #fieldIndex}. */
    public Object get(String name) {
        return values[fieldIndex(name)];
    }

    /**
     * The value at {@code index}, cast to what the caller expects, as Spark's {@code getAs}.
     *
     * @throws ClassCastException at the caller when the value is of another class
     */
    @SuppressWarnings("unchecked")
    public <T> T getAs(int index) {
        return (T) get(index);
    }

    /** The value of the field named {@code name}, cast to what the caller expects. */
    @SuppressWarnings("unchecked")
    public <T> T getAs(String name) {
        return (T) get(name);
    }

    /** True when the value at {@code index} is null. */
    public boolean isNullAt(int index) {
        return get(index) == null;
    }

    /**
     * The string at {@code index}, or null.
     *
     * @throws ClassCastException when the value is not a string
     */
    public String getString(int index) {
        Object v = get(index);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw wrongClass(index, "a String", v);
    }

    /**
     * The boolean at {@code index}.
     *
     * @throws NullPointerException when it is null
     * @throws ClassCastException when it is not a boolean
     */
    public boolean getBoolean(int index) {
        Object v = nonNull(index);
        if (v instanceof Boolean b) {
            return b;
        }
        throw wrongClass(index, "a Boolean", v);
    }

    /**
     * The integer at {@code index}, from any integral value that fits in an {@code int}.
     *
     * @throws NullPointerException when it is null
     * @throws ClassCastException when it is not an integral number
     * @throws ArithmeticException when it does not fit
     */
    public int getInt(int index) {
        return Math.toIntExact(getLong(index));
    }

    /**
     * The long at {@code index}, from any integral value that fits, such as a {@code count(*)} or a
     * {@code sum} (a {@code DECIMAL} of scale 0).
     *
     * @throws NullPointerException when it is null
     * @throws ClassCastException when it is not an integral number
     * @throws ArithmeticException when it does not fit
     */
    public long getLong(int index) {
        Object v = nonNull(index);
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                throw new ArithmeticException(
                        "value "
                                + d.toPlainString()
                                + " at index "
                                + index
                                + " ("
                                + fieldNames.get(index)
                                + ") is not an integer that fits in a long; use getDecimal");
            }
        }
        throw wrongClass(index, "an integral number", v);
    }

    /**
     * The double at {@code index}, from any number.
     *
     * @throws NullPointerException when it is null
     * @throws ClassCastException when it is not a number
     */
    public double getDouble(int index) {
        Object v = nonNull(index);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw wrongClass(index, "a number", v);
    }

    /**
     * The decimal at {@code index}, or null, from any integral or decimal value.
     *
     * @throws ClassCastException when it is of another class
     */
    public BigDecimal getDecimal(int index) {
        Object v = get(index);
        if (v == null || v instanceof BigDecimal) {
            return (BigDecimal) v;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        throw wrongClass(index, "a decimal", v);
    }

    /** The values, in order, in an unmodifiable list. */
    public List<Object> toList() {
        return Collections.unmodifiableList(Arrays.asList(values.clone()));
    }

    private Object nonNull(int index) {
        Object v = get(index);
        if (v == null) {
            throw new NullPointerException(
                    "value at index "
                            + index
                            + " ("
                            + fieldNames.get(index)
                            + ") is null; check isNullAt("
                            + index
                            + ") first or use get("
                            + index
                            + ")");
        }
        return v;
    }

    private ClassCastException wrongClass(int index, String expected, Object v) {
        return new ClassCastException(
                "value at index "
                        + index
                        + " ("
                        + fieldNames.get(index)
                        + ") is a "
                        + v.getClass().getName()
                        + ", not "
                        + expected
                        + "; use get("
                        + index
                        + ")");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r
                && r.fieldNames.equals(fieldNames)
                && Arrays.deepEquals(r.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * fieldNames.hashCode() + Arrays.deepHashCode(values);
    }

    /** Spark's form: {@code [hello,2]}, null as {@code null}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object v = values[i];
            sb.append(v instanceof byte[] b ? Arrays.toString(b) : String.valueOf(v));
        }
        return sb.append(']').toString();
    }
}
