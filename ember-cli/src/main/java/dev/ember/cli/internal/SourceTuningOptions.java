package dev.ember.cli.internal;

import dev.ember.social.KeywordFilter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options that shape one kind of post source each ({@code --speed} for replay, {@code --rate}
 * and {@code --seed} for the demo), as a picocli mixin shared by every command that takes {@code
 * --source}, with the checks that turn them into {@link SourceOption.Settings}.
 */
final class SourceTuningOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--speed",
            paramLabel = "<factor|max>",
            description =
                    "With replay: 1 replays at the recorded pace, 2 twice as fast, max as fast as"
                            + " possible. Default: 1.")
    String speed;

    @Option(
            names = "--rate",
            paramLabel = "<posts/s>",
            description = "With demo: posts per second. Default: 50.")
    Double rate;

    @Option(
            names = "--seed",
            paramLabel = "<n>",
            description = "With demo: the seed; the same seed gives the same posts. Default: 42.")
    Long seed;

    /**
     * The settings for {@code source}, after checking that each option given applies to it.
     *
     * @throws ParameterException when an option is meant for another kind of source or out of range
     */
    SourceOption.Settings settings(SourceOption source, KeywordFilter track, boolean dryRun) {
        CommandLine commandLine = mixee.commandLine();
        requireKind(source, speed != null, "--speed", SourceOption.Kind.REPLAY);
        requireKind(source, rate != null, "--rate", SourceOption.Kind.DEMO);
        requireKind(source, seed != null, "--seed", SourceOption.Kind.DEMO);
        if (rate != null && !(rate > 0 && rate <= 1_000_000)) {
            throw new ParameterException(
                    commandLine,
                    "Invalid value for option '--rate': " + rate + " is not between 0 and 1000000");
        }
        return new SourceOption.Settings(track, replaySpeed(), seed, rate, dryRun);
    }

    /** Refuses {@code option}, when {@code given}, unless the source is of {@code kind}. */
    void requireKind(SourceOption source, boolean given, String option, SourceOption.Kind kind) {
        if (given && source.kind() != kind) {
            throw new ParameterException(
                    mixee.commandLine(),
                    option + " applies to --source " + kind + ", not to " + source.kind());
        }
    }

    /**
     * The keywords of {@code --track}: none when {@code track} is null.
     *
     * @throws ParameterException when a keyword is blank or a lone {@code #}
     */
    KeywordFilter track(String track) {
        if (track == null) {
            return KeywordFilter.none();
        }
        try {
            return KeywordFilter.parse(track);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(
                    mixee.commandLine(), "Invalid value for option '--track': " + e.getMessage());
        }
    }

    /** The replay speed: a positive factor, or 0 for {@code max}. */
    private Double replaySpeed() {
        if (speed == null) {
            return null;
        }
        if (speed.equalsIgnoreCase("max")) {
            return 0.0;
        }
        try {
            double factor = Double.parseDouble(speed);
            if (factor > 0 && Double.isFinite(factor)) {
                return factor;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(
                mixee.commandLine(),
                "Invalid value for option '--speed': '"
                        + speed
                        + "' is neither a positive factor, such as 1 or 2.5, nor max");
    }
}
