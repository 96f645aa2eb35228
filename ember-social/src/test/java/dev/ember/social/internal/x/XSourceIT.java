package dev.ember.social.internal.x;

import static dev.ember.social.internal.SourceRuns.ids;
import static dev.ember.social.internal.SourceRuns.runInBackground;
import static dev.ember.social.internal.SourceRuns.take;
import static dev.ember.social.internal.x.FakeXServer.error;
import static dev.ember.social.internal.x.FakeXServer.line;
import static dev.ember.social.internal.x.FakeXServer.stream;
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
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The X source against X's API on loopback: rules, the stream, its errors and its backoff. */
@Timeout(20)
class XSourceIT {
    private static final long NOW_MILLIS = 1_800_000_000_000L;
    private static final String RULES = "/2/tweets/search/stream/rules";
    private static final String STREAM = "/2/tweets/search/stream?" + XSource.STREAM_QUERY;
    private static final String GET_RULES = "GET " + RULES + "?max_results=1000";
    private static final String GET_STREAM = "GET " + STREAM;

    private final ManualSourceClock clock = new ManualSourceClock(NOW_MILLIS);
    private FakeXServer x;

    @BeforeEach
    void startX() throws Exception {
        x = new FakeXServer();
    }

    @AfterEach
    void stopX() {
        x.close();
    }

    private XSource source(KeywordFilter track, boolean dryRun) {
        return new XSource(
                x.baseUrl(), FakeXServer.TOKEN, track, dryRun, clock, Duration.ofSeconds(10));
    }

    private static String fixture(String marker) {
        return Fixtures.line("x/stream.jsonl", marker);
    }

    private static final String POST_1 = fixture("1900000000000000001\",\"text");
    private static final String POST_2 = fixture("1900000000000000002\",\"text");
    private static final String POST_7 = fixture("1900000000000000007\",\"text");

    /** Runs {@code source} on this thread until it delivered {@code count} posts. */
    @Test
    void deliversThePostsBetweenKeepAlivesAndSkipsMalformedLines() throws Exception {
        List<FakeXServer.Step> steps = new ArrayList<>();
        for (String l : Fixtures.lines("x/stream.jsonl")) {
            if (l.contains("operational-disconnect")) {
                continue;
            }
            steps.add(l.isEmpty() ? new FakeXServer.KeepAlive() : line(l));
        }
        steps.add(new FakeXServer.Stall());
        x.rule("1", "messi OR #messi", "ember:messi")
                .then(stream(steps.toArray(FakeXServer.Step[]::new)));
        XSource source = source(null, false);

        List<Post> posts = take(source, 6);

        assertEquals(
                List.of(
                        "1900000000000000001",
                        "1900000000000000002",
                        "1900000000000000003",
                        "1900000000000000004",
                        "1900000000000000005",
                        "1900000000000000007"),
                ids(posts));
        assertEquals(
                new Post(
                        "1900000000000000001",
                        "Messi scores again! #messi #InterMiami",
                        "fan42",
                        java.time.Instant.parse("2026-05-01T20:15:00Z"),
                        "en",
                        List.of("#messi", "#intermiami"),
                        "x"),
                posts.get(0));
        assertEquals(3, source.skippedCount(), "not JSON, neither data nor errors, no text");
        assertEquals(List.of(GET_RULES, GET_STREAM), x.requestLines(), "rules left as they are");
        assertEquals(List.of("messi OR #messi (ember:messi)"), x.rules());
        assertTrue(x.requests().get(1).userAgent().startsWith("ember"));
        assertEquals(List.of(), clock.waits());
    }

    @Test
    void makesTheRuleSetExactlyOneRulePerTrackedKeywordBeforeStreaming() throws Exception {
        x.rule("1", "messi OR #messi", "ember:messi")
                .rule("2", "cats has:media", "cats")
                .rule("3", "old", null)
                .then(stream(line(POST_1), new FakeXServer.Stall()));
        XSource source = source(KeywordFilter.of("messi", "inter miami", "#goal"), false);

        assertEquals("x (" + x.baseUrl().getAuthority() + ", 3 rules)", source.description());
        take(source, 1);

        List<FakeXServer.Request> requests = x.requests();
        assertEquals(
                List.of(GET_RULES, "POST " + RULES, "POST " + RULES, GET_STREAM), x.requestLines());
        assertEquals("{\"delete\":{\"ids\":[\"2\",\"3\"]}}", requests.get(1).body());
        assertEquals(
                "{\"add\":[{\"value\":\"\\\"inter miami\\\"\",\"tag\":\"ember:inter miami\"},"
                        + "{\"value\":\"#goal\",\"tag\":\"ember:#goal\"}]}",
                requests.get(2).body());
        assertEquals(
                List.of(
                        "messi OR #messi (ember:messi)",
                        "\"inter miami\" (ember:inter miami)",
                        "#goal (ember:#goal)"),
                x.rules());
    }

    @Test
    void dryRunHasXValidateTheChangesThenReturnsWithoutChangingOrStreaming() throws Exception {
        x.rule("1", "messi OR #messi", "ember:messi").rule("2", "cats has:media", "cats");
        XSource source = source(KeywordFilter.of("messi", "ronaldo"), true);

        source.run(post -> {});

        assertEquals(
                List.of(
                        GET_RULES,
                        "POST " + RULES + "?dry_run=true",
                        "POST " + RULES + "?dry_run=true"),
                x.requestLines());
        assertEquals(
                "{\"add\":[{\"value\":\"ronaldo OR #ronaldo\",\"tag\":\"ember:ronaldo\"}]}",
                x.requests().get(2).body());
        assertEquals(List.of("messi OR #messi (ember:messi)", "cats has:media (cats)"), x.rules());
        assertTrue(source.description().endsWith(", 2 rules, dry run)"), source.description());
    }

    @Test
    void stopsWhenXRefusesTheRuleOfAKeyword() throws Exception {
        XSource source = source(KeywordFilter.of("messi", "invalid keyword"), false);

        SourceException e = assertThrows(SourceException.class, () -> source.run(p -> {}));

        assertTrue(e.getMessage().contains("'\"invalid keyword\"': Invalid Rule"), e.getMessage());
        assertTrue(e.getMessage().contains("--track"), e.getMessage());
        assertEquals(List.of("messi OR #messi (ember:messi)"), x.rules());
    }

    @Test
    void backsOffFromOneMinuteOn429sAndWaitsUntilTheRateLimitResetWhenThatIsLater()
            throws Exception {
        long afterFirstWait = NOW_MILLIS / 1000 + 60;
        x.then(error(429, "x/error-rate-limit.json", Map.of()))
                .then(
                        error(
                                429,
                                "x/error-rate-limit.json",
                                Map.of("x-rate-limit-reset", Long.toString(afterFirstWait + 300))))
                .then(
                        error(
                                429,
                                "x/error-rate-limit.json",
                                Map.of("x-rate-limit-reset", Long.toString(NOW_MILLIS / 1000))))
                .then(stream(line(POST_1), new FakeXServer.Stall()));
        XSource source = source(null, false);

        assertEquals(List.of("1900000000000000001"), ids(take(source, 1)));

        assertEquals(
                List.of(Duration.ofSeconds(60), Duration.ofSeconds(300), Duration.ofSeconds(240)),
                clock.waits());
    }

    @Test
    void waitsAsForA429WhenAnotherConnectionOfTheAppIsOpen() throws Exception {
        x.then(error(429, "x/error-too-many-connections.json", Map.of()))
                .then(stream(line(POST_1), new FakeXServer.Stall()));
        XSource source = source(null, false);

        take(source, 1);

        assertEquals(List.of(Duration.ofSeconds(60)), clock.waits());
    }

    @Test
    void backsOffExponentiallyFromFiveSecondsOnOtherHttpErrors() throws Exception {
        x.then(error(503, "x/error-service-unavailable.json", Map.of()))
                .then(error(503, "x/error-service-unavailable.json", Map.of()))
                .then(error(500, "x/error-service-unavailable.json", Map.of()))
                .then(stream(line(POST_1), new FakeXServer.Stall()));
        XSource source = source(null, false);

        take(source, 1);

        assertEquals(
                List.of(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20)),
                clock.waits());
    }

    @Test
    void reconnectsAtOnceAfterAnOperationalDisconnect() throws Exception {
        x.then(stream(line(POST_1), line(fixture("operational-disconnect")), line(POST_2)))
                .then(stream(line(POST_7), new FakeXServer.Stall()));
        XSource source = source(null, false);

        List<Post> posts = take(source, 2);

        assertEquals(List.of("1900000000000000001", "1900000000000000007"), ids(posts));
        assertEquals(List.of(GET_RULES, GET_STREAM, GET_STREAM), x.requestLines());
        assertEquals(List.of(), clock.waits());
    }

    @Test
    void reconnectsAtOnceWhenNothingArrivesForTheIdleTimeout() throws Exception {
        x.then(stream(new FakeXServer.KeepAlive(), line(POST_1), new FakeXServer.Stall()))
                .then(stream(line(POST_2), new FakeXServer.Stall()));
        XSource source =
                new XSource(
                        x.baseUrl(), FakeXServer.TOKEN, null, false, clock, Duration.ofMillis(200));

        List<Post> posts = take(source, 2);

        assertEquals(List.of("1900000000000000001", "1900000000000000002"), ids(posts));
        assertEquals(List.of(GET_RULES, GET_STREAM, GET_STREAM), x.requestLines());
        assertEquals(List.of(), clock.waits());
    }

    @Test
    void treatsAStreamThatEndsBeforeAnythingArrivedAsANetworkError() throws Exception {
        x.then(stream()).then(stream()).then(stream(line(POST_1), new FakeXServer.Stall()));
        XSource source = source(null, false);

        take(source, 1);

        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500)), clock.waits());
    }

    @Test
    void backsOffLinearlyByAQuarterSecondWhileTheApiIsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        XSource source =
                new XSource(
                        URI.create("http://127.0.0.1:" + port),
                        FakeXServer.TOKEN,
                        null,
                        false,
                        clock,
                        Duration.ofSeconds(10));
        clock.closeAfterWaits(5, source);

        source.run(p -> {});

        assertEquals(
                List.of(250L, 500L, 750L, 1000L, 1250L),
                clock.waits().stream().map(Duration::toMillis).toList());
    }

    @Test
    void stopsOnA401WithAMessageThatNamesTheVariableButNotTheToken() throws Exception {
        String token = "wrong-token-never-shown-0987654321";
        XSource source =
                new XSource(
                        x.baseUrl(),
                        token,
                        KeywordFilter.of("messi"),
                        false,
                        clock,
                        Duration.ofSeconds(10));

        SourceException e = assertThrows(SourceException.class, () -> source.run(p -> {}));

        assertTrue(e.getMessage().contains("X_BEARER_TOKEN"), e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
        assertFalse(e.getMessage().contains(token), e.getMessage());
        assertFalse(source.description().contains(token));
        assertEquals(List.of(), clock.waits());
    }

    @Test
    void stopsWhenTheBaseUrlIsWrong() throws Exception {
        XSource source =
                new XSource(
                        URI.create(x.baseUrl() + "/wrong"),
                        FakeXServer.TOKEN,
                        null,
                        false,
                        clock,
                        Duration.ofSeconds(10));

        SourceException e = assertThrows(SourceException.class, () -> source.run(p -> {}));

        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        assertTrue(e.getMessage().contains("check the base URL"), e.getMessage());
    }

    @Test
    void closeFromAnotherThreadEndsRunPromptly() throws Exception {
        XSource source = source(null, false);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread runner = runInBackground(source, failure);
        x.awaitRequests(2);

        long start = System.nanoTime();
        source.close();
        runner.join(5_000);

        assertFalse(runner.isAlive());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos());
        assertNull(failure.get());
    }
}
