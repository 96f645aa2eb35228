package dev.ember.spark.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * What a cluster's executors need of the program's code: for {@code spark.jars}, the jar (or class
 * directory) of every class that the plan's functions, receivers and sources come from (for a
 * lambda, the class that defines it); for the executors' own class path, Ember's API and this
 * runner. Spark's own jars and the JDK's are left out, since the cluster has them. A class
 * directory, as when a program runs from an IDE or a build's test classes, is packed into a
 * temporary jar.
 *
 * <p>Libraries that the functions call are found only when one of their classes is in the plan;
 * others go in {@code spark.jars} by hand (the {@code spark.jars} system property is added to).
 */
final class CodeShipping {
    private CodeShipping() {}

    /** The locations to ship for {@code objects}, as paths Spark's {@code spark.jars} accepts. */
    static List<String> jars(List<Object> objects, Path scratch) {
        Set<Path> locations = new LinkedHashSet<>();
        for (Object o : objects) {
            if (o == null) {
                continue;
            }
            add(locations, o.getClass());
            Class<?> capturing = capturingClass(o);
            if (capturing != null) {
                add(locations, capturing);
            }
        }
        // Ember's API and this runner go on the executors' own class path instead (see below).
        locations.remove(location(dev.ember.streaming.Tuple2.class));
        locations.remove(location(CodeShipping.class));
        locations.remove(location(org.apache.spark.SparkContext.class));
        locations.remove(location(org.apache.spark.streaming.Time.class));
        locations.remove(location(scala.Predef.class));
        locations.remove(null);
        return locations.stream().map(p -> jarOf(p, scratch)).toList();
    }

    private static void add(Set<Path> locations, Class<?> type) {
        locations.add(location(type));
    }

    private static Path location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Class<?> capturingClass(Object o) {
        Class<?> type = o.getClass();
        if (!type.isSynthetic()) {
            return null;
        }
        try {
            Method writeReplace = type.getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            if (writeReplace.invoke(o) instanceof SerializedLambda lambda) {
                return Class.forName(
                        lambda.getCapturingClass().replace('/', '.'), false, type.getClassLoader());
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /**
     * What the executors need on their class path when they start, for {@code
     * spark.executor.extraClassPath}: Ember's API and this runner, whose serializer Spark creates
     * before it fetches {@code spark.jars} (and which the program's classes, loaded later from
     * there, build on).
     */
    static String executorClassPath(Path scratch) {
        return jarOf(location(dev.ember.streaming.Tuple2.class), scratch)
                + java.io.File.pathSeparator
                + jarOf(location(CodeShipping.class), scratch);
    }

    private static String jarOf(Path location, Path scratch) {
        if (!Files.isDirectory(location)) {
            return location.toString();
        }
        try {
            Files.createDirectories(scratch);
            Path jar =
                    scratch.resolve(
                            "classes-"
                                    + Integer.toHexString(location.toAbsolutePath().hashCode())
                                    + ".jar");
            try (OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = new JarOutputStream(file);
                    Stream<Path> files = Files.walk(location)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    String name = location.relativize(f).toString().replace('\\', '/');
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
            return jar.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot pack the class directory " + location + " into a jar for spark.jars",
                    e);
        }
    }
}
