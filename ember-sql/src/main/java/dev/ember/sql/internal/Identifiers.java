package dev.ember.sql.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names that go into SQL text. Every name Ember splices into a statement is quoted here (a double
 * quote inside doubled), and view names must also be plain identifiers, so that a name is never
 * read as SQL and the names people type in queries need no quotes.
 */
public final class Identifiers {
    /** The longest view or history table name accepted. */
    public static final int MAX_NAME_LENGTH = 128;

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Identifiers() {}

    /**
     * Returns {@code name} when it is a valid view name: letters, digits and underscores, not
     * starting with a digit, at most {@value #MAX_NAME_LENGTH} characters.
     *
     * @param what what the name is for, such as {@code "view"} or {@code "history table"}
     * @throws IllegalArgumentException naming the rule and the name otherwise
     */
    public static String requirePlainName(String name, String what) {
        Objects.requireNonNull(name, what + " name");
        if (name.length() > MAX_NAME_LENGTH || !PLAIN.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    what
                            + " name '"
                            + printable(name)
                            + "' is not valid: use letters, digits and underscores, not starting"
                            + " with a digit, at most "
                            + MAX_NAME_LENGTH
                            + " characters (such as tweets_top10)");
        }
        return name;
    }

    /**
     * Returns {@code name} when it can name a column: not empty, not blank, without control
     * characters.
     *
     * @throws IllegalArgumentException naming the rule and the name otherwise
     */
    public static String requireColumnName(String name) {
        Objects.requireNonNull(name, "column name");
        boolean control = name.chars().anyMatch(Character::isISOControl);
        if (name.isBlank() || control) {
            throw new IllegalArgumentException(
                    "column name '"
                            + printable(name)
                            + "' is not valid: give a name that is not blank and has no control"
                            + " characters");
        }
        return name;
    }

    /** {@code name} as a quoted SQL identifier. */
    public static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** {@code text} as a SQL string literal. */
    public static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }

    /** {@code text} with control characters escaped, for messages. */
    static String printable(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
