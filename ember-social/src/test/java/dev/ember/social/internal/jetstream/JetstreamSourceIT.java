package dev.ember.social.internal.jetstream;

import static dev.ember.social.internal.SourceRuns.runInBackground;
import static dev.ember.social.internal.SourceRuns.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.ember.social.Post;
import dev.ember.social.internal.Fixtures;
import dev.ember.social.internal.ManualSourceClock;
import dev.ember.streaming.SourceException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Jetstream source against a WebSocket server on loopback that speaks Jetstream's wire. */
@Timeout(20)
class JetstreamSourceIT {
    private static final long T = 1779719009000000L;
    private static final String SUBSCRIBE = "/subscribe?wantedCollections=app.bsky.feed.post";
    private static final List<String> FIXTURE_POSTS =
            List.of(
                    "3kscores",
                    "3kgolazo",
                    "3knofacets",
                    "3krecordtags",
                    "3ksliced",
                    "3kbadoffsets",
                    "3kunknown",
                    "3kboth");

    private final ManualSourceClock clock = new ManualSourceClock(1_800_000_000_000L);
    private FakeJetstreamServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private JetstreamSource source(URI endpoint, OptionalLong cursor, Duration silence) {
        return new JetstreamSource(endpoint, cursor, clock, () -> 1.0, silence);
    }

    private JetstreamSource source(OptionalLong cursor) {
        return source(server.endpoint(), cursor, Duration.ofSeconds(10));
    }

    /** Runs {@code source} on this thread until it delivered {@code count} posts. */
    private static List<String> rkeys(List<Post> posts) {
        return posts.stream().map(p -> p.id().substring(p.id().lastIndexOf('/') + 1)).toList();
    }

    private static List<String> streamRkeys(int from, int to) {
        List<String> rkeys = new ArrayList<>();
        for (int k = from; k < to; k++) {
            rkeys.add("3kstream" + k);
        }
        return rkeys;
    }

    @Test
    void deliversThePostOfEveryCreateFrameAndCountsOnlyMalformedOnes() throws Exception {
        server = FakeJetstreamServer.start(Fixtures.lines("jetstream/events.jsonl"));
        JetstreamSource source = source(OptionalLong.empty());

        List<Post> posts = take(source, FIXTURE_POSTS.size());

        assertEquals(FIXTURE_POSTS, rkeys(posts));
        assertEquals(
                new Post(
                        "at://did:plc:bbbbbbbbbbbbbbbbbbbbbbbb/app.bsky.feed.post/3kgolazo",
                        "¡Golazo de Messi! 🐐 #Messi",
                        "did:plc:bbbbbbbbbbbbbbbbbbbbbbbb",
                        java.time.Instant.parse("2026-05-25T14:23:28.900Z"),
                        "es",
                        List.of("#messi"),
                        "bluesky"),
                posts.get(1));
        assertEquals(2, source.skippedCount(), "one frame is not JSON, one post has no text");
        assertEquals(List.of(SUBSCRIBE), server.requests());
        assertEquals(OptionalLong.of(T + 16), source.cursor());
        assertEquals(List.of(), clock.waits());
    }

    @Test
    void resumesFiveSecondsBeforeTheLastEventAndDropsThePostsItAlreadyDelivered() throws Exception {
        server = FakeJetstreamServer.start(Fixtures.lines("jetstream/stream.jsonl"));
        server.then(new FakeJetstreamServer.SendThenClose(8));
        JetstreamSource source = source(OptionalLong.empty());

        List<Post> posts = take(source, 10);

        assertEquals(streamRkeys(0, 10), rkeys(posts));
        long lastBeforeDrop = T + 7_000_000;
        assertEquals(
                List.of(SUBSCRIBE, SUBSCRIBE + "&cursor=" + (lastBeforeDrop - 5_000_000)),
                server.requests());
        assertEquals(6, source.duplicatesDropped(), "events 2 to 7 came again");
        assertEquals(List.of(Duration.ofSeconds(1)), clock.waits());
        assertEquals(OptionalLong.of(T + 9_000_000), source.cursor());
    }

    @Test
    void startsFromTheGivenCursor() throws Exception {
        server = FakeJetstreamServer.start(Fixtures.lines("jetstream/stream.jsonl"));
        JetstreamSource source = source(OptionalLong.of(T + 5_000_000));

        assertEquals(OptionalLong.of(T + 5_000_000), source.cursor());
        List<Post> posts = take(source, 5);

        assertEquals(streamRkeys(5, 10), rkeys(posts));
        assertEquals(List.of(SUBSCRIBE + "&cursor=" + (T + 5_000_000)), server.requests());
    }

    @Test
    void reassemblesTextMessagesSentInFragmentsThatSplitCharacters() throws Exception {
        server = FakeJetstreamServer.start(Fixtures.lines("jetstream/events.jsonl"));
        server.then(new FakeJetstreamServer.SendFragmented(7));
        JetstreamSource source = source(OptionalLong.empty());

        List<Post> posts = take(source, FIXTURE_POSTS.size());

        assertEquals(FIXTURE_POSTS, rkeys(posts));
        assertEquals("¡Golazo de Messi! 🐐 #Messi", posts.get(1).text());
    }

    @Test
    void pingsASilentServerAndReconnectsWhenNotEvenAPongComesBack() throws Exception {
        server = FakeJetstreamServer.start(Fixtures.lines("jetstream/stream.jsonl"));
        server.then(new FakeJetstreamServer.Silent());
        JetstreamSource source =
                source(server.endpoint(), OptionalLong.empty(), Duration.ofMillis(150));

        List<Post> posts = take(source, 10);

        assertEquals(streamRkeys(0, 10), rkeys(posts));
        assertEquals(List.of(SUBSCRIBE, SUBSCRIBE), server.requests(), "no event, no cursor");
        assertEquals(List.of(Duration.ofSeconds(1)), clock.waits());
    }

    @Test
    void backsOffExponentiallyWhileNoServerListens() throws Exception {
        int port;
        try (ServerSocket socket =
                new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        JetstreamSource source =
                source(
                        URI.create("ws://127.0.0.1:" + port + "/subscribe"),
                        OptionalLong.empty(),
                        Duration.ofSeconds(10));
        clock.closeAfterWaits(7, source);

        source.run(post -> {});

        assertEquals(
                List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L),
                clock.waits().stream().map(Duration::toSeconds).toList());
    }

    @Test
    void stopsWithAClearMessageWhenTheHandshakeIsAnswered404() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext(
                "/",
                exchange -> {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                });
        http.start();
        try {
            JetstreamSource source =
                    source(
                            URI.create("ws://127.0.0.1:" + http.getAddress().getPort() + "/wrong"),
                            OptionalLong.empty(),
                            Duration.ofSeconds(10));

            SourceException e = assertThrows(SourceException.class, () -> source.run(p -> {}));

            assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
            assertTrue(e.getMessage().contains("/subscribe"), e.getMessage());
            assertEquals(List.of(), clock.waits());
        } finally {
            http.stop(0);
        }
    }

    @Test
    void closeFromAnotherThreadEndsRunPromptly() throws Exception {
        server = FakeJetstreamServer.start(List.of());
        server.then(new FakeJetstreamServer.Silent());
        JetstreamSource source = source(OptionalLong.empty());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread runner = runInBackground(source, failure);
        server.awaitConnections(1);

        long start = System.nanoTime();
        source.close();
        runner.join(5_000);

        assertFalse(runner.isAlive());
        assertTrue(
                System.nanoTime() - start < Duration.ofSeconds(2).toNanos(),
                "run returned within 2 s of close");
        assertEquals(null, failure.get());
        assertThrows(IllegalStateException.class, () -> source.run(p -> {}), "run is once");
    }

    @Test
    void interruptingTheRunningThreadEndsRunWithAnInterruptedException() throws Exception {
        server = FakeJetstreamServer.start(List.of());
        server.then(new FakeJetstreamServer.Silent());
        JetstreamSource source = source(OptionalLong.empty());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread runner = runInBackground(source, failure);
        server.awaitConnections(1);

        runner.interrupt();
        runner.join(5_000);

        assertFalse(runner.isAlive());
        assertTrue(failure.get() instanceof InterruptedException, String.valueOf(failure.get()));
    }
}
