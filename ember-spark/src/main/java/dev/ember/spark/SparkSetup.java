package dev.ember.spark;

import java.util.List;
import java.util.Map;

/**
 * What a JVM and a SparkContext need for Ember programs on Spark, for programs that set them up
 * themselves: the JVM options Spark 4 needs on Java 17, and the settings of a SparkContext that an
 * application creates before an Ember program uses it. The {@code ember} command and the Spark
 * runner apply them on their own; see docs/spark.md.
 */
public final class SparkSetup {
    private static final List<String> OPENS =
            List.of(
                    "java.base/java.lang",
                    "java.base/java.lang.invoke",
                    "java.base/java.lang.reflect",
                    "java.base/java.io",
                    "java.base/java.net",
                    "java.base/java.nio",
                    "java.base/java.util",
                    "java.base/java.util.concurrent",
                    "java.base/java.util.concurrent.atomic",
                    "java.base/sun.nio.ch",
                    "java.base/sun.nio.cs",
                    "java.base/sun.security.action",
                    "java.base/sun.util.calendar");

    private SparkSetup() {}

    /**
     * The options a JVM that runs Spark needs on Java 17, one per element, such as {@code
     * --add-opens=java.base/java.lang=ALL-UNNAMED}: give them to {@code java} before the main
     * class. Spark adds them to its executors' JVMs itself.
     */
    public static List<String> javaOptions() {
        return OPENS.stream().map(p -> "--add-opens=" + p + "=ALL-UNNAMED").toList();
    }

    /**
     * True when this JVM runs with {@link #javaOptions()}: every package they name is open to the
     * unnamed module, where Spark's classes are.
     */
    public static boolean jvmIsReady() {
        Module unnamed = SparkSetup.class.getClassLoader().getUnnamedModule();
        for (String open : OPENS) {
            String pkg = open.substring(open.indexOf('/') + 1);
            if (!Object.class.getModule().isOpen(pkg, unnamed)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The settings that a SparkContext created by the application itself must have for an Ember
     * program to run on it: the serializer that also writes {@code java.util.Optional}, which
     * Ember's joins and state put in records. A SparkContext that the runner creates has them
     * already.
     */
    public static Map<String, String> sparkConf() {
        return Map.of("spark.serializer", "dev.ember.spark.internal.OptionalJavaSerializer");
    }
}
