package dev.ember.social.internal;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/*
 * Counts the messages a source skipped as malformed and logs each kind of problem once, with
 * where it happened and a short sample, so a stream of bad input neither floods the log nor goes
 * unnoticed. Thread-safe: Mastodon's connection threads share one.
 */
public final class SkipLog {
    static final int SAMPLE_CHARS = 160;

    private final Logger log;
    private final String source;
    private final AtomicLong count = new AtomicLong();
    private final Set<String> loggedKinds = ConcurrentHashMap.newKeySet();

    public SkipLog(Logger log, String source) {
        this.log = Objects.requireNonNull(log, "log");
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * Counts one skipped message; logs it when {@code kind} (such as "not JSON") is new.
     *
     * @param position what and where, such as "line 17 of posts.jsonl" or "message 5 of connection
     *     2"
     * @param sample the message, shortened here
     */
    public void skip(String kind, String position, String sample) {
        long n = count.incrementAndGet();
        if (loggedKinds.add(kind)) {
            log.warn(
                    "{}: skipped {} ({}): {}; further input skipped for this reason is counted"
                            + " ({} skipped so far) but not logged",
                    source,
                    position,
                    kind,
                    sample(sample),
                    n);
        }
    }

    public long count() {
        return count.get();
    }

    /** The first characters of {@code text} on one line, control characters escaped. */
    public static String sample(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(Math.min(text.length(), SAMPLE_CHARS) + 8);
        b.append('\'');
        int n = Math.min(text.length(), SAMPLE_CHARS);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('\'');
        if (text.length() > n) {
            b.append("... (").append(text.length()).append(" chars)");
        }
        return b.toString();
    }
}
