package dev.ember.social.internal.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StreamingHostTest {

    @Test
    void takesTheHttpBaseOfAStreamingUrl() {
        assertEquals(
                "https://streaming.example.social",
                StreamingHost.httpBase("wss://streaming.example.social").toString());
        assertEquals(
                "http://127.0.0.1:8080",
                StreamingHost.httpBase("ws://127.0.0.1:8080/api/v1/streaming").toString());
        assertEquals(null, StreamingHost.httpBase("ftp://x"));
        assertEquals(null, StreamingHost.httpBase(""));
    }
}
