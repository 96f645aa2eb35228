package dev.ember.social.internal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.social.Hashtags;
import dev.ember.social.KeywordFilter;
import dev.ember.social.Post;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DemoPostGeneratorTest {
    private static final Instant ORIGIN = Instant.parse("2025-06-01T12:00:00Z");

    /** The first {@code n} posts of {@code seed} at 50 posts/s. */
    static List<Post> posts(long seed, int n) {
        DemoPostGenerator generator = new DemoPostGenerator(seed, ORIGIN);
        List<Post> posts = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            posts.add(generator.post(k, at(k)));
        }
        return posts;
    }

    static Instant at(long k) {
        return ORIGIN.plusMillis(20 * k);
    }

    @Test
    void theSameSeedGivesTheSamePosts() {
        assertEquals(posts(42, 5000), posts(42, 5000));
    }

    @Test
    void anotherSeedGivesAnotherStream() {
        List<Post> a = posts(42, 1000);
        List<Post> b = posts(43, 1000);
        int sameText = 0;
        for (int k = 0; k < 1000; k++) {
            if (a.get(k).text().equals(b.get(k).text())) {
                sameText++;
            }
        }
        assertTrue(sameText < 10, sameText + " of 1000 texts are the same for seeds 42 and 43");
    }

    @Test
    void aPostDependsOnlyOnTheSeedItsNumberAndItsTime() {
        List<Post> inOrder = posts(42, 3000);
        DemoPostGenerator backwards = new DemoPostGenerator(42, ORIGIN);
        for (int k = 2999; k >= 0; k -= 7) {
            assertEquals(inOrder.get(k), backwards.post(k, at(k)));
        }
        DemoPostGenerator jumping = new DemoPostGenerator(42, ORIGIN);
        assertEquals(inOrder.get(2500), jumping.post(2500, at(2500)));
        assertEquals(inOrder.get(10), jumping.post(10, at(10)));
    }

    @Test
    void theFirstPostsOfTheDefaultSeedStayTheSame() {
        List<Post> first = posts(DemoSettings.DEFAULT_SEED, 3);
        assertEquals(
                new Post(
                        "demo-42-0",
                        "#Sabalenka Finale heute Abend, wer gewinnt? 👏",
                        "travels_mia",
                        ORIGIN,
                        "de",
                        List.of("#sabalenka"),
                        "demo"),
                first.get(0));
        assertEquals(
                new Post(
                        "demo-42-1",
                        "#barca c'est la seule chose qui me fait tenir cette semaine 😱",
                        "lucas_films87",
                        ORIGIN.plusMillis(20),
                        "fr",
                        List.of("#barca"),
                        "demo"),
                first.get(1));
        assertEquals(
                new Post(
                        "demo-42-2",
                        "Stage 16 was pure chaos, crosswinds everywhere #cycling #giro",
                        "olivia.photos",
                        ORIGIN.plusMillis(40),
                        "en",
                        List.of("#cycling", "#giro"),
                        "demo"),
                first.get(2));
    }

    @Test
    void everyPostCarriesTheHashtagsOfItsTextAndItsNumberTimeAndSource() {
        DemoPostGenerator generator = new DemoPostGenerator(42, ORIGIN);
        for (int k = 0; k < 100_000; k++) {
            Post post = generator.post(k, at(k));
            assertEquals(Hashtags.extract(post.text()), post.hashtags(), post.text());
            assertEquals("demo-42-" + k, post.id());
            assertEquals(at(k), post.createdAt());
            assertEquals("demo", post.source());
            assertTrue(post.author() != null && !post.author().isBlank());
        }
    }

    @Test
    void writesTheTenLanguagesInFiveScripts() {
        Set<String> languages = new TreeSet<>();
        Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
        for (Post post : posts(42, 10_000)) {
            languages.add(post.language());
            post.text()
                    .codePoints()
                    .filter(Character::isLetter)
                    .forEach(cp -> scripts.add(Character.UnicodeScript.of(cp)));
        }
        assertEquals(
                new TreeSet<>(List.of("ar", "de", "en", "es", "fr", "hi", "it", "ja", "pt", "ru")),
                languages);
        assertTrue(
                scripts.containsAll(
                        EnumSet.of(
                                Character.UnicodeScript.LATIN,
                                Character.UnicodeScript.HAN,
                                Character.UnicodeScript.KATAKANA,
                                Character.UnicodeScript.HIRAGANA,
                                Character.UnicodeScript.ARABIC,
                                Character.UnicodeScript.DEVANAGARI,
                                Character.UnicodeScript.CYRILLIC)),
                scripts::toString);
    }

    @Test
    void writesEnglishMostThenJapaneseAndSpanish() {
        int[] counts = new int[Language.count()];
        for (Post post : posts(42, 10_000)) {
            counts[Language.byCode(post.language()).ordinal()]++;
        }
        for (Language language : Language.values()) {
            int expected = 100 * language.sharePercent;
            assertTrue(
                    Math.abs(counts[language.ordinal()] - expected) < 150,
                    language.code + ": " + counts[language.ordinal()] + " of 10000");
        }
    }

    @Test
    void writesManyDistinctTexts() {
        Set<String> texts = new HashSet<>();
        for (Post post : posts(42, 10_000)) {
            texts.add(post.text());
        }
        assertTrue(texts.size() >= 8000, texts.size() + " distinct texts of 10000");
    }

    @Test
    void mixesHashtagCaseOtherScriptsEmojiAndThingsThatAreNotHashtags() {
        List<Post> posts = posts(42, 10_000);
        Set<String> tokens = new HashSet<>();
        int withoutHashtags = 0;
        int withEmoji = 0;
        for (Post post : posts) {
            tokens.addAll(List.of(post.text().split(" ")));
            if (post.hashtags().isEmpty()) {
                withoutHashtags++;
            }
            if (post.text()
                    .codePoints()
                    .anyMatch(cp -> Character.getType(cp) == Character.OTHER_SYMBOL)) {
                withEmoji++;
            }
        }
        for (String token : List.of("#Messi", "#messi", "#MESSI", "#メッシ", "#ميسي", "#футбол")) {
            assertTrue(tokens.contains(token), token + " never written");
        }
        assertTrue(tokens.contains("#10"), "no #10, which is not a hashtag");
        assertTrue(tokens.contains("example.com/#install"), "no URL fragment");
        assertTrue(tokens.stream().anyMatch(t -> t.matches("#\\p{L}+[!?,.]")), "no #tag!");
        assertTrue(withoutHashtags > 1500 && withoutHashtags < 3500, withoutHashtags + " bare");
        assertTrue(withEmoji > 4000, withEmoji + " posts with emoji");
    }

    @Test
    void messiIsMentionedInEveryThousandPostsOfHalfAnHour() {
        KeywordFilter messi = KeywordFilter.of("messi");
        DemoPostGenerator generator = new DemoPostGenerator(42, ORIGIN);
        for (int slice = 0; slice < 100; slice++) {
            int matches = 0;
            for (int k = slice * 1000; k < (slice + 1) * 1000; k++) {
                if (messi.matches(generator.post(k, at(k)))) {
                    matches++;
                }
            }
            assertTrue(
                    matches >= 50 && matches <= 200,
                    "posts " + slice * 1000 + ".. mention Messi " + matches + " times in 1000");
        }
    }

    @Test
    void exactlyThePostsAboutMessiMatchTrackMessi() {
        KeywordFilter messi = KeywordFilter.of("messi");
        DemoPostGenerator generator = new DemoPostGenerator(7, ORIGIN);
        int aboutMessi = 0;
        for (int k = 0; k < 50_000; k++) {
            Post post = generator.post(k, at(k));
            boolean isAboutMessi = generator.lastTopic() == Topic.MESSI;
            assertEquals(isAboutMessi, messi.matches(post), post.text());
            if (isAboutMessi) {
                aboutMessi++;
            }
        }
        assertEquals(5449, aboutMessi);
    }

    @Test
    void everyTemplateOfEveryLanguageIsUsedAndKeepsTheRules() {
        Set<Phrasebook.Template> all = new HashSet<>();
        Phrasebook book = Phrasebook.INSTANCE;
        for (int l = 0; l < Language.count(); l++) {
            for (int t = 0; t < Topic.values().length; t++) {
                if (book.hasTopic(l, t)) {
                    all.addAll(List.of(book.templates(l, t, true)));
                }
            }
        }
        Set<Phrasebook.Template> used = new HashSet<>();
        DemoPostGenerator generator = new DemoPostGenerator(42, ORIGIN);
        for (int k = 0; k < 300_000 && used.size() < all.size(); k++) {
            Post post = generator.post(k, at(k));
            used.add(generator.lastTemplate());
            assertEquals(Hashtags.extract(post.text()), post.hashtags(), post.text());
            assertTrue(post.text().equals(post.text().strip()), "padded: '" + post.text() + "'");
            assertTrue(!post.text().contains("  "), "double space: " + post.text());
        }
        all.removeAll(used);
        assertEquals(Set.of(), all);
    }

    @Test
    void postsBeforeTheOriginAreGeneratedToo() {
        DemoPostGenerator generator = new DemoPostGenerator(42, ORIGIN);
        Post early = generator.post(3, ORIGIN.minusSeconds(3600));
        assertEquals(ORIGIN.minusSeconds(3600), early.createdAt());
        assertEquals(Hashtags.extract(early.text()), early.hashtags());
    }

    @Test
    void rejectsNegativePostNumbers() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new DemoPostGenerator(42, ORIGIN).post(-1, ORIGIN));
        assertEquals("demo post number -1 is negative; number posts from 0", e.getMessage());
    }

    @Test
    void knowsItsSeedAndOrigin() {
        DemoPostGenerator generator = new DemoPostGenerator(-9, ORIGIN);
        assertEquals(-9, generator.seed());
        assertEquals(ORIGIN, generator.origin());
        assertNotEquals(posts(-9, 1), posts(9, 1));
    }
}
