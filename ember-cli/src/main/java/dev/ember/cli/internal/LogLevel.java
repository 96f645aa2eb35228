package dev.ember.cli.internal;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The levels of {@code --log-level}, written in lower case on the command line. */
enum LogLevel {
    ERROR,
    WARN,
    INFO,
    DEBUG,
    TRACE;

    /** The System property through which slf4j-simple takes its level. */
    static final String PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    /** True when failures should print their stack trace. */
    boolean showsStackTraces() {
        return this == DEBUG || this == TRACE;
    }

    /**
     * Makes this the level of every logger. slf4j-simple reads it once, when the first logger is
     * created, so this must run before anything logs: before the streaming context is created.
     */
    void apply() {
        System.setProperty(PROPERTY, toString());
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code --log-level}, in any case. */
    static final class Converter implements ITypeConverter<LogLevel> {
        @Override
        public LogLevel convert(String value) {
            for (LogLevel level : values()) {
                if (level.name().equalsIgnoreCase(value.strip())) {
                    return level;
                }
            }
            throw new TypeConversionException(
                    "unknown level '" + value + "': use one of " + String.join(", ", new Names()));
        }
    }

    /** The accepted values, for help and completion. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(LogLevel::toString).iterator();
        }
    }
}
