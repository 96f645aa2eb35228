package dev.ember.social.internal.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/*
 * The demo's hashtags, parsed once from HashtagTable.TEXT. One line per tag:
 *
 *   topic  #Tag  prominence  languages  [slot=value / ja=value / ...]
 *
 * languages is * for a tag used everywhere (names, brands, events) or a comma-separated list of
 * language codes for a tag that belongs to some languages (#futebol, #選挙, #MondayMotivation).
 * prominence (1..10) biases a seed's ranking towards tags that are big in real life without fixing
 * it. The optional tail names a template slot the tag fills and its value, with per-language
 * spellings after slashes. Malformed lines fail class initialisation with the line number, so the
 * build's tests catch a typo.
 */
final class Vocabulary {
    static final Vocabulary INSTANCE = parse(HashtagTable.TEXT);

    private final Tag[] tags;
    private final Map<String, Tag> byNormalized;

    private Vocabulary(Tag[] tags) {
        this.tags = tags;
        this.byNormalized = new HashMap<>();
        for (Tag tag : tags) {
            Tag previous = byNormalized.put(tag.normalized, tag);
            if (previous != null) {
                throw new IllegalStateException(
                        "demo hashtag "
                                + tag.display
                                + " duplicates "
                                + previous.display
                                + "; keep one line per tag");
            }
        }
    }

    int size() {
        return tags.length;
    }

    Tag tag(int id) {
        return tags[id];
    }

    /** The tag whose normalised form is {@code normalized}, or {@code null}. */
    Tag byNormalized(String normalized) {
        return byNormalized.get(normalized);
    }

    List<Tag> all() {
        return Arrays.asList(tags);
    }

    static Vocabulary parse(String text) {
        List<Tag> tags = new ArrayList<>();
        int lineNumber = 0;
        for (String raw : text.split("\n", -1)) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("//")) {
                continue;
            }
            String[] fields = line.split("\\s+", 5);
            if (fields.length < 4) {
                throw bad(lineNumber, line, "expected topic, #tag, prominence and languages");
            }
            Topic topic = Topic.byKey(fields[0]);
            if (topic == null) {
                throw bad(lineNumber, line, "unknown topic " + fields[0]);
            }
            int prominence;
            try {
                prominence = Integer.parseInt(fields[2]);
            } catch (NumberFormatException e) {
                throw bad(lineNumber, line, "prominence " + fields[2] + " is not a number");
            }
            if (prominence < 1 || prominence > 10) {
                throw bad(lineNumber, line, "prominence " + prominence + " is not in 1..10");
            }
            boolean universal = fields[3].equals("*");
            int languages = 0;
            if (universal) {
                languages = (1 << Language.count()) - 1;
            } else {
                for (String code : fields[3].split(",")) {
                    Language language = Language.byCode(code);
                    if (language == null) {
                        throw bad(lineNumber, line, "unknown language " + code);
                    }
                    languages |= 1 << language.ordinal();
                }
            }
            String slot = null;
            String[] values = null;
            if (fields.length == 5) {
                String[] parts = fields[4].split("\\s+/\\s+");
                int eq = parts[0].indexOf('=');
                if (eq <= 0) {
                    throw bad(lineNumber, line, "expected slot=value after the languages");
                }
                slot = parts[0].substring(0, eq).strip();
                String fallback = parts[0].substring(eq + 1).strip();
                values = new String[Language.count()];
                Arrays.fill(values, fallback);
                for (int i = 1; i < parts.length; i++) {
                    int e = parts[i].indexOf('=');
                    Language language = e <= 0 ? null : Language.byCode(parts[i].substring(0, e));
                    if (language == null) {
                        throw bad(lineNumber, line, "expected lang=value, got " + parts[i]);
                    }
                    values[language.ordinal()] = parts[i].substring(e + 1).strip();
                }
            }
            try {
                tags.add(
                        new Tag(
                                tags.size(),
                                topic,
                                fields[1],
                                prominence,
                                languages,
                                universal,
                                slot,
                                values));
            } catch (IllegalStateException e) {
                throw bad(lineNumber, line, e.getMessage());
            }
        }
        return new Vocabulary(tags.toArray(new Tag[0]));
    }

    private static IllegalStateException bad(int lineNumber, String line, String problem) {
        return new IllegalStateException(
                "demo hashtag table line " + lineNumber + " '" + line + "': " + problem);
    }
}
