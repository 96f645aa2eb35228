package dev.ember.social.internal.demo;

import dev.ember.social.Hashtags;
import dev.ember.social.KeywordFilter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/*
 * The demo's texts, parsed once from PhrasesCommon.TEXT and each language's table into templates
 * made of pieces, so that writing a post is appending strings: no regex, no formatting, no lookup
 * by name at run time.
 *
 * A table holds lines of four kinds ('//' starts a comment):
 *
 *   list name a|b|c        the values of slot {name} (a language's list overrides the common one)
 *   emoji topic 🔥 ⚽ ...   the emoji of a topic's {emo} slot (common table only)
 *   @topic                 the templates that follow are about that topic
 *   any other line         a template of the current topic
 *
 * Template slots: {tags} the post's hashtags not yet written, space-separated; {tag} the main
 * hashtag inline (such a template is used only for posts that have one); {emo} an emoji of the
 * topic or nothing; {messi} a way to name Messi in the language; {num:a-b} a number in a..b;
 * {name} a value of list name, and {name2} another value of the same list. A tag can fill a slot
 * ({player} = Haaland for #Haaland). {emo} and {tags} may be empty, and then take the space before
 * them along.
 *
 * The rules that keep Post.hashtags equal to Hashtags.extract(text) are checked here, once: no
 * literal or list value holds a hashtag; {tag} and {tags} stand after a space, a bracket or at the
 * start, and are followed by the end, a space, punctuation or {emo}; optional slots stand after a
 * space; every template has {tags} or {tag}. So are the rules behind a steady --track messi: every
 * Messi template has {messi}, a Latin-letter Messi never touches a letter (Messiの would not
 * match), and no other topic's text or slot value can mention Messi. Where a language names him
 * in its own script (メッシ, ميسي), the generator gives the post #Messi as its main tag.
 */
final class Phrasebook {
    // Before INSTANCE: static fields initialise in order, and the constructor uses this one.
    private static final KeywordFilter MESSI_FILTER = KeywordFilter.of("messi");

    static final Phrasebook INSTANCE =
            new Phrasebook(PhrasesCommon.TEXT, defaultTables(), Vocabulary.INSTANCE);

    static final int LITERAL = 0;
    static final int TAGS = 1;
    static final int TAG = 2;
    static final int EMOJI = 3;
    static final int NUMBER = 4;
    static final int MESSI = 5;
    static final int LIST = 6;

    /** One piece of a template: literal text or a slot. */
    static final class Piece {
        final int kind;
        final String text;
        final String[] values;
        final int slot;
        final boolean second;
        final int min;
        final int span;

        Piece(int kind, String text, String[] values, int slot, boolean second, int min, int max) {
            this.kind = kind;
            this.text = text;
            this.values = values;
            this.slot = slot;
            this.second = second;
            this.min = min;
            this.span = max - min + 1;
        }
    }

    /** A template: its pieces in order, and whether it writes the main hashtag inline. */
    static final class Template {
        final Piece[] pieces;
        final boolean inlineTag;
        final String source;

        Template(Piece[] pieces, boolean inlineTag, String source) {
            this.pieces = pieces;
            this.inlineTag = inlineTag;
            this.source = source;
        }

        @Override
        public String toString() {
            return source;
        }
    }

    private final Map<String, Integer> slotIds = new LinkedHashMap<>();
    private final Map<String, String[]> commonLists = new HashMap<>();
    private final String[][] emoji = new String[Topic.values().length][];
    private final Template[][][] templates;
    private final Template[][][] tagless;
    private final String[][] messiNames;
    private final boolean[][] messiNameMatches;
    private final String[][] handleNames;
    private final String[] handleWords;

    /**
     * Parses and checks the tables.
     *
     * @param common the common lists and emoji
     * @param tables each language's table
     * @param vocabulary the hashtags, whose slot values and languages are checked against the
     *     templates
     * @throws IllegalStateException naming the table, line and problem of the first mistake
     */
    Phrasebook(String common, Map<Language, String> tables, Vocabulary vocabulary) {
        int languages = Language.count();
        int topics = Topic.values().length;
        templates = new Template[languages][topics][];
        tagless = new Template[languages][topics][];
        messiNames = new String[languages][];
        messiNameMatches = new boolean[languages][];
        handleNames = new String[languages][];
        parseCommon(common);
        handleWords = requireCommonList("handleword");
        for (Topic topic : Topic.values()) {
            if (emoji[topic.ordinal()] == null) {
                throw new IllegalStateException(
                        "demo common phrase table has no emoji line for topic " + topic.key());
            }
        }
        for (Language language : Language.values()) {
            String table = tables.get(language);
            if (table == null) {
                throw new IllegalStateException("no demo phrase table for " + language.code);
            }
            parseLanguage(language, table);
        }
        checkTagOverrides(vocabulary);
    }

    static Map<Language, String> defaultTables() {
        Map<Language, String> tables = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            tables.put(language, language.phrases);
        }
        return tables;
    }

    Template[] templates(int language, int topic, boolean withTag) {
        return withTag ? templates[language][topic] : tagless[language][topic];
    }

    boolean hasTopic(int language, int topic) {
        return templates[language][topic] != null;
    }

    String[] emoji(int topic) {
        return emoji[topic];
    }

    String[] messiNames(int language) {
        return messiNames[language];
    }

    /** Whether {@code messiNames(language)[i]} alone matches {@code --track messi}. */
    boolean messiNameMatches(int language, int i) {
        return messiNameMatches[language][i];
    }

    String[] handleNames(int language) {
        return handleNames[language];
    }

    String[] handleWords() {
        return handleWords;
    }

    int slotCount() {
        return slotIds.size();
    }

    /** The id of slot {@code name}, or -1 when no template uses it. */
    int slotId(String name) {
        Integer id = slotIds.get(name);
        return id == null ? -1 : id;
    }

    private void parseCommon(String text) {
        int lineNumber = 0;
        for (String raw : text.split("\n", -1)) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("//")) {
                continue;
            }
            if (line.startsWith("list ")) {
                parseList(line, commonLists, "common", lineNumber);
            } else if (line.startsWith("emoji ")) {
                String[] fields = line.split("\\s+");
                Topic topic = Topic.byKey(fields[1]);
                if (topic == null || fields.length < 3) {
                    throw bad("common", lineNumber, line, "expected emoji, a topic and emoji");
                }
                String[] list = new String[fields.length - 2];
                System.arraycopy(fields, 2, list, 0, list.length);
                emoji[topic.ordinal()] = list;
            } else {
                throw bad("common", lineNumber, line, "expected a list or emoji line");
            }
        }
    }

    private String[] requireCommonList(String name) {
        String[] list = commonLists.get(name);
        if (list == null) {
            throw new IllegalStateException("demo common phrase table has no list " + name);
        }
        return list;
    }

    private void parseLanguage(Language language, String text) {
        String table = language.code;
        Map<String, String[]> lists = new HashMap<>();
        Map<Topic, List<Template>> byTopic = new LinkedHashMap<>();
        Topic topic = null;
        int lineNumber = 0;
        for (String raw : text.split("\n", -1)) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("//")) {
                continue;
            }
            if (line.startsWith("list ")) {
                parseList(line, lists, table, lineNumber);
            } else if (line.startsWith("@")) {
                topic = Topic.byKey(line.substring(1));
                if (topic == null) {
                    throw bad(table, lineNumber, line, "unknown topic");
                }
            } else if (topic == null) {
                throw bad(table, lineNumber, line, "a template before the first @topic line");
            } else {
                Template template = parseTemplate(line, topic, lists, table, lineNumber);
                byTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(template);
            }
        }
        int l = language.ordinal();
        String[] names = lists.get("messi");
        if (names == null) {
            throw new IllegalStateException("demo phrase table " + table + " has no list messi");
        }
        messiNames[l] = names;
        messiNameMatches[l] = new boolean[names.length];
        for (int i = 0; i < names.length; i++) {
            messiNameMatches[l][i] = MESSI_FILTER.matches(names[i]);
        }
        handleNames[l] = lists.get("name");
        if (handleNames[l] == null) {
            throw new IllegalStateException("demo phrase table " + table + " has no list name");
        }
        if (!byTopic.containsKey(Topic.MESSI) || !byTopic.containsKey(Topic.FOOTBALL)) {
            throw new IllegalStateException(
                    "demo phrase table " + table + " needs @messi and @football templates");
        }
        for (Map.Entry<Topic, List<Template>> entry : byTopic.entrySet()) {
            List<Template> all = entry.getValue();
            List<Template> withoutTag = new ArrayList<>();
            for (Template template : all) {
                if (!template.inlineTag) {
                    withoutTag.add(template);
                }
            }
            if (withoutTag.isEmpty()) {
                throw new IllegalStateException(
                        "demo phrase table "
                                + table
                                + " @"
                                + entry.getKey().key()
                                + " needs a template without {tag}, for posts with no hashtag");
            }
            int t = entry.getKey().ordinal();
            templates[l][t] = all.toArray(new Template[0]);
            tagless[l][t] = withoutTag.toArray(new Template[0]);
        }
    }

    private static void parseList(
            String line, Map<String, String[]> lists, String table, int lineNumber) {
        String[] fields = line.split("\\s+", 3);
        if (fields.length < 3) {
            throw bad(table, lineNumber, line, "expected list, a name and values");
        }
        String[] values = fields[2].split("\\|");
        for (String value : values) {
            if (value.isBlank() || !value.equals(value.strip())) {
                throw bad(table, lineNumber, line, "a blank or padded value '" + value + "'");
            }
            if (!Hashtags.extract(value).isEmpty()
                    || value.indexOf('{') >= 0
                    || endsWithHash(value)) {
                throw bad(table, lineNumber, line, "value '" + value + "' holds a hashtag or {");
            }
        }
        lists.put(fields[1], values);
    }

    private Template parseTemplate(
            String line, Topic topic, Map<String, String[]> lists, String table, int lineNumber) {
        List<Piece> pieces = new ArrayList<>();
        boolean inlineTag = false;
        boolean hasMessi = false;
        boolean hasTagsSlot = false;
        List<Integer> slotsSeen = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            int open = line.indexOf('{', i);
            int literalEnd = open < 0 ? line.length() : open;
            if (literalEnd > i) {
                String literal = line.substring(i, literalEnd);
                if (!Hashtags.extract(literal).isEmpty()
                        || literal.indexOf('}') >= 0
                        || endsWithHash(literal)) {
                    throw bad(table, lineNumber, line, "literal '" + literal + "' holds a hashtag");
                }
                checkNoMessi(topic, literal, table, lineNumber, line);
                pieces.add(new Piece(LITERAL, literal, null, -1, false, 0, 0));
            }
            if (open < 0) {
                break;
            }
            int close = line.indexOf('}', open);
            if (close < 0) {
                throw bad(table, lineNumber, line, "an unclosed {");
            }
            String slot = line.substring(open + 1, close);
            Piece piece;
            if (slot.equals("tags")) {
                hasTagsSlot = true;
                piece = new Piece(TAGS, null, null, -1, false, 0, 0);
            } else if (slot.equals("tag")) {
                if (inlineTag) {
                    throw bad(table, lineNumber, line, "{tag} twice");
                }
                inlineTag = true;
                hasTagsSlot = true;
                piece = new Piece(TAG, null, null, -1, false, 0, 0);
            } else if (slot.equals("emo")) {
                piece = new Piece(EMOJI, null, null, -1, false, 0, 0);
            } else if (slot.equals("messi")) {
                if (topic != Topic.MESSI) {
                    throw bad(table, lineNumber, line, "{messi} outside @messi");
                }
                if (!lists.containsKey("messi")) {
                    throw bad(table, lineNumber, line, "{messi} before the list messi");
                }
                hasMessi = true;
                piece = new Piece(MESSI, null, null, -1, false, 0, 0);
            } else if (slot.startsWith("num:")) {
                String[] range = slot.substring(4).split("-");
                int min;
                int max;
                try {
                    min = Integer.parseInt(range[0]);
                    max = Integer.parseInt(range[1]);
                } catch (RuntimeException e) {
                    throw bad(
                            table, lineNumber, line, "expected {num:min-max}, got {" + slot + "}");
                }
                if (range.length != 2 || min < 0 || max < min) {
                    throw bad(
                            table, lineNumber, line, "expected {num:min-max}, got {" + slot + "}");
                }
                piece = new Piece(NUMBER, null, null, -1, false, min, max);
            } else {
                boolean second = slot.endsWith("2");
                String name = second ? slot.substring(0, slot.length() - 1) : slot;
                String[] values = lists.getOrDefault(name, commonLists.get(name));
                if (values == null || name.isEmpty()) {
                    throw bad(table, lineNumber, line, "no list for slot {" + slot + "}");
                }
                for (String value : values) {
                    checkNoMessi(topic, value, table, lineNumber, line);
                }
                int id = slotIds.computeIfAbsent(name, n -> slotIds.size());
                if (second && !slotsSeen.contains(id)) {
                    throw bad(table, lineNumber, line, "{" + slot + "} before {" + name + "}");
                }
                slotsSeen.add(id);
                piece = new Piece(LIST, null, values, id, second, 0, 0);
            }
            pieces.add(piece);
            i = close + 1;
        }
        if (topic == Topic.MESSI && !hasMessi) {
            throw bad(table, lineNumber, line, "a @messi template without {messi}");
        }
        if (!hasTagsSlot) {
            throw bad(table, lineNumber, line, "a template without {tags} or {tag}");
        }
        checkHashtagBoundaries(pieces, table, lineNumber, line);
        if (writesMessiInLatin(lists)) {
            checkMessiStandsAlone(pieces, table, lineNumber, line);
        }
        return new Template(pieces.toArray(new Piece[0]), inlineTag, line);
    }

    private static void checkNoMessi(
            Topic topic, String text, String table, int lineNumber, String line) {
        if (topic != Topic.MESSI && MESSI_FILTER.matches(text)) {
            throw bad(table, lineNumber, line, "'" + text + "' mentions Messi outside @messi");
        }
    }

    private static void checkHashtagBoundaries(
            List<Piece> pieces, String table, int lineNumber, String line) {
        for (int p = 0; p < pieces.size(); p++) {
            int kind = pieces.get(p).kind;
            if (kind != TAG && kind != TAGS && kind != EMOJI) {
                continue;
            }
            Piece before = p == 0 ? null : pieces.get(p - 1);
            Piece after = p + 1 == pieces.size() ? null : pieces.get(p + 1);
            boolean beforeOk =
                    before == null
                            || before.kind == LITERAL
                                    && (before.text.endsWith(" ")
                                            || kind != EMOJI && before.text.endsWith("("));
            boolean afterOk =
                    after == null
                            || after.kind == EMOJI && kind != EMOJI
                            || after.kind == LITERAL
                                    && !Character.isLetterOrDigit(after.text.codePointAt(0))
                                    && after.text.charAt(0) != '_'
                                    && !isMark(after.text.codePointAt(0));
            if (!beforeOk || !afterOk) {
                throw bad(
                        table,
                        lineNumber,
                        line,
                        "{tag}, {tags} and {emo} must follow a space and precede a space,"
                                + " punctuation or the end");
            }
        }
    }

    private static boolean writesMessiInLatin(Map<String, String[]> lists) {
        String[] names = lists.get("messi");
        if (names != null) {
            for (String name : names) {
                if (MESSI_FILTER.matches(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    // A Latin "Messi" glued to a letter (Messiの) would not match --track messi.
    private static void checkMessiStandsAlone(
            List<Piece> pieces, String table, int lineNumber, String line) {
        for (int p = 0; p < pieces.size(); p++) {
            if (pieces.get(p).kind != MESSI) {
                continue;
            }
            Piece before = p == 0 ? null : pieces.get(p - 1);
            Piece after = p + 1 == pieces.size() ? null : pieces.get(p + 1);
            boolean beforeOk =
                    before == null
                            || before.kind == LITERAL
                                    && !isWordChar(
                                            before.text.codePointBefore(before.text.length()));
            boolean afterOk =
                    after == null
                            || after.kind == LITERAL && !isWordChar(after.text.codePointAt(0));
            if (!beforeOk || !afterOk) {
                throw bad(
                        table,
                        lineNumber,
                        line,
                        "{messi} must stand between spaces or punctuation, so that it matches"
                                + " --track messi");
            }
        }
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '_' || isMark(cp);
    }

    private static boolean endsWithHash(String s) {
        return s.endsWith("#") || s.endsWith("\uFF03");
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private void checkTagOverrides(Vocabulary vocabulary) {
        for (Tag tag : vocabulary.all()) {
            if (tag.overrideSlot != null && slotId(tag.overrideSlot) < 0) {
                throw new IllegalStateException(
                        "demo hashtag "
                                + tag.display
                                + " fills slot {"
                                + tag.overrideSlot
                                + "}, which no template uses");
            }
            for (int l = 0; l < Language.count(); l++) {
                if (!tag.universal && tag.usedIn(l) && !hasTopic(l, tag.topic.ordinal())) {
                    throw new IllegalStateException(
                            "demo hashtag "
                                    + tag.display
                                    + " is for "
                                    + Language.of(l).code
                                    + ", which has no @"
                                    + tag.topic.key()
                                    + " templates; list its languages or add templates");
                }
            }
            if (tag.topic != Topic.MESSI && tag.overrideValues != null) {
                for (String value : tag.overrideValues) {
                    if (MESSI_FILTER.matches(value)) {
                        throw new IllegalStateException(
                                "demo hashtag " + tag.display + " fills a slot with Messi");
                    }
                }
            }
        }
    }

    private static IllegalStateException bad(
            String table, int lineNumber, String line, String problem) {
        return new IllegalStateException(
                "demo phrase table "
                        + table
                        + " line "
                        + lineNumber
                        + " '"
                        + line
                        + "': "
                        + problem);
    }
}
