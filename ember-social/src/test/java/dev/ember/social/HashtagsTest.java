package dev.ember.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of hashtag extraction, one row each: the rule, the text, the hashtags found. */
class HashtagsTest {

    static Stream<Arguments> rules() {
        return Stream.of(
                row("a hashtag at the start of the text", "#messi scores", "#messi"),
                row("after a space", "goal by #messi", "#messi"),
                row("lower-cased with the root locale", "#Messi #MESSI #mEsSi", "#messi"),
                row(
                        "trailing punctuation is excluded",
                        "#Messi! #goal, #gol.",
                        "#messi #goal #gol"),
                row("after punctuation that is not excluded", "(#a) \"#b\" ¡#c", "#a #b #c"),
                row("digits only is not a hashtag", "#2024 #1 #007", ""),
                row("underscores and digits only are not a hashtag", "#_1 #__", ""),
                row(
                        "digits mixed with letters are",
                        "#euro2024 #2024euro #_x",
                        "#euro2024 #2024euro #_x"),
                row("not after a letter", "a#b word#tag", ""),
                row("not after a digit", "1#b", ""),
                row("not after an underscore", "_#b", ""),
                row("not after an ampersand (HTML entities)", "don&#39;t &#tag", ""),
                row("not after a slash (URL fragments)", "x.com/#a https://e.org/#frag", ""),
                row("not after another #", "##a", ""),
                row("a second # ends the first tag", "#a#b", "#a"),
                row("a lone # is nothing", "# alone #", ""),
                row(
                        "Unicode letters",
                        "#Fußball #Ελλάδα #Россия #日本",
                        "#fußball #ελλάδα #россия #日本"),
                row(
                        "combining marks belong to the tag",
                        "#cafe\u0301 #नमस्ते",
                        "#cafe\u0301 #नमस्ते"),
                row("an emoji ends the tag", "#goal⚽ #🐐 #messi🐐x", "#goal #messi"),
                row("after an emoji", "⚽#goal", "#goal"),
                row("full-width hash", "＃Messi", "#messi"),
                row("duplicates once, first appearance first", "#b #a #B #a", "#b #a"),
                row("empty text", "", ""),
                row("no hash at all", "plain words only", ""),
                row("multi-byte text before the tag", "¡Golazo de Messi! 🐐 #Messi", "#messi"));
    }

    private static Arguments row(String rule, String text, String expected) {
        List<String> tags = expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" "));
        return Arguments.of(rule, text, tags);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("rules")
    void extractsHashtagsByTheDocumentedRules(String rule, String text, List<String> expected) {
        assertEquals(expected, Hashtags.extract(text), rule);
    }

    @Test
    void nullTextHasNoHashtags() {
        assertEquals(List.of(), Hashtags.extract(null));
    }

    @Test
    void normalizesMetadataTagsWithOrWithoutTheirHash() {
        assertEquals("#messi", Hashtags.normalize("Messi"));
        assertEquals("#messi", Hashtags.normalize("#Messi"));
        assertEquals("#intermiami", Hashtags.normalize(" InterMiami "));
        assertEquals("#messi", Hashtags.normalize("＃MESSI"));
        assertNull(Hashtags.normalize("#"));
        assertNull(Hashtags.normalize("  "));
    }

    @Test
    void prefersMetadataTagsAndFallsBackToTheText() {
        assertEquals(
                List.of("#messi", "#intermiami"),
                Hashtags.of(List.of("Messi", "#messi", "InterMiami"), "#ignored text"));
        assertEquals(List.of("#goal"), Hashtags.of(List.of(), "what a #Goal"));
        assertEquals(List.of("#goal"), Hashtags.of(null, "what a #Goal"));
        assertEquals(List.of("#goal"), Hashtags.of(List.of(" ", "#"), "what a #Goal"));
    }
}
