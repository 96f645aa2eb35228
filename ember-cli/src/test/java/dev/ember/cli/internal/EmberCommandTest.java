package dev.ember.cli.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.Duration;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

class EmberCommandTest {

    @Test
    void wordcountHelpExitsWithZeroAndExplainsEveryOptionWithItsDefault() {
        CommandRun run = CommandRun.of("wordcount", "--help");

        assertEquals(0, run.exitCode, run::toString);
        CommandLine wordcount = commandLine().getSubcommands().get("wordcount");
        List<String> expected = new ArrayList<>();
        for (OptionSpec option : wordcount.getCommandSpec().options()) {
            expected.add(option.longestName());
            if (option.defaultValue() != null) {
                expected.add("Default: " + option.defaultValue());
            }
        }
        for (PositionalParamSpec positional : wordcount.getCommandSpec().positionalParameters()) {
            expected.add(positional.paramLabel());
        }
        expected.addAll(
                List.of(
                        "--batch",
                        "--runner",
                        "--master",
                        "--print",
                        "--duration",
                        "--demo",
                        "--demo-rate",
                        "--log-level",
                        "Default: 1s",
                        "Default: local[2]",
                        "Default: 10",
                        "Default: 2000",
                        "Default: warn",
                        "error, warn, info, debug, trace",
                        "nc -lk 9999",
                        "./ember wordcount localhost 9999"));
        // Help wraps long descriptions, so compare with whitespace runs collapsed.
        String help = run.out.replaceAll("\\s+", " ");
        assertAll(
                expected.stream()
                        .map(text -> () -> assertTrue(help.contains(text), "help lacks " + text)));
        assertEquals("", run.err);
        assertEquals("", run.jobOut);
    }

    @Test
    void topLevelHelpListsTheCommandsWithAnExample() {
        CommandRun run = CommandRun.of("--help");

        assertEquals(0, run.exitCode, run::toString);
        for (String text :
                List.of(
                        "--help",
                        "--version",
                        "wordcount",
                        "nc -lk 9999",
                        "./ember wordcount localhost 9999",
                        "./ember wordcount --demo")) {
            assertTrue(run.out.contains(text), () -> "help lacks " + text + ":\n" + run.out);
        }
    }

    @Test
    void helpCommandShowsTheHelpOfWordcount() {
        CommandRun run = CommandRun.of("help", "wordcount");

        assertEquals(0, run.exitCode, run::toString);
        assertTrue(run.out.contains("--demo-rate"), run.out);
    }

    @Test
    void versionPrintsEmbersVersion() {
        CommandRun run = CommandRun.of("--version");

        assertEquals(0, run.exitCode, run::toString);
        assertTrue(run.out.startsWith("ember " + EmberVersion.version() + "\n"), run.out);
    }

    @Test
    void unknownOptionIsAUsageErrorThatSuggestsTheNearestOption() {
        CommandRun run = CommandRun.of("wordcount", "localhost", "9999", "--bach=1s");

        assertEquals(2, run.exitCode, run::toString);
        assertEquals(
                "ember wordcount: Unknown option: '--bach=1s'; did you mean --batch? (see 'ember"
                        + " wordcount --help')",
                run.errLine());
        assertEquals("", run.out + run.jobOut);
    }

    @Test
    void unknownTopLevelOptionIsAUsageError() {
        CommandRun run = CommandRun.of("--nope");

        assertEquals(2, run.exitCode, run::toString);
        assertTrue(run.errLine().startsWith("ember: Unknown option: '--nope'"), run.err);
    }

    @Test
    void missingCommandIsAUsageError() {
        CommandRun run = CommandRun.of();

        assertEquals(2, run.exitCode, run::toString);
        assertTrue(run.errLine().contains("Missing command: use one of wordcount"), run.err);
    }

    @Test
    void badDurationIsAUsageErrorNamingTheOptionAndTheAcceptedForms() {
        CommandRun run = CommandRun.of("wordcount", "localhost", "9999", "--batch", "1x");

        assertEquals(2, run.exitCode, run::toString);
        String line = run.errLine();
        assertTrue(line.contains("'--batch'"), line);
        assertTrue(line.contains("'1x'"), line);
        assertTrue(line.contains("500ms, 1s, 2m"), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "1.5s", "s", "-1s", "10", "1 x", "9999999999999999h"})
    void rejectsDurationsThatAreNotPositiveWholeNumbersWithAUnit(String duration) {
        CommandRun run = CommandRun.of("wordcount", "--demo", "--duration", duration);

        assertEquals(2, run.exitCode, run::toString);
        assertTrue(run.errLine().contains("'--duration'"), run.err);
    }

    @Test
    void missingPortIsAUsageError() {
        CommandRun run = CommandRun.of("wordcount", "localhost");

        assertEquals(2, run.exitCode, run::toString);
        assertEquals(
                "ember wordcount: Missing required parameter: '<port>' (see 'ember wordcount"
                        + " --help')",
                run.errLine());
    }

    @Test
    void missingHostAndPortWithoutDemoIsAUsageErrorThatMentionsDemo() {
        CommandRun run = CommandRun.of("wordcount");

        assertEquals(2, run.exitCode, run::toString);
        assertTrue(
                run.errLine().contains("'<host>', '<port>' (or use --files <dir> or --demo)"),
                run.err);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "-1", "http", "99999999999"})
    void portOutOfRangeIsAUsageError(String port) {
        CommandRun run = CommandRun.of("wordcount", "localhost", port);

        assertEquals(2, run.exitCode, run::toString);
        assertTrue(run.errLine().contains("is not a TCP port: use a number from 1 to 65535"));
    }

    @Test
    void hostAndPortWithDemoIsAUsageError() {
        CommandRun run = CommandRun.of("wordcount", "--demo", "localhost", "9999");

        assertEquals(2, run.exitCode, run::toString);
        assertTrue(run.errLine().contains("give either <host> <port> or --demo"), run.err);
    }

    @Test
    void filesWithHostAndPortIsAUsageError() {
        CommandRun run = CommandRun.of("wordcount", "--files", "in", "localhost", "9999");

        assertEquals(2, run.exitCode, run::toString);
        assertTrue(run.errLine().contains("give one of <host> <port>, --files or --demo"), run.err);
    }

    @Test
    void walWithoutCheckpointIsAUsageError() {
        CommandRun run = CommandRun.of("wordcount", "localhost", "9999", "--wal");

        assertEquals(2, run.exitCode, run::toString);
        assertTrue(
                run.errLine().contains("--wal writes its log in the checkpoint directory"),
                run.err);
    }

    @Test
    void walWithFilesIsAUsageError() {
        CommandRun run = CommandRun.of("wordcount", "--files", "in", "--checkpoint", "ck", "--wal");

        assertEquals(2, run.exitCode, run::toString);
        assertTrue(run.errLine().contains("--files has no receiver"), run.err);
    }

    @Test
    void demoRateWithoutDemoIsAUsageError() {
        CommandRun run = CommandRun.of("wordcount", "localhost", "9999", "--demo-rate", "10");

        assertEquals(2, run.exitCode, run::toString);
        assertTrue(run.errLine().contains("--demo-rate sets the rate of --demo"), run.err);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--print=-1", "--demo-rate=0", "--demo-rate=1000001", "--print=ten"})
    void outOfRangeNumbersAreUsageErrors(String option) {
        CommandRun run = CommandRun.of("wordcount", "--demo", option);

        assertEquals(2, run.exitCode, run::toString);
        assertTrue(run.errLine().contains(option.substring(0, option.indexOf('='))), run.err);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local[0]", "local[x]", "locally"})
    void invalidLocalMasterIsAUsageError(String master) {
        CommandRun run = CommandRun.of("wordcount", "--demo", "--master", master);

        assertEquals(2, run.exitCode, run::toString);
        assertTrue(run.errLine().contains("'--master'"), run.err);
    }

    @Test
    void unknownLogLevelIsAUsageErrorListingTheLevels() {
        CommandRun run = CommandRun.of("wordcount", "--demo", "--log-level", "loud");

        assertEquals(2, run.exitCode, run::toString);
        assertTrue(
                run.errLine().contains("unknown level 'loud': use one of error, warn, info, debug"),
                run.err);
    }

    @Test
    void parsesEveryOption() {
        CommandLine commandLine = commandLine();
        commandLine.parseArgs(
                "wordcount",
                "example.org",
                "7777",
                "--batch",
                "500ms",
                "--master",
                "local[*]",
                "--print=3",
                "--duration",
                "2m",
                "--log-level",
                "DEBUG");

        WordCountCommand command = commandLine.getSubcommands().get("wordcount").getCommand();
        assertEquals("example.org", command.host);
        assertEquals(7777, command.port);
        assertEquals(new Duration(500), command.batch);
        assertEquals("local[*]", command.runner.master);
        assertNull(command.runner.runner);
        assertEquals(3, command.print);
        assertEquals(new Duration(120_000), command.duration);
        assertFalse(command.demo);
        assertEquals(LogLevel.DEBUG, command.logging.logLevel);
    }

    @Test
    void defaultsFollowSparksNetworkWordCount() {
        CommandLine commandLine = commandLine();
        commandLine.parseArgs("wordcount", "--demo");

        WordCountCommand command = commandLine.getSubcommands().get("wordcount").getCommand();
        assertTrue(command.demo);
        assertNull(command.host);
        assertEquals(new Duration(1000), command.batch);
        assertEquals("local[2]", command.runner.master);
        assertEquals(10, command.print);
        assertNull(command.duration);
        assertEquals(2000, command.demoRate);
        assertEquals(LogLevel.WARN, command.logging.logLevel);
    }

    @Test
    void runtimeFailureExitsWithOneAndOneLineWithoutStackTrace() {
        CommandRun run =
                CommandRun.of(
                        "wordcount",
                        "localhost",
                        "9999",
                        "--runner",
                        "spark",
                        "--master",
                        "local[1]");

        assertEquals(1, run.exitCode, run::toString);
        assertTrue(
                run.errLine()
                        .startsWith(
                                "ember wordcount: master 'spark-local[1]' gives Spark 1 core(s),"
                                        + " and the program's 1 receiver(s)"),
                run.err);
        assertEquals("", run.jobOut);
    }

    @Test
    void runtimeFailureShowsTheStackTraceAtDebugLevel() {
        CommandRun run =
                CommandRun.of(
                        "wordcount",
                        "localhost",
                        "9999",
                        "--runner",
                        "spark",
                        "--master",
                        "local[1]",
                        "--log-level",
                        "debug");

        assertEquals(1, run.exitCode, run::toString);
        assertTrue(run.err.contains("\tat dev.ember."), run.err);
    }

    @Test
    void runnerSparkTurnsALocalMasterIntoSparksLocalMode() {
        CommandLine wordcount = parse("wordcount", "--demo", "--runner", "SPARK");
        WordCountCommand command = wordcount.getCommand();

        assertEquals("spark-local[2]", command.runner.contextMaster(wordcount));
        assertTrue(command.runner.onSpark());
    }

    @Test
    void aClusterMasterRunsOnSparkWithoutNamingTheRunner() {
        CommandLine wordcount = parse("wordcount", "--demo", "--master", "spark://host:7077");
        WordCountCommand command = wordcount.getCommand();

        assertEquals("spark://host:7077", command.runner.contextMaster(wordcount));
        assertTrue(command.runner.onSpark());
    }

    @Test
    void theLocalRunnerKeepsALocalMaster() {
        CommandLine wordcount = parse("wordcount", "--demo", "--master", "local[*]");
        WordCountCommand command = wordcount.getCommand();

        assertEquals("local[*]", command.runner.contextMaster(wordcount));
        assertFalse(command.runner.onSpark());
    }

    @Test
    void aClusterMasterOnTheLocalRunnerIsAUsageError() {
        CommandRun run =
                CommandRun.of("wordcount", "--demo", "--runner", "local", "--master", "yarn");

        assertEquals(2, run.exitCode, run::toString);
        assertTrue(
                run.errLine()
                        .startsWith(
                                "ember wordcount: --master yarn is a Spark master, which the local"
                                        + " runner cannot use: drop --runner local (or use"
                                        + " --runner spark), or use local[N]"),
                run.err);
    }

    @Test
    void hashtagsTakesTheRunnerOptionsButRunsOnlyLocallySoFar() {
        CommandRun run = CommandRun.of("hashtags", "--runner", "spark", "--master", "local[2]");

        assertEquals(2, run.exitCode, run::toString);
        assertTrue(
                run.errLine()
                        .startsWith(
                                "ember hashtags: the trending-hashtags job does not run on Spark"
                                        + " yet"),
                run.err);
    }

    @Test
    void unknownRunnerIsAUsageError() {
        CommandRun run = CommandRun.of("wordcount", "--demo", "--runner", "flink");

        assertEquals(2, run.exitCode, run::toString);
        assertTrue(run.errLine().contains("'flink' is not a runner: use local or spark"), run.err);
    }

    /** The wordcount subcommand, after parsing {@code args}. */
    private static CommandLine parse(String... args) {
        CommandLine commandLine = commandLine();
        commandLine.parseArgs(args);
        return commandLine.getSubcommands().get("wordcount");
    }

    private static CommandLine commandLine() {
        return EmberCommand.commandLine(
                new PrintStream(PrintStream.nullOutputStream()),
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
    }

    @Test
    void noUiWithAnotherDashboardOptionIsAUsageError() {
        CommandRun run = CommandRun.of("wordcount", "--demo", "--no-ui", "--ui-port", "5000");

        assertEquals(2, run.exitCode, run::toString);
        assertEquals(
                "ember wordcount: --ui-port sets up the dashboard, which --no-ui turns off: drop"
                        + " one (see 'ember wordcount --help')",
                run.errLine());
    }

    @Test
    void aDashboardPortOutOfRangeIsAUsageError() {
        CommandRun run = CommandRun.of("wordcount", "--demo", "--ui-port", "70000");

        assertEquals(2, run.exitCode, run::toString);
        assertEquals(
                "ember wordcount: Invalid value for option '--ui-port': 70000 is not a TCP port;"
                        + " use a number from 1 to 65535, or 0 for any free port (see 'ember"
                        + " wordcount --help')",
                run.errLine());
    }

    @Test
    void aShortDashboardTokenIsAUsageErrorThatDoesNotShowIt() {
        CommandRun run = CommandRun.of("wordcount", "--demo", "--ui-token", "hunter2");

        assertEquals(2, run.exitCode, run::toString);
        assertEquals(
                "ember wordcount: Invalid value for option '--ui-token': dashboard token must be"
                        + " 16 to 256 letters, digits, '-' or '_', got one of 7 characters; use a"
                        + " long random one, such as EmberUi.newToken() (see 'ember wordcount"
                        + " --help')",
                run.errLine());
    }
}
