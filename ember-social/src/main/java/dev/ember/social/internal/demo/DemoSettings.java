package dev.ember.social.internal.demo;

import java.math.BigDecimal;

/**
 * How a {@link DemoSource} runs: which stream (the seed), how fast, and whether it keeps to that
 * pace.
 *
 * <p>Post {@code k} has the virtual time {@code start + k / postsPerSecond}, where {@code start} is
 * the wall-clock time at which the source starts. A paced source emits each post at its virtual
 * time; an unpaced one emits as fast as its sink takes them (for benchmarks) while still stamping
 * them with those virtual times, so the posts are the same either way.
 *
 * @param seed selects the stream: the same seed gives the same posts, in the same order, with the
 *     same trends, on every run
 * @param postsPerSecond the rate, from {@value #MIN_POSTS_PER_SECOND} to {@value
 *     #MAX_POSTS_PER_SECOND}
 * @param paced {@code true} to emit each post at its virtual time, {@code false} to emit as fast as
 *     the sink takes them
 */
public record DemoSettings(long seed, double postsPerSecond, boolean paced) {
    /** The seed of the tutorial's stream: {@value}. */
    public static final long DEFAULT_SEED = 42;

    /** About the rate of new posts on Bluesky: {@value} per second. */
    public static final double DEFAULT_POSTS_PER_SECOND = 50;

    /** The slowest rate: one post every 1,000 seconds. */
    public static final double MIN_POSTS_PER_SECOND = 0.001;

    /** The fastest rate, one post per nanosecond of virtual time. */
    public static final double MAX_POSTS_PER_SECOND = 1_000_000_000;

    /**
     * Checks the rate.
     *
     * @throws IllegalArgumentException if {@code postsPerSecond} is not a number between {@value
     *     #MIN_POSTS_PER_SECOND} and {@value #MAX_POSTS_PER_SECOND}
     */
    public DemoSettings {
        if (!(postsPerSecond >= MIN_POSTS_PER_SECOND && postsPerSecond <= MAX_POSTS_PER_SECOND)) {
            throw new IllegalArgumentException(
                    "demo rate "
                            + postsPerSecond
                            + " posts/s is out of range; give a rate from 0.001 to 1000000000"
                            + " posts/s, such as 50");
        }
    }

    /** Seed {@value #DEFAULT_SEED}, {@value #DEFAULT_POSTS_PER_SECOND} posts per second, paced. */
    public static DemoSettings defaults() {
        return new DemoSettings(DEFAULT_SEED, DEFAULT_POSTS_PER_SECOND, true);
    }

    /** These settings with another seed. */
    public DemoSettings withSeed(long seed) {
        return new DemoSettings(seed, postsPerSecond, paced);
    }

    /** These settings with another rate. */
    public DemoSettings withPostsPerSecond(double postsPerSecond) {
        return new DemoSettings(seed, postsPerSecond, paced);
    }

    /** These settings, paced or not. */
    public DemoSettings withPaced(boolean paced) {
        return new DemoSettings(seed, postsPerSecond, paced);
    }

    /** The virtual time between two posts, in nanoseconds (fractional below 1 post/ns). */
    double nanosPerPost() {
        return 1e9 / postsPerSecond;
    }

    /**
     * The rate as people write it: {@code 50}, {@code 2.5}, {@code 1000000} (never {@code 1.0E6}).
     */
    String rateText() {
        return BigDecimal.valueOf(postsPerSecond).stripTrailingZeros().toPlainString();
    }

    /** Such as {@code demo (seed 42, 50 posts/s)} or {@code demo (seed 7, unpaced, 50 posts/s)}. */
    String description() {
        return "demo (seed "
                + seed
                + (paced ? ", " : ", unpaced, ")
                + rateText()
                + " posts/s"
                + (paced ? "" : " of virtual time")
                + ")";
    }
}
