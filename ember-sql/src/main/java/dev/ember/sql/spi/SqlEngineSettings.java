package dev.ember.sql.spi;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What a {@link SqlEngine} is created with: the settings of {@code SqlContext.builder(ssc)}.
 *
 * @param appName the streaming application's name, for messages and thread names
 * @param master the streaming context's master, such as {@code local[2]}
 * @param historyFile the database file that keeps history tables, or null for none
 * @param historyRetentionMillis how long history rows are kept after their window ends, relative to
 *     the newest window appended to the same table; 0 to keep every row
 * @param zone the session time zone: how timestamps are shown and local date-times are read
 * @param externalAccess true to let the program's own queries read and write files; read-only
 *     queries are then refused
 * @param memoryLimitBytes the most memory the engine may use for tables, query state and results,
 *     in bytes; a query that needs more fails instead of growing the process
 */
public record SqlEngineSettings(
        String appName,
        String master,
        Path historyFile,
        long historyRetentionMillis,
        ZoneId zone,
        boolean externalAccess,
        long memoryLimitBytes) {

    /** Checks the required parts. */
    public SqlEngineSettings {
        Objects.requireNonNull(appName, "appName");
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(zone, "zone");
        if (historyRetentionMillis < 0) {
            throw new IllegalArgumentException(
                    "historyRetentionMillis must be 0 or positive, got " + historyRetentionMillis);
        }
        if (memoryLimitBytes <= 0) {
            throw new IllegalArgumentException(
                    "memoryLimitBytes must be positive, got " + memoryLimitBytes);
        }
    }
}
