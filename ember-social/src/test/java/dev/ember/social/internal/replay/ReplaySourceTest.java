package dev.ember.social.internal.replay;

import static dev.ember.social.internal.SourceRuns.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.social.Post;
import dev.ember.social.PostJsonLines;
import dev.ember.social.internal.Fixtures;
import dev.ember.social.internal.ManualSourceClock;
import dev.ember.streaming.SourceException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplaySourceTest {
    private static final Instant T0 = Instant.parse("2026-05-01T20:15:00Z");

    @TempDir Path dir;
    private final ManualSourceClock clock = new ManualSourceClock(1_800_000_000_000L);

    private Path file(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    private static String line(String id, Instant receivedAt) {
        Post post =
                new Post(
                        id,
                        "post " + id + " #messi",
                        "fan",
                        T0,
                        "en",
                        List.of("#messi"),
                        "bluesky");
        return PostJsonLines.toJson(post, receivedAt);
    }

    /** Lines received at 0 s, 2 s, 5 s, 4 s (backwards), without a time, and 6.5 s. */
    private Path pacedFile() throws IOException {
        Post untimed = new Post("5", "no time", null, null, null, List.of(), "bluesky");
        return file(
                "paced.jsonl",
                line("1", T0),
                line("2", T0.plusSeconds(2)),
                line("3", T0.plusSeconds(5)),
                line("4", T0.plusSeconds(4)),
                PostJsonLines.toJson(untimed, null),
                line("6", T0.plusMillis(6500)));
    }

    private List<Post> replay(ReplaySource source) throws InterruptedException {
        List<Post> posts = new ArrayList<>();
        source.run(posts::add);
        return posts;
    }

    @Test
    void playsAtTheRecordedPaceAndEmitsLinesWhoseTimeGoesBackwardsAtOnce() throws Exception {
        List<Post> posts = replay(new ReplaySource(pacedFile(), 1, clock));

        assertEquals(List.of("1", "2", "3", "4", "5", "6"), ids(posts));
        assertEquals(
                List.of(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(1500)),
                clock.waits());
    }

    @Test
    void playsTwiceAsFastAtSpeedTwo() throws Exception {
        replay(new ReplaySource(pacedFile(), 2, clock));

        assertEquals(
                List.of(Duration.ofSeconds(1), Duration.ofMillis(1500), Duration.ofMillis(750)),
                clock.waits());
    }

    @Test
    void keepsToTheScheduleWhenTheSinkTakesTime() throws Exception {
        ReplaySource source = new ReplaySource(pacedFile(), 1, clock);
        List<String> ids = new ArrayList<>();

        source.run(
                post -> {
                    ids.add(post.id());
                    clock.advance(Duration.ofSeconds(1));
                });

        assertEquals(List.of("1", "2", "3", "4", "5", "6"), ids);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), clock.waits());
    }

    @Test
    void waitsForNothingAsFastAsPossible() throws Exception {
        List<Post> posts = replay(new ReplaySource(pacedFile(), 0, clock));

        assertEquals(6, posts.size());
        assertEquals(List.of(), clock.waits());
    }

    @Test
    void pacesAJetstreamCaptureByTimeUs() throws Exception {
        Path file =
                file(
                        "jetstream.jsonl",
                        Fixtures.lines("jetstream/stream.jsonl").toArray(String[]::new));

        List<Post> posts = replay(new ReplaySource(file, 1, clock));

        assertEquals(10, posts.size());
        assertEquals(9, clock.waits().size());
        assertTrue(
                clock.waits().stream().allMatch(Duration.ofSeconds(1)::equals),
                clock.waits().toString());
    }

    @Test
    void recognisesEachShapeLineByLineAndKeepsTheSourceNames() throws Exception {
        Path file =
                file(
                        "captures.jsonl",
                        Fixtures.lines("replay/captures.jsonl").toArray(String[]::new));
        ReplaySource source = new ReplaySource(file, 0, clock);

        List<Post> posts = replay(source);

        assertEquals(
                List.of(
                        "at://did:plc:bbbbbbbbbbbbbbbbbbbbbbbb/app.bsky.feed.post/3kgolazo bluesky",
                        "1900000000000000001 x",
                        "113000000000000001 mastodon",
                        "113000000000000006 mastodon",
                        "demo-1 demo",
                        "ember-2 bluesky"),
                posts.stream().map(p -> p.id() + " " + p.source()).toList());
        assertEquals(
                new Post(
                        "demo-1",
                        "Demo post #Messi #GOAT",
                        "demo-user",
                        T0,
                        "en",
                        List.of("#messi", "#goat"),
                        "demo"),
                posts.get(4));
        assertEquals(
                new Post(
                        "ember-2",
                        "Minimal line #Tag",
                        null,
                        null,
                        null,
                        List.of("#tag"),
                        "bluesky"),
                posts.get(5));
        assertEquals(2, source.skippedCount(), "the line that is not JSON and the unknown shape");
    }

    @Test
    void readsBackWhatPostJsonLinesWrote() throws Exception {
        List<Post> written =
                List.of(
                        new Post(
                                "at://did:plc:x/app.bsky.feed.post/1",
                                "line one\nline \"two\" ¡🐐! \\ \u2028 end #Messi",
                                "did:plc:x",
                                Instant.parse("2026-05-01T20:15:00.123456Z"),
                                "es",
                                List.of("#messi", "#goat"),
                                "bluesky"),
                        new Post("2", "", null, null, null, List.of(), "x"));
        Path file = dir.resolve("recorded.jsonl");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Post post : written) {
                PostJsonLines.write(post, T0, out);
            }
        }

        assertEquals(2, Files.readAllLines(file).size());
        assertEquals(written, replay(new ReplaySource(file, 0, clock)));
    }

    @Test
    void readsGzipAndDropsAByteOrderMark() throws Exception {
        Path file = dir.resolve("posts.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(
                    ("\uFEFF" + line("1", T0) + "\n" + line("2", T0) + "\n")
                            .getBytes(StandardCharsets.UTF_8));
        }

        assertEquals(List.of("1", "2"), ids(replay(new ReplaySource(file, 1, clock))));
    }

    @Test
    void countsAndSkipsLinesThatAreNotPosts() throws Exception {
        Path file =
                file(
                        "bad.jsonl",
                        line("1", T0),
                        "not json",
                        "[1, 2]",
                        "{\"id\":\"x\",\"text\":\"no source\",\"source\":\"\"}",
                        "",
                        "   ",
                        "{\"text\":\"t\",\"source\":\"s\",\"id\":7}",
                        line("2", T0));
        ReplaySource source = new ReplaySource(file, 0, clock);

        List<Post> posts = replay(source);

        assertEquals(List.of("1", "7", "2"), ids(posts), "a numeric id is read as text");
        assertEquals(3, source.skippedCount());
    }

    @Test
    void closeDuringAWaitEndsRun() throws Exception {
        ReplaySource source = new ReplaySource(pacedFile(), 1, clock);
        clock.closeAfterWaits(1, source);

        List<Post> posts = replay(source);

        assertEquals(List.of("1"), ids(posts));
    }

    @Test
    void failsWithASourceExceptionWhenTheFileIsGone() throws Exception {
        Path file = file("gone.jsonl", line("1", T0));
        ReplaySource source = new ReplaySource(file, 1, clock);
        Files.delete(file);

        SourceException e = assertThrows(SourceException.class, () -> source.run(p -> {}));

        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void describesItselfByFileAndSpeed() throws Exception {
        Path file = file("posts.jsonl");

        assertEquals("replay (posts.jsonl, 1x)", new ReplaySource(file, 1).description());
        assertEquals("replay (posts.jsonl, 2x)", new ReplaySource(file, 2).description());
        assertEquals("replay (posts.jsonl, 0.5x)", new ReplaySource(file, 0.5).description());
        assertEquals(
                "replay (posts.jsonl, as fast as possible)",
                new ReplaySource(file, 0).description());
    }
}
