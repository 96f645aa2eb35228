package dev.ember.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder to be a process's whole {@code PATH}: links to the named commands of this machine's
 * {@code PATH} and scripts written by the test, so a test controls which tools a script finds (no
 * {@code mvn}, an old {@code mvn}).
 */
final class ToolDir implements AutoCloseable {
    private final Path dir;

    ToolDir(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    /** Links each of {@code names} to the command of that name on this machine's {@code PATH}. */
    ToolDir link(List<String> names) throws IOException {
        for (String name : names) {
            Files.createSymbolicLink(dir.resolve(name), which(name));
        }
        return this;
    }

    /** Links {@code name} to {@code target}. */
    ToolDir link(String name, Path target) throws IOException {
        Files.createSymbolicLink(dir.resolve(name), target);
        return this;
    }

    /** Writes an executable {@code /bin/sh} script named {@code name}. */
    ToolDir script(String name, String body) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return this;
    }

    /** Removes the links and scripts, so the test's temporary folder holds no link to outside. */
    @Override
    public void close() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                Files.delete(entry);
            }
        }
    }

    /** The folder, as a {@code PATH} value. */
    String path() {
        return dir.toString();
    }

    private static Path which(String name) {
        for (String entry : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(entry, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "the tests need '"
                        + name
                        + "' on the PATH: install it (it is in coreutils,"
                        + " findutils, util-linux or bash)");
    }

    /** A JDK-like home whose release file says {@code version}; its java only prints it. */
    static Path fakeJavaHome(Path home, String version) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        new ToolDir(home.resolve("bin"))
                .script("java", "echo 'openjdk version \"" + version + "\"' >&2");
        return home;
    }
}
