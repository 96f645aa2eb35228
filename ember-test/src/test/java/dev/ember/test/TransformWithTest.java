package dev.ember.test;

import static dev.ember.test.Unordered.byKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.Batch;
import dev.ember.streaming.DStream;
import dev.ember.streaming.Durations;
import dev.ember.streaming.InvalidPipelineException;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Time;
import dev.ember.streaming.Tuple2;
import dev.ember.streaming.UserFunctionException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * transformWith and transformWithToPair on a stream, and the multi-stream transform and
 * transformToPair of the context: a function of several streams' batches of the same time.
 */
class TransformWithTest {
    private final StreamingContext ssc =
            new StreamingContext("local[2]", "TransformWithTest", Durations.seconds(1));
    private final StreamingTestDriver driver = StreamingTestDriver.create(ssc);

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void transformWithCombinesTheBatchesOfTwoStreamsOfTheSameTime() {
        TestInput<String> words = driver.newInput("words");
        TestInput<String> stopWords = driver.newInput("stopWords");
        TestOutput<String> out =
                driver.collect(
                        "out",
                        words.stream()
                                .transformWith(
                                        stopWords.stream(),
                                        (Batch<String> w, Batch<String> stop, Time time) -> {
                                            Set<String> drop = new HashSet<>(stop.collect());
                                            return w.filter(x -> !drop.contains(x))
                                                    .map(x -> x + "@" + time.milliseconds());
                                        }));
        driver.start();

        words.add("to", "be", "or", "not");
        stopWords.add("or", "not");
        driver.advanceBatches(1);
        words.add("or", "so");
        driver.advanceBatches(1); // no stop words in this batch
        driver.advanceBatches(1);

        assertEquals(List.of("to@1000", "be@1000"), out.batch(1_000));
        assertEquals(List.of("or@2000", "so@2000"), out.batch(2_000));
        assertEquals(List.of(), out.batch(3_000));
    }

    @Test
    void transformWithToPairTakesAPairStreamAndReturnsAPairStream() {
        TestInput<String> words = driver.newInput("words");
        TestInput<Tuple2<String, Integer>> weights = driver.newInput("weights");
        PairDStream<String, Integer> weighted =
                words.stream()
                        .transformWithToPair(
                                weights.stream().mapToPair(t -> t),
                                (Batch<String> w, Batch<Tuple2<String, Integer>> ws, Time t) -> {
                                    int total = 0;
                                    for (Tuple2<String, Integer> x : ws.collect()) {
                                        total += x._2();
                                    }
                                    int weight = total;
                                    return w.mapToPair(x -> Tuple2.of(x, weight));
                                });
        TestOutput<Tuple2<String, Integer>> out =
                driver.collect("out", weighted.reduceByKey(Integer::sum));
        driver.start();

        words.add("a", "b", "a");
        weights.add(Tuple2.of("w", 2), Tuple2.of("v", 3));
        driver.advanceBatches(1);

        assertEquals(List.of(Tuple2.of("a", 10), Tuple2.of("b", 5)), byKey(out.batch(1_000)));
    }

    @Test
    void contextTransformPassesTheBatchesInTheListsOrder() {
        TestInput<String> a = driver.newInput("a");
        TestInput<Integer> b = driver.newInput("b");
        TestInput<Tuple2<String, Integer>> c = driver.newInput("c");
        List<DStream<?>> streams = List.of(c.stream().mapToPair(t -> t), a.stream(), b.stream());
        TestOutput<String> out =
                driver.collect(
                        "out",
                        ssc.transform(
                                streams,
                                (List<Batch<?>> batches, Time time) -> {
                                    Batch<String> all = batches.get(0).map(x -> "0:" + x);
                                    for (int i = 1; i < batches.size(); i++) {
                                        String tag = i + ":";
                                        all = all.union(batches.get(i).map(x -> tag + x));
                                    }
                                    return all.map(x -> x + "@" + time.milliseconds());
                                }));
        driver.start();

        a.add("x");
        b.add(7);
        c.add(Tuple2.of("k", 1));
        driver.advanceBatches(1);
        b.add(8);
        driver.advanceBatches(1);

        assertEquals(List.of("0:(k,1)@1000", "1:x@1000", "2:7@1000"), out.batch(1_000));
        assertEquals(List.of("2:8@2000"), out.batch(2_000));
    }

    @Test
    void contextTransformToPairReturnsAPairStream() {
        TestInput<String> a = driver.newInput("a");
        TestInput<String> b = driver.newInput("b");
        PairDStream<String, Long> counts =
                ssc.transformToPair(
                        List.of(a.stream(), b.stream()),
                        (List<Batch<?>> batches, Time time) ->
                                batches.get(0)
                                        .map(x -> (String) x)
                                        .union(batches.get(1).map(x -> (String) x))
                                        .mapToPair(x -> Tuple2.of(x, 1L)));
        TestOutput<Tuple2<String, Long>> out = driver.collect("out", counts.reduceByKey(Long::sum));
        driver.start();

        a.add("x", "y");
        b.add("x");
        driver.advanceBatches(1);

        assertEquals(List.of(Tuple2.of("x", 2L), Tuple2.of("y", 1L)), byKey(out.batch(1_000)));
    }

    @Test
    void contextTransformOfOneStreamIsAPlainTransform() {
        TestInput<Integer> a = driver.newInput("a");
        TestOutput<Integer> out =
                driver.collect(
                        "out",
                        ssc.transform(
                                List.of(a.stream()),
                                (List<Batch<?>> batches, Time time) ->
                                        batches.get(0).map(x -> (Integer) x * 2)));
        driver.start();

        a.add(1, 2);
        driver.advanceBatches(1);

        assertEquals(List.of(2, 4), out.batch(1_000));
    }

    @Test
    void transformWithOfAWindowedStreamRunsAtTheWindowsSlide() {
        TestInput<Integer> a = driver.newInput("a");
        TestInput<Integer> b = driver.newInput("b");
        TestOutput<Long> out =
                driver.collect(
                        "out",
                        a.stream()
                                .window(Durations.seconds(2), Durations.seconds(2))
                                .transformWith(
                                        b.stream()
                                                .window(Durations.seconds(2), Durations.seconds(2)),
                                        (Batch<Integer> x, Batch<Integer> y, Time t) ->
                                                x.union(y).map(n -> (long) n)));
        driver.start();

        a.add(1);
        driver.advanceBatches(1);
        b.add(2);
        driver.advanceBatches(1);
        a.add(3);
        driver.advanceBatches(2);

        assertEquals(
                List.of(2_000L, 4_000L),
                out.batches().keySet().stream().map(Time::milliseconds).toList());
        assertEquals(List.of(1L, 2L), out.batch(2_000));
        assertEquals(List.of(3L), out.batch(4_000));
    }

    @Test
    void rejectsTransformWithOfStreamsWithDifferentSlides() {
        TestInput<Integer> a = driver.newInput("a");
        DStream<Integer> windowed = a.stream().window(Durations.seconds(2), Durations.seconds(2));

        InvalidPipelineException e =
                assertThrows(
                        InvalidPipelineException.class,
                        () ->
                                a.stream()
                                        .transformWith(
                                                windowed,
                                                (Batch<Integer> x, Batch<Integer> y, Time t) -> x));

        assertTrue(
                e.getMessage().startsWith("transformWith of 'receiverStream at "), e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith(
                                "' (slide 2s) needs streams with the same slide; window one of"
                                        + " them to match"),
                e.getMessage());
    }

    @Test
    void rejectsContextTransformOfStreamsWithDifferentSlidesOrOfNoStream() {
        TestInput<Integer> a = driver.newInput("a");
        DStream<Integer> windowed = a.stream().window(Durations.seconds(2), Durations.seconds(2));

        InvalidPipelineException slides =
                assertThrows(
                        InvalidPipelineException.class,
                        () ->
                                ssc.transform(
                                        List.of(a.stream(), windowed),
                                        (List<Batch<?>> batches, Time t) -> batches.get(0)));
        InvalidPipelineException none =
                assertThrows(
                        InvalidPipelineException.class,
                        () ->
                                ssc.transformToPair(
                                        List.of(), (List<Batch<?>> batches, Time t) -> null));

        assertTrue(slides.getMessage().startsWith("transform of 'receiverStream at "));
        assertTrue(slides.getMessage().contains("needs streams with the same slide"));
        assertEquals(
                "transformToPair of context 'TransformWithTest' needs at least one stream, got none",
                none.getMessage());
    }

    @Test
    void rejectsContextTransformOfAStreamOfAnotherContext() {
        StreamingContext another =
                new StreamingContext("local[2]", "another", Durations.seconds(1));
        DStream<Integer> foreign = another.queueStream(new ArrayDeque<List<Integer>>());
        TestInput<Integer> a = driver.newInput("a");

        InvalidPipelineException first =
                assertThrows(
                        InvalidPipelineException.class,
                        () ->
                                ssc.transform(
                                        List.of(foreign, a.stream()),
                                        (List<Batch<?>> batches, Time t) -> batches.get(0)));
        InvalidPipelineException second =
                assertThrows(
                        InvalidPipelineException.class,
                        () ->
                                ssc.transform(
                                        List.of(a.stream(), foreign),
                                        (List<Batch<?>> batches, Time t) -> batches.get(0)));
        InvalidPipelineException with =
                assertThrows(
                        InvalidPipelineException.class,
                        () ->
                                a.stream()
                                        .transformWith(
                                                foreign,
                                                (Batch<Integer> x, Batch<Integer> y, Time t) -> x));

        assertTrue(
                first.getMessage()
                        .startsWith(
                                "transform of context 'TransformWithTest' got stream"
                                        + " 'queueStream at TransformWithTest.java:"),
                first.getMessage());
        assertTrue(
                first.getMessage()
                        .endsWith(
                                "of context 'another'; build every stream from one"
                                        + " StreamingContext"),
                first.getMessage());
        assertTrue(
                second.getMessage().contains("mixes streams of two contexts"), second.getMessage());
        assertTrue(with.getMessage().startsWith("transformWith of '"), with.getMessage());
        assertTrue(with.getMessage().contains("mixes streams of two contexts"), with.getMessage());
    }

    @Test
    void aFailingTransformWithFunctionStopsTheContextNamingIt() {
        TestInput<Integer> a = driver.newInput("a");
        a.stream()
                .transformWith(
                        a.stream(),
                        (Batch<Integer> x, Batch<Integer> y, Time t) -> {
                            if (x.count() > 1) {
                                throw new IllegalStateException("too many");
                            }
                            return (Batch<Integer>) null;
                        })
                .print();
        driver.start();

        a.add(1, 2);
        UserFunctionException e =
                assertThrows(UserFunctionException.class, () -> driver.advanceBatches(1));

        assertTrue(e.operator().startsWith("transformWith at TransformWithTest.java:"));
        assertEquals(1_000, e.batchTime().milliseconds());
        assertEquals("too many", e.getCause().getMessage());
    }

    @Test
    void aNullBatchFromAContextTransformFunctionStopsTheContext() {
        TestInput<Integer> a = driver.newInput("a");
        ssc.transform(
                        List.of(a.stream()),
                        (List<Batch<?>> batches, Time t) -> (Batch<Integer>) null)
                .print();
        driver.start();

        UserFunctionException e =
                assertThrows(UserFunctionException.class, () -> driver.advanceBatches(1));

        assertTrue(e.operator().startsWith("transform at TransformWithTest.java:"));
        assertInstanceOf(NullPointerException.class, e.getCause());
    }
}
