package dev.ember.cli.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ember relay}'s options and usage errors. */
class RelayCommandTest {

    private static void assertUsageError(String expected, String... args) {
        CommandRun run = CommandRun.of(args);
        assertEquals(2, run.exitCode, run::toString);
        assertEquals("ember relay: " + expected + " (see 'ember relay --help')", run.errLine());
        assertEquals("", run.jobOut);
    }

    @Test
    void helpExplainsEverySourceAndOption() {
        CommandRun run = CommandRun.of("relay", "--help");

        assertEquals(0, run.exitCode, run::toString);
        String help = run.out.replaceAll("\\s+", " ");
        assertAll(
                List.of(
                                "--source",
                                "--track",
                                "--host",
                                "--port",
                                "--speed",
                                "--rate",
                                "--seed",
                                "--dry-run",
                                "--record",
                                "--client-buffer",
                                "--max-clients",
                                "--backlog",
                                "--duration",
                                "Default: bluesky",
                                "Default: 127.0.0.1",
                                "Default: 5555",
                                "Default: 4MiB",
                                "Default: 1000.",
                                "Default: 4096",
                                "X_BEARER_TOKEN",
                                "MASTODON_TOKEN",
                                "replay:<file>",
                                "./ember relay --source demo --track messi --port 5555")
                        .stream()
                        .map(text -> () -> assertTrue(help.contains(text), "help lacks " + text)));
    }

    @Test
    void topLevelHelpListsTheRelay() {
        CommandRun run = CommandRun.of("--help");
        assertTrue(run.out.contains("relay"), run.out);
        assertTrue(run.out.contains("the tutorial's tweet listener"), run.out);
    }

    @Test
    void rejectsAnUnknownSourceListingTheKnownOnes() {
        assertUsageError(
                "Invalid value for option '--source': unknown source 'twitter': use bluesky[:host],"
                        + " x, mastodon[:instance], replay:FILE or demo",
                "relay",
                "--source",
                "twitter");
    }

    @Test
    void rejectsAReplayWithoutAnExistingFile() {
        assertUsageError(
                "Invalid value for option '--source': replay needs a file, as in"
                        + " replay:posts.jsonl",
                "relay",
                "--source",
                "replay");
        assertUsageError(
                "Invalid value for option '--source': replay file 'no/such.jsonl' does not exist"
                        + " or is not a file",
                "relay",
                "--source",
                "replay:no/such.jsonl");
    }

    @Test
    void rejectsOptionsMeantForAnotherSource() {
        assertUsageError(
                "--speed applies to --source replay, not to demo",
                "relay",
                "--source",
                "demo",
                "--speed",
                "2");
        assertUsageError(
                "--rate applies to --source demo, not to bluesky", "relay", "--rate", "10");
        assertUsageError(
                "--dry-run applies to --source x, not to bluesky",
                "relay",
                "--dry-run",
                "--track",
                "messi");
    }

    @Test
    void theXSourceNeedsKeywordsForItsRules() {
        assertUsageError(
                "the x source streams the posts that match its rules, made from --track: give"
                        + " --track words, such as --track messi",
                "relay",
                "--source",
                "x");
    }

    @Test
    void rejectsBadValues() {
        assertUsageError(
                "Invalid value for option '--track': keyword '#' is a lone #; write a hashtag such"
                        + " as #messi",
                "relay",
                "--track",
                "messi,#");
        assertUsageError(
                "Invalid value for option '--speed': 'fast' is neither a positive factor, such as"
                        + " 1 or 2.5, nor max",
                "relay",
                "--source",
                "replay:pom.xml",
                "--speed",
                "fast");
        assertUsageError(
                "Invalid value for option '--rate': 0.0 is not between 0 and 1000000",
                "relay",
                "--source",
                "demo",
                "--rate",
                "0");
        assertUsageError(
                "Invalid value for option '--port': 70000 is not between 0 and 65535",
                "relay",
                "--port",
                "70000");
        assertUsageError(
                "Invalid value for option '--source': the demo source takes no argument, got"
                        + " 'demo:7': use --seed and --rate to shape it",
                "relay",
                "--source",
                "demo:7");
    }

    @Test
    void rejectsABufferWithoutAUnitOrTooSmallAndLimitsBelowOne() {
        assertUsageError(
                "Invalid value for option '--client-buffer': '10000' is not a size: write a number"
                        + " and its unit, B, KiB, MiB or GiB, such as 512KiB or 4MiB",
                "relay",
                "--client-buffer",
                "10000");
        assertUsageError(
                "Invalid value for option '--client-buffer': 100 bytes is less than 1KiB; give a"
                        + " few MiB, such as 4MiB",
                "relay",
                "--client-buffer",
                "100B");
        assertUsageError(
                "Invalid value for option '--max-clients': 0 is not at least 1",
                "relay",
                "--max-clients",
                "0");
        assertUsageError(
                "Invalid value for option '--backlog': -5 is not at least 1",
                "relay",
                "--backlog",
                "-5");
    }

    @Test
    void readsSizesWithTheirUnitInAnyCase() {
        OptionConverters.ByteSize size = new OptionConverters.ByteSize();
        assertEquals(100L, size.convert("100B"));
        assertEquals(512L << 10, size.convert("512KiB"));
        assertEquals(4L << 20, size.convert("4mib"));
        assertEquals(2L << 30, size.convert(" 2 GiB "));
    }

    @Test
    void aPortInUseIsAFailureThatSaysSo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CommandRun run =
                    CommandRun.of(
                            "relay",
                            "--source",
                            "demo",
                            "--port",
                            String.valueOf(taken.getLocalPort()));
            assertEquals(1, run.exitCode, run::toString);
            String line = run.errLine();
            assertTrue(
                    line.startsWith(
                            "ember relay: the relay cannot listen on 127.0.0.1:"
                                    + taken.getLocalPort()),
                    line);
            assertTrue(line.contains("Choose another one"), line);
        }
    }

    @Test
    void parsesTheSourceSyntax() throws Exception {
        SourceOption.Converter converter = new SourceOption.Converter();
        assertEquals(
                new SourceOption(SourceOption.Kind.BLUESKY, null), converter.convert("bluesky"));
        assertEquals(
                new SourceOption(SourceOption.Kind.BLUESKY, "jetstream1.us-west.bsky.network"),
                converter.convert("Bluesky:jetstream1.us-west.bsky.network"));
        assertEquals(
                new SourceOption(SourceOption.Kind.X, "http://127.0.0.1:8080"),
                converter.convert("x:http://127.0.0.1:8080"));
        assertEquals(
                new SourceOption(SourceOption.Kind.MASTODON, "fosstodon.org"),
                converter.convert("mastodon:fosstodon.org"));
        assertEquals(new SourceOption(SourceOption.Kind.DEMO, null), converter.convert(" demo "));
        assertEquals(
                "mastodon:fosstodon.org", converter.convert("mastodon:fosstodon.org").toString());
    }
}
