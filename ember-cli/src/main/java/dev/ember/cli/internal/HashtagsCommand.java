package dev.ember.cli.internal;

import dev.ember.social.KeywordFilter;
import dev.ember.social.PostSource;
import dev.ember.streaming.Duration;
import dev.ember.streaming.SourceException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ember hashtags}: the tutorial's trending-hashtags notebook as one command. */
@Command(
        name = "hashtags",
        mixinStandardHelpOptions = true,
        versionProvider = EmberVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Ranks the hashtags of a sliding window of posts: the tutorial's trending-hashtags"
                    + " notebook.",
            "",
            "Every --slide, the hashtags of the posts of the last --window are counted"
                    + " (lower-cased, with their #, once per post) and the top --top printed in"
                    + " Spark's show() format, most frequent first and ties by tag, after a"
                    + " header with the window's time range and source. On a terminal a bar chart"
                    + " follows each table and a progress line runs on standard error; redirected,"
                    + " standard output carries only headers and tables. The top is also the SQL"
                    + " view --table, replaced atomically every window.",
            ""
        },
        footerHeading = "%nSources:%n",
        footer = {
            "  demo                   synthetic posts, no network needed (default; see --rate,"
                    + " --seed)",
            "  socket:<host>:<port>   lines of text over TCP, as the notebook's"
                    + " socketTextStream; 'ember relay' serves them",
            "  file:<dir>             the lines of the text files moved into <dir>, as"
                    + " textFileStream (files already there at the first start are left out)",
            "  bluesky[:<host>]       Bluesky Jetstream, free and without an account",
            "  x                      the X API v2 filtered stream; needs X_BEARER_TOKEN and"
                    + " --track",
            "  mastodon[:<host>]      Mastodon streaming (default mastodon.social); needs"
                    + " MASTODON_TOKEN",
            "  replay:<file>          a JSON Lines file of posts, at recorded pace (see --speed)",
            "",
            "Examples:",
            "  ./ember hashtags                                   # the demo stream, offline",
            "  ./ember relay --source demo --track messi --port 5555",
            "  ./ember hashtags --source socket:localhost:5555    # in another terminal",
            "  ./ember hashtags --source bluesky --plot-dir plots # live posts, a PNG per window",
            "  ./ember hashtags --windows 10 --history tags.duckdb"
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:success (--windows or --duration reached, a replay ended, or Ctrl-C)",
            "1:the job or its source failed",
            "2:usage error"
        })
final class HashtagsCommand implements Callable<Integer> {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final PrintStream jobOut;

    @Spec CommandSpec spec;

    @Option(
            names = "--source",
            paramLabel = "<source>",
            defaultValue = "demo",
            converter = SourceOption.JobConverter.class,
            description =
                    "Where posts come from: "
                            + SourceOption.JOB_SYNTAX
                            + " (see below). Default: ${DEFAULT-VALUE}.")
    SourceOption source;

    @Option(
            names = "--track",
            paramLabel = "<words>",
            description =
                    "Comma-separated keywords, as the tutorial's track=['messi']: only posts (or"
                            + " lines) that mention one of them, as a whole word in any case or as"
                            + " a hashtag, are counted; #tag matches only that hashtag. Default:"
                            + " every post.")
    String track;

    @Option(
            names = "--batch",
            paramLabel = "<interval>",
            defaultValue = "10s",
            converter = OptionConverters.PositiveDuration.class,
            description =
                    "Batch interval, written as 500ms, 1s, 2m or 1h. Default: ${DEFAULT-VALUE}.")
    Duration batch;

    @Option(
            names = "--window",
            paramLabel = "<length>",
            defaultValue = "20s",
            converter = OptionConverters.PositiveDuration.class,
            description =
                    "How far back each ranking looks; a multiple of --batch. Default:"
                            + " ${DEFAULT-VALUE}.")
    Duration window;

    @Option(
            names = "--slide",
            paramLabel = "<interval>",
            defaultValue = "10s",
            converter = OptionConverters.PositiveDuration.class,
            description =
                    "How often a ranking is printed; a multiple of --batch. Default:"
                            + " ${DEFAULT-VALUE}.")
    Duration slide;

    @Option(
            names = "--top",
            paramLabel = "<n>",
            defaultValue = "10",
            description = "How many hashtags each ranking holds. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(
            names = "--table",
            paramLabel = "<name>",
            defaultValue = "tweetsmessi",
            description =
                    "Name of the SQL view that holds the current ranking (columns tag and count),"
                            + " and of its history table. Default: ${DEFAULT-VALUE}.")
    String table;

    @Option(
            names = "--history",
            paramLabel = "<file>",
            description =
                    "Also append every window's ranking, with its end time as window_end, to table"
                            + " --table of this DuckDB file, for any DuckDB client to query once"
                            + " the job has ended.")
    Path history;

    @Option(
            names = "--checkpoint",
            paramLabel = "<dir>",
            description =
                    "Checkpoint directory: the job keeps the batches its windows still need, and"
                            + " its sources' offsets, there; started again with the same directory"
                            + " it resumes, so the next window still counts what came before a"
                            + " stop or a crash.")
    Path checkpoint;

    @Option(
            names = "--plot-dir",
            paramLabel = "<dir>",
            description =
                    "Also draw every window's ranking as a bar chart: a PNG per window in this"
                            + " directory, and latest.png. A chart that cannot be drawn is logged"
                            + " and skipped.")
    Path plotDir;

    @Option(
            names = "--windows",
            paramLabel = "<n>",
            description =
                    "Stop after this many windows and exit with status 0, as the notebook's loop"
                            + " of ten. Default: no limit.")
    Integer windows;

    @Option(
            names = "--duration",
            paramLabel = "<duration>",
            converter = OptionConverters.PositiveDuration.class,
            description =
                    "Stop gracefully after this long (such as 30s or 5m) and exit with status 0."
                            + " Default: run until Ctrl-C, which also stops gracefully.")
    Duration duration;

    @Mixin SourceTuningOptions tuning;

    @Mixin(name = RunnerOptions.NAME)
    RunnerOptions runner;

    @Mixin(name = DashboardOptions.NAME)
    DashboardOptions dashboard;

    @Mixin(name = LoggingOptions.NAME)
    LoggingOptions logging;

    HashtagsCommand(PrintStream jobOut) {
        this.jobOut = jobOut;
    }

    @Override
    public Integer call() throws Exception {
        KeywordFilter keywords = tuning.track(track);
        SourceOption.Settings sourceSettings = tuning.settings(source, keywords, false);
        validate(keywords);
        String master = runner.contextMaster(spec.commandLine());
        if (runner.onSpark()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "the trending-hashtags job does not run on Spark yet: its source reports to the"
                            + " command in this JVM, and its SQL view has no engine on Spark; use --runner"
                            + " local (ember wordcount runs on Spark)");
        }
        OptionalInt relaunched = runner.relaunchIfNeeded(spec, jobOut);
        if (relaunched.isPresent()) {
            return relaunched.getAsInt();
        }
        logging.logLevel.apply();
        PrintWriter err = spec.commandLine().getErr();

        PostSource first = null;
        String description;
        if (source.kind() == SourceOption.Kind.SOCKET) {
            description = "socket " + source.argument();
        } else if (source.kind() == SourceOption.Kind.FILE) {
            description = "files in " + source.argument();
        } else {
            first = open(sourceSettings);
            if (source.kind().isLive()) {
                try {
                    SourceReachability.check(source);
                } catch (RuntimeException e) {
                    first.close();
                    throw e;
                }
            }
            description = first.description();
        }
        if (!keywords.isEmpty()) {
            description += ", tracking " + String.join(", ", keywords.keywords());
        }
        HashtagsJob.Settings settings =
                new HashtagsJob.Settings(
                        source,
                        description,
                        first,
                        sourceSettings,
                        keywords,
                        batch,
                        window,
                        slide,
                        top,
                        table,
                        history,
                        checkpoint,
                        windows,
                        duration,
                        master);

        boolean terminal = System.console() != null;
        ProgressLine progress = new ProgressLine(err, terminal, "ember hashtags: ", 5);
        ZoneId zone = ZoneId.systemDefault();
        List<HashtagsJob.WindowListener> listeners = new ArrayList<>();
        listeners.add(
                new WindowPrinter(
                        jobOut,
                        description,
                        settings.unit(),
                        zone,
                        progress,
                        terminal ? TerminalSize::columns : null));
        if (plotDir != null) {
            if (System.getProperty("java.awt.headless") == null) {
                System.setProperty("java.awt.headless", "true");
            }
            listeners.add(new PlotWriter(plotDir, description, zone, ChartFonts::installed));
        }
        HashtagsJob job = new HashtagsJob(settings, listeners, dashboard, err);
        err.println(
                "ember hashtags: "
                        + description
                        + "; top "
                        + top
                        + " of a "
                        + window.pretty()
                        + " window every "
                        + slide.pretty()
                        + " as view "
                        + table
                        + (history == null ? "" : ", history in " + history)
                        + (plotDir == null ? "" : ", charts in " + plotDir));
        err.flush();
        run(job, progress);
        return CommandLine.ExitCode.OK;
    }

    private void run(HashtagsJob job, ProgressLine progress) throws Exception {
        ScheduledExecutorService ticker =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "ember-hashtags-progress");
                            t.setDaemon(true);
                            return t;
                        });
        ticker.scheduleAtFixedRate(
                () -> progress.tick(job.progress().status(System.currentTimeMillis())),
                1,
                1,
                TimeUnit.SECONDS);
        try {
            job.run(spec.commandLine());
        } finally {
            ticker.shutdownNow();
            progress.finish(job.progress().summary());
        }
    }

    /** The first instance of the post source; a missing token or file fails here, at once. */
    private PostSource open(SourceOption.Settings sourceSettings) {
        try {
            return source.open(sourceSettings);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new SourceException(
                    "source "
                            + source
                            + " cannot start: "
                            + e.getMessage()
                            + (source.kind().isLive() ? "; or run offline with --source demo" : ""),
                    e);
        }
    }

    private void validate(KeywordFilter keywords) {
        CommandLine commandLine = spec.commandLine();
        dashboard.validate();
        if (source.kind() == SourceOption.Kind.X && keywords.isEmpty()) {
            throw new ParameterException(
                    commandLine,
                    "the x source streams the posts that match its rules, made from --track: give"
                            + " --track words, such as --track messi");
        }
        requireMultipleOfBatch("--window", window);
        requireMultipleOfBatch("--slide", slide);
        if (top < 1) {
            throw new ParameterException(
                    commandLine, "Invalid value for option '--top': " + top + " is not at least 1");
        }
        if (windows != null && windows < 1) {
            throw new ParameterException(
                    commandLine,
                    "Invalid value for option '--windows': " + windows + " is not at least 1");
        }
        if (!PLAIN_NAME.matcher(table).matches()) {
            throw new ParameterException(
                    commandLine,
                    "Invalid value for option '--table': '"
                            + table
                            + "' is not a plain SQL name; use letters, digits and _, not starting"
                            + " with a digit, such as tweetsmessi");
        }
        if (plotDir != null && Files.exists(plotDir) && !Files.isDirectory(plotDir)) {
            throw new ParameterException(
                    commandLine,
                    "Invalid value for option '--plot-dir': "
                            + plotDir
                            + " is a file; give a directory, which is created when missing");
        }
    }

    private void requireMultipleOfBatch(String option, Duration value) {
        if (value.isMultipleOf(batch)) {
            return;
        }
        long b = batch.milliseconds();
        long below = value.milliseconds() / b * b;
        Duration above = new Duration(below + b);
        String use =
                below == 0
                        ? above.pretty()
                        : new Duration(below).pretty() + " or " + above.pretty();
        throw new ParameterException(
                spec.commandLine(),
                option
                        + " "
                        + value.pretty()
                        + " is not a multiple of --batch "
                        + batch.pretty()
                        + ": use "
                        + use);
    }
}
