package dev.ember.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.streaming.DStream;
import dev.ember.streaming.Durations;
import dev.ember.streaming.InvalidPipelineException;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** Stable operator names: what is derived, what does not move, and what is refused. */
class StableNamesTest {
    private final StreamingContext ssc =
            new StreamingContext("local[2]", "StableNamesTest", Durations.seconds(1));

    private static PairDStream<String, Integer> counts(DStream<String> lines) {
        return lines.flatMap(l -> Arrays.asList(l.split(" ")).iterator())
                .mapToPair(w -> new Tuple2<>(w, 1))
                .reduceByKey(Integer::sum);
    }

    @Test
    void derivesNamesFromTheLineageLeavingNarrowStepsOut() {
        DStream<String> lines = ssc.socketTextStream("localhost", 9999);
        DStream<String> words = lines.flatMap(l -> Arrays.asList(l.split(" ")).iterator());
        PairDStream<String, Integer> pairs = words.mapToPair(w -> new Tuple2<>(w, 1));
        PairDStream<String, Integer> perBatch = pairs.reduceByKey(Integer::sum);
        PairDStream<String, Integer> windowed =
                pairs.reduceByKeyAndWindow(
                        Integer::sum, (a, b) -> a - b, Durations.seconds(4), Durations.seconds(2));

        assertEquals("socketTextStream[localhost:9999]", lines.name());
        assertEquals("socketTextStream[localhost:9999].flatMap", words.name());
        assertEquals("socketTextStream[localhost:9999].mapToPair", pairs.name());
        assertEquals("socketTextStream[localhost:9999]/reduceByKey", perBatch.name());
        assertEquals(
                "socketTextStream[localhost:9999]/reduceByKey#2/reduceByKeyAndWindow",
                windowed.name());
    }

    @Test
    void namesOfStatefulStreamsDoNotMoveWhenStepsOrOutputsAreAddedElsewhere() {
        DStream<String> plainLines = ssc.socketTextStream("localhost", 9999);
        PairDStream<String, Integer> plain =
                counts(plainLines)
                        .updateStateByKey(
                                (List<Integer> values, java.util.Optional<Integer> total) ->
                                        java.util.Optional.of(total.orElse(0) + values.size()));
        String before = plain.name();

        StreamingContext grown = new StreamingContext("local[2]", "grown", Durations.seconds(1));
        DStream<String> lines = grown.socketTextStream("localhost", 9999);
        lines.map(String::length).print();
        lines.filter(l -> !l.isEmpty()).print();
        PairDStream<String, Integer> state =
                counts(lines.filter(l -> !l.isBlank()).map(String::trim))
                        .updateStateByKey(
                                (List<Integer> values, java.util.Optional<Integer> total) ->
                                        java.util.Optional.of(total.orElse(0) + values.size()));

        assertEquals("socketTextStream[localhost:9999]/reduceByKey/updateStateByKey", before);
        assertEquals(before, state.name());
    }

    @Test
    void tellsIdenticalLineagesApartInOrderOfDefinition() {
        Queue<List<String>> queue = new ArrayDeque<>();
        DStream<String> first = ssc.queueStream(queue);
        DStream<String> second = ssc.queueStream(queue);
        DStream<Long> a = first.count();
        DStream<Long> b = first.count();

        assertEquals("queueStream", first.name());
        assertEquals("queueStream#2", second.name());
        assertEquals("queueStream/count", a.name());
        assertEquals("queueStream/count#2", b.name());
    }

    @Test
    void anExplicitNameAnchorsTheNamesDerivedBelowIt() {
        DStream<String> lines = ssc.socketTextStream("localhost", 9999).name("tweets");
        PairDStream<String, Integer> counts = counts(lines).name("word-counts");
        DStream<Tuple2<String, Integer>> union = counts.union(counts(lines));

        assertEquals("tweets", lines.name());
        assertEquals("word-counts", counts.name());
        assertEquals("union(word-counts,tweets/reduceByKey)", union.name());
    }

    @Test
    void aDerivedNameMakesWayForAnEqualExplicitOne() {
        Queue<List<String>> queue = new ArrayDeque<>();
        DStream<String> derived = ssc.queueStream(queue);
        DStream<String> named = ssc.queueStream(queue).name("queueStream");

        assertEquals("queueStream", named.name());
        assertEquals("queueStream#2", derived.name());
    }

    @Test
    void rejectsANameGivenTwiceNamingBothCallSites() {
        DStream<String> lines = ssc.socketTextStream("localhost", 9999);
        lines.count().name("counts");
        DStream<Long> other = lines.map(String::length).count();

        InvalidPipelineException e =
                assertThrows(InvalidPipelineException.class, () -> other.name("counts"));

        assertEquals(
                "stream name 'counts' given at StableNamesTest.java:"
                        + (lineOf("other.name(\"counts\")"))
                        + " to count at StableNamesTest.java:"
                        + lineOf("DStream<Long> other")
                        + " is already the name of count at StableNamesTest.java:"
                        + lineOf("lines.count().name(\"counts\")")
                        + " (named at StableNamesTest.java:"
                        + lineOf("lines.count().name(\"counts\")")
                        + "); give each stream its own name",
                e.getMessage());
    }

    @Test
    void rejectsNamingAStreamTwice() {
        DStream<Long> counts =
                ssc.socketTextStream("localhost", 9999).count().name("counts"); // named once

        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> counts.name("totals"));

        assertEquals(
                "stream 'count at StableNamesTest.java:"
                        + lineOf("// named once")
                        + "' is already named 'counts' (at StableNamesTest.java:"
                        + lineOf("// named once")
                        + ") and cannot be named again 'totals' at StableNamesTest.java:"
                        + lineOf("counts.name(\"totals\")")
                        + "; name a stream once",
                e.getMessage());
    }

    @Test
    void rejectsNamesThatCannotServeAsKeys() {
        DStream<String> lines = ssc.socketTextStream("localhost", 9999);

        assertEquals(
                "stream name ' ' is blank; use a short name such as 'hashtag-counts'",
                assertThrows(IllegalArgumentException.class, () -> lines.name(" ")).getMessage());
        assertEquals(
                "stream name 'a/b' contains '/', which separates the steps of derived names; use a"
                        + " short name such as 'hashtag-counts'",
                assertThrows(IllegalArgumentException.class, () -> lines.name("a/b")).getMessage());
        assertEquals(
                "stream name 'a\tb' contains a control character; use a short name such as"
                        + " 'hashtag-counts'",
                assertThrows(IllegalArgumentException.class, () -> lines.name("a\tb"))
                        .getMessage());
        String longName = "x".repeat(201);
        assertEquals(
                "stream name '"
                        + longName
                        + "' is longer than 200 characters (201); use a short name such as"
                        + " 'hashtag-counts'",
                assertThrows(IllegalArgumentException.class, () -> lines.name(longName))
                        .getMessage());
    }

    private static int lineOf(String text) {
        return Fixtures.lineOf("StableNamesTest.java", text);
    }
}
