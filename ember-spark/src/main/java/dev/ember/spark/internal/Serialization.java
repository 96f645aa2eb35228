package dev.ember.spark.internal;

import dev.ember.streaming.InvalidPipelineException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Externalizable;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Checks that what the Spark runner ships to executors (functions, receivers, initial states)
 * survives a Java serialization round trip, the honest test of what Spark will do with it; when it
 * does not, walks the object graph to name the field that holds the culprit.
 *
 * <p>The walk follows what Java serialization follows: non-static, non-transient fields of
 * serializable classes, the captured values of serializable lambdas (through their {@code
 * writeReplace}), array elements, and the elements of collections and maps. It stops at the first
 * object whose class is not serializable. When it finds none (a {@code writeObject} that throws, a
 * class that does not deserialise), the message gives the serialization error instead.
 */
final class Serialization {
    private static final String REMEDY =
            "; mark the field transient and create the object inside the function (or once per"
                    + " partition with mapPartitions), or make its class Serializable";

    private Serialization() {}

    /**
     * Throws when {@code object} does not serialise.
     *
     * @param operator the operator it belongs to, as {@code OpInfo.describe()} spells it
     * @param what what the object is to the operator: {@code function}, {@code receiver}, ...
     * @throws InvalidPipelineException naming the operator, the path to the field and its class
     */
    static void require(Object object, String operator, String what) {
        String problem = problem(object);
        if (problem != null) {
            throw new InvalidPipelineException(message(operator, what, problem));
        }
    }

    /** {@link #require} for objects that user code hands over while batches run. */
    static void requireShippable(Object object, String operator, String what) {
        String problem = problem(object);
        if (problem != null) {
            throw new IllegalArgumentException(message(operator, what, problem));
        }
    }

    private static String message(String operator, String what, String problem) {
        return "The "
                + what
                + " of "
                + operator
                + " does not serialise, so the Spark runner cannot ship it to the executors: "
                + problem;
    }

    /** Null when {@code object} survives a round trip; otherwise what stops it, as a sentence. */
    static String problem(Object object) {
        Throwable failure = roundTrip(object);
        if (failure == null) {
            return null;
        }
        String culprit =
                find(object, describe(object), Collections.newSetFromMap(new IdentityHashMap<>()));
        if (culprit != null) {
            return culprit + REMEDY;
        }
        return "serialising "
                + describe(object)
                + " failed with "
                + failure
                + "; make every object it reaches Serializable, or transient";
    }

    private static Throwable roundTrip(Object object) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(object);
            }
            ClassLoader loader =
                    object == null || object.getClass().getClassLoader() == null
                            ? Thread.currentThread().getContextClassLoader()
                            : object.getClass().getClassLoader();
            try (ObjectInputStream in = new LoaderInput(bytes.toByteArray(), loader)) {
                in.readObject();
            }
            return null;
        } catch (Exception | StackOverflowError e) {
            return e;
        }
    }

    /** The first object on a path from {@code object} whose class does not serialise, or null. */
    private static String find(Object object, String path, Set<Object> seen) {
        if (object == null || !seen.add(object)) {
            return null;
        }
        Class<?> type = object.getClass();
        if (!(object instanceof Serializable) && !(object instanceof Externalizable)) {
            return path + " holds " + type.getName() + ", which is not Serializable";
        }
        SerializedLambda lambda = serializedLambda(object);
        if (lambda != null) {
            for (int i = 0; i < lambda.getCapturedArgCount(); i++) {
                Object arg = lambda.getCapturedArg(i);
                String step = capturedValue(lambda, i, arg);
                String found = find(arg, path + " → " + step, seen);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (type.isArray()) {
            if (type.getComponentType().isPrimitive()) {
                return null;
            }
            for (int i = 0; i < Array.getLength(object); i++) {
                String found = find(Array.get(object, i), path + " → element " + i, seen);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (object instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                String found = find(e, path + " → element " + i++, seen);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (object instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String found = find(e.getKey(), path + " → key " + e.getKey(), seen);
                if (found == null) {
                    found = find(e.getValue(), path + " → value of " + e.getKey(), seen);
                }
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int mods = f.getModifiers();
                if (Modifier.isStatic(mods)
                        || Modifier.isTransient(mods)
                        || f.getType().isPrimitive()) {
                    continue;
                }
                Object value;
                try {
                    f.setAccessible(true);
                    value = f.get(object);
                } catch (RuntimeException | IllegalAccessException e) {
                    continue;
                }
                String found = find(value, path + " → " + field(f), seen);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String field(Field f) {
        String name = f.getName();
        if (name.startsWith("this$")) {
            return "its enclosing instance (" + f.getType().getName() + ")";
        }
        if (name.startsWith("val$")) {
            return "captured variable '" + name.substring(4) + "'";
        }
        return "field '" + name + "' of " + f.getDeclaringClass().getName();
    }

    private static String capturedValue(SerializedLambda lambda, int i, Object arg) {
        String capturing = lambda.getCapturingClass().replace('/', '.');
        if (i == 0 && arg != null && arg.getClass().getName().equals(capturing)) {
            return "its enclosing instance 'this' (" + capturing + ")";
        }
        return "captured value #" + (i + 1);
    }

    private static String describe(Object object) {
        if (object == null) {
            return "null";
        }
        SerializedLambda lambda = serializedLambda(object);
        if (lambda != null) {
            return "the lambda "
                    + lambda.getImplClass().replace('/', '.')
                    + "."
                    + lambda.getImplMethodName()
                    + " (defined in "
                    + lambda.getCapturingClass().replace('/', '.')
                    + ")";
        }
        return "the " + object.getClass().getName();
    }

    private static SerializedLambda serializedLambda(Object object) {
        Class<?> type = object.getClass();
        if (!type.isSynthetic() || !(object instanceof Serializable)) {
            return null;
        }
        try {
            Method writeReplace = type.getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            return writeReplace.invoke(object) instanceof SerializedLambda l ? l : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Resolves classes with the loader of the object checked, as Spark's executors would. */
    private static final class LoaderInput extends ObjectInputStream {
        private final ClassLoader loader;

        LoaderInput(byte[] bytes, ClassLoader loader) throws IOException {
            super((InputStream) new ByteArrayInputStream(bytes));
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc)
                throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
