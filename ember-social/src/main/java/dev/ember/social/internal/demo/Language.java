package dev.ember.social.internal.demo;

/**
 * The languages of the demo stream with their share of posts in percent, roughly as a large public
 * network shows them (English first, then Japanese, Spanish and Portuguese), and their phrase
 * tables.
 */
enum Language {
    EN("en", 43, PhrasesEn.TEXT),
    JA("ja", 11, PhrasesJa.TEXT),
    ES("es", 11, PhrasesEs.TEXT),
    PT("pt", 10, PhrasesPt.TEXT),
    FR("fr", 5, PhrasesFr.TEXT),
    DE("de", 5, PhrasesDe.TEXT),
    RU("ru", 4, PhrasesRu.TEXT),
    AR("ar", 4, PhrasesAr.TEXT),
    IT("it", 4, PhrasesIt.TEXT),
    HI("hi", 3, PhrasesHi.TEXT);

    private static final Language[] ALL = values();

    /** The BCP-47 tag given as {@code Post.language}. */
    final String code;

    final int sharePercent;
    final String phrases;

    Language(String code, int sharePercent, String phrases) {
        this.code = code;
        this.sharePercent = sharePercent;
        this.phrases = phrases;
    }

    static Language byCode(String code) {
        for (Language language : ALL) {
            if (language.code.equals(code)) {
                return language;
            }
        }
        return null;
    }

    static Language of(int ordinal) {
        return ALL[ordinal];
    }

    static int count() {
        return ALL.length;
    }
}
