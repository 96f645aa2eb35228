package dev.ember.bench.jmh;

import dev.ember.social.Hashtags;
import dev.ember.social.KeywordFilter;
import dev.ember.social.Post;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What every post source and the relay do to each post's text, in posts per second, over 10,000
 * posts of the demo stream (ten languages, about one in nine about Messi): {@code
 * Hashtags.extract(text)}, and {@code KeywordFilter.matches(post)} for the tutorial's {@code
 * track=['messi']} and for five keywords (single words, a phrase and a hashtag).
 */
public class PostTextBench extends LongWarmupBench {
    static final int POSTS = 10_000;

    private final KeywordFilter messi = KeywordFilter.of("messi");
    private final KeywordFilter five =
            KeywordFilter.of("messi", "ronaldo", "inter miami", "#WorldCup", "election");

    private List<Post> posts;
    private String[] texts;

    @Setup
    public void setUp() {
        posts = DemoPosts.generate(POSTS);
        texts = posts.stream().map(Post::text).toArray(String[]::new);
    }

    @Benchmark
    @OperationsPerInvocation(POSTS)
    public void hashtagsExtract(Blackhole bh) {
        for (String text : texts) {
            bh.consume(Hashtags.extract(text));
        }
    }

    @Benchmark
    @OperationsPerInvocation(POSTS)
    public int keywordFilterOne() {
        return countMatches(messi);
    }

    @Benchmark
    @OperationsPerInvocation(POSTS)
    public int keywordFilterFive() {
        return countMatches(five);
    }

    private int countMatches(KeywordFilter filter) {
        int matched = 0;
        for (Post post : posts) {
            if (filter.matches(post)) {
                matched++;
            }
        }
        return matched;
    }
}
