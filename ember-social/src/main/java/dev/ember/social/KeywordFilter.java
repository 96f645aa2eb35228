package dev.ember.social;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tutorial's {@code track=['messi']}: keeps the posts that mention any of a few keywords.
 * Applied on the client for sources that cannot filter on the server (Bluesky Jetstream, replay
 * files, the demo stream), and by the relay for every source.
 *
 * <p>A keyword matches a post when:
 *
 * <ul>
 *   <li>it occurs in the text as a whole word or phrase: case-insensitive ({@code messi} matches
 *       {@code MESSI} and {@code Messi's}), accent-sensitive ({@code messi} does not match {@code
 *       méssi}), with no letter, mark, digit or {@code _} right before or after it ({@code messi}
 *       does not match {@code messinho}, but matches {@code #messi}); the words of a phrase may be
 *       separated by any whitespace;
 *   <li>or, for a single word, it equals one of the post's hashtags without the {@code #}, so a
 *       Bluesky post whose {@code tags} say {@code #messi} matches even when its text does not;
 *   <li>a keyword written with a leading {@code #} ({@code #messi}) matches only that hashtag.
 * </ul>
 *
 * <p>Text is compared in Unicode normal form C, so a precomposed {@code é} and {@code e} followed
 * by a combining accent are the same letter. A filter without keywords matches every post.
 *
 * <p>Immutable, thread-safe and serializable, so it can be used inside stream functions: {@code
 * posts.filter(track::matches)}.
 */
public final class KeywordFilter implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String WORD_CHAR = "[\\p{L}\\p{M}\\p{Nd}_]";
    private static final Pattern SEPARATORS = Pattern.compile("[,\\s]*,[,\\s]*");
    private static final KeywordFilter NONE = new KeywordFilter(List.of());

    private final List<String> keywords;
    private final List<Pattern> phrases;
    private final Set<String> hashtags;
    private final Set<String> hashtagsOnly;

    private KeywordFilter(List<String> keywords) {
        this.keywords = List.copyOf(keywords);
        List<Pattern> phrases = new ArrayList<>();
        Set<String> hashtags = new LinkedHashSet<>();
        Set<String> hashtagsOnly = new LinkedHashSet<>();
        for (String keyword : this.keywords) {
            if (keyword.startsWith("#") || keyword.startsWith("\uFF03")) {
                hashtagsOnly.add(Hashtags.normalize(keyword));
                continue;
            }
            String[] words = keyword.split("\\s+");
            StringBuilder regex = new StringBuilder("(?<!").append(WORD_CHAR).append(')');
            for (int i = 0; i < words.length; i++) {
                regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words[i]));
            }
            regex.append("(?!").append(WORD_CHAR).append(')');
            phrases.add(
                    Pattern.compile(
                            regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            if (words.length == 1) {
                hashtags.add("#" + keyword.toLowerCase(Locale.ROOT));
            }
        }
        this.phrases = List.copyOf(phrases);
        this.hashtags = Set.copyOf(hashtags);
        this.hashtagsOnly = Set.copyOf(hashtagsOnly);
    }

    /**
     * A filter for {@code keywords}.
     *
     * @throws IllegalArgumentException when a keyword is blank or is a lone {@code #}
     */
    public static KeywordFilter of(String... keywords) {
        return of(List.of(keywords));
    }

    /**
     * A filter for {@code keywords}; duplicates (after trimming) are dropped, the order is kept.
     *
     * @throws IllegalArgumentException when a keyword is blank or is a lone {@code #}
     */
    public static KeywordFilter of(Collection<String> keywords) {
        Objects.requireNonNull(keywords, "keywords");
        Set<String> cleaned = new LinkedHashSet<>();
        for (String keyword : keywords) {
            Objects.requireNonNull(keyword, "keyword");
            String k = Normalizer.normalize(keyword.strip(), Normalizer.Form.NFC);
            if (k.isEmpty()) {
                throw new IllegalArgumentException(
                        "keyword "
                                + quote(keyword)
                                + " is blank; track words such as messi or \"inter miami\"");
            }
            if ((k.startsWith("#") || k.startsWith("\uFF03")) && Hashtags.normalize(k) == null) {
                throw new IllegalArgumentException(
                        "keyword "
                                + quote(keyword)
                                + " is a lone #; write a hashtag such as #messi");
            }
            cleaned.add(k.replaceAll("\\s+", " "));
        }
        return cleaned.isEmpty() ? NONE : new KeywordFilter(new ArrayList<>(cleaned));
    }

    /**
     * A filter for comma-separated keywords, as {@code --track messi,ronaldo} gives them; blank
     * entries between commas are ignored.
     */
    public static KeywordFilter parse(String commaSeparated) {
        Objects.requireNonNull(commaSeparated, "commaSeparated");
        List<String> keywords = new ArrayList<>();
        for (String part : SEPARATORS.split(commaSeparated.strip(), -1)) {
            if (!part.isBlank()) {
                keywords.add(part);
            }
        }
        return of(keywords);
    }

    /** The filter without keywords, which matches every post. */
    public static KeywordFilter none() {
        return NONE;
    }

    /** The keywords, trimmed, in the order given. */
    public List<String> keywords() {
        return keywords;
    }

    /** True when there are no keywords, so every post matches. */
    public boolean isEmpty() {
        return keywords.isEmpty();
    }

    /** True when {@code post} mentions a keyword in its text or hashtags. */
    public boolean matches(Post post) {
        return matches(post.text(), post.hashtags());
    }

    /**
     * True when {@code text} mentions a keyword; hashtag keywords are looked for among the hashtags
     * {@link Hashtags#extract} finds in it.
     */
    public boolean matches(String text) {
        return matches(text, null);
    }

    /**
     * True when {@code text}, a hashtag in it, or one of {@code hashtags} (normalised as {@link
     * Hashtags} does; may be {@code null}) mentions a keyword.
     */
    public boolean matches(String text, List<String> hashtags) {
        if (keywords.isEmpty()) {
            return true;
        }
        String t = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC);
        for (Pattern phrase : phrases) {
            if (phrase.matcher(t).find()) {
                return true;
            }
        }
        if (this.hashtags.isEmpty() && hashtagsOnly.isEmpty()) {
            return false;
        }
        if (hashtags != null && anyTracked(hashtags)) {
            return true;
        }
        // A word keyword has already matched any #word of the text above, so only #keywords need
        // the text's hashtags.
        return !hashtagsOnly.isEmpty() && anyTracked(Hashtags.extract(t));
    }

    private boolean anyTracked(List<String> tags) {
        for (String tag : tags) {
            if (hashtags.contains(tag) || hashtagsOnly.contains(tag)) {
                return true;
            }
        }
        return false;
    }

    private static String quote(String s) {
        return "'" + s + "'";
    }

    /** Such as {@code KeywordFilter[messi, #goal]}. */
    @Override
    public String toString() {
        return "KeywordFilter" + keywords;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeywordFilter f && f.keywords.equals(keywords);
    }

    @Override
    public int hashCode() {
        return keywords.hashCode();
    }
}
