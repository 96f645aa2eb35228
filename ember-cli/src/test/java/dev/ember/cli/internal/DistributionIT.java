package dev.ember.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The distribution that {@code mvn package} writes, {@code ember-<version>.tar.gz}, unpacked with
 * {@code tar} and run as someone who just wants the command would: with a JDK and no Maven on the
 * {@code PATH}.
 */
@Timeout(120)
class DistributionIT {
    private static final String VERSION = System.getProperty("ember.version");
    private static final Path TARBALL = Path.of(System.getProperty("ember.distribution"));

    /** What the script needs from the machine: bash and a few of coreutils. No mvn. */
    private static final List<String> TOOLS = List.of("bash", "dirname", "readlink", "sed", "head");

    @TempDir Path dir;
    private Path home;
    private ToolDir tools;

    @BeforeEach
    void unpack() throws Exception {
        Process tar =
                new ProcessBuilder("tar", "-xzf", TARBALL.toString(), "-C", dir.toString())
                        .inheritIO()
                        .start();
        assertEquals(0, tar.waitFor());
        home = dir.resolve("ember-" + VERSION);
        tools = new ToolDir(dir.resolve("tools")).link(TOOLS);
    }

    private ChildProcess ember(Map<String, String> env, String... args) throws IOException {
        Map<String, String> all = new HashMap<>();
        all.put("PATH", tools.path());
        all.put("JAVA_HOME", null);
        all.put("JAVA_OPTS", null);
        all.putAll(env);
        List<String> command =
                Stream.concat(Stream.of(home.resolve("bin/ember").toString()), Stream.of(args))
                        .toList();
        return ChildProcess.start(dir, all, command);
    }

    private Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    @AfterEach
    void removeTools() throws IOException {
        tools.close();
    }

    @Test
    void holdsTheLauncherAndTheJarsOnly() throws IOException {
        try (Stream<Path> top = Files.list(dir)) {
            assertEquals(
                    List.of("ember-" + VERSION, "tools"),
                    top.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (Stream<Path> entries = Files.list(home)) {
            assertEquals(
                    List.of("bin", "lib"),
                    entries.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (Stream<Path> bin = Files.list(home.resolve("bin"))) {
            assertEquals(List.of(home.resolve("bin/ember")), bin.toList());
        }
        assertTrue(Files.isExecutable(home.resolve("bin/ember")));
        try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
            List<String> jars =
                    lib.map(p -> p.getFileName().toString())
                            .filter(name -> !name.equals("spark"))
                            .sorted()
                            .toList();
            assertTrue(jars.stream().allMatch(name -> name.endsWith(".jar")), jars::toString);
            for (String module :
                    List.of("ember-api", "ember-engine", "ember-social", "ember-cli")) {
                assertTrue(jars.contains(module + "-" + VERSION + ".jar"), jars::toString);
            }
            assertTrue(jars.stream().anyMatch(name -> name.startsWith("picocli-")), jars::toString);
        }
        // Spark's jars, which only the JVM that runs a job on Spark puts on its class path.
        try (Stream<Path> spark = Files.list(home.resolve("lib/spark"))) {
            List<String> jars = spark.map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue(jars.stream().allMatch(name -> name.endsWith(".jar")), jars::toString);
            assertTrue(
                    jars.stream().anyMatch(name -> name.startsWith("spark-streaming_2.13-")),
                    jars::toString);
        }
    }

    @Test
    void printsItsVersionWithTheJavaOnThePathAndNoMaven() throws Exception {
        tools.link("java", java());
        try (ChildProcess ember = ember(Map.of(), "--version")) {
            assertEquals(0, ember.waitFor(60), ember::toString);
            List<String> lines = ember.out().lines().toList();
            assertEquals(2, lines.size(), ember::toString);
            assertEquals("ember " + VERSION, lines.get(0));
            assertTrue(lines.get(1).startsWith("Java " + Runtime.version()), ember::toString);
            assertEquals("", ember.err());
        }
    }

    @Test
    void countsTheDemoFeedersWordsWithJavaHomeAndNoMaven() throws Exception {
        try (ChildProcess ember =
                ember(
                        Map.of("JAVA_HOME", System.getProperty("java.home")),
                        "wordcount",
                        "--demo",
                        "--duration",
                        "2s")) {
            assertEquals(0, ember.waitFor(60), ember::toString);
            List<PrintedBatches.Batch> batches = PrintedBatches.parse(ember.out());
            assertTrue(
                    batches.stream().anyMatch(batch -> !batch.elements().isEmpty()),
                    ember::toString);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"11.0.2", "1.8.0_392"})
    void refusesAJavaOlderThan17WithTheFix(String version) throws Exception {
        Path oldJdk = ToolDir.fakeJavaHome(dir.resolve("old-jdk"), version);
        try (ChildProcess ember =
                ember(Map.of("JAVA_HOME", oldJdk.toString()), "wordcount", "--demo")) {
            assertEquals(1, ember.waitFor(60), ember::toString);
            assertEquals(
                    "ember: needs Java 17 or later, but "
                            + oldJdk.resolve("bin/java")
                            + " is Java "
                            + version
                            + ": install a JDK 17+ and put it first on the PATH, or set JAVA_HOME"
                            + " to it\n",
                    ember.err());
            assertEquals("", ember.out());
        }
    }

    @Test
    void saysWhatToInstallWhenThereIsNoJava() throws Exception {
        try (ChildProcess ember = ember(Map.of(), "--version")) {
            assertEquals(1, ember.waitFor(60), ember::toString);
            assertEquals(
                    "ember: needs Java 17 or later, and there is no java on the PATH: install a"
                            + " JDK 17+ (such as openjdk-17-jdk-headless or Temurin 17), or set"
                            + " JAVA_HOME to one\n",
                    ember.err());
        }
        Path notAJdk = Files.createDirectories(dir.resolve("not-a-jdk"));
        try (ChildProcess ember = ember(Map.of("JAVA_HOME", notAJdk.toString()), "--version")) {
            assertEquals(1, ember.waitFor(60), ember::toString);
            assertEquals(
                    "ember: JAVA_HOME is "
                            + notAJdk
                            + ", which has no bin/java: point JAVA_HOME at a JDK 17 or later, or"
                            + " unset it to use the java on the PATH\n",
                    ember.err());
        }
    }
}
