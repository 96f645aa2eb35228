package dev.ember.cli.internal;

import picocli.CommandLine.Option;

/** The {@code --log-level} option of every command that runs a job, as a picocli mixin. */
final class LoggingOptions {
    /** The mixin's name, by which {@link ErrorReporter} finds it on a command. */
    static final String NAME = "logging";

    @Option(
            names = "--log-level",
            paramLabel = "<level>",
            defaultValue = "warn",
            converter = LogLevel.Converter.class,
            completionCandidates = LogLevel.Names.class,
            description =
                    "Level of the log written to standard error: ${COMPLETION-CANDIDATES}. At"
                            + " debug and trace, failures also show their stack trace. Default:"
                            + " ${DEFAULT-VALUE}.")
    LogLevel logLevel;
}
