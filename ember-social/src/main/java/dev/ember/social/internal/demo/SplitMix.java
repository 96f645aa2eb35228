package dev.ember.social.internal.demo;

/*
 * SplitMix64 (Steele, Lea and Flood, 2014): a 64-bit counter passed through a strong mixer. Every
 * random choice of the demo goes through one of these, reset per post from (seed, post number), so
 * a post depends on nothing generated before it and the stream can be entered at any post. Not
 * java.util.SplittableRandom because its algorithm is not specified to stay the same across JDKs,
 * and golden tests pin the output.
 */
final class SplitMix {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    SplitMix(long seed) {
        this.state = seed;
    }

    /** The SplitMix64 finaliser: a bijection of 64-bit values that spreads every input bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A well-mixed value of two inputs, for deriving independent streams from (seed, index). */
    static long mix(long a, long b) {
        return mix(mix(a + GOLDEN_GAMMA) ^ (b * 0xD1B54A32D192ED03L + 0x632BE59BD9B4E019L));
    }

    /** A double in [0, 1) from a mixed value, for one-off hashed choices. */
    static double unit(long mixed) {
        return (mixed >>> 11) * 0x1.0p-53;
    }

    void reset(long seed) {
        this.state = seed;
    }

    long nextLong() {
        return mix(state += GOLDEN_GAMMA);
    }

    /** A value in [0, bound) by Lemire's multiply-shift; the bias is below 2^-32 per value. */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** A standard normal value (Box-Muller, one of the pair). */
    double nextGaussian() {
        double u = 1.0 - nextDouble(); // in (0, 1], so the log is finite
        double v = nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
