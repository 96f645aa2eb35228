package dev.ember.cli.internal;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code ember} command: help, version, and the subcommands that run jobs. */
@Command(
        name = "ember",
        mixinStandardHelpOptions = true,
        versionProvider = EmberVersion.class,
        description = "Runs Spark Streaming-style jobs in this JVM: no cluster, no spark-submit.",
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./ember hashtags                  # trending hashtags of the offline demo stream",
            "  nc -lk 9999                       # terminal 1: type lines here",
            "  ./ember wordcount localhost 9999  # terminal 2: word counts every 1s",
            "  ./ember wordcount --demo          # no server: a built-in text feeder",
            "  ./ember wordcount --runner spark --master local[2] localhost 9999",
            "                                    # the same job on Apache Spark",
            "  ./ember relay --source demo --track messi --port 5555",
            "                                    # the tutorial's tweet listener",
            "  ./ember hashtags --source socket:localhost:5555",
            "                                    # ... and its trending-hashtags job",
            "  ./ember help wordcount            # every option of wordcount"
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:the job ended by itself (--duration elapsed, or its source ended)",
            "1:the job failed" + ExitStatus.GRACEFUL_STOP_FAILED_HELP,
            ExitStatus.USAGE_HELP,
            ExitStatus.INTERRUPTED_HELP,
            ExitStatus.TERMINATED_HELP
        })
final class EmberCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    /**
     * The whole command line, ready to {@code execute}.
     *
     * @param jobOut where jobs print their batches
     * @param out where help and version text go
     * @param err where messages go
     */
    static CommandLine commandLine(PrintStream jobOut, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new EmberCommand());
        commandLine.addSubcommand("wordcount", new WordCountCommand(jobOut));
        commandLine.addSubcommand("hashtags", new HashtagsCommand(jobOut));
        commandLine.addSubcommand("relay", new RelayCommand(jobOut));
        commandLine.addSubcommand("help", new CommandLine.HelpCommand());
        // Setters apply to the subcommands already added, so they come last.
        ErrorReporter errors = new ErrorReporter();
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setExecutionExceptionHandler(errors);
        return commandLine;
    }

    @Override
    public Integer call() {
        throw new ParameterException(
                spec.commandLine(),
                "Missing command: use one of " + String.join(", ", spec.subcommands().keySet()));
    }
}
