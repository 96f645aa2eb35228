package dev.ember.cli.internal;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns failures into exit codes and one line on standard error: usage errors exit with 2, failures
 * of the job with 1. A stack trace follows only at {@code --log-level debug} or {@code trace}, for
 * the developers it helps; everyone else gets the sentence that says what to do.
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        String name = commandLine.getCommandSpec().qualifiedName();
        String message = oneLine(ex.getMessage());
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                message += "; did you mean " + suggestions.get(0) + "?";
            }
        }
        commandLine.getErr().println(name + ": " + message + " (see '" + name + " --help')");
        commandLine.getErr().flush();
        return ExitStatus.USAGE;
    }

    @Override
    public int handleExecutionException(
            Exception ex, CommandLine commandLine, ParseResult parseResult) {
        return report(commandLine, ex);
    }

    /**
     * Writes the one line that says what failed to {@code commandLine}'s standard error, with the
     * stack trace when the command's {@code --log-level} asks for it.
     *
     * @return the exit status of a failed job, {@link ExitStatus#FAILED}
     */
    static int report(CommandLine commandLine, Throwable ex) {
        String name = commandLine.getCommandSpec().qualifiedName();
        commandLine.getErr().println(name + ": " + describe(ex));
        CommandSpec logging = commandLine.getCommandSpec().mixins().get(LoggingOptions.NAME);
        if (logging != null
                && logging.userObject() instanceof LoggingOptions options
                && options.logLevel != null
                && options.logLevel.showsStackTraces()) {
            ex.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
        return ExitStatus.FAILED;
    }

    private static String describe(Throwable ex) {
        if (ex instanceof InterruptedException) {
            return "interrupted";
        }
        String message = ex.getMessage();
        if (message == null || message.isBlank()) {
            message = ex.getClass().getSimpleName();
        }
        Throwable cause = ex.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += " (" + cause.getMessage() + ")";
        }
        return oneLine(message);
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
