package dev.ember.sql.internal;

import dev.ember.sql.SqlException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a read-only query may run: exactly one statement, and that statement a {@code
 * SELECT} in DuckDB's own parser's eyes ({@code WITH}, {@code VALUES}, {@code FROM}-first queries,
 * {@code DESCRIBE}, {@code SHOW} and {@code SUMMARIZE} parse as one), or {@code EXPLAIN [ANALYZE]}
 * of such a statement, made only of what {@link ReadOnlyTree} allows.
 *
 * <p>Design note: the decision is DuckDB's parser's, not a regular expression's. {@code
 * json_serialize_sql} parses the text with the same parser that would run it and serializes only
 * {@code SELECT} statements; anything else, and any text that parses to several statements, is
 * refused before it reaches the database, and the serialized tree is checked against allow-lists.
 * The only text Ember reads itself is a leading {@code EXPLAIN} keyword (with the whitespace and
 * comments around it), which {@code json_serialize_sql} does not accept, and a trailing {@code ;}:
 * what follows {@code EXPLAIN} must again be exactly one {@code SELECT}, and the statement that
 * runs is {@code EXPLAIN} rebuilt in front of that checked text, so no reading of comments can
 * differ between the guard and the database. The guard is the first of several walls: the database
 * runs with external access disabled, its memory capped and its configuration locked, so a
 * statement that got past the guard still could not read or write files, load extensions or change
 * settings.
 */
final class ReadOnlyGuard {
    static final String ALLOWED =
            "a single SELECT, WITH, VALUES, FROM, EXPLAIN, DESCRIBE, SHOW or SUMMARIZE statement";

    /** The longest query text read-only mode reads, in characters. */
    static final int MAX_QUERY_LENGTH = 100_000;

    /** The first words of statements the parser serializes when it can. */
    private static final Set<String> QUERY_WORDS = Set.of("SELECT", "WITH", "FROM", "VALUES");

    private static final String CHECK = "SELECT json_serialize_sql(CAST(? AS VARCHAR))";

    private ReadOnlyGuard() {}

    /**
     * What may run for a query.
     *
     * @param statement the statement to run: the query itself, or for {@code EXPLAIN} the keyword
     *     rebuilt in front of the statement that was checked
     * @param explain true when the statement is an {@code EXPLAIN}, whose result cannot be wrapped
     * @param tables the tables the query names, to be checked against those that exist
     */
    record Checked(String statement, boolean explain, List<ReadOnlyTree.TableName> tables) {}

    /**
     * The statement to run for {@code query} when it may run read-only on {@code connection}'s
     * database, with the tables it names.
     *
     * @throws SqlException with reason {@code NOT_ALLOWED} or {@code SYNTAX_ERROR} otherwise
     */
    static Checked check(Connection connection, String query) throws SQLException {
        if (query.length() > MAX_QUERY_LENGTH) {
            throw refused(
                    query,
                    "it is " + query.length() + " characters long, more than " + MAX_QUERY_LENGTH);
        }
        Explain explain = explain(query);
        String body = query.substring(explain.bodyStart());
        String json;
        try (PreparedStatement ps = connection.prepareStatement(CHECK)) {
            ps.setString(1, body);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                json = rs.getString(1);
            }
        }
        Map<?, ?> tree = (Map<?, ?>) JsonTree.parse(json);
        boolean error = Boolean.TRUE.equals(tree.get("error"));
        String errorType = String.valueOf(tree.get("error_type"));
        String errorMessage = String.valueOf(tree.get("error_message"));
        List<?> statements = tree.get("statements") instanceof List<?> list ? list : List.of();
        if (error && "parser".equals(errorType)) {
            throw new SqlException(
                    "SQL syntax error in read-only query \""
                            + SqlErrors.abbreviate(query)
                            + "\": "
                            + errorMessage
                            + "; fix the query",
                    query,
                    SqlException.Reason.SYNTAX_ERROR,
                    null);
        }
        if (error || statements.size() != 1) {
            String what;
            if (statements.size() > 1 || (error && hasSecondStatement(body))) {
                what = "it holds more than one statement";
            } else if (!error && statements.isEmpty()) {
                what = "it is empty";
            } else if (error && QUERY_WORDS.contains(firstWord(body))) {
                what = "it uses syntax that read-only mode cannot check (" + errorMessage + ")";
            } else {
                what = "it is a " + firstWord(body) + " statement";
            }
            throw refused(query, what);
        }
        ReadOnlyTree.Verdict verdict = ReadOnlyTree.check(statements.get(0));
        if (verdict.refusal() != null) {
            throw new SqlException(
                    "read-only query \""
                            + SqlErrors.abbreviate(query)
                            + "\" was refused because it uses "
                            + verdict.refusal()
                            + ", which read-only mode does not allow: it allows only the"
                            + " functions, table functions and views that cannot reveal settings"
                            + " or files, write, or make a result far larger than the query (see"
                            + " docs/sql.md); run anything else from the program itself",
                    query,
                    SqlException.Reason.NOT_ALLOWED,
                    null);
        }
        String checkedBody = body.substring(0, firstStatementEnd(body));
        String statement =
                explain.bodyStart() == 0
                        ? checkedBody
                        : (explain.analyze() ? "EXPLAIN ANALYZE " : "EXPLAIN ") + checkedBody;
        return new Checked(statement, explain.bodyStart() > 0, verdict.tables());
    }

    private static SqlException refused(String query, String what) {
        return new SqlException(
                "read-only query \""
                        + SqlErrors.abbreviate(query)
                        + "\" was refused because "
                        + what
                        + ": read-only mode runs "
                        + ALLOWED
                        + ", which cannot change data, files or settings; run anything else"
                        + " from the program itself",
                query,
                SqlException.Reason.NOT_ALLOWED,
                null);
    }

    /**
     * Where the statement after a leading {@code EXPLAIN} starts.
     *
     * @param bodyStart the index after {@code EXPLAIN} or {@code EXPLAIN ANALYZE} and the blanks
     *     and comments around them; 0 when the query does not start with {@code EXPLAIN}
     * @param analyze true for {@code EXPLAIN ANALYZE}
     */
    record Explain(int bodyStart, boolean analyze) {}

    static Explain explain(String query) {
        int end = keywordEnd(query, skipBlanks(query, 0), "EXPLAIN");
        if (end < 0) {
            return new Explain(0, false);
        }
        int next = skipBlanks(query, end);
        int analyze = keywordEnd(query, next, "ANALYZE");
        return analyze < 0
                ? new Explain(next, false)
                : new Explain(skipBlanks(query, analyze), true);
    }

    private static int keywordEnd(String text, int start, String keyword) {
        int end = start + keyword.length();
        if (end > text.length() || !text.regionMatches(true, start, keyword, 0, keyword.length())) {
            return -1;
        }
        if (end < text.length() && isWordChar(text.charAt(end))) {
            return -1;
        }
        return end;
    }

    /** Skips whitespace, {@code --} line comments and (nested) block comments. */
    static int skipBlanks(String text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("--", i)) {
                int eol = text.indexOf('\n', i);
                i = eol < 0 ? text.length() : eol + 1;
            } else if (text.startsWith("/*", i)) {
                int depth = 1;
                i += 2;
                while (i < text.length() && depth > 0) {
                    if (text.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (text.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                    } else {
                        i++;
                    }
                }
            } else {
                break;
            }
        }
        return i;
    }

    /**
     * True when a {@code ;} outside quotes and comments is followed by more than blanks: only used
     * to word a refusal, never to decide one.
     */
    static boolean hasSecondStatement(String text) {
        int i = 0;
        while (i < text.length()) {
            int skipped = skipBlanks(text, i);
            if (skipped != i) {
                i = skipped;
                continue;
            }
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int close = text.indexOf(c, i + 1);
                while (close >= 0 && close + 1 < text.length() && text.charAt(close + 1) == c) {
                    close = text.indexOf(c, close + 2);
                }
                i = close < 0 ? text.length() : close + 1;
            } else if (c == ';') {
                return skipBlanks(text, i + 1) < text.length() || text.indexOf(';', i + 1) >= 0;
            } else {
                i++;
            }
        }
        return false;
    }

    /**
     * Where the first statement of {@code text} ends: at its first {@code ;} outside quotes and
     * comments, or at the end. Used only on text the parser read as exactly one statement, so what
     * follows is blanks, comments and semicolons; should a quoting form this scan does not know
     * hide a {@code ;}, the cut leaves a quote open and the statement fails to parse, so the cut
     * can never yield another statement.
     */
    static int firstStatementEnd(String text) {
        int i = 0;
        while (i < text.length()) {
            int skipped = skipBlanks(text, i);
            if (skipped != i) {
                i = skipped;
                continue;
            }
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int close = text.indexOf(c, i + 1);
                while (close >= 0 && close + 1 < text.length() && text.charAt(close + 1) == c) {
                    close = text.indexOf(c, close + 2);
                }
                i = close < 0 ? text.length() : close + 1;
            } else if (c == ';') {
                return i;
            } else {
                i++;
            }
        }
        return text.length();
    }

    static String firstWord(String text) {
        int start = skipBlanks(text, 0);
        int end = start;
        while (end < text.length() && isWordChar(text.charAt(end))) {
            end++;
        }
        return end == start ? "non-SELECT" : text.substring(start, end).toUpperCase(Locale.ROOT);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
