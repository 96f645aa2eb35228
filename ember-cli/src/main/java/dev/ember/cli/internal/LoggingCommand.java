package dev.ember.cli.internal;

/** A command with {@code --log-level}, whose failures show a stack trace at debug and trace. */
interface LoggingCommand {
    /** The level given with {@code --log-level}. */
    LogLevel logLevel();
}
