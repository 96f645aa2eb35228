package dev.ember.ui.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * Decides who may read the dashboard.
 *
 * <p>With a token, every request must carry it: as {@code Authorization: Bearer <token>}, as the
 * query parameter {@code token} (a page opened that way gets it as a cookie, so its own requests
 * and its event stream carry it), or as that cookie. Tokens are compared in constant time.
 *
 * <p>Bound to a loopback address, the dashboard also refuses requests whose {@code Host} is not a
 * name of this machine's loopback, so that a web page cannot reach it through a DNS name rebound to
 * 127.0.0.1.
 */
final class AccessGate {
    /** What a request may do. */
    enum Access {
        /** Carries the token in a header or cookie, or no token is needed. */
        GRANTED,
        /** Carries the token in its query: grant, and hand the token over as a cookie. */
        GRANTED_BY_QUERY,
        /** Lacks the token or carries a wrong one. */
        UNAUTHORIZED
    }

    private final byte[] token;
    private final boolean loopback;
    private final String cookieName;

    AccessGate(String token, boolean loopback, int port) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.loopback = loopback;
        // Cookies do not tell ports apart: each dashboard on a host has a cookie of its own.
        this.cookieName = "ember_ui_token_" + port;
    }

    String cookieName() {
        return cookieName;
    }

    boolean hasToken() {
        return token != null;
    }

    /** False for a loopback dashboard reached through a name that is not loopback. */
    boolean hostAllowed(Request request) {
        if (!loopback) {
            return true;
        }
        String host = Request.getServerName(request);
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        if (!name.matches("[0-9.]+|[0-9a-f:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    Access check(Request request) {
        if (token == null) {
            return Access.GRANTED;
        }
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return matches(header.substring(7).trim()) ? Access.GRANTED : Access.UNAUTHORIZED;
        }
        Fields query = Request.extractQueryParameters(request);
        Fields.Field inQuery = query.get("token");
        if (inQuery != null) {
            return matches(inQuery.getValue()) ? Access.GRANTED_BY_QUERY : Access.UNAUTHORIZED;
        }
        for (HttpCookie cookie : Request.getCookies(request)) {
            if (cookie.getName().equals(cookieName) && matches(cookie.getValue())) {
                return Access.GRANTED;
            }
        }
        return Access.UNAUTHORIZED;
    }

    private boolean matches(String candidate) {
        return candidate != null
                && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }
}
