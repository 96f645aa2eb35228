package dev.ember.social.internal;

import java.util.Locale;

/*
 * Plain text from the small HTML that Mastodon puts in a status's content (and the entities that
 * X escapes in a post's text). Not a general HTML parser, on purpose: Mastodon sanitises content
 * to a handful of tags (p, br, a, span, and since 4.x blockquote, pre, code, lists, b/i/del), so
 * a scanner that knows where lines break is exact for it and needs no dependency.
 *
 * Rules: <br> is a newline; p, div, blockquote, pre, h1-h6 and lists start and end a paragraph
 * (a blank line between paragraphs), li a line; every other tag is removed with its attributes
 * (quoted attribute values may contain '>'); the content of script and style is dropped; comments
 * are removed; a '<' that does not start a tag is kept. Entities: &amp; &lt; &gt; &quot; &#39;
 * &apos; &nbsp; (as a space) and numeric &#NNN; / &#xHH; are decoded, invalid code points become
 * U+FFFD, unknown entities are kept as written. Text is not re-flowed; leading and trailing blank
 * space is trimmed. Mastodon hides parts of long links in spans, which are kept, so a link reads
 * in full.
 */
public final class HtmlText {
    private HtmlText() {}

    public static String toPlainText(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(html.length());
        int n = html.length();
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = tagEnd(html, i);
                if (end < 0) {
                    appendDecoded(out, html, i, n);
                    break;
                }
                if (html.startsWith("<!--", i)) {
                    int close = html.indexOf("-->", i + 4);
                    i = close < 0 ? n : close + 3;
                    continue;
                }
                String name = tagName(html, i + 1, end);
                boolean closing = i + 1 < n && html.charAt(i + 1) == '/';
                if (!closing && (name.equals("script") || name.equals("style"))) {
                    int close = indexOfIgnoreCase(html, "</" + name, end);
                    if (close < 0) {
                        break;
                    }
                    int closeEnd = tagEnd(html, close);
                    i = closeEnd < 0 ? n : closeEnd + 1;
                    continue;
                }
                breakFor(out, name);
                i = end + 1;
            } else {
                int next = html.indexOf('<', i);
                if (next < 0) {
                    next = n;
                }
                appendDecoded(out, html, i, next);
                i = next;
            }
        }
        return out.toString().strip();
    }

    /** Decodes the entities of {@code text}; everything else is kept as is. */
    public static String decodeEntities(String text) {
        if (text == null || text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        appendDecoded(out, text, 0, text.length());
        return out.toString();
    }

    private static void breakFor(StringBuilder out, String name) {
        switch (name) {
            case "br" -> out.append('\n');
            case "li", "tr" -> newline(out, 1);
            case "p",
                    "div",
                    "blockquote",
                    "pre",
                    "ul",
                    "ol",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "table" ->
                    newline(out, 2);
            default -> {}
        }
    }

    /** Ends the text so far with at least {@code count} newlines, unless nothing came yet. */
    private static void newline(StringBuilder out, int count) {
        if (out.length() == 0) {
            return;
        }
        int have = 0;
        for (int k = out.length() - 1; k >= 0 && out.charAt(k) == '\n' && have < count; k--) {
            have++;
        }
        for (; have < count; have++) {
            out.append('\n');
        }
    }

    /** The index of the '>' that ends the tag starting at {@code start}, or -1 if none. */
    private static int tagEnd(String html, int start) {
        int n = html.length();
        if (start + 1 >= n) {
            return -1;
        }
        char first = html.charAt(start + 1);
        if (!(Character.isLetter(first) || first == '/' || first == '!' || first == '?')) {
            return -1;
        }
        char quote = 0;
        for (int k = start + 1; k < n; k++) {
            char c = html.charAt(k);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return k;
            }
        }
        return -1;
    }

    private static String tagName(String html, int from, int end) {
        int k = from;
        if (k < end && html.charAt(k) == '/') {
            k++;
        }
        int s = k;
        while (k < end && (Character.isLetterOrDigit(html.charAt(k)))) {
            k++;
        }
        return html.substring(s, k).toLowerCase(Locale.ROOT);
    }

    private static int indexOfIgnoreCase(String s, String what, int from) {
        for (int k = from; k + what.length() <= s.length(); k++) {
            if (s.regionMatches(true, k, what, 0, what.length())) {
                return k;
            }
        }
        return -1;
    }

    private static void appendDecoded(StringBuilder out, String s, int from, int to) {
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int semi = s.indexOf(';', i + 1);
            if (semi < 0 || semi >= to || semi - i > 12) {
                out.append(c);
                i++;
                continue;
            }
            String entity = s.substring(i + 1, semi);
            String decoded = decode(entity);
            if (decoded == null) {
                out.append(c);
                i++;
            } else {
                out.append(decoded);
                i = semi + 1;
            }
        }
    }

    private static String decode(String entity) {
        switch (entity) {
            case "amp":
                return "&";
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "quot":
                return "\"";
            case "apos":
                return "'";
            case "nbsp":
                return " ";
            default:
                break;
        }
        if (entity.length() < 2 || entity.charAt(0) != '#') {
            return null;
        }
        boolean hex = entity.charAt(1) == 'x' || entity.charAt(1) == 'X';
        String digits = entity.substring(hex ? 2 : 1);
        if (digits.isEmpty() || digits.length() > 8) {
            return null;
        }
        for (int k = 0; k < digits.length(); k++) {
            if (Character.digit(digits.charAt(k), hex ? 16 : 10) < 0) {
                return null;
            }
        }
        int cp;
        try {
            cp = Integer.parseInt(digits, hex ? 16 : 10);
        } catch (NumberFormatException e) {
            return null;
        }
        if (cp <= 0 || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return "\uFFFD";
        }
        return new String(Character.toChars(cp));
    }
}
