package dev.ember.cli.internal;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Splits a line into words at runs of whitespace ({@link Character#isWhitespace}), as {@code
 * line.trim().split("\\s+")} would but without a regular expression, and never yielding an empty
 * word: leading or trailing whitespace and blank lines give no empty strings.
 */
final class WordSplitter {
    private WordSplitter() {}

    /** The words of {@code line}, lazily, in order. */
    static Iterator<String> split(String line) {
        return new Words(line);
    }

    private static final class Words implements Iterator<String> {
        private final String line;
        // The start of the next word, or line.length() when there is none.
        private int next;

        Words(String line) {
            this.line = line;
            this.next = skipWhitespace(0);
        }

        @Override
        public boolean hasNext() {
            return next < line.length();
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more words in the line");
            }
            int start = next;
            int end = start + 1;
            while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
                end++;
            }
            next = skipWhitespace(end);
            return line.substring(start, end);
        }

        private int skipWhitespace(int from) {
            int i = from;
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            return i;
        }
    }
}
