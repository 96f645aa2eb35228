package dev.ember.cli.internal;

import dev.ember.ui.UiOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The dashboard options of every command that runs a job ({@code --ui-port}, {@code --ui-host},
 * {@code --ui-token}, {@code --no-ui}), as a picocli mixin; {@link JobDashboard} starts the
 * dashboard they describe.
 */
final class DashboardOptions {
    /** The mixin's name on a command. */
    static final String NAME = "dashboard";

    /** The environment variable that holds the token, so it stays off the command line. */
    static final String TOKEN_VARIABLE = "EMBER_UI_TOKEN";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--ui-port",
            paramLabel = "<port>",
            defaultValue = "" + UiOptions.DEFAULT_PORT,
            description =
                    "Port of the live dashboard (Spark's UI port by default); when it is taken, the"
                            + " next free one. 0 takes any free port. The address is printed on"
                            + " standard error at start. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(
            names = "--ui-host",
            paramLabel = "<address>",
            defaultValue = "127.0.0.1",
            description =
                    "Address the dashboard listens on. Any address but loopback needs a token:"
                            + " --ui-token, or one generated and printed with the address."
                            + " Default: ${DEFAULT-VALUE} (this machine only).")
    String host;

    @Option(
            names = "--ui-token",
            paramLabel = "<token>",
            description =
                    "Token every dashboard request must carry (16 or more letters, digits, '-' or"
                            + " '_'); the printed address includes it. Read from $"
                            + TOKEN_VARIABLE
                            + " when not given, which keeps it out of the process list.")
    String token;

    @Option(names = "--no-ui", description = "Do not start the dashboard.")
    boolean disabled;

    /**
     * Checks the options together.
     *
     * @throws ParameterException when {@code --no-ui} comes with another dashboard option, or the
     *     port is out of range
     */
    void validate() {
        CommandLine commandLine = command.commandLine();
        if (disabled) {
            for (String option : new String[] {"--ui-port", "--ui-host", "--ui-token"}) {
                if (commandLine.getParseResult().hasMatchedOption(option)) {
                    throw new ParameterException(
                            commandLine,
                            option + " sets up the dashboard, which --no-ui turns off: drop one");
                }
            }
        }
        if (port < 0 || port > 65_535) {
            throw new ParameterException(
                    commandLine,
                    "Invalid value for option '--ui-port': "
                            + port
                            + " is not a TCP port; use a number from 1 to 65535, or 0 for any"
                            + " free port");
        }
        if (token == null) {
            token = System.getenv(TOKEN_VARIABLE);
        }
        if (token != null && token.isBlank()) {
            token = null;
        }
        if (disabled) {
            return;
        }
        try {
            if (token != null) {
                UiOptions.builder().token(token);
            }
            InetAddress.getByName(host);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(
                    commandLine, "Invalid value for option '--ui-token': " + e.getMessage());
        } catch (UnknownHostException e) {
            throw new ParameterException(
                    commandLine,
                    "Invalid value for option '--ui-host': '"
                            + host
                            + "' does not resolve; use 127.0.0.1, or an address of this machine");
        }
    }
}
