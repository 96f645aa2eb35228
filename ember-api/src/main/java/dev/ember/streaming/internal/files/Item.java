package dev.ember.streaming.internal.files;

/**
 * One entry of a file stream's ranges: the lines that start in bytes {@code [from, to)} of {@code
 * file}, as it was when the stream first took it. Item numbers ({@code seq}) count from 1 and are
 * the stream's offsets: a batch covers the items of {@code (previous offset, offset]}.
 */
record Item(long seq, FileState file, long from, long to) {}
