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
 * The value of {@code --source}: where posts come from.
 *
 * <ul>
 *   <li>{@code bluesky} or {@code bluesky:<host or ws(s) URL>}: Bluesky Jetstream;
 *   <li>{@code x} or {@code x:<base URL>}: the X API v2 filtered stream;
 *   <li>{@code mastodon} or {@code mastodon:<instance>}: Mastodon streaming, by default on
 *       mastodon.social;
 *   <li>{@code replay:<file>}: a JSON Lines file of posts;
 *   <li>{@code demo}: the synthetic demo stream.
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
        DEMO;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String SYNTAX = "bluesky[:host], x, mastodon[:instance], replay:FILE or demo";
    static final String DEFAULT_MASTODON = "mastodon.social";

    /** Settings that apply to one kind of source each. */
    record Settings(
            KeywordFilter track,
            Double replaySpeed,
            Long demoSeed,
            Double demoRate,
            boolean dryRun) {}

    /** Creates the source. */
    PostSource open(Settings settings) {
        return switch (kind) {
            case BLUESKY -> {
                PostSources.BlueskyBuilder builder = PostSources.bluesky();
                if (argument != null) {
                    if (argument.contains("://")) {
                        builder.endpoint(URI.create(argument));
                    } else {
                        builder.host(argument);
                    }
                }
                yield builder.build();
            }
            case X -> {
                PostSources.XBuilder builder =
                        PostSources.x().track(settings.track()).dryRun(settings.dryRun());
                if (argument != null) {
                    builder.baseUrl(URI.create(argument));
                }
                yield builder.build();
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
        };
    }

    @Override
    public String toString() {
        return argument == null ? kind.toString() : kind + ":" + argument;
    }

    /** Parses {@code --source}. */
    static final class Converter implements ITypeConverter<SourceOption> {
        @Override
        public SourceOption convert(String value) {
            String v = value.strip();
            int colon = v.indexOf(':');
            String name = (colon < 0 ? v : v.substring(0, colon)).toLowerCase(Locale.ROOT);
            String argument = colon < 0 ? null : v.substring(colon + 1).strip();
            Kind kind = null;
            for (Kind k : Kind.values()) {
                if (k.toString().equals(name)) {
                    kind = k;
                }
            }
            if (kind == null) {
                throw new TypeConversionException("unknown source '" + value + "': use " + SYNTAX);
            }
            if (argument != null && argument.isEmpty()) {
                throw new TypeConversionException(
                        "'" + value + "' has nothing after the colon: use " + SYNTAX);
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
    }
}
