package dev.ember.social.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of HTML to plain text, one row each: the rule, the HTML, the text. */
class HtmlTextTest {

    static Stream<Arguments> rules() {
        return Stream.of(
                row("plain text stays", "just text", "just text"),
                row("a paragraph's tags go", "<p>Hello</p>", "Hello"),
                row("paragraphs are separated by a blank line", "<p>a</p><p>b</p>", "a\n\nb"),
                row(
                        "br is a newline, in every spelling",
                        "a<br>b<br/>c<br />d<BR>e",
                        "a\nb\nc\nd\ne"),
                row("list items are lines", "<ul><li>a</li><li>b</li></ul>", "a\nb"),
                row(
                        "a blockquote is a paragraph",
                        "<p>x</p><blockquote><p>q</p></blockquote>",
                        "x\n\nq"),
                row(
                        "a hashtag link reads as the hashtag",
                        "<a href=\"https://e.social/tags/messi\" class=\"mention hashtag\""
                                + " rel=\"tag\">#<span>Messi</span></a>",
                        "#Messi"),
                row("a '>' inside a quoted attribute", "<a title=\"a>b\">link</a>", "link"),
                row("comments go", "a<!-- hidden -->b", "ab"),
                row(
                        "script and style content go",
                        "a<script>x<y</script>b<style>p{}</style>c",
                        "abc"),
                row("a '<' that starts no tag stays", "1 < 2 and 3 <4", "1 < 2 and 3 <4"),
                row("an unclosed tag stays as text", "a <b", "a <b"),
                row("named entities", "&amp; &lt; &gt; &quot; &apos; &#39;", "& < > \" ' '"),
                row("nbsp is a space", "a&nbsp;b", "a b"),
                row("decimal and hex references", "&#129351; &#x1F410; &#X41;", "🥇 🐐 A"),
                row(
                        "invalid code points are replaced",
                        "&#0; &#xD800; &#x110000;",
                        "\uFFFD \uFFFD \uFFFD"),
                row(
                        "unknown or broken entities stay",
                        "&bogus; &#xZZ; & alone &#;",
                        "&bogus; &#xZZ; & alone &#;"),
                row("an entity is decoded once", "&amp;lt;", "&lt;"),
                row("surrounding blank space is trimmed", "<p> </p><p>x</p>\n", "x"),
                row("empty", "", ""));
    }

    private static Arguments row(String rule, String html, String text) {
        return Arguments.of(rule, html, text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void convertsHtmlToPlainText(String rule, String html, String text) {
        assertEquals(text, HtmlText.toPlainText(html), rule);
    }
}
