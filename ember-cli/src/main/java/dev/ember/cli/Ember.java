package dev.ember.cli;

import java.io.PrintStream;
import java.util.ServiceLoader;
import java.util.spi.ToolProvider;

/**
 * The {@code ember} command: runs Ember's streaming jobs, such as the network word count, from the
 * command line.
 *
 * <pre>{@code
 * nc -lk 9999                          # terminal 1: type lines here
 * ./ember wordcount localhost 9999     # terminal 2: word counts of every 1 s batch
 * ./ember wordcount --demo             # or: no server needed, a built-in text feeder
 * ./ember --help                       # every command and option
 * }</pre>
 *
 * <p>Standard output carries only the jobs' output (the batches, in Spark's {@code print()}
 * format); logs and messages go to standard error, at level {@code warn} unless {@code --log-level}
 * says otherwise. Exit status: {@code 0} the job ended by itself ({@code --duration} elapsed, or
 * its source ended), {@code 1} the job failed, {@code 2} usage error; {@code 130} after Ctrl-C and
 * {@code 143} after SIGTERM, each once the job stopped gracefully (or {@code 1} when that failed).
 *
 * <p>The command is also a {@link ToolProvider} named {@code ember}, so other Java programs can run
 * it in their own JVM with {@code ToolProvider.findFirst("ember")}.
 */
public final class Ember {
    /** The name of the {@link ToolProvider} that implements the command. */
    public static final String TOOL_NAME = "ember";

    private Ember() {}

    /**
     * Runs the command with {@code args} and exits the JVM with its exit status.
     *
     * @param args the command line, such as {@code wordcount localhost 9999 --batch 2s}
     */
    public static void main(String[] args) {
        // slf4j-simple reads its configuration once, at the first LoggerFactory call: set it first.
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        System.exit(run(System.out, System.err, args));
    }

    /**
     * Runs the command with {@code args} in this JVM, as {@link #main} does but without exiting.
     *
     * @param out where the jobs' output (and {@code --help}, {@code --version}) goes
     * @param err where messages and logs written by the command go
     * @param args the command line
     * @return the exit status: {@code 0} the job ended by itself, {@code 1} the job failed, {@code
     *     2} usage error
     * @throws IllegalStateException when ember-cli's implementation is not on the classpath
     */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return tool().run(out, err, args);
    }

    private static ToolProvider tool() {
        for (ToolProvider tool :
                ServiceLoader.load(ToolProvider.class, Ember.class.getClassLoader())) {
            if (tool.name().equals(TOOL_NAME)) {
                return tool;
            }
        }
        throw new IllegalStateException(
                "No ToolProvider named '"
                        + TOOL_NAME
                        + "' on the classpath: put all of ember-cli's classes and resources on it,"
                        + " including META-INF/services/java.util.spi.ToolProvider");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
