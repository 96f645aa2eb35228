package dev.ember.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builders: defaults, descriptions, and the errors for every option given wrong. */
class PostSourcesTest {
    private static final String TOKEN = "secret-token-that-must-never-show-123";

    private static void assertMessage(Throwable e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
        }
    }

    @Test
    void blueskyDefaultsToJetstream2UsEast() {
        assertEquals(
                "bluesky (jetstream2.us-east.bsky.network)",
                PostSources.bluesky().build().description());
    }

    @Test
    void blueskyTakesAHostOrAnEndpointAndACursor() {
        assertEquals(
                "bluesky (jetstream1.us-west.bsky.network)",
                PostSources.bluesky()
                        .host("jetstream1.us-west.bsky.network")
                        .build()
                        .description());
        assertEquals(
                "bluesky (127.0.0.1:6008, from 2026-05-25T14:23:29.157119Z)",
                PostSources.bluesky()
                        .endpoint(URI.create("ws://127.0.0.1:6008/subscribe?wantedDids=did:plc:a"))
                        .cursor(1779719009157119L)
                        .build()
                        .description());
    }

    @Test
    void blueskyRefusesWhatIsNotAHostOrAWebSocketEndpoint() {
        assertMessage(
                assertThrows(
                        IllegalArgumentException.class,
                        () -> PostSources.bluesky().host("wss://jetstream2.us-east.bsky.network")),
                "is not a host name",
                "endpoint(URI)");
        assertThrows(IllegalArgumentException.class, () -> PostSources.bluesky().host("a b"));
        assertThrows(IllegalArgumentException.class, () -> PostSources.bluesky().host(" "));
        assertMessage(
                assertThrows(
                        IllegalArgumentException.class,
                        () -> PostSources.bluesky().endpoint(URI.create("https://x/subscribe"))),
                "not a ws:// or wss:// URI");
        assertMessage(
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                PostSources.bluesky()
                                        .endpoint(URI.create("ws://x/subscribe?cursor=1"))),
                "cursor(long)");
    }

    @Test
    void blueskyOptionsAreSetOnceAndHostExcludesEndpoint() {
        PostSources.BlueskyBuilder builder = PostSources.bluesky().host("a.example");

        assertMessage(
                assertThrows(
                        IllegalStateException.class,
                        () -> builder.endpoint(URI.create("ws://b/subscribe"))),
                "host was already set to 'a.example'");
        assertThrows(IllegalStateException.class, () -> builder.host("c.example"));
        builder.cursor(1779719009157119L);
        assertMessage(
                assertThrows(IllegalStateException.class, () -> builder.cursor(1779719009157120L)),
                "already set to 1779719009157119");
    }

    @Test
    void blueskyRefusesACursorInMilliseconds() {
        assertMessage(
                assertThrows(
                        IllegalArgumentException.class,
                        () -> PostSources.bluesky().cursor(1779719009157L)),
                "microseconds",
                "1000");
    }

    @Test
    void xNeedsATokenAndNamesTheVariableWhenItIsMissing() {
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> PostSources.x().environment(name -> null).build());

        assertMessage(e, "X_BEARER_TOKEN", "is not set");
    }

    @Test
    void xReadsTheTokenFromTheEnvironmentAndDescribesItsRulesButNeverTheToken() {
        PostSource source =
                PostSources.x()
                        .environment(Map.of("X_BEARER_TOKEN", TOKEN)::get)
                        .track(KeywordFilter.of("messi", "#goal"))
                        .build();

        assertEquals("x (api.x.com, 2 rules)", source.description());
        assertEquals(
                "x (127.0.0.1:8080, existing rules, dry run)",
                PostSources.x()
                        .bearerToken(TOKEN)
                        .baseUrl(URI.create("http://127.0.0.1:8080/"))
                        .dryRun(true)
                        .build()
                        .description());
        assertFalse(source.description().contains(TOKEN));
    }

    @Test
    void xRefusesABaseUrlThatIsNotHttpAndOptionsSetTwice() {
        assertMessage(
                assertThrows(
                        IllegalArgumentException.class,
                        () -> PostSources.x().baseUrl(URI.create("ftp://api.x.com"))),
                "https://api.x.com");
        assertThrows(
                IllegalArgumentException.class,
                () -> PostSources.x().baseUrl(URI.create("https://api.x.com?x=1")));
        assertThrows(IllegalArgumentException.class, () -> PostSources.x().bearerToken(" "));
        PostSources.XBuilder builder = PostSources.x().bearerToken(TOKEN).dryRun(false);
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> builder.bearerToken("other"));
        assertFalse(e.getMessage().contains(TOKEN), "the earlier token is not quoted");
        assertThrows(IllegalStateException.class, () -> builder.dryRun(true));
    }

    @Test
    void mastodonTakesAHostOrAUrlAndStreamsHashtagsOfTrackedWords() {
        assertEquals(
                "mastodon (mastodon.social, public)",
                PostSources.mastodon("mastodon.social").token(TOKEN).build().description());
        assertEquals(
                "mastodon (127.0.0.1:8080, #messi)",
                PostSources.mastodon("http://127.0.0.1:8080/")
                        .token(TOKEN)
                        .track(KeywordFilter.of("Messi"))
                        .build()
                        .description());
        assertEquals(
                "mastodon (example.social, public)",
                PostSources.mastodon("example.social")
                        .environment(Map.of("MASTODON_TOKEN", TOKEN)::get)
                        .track(KeywordFilter.of("inter miami"))
                        .build()
                        .description());
    }

    @Test
    void mastodonExplainsThatItNeedsAUserTokenWithReadStatuses() {
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> PostSources.mastodon("mastodon.social").environment(n -> "").build());

        assertMessage(e, "MASTODON_TOKEN", "read:statuses", "4.2", "mastodon.social");
    }

    @Test
    void mastodonRefusesWhatIsNotAnInstance() {
        assertThrows(IllegalArgumentException.class, () -> PostSources.mastodon(""));
        assertThrows(
                IllegalArgumentException.class, () -> PostSources.mastodon("@me@mastodon.social"));
        assertThrows(
                IllegalArgumentException.class, () -> PostSources.mastodon("mastodon.social/home"));
        assertMessage(
                assertThrows(
                        IllegalArgumentException.class,
                        () -> PostSources.mastodon("wss://streaming.mastodon.social")),
                "http:// or https://");
    }

    @Test
    void replayDescribesItsFileAndSpeed(@TempDir Path dir) throws IOException {
        Path file = Files.createFile(dir.resolve("posts.jsonl"));

        assertEquals("replay (posts.jsonl, 1x)", PostSources.replay(file).build().description());
        assertEquals(
                "replay (posts.jsonl, 2x)",
                PostSources.replay(file).speed(2).build().description());
        assertEquals(
                "replay (posts.jsonl, as fast as possible)",
                PostSources.replay(file).asFastAsPossible().build().description());
    }

    @Test
    void replayRefusesAMissingFileAndASpeedThatIsNotPositive(@TempDir Path dir) {
        Path missing = dir.resolve("missing.jsonl");

        assertMessage(
                assertThrows(
                        IllegalArgumentException.class, () -> PostSources.replay(missing).build()),
                missing.toString(),
                "does not exist");
        assertMessage(
                assertThrows(IllegalArgumentException.class, () -> PostSources.replay(dir).build()),
                "not a readable file");
        assertThrows(IllegalArgumentException.class, () -> PostSources.replay(missing).speed(0));
        assertThrows(IllegalArgumentException.class, () -> PostSources.replay(missing).speed(-1));
        assertThrows(
                IllegalArgumentException.class,
                () -> PostSources.replay(missing).speed(Double.NaN));
        assertMessage(
                assertThrows(
                        IllegalStateException.class,
                        () -> PostSources.replay(missing).speed(2).asFastAsPossible()),
                "already set to 2.0x");
    }

    @Test
    void demoDefaultsToTheTutorialsSeedAtFiftyPostsASecond() {
        assertEquals("demo (seed 42, 50 posts/s)", PostSources.demo().build().description());
        assertEquals(
                "demo (seed 7, unpaced, 2.5 posts/s of virtual time)",
                PostSources.demo().seed(7).rate(2.5).unpaced().build().description());
    }

    @Test
    void demoGivesTheSamePostsForTheSameSeed() throws Exception {
        try (PostSource source = PostSources.demo().unpaced().build()) {
            java.util.List<Post> posts = new java.util.ArrayList<>();
            source.run(
                    post -> {
                        posts.add(post);
                        if (posts.size() == 3) {
                            source.close();
                        }
                    });
            assertEquals(
                    java.util.List.of("demo-42-0", "demo-42-1", "demo-42-2"),
                    posts.stream().map(Post::id).toList());
            assertTrue(posts.stream().allMatch(p -> p.source().equals("demo")));
        }
    }

    @Test
    void demoOptionsAreSetOnceAndTheRateIsChecked() {
        assertMessage(
                assertThrows(IllegalStateException.class, () -> PostSources.demo().seed(1).seed(2)),
                "seed was already set to 1; set it once");
        assertMessage(
                assertThrows(IllegalStateException.class, () -> PostSources.demo().rate(5).rate(6)),
                "rate was already set to 5.0; set it once");
        assertMessage(
                assertThrows(IllegalArgumentException.class, () -> PostSources.demo().rate(0)),
                "demo rate 0.0 posts/s is out of range",
                "such as 50");
    }
}
