package dev.ember.bench.internal;

import java.io.Serializable;

/**
 * The in-memory word count's data: {@code distinct} different batches of {@code lines} lines (seeds
 * {@code seed}, {@code seed + 1}, ...), used in turn for {@code batches} batches.
 */
record MemData(long seed, int lines, int distinct, int batches) implements Serializable {

    static MemData of(Params p) {
        return new MemData(
                p.longValue("seed"),
                p.intValue("lines"),
                p.intValue("distinct"),
                p.intValue("batches"));
    }

    Corpus corpus(int b) {
        return Corpus.generate(seed + b, lines);
    }
}
