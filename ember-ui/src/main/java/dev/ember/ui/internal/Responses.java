package dev.ember.ui.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes whole responses: JSON, errors as JSON, and static bytes. */
final class Responses {
    static final String JSON = "application/json; charset=utf-8";

    private Responses() {}

    static void json(Response response, Callback callback, int status, String json) {
        bytes(response, callback, status, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code {"error": message}} with {@code status}. */
    static void error(Response response, Callback callback, int status, String message) {
        json(response, callback, status, ApiJson.error(message, null));
    }

    static void bytes(
            Response response, Callback callback, int status, String contentType, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
