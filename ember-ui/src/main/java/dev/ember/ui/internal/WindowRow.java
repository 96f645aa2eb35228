package dev.ember.ui.internal;

import java.util.List;

/**
 * One emitted window of the top-N stream: its range {@code (start, end]} and its leading keys,
 * largest count first. Immutable.
 */
record WindowRow(long start, long end, List<Entry> entries) {

    /** One bar: a key as text and its count. */
    record Entry(String key, Number count) {}

    long estimatedBytes() {
        long n = 64;
        for (Entry e : entries) {
            n += 56 + BatchRow.chars(e.key());
        }
        return n;
    }
}
