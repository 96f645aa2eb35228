package dev.ember.bench.internal;

import java.nio.charset.StandardCharsets;

/**
 * A ranked vocabulary with a Zipf(s) distribution over ranks, sampled in O(1) expected time.
 *
 * <p>Design note: the cumulative distribution is precomputed once; a guide table maps each of 2^16
 * equal slices of [0, 1) to the first rank whose cumulative probability reaches the slice, so a
 * sample is one table load plus a short forward scan (a few ranks in the rare tail).
 */
final class Vocabulary {
    private static final String CONSONANTS = "bdfghklmnprstvz";
    private static final String VOWELS = "aeiou";
    private static final int GUIDE_BITS = 16;

    private final byte[][] words;
    private final double[] cdf;
    private final int[] guide;

    private Vocabulary(byte[][] words, double exponent) {
        this.words = words;
        int n = words.length;
        cdf = new double[n];
        double total = 0;
        for (int r = 0; r < n; r++) {
            total += 1.0 / Math.pow(r + 1, exponent);
            cdf[r] = total;
        }
        for (int r = 0; r < n; r++) {
            cdf[r] /= total;
        }
        cdf[n - 1] = 1.0;
        guide = new int[1 << GUIDE_BITS];
        int r = 0;
        for (int g = 0; g < guide.length; g++) {
            double lower = (double) g / guide.length;
            while (cdf[r] < lower) {
                r++;
            }
            guide[g] = r;
        }
    }

    /**
     * {@code size} pronounceable synthetic words ("ka", "mizo", "tubera", ...): rank r is the
     * bijective base-75 numeral of r written with consonant-vowel syllables, so every word is
     * distinct and frequent ranks are short, as in natural text.
     */
    static Vocabulary words(int size, double exponent) {
        byte[][] words = new byte[size][];
        int syllables = CONSONANTS.length() * VOWELS.length();
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < size; r++) {
            sb.setLength(0);
            long n = r;
            do {
                int s = (int) (n % syllables);
                sb.append(CONSONANTS.charAt(s / VOWELS.length()))
                        .append(VOWELS.charAt(s % VOWELS.length()));
                n = n / syllables - 1;
            } while (n >= 0);
            words[r] = sb.toString().getBytes(StandardCharsets.US_ASCII);
        }
        return new Vocabulary(words, exponent);
    }

    /** {@code size} hashtags {@code #tag0}, {@code #tag1}, ... in rank order. */
    static Vocabulary hashtags(int size, double exponent) {
        byte[][] tags = new byte[size][];
        for (int r = 0; r < size; r++) {
            tags[r] = ("#tag" + r).getBytes(StandardCharsets.US_ASCII);
        }
        return new Vocabulary(tags, exponent);
    }

    int size() {
        return words.length;
    }

    byte[] word(int rank) {
        return words[rank];
    }

    /** The rank whose cumulative probability first reaches {@code u} in [0, 1). */
    int rank(double u) {
        int r = guide[(int) (u * guide.length)];
        while (cdf[r] < u) {
            r++;
        }
        return r;
    }
}
