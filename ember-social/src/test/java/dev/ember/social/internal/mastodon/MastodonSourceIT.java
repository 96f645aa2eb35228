package dev.ember.social.internal.mastodon;

import static dev.ember.social.internal.SourceRuns.ids;
import static dev.ember.social.internal.SourceRuns.runInBackground;
import static dev.ember.social.internal.SourceRuns.take;
import static dev.ember.social.internal.mastodon.FakeMastodonServer.answer;
import static dev.ember.social.internal.mastodon.FakeMastodonServer.events;
import static dev.ember.social.internal.mastodon.FakeMastodonServer.text;
import static dev.ember.social.internal.mastodon.FakeMastodonServer.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.social.KeywordFilter;
import dev.ember.social.Post;
import dev.ember.social.internal.Fixtures;
import dev.ember.social.internal.ManualSourceClock;
import dev.ember.streaming.SourceException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Mastodon source against a streaming API on loopback that speaks server-sent events. */
@Timeout(20)
class MastodonSourceIT {
    private static final long NOW_MILLIS = 1_800_000_000_000L;
    private static final String PUBLIC = "/api/v1/streaming/public";

    private final ManualSourceClock clock = new ManualSourceClock(NOW_MILLIS);
    private FakeMastodonServer mastodon;

    @BeforeEach
    void startMastodon() throws Exception {
        mastodon = new FakeMastodonServer();
    }

    @AfterEach
    void stopMastodon() {
        mastodon.close();
    }

    private MastodonSource source(URI instance, String token, KeywordFilter track, Duration idle) {
        return new MastodonSource(instance, token, track, clock, () -> 1.0, idle);
    }

    private MastodonSource source(KeywordFilter track) {
        return source(mastodon.url(), FakeMastodonServer.TOKEN, track, Duration.ofSeconds(10));
    }

    /** The status with {@code id} of the statuses fixture. */
    private static String statusJson(String id) {
        return Fixtures.lineStartingWith("mastodon/statuses.jsonl", "{\"id\":\"" + id + "\"");
    }

    private static final String FIRST = statusJson("113000000000000001");
    private static final String SECOND = statusJson("113000000000000006");

    @Test
    void deliversUpdatesAndIgnoresHeartbeatsDeletesEditsAndBoosts() throws Exception {
        mastodon.then(
                "public",
                events(text(Fixtures.text("mastodon/stream.txt")), new FakeMastodonServer.Stall()));
        MastodonSource source = source(KeywordFilter.none());

        List<Post> posts = take(source, 2);

        assertEquals(List.of("113000000000000011", "113000000000000012"), ids(posts));
        assertEquals(
                new Post(
                        "113000000000000012",
                        "Golazo & más #Messi",
                        "fan@example.social",
                        Instant.parse("2026-05-01T20:15:12Z"),
                        "es",
                        List.of("#messi"),
                        "mastodon"),
                posts.get(1));
        assertEquals(1, source.skippedCount(), "the update that is not JSON");
        assertEquals(List.of("/api/v2/instance", PUBLIC), mastodon.requests());
        assertEquals(
                "mastodon (" + mastodon.url().getAuthority() + ", public)", source.description());
        assertEquals(List.of(), clock.waits());
    }

    @Test
    void opensOneHashtagStreamPerKeywordAndDeliversAStatusOnStreamsOnce() throws Exception {
        String shared = statusJson("113000000000000002");
        mastodon.then(
                        "messi",
                        events(update(shared), update(FIRST), new FakeMastodonServer.Stall()))
                .then(
                        "ronaldo",
                        events(update(shared), update(SECOND), new FakeMastodonServer.Stall()));
        MastodonSource source = source(KeywordFilter.of("messi", "#Ronaldo"));

        assertEquals(
                "mastodon (" + mastodon.url().getAuthority() + ", #messi #ronaldo)",
                source.description());
        List<Post> posts = take(source, 3);

        assertEquals(
                Set.of("113000000000000001", "113000000000000002", "113000000000000006"),
                new HashSet<>(ids(posts)));
        assertEquals(
                Set.of(
                        "/api/v2/instance",
                        "/api/v1/streaming/hashtag?tag=messi",
                        "/api/v1/streaming/hashtag?tag=ronaldo"),
                new HashSet<>(mastodon.requests()));
    }

    @Test
    void streamsThePublicTimelineWhenAKeywordIsNotAHashtag() throws Exception {
        mastodon.then("public", events(update(FIRST), new FakeMastodonServer.Stall()));
        MastodonSource source = source(KeywordFilter.of("messi", "inter miami"));

        take(source, 1);

        assertEquals(List.of("/api/v2/instance", PUBLIC), mastodon.requests());
    }

    @Test
    void stopsWhenTheTokenIsRejectedSayingItNeedsReadStatuses() throws Exception {
        String token = "rejected-token-never-shown-55555";
        MastodonSource source =
                source(mastodon.url(), token, KeywordFilter.none(), Duration.ofSeconds(10));

        SourceException e = assertThrows(SourceException.class, () -> source.run(p -> {}));

        assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
        assertTrue(e.getMessage().contains("read:statuses"), e.getMessage());
        assertTrue(e.getMessage().contains("MASTODON_TOKEN"), e.getMessage());
        assertFalse(e.getMessage().contains(token));
        assertEquals(List.of(), clock.waits());
    }

    @Test
    void reconnectsWithBackoffWhenTheStreamEnds() throws Exception {
        mastodon.then("public", events(text(":)\n\n"), update(FIRST)))
                .then("public", events(update(SECOND), new FakeMastodonServer.Stall()));
        MastodonSource source = source(KeywordFilter.none());

        List<Post> posts = take(source, 2);

        assertEquals(List.of("113000000000000001", "113000000000000006"), ids(posts));
        assertEquals(List.of(Duration.ofSeconds(1)), clock.waits());
    }

    @Test
    void reconnectsWhenNotEvenAHeartbeatArrivesWithinTheIdleTimeout() throws Exception {
        mastodon.then(
                        "public",
                        events(text(":thump\n\n"), update(FIRST), new FakeMastodonServer.Stall()))
                .then("public", events(update(SECOND), new FakeMastodonServer.Stall()));
        MastodonSource source =
                source(
                        mastodon.url(),
                        FakeMastodonServer.TOKEN,
                        KeywordFilter.none(),
                        Duration.ofMillis(200));

        List<Post> posts = take(source, 2);

        assertEquals(List.of("113000000000000001", "113000000000000006"), ids(posts));
        assertEquals(List.of("/api/v2/instance", PUBLIC, PUBLIC), mastodon.requests());
        assertEquals(List.of(Duration.ofSeconds(1)), clock.waits());
    }

    @Test
    void streamsFromTheHostThatTheInstanceAdvertises() throws Exception {
        try (FakeMastodonServer streaming = new FakeMastodonServer()) {
            streaming.then("public", events(update(FIRST), new FakeMastodonServer.Stall()));
            mastodon.advertiseStreaming("ws://" + streaming.url().getAuthority());
            MastodonSource source = source(KeywordFilter.none());

            take(source, 1);

            assertEquals(List.of("/api/v2/instance"), mastodon.requests());
            assertEquals(List.of(PUBLIC), streaming.requests());
        }
    }

    @Test
    void followsARedirectToTheStreamingHost() throws Exception {
        try (FakeMastodonServer streaming = new FakeMastodonServer()) {
            streaming.then("public", events(update(FIRST), new FakeMastodonServer.Stall()));
            mastodon.then(
                    "public",
                    answer(
                            301,
                            Map.of("Location", "ws://" + streaming.url().getAuthority() + PUBLIC),
                            ""));
            MastodonSource source = source(KeywordFilter.none());

            take(source, 1);

            assertEquals(List.of("/api/v2/instance", PUBLIC), mastodon.requests());
            assertEquals(List.of(PUBLIC), streaming.requests());
            assertEquals(List.of(), clock.waits());
        }
    }

    @Test
    void waitsUntilTheRateLimitResetsAfterA429() throws Exception {
        String reset = Instant.ofEpochMilli(NOW_MILLIS).plusSeconds(120).toString();
        mastodon.then(
                        "public",
                        answer(
                                429,
                                Map.of("X-RateLimit-Reset", reset),
                                "{\"error\":\"Too many requests\"}"))
                .then("public", events(update(FIRST), new FakeMastodonServer.Stall()));
        MastodonSource source = source(KeywordFilter.none());

        take(source, 1);

        assertEquals(List.of(Duration.ofSeconds(120)), clock.waits());
    }

    @Test
    void closeFromAnotherThreadEndsRunPromptly() throws Exception {
        MastodonSource source = source(KeywordFilter.of("messi", "ronaldo"));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread runner = runInBackground(source, failure);
        mastodon.awaitRequests(3);

        long start = System.nanoTime();
        source.close();
        runner.join(5_000);

        assertFalse(runner.isAlive());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos());
        assertNull(failure.get());
    }
}
