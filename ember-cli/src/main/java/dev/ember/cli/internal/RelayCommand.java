package dev.ember.cli.internal;

import dev.ember.social.KeywordFilter;
import dev.ember.social.PostSource;
import dev.ember.social.Relay;
import dev.ember.streaming.Duration;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ember relay}: the tutorial's tweet listener. */
@Command(
        name = "relay",
        mixinStandardHelpOptions = true,
        versionProvider = EmberVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Serves live posts that match keywords to streaming jobs over TCP: the tutorial's"
                    + " tweet listener.",
            "",
            "Listens on --host:--port; every client that connects gets the text of each matching"
                    + " post as one UTF-8 line, so a job reads them with"
                    + " socketTextStream(host, port). The source starts when the first client"
                    + " connects. Standard output says who connects; standard error shows the"
                    + " running counts of posts received, matched and sent.",
            ""
        },
        footerHeading = "%nSources:%n",
        footer = {
            "  bluesky             Bluesky Jetstream, free and without an account (default)",
            "  bluesky:<host>      another Jetstream instance, or a ws:// or wss:// URL",
            "  x                   the X API v2 filtered stream; needs X_BEARER_TOKEN, and its"
                    + " rules follow --track",
            "  mastodon[:<host>]   Mastodon streaming (default mastodon.social); needs"
                    + " MASTODON_TOKEN",
            "  replay:<file>       a JSON Lines file of posts, at recorded pace (see --speed)",
            "  demo                synthetic posts, no network needed (see --rate, --seed)",
            "",
            "Examples:",
            "  ./ember relay --source demo --track messi --port 5555",
            "  ./ember wordcount localhost 5555        # in another terminal",
            "  ./ember relay --track messi,ronaldo     # live posts from Bluesky",
            "  ./ember relay --record posts.jsonl      # ... and keep them to replay later"
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:the source ended, or --duration elapsed, and the relay stopped gracefully",
            "1:the relay or its source failed" + ExitStatus.GRACEFUL_STOP_FAILED_HELP,
            ExitStatus.USAGE_HELP,
            ExitStatus.INTERRUPTED_HELP,
            ExitStatus.TERMINATED_HELP
        })
final class RelayCommand implements Callable<Integer> {
    private final PrintStream jobOut;

    @Spec CommandSpec spec;

    @Option(
            names = "--source",
            paramLabel = "<source>",
            defaultValue = "bluesky",
            converter = SourceOption.Converter.class,
            description =
                    "Where posts come from: "
                            + SourceOption.SYNTAX
                            + " (see below). Default: ${DEFAULT-VALUE}.")
    SourceOption source;

    @Option(
            names = "--track",
            paramLabel = "<words>",
            description =
                    "Comma-separated keywords, as the tutorial's track=['messi']: only posts that"
                            + " mention one of them (whole words, any case, or as a hashtag) are"
                            + " relayed; #tag matches only that hashtag. Default: every post.")
    String track;

    @Option(
            names = "--host",
            paramLabel = "<address>",
            defaultValue = "127.0.0.1",
            description =
                    "Address to listen on; 0.0.0.0 accepts clients from other machines."
                            + " Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(
            names = "--port",
            paramLabel = "<port>",
            defaultValue = "5555",
            description = "TCP port to listen on; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Mixin SourceTuningOptions tuning;

    @Option(
            names = "--dry-run",
            description =
                    "With x: show how the stream's rules would change to follow --track, change"
                            + " nothing, and exit without relaying.")
    boolean dryRun;

    @Option(
            names = "--record",
            paramLabel = "<file>",
            description =
                    "Also append every post the source delivers, matching or not, to this JSON"
                            + " Lines file, with the time it was received, to replay later with"
                            + " --source replay:<file>.")
    Path record;

    @Option(
            names = "--client-buffer",
            paramLabel = "<size>",
            defaultValue = "4MiB",
            converter = OptionConverters.ByteSize.class,
            description =
                    "How far a client may fall behind, in bytes of lines (such as 512KiB or 4MiB),"
                            + " before it loses its oldest lines; the lines are kept once for all"
                            + " clients. Default: ${DEFAULT-VALUE}.")
    long clientBuffer;

    @Option(
            names = "--max-clients",
            paramLabel = "<n>",
            defaultValue = "1000",
            description =
                    "Most clients served at once; one more receives a line saying the relay is"
                            + " full and is disconnected. Default: ${DEFAULT-VALUE}.")
    int maxClients;

    @Option(
            names = "--backlog",
            paramLabel = "<n>",
            defaultValue = "4096",
            description =
                    "Connections the system may queue while the relay accepts them (capped by the"
                            + " system, on Linux by net.core.somaxconn). Default: ${DEFAULT-VALUE}.")
    int backlog;

    @Option(
            names = "--duration",
            paramLabel = "<duration>",
            converter = OptionConverters.PositiveDuration.class,
            description =
                    "Stop after this long (such as 30s or 5m) and exit with status 0. Default:"
                            + " run until the source ends (status 0), or Ctrl-C or SIGTERM stop it"
                            + " (status 130 or 143).")
    Duration duration;

    @Mixin(name = LoggingOptions.NAME)
    LoggingOptions logging;

    RelayCommand(PrintStream jobOut) {
        this.jobOut = jobOut;
    }

    @Override
    public Integer call() throws Exception {
        KeywordFilter keywords = tuning.track(track);
        SourceOption.Settings settings = settings(keywords);
        logging.logLevel.apply();
        PrintWriter err = spec.commandLine().getErr();
        PostSource opened = source.open(settings);
        PostSource postSource =
                record == null ? opened : new RecordingSource(opened, record, Clock.systemUTC());
        if (dryRun) {
            try (postSource) {
                postSource.run(post -> {});
            }
            return CommandLine.ExitCode.OK;
        }
        try (Relay relay =
                Relay.builder(postSource)
                        .track(keywords)
                        .host(host)
                        .port(port)
                        .clientBufferBytes(clientBuffer)
                        .maxClients(maxClients)
                        .backlog(backlog)
                        .listener(new Printer())
                        .start()) {
            run(
                    relay,
                    err,
                    "ember relay: "
                            + postSource.description()
                            + (keywords.isEmpty()
                                    ? ", every post"
                                    : ", tracking " + String.join(", ", keywords.keywords()))
                            + "; the source starts with the first client");
        }
        return CommandLine.ExitCode.OK;
    }

    /** Serves until the relay ends; says it listens only once a signal would stop it cleanly. */
    private void run(Relay relay, PrintWriter err, String banner) throws Exception {
        ProgressLine progress =
                new ProgressLine(err, System.console() != null, "ember relay: ", 10);
        ScheduledExecutorService ticker =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "ember-relay-progress");
                            t.setDaemon(true);
                            return t;
                        });
        ticker.scheduleAtFixedRate(
                () -> progress.tick(runningCounts(relay.stats())), 1, 1, TimeUnit.SECONDS);
        GracefulShutdown.run(
                spec.commandLine(),
                relay::close,
                () -> {
                    try {
                        jobOut.println("Listening on port: " + relay.port());
                        jobOut.flush();
                        err.println(banner);
                        err.flush();
                        if (duration == null) {
                            relay.awaitTermination();
                        } else if (!relay.awaitTermination(duration.milliseconds())) {
                            relay.close();
                        }
                    } finally {
                        ticker.shutdownNow();
                        relay.close();
                        progress.finish(runningCounts(relay.stats()));
                        jobOut.flush();
                    }
                });
    }

    /** The relay's running counts, such as {@code received 221, matched 31, sent 31, clients 1}. */
    static String runningCounts(Relay.Stats s) {
        StringBuilder sb =
                new StringBuilder()
                        .append("received ")
                        .append(s.received())
                        .append(", matched ")
                        .append(s.matched())
                        .append(", sent ")
                        .append(s.sent())
                        .append(", clients ")
                        .append(s.clients());
        if (s.dropped() > 0) {
            sb.append(", dropped ").append(s.dropped());
        }
        if (s.refused() > 0) {
            sb.append(", refused ").append(s.refused());
        }
        if (s.skipped() > 0) {
            sb.append(", skipped ").append(s.skipped()).append(" malformed");
        }
        return sb.toString();
    }

    private SourceOption.Settings settings(KeywordFilter keywords) {
        CommandLine commandLine = spec.commandLine();
        SourceOption.Kind kind = source.kind();
        tuning.requireKind(source, dryRun, "--dry-run", SourceOption.Kind.X);
        if (dryRun && keywords.isEmpty()) {
            throw new ParameterException(
                    commandLine, "--dry-run shows the rules for --track: give --track words too");
        }
        if (kind == SourceOption.Kind.X && keywords.isEmpty()) {
            throw new ParameterException(
                    commandLine,
                    "the x source streams the posts that match its rules, made from --track: give"
                            + " --track words, such as --track messi");
        }
        if (clientBuffer < 1024) {
            throw new ParameterException(
                    commandLine,
                    "Invalid value for option '--client-buffer': "
                            + clientBuffer
                            + " bytes is less than 1KiB; give a few MiB, such as 4MiB");
        }
        if (maxClients < 1) {
            throw new ParameterException(
                    commandLine,
                    "Invalid value for option '--max-clients': "
                            + maxClients
                            + " is not at least 1");
        }
        if (backlog < 1) {
            throw new ParameterException(
                    commandLine,
                    "Invalid value for option '--backlog': " + backlog + " is not at least 1");
        }
        if (port < 0 || port > 65535) {
            throw new ParameterException(
                    commandLine,
                    "Invalid value for option '--port': " + port + " is not between 0 and 65535");
        }
        return tuning.settings(source, keywords, dryRun);
    }

    /** Prints clients coming and going on standard output, as the tutorial's listener does. */
    private final class Printer implements Relay.Listener {
        @Override
        public void clientConnected(SocketAddress client) {
            synchronized (jobOut) {
                jobOut.println("Received request from: " + format(client));
                jobOut.flush();
            }
        }

        @Override
        public void clientDisconnected(SocketAddress client, long sent, long dropped) {
            synchronized (jobOut) {
                jobOut.println(
                        "Client "
                                + format(client)
                                + " disconnected after "
                                + sent
                                + " lines"
                                + (dropped == 0
                                        ? ""
                                        : " ("
                                                + dropped
                                                + " dropped: it read too slowly or left)"));
                jobOut.flush();
            }
        }

        private String format(SocketAddress address) {
            return address instanceof InetSocketAddress a
                    ? a.getAddress().getHostAddress() + ":" + a.getPort()
                    : String.valueOf(address);
        }
    }
}
