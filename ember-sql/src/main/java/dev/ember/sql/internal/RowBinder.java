package dev.ember.sql.internal;

import dev.ember.sql.spi.Table;
import dev.ember.streaming.Time;
import dev.ember.streaming.Tuple2;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Turns the rows of a table into objects of a class, as Spark's {@code as(Encoders.bean(...))}: a
 * record by its components' names, a JavaBean by its setters' property names (columns matched
 * ignoring case, extra columns ignored), a {@code Tuple2} from two columns, a value class from one.
 *
 * <p>Values convert where no information is lost: integral numbers to any integral type they fit (a
 * {@code count(*)} to an {@code int}), any number to {@code double}, timestamps between {@code
 * Instant}, Ember's {@code Time}, {@code OffsetDateTime}, {@code ZonedDateTime} and, through the
 * context's time zone, {@code LocalDateTime}; strings to enums by name.
 */
public final class RowBinder {
    private final ZoneId zone;

    /** A binder that reads and writes local date-times in {@code zone}. */
    public RowBinder(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * The objects of {@code type} that the rows of {@code table} make.
     *
     * @throws IllegalArgumentException when {@code type} cannot take the table's rows, naming the
     *     column, the row and the component
     */
    public <R> List<R> bind(Table table, Class<R> type) {
        Binding binding = binding(table, type);
        List<R> out = new ArrayList<>(table.rows().size());
        for (int r = 0; r < table.rows().size(); r++) {
            out.add(type.cast(binding.make(table.rows().get(r), r)));
        }
        return out;
    }

    private interface Binding {
        Object make(Object[] row, int rowIndex);
    }

    private Binding binding(Table table, Class<?> type) {
        if (type == Tuple2.class) {
            requireWidth(table, type, 2);
            return (row, r) -> new Tuple2<>(row[0], row[1]);
        }
        Class<?> boxed = box(type);
        if (boxed == Object.class || ColumnType.forJavaClass(boxed) != null) {
            requireWidth(table, type, 1);
            String column = table.columns().get(0).name();
            return (row, r) -> convert(row[0], boxed, column, r, "the result");
        }
        if (type.isRecord()) {
            return record(table, type);
        }
        return bean(table, type);
    }

    private Binding record(Table table, Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        int[] columns = new int[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            columns[i] =
                    requireColumn(
                            table,
                            components[i].getName(),
                            "component '"
                                    + components[i].getName()
                                    + "' of record "
                                    + type.getName());
        }
        MethodHandle constructor;
        try {
            Constructor<?> c = type.getDeclaredConstructor(types);
            c.setAccessible(true);
            constructor = MethodHandles.lookup().unreflectConstructor(c);
        } catch (ReflectiveOperationException | InaccessibleObjectException e) {
            throw inaccessible(type, e);
        }
        return (row, r) -> {
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                int column = columns[i];
                args[i] =
                        convert(
                                row[column],
                                types[i],
                                table.columns().get(column).name(),
                                r,
                                "component '"
                                        + components[i].getName()
                                        + "' of record "
                                        + type.getSimpleName());
            }
            try {
                return constructor.invokeWithArguments(args);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("constructing " + type.getName(), e);
            }
        };
    }

    private Binding bean(Table table, Class<?> type) {
        Map<String, Method> setters = new TreeMap<>();
        for (Method m : type.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers())
                    && m.getName().startsWith("set")
                    && m.getName().length() > 3
                    && m.getParameterCount() == 1) {
                setters.put(ElementLayout.decapitalize(m.getName().substring(3)), m);
            }
        }
        Constructor<?> constructor;
        try {
            constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            constructor = null;
        } catch (InaccessibleObjectException e) {
            throw inaccessible(type, e);
        }
        if (setters.isEmpty() || constructor == null) {
            throw new IllegalArgumentException(
                    "rows cannot become objects of "
                            + type.getName()
                            + ": use a record whose components are named like the columns "
                            + table.columnNames()
                            + ", a JavaBean with a no-argument constructor and setters, a Tuple2 for"
                            + " two columns, or a value class such as Long for one column");
        }
        List<String> properties = new ArrayList<>(setters.keySet());
        int[] columns = new int[properties.size()];
        for (int i = 0; i < properties.size(); i++) {
            columns[i] =
                    requireColumn(
                            table,
                            properties.get(i),
                            "property '" + properties.get(i) + "' of bean " + type.getName());
        }
        Constructor<?> make = constructor;
        return (row, r) -> {
            try {
                Object bean = make.newInstance();
                for (int i = 0; i < properties.size(); i++) {
                    Method setter = setters.get(properties.get(i));
                    int column = columns[i];
                    setter.invoke(
                            bean,
                            convert(
                                    row[column],
                                    setter.getParameterTypes()[0],
                                    table.columns().get(column).name(),
                                    r,
                                    "property '"
                                            + properties.get(i)
                                            + "' of bean "
                                            + type.getSimpleName()));
                }
                return bean;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("filling bean " + type.getName(), e);
            }
        };
    }

    private static int requireColumn(Table table, String name, String subject) {
        int index = Tables.indexOf(table, name);
        if (index < 0) {
            throw new IllegalArgumentException(
                    subject
                            + " has no column named '"
                            + name
                            + "' to take its value from; the columns are "
                            + table.columnNames()
                            + ": rename the column in the query (AS "
                            + name
                            + ") or the component");
        }
        return index;
    }

    private static void requireWidth(Table table, Class<?> type, int width) {
        if (table.columns().size() != width) {
            throw new IllegalArgumentException(
                    "rows of "
                            + table.columns().size()
                            + " columns "
                            + table.columnNames()
                            + " cannot become "
                            + type.getName()
                            + ", which takes "
                            + width
                            + (width == 1 ? " column" : " columns")
                            + "; select "
                            + width
                            + " or use a record with one component per column");
        }
    }

    /**
     * {@code value} as an instance of {@code target}.
     *
     * @throws IllegalArgumentException when it cannot be one without losing information
     */
    Object convert(Object value, Class<?> target, String column, int row, String subject) {
        if (value == null) {
            if (target.isPrimitive()) {
                throw new IllegalArgumentException(
                        "column '"
                                + column
                                + "' is NULL in row "
                                + row
                                + ", which "
                                + subject
                                + " of primitive type "
                                + target
                                + " cannot hold; use "
                                + box(target).getSimpleName()
                                + " instead");
            }
            return null;
        }
        Class<?> boxed = box(target);
        if (boxed.isInstance(value) && !(value instanceof byte[])) {
            return value;
        }
        Object converted = tryConvert(value, boxed);
        if (converted == null) {
            throw new IllegalArgumentException(
                    "column '"
                            + column
                            + "' holds "
                            + describe(value)
                            + " in row "
                            + row
                            + ", which "
                            + subject
                            + " of type "
                            + target.getName()
                            + " cannot take without losing information; change the type or cast"
                            + " the column in the query");
        }
        return converted;
    }

    private Object tryConvert(Object v, Class<?> target) {
        try {
            if (v instanceof Number n && isIntegral(v)) {
                BigInteger whole =
                        v instanceof BigDecimal d
                                ? d.toBigIntegerExact()
                                : BigInteger.valueOf(n.longValue());
                if (target == Long.class) {
                    return whole.longValueExact();
                } else if (target == Integer.class) {
                    return whole.intValueExact();
                } else if (target == Short.class) {
                    return whole.shortValueExact();
                } else if (target == Byte.class) {
                    return whole.byteValueExact();
                } else if (target == BigInteger.class) {
                    return whole;
                }
            }
            if (v instanceof Number n) {
                if (target == Double.class) {
                    return n.doubleValue();
                } else if (target == Float.class && v instanceof Float) {
                    return v;
                } else if (target == BigDecimal.class) {
                    return new BigDecimal(n.toString());
                }
            }
        } catch (ArithmeticException e) {
            return null;
        }
        if (v instanceof String s) {
            if (target.isEnum()) {
                for (Object constant : target.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(s)) {
                        return constant;
                    }
                }
                return null;
            } else if (target == Character.class && s.length() == 1) {
                return s.charAt(0);
            } else if (target == UUID.class) {
                try {
                    return UUID.fromString(s);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        if (v instanceof byte[] bytes && target == byte[].class) {
            return bytes.clone();
        }
        if (target == String.class && v instanceof UUID) {
            return v.toString();
        }
        Instant instant =
                v instanceof Instant i
                        ? i
                        : v instanceof LocalDateTime t ? t.atZone(zone).toInstant() : null;
        if (instant != null) {
            if (target == Instant.class) {
                return instant;
            } else if (target == Time.class) {
                return new Time(instant.toEpochMilli());
            } else if (target == OffsetDateTime.class) {
                return instant.atZone(zone).toOffsetDateTime();
            } else if (target == ZonedDateTime.class) {
                return instant.atZone(zone);
            } else if (target == LocalDateTime.class) {
                return LocalDateTime.ofInstant(instant, zone);
            } else if (target == java.sql.Timestamp.class) {
                return java.sql.Timestamp.from(instant);
            } else if (target == java.util.Date.class) {
                return java.util.Date.from(instant);
            }
        }
        if (v instanceof LocalDate d && target == java.sql.Date.class) {
            return java.sql.Date.valueOf(d);
        }
        if (v instanceof LocalTime t && target == java.sql.Time.class) {
            return java.sql.Time.valueOf(t);
        }
        return null;
    }

    private static boolean isIntegral(Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return true;
        }
        if (v instanceof BigDecimal d) {
            return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
        }
        return false;
    }

    private static String describe(Object value) {
        String text = value instanceof byte[] ? "binary" : String.valueOf(value);
        if (text.length() > 40) {
            text = text.substring(0, 37) + "...";
        }
        return "the " + value.getClass().getSimpleName() + " " + text;
    }

    private static IllegalArgumentException inaccessible(Class<?> type, Exception e) {
        return new IllegalArgumentException(
                "cannot create objects of "
                        + type.getName()
                        + " from rows: "
                        + e
                        + "; make the class and its constructor public",
                e);
    }

    static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        if (c == int.class) {
            return Integer.class;
        } else if (c == long.class) {
            return Long.class;
        } else if (c == double.class) {
            return Double.class;
        } else if (c == boolean.class) {
            return Boolean.class;
        } else if (c == float.class) {
            return Float.class;
        } else if (c == short.class) {
            return Short.class;
        } else if (c == byte.class) {
            return Byte.class;
        } else if (c == char.class) {
            return Character.class;
        }
        return c;
    }
}
