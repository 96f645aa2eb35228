/**
 * Public API: the test kit, for testing streaming programs without threads, sleeps or polling.
 *
 * <p>A {@link dev.ember.test.StreamingTestDriver} takes over a {@link
 * dev.ember.streaming.StreamingContext}: it installs a {@link dev.ember.test.ManualClock}, so
 * batches run only when the test advances time, synchronously on the test's thread; it feeds named
 * {@link dev.ember.test.TestInput}s and records every batch of named {@link
 * dev.ember.test.TestOutput}s by batch time; and it captures what {@code print()} writes.
 *
 * <pre>{@code
 * StreamingContext ssc = new StreamingContext("local[2]", "words", Durations.seconds(1));
 * try (StreamingTestDriver driver = StreamingTestDriver.create(ssc)) {
 *     TestInput<String> lines = driver.newInput("lines");
 *     TestOutput<Long> counts = driver.collect("counts", lines.stream().count());
 *     driver.start();
 *     lines.add("a", "b");
 *     driver.advanceBatches(2);
 *     counts.batch(1000); // [2]
 *     counts.batch(2000); // [0]
 * }
 * }</pre>
 *
 * <p>The kit has no dependency on a test framework; use it from JUnit, TestNG or a main method.
 */
package dev.ember.test;
