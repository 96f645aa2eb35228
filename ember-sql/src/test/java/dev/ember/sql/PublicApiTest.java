package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public face of {@code dev.ember.sql} names no engine: no public or protected signature
 * mentions a type of {@code dev.ember.sql.internal} or of DuckDB, so a Spark SQL implementation can
 * stand behind the same API.
 */
class PublicApiTest {
    private static final List<String> FORBIDDEN = List.of("dev.ember.sql.internal.", "org.duckdb.");

    @Test
    void noPublicSignatureMentionsAnInternalOrDuckDbType() throws Exception {
        List<Class<?>> classes = publicClasses();
        List<String> leaks = new ArrayList<>();
        for (Class<?> c : classes) {
            check(c.getGenericSuperclass(), c.getName() + " extends", leaks);
            for (Type t : c.getGenericInterfaces()) {
                check(t, c.getName() + " implements", leaks);
            }
            for (Field f : c.getDeclaredFields()) {
                if (visible(f.getModifiers())) {
                    check(f.getGenericType(), c.getName() + "." + f.getName(), leaks);
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (visible(m.getModifiers()) && !m.isSynthetic()) {
                    check(m.getGenericReturnType(), c.getName() + "." + m.getName(), leaks);
                    checkExecutable(m, c.getName() + "." + m.getName(), leaks);
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (visible(k.getModifiers())) {
                    checkExecutable(k, c.getName() + ".<init>", leaks);
                }
            }
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    check(rc.getGenericType(), c.getName() + "." + rc.getName(), leaks);
                }
            }
        }
        assertTrue(classes.contains(SqlContext.class), classes.toString());
        assertEquals(List.of(), leaks);
    }

    private static void checkExecutable(Executable e, String where, List<String> leaks) {
        for (Type t : e.getGenericParameterTypes()) {
            check(t, where + " parameter", leaks);
        }
        for (Type t : e.getGenericExceptionTypes()) {
            check(t, where + " throws", leaks);
        }
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void check(Type type, String where, List<String> leaks) {
        if (type == null) {
            return;
        }
        if (type instanceof Class<?> c) {
            Class<?> base = c;
            while (base.isArray()) {
                base = base.getComponentType();
            }
            for (String prefix : FORBIDDEN) {
                if (base.getName().startsWith(prefix)) {
                    leaks.add(where + ": " + base.getName());
                }
            }
        } else if (type instanceof ParameterizedType p) {
            check(p.getRawType(), where, leaks);
            for (Type arg : p.getActualTypeArguments()) {
                check(arg, where, leaks);
            }
        } else if (type instanceof GenericArrayType g) {
            check(g.getGenericComponentType(), where, leaks);
        } else if (type instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                check(b, where, leaks);
            }
            for (Type b : w.getLowerBounds()) {
                check(b, where, leaks);
            }
        } else if (type instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                check(b, where, leaks);
            }
        }
    }

    /** The public classes of this package, nested ones included, from the compiled classes. */
    private static List<Class<?>> publicClasses()
            throws IOException, URISyntaxException, ClassNotFoundException {
        Path root =
                Path.of(
                        SqlContext.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI());
        Path pkg = root.resolve("dev/ember/sql");
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(pkg)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = p.getFileName().toString().replace(".class", "");
                Class<?> c = Class.forName("dev.ember.sql." + name.replace('/', '.'));
                if (Modifier.isPublic(c.getModifiers())) {
                    classes.add(c);
                }
            }
        }
        return classes;
    }
}
