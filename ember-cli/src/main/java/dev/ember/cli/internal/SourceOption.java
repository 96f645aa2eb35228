package dev.ember.cli.internal;

import dev.ember.social.KeywordFilter;
import dev.ember.social.PostSource;
import dev.ember.social.PostSources;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The value of {@code --source}: where posts (or lines) come from.
 *
 * <ul>
 *   <li>{@code bluesky} or {@code bluesky:<host or ws(s) URL>}: Bluesky Jetstream;
 *   <li>{@code x} or {@code x:<base URL>}: the X API v2 filtered stream;
 *   <li>{@code mastodon} or {@code mastodon:<instance>}: Mastodon streaming, by default on
 *       mastodon.social;
 *   <li>{@code replay:<file>}: a JSON Lines file of posts;
 *   <li>{@code demo}: the synthetic demo stream;
 *   <li>{@code socket:<host>:<port>}: lines of text read with {@code socketTextStream}, only for
 *       jobs ({@link JobConverter}), not for the relay, which serves such a socket itself;
 *   <li>{@code file:<dir>}: the lines of the text files moved into a directory, read with {@code
 *       textFileStream}, only for jobs.
 * </ul>
 *
 * @param kind the kind of source
 * @param argument what follows the colon, or {@code null}
 */
record SourceOption(Kind kind, String argument) {

    /** The kinds of sources, by their name on the command line. */
    enum Kind {
        BLUESKY,
        X,
        MASTODON,
        REPLAY,
        DEMO,
        SOCKET,
        FILE;

        /** True for the sources that stream from a network service: Bluesky, X and Mastodon. */
        boolean isLive() {
            return this == BLUESKY || this == X || this == MASTODON;
        }

        /** True for the sources of lines of text rather than posts: sockets and files. */
        boolean carriesLines() {
            return this == SOCKET || this == FILE;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String SYNTAX = "bluesky[:host], x, mastodon[:instance], replay:FILE or demo";
    static final String JOB_SYNTAX =
            "demo, socket:HOST:PORT, file:DIR, bluesky[:host], x, mastodon[:instance] or"
                    + " replay:FILE";
    static final String DEFAULT_MASTODON = "mastodon.social";
    static final String DEFAULT_BLUESKY = "jetstream2.us-east.bsky.network";
    static final String DEFAULT_X = "https://api.x.com";

    /** Settings that apply to one kind of source each. */
    record Settings(
            KeywordFilter track,
            Double replaySpeed,
            Long demoSeed,
            Double demoRate,
            boolean dryRun) {}

    /**
     * Creates the post source.
     *
     * @throws IllegalStateException for a {@code socket:} or {@code file:} source, which carries
     *     lines, not posts
     */
    PostSource open(Settings settings) {
        return switch (kind) {
            case BLUESKY -> {
                PostSources.BlueskyBuilder builder = PostSources.bluesky();
                if (argument != null && argument.contains("://")) {
                    builder.endpoint(URI.create(argument));
                } else {
                    builder.host(argument == null ? DEFAULT_BLUESKY : argument);
                }
                yield builder.build();
            }
            case X -> {
                yield PostSources.x()
                        .track(settings.track())
                        .dryRun(settings.dryRun())
                        .baseUrl(URI.create(argument == null ? DEFAULT_X : argument))
                        .build();
            }
            case MASTODON ->
                    PostSources.mastodon(argument == null ? DEFAULT_MASTODON : argument)
                            .track(settings.track())
                            .build();
            case REPLAY -> {
                PostSources.ReplayBuilder builder = PostSources.replay(Path.of(argument));
                Double speed = settings.replaySpeed();
                if (speed == null || speed > 0) {
                    builder.speed(speed == null ? 1 : speed);
                } else {
                    builder.asFastAsPossible();
                }
                yield builder.build();
            }
            case DEMO -> {
                PostSources.DemoBuilder builder = PostSources.demo();
                if (settings.demoSeed() != null) {
                    builder.seed(settings.demoSeed());
                }
                if (settings.demoRate() != null) {
                    builder.rate(settings.demoRate());
                }
                yield builder.build();
            }
            case SOCKET, FILE ->
                    throw new IllegalStateException(
                            "source "
                                    + this
                                    + " carries lines, not posts: read it with socketTextStream"
                                    + " or textFileStream");
        };
    }

    /**
     * The address a live source connects to first, for checking that it can be reached: the
     * Jetstream host, X's API, or the Mastodon instance.
     *
     * @throws IllegalStateException for a source that is not live
     */
    URI endpoint() {
        return switch (kind) {
            case BLUESKY ->
                    URI.create(
                            argument != null && argument.contains("://")
                                    ? argument
                                    : "wss://" + (argument == null ? DEFAULT_BLUESKY : argument));
            case X -> URI.create(argument == null ? DEFAULT_X : argument);
            case MASTODON -> {
                String instance = argument == null ? DEFAULT_MASTODON : argument;
                yield URI.create(instance.contains("://") ? instance : "https://" + instance);
            }
            default -> throw new IllegalStateException("source " + this + " is not live");
        };
    }

    /** The host of a {@code socket:} source. */
    String socketHost() {
        requireSocket();
        return unbracket(argument.substring(0, argument.lastIndexOf(':')));
    }

    /** The port of a {@code socket:} source. */
    int socketPort() {
        requireSocket();
        return Integer.parseInt(argument.substring(argument.lastIndexOf(':') + 1));
    }

    private void requireSocket() {
        if (kind != Kind.SOCKET) {
            throw new IllegalStateException("source " + this + " is not a socket");
        }
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]")
                ? host.substring(1, host.length() - 1)
                : host;
    }

    @Override
    public String toString() {
        return argument == null ? kind.toString() : kind + ":" + argument;
    }

    /** Parses {@code --source} for the relay: post sources only. */
    static class Converter implements ITypeConverter<SourceOption> {
        /** The accepted forms, for messages. */
        String syntax() {
            return SYNTAX;
        }

        /**
         * Whether the sources of lines, {@code socket:HOST:PORT} and {@code file:DIR}, are
         * accepted.
         */
        boolean acceptsLines() {
            return false;
        }

        @Override
        public SourceOption convert(String value) {
            String v = value.strip();
            int colon = v.indexOf(':');
            String name = (colon < 0 ? v : v.substring(0, colon)).toLowerCase(Locale.ROOT);
            String argument = colon < 0 ? null : v.substring(colon + 1).strip();
            Kind kind = null;
            for (Kind k : Kind.values()) {
                if (k.toString().equals(name) && (!k.carriesLines() || acceptsLines())) {
                    kind = k;
                }
            }
            if (kind == null) {
                throw new TypeConversionException(
                        "unknown source '" + value + "': use " + syntax());
            }
            if (argument != null && argument.isEmpty()) {
                throw new TypeConversionException(
                        "'" + value + "' has nothing after the colon: use " + syntax());
            }
            if (kind == Kind.SOCKET) {
                checkSocket(value, argument);
            }
            if (kind == Kind.FILE && argument == null) {
                throw new TypeConversionException(
                        "file needs a directory, as in file:incoming (the job reads the text files"
                                + " moved into it)");
            }
            if (kind == Kind.DEMO && argument != null) {
                throw new TypeConversionException(
                        "the demo source takes no argument, got '"
                                + value
                                + "': use --seed and --rate to shape it");
            }
            if (kind == Kind.REPLAY) {
                if (argument == null) {
                    throw new TypeConversionException(
                            "replay needs a file, as in replay:posts.jsonl");
                }
                if (!Files.isRegularFile(Path.of(argument))) {
                    throw new TypeConversionException(
                            "replay file '" + argument + "' does not exist or is not a file");
                }
            }
            return new SourceOption(kind, argument);
        }

        private static void checkSocket(String value, String argument) {
            int colon = argument == null ? -1 : argument.lastIndexOf(':');
            String host = colon < 0 ? "" : unbracket(argument.substring(0, colon).strip());
            if (host.isEmpty()) {
                throw new TypeConversionException(
                        "'"
                                + value
                                + "' needs a host and a port, as in socket:localhost:5555 (where"
                                + " 'ember relay' listens by default)");
            }
            try {
                new OptionConverters.Port().convert(argument.substring(colon + 1));
            } catch (TypeConversionException e) {
                throw new TypeConversionException("'" + value + "': " + e.getMessage());
            }
        }
    }

    /**
     * Parses {@code --source} for jobs: the post sources, and lines from {@code socket:} and {@code
     * file:}.
     */
    static final class JobConverter extends Converter {
        @Override
        String syntax() {
            return JOB_SYNTAX;
        }

        @Override
        boolean acceptsLines() {
            return true;
        }
    }
}
