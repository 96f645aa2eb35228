package dev.ember.social.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lenient reading of the JSON the sources receive: one shared mapper, and accessors that answer
 * {@code null} instead of failing when a field is missing or of another type, because servers add
 * and drop optional fields and a post without a language is still a post. Unknown fields are never
 * an error: the parsers read trees and look only at the fields they need.
 */
public final class JsonFields {
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonFields() {}

    /** The string value of {@code field}, or null when absent, null or not a string. */
    public static String string(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    /** Like {@link #string} but also accepts a number (ids are sometimes numbers). */
    public static String id(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (value.isString()) {
            return value.stringValue();
        }
        return value.isIntegralNumber() ? value.asString() : null;
    }

    /** The object at {@code field}, or null when absent or not an object. */
    public static JsonNode object(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value != null && value.isObject() ? value : null;
    }

    /** The elements of the array at {@code field}, or an empty list. */
    public static List<JsonNode> array(JsonNode node, String field) {
        if (node == null) {
            return List.of();
        }
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            return List.of();
        }
        List<JsonNode> elements = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            elements.add(element);
        }
        return elements;
    }

    /** The string elements of the array at {@code field}, others skipped. */
    public static List<String> strings(JsonNode node, String field) {
        List<String> strings = new ArrayList<>();
        for (JsonNode element : array(node, field)) {
            if (element.isString()) {
                strings.add(element.stringValue());
            }
        }
        return strings;
    }

    /** A long at {@code field} (a number or a numeric string), or {@code orElse}. */
    public static long longValue(JsonNode node, String field, long orElse) {
        if (node == null) {
            return orElse;
        }
        JsonNode value = node.get(field);
        if (value == null) {
            return orElse;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isString()) {
            try {
                return Long.parseLong(value.stringValue().strip());
            } catch (NumberFormatException e) {
                return orElse;
            }
        }
        return orElse;
    }

    /** The time at {@code field} parsed by {@link #parseInstant}, or null. */
    public static Instant instant(JsonNode node, String field) {
        return parseInstant(string(node, field));
    }

    /**
     * An ISO-8601 date-time: with {@code Z} or an offset, or without a zone (taken as UTC, as some
     * clients write it); null when missing or unparseable.
     */
    public static Instant parseInstant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return Instant.parse(t);
        } catch (DateTimeException e) {
            // try the other forms below
        }
        try {
            return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            // try the other forms below
        }
        try {
            return LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Microseconds since the epoch, or {@link Parsed#NO_TIME} for null. */
    public static long micros(Instant instant) {
        if (instant == null) {
            return Parsed.NO_TIME;
        }
        try {
            return Math.addExact(
                    Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                    instant.getNano() / 1_000);
        } catch (ArithmeticException e) {
            return Parsed.NO_TIME;
        }
    }

    /** The instant of {@code micros} since the epoch. */
    public static Instant fromMicros(long micros) {
        return Instant.ofEpochSecond(
                Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
