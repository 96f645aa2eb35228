package dev.ember.cli.internal;

import dev.ember.streaming.Duration;
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
}
