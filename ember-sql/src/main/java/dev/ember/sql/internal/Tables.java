package dev.ember.sql.internal;

import dev.ember.sql.DataType;
import dev.ember.sql.SortOrder;
import dev.ember.sql.spi.Column;
import dev.ember.sql.spi.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Tables made from Java objects, and the sorts of tables that frames and streams ask for. */
public final class Tables {
    private Tables() {}

    /**
     * The table of {@code elements}.
     *
     * @param elementClass the class whose layout decides the columns; null to take the class of the
     *     first element that is not null
     * @param names the column names, in order, replacing the layout's defaults; empty to keep them
     * @param operation the API call, for messages, such as {@code "createDataFrame"}
     * @throws IllegalArgumentException when the elements cannot be rows or the names do not fit
     */
    public static Table fromElements(
            List<?> elements, Class<?> elementClass, List<String> names, String operation) {
        requireColumnNames(names, operation);
        Class<?> c = elementClass != null ? elementClass : firstClass(elements);
        if (c == null) {
            return nullsOnly(elements.size(), names, operation);
        }
        ElementLayout layout = ElementLayout.of(c);
        if (!names.isEmpty() && names.size() != layout.width()) {
            throw new IllegalArgumentException(
                    operation
                            + " got "
                            + names.size()
                            + " column names "
                            + names
                            + " for "
                            + describe(layout)
                            + " with "
                            + layout.width()
                            + " columns "
                            + layout.names
                            + "; give "
                            + layout.width()
                            + " names, or none to keep "
                            + layout.names);
        }
        List<String> columnNames = names.isEmpty() ? layout.names : names;
        int width = layout.width();
        ColumnType[] types = layout.declaredTypes.toArray(new ColumnType[0]);
        int[] typedBy = new int[width];
        java.util.Arrays.fill(typedBy, -1);
        List<Object[]> rows = new ArrayList<>(elements.size());
        for (int r = 0; r < elements.size(); r++) {
            Object element = elements.get(r);
            Object[] raw;
            if (element == null) {
                if (layout.kind != ElementLayout.Kind.SCALAR) {
                    throw new IllegalArgumentException(
                            "element "
                                    + r
                                    + " given to "
                                    + operation
                                    + " is null, but elements of "
                                    + c.getName()
                                    + " must not be: filter out nulls before making a table");
                }
                raw = new Object[] {null};
            } else {
                if (layout.kind != ElementLayout.Kind.SCALAR && !c.isInstance(element)) {
                    throw mixedElements(operation, c, element, r);
                }
                raw = layout.values(element);
            }
            Object[] row = new Object[width];
            for (int i = 0; i < width; i++) {
                Object v = raw[i];
                if (v != null && types[i] != null && types[i].type() == DataType.ARRAY) {
                    row[i] = listValue(v, types[i], columnNames.get(i), operation, r);
                    continue;
                }
                if (v != null) {
                    ColumnType vt = ColumnType.forJavaClass(v.getClass());
                    if (vt == null && v instanceof List<?>) {
                        throw new IllegalArgumentException(
                                "column '"
                                        + columnNames.get(i)
                                        + "' of "
                                        + operation
                                        + " got a list in element "
                                        + r
                                        + ", but a list column needs its element type declared: a"
                                        + " record component or bean property of type "
                                        + ColumnType.SUPPORTED_LISTS);
                    }
                    if (vt == null) {
                        throw new IllegalArgumentException(
                                "column '"
                                        + columnNames.get(i)
                                        + "' of "
                                        + operation
                                        + " got a value of "
                                        + v.getClass().getName()
                                        + " in element "
                                        + r
                                        + ", which cannot be a column value; use one of "
                                        + ColumnType.SUPPORTED);
                    }
                    if (types[i] == null || types[i].isNull()) {
                        types[i] = vt;
                        typedBy[i] = r;
                    } else if (!types[i].equals(vt)) {
                        throw new IllegalArgumentException(
                                "column '"
                                        + columnNames.get(i)
                                        + "' of "
                                        + operation
                                        + " mixes types: "
                                        + (typedBy[i] < 0
                                                ? c.getName() + " declares it "
                                                : "element " + typedBy[i] + " makes it ")
                                        + types[i].sqlType()
                                        + " but element "
                                        + r
                                        + " holds a "
                                        + v.getClass().getName()
                                        + " ("
                                        + vt.sqlType()
                                        + "); convert the values of a column to one type");
                    }
                }
                row[i] = ColumnType.normalize(v);
            }
            rows.add(row);
        }
        List<Column> columns = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            ColumnType type = types[i] == null ? ColumnType.NULL : types[i];
            columns.add(ColumnType.columnOf(columnNames.get(i), type));
            if (type.type() == DataType.DECIMAL) {
                scaleDecimals(rows, i, type, columnNames.get(i), operation);
            }
        }
        return new Table(columns, rows);
    }

    /**
     * Gives the decimals of column {@code i} the scale of its type, {@code DECIMAL(38,18)} for
     * {@code BigDecimal} as in Spark, so a frame shows the same digits before and after a trip
     * through the database.
     */
    private static void scaleDecimals(
            List<Object[]> rows, int i, ColumnType type, String column, String operation) {
        int scale = type == ColumnType.BIG_INTEGER ? 0 : 18;
        for (int r = 0; r < rows.size(); r++) {
            BigDecimal d = (BigDecimal) rows.get(r)[i];
            if (d == null) {
                continue;
            }
            BigDecimal scaled = d.setScale(scale, RoundingMode.HALF_UP);
            if (scaled.precision() > 38) {
                throw new IllegalArgumentException(
                        "column '"
                                + column
                                + "' of "
                                + operation
                                + " holds "
                                + d.toPlainString()
                                + " in element "
                                + r
                                + ", which does not fit "
                                + type.sqlType()
                                + " (at most "
                                + (38 - scale)
                                + " digits before the point); use a double or scale the value");
            }
            rows.get(r)[i] = scaled;
        }
    }

    /** A list of a declared {@code List<T>} column, checked and copied. */
    private static List<Object> listValue(
            Object v, ColumnType type, String column, String operation, int element) {
        List<Object> copy = new ArrayList<>(((List<?>) v).size());
        for (Object e : (List<?>) v) {
            ColumnType et = e == null ? null : ColumnType.forListOf(e.getClass());
            if (e != null && (et == null || !et.equals(type))) {
                throw new IllegalArgumentException(
                        "column '"
                                + column
                                + "' of "
                                + operation
                                + " is "
                                + type.sqlType()
                                + " but the list of element "
                                + element
                                + " holds a "
                                + e.getClass().getName()
                                + "; give lists of the declared element type");
            }
            copy.add(e);
        }
        return Collections.unmodifiableList(copy);
    }

    /** The columns that a layout of {@code elementClass} gives, renamed by {@code names}. */
    public static List<String> columnNames(Class<?> elementClass, List<String> names) {
        if (!names.isEmpty()) {
            return names;
        }
        return ElementLayout.of(elementClass).names;
    }

    /**
     * Checks that {@code names} are valid, distinct column names.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static void requireColumnNames(List<String> names, String operation) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            Identifiers.requireColumnName(name);
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(
                        operation
                                + " got the column name '"
                                + name
                                + "' twice in "
                                + names
                                + "; column names must differ, ignoring case, as in SQL");
            }
        }
    }

    /**
     * {@code table} sorted by {@code orders}, first order first, as Spark sorts: ascending puts
     * nulls first and descending last unless the order says otherwise; strings compare by code
     * point (UTF-8 byte order), binary values as unsigned bytes. The sort is stable.
     *
     * @throws IllegalArgumentException when a sort column does not exist or cannot be ordered
     */
    public static Table sort(Table table, List<SortOrder> orders) {
        if (orders.isEmpty() || table.rows().size() < 2) {
            requireSortColumns(table, orders);
            return table;
        }
        Comparator<Object[]> comparator = null;
        for (SortOrder order : orders) {
            int index = requireSortColumn(table, order);
            Comparator<Object> values = valueOrder(table.columns().get(index));
            if (!order.isAscending()) {
                values = values.reversed();
            }
            values =
                    order.isNullsFirst()
                            ? Comparator.nullsFirst(values)
                            : Comparator.nullsLast(values);
            Comparator<Object> byValue = values;
            Comparator<Object[]> byColumn = (a, b) -> byValue.compare(a[index], b[index]);
            comparator = comparator == null ? byColumn : comparator.thenComparing(byColumn);
        }
        List<Object[]> sorted = new ArrayList<>(table.rows());
        sorted.sort(comparator);
        return new Table(table.columns(), sorted);
    }

    private static void requireSortColumns(Table table, List<SortOrder> orders) {
        if (table.columns().isEmpty()) {
            return;
        }
        for (SortOrder order : orders) {
            valueOrder(table.columns().get(requireSortColumn(table, order)));
        }
    }

    private static int requireSortColumn(Table table, SortOrder order) {
        int index = indexOf(table, order.column());
        if (index < 0) {
            throw new IllegalArgumentException(
                    "cannot sort by column '"
                            + order.column()
                            + "': there is no such column; columns are "
                            + table.columnNames());
        }
        return index;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Object> valueOrder(Column column) {
        DataType type = column.type();
        switch (type) {
            case STRING:
                return (a, b) -> compareCodePoints((String) a, (String) b);
            case BINARY:
                return (a, b) -> Arrays.compareUnsigned((byte[]) a, (byte[]) b);
            case ARRAY:
            case MAP:
            case STRUCT:
                throw new IllegalArgumentException(
                        "cannot sort by column '"
                                + column.name()
                                + "' of type "
                                + column.typeName()
                                + ": values of type "
                                + type.simpleString()
                                + " have no order; sort by another column");
            default:
                return (a, b) -> ((Comparable) a).compareTo(b);
        }
    }

    /** Compares by Unicode code point, which is the order of the strings' UTF-8 bytes. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static Class<?> firstClass(List<?> elements) {
        for (Object e : elements) {
            if (e != null) {
                return e.getClass();
            }
        }
        return null;
    }

    /** Elements that are all null (or none): the named columns, typed NULL. */
    private static Table nullsOnly(int size, List<String> names, String operation) {
        if (size == 0) {
            List<Column> columns = new ArrayList<>();
            for (String name : names) {
                columns.add(ColumnType.columnOf(name, ColumnType.NULL));
            }
            return new Table(columns, List.of());
        }
        if (names.size() > 1) {
            throw new IllegalArgumentException(
                    "the "
                            + size
                            + " elements given to "
                            + operation
                            + " are all null, so they cannot fill the "
                            + names.size()
                            + " columns "
                            + names
                            + "; filter out nulls before making a table");
        }
        String name = names.isEmpty() ? "value" : names.get(0);
        List<Object[]> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            rows.add(new Object[] {null});
        }
        return new Table(List.of(ColumnType.columnOf(name, ColumnType.NULL)), rows);
    }

    private static IllegalArgumentException mixedElements(
            String operation, Class<?> c, Object element, int index) {
        return new IllegalArgumentException(
                "element "
                        + index
                        + " given to "
                        + operation
                        + " is a "
                        + element.getClass().getName()
                        + " but the table's rows are "
                        + c.getName()
                        + "; give elements of one class");
    }

    private static String describe(ElementLayout layout) {
        return switch (layout.kind) {
            case RECORD -> "record " + layout.elementClass.getName();
            case BEAN -> "bean " + layout.elementClass.getName();
            case TUPLE -> "Tuple2 elements";
            case SCALAR -> "elements of " + layout.elementClass.getName();
        };
    }

    /**
     * The index of the column named {@code name}, ignoring case as SQL does, preferring an exact
     * match; -1 when there is none.
     */
    public static int indexOf(Table table, String name) {
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().toLowerCase(Locale.ROOT).equals(lower)) {
                return i;
            }
        }
        return -1;
    }

    /** The first {@code n} rows of {@code table}. */
    public static Table limit(Table table, int n) {
        return n >= table.rows().size()
                ? table
                : new Table(table.columns(), table.rows().subList(0, n));
    }

    /** {@code table} with its columns renamed, in order. */
    public static Table withColumnNames(Table table, List<String> names) {
        List<Column> renamed = new ArrayList<>(table.columns().size());
        for (int i = 0; i < table.columns().size(); i++) {
            renamed.add(table.columns().get(i).withName(names.get(i)));
        }
        return new Table(renamed, table.rows());
    }
}
