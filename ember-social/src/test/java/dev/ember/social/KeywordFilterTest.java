package dev.ember.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordFilterTest {
    private final KeywordFilter messi = KeywordFilter.of("messi");

    @Test
    void matchesAWholeWordIgnoringCase() {
        assertTrue(messi.matches("Messi scores again"));
        assertTrue(messi.matches("WHAT A GOAL BY MESSI"));
        assertTrue(messi.matches("messi's free kick"));
        assertTrue(messi.matches("¡Golazo de Messi!"));
        assertTrue(messi.matches("#Messi"));
    }

    @Test
    void doesNotMatchInsideALongerWord() {
        assertFalse(messi.matches("messinho"));
        assertFalse(messi.matches("lionelmessi"));
        assertFalse(messi.matches("messi_fan"));
        assertFalse(messi.matches("messi2"));
    }

    @Test
    void isAccentSensitiveButNotNormalFormSensitive() {
        assertFalse(messi.matches("méssi"));
        KeywordFilter cafe = KeywordFilter.of("café");
        assertTrue(cafe.matches("un cafe\u0301 por favor"));
        assertTrue(cafe.matches("CAFÉ"));
        assertFalse(cafe.matches("cafe"));
    }

    @Test
    void matchesAHashtagOfThePostEvenWhenTheTextLacksTheWord() {
        Post post = new Post("1", "what a night", null, null, null, List.of("#messi"), "bluesky");
        assertTrue(messi.matches(post));
        assertFalse(KeywordFilter.of("night owl").matches(post));
    }

    @Test
    void aHashKeywordMatchesOnlyThatHashtag() {
        KeywordFilter tag = KeywordFilter.of("#Messi");
        assertTrue(tag.matches("goal #messi"));
        assertTrue(tag.matches("goal #MESSI!"));
        assertFalse(tag.matches("goal by messi"));
        assertFalse(tag.matches("goal #messinho"));
        assertTrue(tag.matches("no tag in text", List.of("#messi")));
    }

    @Test
    void matchesPhrasesAcrossAnyWhitespace() {
        KeywordFilter phrase = KeywordFilter.of("inter  miami");
        assertEquals(List.of("inter miami"), phrase.keywords());
        assertTrue(phrase.matches("Inter\tMiami won"));
        assertTrue(phrase.matches("INTER MIAMI"));
        assertFalse(phrase.matches("inter milan miami"));
    }

    @Test
    void matchesAnyOfSeveralKeywords() {
        KeywordFilter both = KeywordFilter.parse(" messi , ronaldo,,");
        assertEquals(List.of("messi", "ronaldo"), both.keywords());
        assertTrue(both.matches("Ronaldo again"));
        assertTrue(both.matches("messi again"));
        assertFalse(both.matches("mbappe again"));
    }

    @Test
    void withoutKeywordsMatchesEverything() {
        assertTrue(KeywordFilter.none().matches("anything"));
        assertTrue(KeywordFilter.parse("").isEmpty());
        assertTrue(KeywordFilter.parse(" , ").matches(""));
    }

    @Test
    void rejectsBlankKeywordsAndLoneHashes() {
        IllegalArgumentException blank =
                assertThrows(IllegalArgumentException.class, () -> KeywordFilter.of("messi", " "));
        assertEquals(
                "keyword ' ' is blank; track words such as messi or \"inter miami\"",
                blank.getMessage());
        IllegalArgumentException hash =
                assertThrows(IllegalArgumentException.class, () -> KeywordFilter.of("#"));
        assertEquals("keyword '#' is a lone #; write a hashtag such as #messi", hash.getMessage());
    }

    @Test
    void quotesRegexCharactersLiterally() {
        KeywordFilter cpp = KeywordFilter.of("c++");
        assertTrue(cpp.matches("I like c++ a lot"));
        assertFalse(cpp.matches("I like cxx"));
    }

    @Test
    void survivesSerializationForUseInsideStreamFunctions() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(KeywordFilter.of("messi", "#goal"));
        }
        KeywordFilter copy;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (KeywordFilter) in.readObject();
        }
        assertEquals(KeywordFilter.of("messi", "#goal"), copy);
        assertTrue(copy.matches("Messi!"));
        assertTrue(copy.matches("#goal"));
    }
}
