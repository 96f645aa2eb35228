package dev.ember.streaming.internal.files;

/**
 * A file stream's offset: the number of items taken, and how many cuts in a row have taken nothing
 * since, spelt {@code 12} or {@code 12+3}. Counting the empty cuts lets a restart offer the cuts
 * logged after an offset again in the batches they had, empty ones included, while an empty cut
 * writes nothing (the ledger records how many preceded each cut that took something).
 */
record Offset(long items, long empties) implements Comparable<Offset> {
    static final Offset START = new Offset(0, 0);

    /**
     * Parses an offset this stream returned.
     *
     * @throws IllegalArgumentException when {@code text} is not one, naming {@code input}
     */
    static Offset parse(String text, String input) {
        try {
            int plus = text.indexOf('+');
            long items = Long.parseLong(plus < 0 ? text : text.substring(0, plus));
            long empties = plus < 0 ? 0 : Long.parseLong(text.substring(plus + 1));
            if (items >= 0 && empties >= 0) {
                return new Offset(items, empties);
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new IllegalArgumentException(
                input
                        + " got offset '"
                        + text
                        + "', which it did not write: a file stream's offsets are the number of"
                        + " items it took, such as 12, or 12+3 for the third empty batch after");
    }

    /** The offset of the next cut that takes nothing. */
    Offset nextEmpty() {
        return new Offset(items, empties + 1);
    }

    @Override
    public int compareTo(Offset that) {
        int c = Long.compare(items, that.items);
        return c != 0 ? c : Long.compare(empties, that.empties);
    }

    @Override
    public String toString() {
        return empties == 0 ? Long.toString(items) : items + "+" + empties;
    }
}
