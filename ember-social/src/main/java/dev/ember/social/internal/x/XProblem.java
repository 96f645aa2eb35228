package dev.ember.social.internal.x;

import dev.ember.social.internal.JsonFields;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One of X's Problem objects, from an error response or an {@code errors} array in the stream:
 * {@code title} (such as {@code operational-disconnect} or {@code ConnectionException}), {@code
 * detail}, {@code type}, and for stream problems {@code disconnect_type} or {@code
 * connection_issue} (such as {@code TooManyConnections}). Any field may be null.
 */
record XProblem(
        String title, String detail, String type, String disconnectType, String connectionIssue) {

    static final String TOO_MANY_CONNECTIONS = "TooManyConnections";
    static final String OPERATIONAL_DISCONNECT = "operational-disconnect";

    static XProblem of(JsonNode node) {
        return new XProblem(
                JsonFields.string(node, "title"),
                JsonFields.string(node, "detail"),
                JsonFields.string(node, "type"),
                JsonFields.string(node, "disconnect_type"),
                JsonFields.string(node, "connection_issue"));
    }

    /** The problems of a response body: its {@code errors} array, or the body itself. */
    static List<XProblem> allOf(JsonNode body) {
        List<XProblem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            return problems;
        }
        for (JsonNode error : JsonFields.array(body, "errors")) {
            if (error.isObject()) {
                problems.add(of(error));
            }
        }
        if (problems.isEmpty() && (body.has("title") || body.has("connection_issue"))) {
            problems.add(of(body));
        }
        return problems;
    }

    boolean isDisconnect() {
        return OPERATIONAL_DISCONNECT.equals(title) || disconnectType != null;
    }

    boolean isTooManyConnections() {
        return TOO_MANY_CONNECTIONS.equals(connectionIssue);
    }

    /** Such as {@code operational-disconnect (UpstreamOperationalDisconnect): detail}. */
    String summary() {
        StringBuilder b = new StringBuilder(title == null ? "error" : title);
        String kind = disconnectType != null ? disconnectType : connectionIssue;
        if (kind != null) {
            b.append(" (").append(kind).append(')');
        }
        if (detail != null && !detail.isBlank()) {
            b.append(": ").append(detail);
        }
        return b.toString();
    }
}
