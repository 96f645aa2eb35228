package dev.ember.social.internal.x;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.social.KeywordFilter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rule of each kind of keyword, and the changes that make X's rules the wanted ones. */
class XRulesTest {

    static Stream<Arguments> keywords() {
        return Stream.of(
                Arguments.of("a word: the word or its hashtag", "messi", "messi OR #messi"),
                Arguments.of("a word with letters of any script", "fútbol", "fútbol OR #fútbol"),
                Arguments.of("a hashtag: only the hashtag", "#Messi", "#Messi"),
                Arguments.of("a full-width hashtag", "＃messi", "#messi"),
                Arguments.of("a phrase: the exact phrase", "inter miami", "\"inter miami\""),
                Arguments.of("quotes in a phrase are escaped", "say \"hi\"", "\"say \\\"hi\\\"\""),
                Arguments.of("a token with punctuation is quoted", "c++", "\"c++\""),
                Arguments.of("an operator word is quoted", "OR", "\"OR\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keywords")
    void mapsEachKeywordToOneRule(String rule, String keyword, String value) {
        assertEquals(value, XRules.valueFor(keyword), rule);
        assertEquals("ember:" + keyword, XRules.tagFor(keyword));
    }

    private static XRules.Rule rule(String id, String value, String tag) {
        return new XRules.Rule(id, value, tag);
    }

    @Test
    void keepsWantedRulesDeletesOthersAndAddsTheMissingOnes() {
        List<XRules.Rule> existing =
                List.of(
                        rule("1", "messi OR #messi", "made elsewhere"),
                        rule("2", "cats", "cats"),
                        rule("3", "messi OR #messi", "a duplicate value"));

        XRules.Plan plan = XRules.plan(existing, KeywordFilter.of("messi", "#goal"));

        assertEquals(List.of(rule("1", "messi OR #messi", "made elsewhere")), plan.keep());
        assertEquals(
                List.of(
                        rule("2", "cats", "cats"),
                        rule("3", "messi OR #messi", "a duplicate value")),
                plan.delete());
        assertEquals(List.of(rule(null, "#goal", "ember:#goal")), plan.add());
    }

    @Test
    void changesNothingWhenTheRulesAreInPlace() {
        XRules.Plan plan =
                XRules.plan(
                        List.of(rule("1", "messi OR #messi", "ember:messi")),
                        KeywordFilter.of("messi"));

        assertEquals(true, plan.changesNothing());
    }

    @Test
    void writesTheDocumentedRequestBodies() {
        assertEquals(
                "{\"add\":[{\"value\":\"messi OR #messi\",\"tag\":\"ember:messi\"}]}",
                XRules.addBody(List.of(rule(null, "messi OR #messi", "ember:messi"))));
        assertEquals(
                "{\"delete\":{\"ids\":[\"1\",\"2\"]}}",
                XRules.deleteBody(List.of(rule("1", "a", null), rule("2", "b", null))));
    }

    @Test
    void readsARulesPageAndItsNextToken() {
        var page =
                dev.ember.social.internal.JsonFields.MAPPER.readTree(
                        "{\"data\":[{\"id\":\"1\",\"value\":\"cats\",\"tag\":\"c\"},"
                                + "{\"id\":\"2\",\"value\":\"dogs\"},{\"value\":\"no id\"}],"
                                + "\"meta\":{\"result_count\":3,\"next_token\":\"abc\"}}");

        assertEquals(
                List.of(rule("1", "cats", "c"), rule("2", "dogs", null)), XRules.rulesOf(page));
        assertEquals("abc", XRules.nextToken(page));
    }
}
