package dev.ember.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ember.streaming.DStream;
import dev.ember.streaming.Durations;
import dev.ember.streaming.StorageLevel;
import dev.ember.streaming.StreamingContext;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** cache and persist: a persisted stream is computed once per batch however many read it. */
class CacheTest {
    private final StreamingContext ssc =
            new StreamingContext("local[2]", "CacheTest", Durations.seconds(1));
    private final StreamingTestDriver driver = StreamingTestDriver.create(ssc);
    private final AtomicInteger calls = new AtomicInteger();

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void cachedStreamIsComputedOncePerElementForTwoOutputs() {
        assertComputedOnce(DStream::cache);
    }

    @Test
    void persistedStreamIsComputedOncePerElementForTwoOutputs() {
        assertComputedOnce(DStream::persist);
    }

    @Test
    void persistedStreamWithALevelIsComputedOncePerElementForTwoOutputs() {
        assertComputedOnce(s -> s.persist(StorageLevel.MEMORY_ONLY_SER));
    }

    @Test
    void cacheAndPersistReturnTheSameStream() {
        DStream<String> s = driver.<String>newInput("in").stream();
        assertSame(s, s.cache());
        assertSame(s, s.persist());
        assertSame(s, s.persist(StorageLevel.MEMORY_AND_DISK));
    }

    private void assertComputedOnce(UnaryOperator<DStream<String>> persist) {
        TestInput<String> words = driver.newInput("words");
        DStream<String> upper =
                persist.apply(
                        words.stream()
                                .map(
                                        w -> {
                                            calls.incrementAndGet();
                                            return w.toUpperCase();
                                        }));
        TestOutput<String> all = driver.collect("all", upper);
        TestOutput<Long> count = driver.collect("count", upper.count());
        driver.start();

        words.add("a", "b", "c");
        driver.advanceBatches(1);
        assertEquals(3, calls.get());
        words.add("d", "e");
        driver.advanceBatches(1);
        assertEquals(5, calls.get());
        driver.advanceBatches(1);
        assertEquals(5, calls.get());

        assertEquals(
                List.of(List.of("A", "B", "C"), List.of("D", "E"), List.of()), all.batchList());
        assertEquals(List.of(List.of(3L), List.of(2L), List.of(0L)), count.batchList());
    }
}
