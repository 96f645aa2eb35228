package dev.ember.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.streaming.Time;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class TestOutputTest {

    @Test
    void returnsEachBatchByTime() {
        TestOutput<String> output = new TestOutput<>("words");
        output.record(Time.ms(2_000), List.of());
        output.record(Time.ms(1_000), List.of("a", "b"));

        assertEquals("words", output.name());
        assertEquals(List.of("a", "b"), output.batch(1_000));
        assertEquals(List.of(), output.batch(Time.ms(2_000)));
        SortedMap<Time, List<String>> batches = output.batches();
        assertEquals(List.of(Time.ms(1_000), Time.ms(2_000)), List.copyOf(batches.keySet()));
        assertEquals(List.of(List.of("a", "b"), List.of()), output.batchList());
    }

    @Test
    void namesTheRecordedTimesWhenABatchIsMissing() {
        TestOutput<String> output = new TestOutput<>("words");
        output.record(Time.ms(1_000), List.of("a"));
        output.record(Time.ms(2_000), List.of());

        NoSuchElementException e =
                assertThrows(NoSuchElementException.class, () -> output.batch(3_000));
        assertEquals(
                "test output 'words' has no batch at 3000 ms; it has batches at [1000 ms, 2000"
                        + " ms]: advance the driver with advanceBatches(n) to run later batches,"
                        + " and note that a windowed stream emits only at multiples of its slide",
                e.getMessage());
    }

    @Test
    void keepsACopyOfEachBatchThatCannotBeChanged() {
        TestOutput<String> output = new TestOutput<>("words");
        List<String> elements = new ArrayList<>(List.of("a"));
        output.record(Time.ms(1_000), elements);
        elements.add("b");

        assertEquals(List.of("a"), output.batch(1_000));
        assertThrows(UnsupportedOperationException.class, () -> output.batch(1_000).add("c"));
        assertThrows(
                UnsupportedOperationException.class,
                () -> output.batches().put(Time.ms(5_000), List.of()));
    }

    @Test
    void keepsNullElements() {
        TestOutput<String> output = new TestOutput<>("maybe");
        List<String> elements = new ArrayList<>();
        elements.add(null);
        output.record(Time.ms(1_000), elements);

        assertEquals(elements, output.batch(1_000));
    }

    @Test
    void rejectsTheSameBatchTimeTwice() {
        TestOutput<String> output = new TestOutput<>("words");
        output.record(Time.ms(1_000), List.of("a"));

        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> output.record(Time.ms(1_000), List.of("b")));
        assertEquals(
                "test output 'words' received the batch at 1000 ms twice: [a] and [b]; a runner"
                        + " must run each batch time once",
                e.getMessage());
    }
}
