package dev.ember.bench.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** A child run's parameters, given as {@code key=value} arguments. */
final class Params {
    private final Map<String, String> values;

    Params(Map<String, String> values) {
        this.values = values;
    }

    static Params parse(String[] args, int from) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = from; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(
                        "child argument '" + args[i] + "' is not of the form key=value");
            }
            values.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        return new Params(values);
    }

    void forEach(java.util.function.BiConsumer<String, String> action) {
        values.forEach(action);
    }

    String get(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("child run needs the parameter " + key);
        }
        return v;
    }

    String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    long longValue(String key) {
        return Long.parseLong(get(key));
    }

    long longValue(String key, long fallback) {
        String v = values.get(key);
        return v == null ? fallback : Long.parseLong(v);
    }

    int intValue(String key) {
        return Integer.parseInt(get(key));
    }

    int intValue(String key, int fallback) {
        String v = values.get(key);
        return v == null ? fallback : Integer.parseInt(v);
    }
}
