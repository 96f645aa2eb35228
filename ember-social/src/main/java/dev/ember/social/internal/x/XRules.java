package dev.ember.social.internal.x;

import dev.ember.social.KeywordFilter;
import dev.ember.social.internal.JsonFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/*
 * The filtered stream's rules for the tracked keywords, and the changes that make X's rule set
 * exactly those rules.
 *
 * One rule per keyword, tagged "ember:<keyword>", so matching_rules and X's console say where a
 * rule came from:
 *   messi          -> messi OR #messi      a word: the word or its hashtag, however X
 *                                          tokenizes the #
 *   #messi         -> #messi               a hashtag: only the hashtag
 *   inter miami    -> "inter miami"        a phrase: X's exact phrase, quotes escaped
 *   c++, OR        -> "c++", "OR"          a single token X would not read as a plain
 *                                          word (punctuation, an operator): quoted
 *
 * Rules are compared by value; a rule whose value no keyword gives is deleted, whoever made it,
 * because any rule of the app adds its posts to this stream.
 */
final class XRules {
    static final String TAG_PREFIX = "ember:";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}_]+");

    private XRules() {}

    record Rule(String id, String value, String tag) {
        /** Such as {@code 'messi OR #messi' (tag ember:messi, id 123)}. */
        String describe() {
            StringBuilder b = new StringBuilder("'").append(value).append('\'');
            if (tag != null || id != null) {
                b.append(" (");
                if (tag != null) {
                    b.append("tag ").append(tag);
                }
                if (id != null) {
                    b.append(tag != null ? ", " : "").append("id ").append(id);
                }
                b.append(')');
            }
            return b.toString();
        }
    }

    /** What to keep, delete and add. */
    record Plan(List<Rule> keep, List<Rule> delete, List<Rule> add) {
        boolean changesNothing() {
            return delete.isEmpty() && add.isEmpty();
        }
    }

    static String valueFor(String keyword) {
        if (keyword.startsWith("#") || keyword.startsWith("\uFF03")) {
            return "#" + keyword.substring(1).strip();
        }
        if (WORD.matcher(keyword).matches() && !keyword.equals("OR") && !keyword.equals("AND")) {
            return keyword + " OR #" + keyword;
        }
        return "\"" + keyword.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String tagFor(String keyword) {
        return TAG_PREFIX + keyword;
    }

    /** The wanted rules, one per keyword, without two of the same value. */
    static List<Rule> wanted(KeywordFilter track) {
        Map<String, Rule> byValue = new LinkedHashMap<>();
        for (String keyword : track.keywords()) {
            String value = valueFor(keyword);
            byValue.putIfAbsent(value, new Rule(null, value, tagFor(keyword)));
        }
        return new ArrayList<>(byValue.values());
    }

    static Plan plan(List<Rule> existing, KeywordFilter track) {
        List<Rule> wanted = wanted(track);
        Set<String> wantedValues = new LinkedHashSet<>();
        for (Rule rule : wanted) {
            wantedValues.add(rule.value());
        }
        List<Rule> keep = new ArrayList<>();
        List<Rule> delete = new ArrayList<>();
        Set<String> existingValues = new LinkedHashSet<>();
        for (Rule rule : existing) {
            if (wantedValues.contains(rule.value()) && existingValues.add(rule.value())) {
                keep.add(rule);
            } else {
                delete.add(rule);
            }
        }
        List<Rule> add = new ArrayList<>();
        for (Rule rule : wanted) {
            if (!existingValues.contains(rule.value())) {
                add.add(rule);
            }
        }
        return new Plan(List.copyOf(keep), List.copyOf(delete), List.copyOf(add));
    }

    /** The rules of one page of GET /2/tweets/search/stream/rules. */
    static List<Rule> rulesOf(JsonNode page) {
        List<Rule> rules = new ArrayList<>();
        for (JsonNode rule : JsonFields.array(page, "data")) {
            String value = JsonFields.string(rule, "value");
            if (value != null && JsonFields.id(rule, "id") != null) {
                rules.add(
                        new Rule(JsonFields.id(rule, "id"), value, JsonFields.string(rule, "tag")));
            }
        }
        return rules;
    }

    /** The next page's token of a rules page, or null. */
    static String nextToken(JsonNode page) {
        return JsonFields.string(JsonFields.object(page, "meta"), "next_token");
    }

    static String addBody(List<Rule> rules) {
        ObjectNode body = JsonFields.MAPPER.createObjectNode();
        ArrayNode add = body.putArray("add");
        for (Rule rule : rules) {
            ObjectNode r = add.addObject();
            r.put("value", rule.value());
            if (rule.tag() != null) {
                r.put("tag", rule.tag());
            }
        }
        return body.toString();
    }

    static String deleteBody(List<Rule> rules) {
        ObjectNode body = JsonFields.MAPPER.createObjectNode();
        ArrayNode ids = body.putObject("delete").putArray("ids");
        for (Rule rule : rules) {
            ids.add(rule.id());
        }
        return body.toString();
    }
}
