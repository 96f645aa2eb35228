package dev.ember.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UiOptionsTest {
    @Test
    void defaultsToLoopbackOnSparksPortWithoutTokenTopOrSql() {
        UiOptions options = UiOptions.builder().build();
        assertEquals("127.0.0.1", options.host());
        assertEquals(4040, options.port());
        assertNull(options.token());
        assertNull(options.topStream());
        assertNull(options.sql());
        assertEquals(4L << 20, options.historyBytes());
        assertEquals(
                "UiOptions[host=127.0.0.1, port=4040, token=none, top=none, sql=none,"
                        + " historyBytes=4194304]",
                options.toString());
    }

    @Test
    void eachSettingMayBeSetOnce() {
        UiOptions.Builder builder = UiOptions.builder().port(4041);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> builder.port(5));
        assertEquals("port was already set to 4041; set it once", e.getMessage());
        builder.token("0123456789abcdef");
        e = assertThrows(IllegalStateException.class, () -> builder.token("0123456789abcdefg"));
        assertEquals("token was already set to a token; set it once", e.getMessage());
    }

    @Test
    void rejectsPortsOutOfRange() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> UiOptions.builder().port(70000));
        assertEquals(
                "dashboard port must be between 0 and 65535, got 70000; use 4040, or 0 for any"
                        + " free port",
                e.getMessage());
    }

    @Test
    void rejectsShortOrOddTokensWithoutQuotingThem() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> UiOptions.builder().token("abc"));
        assertEquals(
                "dashboard token must be 16 to 256 letters, digits, '-' or '_', got one of 3"
                        + " characters; use a long random one, such as EmberUi.newToken()",
                e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> UiOptions.builder().token("0123456789abcdef?&"));
        assertEquals(
                "dashboard token must be 16 to 256 letters, digits, '-' or '_', got one of 18"
                        + " characters with others; use a long random one, such as"
                        + " EmberUi.newToken()",
                e.getMessage());
    }

    @Test
    void newTokensAreLongRandomAndAccepted() {
        String a = EmberUi.newToken();
        String b = EmberUi.newToken();
        assertEquals(32, a.length());
        assertEquals(false, a.equals(b));
        assertEquals(a, UiOptions.builder().token(a).build().token());
    }

    @Test
    void rejectsAHistoryBudgetBelow64KiB() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> UiOptions.builder().historyBytes(1000));
        assertEquals(
                "dashboard history must be at least 65536 bytes, got 1000; use for example"
                        + " 4194304",
                e.getMessage());
    }
}
