package dev.ember.cli.internal;

import dev.ember.streaming.Duration;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ember wordcount}: Spark Streaming's network word count. */
@Command(
        name = "wordcount",
        mixinStandardHelpOptions = true,
        versionProvider = EmberVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        customSynopsis = {
            "ember wordcount [OPTIONS] <host> <port>",
            "       ember wordcount --files <dir> [OPTIONS]",
            "       ember wordcount --demo [OPTIONS]"
        },
        description = {
            "Counts the words of each batch of lines read from a TCP server (or from the text"
                    + " files moved into a directory).",
            "",
            "Prints the first (word,count) pairs of every batch, as Spark Streaming's network"
                    + " word count does. Words are separated by runs of whitespace; counts are per"
                    + " batch, not running totals. Standard output carries only the batches; logs"
                    + " and messages go to standard error.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  In one terminal, start a server and type lines into it:",
            "    nc -lk 9999",
            "  In another, count the words of every 1s batch (Ctrl-C stops):",
            "    ./ember wordcount localhost 9999",
            "  No server at hand? Count generated text for ten seconds:",
            "    ./ember wordcount --demo --duration 10s",
            "  Running totals that survive a restart (Ctrl-C, then the same command):",
            "    ./ember wordcount localhost 9999 --running --checkpoint ckpt",
            "  ... and that count every line received even after a crash (kill -9):",
            "    ./ember wordcount localhost 9999 --running --checkpoint ckpt --wal",
            "  Count the text files moved into a directory (mv, not cp, so that each is whole):",
            "    ./ember wordcount --files incoming --running --checkpoint ckpt",
            "  The same job on Apache Spark, in this JVM with two cores:",
            "    ./ember wordcount --runner spark --master local[2] localhost 9999",
            "  The live dashboard (top words, batch statistics, SQL) is at the address printed on",
            "  start, http://127.0.0.1:4040/ unless that port is taken; --no-ui turns it off."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:--duration elapsed, and the job stopped gracefully",
            "1:the job failed" + ExitStatus.GRACEFUL_STOP_FAILED_HELP,
            ExitStatus.USAGE_HELP,
            ExitStatus.INTERRUPTED_HELP,
            ExitStatus.TERMINATED_HELP
        })
final class WordCountCommand implements Callable<Integer> {
    private final PrintStream jobOut;

    @Spec CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "<host>",
            description =
                    "Host name or address of the server that sends the lines, such as one started"
                            + " with 'nc -lk 9999'. Not with --demo or --files.")
    String host;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "<port>",
            converter = OptionConverters.Port.class,
            description = "The server's TCP port, 1 to 65535. Not with --demo or --files.")
    Integer port;

    @Option(
            names = "--batch",
            paramLabel = "<interval>",
            defaultValue = "1s",
            converter = OptionConverters.PositiveDuration.class,
            description =
                    "Batch interval: every <interval>, the words of the lines received since the"
                            + " previous batch are counted and printed. Written as 500ms, 1s, 2m"
                            + " or 1h. Default: ${DEFAULT-VALUE}.")
    Duration batch;

    @Mixin(name = RunnerOptions.NAME)
    RunnerOptions runner;

    @Option(
            names = "--print",
            paramLabel = "<n>",
            defaultValue = "10",
            description =
                    "How many (word,count) pairs to print per batch; '...' follows when there are"
                            + " more. Default: ${DEFAULT-VALUE}.")
    int print;

    @Option(
            names = "--duration",
            paramLabel = "<duration>",
            converter = OptionConverters.PositiveDuration.class,
            description =
                    "Stop gracefully after this long (such as 30s or 5m) and exit with status 0."
                            + " Default: run until Ctrl-C or SIGTERM, which also stop gracefully"
                            + " and exit with status 130 or 143.")
    Duration duration;

    @Option(
            names = "--demo",
            description =
                    "Read from a built-in demo feeder instead of a server: a loopback server on"
                            + " 127.0.0.1 (ephemeral port) writing generated English-like text."
                            + " Give no <host> <port> with it.")
    boolean demo;

    @Option(
            names = "--files",
            paramLabel = "<dir>",
            description =
                    "Read the lines of the text files that appear in <dir> instead of a server"
                            + " (textFileStream): each new file is read once, when it is complete"
                            + " (moved in, or unchanged for 2s); files already there at the first"
                            + " start are left out, and with --checkpoint a restart neither skips"
                            + " nor repeats a file. Give no <host> <port> with it.")
    String files;

    @Option(
            names = "--demo-rate",
            paramLabel = "<lines>",
            defaultValue = "2000",
            description =
                    "Lines per second the demo feeder writes, 1 to "
                            + DemoFeeder.MAX_RATE
                            + "; with --demo. Default: ${DEFAULT-VALUE}.")
    int demoRate;

    @Option(
            names = "--checkpoint",
            paramLabel = "<dir>",
            description =
                    "Checkpoint directory: the job saves what it keeps there (running totals,"
                            + " offsets, batches not yet run) and, started again with the same"
                            + " directory, resumes where it was. Needed by --running.")
    String checkpoint;

    @Option(
            names = "--running",
            description =
                    "Print running totals since the start (with mapWithState) instead of each"
                            + " batch's counts: every batch prints the words it held, each with its"
                            + " total so far. Needs --checkpoint.")
    boolean running;

    @Option(
            names = "--wal",
            description =
                    "Write every block of lines the receiver stores to a write-ahead log in the"
                            + " checkpoint directory before taking it, so that after a crash"
                            + " (even kill -9) the restarted job counts every line that was"
                            + " received. Needs --checkpoint; not with --files, which reads again"
                            + " from the files themselves.")
    boolean wal;

    @Mixin(name = DashboardOptions.NAME)
    DashboardOptions dashboard;

    @Mixin(name = LoggingOptions.NAME)
    LoggingOptions logging;

    WordCountCommand(PrintStream jobOut) {
        this.jobOut = jobOut;
    }

    @Override
    public Integer call() throws Exception {
        validate();
        String master = runner.contextMaster(spec.commandLine());
        OptionalInt relaunched = runner.relaunchIfNeeded(spec, jobOut);
        if (relaunched.isPresent()) {
            return relaunched.getAsInt();
        }
        logging.logLevel.apply();
        PrintWriter err = spec.commandLine().getErr();
        if (files != null) {
            job(new WordCountJob.Files(files), master).run(spec.commandLine(), jobOut);
            return CommandLine.ExitCode.OK;
        }
        if (!demo) {
            job(new WordCountJob.Socket(host, port), master).run(spec.commandLine(), jobOut);
            return CommandLine.ExitCode.OK;
        }
        try (DemoFeeder feeder = DemoFeeder.start(demoRate)) {
            err.println(
                    "ember wordcount: reading from a demo feeder on "
                            + DemoFeeder.HOST
                            + ":"
                            + feeder.port()
                            + " ("
                            + demoRate
                            + " lines/s of generated text)");
            err.flush();
            job(new WordCountJob.Socket(DemoFeeder.HOST, feeder.port()), master)
                    .run(spec.commandLine(), jobOut);
        }
        return CommandLine.ExitCode.OK;
    }

    private WordCountJob job(WordCountJob.Lines input, String master) {
        return new WordCountJob(
                input,
                batch,
                master,
                print,
                duration,
                checkpoint,
                running,
                wal,
                dashboard,
                spec.commandLine().getErr());
    }

    private void validate() {
        CommandLine commandLine = spec.commandLine();
        if (files != null) {
            if (demo || host != null) {
                throw new ParameterException(
                        commandLine,
                        "--files reads the files of a directory: give one of <host> <port>, --files"
                                + " or --demo, not two");
            }
            if (wal) {
                throw new ParameterException(
                        commandLine,
                        "--wal logs what a receiver stores, and --files has no receiver: a restart"
                                + " reads again from the files themselves; drop --wal");
            }
            if (commandLine.getParseResult().hasMatchedOption("--demo-rate")) {
                throw new ParameterException(
                        commandLine, "--demo-rate sets the rate of --demo: add --demo or drop it");
            }
        } else if (demo) {
            if (host != null) {
                throw new ParameterException(
                        commandLine,
                        "--demo reads from its own feeder: give either <host> <port> or --demo,"
                                + " not both");
            }
        } else {
            if (host == null) {
                throw new ParameterException(
                        commandLine,
                        "Missing required parameters: '<host>', '<port>' (or use --files <dir> or --demo)");
            }
            if (port == null) {
                throw new ParameterException(commandLine, "Missing required parameter: '<port>'");
            }
            if (commandLine.getParseResult().hasMatchedOption("--demo-rate")) {
                throw new ParameterException(
                        commandLine, "--demo-rate sets the rate of --demo: add --demo or drop it");
            }
        }
        if (wal && checkpoint == null) {
            throw new ParameterException(
                    commandLine,
                    "--wal writes its log in the checkpoint directory: add --checkpoint <dir>");
        }
        if (running && checkpoint == null) {
            throw new ParameterException(
                    commandLine,
                    "--running keeps totals from batch to batch, which needs a checkpoint"
                            + " directory: add --checkpoint <dir>");
        }
        if (print < 0) {
            throw new ParameterException(
                    commandLine,
                    "Invalid value for option '--print': " + print + " is negative; use 0 or more");
        }
        dashboard.validate();
        if (demoRate < 1 || demoRate > DemoFeeder.MAX_RATE) {
            throw new ParameterException(
                    commandLine,
                    "Invalid value for option '--demo-rate': "
                            + demoRate
                            + " is not between 1 and "
                            + DemoFeeder.MAX_RATE);
        }
    }
}
