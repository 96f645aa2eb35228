package dev.ember.streaming.scheduler;

import java.util.Objects;

/**
 * One receiver (an input that pushes records: {@code socketTextStream}, {@code receiverStream}), as
 * Spark Streaming's {@code ReceiverInfo}; on the local runner every receiver runs in this JVM, on
 * threads of its own.
 *
 * @param streamId the id of its input stream (see {@link StreamInputInfo#inputStreamId()})
 * @param name the input's stable name
 * @param active true while it runs
 * @param lastErrorMessage the message of its last error, or {@code null}
 * @param lastError the last error's description (its exception), or {@code null}
 * @param lastErrorTime when the last error happened, or -1
 * @param totalRecords the records it has stored since the context started (an Ember addition)
 * @param recordsPerSecond its rate over the last ten seconds (an Ember addition)
 */
public record ReceiverInfo(
        int streamId,
        String name,
        boolean active,
        String lastErrorMessage,
        String lastError,
        long lastErrorTime,
        long totalRecords,
        double recordsPerSecond) {

    /** Checks the name. */
    public ReceiverInfo {
        Objects.requireNonNull(name, "name");
    }
}
