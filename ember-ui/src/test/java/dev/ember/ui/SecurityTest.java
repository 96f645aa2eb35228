package dev.ember.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may read the dashboard and what a browser may make it do, over real loopback HTTP: the token
 * on every path (the event stream included), the refusal of non-loopback binds without one,
 * read-only SQL, the security headers on every kind of answer, and the DNS-rebinding guard.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityTest {
    private static final String TOKEN = "s3cret-token_0123456789";
    private static final List<String> PATHS =
            List.of(
                    "/",
                    "/streaming",
                    "/sql",
                    "/assets/common.js",
                    "/api/batches",
                    "/api/streaming",
                    "/api/windows",
                    "/api/windows/latest",
                    "/api/views",
                    "/api/sql?q=SELECT%201",
                    "/api/events",
                    "/metrics");

    private HashtagPipeline pipeline;
    private URI base;

    @BeforeAll
    void start() {
        pipeline = HashtagPipeline.create(UiOptions.builder().token(TOKEN), 3);
        pipeline.driver.start();
        pipeline.batch(List.of("#messi #goal"));
        base = URI.create("http://127.0.0.1:" + pipeline.ui.port() + "/");
    }

    @AfterAll
    void stop() {
        pipeline.close();
    }

    @Test
    void refusesToListenBeyondLoopbackWithoutAToken() {
        try (StreamingContext ssc =
                new StreamingContext("local[2]", "exposed", Durations.seconds(1))) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> EmberUi.start(ssc, UiOptions.builder().host("0.0.0.0").build()));
            assertEquals(
                    "the dashboard of 'exposed' would listen on 0.0.0.0, which is not loopback,"
                            + " without a token, so anyone who reaches this machine could read it;"
                            + " set one with UiOptions.builder().token(EmberUi.newToken()), or"
                            + " listen on 127.0.0.1",
                    e.getMessage());
        }
    }

    @Test
    void theUrlCarriesTheToken() {
        assertEquals(
                "http://127.0.0.1:" + pipeline.ui.port() + "/?token=" + TOKEN,
                pipeline.ui.url().toString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/streaming",
                "/sql",
                "/assets/common.js",
                "/api/batches",
                "/api/streaming",
                "/api/windows",
                "/api/windows/latest",
                "/api/views",
                "/api/sql?q=SELECT%201",
                "/api/events",
                "/metrics",
                "/nothing"
            })
    void everyPathWithoutTheTokenGets401(String path) throws Exception {
        HttpResponse<String> response = Http.get(base, path);
        assertEquals(401, response.statusCode());
        assertEquals(
                "Bearer realm=\"ember\"",
                response.headers().firstValue("www-authenticate").orElseThrow());
        assertEquals(
                "this dashboard needs its token: open the URL it printed at start (with"
                        + " ?token=...), or send 'Authorization: Bearer <token>'",
                Http.json(response.body()).get("error").stringValue());
        assertSecurityHeaders(response);
    }

    @Test
    void aWrongTokenGets401InEveryForm() throws Exception {
        String wrong = "wrong-token_0123456789x";
        for (String path : PATHS) {
            String sep = path.contains("?") ? "&" : "?";
            assertEquals(
                    401,
                    Http.get(base, path, "Authorization", "Bearer " + wrong).statusCode(),
                    path);
            assertEquals(401, Http.get(base, path + sep + "token=" + wrong).statusCode(), path);
            assertEquals(
                    401,
                    Http.get(
                                    base,
                                    path,
                                    "Cookie",
                                    "ember_ui_token_" + pipeline.ui.port() + "=" + wrong)
                            .statusCode(),
                    path);
        }
    }

    @Test
    void theRightTokenOpensEveryPathAndTheEventStream() throws Exception {
        for (String path : PATHS) {
            if (path.equals("/api/events")) {
                continue;
            }
            HttpResponse<String> response =
                    Http.get(base, path, "Authorization", "Bearer " + TOKEN);
            assertEquals(200, response.statusCode(), path + ": " + response.body());
        }
        // Returns once the stream has answered 200 and sent its opening comment.
        EventStream.open(pipeline.ui.url()).close();
        HttpResponse<String> refused = Http.get(base, "/api/events?token=nope-nope-nope-nope");
        assertEquals(401, refused.statusCode());
    }

    @Test
    void aPageOpenedWithTheTokenTradesItForAStrictCookieAndDropsItFromTheAddress()
            throws Exception {
        HttpResponse<String> response = Http.get(base, "/streaming?token=" + TOKEN);
        assertEquals(303, response.statusCode());
        assertEquals(
                "/streaming",
                URI.create(response.headers().firstValue("location").orElseThrow()).getPath());
        String cookie = response.headers().firstValue("set-cookie").orElseThrow();
        assertEquals(
                "ember_ui_token_"
                        + pipeline.ui.port()
                        + "="
                        + TOKEN
                        + "; Path=/; HttpOnly;"
                        + " SameSite=Strict",
                cookie);
        HttpResponse<String> withCookie =
                Http.get(base, "/api/batches", "Cookie", cookie.substring(0, cookie.indexOf(';')));
        assertEquals(200, withCookie.statusCode());
    }

    private HttpResponse<String> sql(String query) throws Exception {
        return Http.get(
                base,
                "/api/sql?q=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8),
                "Authorization",
                "Bearer " + TOKEN);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "DROP VIEW tweetsmessi",
                "CREATE TABLE stolen AS SELECT * FROM tweetsmessi",
                "INSERT INTO tweetsmessi VALUES ('#x', 1)",
                "COPY tweetsmessi TO '/tmp/ember-ui-stolen.csv'",
                "ATTACH '/tmp/ember-ui-other.duckdb' AS other",
                "SET enable_external_access = true",
                "SELECT 1; DROP VIEW tweetsmessi",
                "INSTALL httpfs"
            })
    void writesAndSettingsAreRefusedThroughTheApi(String query) throws Exception {
        HttpResponse<String> response = sql(query);
        assertEquals(403, response.statusCode(), response.body());
        assertEquals("NOT_ALLOWED", Http.json(response.body()).get("reason").stringValue());
        assertEquals(200, sql("SELECT count(*) FROM tweetsmessi").statusCode());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT * FROM read_csv('/etc/passwd')",
                "SELECT * FROM read_text('/etc/passwd')",
                "SELECT * FROM read_parquet('/etc/passwd')",
                "SELECT * FROM glob('/etc/*')"
            })
    void fileReadingQueriesAreRefused(String query) throws Exception {
        HttpResponse<String> response = sql(query);
        assertEquals(403, response.statusCode(), response.body());
        assertEquals("NOT_ALLOWED", Http.json(response.body()).get("reason").stringValue());
        assertFalse(response.body().contains("root:"), response.body());
    }

    @Test
    void aFileNamedAsATableIsNotRead() throws Exception {
        HttpResponse<String> response = sql("SELECT * FROM '/etc/passwd'");
        assertEquals(400, response.statusCode() / 100 * 100, response.body());
        assertFalse(response.body().contains("root:"), response.body());
    }

    @Test
    void onlyGetIsAnswered() throws Exception {
        HttpResponse<String> response =
                Http.send(
                        HttpRequest.newBuilder(base.resolve("/api/sql?q=SELECT%201"))
                                .header("Authorization", "Bearer " + TOKEN)
                                .POST(HttpRequest.BodyPublishers.ofString("q=DROP VIEW x"))
                                .build());
        assertEquals(405, response.statusCode());
        assertEquals("GET", response.headers().firstValue("allow").orElseThrow());
        assertSecurityHeaders(response);
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeadersAndNoCors() throws Exception {
        for (String path :
                List.of("/", "/assets/echarts.min.js", "/api/batches", "/metrics", "/x")) {
            HttpResponse<String> response =
                    Http.get(
                            base,
                            path,
                            "Authorization",
                            "Bearer " + TOKEN,
                            "Origin",
                            "http://evil.example");
            assertSecurityHeaders(response);
            assertTrue(
                    response.headers().firstValue("access-control-allow-origin").isEmpty(), path);
        }
    }

    @Test
    void aLoopbackDashboardRefusesHostNamesThatAreNotLoopback() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", pipeline.ui.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("GET /api/batches HTTP/1.1\r\nHost: rebound.evil.example\r\nAuthorization:"
                                    + " Bearer "
                                    + TOKEN
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("HTTP/1.1 403 Forbidden", in.readLine());
        }
        assertEquals(
                200,
                Http.get(
                                URI.create("http://localhost:" + pipeline.ui.port() + "/"),
                                "/api/batches",
                                "Authorization",
                                "Bearer " + TOKEN)
                        .statusCode());
    }

    static void assertSecurityHeaders(HttpResponse<?> response) {
        assertEquals(
                "default-src 'none'; script-src 'self'; style-src 'self'; style-src-attr"
                        + " 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri"
                        + " 'none'; form-action 'none'; frame-ancestors 'none'",
                response.headers().firstValue("content-security-policy").orElseThrow());
        assertEquals(
                "nosniff", response.headers().firstValue("x-content-type-options").orElseThrow());
        assertEquals("DENY", response.headers().firstValue("x-frame-options").orElseThrow());
        assertEquals("no-referrer", response.headers().firstValue("referrer-policy").orElseThrow());
    }
}
