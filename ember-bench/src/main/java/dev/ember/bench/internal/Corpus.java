package dev.ember.bench.internal;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic text: lines of space-separated words drawn from a Zipf vocabulary of
 * 50,000 pronounceable words, with about one hashtag per line from a Zipf vocabulary of 10,000
 * tags. Every engine and the kernel build their data from this class, so they see the same bytes.
 *
 * <p>Design note: line {@code i} depends only on {@code (seed, i / 1024)}: each block of 1024 lines
 * has its own random stream, so any range of lines (one Spark partition, one socket chunk) is
 * generated without generating the lines before it. Lines are ASCII and end with {@code \n}.
 */
public final class Corpus {
    /** Distinct words. */
    public static final int VOCABULARY = 50_000;

    /** Distinct hashtags. */
    public static final int HASHTAGS = 10_000;

    static final int BLOCK = 1024;
    private static final Vocabulary WORDS = Vocabulary.words(VOCABULARY, 1.0);
    private static final Vocabulary TAGS = Vocabulary.hashtags(HASHTAGS, 1.0);

    private final byte[] data;
    private final int[] offsets;
    private final byte[] tokens;
    private final byte[] tags;

    private Corpus(byte[] data, int[] offsets, byte[] tokens, byte[] tags) {
        this.data = data;
        this.offsets = offsets;
        this.tokens = tokens;
        this.tags = tags;
    }

    /** Lines {@code [from, from + count)} of the text for {@code seed}. */
    public static Corpus generate(long seed, int from, int count) {
        ByteSink out = new ByteSink(count * 64);
        int[] offsets = new int[count + 1];
        byte[] tokens = new byte[count];
        byte[] tags = new byte[count];
        int end = from + count;
        int line = from - from % BLOCK;
        int[] ranks = new int[16];
        while (line < end) {
            SplittableRandom rnd = new SplittableRandom(mix(seed, line / BLOCK));
            int blockEnd = line + BLOCK;
            for (; line < blockEnd && line < end; line++) {
                boolean keep = line >= from;
                int i = line - from;
                if (keep) {
                    offsets[i] = out.size;
                }
                int nWords = 7 + rnd.nextInt(7);
                double t = rnd.nextDouble();
                int nTags = t < 0.1 ? 0 : t < 0.9 ? 1 : 2;
                int n = nWords + nTags;
                // Positions of the tags among the n tokens, marked by negative ranks.
                for (int k = 0; k < n; k++) {
                    ranks[k] = WORDS.rank(rnd.nextDouble());
                }
                for (int k = 0; k < nTags; k++) {
                    ranks[rnd.nextInt(n)] = -1 - TAGS.rank(rnd.nextDouble());
                }
                if (!keep) {
                    continue;
                }
                int tagsInLine = 0;
                for (int k = 0; k < n; k++) {
                    if (k > 0) {
                        out.add((byte) ' ');
                    }
                    if (ranks[k] < 0) {
                        out.add(TAGS.word(-1 - ranks[k]));
                        tagsInLine++;
                    } else {
                        out.add(WORDS.word(ranks[k]));
                    }
                }
                out.add((byte) '\n');
                tokens[i] = (byte) n;
                tags[i] = (byte) tagsInLine;
            }
        }
        offsets[count] = out.size;
        return new Corpus(Arrays.copyOf(out.bytes, out.size), offsets, tokens, tags);
    }

    /** Lines {@code [0, count)} for {@code seed}. */
    public static Corpus generate(long seed, int count) {
        return generate(seed, 0, count);
    }

    private static long mix(long seed, long block) {
        long z = seed * 0x9E3779B97F4A7C15L + block;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The number of lines. */
    public int lines() {
        return tokens.length;
    }

    /** All lines, each ending with {@code \n}, back to back. Not a copy. */
    public byte[] bytes() {
        return data;
    }

    /** Where line {@code i} starts in {@link #bytes()}; {@code offset(lines())} is the length. */
    public int offset(int i) {
        return offsets[i];
    }

    /** Space-separated tokens (words and hashtags) of line {@code i}. */
    public int tokens(int i) {
        return tokens[i];
    }

    /** Hashtags of line {@code i}. */
    public int hashtags(int i) {
        return tags[i];
    }

    /** Tokens of all lines. */
    public long totalTokens() {
        long n = 0;
        for (byte t : tokens) {
            n += t;
        }
        return n;
    }

    /** Hashtags of all lines. */
    public long totalHashtags() {
        long n = 0;
        for (byte t : tags) {
            n += t;
        }
        return n;
    }

    /** Line {@code i} without its newline. */
    public String line(int i) {
        return new String(
                data, offsets[i], offsets[i + 1] - offsets[i] - 1, StandardCharsets.ISO_8859_1);
    }

    /** Every line as a String (without newline), in a new list. */
    public List<String> toStrings() {
        List<String> out = new ArrayList<>(lines());
        for (int i = 0; i < lines(); i++) {
            out.add(line(i));
        }
        return out;
    }

    /** A view of the lines as Strings, built on access. */
    public List<String> asStrings() {
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                return line(index);
            }

            @Override
            public int size() {
                return lines();
            }
        };
    }

    private static final class ByteSink {
        byte[] bytes;
        int size;

        ByteSink(int capacity) {
            bytes = new byte[Math.max(capacity, 16)];
        }

        void add(byte b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[size++] = b;
        }

        void add(byte[] b) {
            if (size + b.length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + b.length));
            }
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }
    }
}
