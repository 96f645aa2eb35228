package dev.ember.bench.internal;

/**
 * The kernel's word counter, for the micro-benchmarks: counts the tokens of whole lines of bytes
 * into a reusable byte-slice table.
 */
public final class KernelCounter {
    private final ByteTable table = new ByteTable(1 << 16);

    /** Counts the tokens of {@code bytes}, which holds whole lines; returns the number counted. */
    public long count(byte[] bytes) {
        table.clearCounts();
        return Kernel.countWords(bytes, 0, bytes.length, table);
    }

    /** Distinct tokens seen so far. */
    public int distinct() {
        return table.size();
    }
}
