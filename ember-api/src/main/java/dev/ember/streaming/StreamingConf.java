package dev.ember.streaming;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The settings of a {@link StreamingContext} beyond its master and batch interval: write-ahead log,
 * receiver limits, backpressure, checkpoints, graceful stop. Each has a key named after Spark's,
 * under Ember's prefix ({@code spark.streaming.receiver.maxRate} is {@code
 * ember.streaming.receiver.maxRate}), and most a typed setter. A context starts with the values of
 * the JVM's system properties that have a known key ({@code -Dember.streaming.backpressure.enabled
 * =true}), then the program's calls; the values are read at {@code start()}. Every key is listed in
 * docs/configuration.md.
 *
 * <p>Not thread-safe; set before {@code start()}.
 */
public final class StreamingConf {
    /** Writes every block a receiver stores to a log before {@code store} returns. */
    public static final String WRITE_AHEAD_LOG = "ember.streaming.receiver.writeAheadLog.enable";

    /** The most records a receiver stores per second; 0 or less: no limit. */
    public static final String RECEIVER_MAX_RATE = "ember.streaming.receiver.maxRate";

    /**
     * The bytes of records all receivers together may hold before their batches have run; a store
     * waits while the bound is reached. Default: a quarter of the JVM's maximum heap.
     */
    public static final String RECEIVER_BUFFER_BYTES = "ember.streaming.receiver.bufferBytes";

    /** Adapts receivers' rates to the processing rate, with Spark's PID estimator. */
    public static final String BACKPRESSURE = "ember.streaming.backpressure.enabled";

    /** The rate of the first batch under backpressure, records/s per receiver. */
    public static final String BACKPRESSURE_INITIAL_RATE =
            "ember.streaming.backpressure.initialRate";

    /** The PID estimator's proportional gain (Spark's default 1.0). */
    public static final String PID_PROPORTIONAL = "ember.streaming.backpressure.pid.proportional";

    /** The PID estimator's integral gain (Spark's default 0.2). */
    public static final String PID_INTEGRAL = "ember.streaming.backpressure.pid.integral";

    /** The PID estimator's derivative gain (Spark's default 0.0). */
    public static final String PID_DERIVED = "ember.streaming.backpressure.pid.derived";

    /** The lowest rate the PID estimator sets, records/s (Spark's default 100). */
    public static final String PID_MIN_RATE = "ember.streaming.backpressure.pid.minRate";

    /**
     * The longest a graceful stop waits for the batches holding received data, as a duration
     * ({@code 60s}). Default: ten batch intervals, and at least 60 s.
     */
    public static final String GRACEFUL_STOP_TIMEOUT = "ember.streaming.gracefulStopTimeout";

    /** How many checkpoints to keep in the checkpoint directory (default 3, at least 1). */
    public static final String CHECKPOINTS_KEPT = "ember.streaming.checkpoint.kept";

    /**
     * How long a file must stay unchanged before a file stream takes it, when it did not appear by
     * an atomic move ({@code 2s}, the default).
     */
    public static final String FILE_STABLE_TIME = "ember.streaming.fileStream.stableTime";

    /**
     * The most bytes of files a file stream reads into one batch (default 64 MiB, at least 4096):
     * each file, and each part of a file larger than what is left, counts its bytes plus 1 KiB; a
     * file that does not fit is read in parts over the next batches.
     */
    public static final String FILE_MAX_BATCH_BYTES = "ember.streaming.fileStream.maxBytesPerBatch";

    private static final Map<String, String> KEYS = known();

    private final Map<String, String> values = new TreeMap<>();

    StreamingConf() {
        Properties system = System.getProperties();
        for (String key : KEYS.keySet()) {
            String value = system.getProperty(key);
            if (value != null) {
                set(key, value);
            }
        }
    }

    private static Map<String, String> known() {
        Map<String, String> kinds = new TreeMap<>();
        kinds.put(WRITE_AHEAD_LOG, "boolean");
        kinds.put(RECEIVER_MAX_RATE, "number");
        kinds.put(RECEIVER_BUFFER_BYTES, "number");
        kinds.put(BACKPRESSURE, "boolean");
        kinds.put(BACKPRESSURE_INITIAL_RATE, "number");
        kinds.put(PID_PROPORTIONAL, "decimal");
        kinds.put(PID_INTEGRAL, "decimal");
        kinds.put(PID_DERIVED, "decimal");
        kinds.put(PID_MIN_RATE, "decimal");
        kinds.put(GRACEFUL_STOP_TIMEOUT, "duration");
        kinds.put(CHECKPOINTS_KEPT, "number");
        kinds.put(FILE_STABLE_TIME, "duration");
        kinds.put(FILE_MAX_BATCH_BYTES, "number");
        return Collections.unmodifiableMap(kinds);
    }

    /**
     * Sets {@code key} to {@code value}. A Spark key ({@code spark.streaming....}) is taken under
     * Ember's prefix.
     *
     * @throws IllegalArgumentException when the key is not one of the known keys, or the value does
     *     not parse as its kind
     */
    public StreamingConf set(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        String k = key.startsWith("spark.streaming.") ? "ember." + key.substring(6) : key;
        String kind = KEYS.get(k);
        if (kind == null) {
            throw new IllegalArgumentException(
                    "unknown setting '" + key + "'; the known ones are " + KEYS.keySet());
        }
        String v = value.trim();
        try {
            switch (kind) {
                case "boolean" -> {
                    if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                        throw new IllegalArgumentException("not true or false");
                    }
                    v = v.toLowerCase(java.util.Locale.ROOT);
                }
                case "number" -> Long.parseLong(v);
                case "decimal" -> Double.parseDouble(v);
                case "duration" -> Duration.parse(v);
                default -> throw new IllegalStateException(kind);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "setting '" + key + "' takes a " + kind + ", got '" + value + "'", e);
        }
        values.put(k, v);
        return this;
    }

    /** The value of {@code key}, or null when it is not set. */
    public String get(String key) {
        return values.get(key);
    }

    /** Every setting made, by key. */
    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** Turns the receivers' write-ahead log on or off ({@link #WRITE_AHEAD_LOG}). */
    public StreamingConf writeAheadLog(boolean enable) {
        return set(WRITE_AHEAD_LOG, Boolean.toString(enable));
    }

    /** Caps each receiver at {@code recordsPerSecond} ({@link #RECEIVER_MAX_RATE}). */
    public StreamingConf receiverMaxRate(long recordsPerSecond) {
        return set(RECEIVER_MAX_RATE, Long.toString(recordsPerSecond));
    }

    /** Bounds what receivers hold, in bytes ({@link #RECEIVER_BUFFER_BYTES}). */
    public StreamingConf receiverBufferBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException(
                    "receiverBufferBytes must be positive, got " + bytes);
        }
        return set(RECEIVER_BUFFER_BYTES, Long.toString(bytes));
    }

    /** Turns backpressure on or off ({@link #BACKPRESSURE}). */
    public StreamingConf backpressure(boolean enable) {
        return set(BACKPRESSURE, Boolean.toString(enable));
    }

    /** Bounds a graceful stop ({@link #GRACEFUL_STOP_TIMEOUT}). */
    public StreamingConf gracefulStopTimeout(Duration timeout) {
        return set(GRACEFUL_STOP_TIMEOUT, timeout.milliseconds() + "ms");
    }

    /** How many checkpoints to keep ({@link #CHECKPOINTS_KEPT}). */
    public StreamingConf checkpointsKept(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("checkpointsKept must be at least 1, got " + count);
        }
        return set(CHECKPOINTS_KEPT, Integer.toString(count));
    }

    /** How long a file written in place must stay unchanged ({@link #FILE_STABLE_TIME}). */
    public StreamingConf fileStableTime(Duration stableTime) {
        return set(FILE_STABLE_TIME, stableTime.milliseconds() + "ms");
    }

    /** Bounds what a file stream reads into one batch, in bytes ({@link #FILE_MAX_BATCH_BYTES}). */
    public StreamingConf fileMaxBytesPerBatch(long bytes) {
        if (bytes < 4096) {
            throw new IllegalArgumentException(
                    "fileMaxBytesPerBatch must be at least 4096 bytes, got " + bytes);
        }
        return set(FILE_MAX_BATCH_BYTES, Long.toString(bytes));
    }

    @Override
    public String toString() {
        return "StreamingConf" + values;
    }
}
