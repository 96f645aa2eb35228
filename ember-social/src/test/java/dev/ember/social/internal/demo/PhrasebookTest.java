package dev.ember.social.internal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks that keep the phrase and hashtag tables honest, each with a minimal bad table. */
class PhrasebookTest {
    private static final String COMMON;

    static {
        StringBuilder common = new StringBuilder("list handleword fc|runs\nlist club A|B|C\n");
        for (Topic topic : Topic.values()) {
            common.append("emoji ").append(topic.key()).append(" ⚽ 🔥\n");
        }
        COMMON = common.toString();
    }

    private static final String VOCABULARY = "messi #Messi 10 *\nfootball #goal 3 *\n";
    private static final String MINIMAL =
            "list messi Messi|Leo Messi\nlist name ana|bo\n@messi\n{messi} again {tags}\n"
                    + "@football\nWhat a goal {emo} {tags}\n";

    private static Phrasebook withEnglish(String english, String vocabulary) {
        Map<Language, String> tables = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            tables.put(language, MINIMAL);
        }
        tables.put(Language.EN, english);
        return new Phrasebook(COMMON, tables, Vocabulary.parse(vocabulary));
    }

    private static void rejects(String english, String message) {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> withEnglish(english, VOCABULARY));
        assertEquals(message, e.getMessage());
    }

    @Test
    void theBuiltInTablesLoadWithMessiAndFootballInEveryLanguage() {
        Phrasebook book = Phrasebook.INSTANCE;
        for (Language language : Language.values()) {
            assertTrue(book.hasTopic(language.ordinal(), Topic.MESSI.ordinal()));
            assertTrue(book.hasTopic(language.ordinal(), Topic.FOOTBALL.ordinal()));
            assertTrue(book.templates(language.ordinal(), Topic.MESSI.ordinal(), false).length > 0);
        }
        assertTrue(Vocabulary.INSTANCE.size() >= 300, Vocabulary.INSTANCE.size() + " tags");
    }

    @Test
    void aMinimalTableLoads() {
        Phrasebook book = withEnglish(MINIMAL, VOCABULARY);
        assertEquals(2, book.messiNames(Language.EN.ordinal()).length);
        assertTrue(book.messiNameMatches(Language.EN.ordinal(), 1));
    }

    @Test
    void rejectsAHashtagSlotGluedToALetter() {
        String rule =
                "{tag}, {tags} and {emo} must follow a space and precede a space, punctuation or"
                        + " the end";
        rejects(MINIMAL + "wow{tags}", "demo phrase table en line 7 'wow{tags}': " + rule);
        rejects(
                MINIMAL + "{tag}wow {emo}",
                "demo phrase table en line 7 '{tag}wow {emo}': " + rule);
    }

    @Test
    void rejectsAHashtagInTheLiteralText() {
        rejects(
                MINIMAL + "goal #goal {tags}",
                "demo phrase table en line 7 'goal #goal {tags}': literal 'goal #goal ' holds a"
                        + " hashtag");
        rejects(
                "list x a|#b\n" + MINIMAL,
                "demo phrase table en line 1 'list x a|#b': value '#b' holds a hashtag or {");
    }

    @Test
    void rejectsMessiOutsideTheMessiTopic() {
        rejects(
                MINIMAL + "Messi again {tags}",
                "demo phrase table en line 7 'Messi again {tags}': 'Messi again ' mentions Messi"
                        + " outside @messi");
    }

    @Test
    void rejectsAMessiTemplateThatDoesNotNameHim() {
        rejects(
                MINIMAL + "@messi\nWhat a goal {tags}",
                "demo phrase table en line 8 'What a goal {tags}': a @messi template without"
                        + " {messi}");
    }

    @Test
    void rejectsALatinMessiGluedToAWord() {
        rejects(
                MINIMAL + "@messi\n{messi}s goal {tags}",
                "demo phrase table en line 8 '{messi}s goal {tags}': {messi} must stand between"
                        + " spaces or punctuation, so that it matches --track messi");
    }

    @Test
    void rejectsATemplateWithoutHashtags() {
        rejects(
                MINIMAL + "What a goal",
                "demo phrase table en line 7 'What a goal': a template without {tags} or {tag}");
    }

    @Test
    void rejectsUnknownSlotsAndASecondValueBeforeTheFirst() {
        rejects(
                MINIMAL + "{nope} {tags}",
                "demo phrase table en line 7 '{nope} {tags}': no list for slot {nope}");
        rejects(
                MINIMAL + "{club2} v {club} {tags}",
                "demo phrase table en line 7 '{club2} v {club} {tags}': {club2} before {club}");
    }

    @Test
    void rejectsATopicWhosePostsWouldAllNeedAHashtag() {
        rejects(
                MINIMAL + "@pets\n{tag} cute",
                "demo phrase table en @pets needs a template without {tag}, for posts with no"
                        + " hashtag");
    }

    @Test
    void rejectsHashtagsThatFillNoSlotOrSpeakALanguageWithoutTheirTopic() {
        IllegalStateException slot =
                assertThrows(
                        IllegalStateException.class,
                        () -> withEnglish(MINIMAL, VOCABULARY + "football #Kane 2 * player=Kane"));
        assertEquals(
                "demo hashtag #Kane fills slot {player}, which no template uses",
                slot.getMessage());
        IllegalStateException topic =
                assertThrows(
                        IllegalStateException.class,
                        () -> withEnglish(MINIMAL, VOCABULARY + "pets #gatos 2 es"));
        assertEquals(
                "demo hashtag #gatos is for es, which has no @pets templates; list its languages"
                        + " or add templates",
                topic.getMessage());
    }

    @Test
    void rejectsMalformedHashtagLines() {
        assertEquals(
                "demo hashtag table line 1 'football #1 3 *': demo hashtag '#1' is not one"
                        + " hashtag by the rules of Hashtags.extract; write it as # followed by"
                        + " letters, digits or _",
                assertThrows(IllegalStateException.class, () -> Vocabulary.parse("football #1 3 *"))
                        .getMessage());
        assertEquals(
                "demo hashtag table line 1 'sailing #sail 3 *': unknown topic sailing",
                assertThrows(
                                IllegalStateException.class,
                                () -> Vocabulary.parse("sailing #sail 3 *"))
                        .getMessage());
        assertEquals(
                "demo hashtag table line 2 'football #Goal 3 xx': unknown language xx",
                assertThrows(
                                IllegalStateException.class,
                                () -> Vocabulary.parse("football #goal 3 *\nfootball #Goal 3 xx"))
                        .getMessage());
        assertEquals(
                "demo hashtag #Goal duplicates #goal; keep one line per tag",
                assertThrows(
                                IllegalStateException.class,
                                () -> Vocabulary.parse("football #goal 3 *\nfootball #Goal 3 *"))
                        .getMessage());
    }

    @Test
    void offersUpperAndLowerCaseFormsOnlyWhenTheyAreTheSameTag() {
        Vocabulary vocabulary =
                Vocabulary.parse("football #InterMiami 3 *\nfootball #Fußball 3 de");
        Tag miami = vocabulary.tag(0);
        assertEquals("#intermiami", miami.lower);
        assertEquals("#INTERMIAMI", miami.upper);
        Tag fussball = vocabulary.tag(1);
        assertEquals("#fußball", fussball.normalized);
        assertEquals("#Fußball", fussball.upper); // #FUSSBALL would be another tag
    }
}
