package dev.ember.sql.internal;

import dev.ember.streaming.Tuple2;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the objects of one class become the rows of a table: a record by its components in
 * declaration order, a {@code Tuple2} as {@code _1} and {@code _2}, a value of a column type as one
 * column named {@code value} (Spark's name), a JavaBean by its properties in name order (as Spark's
 * {@code createDataFrame(rdd, beanClass)}).
 *
 * <p>A column's type comes from the declared type when that is a column type (or a {@code List} of
 * simple values, which is an {@code ARRAY}), and from the values otherwise: the components of a
 * {@code Tuple2}, record components of type {@code Object}, {@code Number}, {@code CharSequence},
 * {@code Temporal} or a type variable. Layouts are cached per class, since a stream builds one for
 * every batch.
 */
final class ElementLayout {
    private static final Map<Class<?>, ElementLayout> CACHE = new ConcurrentHashMap<>();
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

    /** What kind of class the elements are; decides the default column names. */
    enum Kind {
        RECORD,
        TUPLE,
        SCALAR,
        BEAN
    }

    final Class<?> elementClass;
    final Kind kind;
    final List<String> names;

    /** Per column, the type the class declares, or null when the values decide. */
    final List<ColumnType> declaredTypes;

    private final MethodHandle[] getters;

    private ElementLayout(
            Class<?> elementClass,
            Kind kind,
            List<String> names,
            List<ColumnType> declaredTypes,
            MethodHandle[] getters) {
        this.elementClass = elementClass;
        this.kind = kind;
        this.names = List.copyOf(names);
        this.declaredTypes = declaredTypes;
        this.getters = getters;
    }

    /**
     * The layout of {@code elementClass}.
     *
     * @throws IllegalArgumentException when its objects cannot be rows, naming the class and what
     *     can
     */
    static ElementLayout of(Class<?> elementClass) {
        ElementLayout cached = CACHE.get(elementClass);
        if (cached != null) {
            return cached;
        }
        ElementLayout layout = create(elementClass);
        CACHE.putIfAbsent(elementClass, layout);
        return layout;
    }

    int width() {
        return names.size();
    }

    /** The raw values of {@code element}, one per column, before normalisation. */
    Object[] values(Object element) {
        switch (kind) {
            case SCALAR:
                return new Object[] {element};
            case TUPLE:
                Tuple2<?, ?> t = (Tuple2<?, ?>) element;
                return new Object[] {t._1(), t._2()};
            default:
                Object[] values = new Object[getters.length];
                for (int i = 0; i < getters.length; i++) {
                    try {
                        values[i] = getters[i].invokeExact(element);
                    } catch (RuntimeException | Error e) {
                        throw e;
                    } catch (Throwable e) {
                        throw new IllegalStateException(
                                "reading " + names.get(i) + " of " + element.getClass().getName(),
                                e);
                    }
                }
                return values;
        }
    }

    private static ElementLayout create(Class<?> c) {
        if (Tuple2.class.isAssignableFrom(c)) {
            List<ColumnType> dynamic = new ArrayList<>();
            dynamic.add(null);
            dynamic.add(null);
            return new ElementLayout(c, Kind.TUPLE, List.of("_1", "_2"), dynamic, null);
        }
        ColumnType scalar = ColumnType.forJavaClass(c);
        if (scalar != null) {
            return new ElementLayout(c, Kind.SCALAR, List.of("value"), List.of(scalar), null);
        }
        if (c.isRecord()) {
            return record(c);
        }
        ElementLayout bean = bean(c);
        if (bean != null) {
            return bean;
        }
        throw new IllegalArgumentException(
                "objects of "
                        + c.getName()
                        + " cannot be rows of a table: use a record (one column per component), a"
                        + " Tuple2 (columns _1 and _2), a JavaBean with getters and setters, or a"
                        + " value of a column type ("
                        + ColumnType.SUPPORTED
                        + ") for one column named value");
    }

    private static ElementLayout record(Class<?> c) {
        RecordComponent[] components = c.getRecordComponents();
        if (components.length == 0) {
            throw new IllegalArgumentException(
                    "record "
                            + c.getName()
                            + " has no components, so its objects would be rows without columns;"
                            + " give it at least one component");
        }
        List<String> names = new ArrayList<>();
        List<ColumnType> types = new ArrayList<>();
        MethodHandle[] getters = new MethodHandle[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent rc = components[i];
            names.add(rc.getName());
            types.add(
                    declaredType(
                            rc.getType(),
                            rc.getGenericType(),
                            "component '" + rc.getName() + "' of record " + c.getName()));
            getters[i] = getter(rc.getAccessor(), c);
        }
        return new ElementLayout(c, Kind.RECORD, names, types, getters);
    }

    /**
     * The readable and writable properties of a JavaBean, by name, as {@code
     * java.beans.Introspector} finds them; null when {@code c} has none.
     */
    private static ElementLayout bean(Class<?> c) {
        if (c.isInterface() || c.isArray() || c.isPrimitive() || c.getName().startsWith("java.")) {
            return null;
        }
        Map<String, Method> getters = new TreeMap<>();
        for (Method m : c.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())
                    || m.getParameterCount() != 0
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String property = propertyName(m);
            if (property != null && hasSetter(c, m)) {
                getters.put(property, m);
            }
        }
        if (getters.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>(getters.keySet());
        List<ColumnType> types = new ArrayList<>();
        MethodHandle[] handles = new MethodHandle[names.size()];
        int i = 0;
        for (Map.Entry<String, Method> e : getters.entrySet()) {
            Method m = e.getValue();
            types.add(
                    declaredType(
                            m.getReturnType(),
                            m.getGenericReturnType(),
                            "property '" + e.getKey() + "' of bean " + c.getName()));
            handles[i++] = getter(m, c);
        }
        return new ElementLayout(c, Kind.BEAN, names, types, handles);
    }

    private static String propertyName(Method m) {
        String name = m.getName();
        if (name.startsWith("get") && name.length() > 3 && m.getReturnType() != void.class) {
            return decapitalize(name.substring(3));
        }
        if (name.startsWith("is") && name.length() > 2 && m.getReturnType() == boolean.class) {
            return decapitalize(name.substring(2));
        }
        return null;
    }

    private static boolean hasSetter(Class<?> c, Method getter) {
        String base = getter.getName().substring(getter.getName().startsWith("is") ? 2 : 3);
        try {
            Method setter = c.getMethod("set" + base, getter.getReturnType());
            return !Modifier.isStatic(setter.getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** {@code java.beans.Introspector.decapitalize}: "Word" to "word", "URL" stays "URL". */
    static String decapitalize(String name) {
        if (name.length() > 1
                && Character.isUpperCase(name.charAt(1))
                && Character.isUpperCase(name.charAt(0))) {
            return name;
        }
        return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }

    private static ColumnType declaredType(Class<?> raw, Type generic, String subject) {
        if (generic instanceof TypeVariable<?>
                || raw == Object.class
                || raw == Number.class
                || raw == CharSequence.class
                || raw == Temporal.class) {
            return null;
        }
        ColumnType type = ColumnType.forJavaClass(raw);
        if (type == null
                && raw == List.class
                && generic instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element) {
            type = ColumnType.forListOf(element);
        }
        if (type == null) {
            throw new IllegalArgumentException(
                    subject
                            + " has type "
                            + generic.getTypeName()
                            + ", which cannot be a column; use one of "
                            + ColumnType.SUPPORTED
                            + ", a "
                            + ColumnType.SUPPORTED_LISTS
                            + ", or map the objects to a record of such components first");
        }
        return type;
    }

    private static MethodHandle getter(Method method, Class<?> owner) {
        try {
            method.setAccessible(true);
            return MethodHandles.lookup().unreflect(method).asType(GETTER);
        } catch (IllegalAccessException | InaccessibleObjectException | SecurityException e) {
            throw new IllegalArgumentException(
                    "cannot read "
                            + method.getName()
                            + "() of "
                            + owner.getName()
                            + " to make table rows: "
                            + e.getMessage()
                            + "; make the class public or open its package",
                    e);
        }
    }
}
