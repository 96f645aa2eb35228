package dev.ember.social.internal.x;

import dev.ember.social.internal.JsonFields;
import dev.ember.social.internal.SkipLog;
import java.net.http.HttpHeaders;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** X answered a request with an HTTP error: the status, X's problem and the rate-limit reset. */
final class XHttpException extends Exception {
    private static final long serialVersionUID = 1L;

    final int status;
    final String what;
    final transient XProblem problem; // null when the body said nothing usable
    final long resetEpochSecond; // -1 when absent

    XHttpException(int status, String what, HttpHeaders headers, String body) {
        super(what + " answered HTTP " + status);
        this.status = status;
        this.what = what;
        this.problem = problemOf(body);
        this.resetEpochSecond =
                headers.firstValue("x-rate-limit-reset").map(XHttpException::parseLong).orElse(-1L);
    }

    boolean isTooManyConnections() {
        return problem != null && problem.isTooManyConnections();
    }

    /** Such as {@code HTTP 429 ConnectionException (TooManyConnections): detail}. */
    String summary() {
        return "HTTP " + status + (problem == null ? "" : " " + problem.summary());
    }

    private static XProblem problemOf(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JsonFields.MAPPER.readTree(body);
            List<XProblem> problems = XProblem.allOf(node);
            if (!problems.isEmpty()) {
                return problems.get(0);
            }
        } catch (JacksonException e) {
            // not JSON: show the start of it
        }
        return new XProblem(null, SkipLog.sample(body.strip()), null, null, null);
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
