package dev.ember.ui.internal;

/**
 * What the top-N chart follows: a stream's name, how many bars, and its windows' length and slide
 * (a stream that is not windowed has windows of one slide).
 */
record TopSettings(String title, String stream, int top, long windowMillis, long slideMillis) {}
