package dev.ember.cli.internal;

import dev.ember.spark.SparkSetup;
import dev.ember.spi.LocalMaster;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --runner} and {@code --master} options of every command that runs a job, as a picocli
 * mixin: where the job runs, on the local runner in this JVM or on Apache Spark, and the master
 * that the job's {@code StreamingContext} gets for it.
 *
 * <p>Spark 4 needs JVM options on Java 17 ({@link SparkSetup#javaOptions()}). When the job runs on
 * Spark and this JVM lacks them, {@link #relaunchIfNeeded} runs the same command line in a child
 * JVM that has them, with this JVM's own options and class path, passing its output through and its
 * stop signals on.
 */
final class RunnerOptions {
    /** The mixin's name on a command. */
    static final String NAME = "runner";

    /** Set in the child JVM, so that it never relaunches itself again. */
    private static final String RELAUNCHED = "ember.spark.relaunched";

    /** How long a stop signal gives the child JVM to stop gracefully. */
    private static final long CHILD_GRACE_MILLIS = 15_000;

    /** Where a job runs. */
    enum Kind {
        LOCAL,
        SPARK;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Parses {@code --runner}, in any case. */
    static final class KindConverter implements ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            for (Kind kind : Kind.values()) {
                if (kind.toString().equalsIgnoreCase(value.strip())) {
                    return kind;
                }
            }
            throw new TypeConversionException(
                    "'" + value + "' is not a runner: use local or spark");
        }
    }

    @Option(
            names = "--runner",
            paramLabel = "<runner>",
            converter = KindConverter.class,
            description =
                    "Where the job runs: 'local' runs it in this JVM on Ember's own engine; 'spark'"
                            + " runs the same job on Apache Spark Streaming, with --master"
                            + " local[N] (Spark in this JVM), spark://host:port (a standalone"
                            + " cluster), yarn or k8s://https://host:port. Default: local, or spark"
                            + " when --master names a cluster.")
    Kind runner;

    @Option(
            names = "--master",
            paramLabel = "<master>",
            defaultValue = "local[2]",
            description =
                    "The master: 'local' has one worker thread, 'local[N]' has N and 'local[*]' one"
                            + " per core; on the local runner the receiver has a thread of its own,"
                            + " so even 'local' keeps counting, while Spark needs a core per"
                            + " receiver plus one. With --runner spark also spark://host:port,"
                            + " yarn and k8s://https://host:port. Default: ${DEFAULT-VALUE}.")
    String master;

    /**
     * The master for the job's {@code StreamingContext}: {@code local[N]} on the local runner;
     * {@code spark-local[N]}, {@code spark://...}, {@code yarn} or {@code k8s://...} on Spark.
     *
     * @throws ParameterException when the runner and the master do not go together
     */
    String contextMaster(CommandLine commandLine) {
        boolean localMaster = master.startsWith("local");
        boolean clusterMaster =
                master.startsWith("spark://")
                        || master.equals("yarn")
                        || master.startsWith("k8s://");
        if (!localMaster && !clusterMaster) {
            throw new ParameterException(
                    commandLine,
                    "Invalid value for option '--master': '"
                            + master
                            + "' is not a master: use local, local[N], local[*], or with --runner"
                            + " spark also spark://host:port, yarn or k8s://https://host:port");
        }
        if (localMaster) {
            try {
                LocalMaster.threads(master);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(
                        commandLine, "Invalid value for option '--master': " + e.getMessage());
            }
            return onSpark() ? "spark-" + master : master;
        }
        if (runner == Kind.LOCAL) {
            throw new ParameterException(
                    commandLine,
                    "--master "
                            + master
                            + " is a Spark master, which the local runner cannot use: drop"
                            + " --runner local (or use --runner spark), or use local[N]");
        }
        return master;
    }

    /** True when the job runs on Spark. */
    boolean onSpark() {
        return runner == Kind.SPARK || (runner == null && !master.startsWith("local"));
    }

    /**
     * On Spark, in a JVM without the options Spark needs: runs this command line again in a child
     * JVM that has them, copying its standard output to {@code jobOut} and its standard error to
     * {@code err}, and returns its exit status. Otherwise returns empty, and the job runs here.
     */
    OptionalInt relaunchIfNeeded(CommandSpec spec, PrintStream jobOut) throws InterruptedException {
        if (!onSpark()
                || (SparkSetup.jvmIsReady() && sparkIsHere())
                || Boolean.getBoolean(RELAUNCHED)) {
            return OptionalInt.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // A debugger's agent listens on a port that this JVM holds already.
            if (!option.startsWith("-agentlib:jdwp")) {
                command.add(option);
            }
        }
        command.addAll(SparkSetup.javaOptions());
        command.add("-D" + RELAUNCHED + "=true");
        command.add("-cp");
        command.add(
                sparkIsHere()
                        ? System.getProperty("java.class.path")
                        : System.getProperty("java.class.path")
                                + java.io.File.pathSeparator
                                + sparkClassPath());
        command.add(dev.ember.cli.Ember.class.getName());
        command.addAll(spec.root().commandLine().getParseResult().originalArgs());
        Process child;
        try {
            child =
                    new ProcessBuilder(command)
                            .redirectInput(ProcessBuilder.Redirect.INHERIT)
                            .start();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot start a JVM with the options Spark needs (" + command.get(0) + ")", e);
        }
        PrintWriter err = spec.commandLine().getErr();
        Thread out = copy(child.getInputStream(), jobOut, "ember-spark-jvm-out");
        Thread errors =
                copy(child.getErrorStream(), new WriterOutputStream(err), "ember-spark-jvm-err");
        Thread forward =
                new Thread(
                        () -> {
                            child.destroy();
                            try {
                                if (!child.waitFor(CHILD_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                                    child.destroyForcibly();
                                }
                                out.join(CHILD_GRACE_MILLIS);
                                errors.join(CHILD_GRACE_MILLIS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "ember-spark-jvm-stop");
        Runtime.getRuntime().addShutdownHook(forward);
        int status = child.waitFor();
        out.join();
        errors.join();
        try {
            Runtime.getRuntime().removeShutdownHook(forward);
        } catch (IllegalStateException shutdownInProgress) {
            // The hook is running: the child has exited already.
        }
        return OptionalInt.of(status);
    }

    /** True when Spark's classes are on this JVM's class path, as in an embedding program. */
    private static boolean sparkIsHere() {
        try {
            Class.forName(
                    "org.apache.spark.SparkContext", false, RunnerOptions.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * Spark's jars: {@code lib/spark/*} beside the command's own jar in a distribution, or the list
     * the build writes beside its classes ({@code target/spark-runner-classpath.txt}).
     */
    private static String sparkClassPath() {
        Path own;
        try {
            own =
                    Path.of(
                            RunnerOptions.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI());
        } catch (Exception e) {
            throw new IllegalStateException("cannot tell where the ember command's classes are", e);
        }
        Path lib = own.getParent().resolve("spark");
        if (Files.isDirectory(lib)) {
            return lib + java.io.File.separator + "*";
        }
        Path listed = own.getParent().resolve("spark-runner-classpath.txt");
        if (Files.isRegularFile(listed)) {
            try {
                return Files.readString(listed).trim();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + listed, e);
            }
        }
        throw new IllegalStateException(
                "Spark's jars are not beside the ember command ("
                        + lib
                        + " is missing): rebuild the distribution, or run from a build that"
                        + " wrote "
                        + listed);
    }

    private static Thread copy(InputStream from, OutputStream to, String name) {
        Thread t =
                new Thread(
                        () -> {
                            byte[] buffer = new byte[8192];
                            try (from) {
                                for (int n; (n = from.read(buffer)) >= 0; ) {
                                    to.write(buffer, 0, n);
                                    to.flush();
                                }
                            } catch (IOException e) {
                                // The child's pipe closed: nothing more to copy.
                            }
                        },
                        name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
