/**
 * Internal: the replayable file source behind {@code StreamingContext.textFileStream} and {@code
 * fileStream}, written against the JDK and the source SPI only, so that any runner can drive it. No
 * compatibility promises; programs never use it. docs/file-streams.md describes its behaviour and
 * the format of its ledger.
 */
package dev.ember.streaming.internal.files;
