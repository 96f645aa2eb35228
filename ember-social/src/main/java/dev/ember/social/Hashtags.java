package dev.ember.social;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Finds and normalises hashtags, the same way for every source: a hashtag is kept lower-cased (with
 * {@link Locale#ROOT}) and with its leading {@code #}, so {@code #Messi}, {@code #MESSI} and a
 * Bluesky facet tag {@code Messi} all count as {@code #messi}.
 *
 * <p>The rules for plain text, used by socket and file sources and as a fallback for posts that
 * carry no tag metadata:
 *
 * <ul>
 *   <li>a hashtag starts with {@code #} (or the full-width {@code ＃}) at the start of the text or
 *       after a character that is not a letter, a digit, {@code _}, {@code &}, {@code /} or {@code
 *       #}: so {@code x.com/#a}, {@code a#b} and the HTML entity {@code &#39;} hold none;
 *   <li>then come one or more Unicode letters, marks, digits or {@code _}; the first other
 *       character (space, punctuation, an emoji) ends it, so {@code #Messi!} is {@code #messi};
 *   <li>it needs at least one letter or mark: a tag of digits only is not a hashtag ({@code #2024},
 *       {@code #1}, nor {@code #_1}), one that mixes digits with letters is ({@code #euro2024}).
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class Hashtags {
    private static final char FULL_WIDTH_HASH = '\uFF03';

    private Hashtags() {}

    /**
     * The hashtags of {@code text}, normalised, without duplicates, in order of first appearance.
     *
     * @param text any text; {@code null} has no hashtags
     * @return an unmodifiable list such as {@code [#messi, #intermiami]}
     */
    public static List<String> extract(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Set<String> tags = null;
        int n = text.length();
        int i = 0;
        int previous = -1; // the code point before i, or -1 at the start
        while (i < n) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isHash(cp) && (previous < 0 || mayPrecedeHashtag(previous))) {
                int end = next;
                boolean letterSeen = false;
                while (end < n) {
                    int c = text.codePointAt(end);
                    if (!isTagChar(c)) {
                        break;
                    }
                    letterSeen |= c != '_' && !Character.isDigit(c);
                    end += Character.charCount(c);
                }
                if (letterSeen) {
                    if (tags == null) {
                        tags = new LinkedHashSet<>();
                    }
                    tags.add("#" + text.substring(next, end).toLowerCase(Locale.ROOT));
                }
                if (end > next) {
                    previous = text.codePointBefore(end);
                    i = end;
                    continue;
                }
            }
            previous = cp;
            i = next;
        }
        return tags == null ? List.of() : List.copyOf(tags);
    }

    /**
     * The normalised form of one tag given by a source's metadata (a Bluesky facet, an X entity, a
     * Mastodon tag name), with or without its leading {@code #}: {@code "Messi"} and {@code
     * "#Messi"} both give {@code "#messi"}.
     *
     * @return the normalised tag, or {@code null} when nothing is left after the {@code #} and
     *     surrounding whitespace are removed
     */
    public static String normalize(String tag) {
        Objects.requireNonNull(tag, "tag");
        String t = tag.strip();
        if (!t.isEmpty() && isHash(t.charAt(0))) {
            t = t.substring(1).strip();
        }
        return t.isEmpty() ? null : "#" + t.toLowerCase(Locale.ROOT);
    }

    /**
     * The normalised union of {@code metadataTags} (normalised with {@link #normalize}) and, when
     * none of them is usable, the hashtags found in {@code text}; without duplicates, metadata
     * order first. Sources use this so that a post's {@link Post#hashtags()} follows one rule.
     */
    public static List<String> of(List<String> metadataTags, String text) {
        Set<String> tags = new LinkedHashSet<>();
        if (metadataTags != null) {
            for (String tag : metadataTags) {
                String normalized = tag == null ? null : normalize(tag);
                if (normalized != null) {
                    tags.add(normalized);
                }
            }
        }
        if (tags.isEmpty()) {
            return extract(text);
        }
        return List.copyOf(tags);
    }

    private static boolean isHash(int cp) {
        return cp == '#' || cp == FULL_WIDTH_HASH;
    }

    private static boolean mayPrecedeHashtag(int cp) {
        return !(Character.isLetterOrDigit(cp)
                || cp == '_'
                || cp == '&'
                || cp == '/'
                || isHash(cp));
    }

    private static boolean isTagChar(int cp) {
        if (Character.isLetterOrDigit(cp) || cp == '_') {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
