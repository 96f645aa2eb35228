package dev.ember.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class WordSplitterTest {

    @Test
    void splitsOnSingleSpaces() {
        assertEquals(List.of("to", "be", "or", "not"), words("to be or not"));
    }

    @Test
    void treatsRunsOfSpacesAndTabsAsOneSeparator() {
        assertEquals(List.of("a", "b", "c", "d"), words("a  b\tc \t\t d"));
    }

    @Test
    void leadingAndTrailingWhitespaceGiveNoEmptyWords() {
        assertEquals(List.of("hello", "world"), words("  \thello world \t "));
    }

    @Test
    void emptyAndBlankLinesGiveNoWords() {
        assertEquals(List.of(), words(""));
        assertEquals(List.of(), words(" \t  "));
    }

    @Test
    void otherWhitespaceSeparatesToo() {
        assertEquals(List.of("a", "b", "c", "d"), words("a\rb\u000Bc\fd\n"));
    }

    @Test
    void keepsPunctuationAndCase() {
        assertEquals(List.of("Hello,", "#spark", "world!"), words("Hello, #spark world!"));
    }

    @Test
    void agreesWithSplittingTheTrimmedLineOnWhitespaceRuns() {
        String line = " \t the  quick\tbrown \t fox\r jumps  ";
        assertEquals(List.of(line.trim().split("\\s+")), words(line));
    }

    @Test
    void failsPastTheLastWord() {
        Iterator<String> words = WordSplitter.split(" one ");
        words.next();
        assertThrows(NoSuchElementException.class, words::next);
    }

    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        WordSplitter.split(line).forEachRemaining(words::add);
        return words;
    }
}
