package dev.ember.social.internal.demo;

import dev.ember.social.Hashtags;
import java.util.List;
import java.util.Locale;

/**
 * One hashtag of the demo vocabulary: how it is written (its usual form, and all-lower and
 * all-upper forms to exercise normalisation), its topic, in which languages it is used, how
 * prominent it tends to be, and optionally the value it gives a template slot ({@code #Haaland}
 * makes {@code {player}} say Haaland, so the text matches the tag).
 */
final class Tag {
    final int id;
    final Topic topic;
    final String display;
    final String lower;
    final String upper;

    /** As {@link Hashtags#extract} reports it; every form normalises to it. */
    final String normalized;

    final int prominence;

    /** Bit {@code 1 << language.ordinal()} set for each language that uses the tag. */
    final int languages;

    final boolean universal;
    final String overrideSlot;

    /** By language ordinal; {@code null} when the tag sets no slot. */
    final String[] overrideValues;

    Tag(
            int id,
            Topic topic,
            String display,
            int prominence,
            int languages,
            boolean universal,
            String overrideSlot,
            String[] overrideValues) {
        this.id = id;
        this.topic = topic;
        this.display = display;
        this.prominence = prominence;
        this.languages = languages;
        this.universal = universal;
        this.overrideSlot = overrideSlot;
        this.overrideValues = overrideValues;
        List<String> extracted = Hashtags.extract(display);
        if (extracted.size() != 1 || !display.equals("#" + display.substring(1).strip())) {
            throw new IllegalStateException(
                    "demo hashtag '"
                            + display
                            + "' is not one hashtag by the rules of Hashtags.extract; write it as"
                            + " # followed by letters, digits or _");
        }
        this.normalized = extracted.get(0);
        String body = display.substring(1);
        this.lower = sameTag("#" + body.toLowerCase(Locale.ROOT));
        this.upper = sameTag("#" + body.toUpperCase(Locale.ROOT));
    }

    // Upper-casing can change the tag itself (ß becomes SS): such a form is not offered.
    private String sameTag(String form) {
        return Hashtags.extract(form).equals(List.of(normalized)) ? form : display;
    }

    boolean usedIn(int languageOrdinal) {
        return (languages & (1 << languageOrdinal)) != 0;
    }

    @Override
    public String toString() {
        return display;
    }
}
