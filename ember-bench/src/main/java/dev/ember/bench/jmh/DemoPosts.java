package dev.ember.bench.jmh;

import dev.ember.social.Post;
import dev.ember.social.PostSource;
import dev.ember.social.PostSources;
import java.util.ArrayList;
import java.util.List;

/**
 * Posts of the demo stream for the benchmarks: seed 42 (the tutorial's), unpaced at the demo's
 * default 50 posts per second of virtual time, taken from the public source, so every run measures
 * the same texts.
 */
final class DemoPosts {
    static final long SEED = 42;

    private DemoPosts() {}

    /** Posts 0 to {@code n - 1}. */
    static List<Post> generate(int n) {
        PostSource source = PostSources.demo().seed(SEED).rate(50).unpaced().build();
        List<Post> posts = new ArrayList<>(n);
        try {
            source.run(
                    post -> {
                        if (posts.size() < n) {
                            posts.add(post);
                        }
                        if (posts.size() == n) {
                            source.close();
                        }
                    });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating demo posts", e);
        }
        return posts;
    }
}
