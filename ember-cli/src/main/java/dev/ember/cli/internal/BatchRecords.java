package dev.ember.cli.internal;

import dev.ember.streaming.Time;

/**
 * Hears how many records (posts or lines) each batch of a job's input held, once the batch has run:
 * what the progress line and the window headers show. The job feeds it from a count of each input
 * batch; a streaming listener's batch infos can feed it instead without changing its readers.
 */
interface BatchRecords {
    /** The batch at {@code batchTime} held {@code records} records. Called in batch order. */
    void batchCompleted(Time batchTime, long records);
}
