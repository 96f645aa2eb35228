package dev.ember.cli.internal;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks, for each chart label, a font that can draw it, among the fonts this machine has.
 *
 * <p>The preferred font is DejaVu Sans, which every Debian install has (it covers Latin, Greek,
 * Cyrillic and some Arabic); without it, Java's logical {@code SansSerif}. A label the preferred
 * font cannot draw whole is drawn in the first installed font that can (Java's {@code SansSerif},
 * which follows fontconfig's fallbacks, then every installed font), so that with Noto CJK or Noto
 * Devanagari installed, Japanese and Hindi tags show as written. When no installed font can draw a
 * label, its undrawable characters are replaced by the name of their script in brackets, such as
 * {@code #[Katakana]}: never boxes. Each such script is logged once, with the Debian package that
 * brings a font for it, and charts say which scripts they replaced.
 *
 * <p>Thread-safe; decisions are cached per label (a bounded number of them).
 */
final class ChartFonts {
    /** The font preferred for every label, title and axis. */
    static final String PREFERRED_FAMILY = "DejaVu Sans";

    private static final int CACHE_SIZE = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ChartFonts.class);

    /**
     * How a label is drawn.
     *
     * @param text the label as drawn: the original, or with undrawable runs replaced
     * @param font the font to draw it in, at size 1 (derive the size wanted)
     * @param replaced the scripts whose characters were replaced; empty when none was
     */
    record Label(String text, Font font, Set<Character.UnicodeScript> replaced) {}

    private final Font preferred;
    private final List<Font> fallbacks;
    private final Map<String, Label> cache =
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Label> eldest) {
                    return size() > CACHE_SIZE;
                }
            };
    private final Set<Character.UnicodeScript> logged = ConcurrentHashMap.newKeySet();

    /** Fonts: {@code preferred} first, then each of {@code fallbacks} in order. */
    ChartFonts(Font preferred, List<Font> fallbacks) {
        this.preferred = preferred.deriveFont(1f);
        this.fallbacks = List.copyOf(fallbacks);
    }

    /** The fonts of this machine, as described above. */
    static ChartFonts installed() {
        GraphicsEnvironment environment = GraphicsEnvironment.getLocalGraphicsEnvironment();
        Set<String> families = Set.of(environment.getAvailableFontFamilyNames(Locale.ROOT).clone());
        Font preferred =
                families.contains(PREFERRED_FAMILY)
                        ? new Font(PREFERRED_FAMILY, Font.PLAIN, 1)
                        : new Font(Font.SANS_SERIF, Font.PLAIN, 1);
        List<Font> fallbacks = new ArrayList<>();
        fallbacks.add(new Font(Font.SANS_SERIF, Font.PLAIN, 1));
        Arrays.stream(environment.getAllFonts())
                .filter(f -> f.getStyle() == Font.PLAIN)
                .filter(f -> !f.getFamily(Locale.ROOT).equals(preferred.getFamily(Locale.ROOT)))
                .forEach(fallbacks::add);
        return new ChartFonts(preferred, fallbacks);
    }

    /** The preferred font at size 1. */
    Font preferred() {
        return preferred;
    }

    /** How to draw {@code text}. */
    Label label(String text) {
        synchronized (cache) {
            Label known = cache.get(text);
            if (known != null) {
                return known;
            }
        }
        Label label = choose(text);
        synchronized (cache) {
            cache.put(text, label);
        }
        for (Character.UnicodeScript script : label.replaced()) {
            if (logged.add(script)) {
                LOG.warn(
                        "No installed font can draw {} letters, so chart labels show them as {};"
                                + " install a font for them (on Debian: {}) to see them as written",
                        name(script),
                        "[" + name(script) + "]",
                        debianPackage(script));
            }
        }
        return label;
    }

    private Label choose(String text) {
        if (preferred.canDisplayUpTo(text) < 0) {
            return new Label(text, preferred, Set.of());
        }
        for (Font font : fallbacks) {
            if (font.canDisplayUpTo(text) < 0) {
                return new Label(text, font, Set.of());
            }
        }
        Set<Character.UnicodeScript> replaced = new LinkedHashSet<>();
        StringBuilder shown = new StringBuilder();
        Character.UnicodeScript run = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (preferred.canDisplay(cp)) {
                run = null;
                shown.appendCodePoint(cp);
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.INHERITED
                    || script == Character.UnicodeScript.COMMON) {
                if (run != null) {
                    continue; // a mark or sign inside a replaced run
                }
            }
            if (script != run) {
                replaced.add(script);
                shown.append('[').append(name(script)).append(']');
                run = script;
            }
        }
        return new Label(shown.toString(), preferred, Set.copyOf(replaced));
    }

    /** A script's name as people write it: {@code Katakana}, {@code Devanagari}. */
    static String name(Character.UnicodeScript script) {
        String n = script.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    /** The Debian package with a font for {@code script}. */
    static String debianPackage(Character.UnicodeScript script) {
        return switch (script) {
            case HAN, HIRAGANA, KATAKANA, HANGUL, BOPOMOFO -> "fonts-noto-cjk";
            default -> "fonts-noto-core";
        };
    }
}
