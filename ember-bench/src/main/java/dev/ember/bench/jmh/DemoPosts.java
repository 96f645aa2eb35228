package dev.ember.bench.jmh;

import dev.ember.social.Post;
import dev.ember.social.internal.demo.DemoPostGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Posts of the demo stream for the benchmarks: seed 42 (the tutorial's), from a fixed origin and at
 * the demo's default 50 posts per second of virtual time, so every run measures the same texts.
 */
final class DemoPosts {
    static final long SEED = 42;
    static final Instant ORIGIN = Instant.parse("2026-01-01T00:00:00Z");
    static final long NANOS_PER_POST = 20_000_000; // 50 posts/s

    private DemoPosts() {}

    /** Posts 0 to {@code n - 1}. */
    static List<Post> generate(int n) {
        DemoPostGenerator generator = new DemoPostGenerator(SEED, ORIGIN);
        List<Post> posts = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            posts.add(generator.post(k, ORIGIN.plusNanos(k * NANOS_PER_POST)));
        }
        return posts;
    }
}
