package dev.ember.social.internal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.social.Post;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoSourceTest {
    private static final Instant START = Instant.parse("2025-06-01T12:00:00Z");
    private static final long SECOND = 1_000_000_000L;

    @Test
    void emitsExactlyOneVirtualSecondOfPostsTenMillisecondsApartAt100PerSecond() throws Exception {
        ManualDemoClock clock = new ManualDemoClock(START);
        DemoSource source = new DemoSource(DemoSettings.defaults().withPostsPerSecond(100), clock);
        clock.closeAt(SECOND, source);
        List<Post> posts = new ArrayList<>();
        source.run(posts::add);

        assertEquals(100, posts.size());
        for (int k = 0; k < 100; k++) {
            assertEquals("demo-42-" + k, posts.get(k).id());
            assertEquals(START.plusMillis(10L * k), posts.get(k).createdAt());
        }
        assertEquals(100, clock.sleeps.size());
        assertTrue(clock.sleeps.stream().allMatch(s -> s == 10_000_000L), clock.sleeps::toString);
    }

    @Test
    void emitsInBurstsAtHighRatesInsteadOfSleepingForEveryPost() throws Exception {
        ManualDemoClock clock = new ManualDemoClock(START);
        DemoSource source =
                new DemoSource(DemoSettings.defaults().withPostsPerSecond(100_000), clock);
        // Runs until the wake-up after 1 s, which emits the post due at exactly 1 s.
        clock.closeAt(SECOND + 1, source);
        List<Instant> times = new ArrayList<>();
        source.run(post -> times.add(post.createdAt()));

        assertEquals(100_001, times.size());
        assertEquals(START.plusNanos(10_000L * 12_345), times.get(12_345));
        assertEquals(START.plusSeconds(1), times.get(100_000));
        assertEquals(1001, clock.sleeps.size());
        assertTrue(clock.sleeps.stream().allMatch(s -> s == DemoSource.MIN_WAIT_NANOS));
    }

    @Test
    void unpacedEmitsWithoutSleepingAndStampsTheVirtualTimesOfItsRate() throws Exception {
        ManualDemoClock clock = new ManualDemoClock(START).forbidSleeping();
        DemoSource source = new DemoSource(DemoSettings.defaults().withPaced(false), clock);
        List<Post> posts = new ArrayList<>();
        source.run(
                post -> {
                    posts.add(post);
                    if (posts.size() == 5000) {
                        source.close();
                    }
                });

        assertEquals(5000, posts.size());
        assertEquals(START.plusMillis(20L * 4999), posts.get(4999).createdAt());
        assertEquals("demo-42-4999", posts.get(4999).id());
        assertEquals(0, clock.elapsedNanos());
    }

    @Test
    void pacedAndUnpacedSourcesEmitTheSamePosts() throws Exception {
        ManualDemoClock pacedClock = new ManualDemoClock(START);
        DemoSource paced = new DemoSource(DemoSettings.defaults(), pacedClock);
        pacedClock.closeAt(10 * SECOND, paced);
        List<Post> fromPaced = new ArrayList<>();
        paced.run(fromPaced::add);

        DemoSource unpaced =
                new DemoSource(
                        DemoSettings.defaults().withPaced(false),
                        new ManualDemoClock(START).forbidSleeping());
        List<Post> fromUnpaced = new ArrayList<>();
        unpaced.run(
                post -> {
                    fromUnpaced.add(post);
                    if (fromUnpaced.size() == fromPaced.size()) {
                        unpaced.close();
                    }
                });

        assertEquals(500, fromPaced.size());
        assertEquals(fromPaced, fromUnpaced);
    }

    @Test
    void closeFromTheSinkEndsRunAfterThatPost() throws Exception {
        ManualDemoClock clock = new ManualDemoClock(START);
        DemoSource source = new DemoSource(DemoSettings.defaults(), clock);
        List<Post> posts = new ArrayList<>();
        source.run(
                post -> {
                    posts.add(post);
                    if (posts.size() == 7) {
                        source.close();
                    }
                });

        assertEquals(7, posts.size());
        assertEquals(6, clock.sleeps.size());
    }

    @Test
    void closeBeforeRunMakesRunReturnAtOnce() throws Exception {
        DemoSource source =
                new DemoSource(
                        DemoSettings.defaults(), new ManualDemoClock(START).forbidSleeping());
        source.close();
        source.close();
        List<Post> posts = new ArrayList<>();
        source.run(posts::add);
        assertEquals(List.of(), posts);
    }

    @Test
    void catchesUpAfterAShortStallWithoutSkippingPosts() throws Exception {
        ManualDemoClock clock = new ManualDemoClock(START);
        DemoSource source = new DemoSource(DemoSettings.defaults(), clock);
        clock.closeAt(5 * SECOND, source);
        List<Post> posts = new ArrayList<>();
        source.run(
                post -> {
                    posts.add(post);
                    if (posts.size() == 10) {
                        clock.advance(3 * SECOND); // a sink that blocks for 3 s
                    }
                });

        assertEquals(250, posts.size());
        for (int k = 0; k < posts.size(); k++) {
            assertEquals("demo-42-" + k, posts.get(k).id());
        }
    }

    @Test
    void jumpsToThePostDueNowAfterFallingFarBehind() throws Exception {
        ManualDemoClock clock = new ManualDemoClock(START);
        DemoSource source = new DemoSource(DemoSettings.defaults(), clock);
        clock.closeAt(70 * SECOND, source);
        List<Post> posts = new ArrayList<>();
        source.run(
                post -> {
                    posts.add(post);
                    if (posts.size() == 10) {
                        clock.advance(60 * SECOND); // a machine that slept for a minute
                    }
                });

        // Posts 0..9 at 0..180 ms, then the post due at 60.18 s (number 3009) and on to 70 s.
        assertEquals("demo-42-9", posts.get(9).id());
        assertEquals("demo-42-3009", posts.get(10).id());
        assertEquals(START.plus(Duration.ofMillis(60_180)), posts.get(10).createdAt());
        assertEquals("demo-42-3499", posts.get(posts.size() - 1).id());
        assertEquals(10 + 3500 - 3009, posts.size());
    }

    @Test
    void anInterruptedThreadEndsRunWithInterruptedException() {
        DemoSource paced = new DemoSource(DemoSettings.defaults(), new ManualDemoClock(START));
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> paced.run(post -> {}));

        DemoSource unpaced =
                new DemoSource(
                        DemoSettings.defaults().withPaced(false),
                        new ManualDemoClock(START).forbidSleeping());
        long[] count = {0};
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> unpaced.run(post -> count[0]++));
        assertEquals(1023, count[0]);
        assertFalse(Thread.interrupted());
    }

    @Test
    void runsOnlyOnce() throws Exception {
        DemoSource source =
                new DemoSource(
                        DemoSettings.defaults(), new ManualDemoClock(START).forbidSleeping());
        source.close();
        source.run(post -> {});
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> source.run(post -> {}));
        assertEquals(
                "demo (seed 42, 50 posts/s) has already run; create a new source to run again",
                e.getMessage());
    }

    @Test
    void describesItsSeedAndRateAndSkipsNothing() {
        assertEquals(
                "demo (seed 42, 50 posts/s)",
                new DemoSource(DemoSettings.defaults()).description());
        assertEquals(
                "demo (seed 7, 2.5 posts/s)",
                new DemoSource(new DemoSettings(7, 2.5, true)).description());
        assertEquals(
                "demo (seed -1, unpaced, 1000000 posts/s of virtual time)",
                new DemoSource(new DemoSettings(-1, 1_000_000, false)).description());
        assertEquals(0, new DemoSource(DemoSettings.defaults()).skippedCount());
    }

    @Test
    void rejectsRatesOutOfRangeWithTheRangeInTheMessage() {
        for (double rate :
                new double[] {0, -5, 0.0001, 2e9, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class, () -> new DemoSettings(42, rate, true));
            assertEquals(
                    "demo rate "
                            + rate
                            + " posts/s is out of range; give a rate from 0.001 to 1000000000"
                            + " posts/s, such as 50",
                    e.getMessage());
        }
    }

    @Test
    void defaultsAreSeed42At50PostsPerSecondPaced() {
        assertEquals(new DemoSettings(42, 50, true), DemoSettings.defaults());
        assertEquals(
                new DemoSettings(9, 3, false),
                DemoSettings.defaults().withSeed(9).withPostsPerSecond(3).withPaced(false));
    }
}
