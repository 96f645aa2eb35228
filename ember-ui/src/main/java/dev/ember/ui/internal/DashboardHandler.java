package dev.ember.ui.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * Every request of the dashboard: security headers on every response, the access checks, then the
 * pages, their assets, the JSON API, the event stream and the metrics.
 *
 * <p>Only {@code GET}: nothing a browser sends can change the program. No CORS headers, so other
 * origins cannot read the answers; the Content-Security-Policy lets pages load scripts, styles and
 * data from the dashboard itself and nothing else. The one exception is style attributes, which
 * ECharts sets on the SVG it draws: they cannot run code, and style elements stay forbidden.
 */
final class DashboardHandler extends Handler.Abstract {
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; script-src 'self'; style-src 'self';"
                    + " style-src-attr 'unsafe-inline'; img-src 'self' data:; connect-src 'self';"
                    + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final AccessGate gate;
    private final StaticAssets assets;
    private final StreamingModel model;
    private final TopSettings top;
    private final SqlEndpoint sql;
    private final EventHub hub;
    private final DashboardMetrics metrics;

    DashboardHandler(
            AccessGate gate,
            StaticAssets assets,
            StreamingModel model,
            TopSettings top,
            SqlEndpoint sql,
            EventHub hub,
            DashboardMetrics metrics) {
        this.gate = gate;
        this.assets = assets;
        this.model = model;
        this.top = top;
        this.sql = sql;
        this.hub = hub;
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        headers.put("Cross-Origin-Resource-Policy", "same-origin");
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");

        if (!gate.hostAllowed(request)) {
            Responses.error(
                    response,
                    callback,
                    HttpStatus.FORBIDDEN_403,
                    "the dashboard listens on loopback and answers only requests to localhost or a"
                            + " loopback address, not to '"
                            + Request.getServerName(request)
                            + "'");
            return true;
        }
        if (!HttpMethod.GET.is(request.getMethod())) {
            headers.put(HttpHeader.ALLOW, "GET");
            Responses.error(
                    response,
                    callback,
                    HttpStatus.METHOD_NOT_ALLOWED_405,
                    "the dashboard only answers GET, not " + request.getMethod());
            return true;
        }
        AccessGate.Access access = gate.check(request);
        if (access == AccessGate.Access.UNAUTHORIZED) {
            headers.put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"ember\"");
            Responses.error(
                    response,
                    callback,
                    HttpStatus.UNAUTHORIZED_401,
                    "this dashboard needs its token: open the URL it printed at start (with"
                            + " ?token=...), or send 'Authorization: Bearer <token>'");
            return true;
        }
        String path = Request.getPathInContext(request);
        StaticAssets.Asset page = page(path);
        if (page != null && access == AccessGate.Access.GRANTED_BY_QUERY) {
            // Hand the token over as a cookie and drop it from the address bar and history.
            Response.addCookie(
                    response,
                    HttpCookie.build(
                                    gate.cookieName(),
                                    Request.extractQueryParameters(request).getValue("token"))
                            .path("/")
                            .httpOnly(true)
                            .sameSite(HttpCookie.SameSite.STRICT)
                            .build());
            Response.sendRedirect(
                    request, response, callback, HttpStatus.SEE_OTHER_303, path, true);
            return true;
        }
        if (page != null) {
            Responses.bytes(response, callback, HttpStatus.OK_200, page.contentType(), page.body());
            return true;
        }
        route(path, request, response, callback);
        return true;
    }

    private StaticAssets.Asset page(String path) {
        return switch (path) {
            case "/" -> assets.page("index.html");
            case "/streaming" -> assets.page("streaming.html");
            case "/sql" -> assets.page("sql.html");
            default -> null;
        };
    }

    private void route(String path, Request request, Response response, Callback callback) {
        switch (path) {
            case "/api/events" -> hub.open(request, response, callback);
            case "/api/batches" ->
                    json(
                            response,
                            callback,
                            ApiJson.batches(
                                    model.batchDurationMillis(),
                                    model.summary().completedBatches(),
                                    model.batches()));
            case "/api/streaming" -> json(response, callback, ApiJson.streaming(model.summary()));
            case "/api/top" -> json(response, callback, ApiJson.topSettings(top));
            case "/api/windows" -> windows(response, callback);
            case "/api/windows/latest" -> latestWindow(response, callback);
            case "/api/views" -> answer(response, callback, sql.views());
            case "/api/sql" -> {
                Fields query = Request.extractQueryParameters(request);
                answer(response, callback, sql.query(query.getValue("q")));
            }
            case "/metrics" -> metrics(response, callback);
            default -> {
                if (path.startsWith("/assets/")) {
                    StaticAssets.Asset asset = assets.asset(path.substring("/assets/".length()));
                    if (asset != null) {
                        Responses.bytes(
                                response,
                                callback,
                                HttpStatus.OK_200,
                                asset.contentType(),
                                asset.body());
                        return;
                    }
                }
                Responses.error(
                        response,
                        callback,
                        HttpStatus.NOT_FOUND_404,
                        "no page or API at '"
                                + path
                                + "'; the pages are /, /streaming and /sql, the API is under"
                                + " /api/ and the metrics at /metrics");
            }
        }
    }

    private void windows(Response response, Callback callback) {
        if (top == null) {
            noTop(response, callback);
            return;
        }
        json(response, callback, ApiJson.windows(top, model.windows()));
    }

    private void latestWindow(Response response, Callback callback) {
        if (top == null) {
            noTop(response, callback);
            return;
        }
        WindowRow latest = model.latestWindow();
        if (latest == null) {
            Responses.error(
                    response,
                    callback,
                    HttpStatus.NOT_FOUND_404,
                    "stream '"
                            + top.stream()
                            + "' has emitted no window yet; the first comes at the end of its"
                            + " first slide");
            return;
        }
        json(response, callback, ApiJson.latestWindow(top, latest));
    }

    private static void noTop(Response response, Callback callback) {
        Responses.error(
                response,
                callback,
                HttpStatus.NOT_FOUND_404,
                "this program's dashboard follows no stream of counts: start it with"
                        + " UiOptions.builder().topN(counts, 10)");
    }

    private void metrics(Response response, Callback callback) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            metrics.write(out);
        } catch (IOException e) {
            Responses.error(
                    response,
                    callback,
                    HttpStatus.INTERNAL_SERVER_ERROR_500,
                    "could not write the metrics: " + e.getMessage());
            return;
        }
        Responses.bytes(
                response, callback, HttpStatus.OK_200, metrics.contentType(), out.toByteArray());
    }

    private static void json(Response response, Callback callback, String json) {
        Responses.json(response, callback, HttpStatus.OK_200, json);
    }

    private static void answer(Response response, Callback callback, SqlEndpoint.Answer answer) {
        Responses.json(response, callback, answer.status(), answer.json());
    }
}
