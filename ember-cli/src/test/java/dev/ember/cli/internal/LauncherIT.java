package dev.ember.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkout's {@code ./ember} launcher, run as a user runs it, in copies of this checkout that
 * share one local Maven repository: each copy runs its own build and nothing another copy built, an
 * edit is rebuilt, two first runs at once build once, and a missing or old Maven or Java is named
 * before any build starts.
 */
@Timeout(1200)
class LauncherIT {
    private static final Path CHECKOUT =
            Path.of(System.getProperty("ember.checkout")).toAbsolutePath().normalize();
    private static final String BUILDING = "ember: building Ember";

    /** The engine's line that starts each printed batch, and a clone's changed version of it. */
    private static final Path PRINTER =
            Path.of("ember-engine/src/main/java/dev/ember/engine/internal/exec/PlanEvaluator.java");

    private static final String TIME = "sb.append(\"Time: \")";
    private static final String MARKED_TIME = "sb.append(\"Time (clone a): \")";

    @TempDir Path dir;

    /** A copy of this checkout's sources as a fresh clone has them: no target/ folders. */
    private static Path cloneOf(Path into) throws IOException {
        Files.walkFileTree(
                CHECKOUT,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(
                            Path source, BasicFileAttributes attributes) throws IOException {
                        String name = source.getFileName().toString();
                        if (!source.equals(CHECKOUT)
                                && (name.equals("target") || name.startsWith("."))) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        Files.createDirectories(into.resolve(CHECKOUT.relativize(source)));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path source, BasicFileAttributes attributes)
                            throws IOException {
                        Files.copy(
                                source,
                                into.resolve(CHECKOUT.relativize(source)),
                                StandardCopyOption.COPY_ATTRIBUTES);
                        return FileVisitResult.CONTINUE;
                    }
                });
        return into;
    }

    /** {@code ./ember args} in {@code clone}, building with the enclosing build's repository. */
    private static ChildProcess ember(Path clone, Map<String, String> env, String... args)
            throws IOException {
        Map<String, String> all = new HashMap<>();
        all.put("MAVEN_OPTS", "-Dmaven.repo.local=" + System.getProperty("ember.localRepository"));
        all.put("JAVA_OPTS", null);
        all.putAll(env);
        List<String> command = new ArrayList<>(List.of("./ember"));
        command.addAll(List.of(args));
        return ChildProcess.start(clone, all, command);
    }

    private static ChildProcess demo(Path clone) throws IOException {
        return ember(
                clone, Map.of(), "wordcount", "--demo", "--duration", "2s", "--batch", "500ms");
    }

    /** Runs the demo word count to its end in {@code clone}; returns what it printed. */
    private static ChildProcess finishedDemo(Path clone) throws Exception {
        try (ChildProcess run = demo(clone)) {
            assertEquals(0, run.waitFor(900), run::toString);
            assertFalse((batches(run.out()) == 0), run::toString);
            return run;
        }
    }

    /** How many batches {@code out} shows, with or without the marker. */
    private static long batches(String out) {
        return out.lines().filter(line -> line.matches("Time( \\(clone a\\))?: \\d+ ms")).count();
    }

    private static void replace(Path clone, String from, String to) throws IOException {
        Path file = clone.resolve(PRINTER);
        String source = Files.readString(file);
        assertTrue(source.contains(from), () -> PRINTER + " no longer holds " + from);
        Files.writeString(file, source.replace(from, to));
    }

    @Test
    void eachCloneRunsItsOwnBuildRebuildsAfterAnEditAndBuildsOnceForTwoFirstRuns()
            throws Exception {
        Path a = cloneOf(dir.resolve("a"));
        Path b = cloneOf(dir.resolve("b"));

        // Two first runs of b at once: one builds, the other waits for it; both run b's code.
        ChildProcess first;
        ChildProcess second;
        try (ChildProcess one = demo(b);
                ChildProcess two = demo(b)) {
            assertEquals(0, one.waitFor(900), one::toString);
            assertEquals(0, two.waitFor(900), two::toString);
            first = one;
            second = two;
        }
        assertEquals(
                1,
                (first.err().contains(BUILDING) ? 1 : 0)
                        + (second.err().contains(BUILDING) ? 1 : 0),
                () -> "one build for two first runs:\n" + first + "\n" + second);
        for (ChildProcess run : List.of(first, second)) {
            assertFalse((batches(run.out()) == 0), run::toString);
            assertFalse(run.out().contains("clone a"), run::toString);
        }

        // a's engine prints a marker; a builds and runs it.
        replace(a, TIME, MARKED_TIME);
        ChildProcess marked = finishedDemo(a);
        assertTrue(marked.err().contains(BUILDING), marked::toString);
        assertTrue(marked.out().contains("Time (clone a): "), marked::toString);

        // b, unchanged, does not rebuild and still runs its own engine, not the one a built.
        ChildProcess unmarked = finishedDemo(b);
        assertFalse(unmarked.err().contains(BUILDING), unmarked::toString);
        assertFalse(unmarked.out().contains("clone a"), unmarked::toString);

        // Undoing the edit in a is an edit too: a rebuilds, and the marker is gone.
        replace(a, MARKED_TIME, TIME);
        ChildProcess undone = finishedDemo(a);
        assertTrue(undone.err().contains(BUILDING), undone::toString);
        assertFalse(undone.out().contains("clone a"), undone::toString);
    }

    /** The launcher and the script it shares with the distribution: all a version check needs. */
    private Path launcherOnly() throws IOException {
        Path clone = dir.resolve("launcher-only");
        Path script = Path.of("ember-cli/src/dist/bin/ember");
        Files.createDirectories(clone.resolve(script).getParent());
        Files.copy(CHECKOUT.resolve("ember"), clone.resolve("ember"));
        Files.copy(CHECKOUT.resolve(script), clone.resolve(script));
        return clone;
    }

    private static final List<String> SHELL_TOOLS =
            List.of(
                    "bash",
                    "dirname",
                    "readlink",
                    "sed",
                    "head",
                    "find",
                    "mkdir",
                    "touch",
                    "rm",
                    "mv",
                    "cat",
                    "flock");

    private ToolDir tools() throws IOException {
        return new ToolDir(dir.resolve("tools"))
                .link(SHELL_TOOLS)
                .link("java", Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    @Test
    void namesAMissingMavenBeforeAnyBuild() throws Exception {
        Path clone = launcherOnly();
        try (ToolDir tools = tools();
                ChildProcess run =
                        ember(clone, Map.of("PATH", tools.path(), "JAVA_HOME", ""), "--version")) {
            assertEquals(1, run.waitFor(60), run::toString);
            assertEquals(
                    "ember: building Ember needs Maven 3.8 or later, and there is no mvn on the"
                            + " PATH: install Maven 3.8+ (such as Debian's maven package, or from"
                            + " maven.apache.org), or run a built distribution, which needs no"
                            + " Maven\n",
                    run.err());
        }
        assertFalse(Files.exists(clone.resolve("ember-cli/target/ember")));
    }

    @Test
    void namesAnOldMavenBeforeAnyBuild() throws Exception {
        Path clone = launcherOnly();
        // Maven 3.6.3's own first line of 'mvn -v'.
        try (ToolDir tools =
                        tools().script(
                                        "mvn",
                                        "echo 'Apache Maven 3.6.3"
                                                + " (cecedd343002696d0abb50b32b541b8a6ba2883f)'");
                ChildProcess run =
                        ember(clone, Map.of("PATH", tools.path(), "JAVA_HOME", ""), "--version")) {
            assertEquals(1, run.waitFor(60), run::toString);
            assertEquals(
                    "ember: building Ember needs Maven 3.8 or later, but "
                            + dir.resolve("tools/mvn")
                            + " is Maven 3.6.3: install Maven 3.8+ and put it first on the PATH\n",
                    run.err());
        }
        assertFalse(Files.exists(clone.resolve("ember-cli/target/ember")));
    }

    @Test
    void namesAnOldJavaBeforeAnyBuild() throws Exception {
        Path clone = launcherOnly();
        Path oldJdk = ToolDir.fakeJavaHome(dir.resolve("old-jdk"), "11.0.2");
        try (ChildProcess run =
                ember(clone, Map.of("JAVA_HOME", oldJdk.toString()), "wordcount", "--demo")) {
            assertEquals(1, run.waitFor(60), run::toString);
            assertEquals(
                    "ember: needs Java 17 or later, but "
                            + oldJdk.resolve("bin/java")
                            + " is Java 11.0.2: install a JDK 17+ and put it first on the PATH,"
                            + " or set JAVA_HOME to it\n",
                    run.err());
        }
        assertFalse(Files.exists(clone.resolve("ember-cli/target/ember")));
    }
}
