package dev.ember.cli.internal;

import dev.ember.streaming.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters for option values. picocli prefixes their messages with the option's name, so the
 * messages here say only what is wrong with the value and what to write instead.
 */
final class OptionConverters {
    private OptionConverters() {}

    /** A positive duration written as {@code 500ms}, {@code 1s}, {@code 2m} or {@code 1h}. */
    static final class PositiveDuration implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration duration;
            try {
                duration = Duration.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            } catch (ArithmeticException e) {
                throw new TypeConversionException(
                        "duration '" + value + "' is too long: use at most a few years' worth");
            }
            if (duration.isZero()) {
                throw new TypeConversionException(
                        "duration '" + value + "' must be positive, such as 500ms, 1s or 2m");
            }
            return duration;
        }
    }

    /** A TCP port, 1 to 65535. */
    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int port;
            try {
                port = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new TypeConversionException(
                        "'" + value + "' is not a TCP port: use a number from 1 to 65535");
            }
            return port;
        }
    }

    /**
     * A size in bytes with its unit, {@code B}, {@code KiB}, {@code MiB} or {@code GiB} (in any
     * case), such as {@code 512KiB} or {@code 4MiB}. The unit is required, so that a bare number is
     * never taken for the wrong one.
     */
    static final class ByteSize implements ITypeConverter<Long> {
        private static final Pattern SIZE =
                Pattern.compile("(\\d{1,12})\\s*(B|KiB|MiB|GiB)", Pattern.CASE_INSENSITIVE);

        @Override
        public Long convert(String value) {
            Matcher m = SIZE.matcher(value.strip());
            if (!m.matches()) {
                throw new TypeConversionException(
                        "'"
                                + value
                                + "' is not a size: write a number and its unit, B, KiB, MiB or"
                                + " GiB, such as 512KiB or 4MiB");
            }
            int shift =
                    switch (m.group(2).toLowerCase(Locale.ROOT)) {
                        case "kib" -> 10;
                        case "mib" -> 20;
                        case "gib" -> 30;
                        default -> 0;
                    };
            long number = Long.parseLong(m.group(1));
            if (number > Long.MAX_VALUE >> shift) {
                throw new TypeConversionException("size '" + value + "' is too large");
            }
            return number << shift;
        }
    }
}
