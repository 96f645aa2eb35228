package dev.ember.bench.jmh;

import dev.ember.social.Post;
import dev.ember.social.PostSource;
import dev.ember.social.PostSources;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The synthetic demo stream unpaced, in posts per second: {@code unpacedSource} is the whole public
 * source, {@code PostSources.demo().unpaced().build()}, run on the benchmark thread into a
 * Blackhole and closed after 100,000 posts, so each invocation also pays for a new source and
 * generator (hashtag popularity model, empty author cache).
 *
 * <p>{@code postsPerSecond} is the rate of virtual time the posts are stamped with. Hashtag
 * popularity is recomputed every 10 s of virtual time, so at the default 50 posts/s that happens
 * every 500 posts, at 100,000 posts/s every million.
 */
public class DemoSourceBench extends LongWarmupBench {
    static final int FROM_SOURCE = 100_000;

    @Param({"50", "100000"})
    public int postsPerSecond;

    @Benchmark
    @OperationsPerInvocation(FROM_SOURCE)
    public long unpacedSource(Blackhole bh) throws InterruptedException {
        PostSource source =
                PostSources.demo().seed(DemoPosts.SEED).rate(postsPerSecond).unpaced().build();
        ClosingSink sink = new ClosingSink(source, FROM_SOURCE, bh);
        source.run(sink);
        if (sink.count != FROM_SOURCE) {
            throw new IllegalStateException(
                    "the demo source delivered " + sink.count + " posts, not " + FROM_SOURCE);
        }
        return sink.count;
    }

    /** Hands posts to the Blackhole and closes the source after the last one wanted. */
    private static final class ClosingSink implements Consumer<Post> {
        private final PostSource source;
        private final int wanted;
        private final Blackhole bh;
        long count;

        ClosingSink(PostSource source, int wanted, Blackhole bh) {
            this.source = source;
            this.wanted = wanted;
            this.bh = bh;
        }

        @Override
        public void accept(Post post) {
            bh.consume(post);
            if (++count == wanted) {
                source.close();
            }
        }
    }
}
