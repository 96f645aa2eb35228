package dev.ember.social.internal.demo;

import java.util.Locale;

/**
 * What a demo post talks about. {@link #MESSI} has a fixed share of every stream so that {@code
 * --track messi} always flows; the others share the rest in proportions that move with their
 * hashtags' popularity, around a realistic mix (football first, everyday life next).
 */
enum Topic {
    MESSI(0),
    FOOTBALL(22),
    POLITICS(8),
    NBA(6),
    TENNIS(5),
    F1(6),
    CRICKET(4),
    CYCLING(3),
    COFFEE(6),
    WEATHER(5),
    MUSIC(6),
    MOVIES(6),
    FOOD(6),
    TECH(5),
    PETS(5),
    DAILY(9);

    private static final Topic[] ALL = values();

    /**
     * The topic's usual weight among the posts that are not about Messi, in percent of ranks: the
     * Zipf ranking of the hashtags gives each topic ranks in this proportion (see {@link
     * TrendModel}), so its actual share moves with its tags' popularity around a realistic mix.
     */
    final int sharePercent;

    Topic(int sharePercent) {
        this.sharePercent = sharePercent;
    }

    /** The name used in the phrase and hashtag tables, such as {@code football}. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Topic byKey(String key) {
        for (Topic topic : ALL) {
            if (topic.key().equals(key)) {
                return topic;
            }
        }
        return null;
    }

    static Topic of(int ordinal) {
        return ALL[ordinal];
    }
}
