package dev.ember.bench.internal;

import java.io.PrintStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The line protocol between a child JVM and the harness: one message per stdout line, {@code TYPE
 * key=value key=value ...}, values without spaces. Other stdout lines are not messages.
 *
 * <ul>
 *   <li>{@code BATCH t=<batch ms> end=<wall ms> words=<n>}: a batch's output completed.
 *   <li>{@code FIRST end=<wall ms>}: the first batch with data completed.
 *   <li>{@code LAT t=<batch ms> out=<wall us> marks=<us>,<us>,...}: the send times of the timestamp
 *       markers seen in a batch, and when the batch's output completed.
 *   <li>{@code SPARK t= proc= sched= records=}: Spark's own figures for a batch (cross-check).
 *   <li>{@code RESULT ...}, {@code INFO ...}: a final result, or something to log.
 *   <li>{@code UNSUPPORTED reason=...}, {@code ERROR msg=...}: the run could not be done.
 * </ul>
 */
public final class Protocol {
    /** Message types. */
    static final String BATCH = "BATCH";

    static final String FIRST = "FIRST";
    static final String LAT = "LAT";
    static final String SPARK = "SPARK";
    static final String RESULT = "RESULT";
    static final String INFO = "INFO";
    static final String UNSUPPORTED = "UNSUPPORTED";
    static final String ERROR = "ERROR";

    private static final PrintStream OUT = System.out;

    private Protocol() {}

    /** Writes one message: {@code type} then the key-value pairs, flushed at once. */
    public static void emit(String type, Object... keyValues) {
        StringBuilder sb = new StringBuilder(type);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            sb.append(' ').append(keyValues[i]).append('=').append(clean(keyValues[i + 1]));
        }
        synchronized (OUT) {
            OUT.println(sb);
            OUT.flush();
        }
    }

    /** Values are URL-encoded when they hold anything but plain characters. */
    private static String clean(Object value) {
        String s = String.valueOf(value);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == '%' || c == '+' || c > '~') {
                return URLEncoder.encode(s, StandardCharsets.UTF_8);
            }
        }
        return s;
    }

    /** A parsed message. */
    record Message(String type, Map<String, String> fields, long receivedNanos) {
        String get(String key) {
            return fields.get(key);
        }

        long longValue(String key) {
            String v = fields.get(key);
            if (v == null) {
                throw new IllegalArgumentException("message " + type + " has no field " + key);
            }
            return Long.parseLong(v);
        }

        double doubleValue(String key) {
            String v = fields.get(key);
            if (v == null) {
                throw new IllegalArgumentException("message " + type + " has no field " + key);
            }
            return Double.parseDouble(v);
        }
    }

    /** The message on {@code line}, or null when the line is not one. */
    static Message parse(String line, long receivedNanos) {
        int sp = line.indexOf(' ');
        String type = sp < 0 ? line : line.substring(0, sp);
        switch (type) {
            case BATCH, FIRST, LAT, SPARK, RESULT, INFO, UNSUPPORTED, ERROR -> {}
            default -> {
                return null;
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        if (sp >= 0) {
            for (String part : line.substring(sp + 1).split(" ")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    String v = part.substring(eq + 1);
                    if (v.indexOf('%') >= 0 || v.indexOf('+') >= 0) {
                        v = URLDecoder.decode(v, StandardCharsets.UTF_8);
                    }
                    fields.put(part.substring(0, eq), v);
                }
            }
        }
        return new Message(type, Collections.unmodifiableMap(fields), receivedNanos);
    }
}
