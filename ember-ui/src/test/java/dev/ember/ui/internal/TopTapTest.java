package dev.ember.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.spi.ContextAccess;
import dev.ember.streaming.DStream;
import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class TopTapTest {
    @Test
    void ordersByCountThenByKeyWhateverTheNumberType() {
        List<Tuple2<String, Number>> pairs =
                new ArrayList<>(
                        List.of(
                                new Tuple2<>("#b", 2),
                                new Tuple2<>("#a", 2L),
                                new Tuple2<>("#c", 7),
                                new Tuple2<>("#d", 2.5)));
        pairs.sort(TopTap.<Tuple2<String, Number>>largestFirst().reversed());
        assertEquals(List.of("#c", "#d", "#a", "#b"), pairs.stream().map(Tuple2::_1).toList());
    }

    @Test
    void findsTheWindowLengthUpTheLineage() {
        try (StreamingContext ssc =
                new StreamingContext("local[2]", "span", Durations.seconds(1))) {
            Queue<List<String>> queue = new ArrayDeque<>();
            DStream<String> lines = ssc.queueStream(queue);
            DStream<Tuple2<String, Integer>> windowed =
                    lines.window(Durations.seconds(20), Durations.seconds(10))
                            .mapToPair(s -> new Tuple2<>(s, 1))
                            .reduceByKey(Integer::sum);
            assertEquals(
                    20_000,
                    TopTap.windowSpan(
                            ContextAccess.plan(windowed.context()).node(windowed.name()), 10_000));
            DStream<Tuple2<String, Integer>> reduced =
                    lines.mapToPair(s -> new Tuple2<>(s, 1))
                            .reduceByKeyAndWindow(
                                    Integer::sum,
                                    (a, b) -> a - b,
                                    Durations.seconds(30),
                                    Durations.seconds(5));
            assertEquals(
                    30_000,
                    TopTap.windowSpan(
                            ContextAccess.plan(reduced.context()).node(reduced.name()), 5_000));
            DStream<Tuple2<String, Integer>> perBatch =
                    lines.mapToPair(s -> new Tuple2<>(s, 1)).reduceByKey(Integer::sum);
            assertEquals(
                    1_000,
                    TopTap.windowSpan(
                            ContextAccess.plan(perBatch.context()).node(perBatch.name()), 1_000));
        }
    }
}
