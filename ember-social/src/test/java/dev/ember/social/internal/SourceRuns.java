package dev.ember.social.internal;

import dev.ember.social.Post;
import dev.ember.social.PostSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Runs a source in a test: for a number of posts, or on a thread of its own. */
public final class SourceRuns {
    private SourceRuns() {}

    /** Runs {@code source} on this thread until it has delivered {@code count} posts. */
    public static List<Post> take(PostSource source, int count) throws InterruptedException {
        List<Post> posts = new ArrayList<>();
        source.run(
                post -> {
                    posts.add(post);
                    if (posts.size() == count) {
                        source.close();
                    }
                });
        return posts;
    }

    /** The ids of {@code posts}, in order. */
    public static List<String> ids(List<Post> posts) {
        return posts.stream().map(Post::id).toList();
    }

    /**
     * Starts {@code source} on a new thread that drops its posts; what {@code run} throws ends up
     * in {@code failure}.
     */
    public static Thread runInBackground(PostSource source, AtomicReference<Throwable> failure) {
        Thread runner =
                new Thread(
                        () -> {
                            try {
                                source.run(p -> {});
                            } catch (Throwable t) {
                                failure.set(t);
                            }
                        });
        runner.start();
        return runner;
    }
}
