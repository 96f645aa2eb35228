package dev.ember.cli.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code ember hashtags}'s options, usage errors and source failures. */
@Timeout(60)
class HashtagsCommandTest {

    private static void assertUsageError(String expected, String... args) {
        CommandRun run = CommandRun.of(args);
        assertEquals(2, run.exitCode, run::toString);
        assertEquals(
                "ember hashtags: " + expected + " (see 'ember hashtags --help')", run.errLine());
        assertEquals("", run.jobOut);
    }

    /** A loopback port on which nothing listens. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void helpExplainsEveryOptionWithTheNotebooksDefaults() {
        CommandRun run = CommandRun.of("hashtags", "--help");

        assertEquals(0, run.exitCode, run::toString);
        String help = run.out.replaceAll("\\s+", " ");
        assertAll(
                List.of(
                                "--source",
                                "--track",
                                "--batch",
                                "--window",
                                "--slide",
                                "--top",
                                "--table",
                                "--history",
                                "--plot-dir",
                                "--windows",
                                "--duration",
                                "--speed",
                                "--rate",
                                "--seed",
                                "--log-level",
                                "Default: demo",
                                "Default: 10s",
                                "Default: 20s",
                                "Default: 10",
                                "Default: tweetsmessi",
                                "socket:<host>:<port>",
                                "X_BEARER_TOKEN",
                                "MASTODON_TOKEN",
                                "./ember hashtags --source socket:localhost:5555",
                                "--checkpoint")
                        .stream()
                        .map(text -> () -> assertTrue(help.contains(text), "help lacks " + text)));
    }

    @Test
    void topLevelHelpListsTheCommand() {
        CommandRun run = CommandRun.of("--help");
        assertTrue(run.out.contains("hashtags"), run.out);
        assertTrue(run.out.contains("./ember hashtags"), run.out);
    }

    @Test
    void rejectsWindowsAndSlidesThatAreNotMultiplesOfTheBatch() {
        assertUsageError(
                "--window 25s is not a multiple of --batch 10s: use 20s or 30s",
                "hashtags",
                "--window",
                "25s");
        assertUsageError(
                "--slide 500ms is not a multiple of --batch 1s: use 1s",
                "hashtags",
                "--batch",
                "1s",
                "--slide",
                "500ms");
    }

    @Test
    void rejectsBadValues() {
        assertUsageError(
                "Invalid value for option '--top': 0 is not at least 1", "hashtags", "--top", "0");
        assertUsageError(
                "Invalid value for option '--windows': 0 is not at least 1",
                "hashtags",
                "--windows",
                "0");
        assertUsageError(
                "Invalid value for option '--table': 'top-10' is not a plain SQL name; use"
                        + " letters, digits and _, not starting with a digit, such as tweetsmessi",
                "hashtags",
                "--table",
                "top-10");
        assertUsageError(
                "Invalid value for option '--track': keyword '#' is a lone #; write a hashtag such"
                        + " as #messi",
                "hashtags",
                "--track",
                "#");
    }

    @Test
    void readsSocketsButTheRelayDoesNot() {
        assertUsageError(
                "Invalid value for option '--source': 'socket:localhost' needs a host and a port,"
                        + " as in socket:localhost:5555 (where 'ember relay' listens by default)",
                "hashtags",
                "--source",
                "socket:localhost");
        assertUsageError(
                "Invalid value for option '--source': 'socket:localhost:99999': '99999' is not a"
                        + " TCP port: use a number from 1 to 65535",
                "hashtags",
                "--source",
                "socket:localhost:99999");
        assertUsageError(
                "Invalid value for option '--source': unknown source 'twitter': use demo,"
                        + " socket:HOST:PORT, file:DIR, bluesky[:host], x, mastodon[:instance] or"
                        + " replay:FILE",
                "hashtags",
                "--source",
                "twitter");
        assertUsageError(
                "Invalid value for option '--source': file needs a directory, as in file:incoming"
                        + " (the job reads the text files moved into it)",
                "hashtags",
                "--source",
                "file");
        CommandRun relayFiles = CommandRun.of("relay", "--source", "file:incoming");
        assertEquals(2, relayFiles.exitCode, relayFiles::toString);
        assertTrue(relayFiles.errLine().contains("unknown source 'file:incoming'"), relayFiles.err);
        CommandRun relay = CommandRun.of("relay", "--source", "socket:localhost:5555");
        assertEquals(2, relay.exitCode, relay::toString);
        assertTrue(relay.errLine().contains("unknown source 'socket:localhost:5555'"), relay.err);
    }

    @Test
    void rejectsOptionsMeantForAnotherSource() {
        assertUsageError(
                "--rate applies to --source demo, not to socket",
                "hashtags",
                "--source",
                "socket:localhost:5555",
                "--rate",
                "10");
        assertUsageError(
                "--speed applies to --source replay, not to demo", "hashtags", "--speed", "max");
        assertUsageError(
                "the x source streams the posts that match its rules, made from --track: give"
                        + " --track words, such as --track messi",
                "hashtags",
                "--source",
                "x");
    }

    @Test
    void aLiveSourceThatCannotBeReachedFailsWithOneLineThatNamesTheOfflineSource()
            throws Exception {
        int port = closedPort();
        CommandRun run =
                CommandRun.of(
                        "hashtags", "--source", "bluesky:ws://127.0.0.1:" + port + "/subscribe");

        assertEquals(1, run.exitCode, run::toString);
        String line = run.errLine();
        assertTrue(
                line.startsWith(
                        "ember hashtags: source bluesky:ws://127.0.0.1:"
                                + port
                                + "/subscribe cannot reach 127.0.0.1:"
                                + port
                                + " (no connection: "),
                line);
        assertTrue(
                line.endsWith(
                        "; check the network connection and the address, or run offline with"
                                + " --source demo"),
                line);
        assertEquals("", run.jobOut);
    }

    @Test
    void aMissingTokenFailsAtOnceWithOneLine() throws Exception {
        CommandRun run =
                CommandRun.of(
                        "hashtags",
                        "--source",
                        "mastodon:http://127.0.0.1:" + closedPort(),
                        "--track",
                        "messi");

        assertEquals(1, run.exitCode, run::toString);
        String line = run.errLine();
        assertTrue(line.startsWith("ember hashtags: source mastodon:http://127.0.0.1:"), line);
        assertTrue(line.contains("cannot start: Mastodon 4.2 and later"), line);
        assertTrue(line.contains("MASTODON_TOKEN is not set"), line);
        assertTrue(line.endsWith("; or run offline with --source demo"), line);
    }

    @Test
    void aSourceThatRefusesTheConnectionStopsTheJobWithItsReason() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                });
        server.start();
        try {
            String endpoint =
                    "ws://127.0.0.1:" + server.getAddress().getPort() + "/nowhere/subscribe";
            CommandRun run =
                    CommandRun.of(
                            "hashtags",
                            "--source",
                            "bluesky:" + endpoint,
                            "--batch",
                            "1s",
                            "--no-ui");

            assertEquals(1, run.exitCode, run::toString);
            List<String> err = run.err.lines().toList();
            String last = err.get(err.size() - 1);
            assertTrue(
                    last.startsWith(
                            "ember hashtags: bluesky (127.0.0.1:"
                                    + server.getAddress().getPort()
                                    + "): the server at "
                                    + endpoint
                                    + " refused the WebSocket handshake with HTTP 404"),
                    last);
            assertTrue(last.endsWith("; or run offline with --source demo"), last);
            assertEquals(
                    List.of(
                            "ember hashtags: bluesky (127.0.0.1:"
                                    + server.getAddress().getPort()
                                    + "); top 10 of a 20s window every 10s as view tweetsmessi",
                            "ember hashtags: read 0 posts, 0 windows"),
                    err.subList(0, 2),
                    run::toString);
            assertEquals(3, err.size(), run::toString);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void parsesTheSocketSource() {
        SourceOption.Converter converter = new SourceOption.JobConverter();
        SourceOption socket = converter.convert("socket:localhost:5555");
        assertEquals("localhost", socket.socketHost());
        assertEquals(5555, socket.socketPort());
        SourceOption v6 = converter.convert("socket:[::1]:7000");
        assertEquals("::1", v6.socketHost());
        assertEquals(7000, v6.socketPort());
        assertEquals("socket:localhost:5555", socket.toString());
    }
}
