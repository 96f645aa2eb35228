package dev.ember.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command's {@code --help} lists the exit statuses the commands really give. */
class ExitStatusHelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "wordcount", "relay"})
    void helpListsTheStatusesOfAFailureAUsageErrorAndEachSignal(String command) {
        CommandRun run =
                command.isEmpty() ? CommandRun.of("--help") : CommandRun.of(command, "--help");

        assertEquals(0, run.exitCode, run::toString);
        String help = run.out.replaceAll("\\s+", " ");
        for (String line :
                new String[] {
                    "Exit status: 0 ",
                    " 1 the ",
                    "or a graceful stop failed or took over 10s",
                    " 2 usage error",
                    " 130 stopped by Ctrl-C (SIGINT), after a graceful stop",
                    " 143 stopped by SIGTERM (kill, a service manager), after a graceful stop"
                }) {
            assertTrue(help.contains(line), () -> "help lacks '" + line + "':\n" + run.out);
        }
    }
}
