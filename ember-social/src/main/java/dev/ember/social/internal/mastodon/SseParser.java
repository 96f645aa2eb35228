package dev.ember.social.internal.mastodon;

/*
 * Server-sent events from lines, as the HTML standard's event-stream interpretation says: a line
 * "field: value" (one space after the colon dropped) sets event or appends to data (several data
 * lines join with \n); id and retry are read and ignored; a line starting with ':' is a comment
 * (Mastodon's ":thump" heartbeat); a blank line dispatches the event, unless no data came, and
 * resets the type to "message". Lines arrive without their terminators (HttpLines splits them).
 * Not thread-safe: one per connection.
 */
final class SseParser {
    record Event(String type, String data) {}

    private String type = "";
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;

    /** Feeds one line; returns the event it completes, or null. */
    Event line(String line) {
        if (line.isEmpty()) {
            if (!hasData) {
                type = "";
                return null;
            }
            Event event = new Event(type.isEmpty() ? "message" : type, data.toString());
            type = "";
            data.setLength(0);
            hasData = false;
            return event;
        }
        if (line.charAt(0) == ':') {
            return null;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = "";
        if (colon >= 0) {
            int start = colon + 1;
            if (start < line.length() && line.charAt(start) == ' ') {
                start++;
            }
            value = line.substring(start);
        }
        switch (field) {
            case "event" -> type = value;
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            default -> {}
        }
        return null;
    }

    /** True when the line is a comment, such as the ":thump" heartbeat. */
    static boolean isComment(String line) {
        return !line.isEmpty() && line.charAt(0) == ':';
    }
}
