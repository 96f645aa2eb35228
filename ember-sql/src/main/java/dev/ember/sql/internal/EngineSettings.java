package dev.ember.sql.internal;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What a {@link SqlEngine} is created with.
 *
 * @param appName the streaming application's name, for messages and thread names
 * @param historyFile the database file that keeps history tables, or null for none
 * @param historyRetentionMillis how long history rows are kept after their window ends, relative to
 *     the newest window appended; 0 to keep every row
 * @param zone the session time zone: how timestamps are shown and local date-times are read
 * @param externalAccess true to let the program's own queries read and write files; read-only
 *     queries are then refused
 */
public record EngineSettings(
        String appName,
        Path historyFile,
        long historyRetentionMillis,
        ZoneId zone,
        boolean externalAccess) {

    /** Checks the required parts. */
    public EngineSettings {
        Objects.requireNonNull(appName, "appName");
        Objects.requireNonNull(zone, "zone");
    }
}
