package dev.ember.spark.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.spi.Source;
import dev.ember.spi.SourceContext;
import dev.ember.spi.SourceReader;
import dev.ember.streaming.Batch;
import dev.ember.streaming.DStream;
import dev.ember.streaming.Durations;
import dev.ember.streaming.InvalidPipelineException;
import dev.ember.streaming.MapWithStateDStream;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.Receiver;
import dev.ember.streaming.StateSpec;
import dev.ember.streaming.StorageLevel;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.StreamingContextState;
import dev.ember.streaming.Time;
import dev.ember.streaming.Tuple2;
import dev.ember.streaming.UserFunctionException;
import dev.ember.streaming.scheduler.StreamInputInfo;
import dev.ember.streaming.scheduler.StreamingListener;
import dev.ember.streaming.scheduler.StreamingListenerBatchCompleted;
import dev.ember.streaming.scheduler.StreamingListenerReceiverStopped;
import dev.ember.test.StreamingTestDriver;
import dev.ember.test.TestOutput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance suite: one set of pipelines over queue inputs with one collection per batch,
 * driven by the test kit's manual clock, run on the local runner ({@link LocalConformanceTest}) and
 * on Spark {@code local[2]} with Spark's manual clock ({@link SparkConformanceTest}). Each test
 * asserts the same multiset of elements per batch time on both runners, from the same expected
 * values; where the runners differ by design (see docs/spark.md), the test asserts what each one
 * does, by {@link #runner()}.
 *
 * <p>Functions here are static or capture only serialisable values, since Spark ships them.
 */
abstract class ConformanceSuite {

    /** The runner a subclass runs the suite on, with its master. */
    enum Runner {
        LOCAL("local[2]"),
        SPARK("spark-local[2]");

        final String master;

        Runner(String master) {
            this.master = master;
        }
    }

    /** Results that foreachRDD functions record on the driver, for the actions test. */
    private static final Queue<List<Object>> RECORDED = new ConcurrentLinkedQueue<>();

    @TempDir Path checkpoints;

    private StreamingContext ssc;
    private StreamingTestDriver driver;

    abstract Runner runner();

    @BeforeEach
    void createContext() {
        ssc =
                new StreamingContext(
                        runner().master, getClass().getSimpleName(), Durations.seconds(1));
        driver = StreamingTestDriver.create(ssc);
        RECORDED.clear();
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    // ---- narrow operators

    @Test
    void narrowOperatorsGiveTheSameElements() {
        DStream<String> lines = input(List.of("to be", "or not to"), List.of(), List.of("be"));
        DStream<String> words = lines.flatMap(ConformanceSuite::split);
        PairDStream<String, Integer> lengths = words.mapToPair(w -> new Tuple2<>(w, w.length()));
        TestOutput<String> mapped = collect("map", words.map(w -> w + "!"));
        TestOutput<String> filtered = collect("filter", words.filter(w -> w.length() == 2));
        TestOutput<Tuple2<String, Integer>> pairs = collect("mapToPair", lengths);
        TestOutput<Tuple2<String, Integer>> flatPairs =
                collect(
                        "flatMapToPair",
                        lines.flatMapToPair(
                                l -> {
                                    List<Tuple2<String, Integer>> out = new ArrayList<>();
                                    for (String w : l.split(" ")) {
                                        out.add(new Tuple2<>(w, 1));
                                    }
                                    return out.iterator();
                                }));
        TestOutput<Tuple2<String, Integer>> values =
                collect("mapValues", lengths.mapValues(n -> n * 10));
        TestOutput<Tuple2<String, Integer>> flatValues =
                collect("flatMapValues", lengths.flatMapValues(n -> List.of(n, -n).iterator()));
        TestOutput<String> partitions =
                collect("mapPartitions", words.mapPartitions(ConformanceSuite::upperCase));
        TestOutput<String> glommed = collect("glom", words.glom().flatMap(List::iterator));
        run(3);

        expect(
                mapped,
                batch(1000, "to!", "be!", "or!", "not!", "to!"),
                batch(2000),
                batch(3000, "be!"));
        expect(filtered, batch(1000, "to", "be", "or", "to"), batch(2000), batch(3000, "be"));
        expect(
                pairs,
                batch(1000, t("to", 2), t("be", 2), t("or", 2), t("not", 3), t("to", 2)),
                batch(2000),
                batch(3000, t("be", 2)));
        expect(
                flatPairs,
                batch(1000, t("to", 1), t("be", 1), t("or", 1), t("not", 1), t("to", 1)),
                batch(2000),
                batch(3000, t("be", 1)));
        expect(
                values,
                batch(1000, t("to", 20), t("be", 20), t("or", 20), t("not", 30), t("to", 20)),
                batch(2000),
                batch(3000, t("be", 20)));
        expect(
                flatValues,
                batch(
                        1000,
                        t("to", 2),
                        t("to", -2),
                        t("be", 2),
                        t("be", -2),
                        t("or", 2),
                        t("or", -2),
                        t("not", 3),
                        t("not", -3),
                        t("to", 2),
                        t("to", -2)),
                batch(2000),
                batch(3000, t("be", 2), t("be", -2)));
        expect(
                partitions,
                batch(1000, "TO", "BE", "OR", "NOT", "TO"),
                batch(2000),
                batch(3000, "BE"));
        expect(glommed, batch(1000, "to", "be", "or", "not", "to"), batch(2000), batch(3000, "be"));
    }

    // ---- per-batch aggregations

    @Test
    void aggregationsGiveTheSameResultsIncludingOnEmptyBatches() {
        PairDStream<String, Integer> pairs =
                pairInput(
                        List.of(t("a", 1), t("b", 2), t("a", 3)),
                        List.of(),
                        List.of(t("c", 4), t("a", 5), t("c", 6)));
        DStream<String> keys = pairs.map(Tuple2::_1);
        TestOutput<Tuple2<String, Integer>> reduced =
                collect("reduceByKey", pairs.reduceByKey(Integer::sum));
        TestOutput<Tuple2<String, List<Integer>>> grouped =
                collect("groupByKey", pairs.groupByKey().mapValues(ConformanceSuite::sorted));
        TestOutput<Tuple2<String, Tuple2<Integer, Integer>>> combined =
                collect(
                        "combineByKey",
                        pairs.combineByKey(
                                v -> new Tuple2<>(v, 1),
                                (c, v) -> new Tuple2<>(c._1() + v, c._2() + 1),
                                (a, b) -> new Tuple2<>(a._1() + b._1(), a._2() + b._2()),
                                3));
        TestOutput<Tuple2<String, Long>> counted = collect("countByValue", keys.countByValue());
        TestOutput<Long> count = collect("count", keys.count());
        TestOutput<String> max =
                collect("reduce", keys.reduce((x, y) -> x.compareTo(y) >= 0 ? x : y));
        run(3);

        expect(
                reduced,
                batch(1000, t("a", 4), t("b", 2)),
                batch(2000),
                batch(3000, t("c", 10), t("a", 5)));
        expect(
                grouped,
                batch(1000, t("a", List.of(1, 3)), t("b", List.of(2))),
                batch(2000),
                batch(3000, t("c", List.of(4, 6)), t("a", List.of(5))));
        expect(
                combined,
                batch(1000, t("a", t(4, 2)), t("b", t(2, 1))),
                batch(2000),
                batch(3000, t("c", t(10, 2)), t("a", t(5, 1))));
        expect(
                counted,
                batch(1000, t("a", 2L), t("b", 1L)),
                batch(2000),
                batch(3000, t("c", 2L), t("a", 1L)));
        expect(count, batch(1000, 3L), batch(2000, 0L), batch(3000, 3L));
        expect(max, batch(1000, "b"), batch(2000), batch(3000, "c"));
    }

    // ---- windows

    /** b1 (a,1) (b,1); b2 empty; b3 (a,1); b4, b5 empty; b6 (b,1). */
    private PairDStream<String, Integer> sparseOnes() {
        return pairInput(
                List.of(t("a", 1), t("b", 1)),
                List.of(),
                List.of(t("a", 1)),
                List.of(),
                List.of(),
                List.of(t("b", 1)));
    }

    @Test
    void windowsWithoutAnInverseFunctionCoverEmptyBatches() {
        ssc.checkpoint(checkpoints.toString());
        PairDStream<String, Integer> ones = sparseOnes();
        TestOutput<Tuple2<String, Integer>> window =
                collect("window", ones.window(Durations.seconds(3), Durations.seconds(2)));
        TestOutput<Tuple2<String, Integer>> reduced =
                collect(
                        "reduceByKeyAndWindow",
                        ones.reduceByKeyAndWindow(Integer::sum, Durations.seconds(3)));
        TestOutput<Integer> reducedByWindow =
                collect(
                        "reduceByWindow",
                        ones.map(Tuple2::_2)
                                .reduceByWindow(
                                        Integer::sum, Durations.seconds(3), Durations.seconds(2)));
        TestOutput<Tuple2<String, List<Integer>>> grouped =
                collect(
                        "groupByKeyAndWindow",
                        ones.groupByKeyAndWindow(Durations.seconds(2), Durations.seconds(2))
                                .mapValues(ConformanceSuite::sorted));
        run(6);

        expect(
                window,
                batch(2000, t("a", 1), t("b", 1)),
                batch(4000, t("a", 1)),
                batch(6000, t("b", 1)));
        expect(
                reduced,
                batch(1000, t("a", 1), t("b", 1)),
                batch(2000, t("a", 1), t("b", 1)),
                batch(3000, t("a", 2), t("b", 1)),
                batch(4000, t("a", 1)),
                batch(5000, t("a", 1)),
                batch(6000, t("b", 1)));
        expect(reducedByWindow, batch(2000, 2), batch(4000, 1), batch(6000, 1));
        expect(
                grouped,
                batch(2000, t("a", List.of(1)), t("b", List.of(1))),
                batch(4000, t("a", List.of(1))),
                batch(6000, t("b", List.of(1))));
    }

    @Test
    void windowsWithAnInverseFunctionKeepZeroKeysUnlessFiltered() {
        ssc.checkpoint(checkpoints.toString());
        PairDStream<String, Integer> ones = sparseOnes();
        TestOutput<Tuple2<String, Integer>> inverse =
                collect(
                        "inverse",
                        ones.reduceByKeyAndWindow(
                                Integer::sum,
                                (a, b) -> a - b,
                                Durations.seconds(3),
                                Durations.seconds(1)));
        TestOutput<Tuple2<String, Integer>> filtered =
                collect(
                        "filtered",
                        ones.reduceByKeyAndWindow(
                                Integer::sum,
                                (a, b) -> a - b,
                                Durations.seconds(3),
                                Durations.seconds(1),
                                2,
                                kv -> kv._2() != 0));
        TestOutput<Long> countByWindow =
                collect(
                        "countByWindow",
                        ones.countByWindow(Durations.seconds(3), Durations.seconds(1)));
        TestOutput<Integer> reducedByWindow =
                collect(
                        "reduceByWindow",
                        ones.map(Tuple2::_2)
                                .reduceByWindow(
                                        Integer::sum,
                                        (a, b) -> a - b,
                                        Durations.seconds(3),
                                        Durations.seconds(1)));
        TestOutput<Tuple2<String, Long>> countByValue =
                collect(
                        "countByValueAndWindow",
                        ones.map(Tuple2::_1)
                                .countByValueAndWindow(Durations.seconds(3), Durations.seconds(2)));
        run(6);

        expect(
                inverse,
                batch(1000, t("a", 1), t("b", 1)),
                batch(2000, t("a", 1), t("b", 1)),
                batch(3000, t("a", 2), t("b", 1)),
                batch(4000, t("a", 1), t("b", 0)),
                batch(5000, t("a", 1), t("b", 0)),
                batch(6000, t("a", 0), t("b", 1)));
        expect(
                filtered,
                batch(1000, t("a", 1), t("b", 1)),
                batch(2000, t("a", 1), t("b", 1)),
                batch(3000, t("a", 2), t("b", 1)),
                batch(4000, t("a", 1)),
                batch(5000, t("a", 1)),
                batch(6000, t("b", 1)));
        expect(
                countByWindow,
                batch(1000, 2L),
                batch(2000, 2L),
                batch(3000, 3L),
                batch(4000, 1L),
                batch(5000, 1L),
                batch(6000, 1L));
        expect(
                reducedByWindow,
                batch(1000, 2),
                batch(2000, 2),
                batch(3000, 3),
                batch(4000, 1),
                batch(5000, 1),
                batch(6000, 1));
        expect(
                countByValue,
                batch(2000, t("a", 1L), t("b", 1L)),
                batch(4000, t("a", 1L)),
                batch(6000, t("b", 1L)));
    }

    /**
     * A window shorter than its slide, reduced with an inverse function, is refused when it is
     * defined, whatever the runner: Spark's incremental formula assumes overlapping windows and
     * would add batches that no window covers.
     */
    @Test
    void aWindowShorterThanItsSlideWithAnInverseFunctionIsRefusedOnBothRunners() {
        PairDStream<String, Integer> ones = sparseOnes();

        assertThrows(
                InvalidPipelineException.class,
                () ->
                        ones.reduceByKeyAndWindow(
                                Integer::sum,
                                (a, b) -> a - b,
                                Durations.seconds(1),
                                Durations.seconds(2)));
    }

    // ---- keyed state

    @Test
    void updateStateByKeyVisitsEveryKeyEveryBatchFromItsInitialState() {
        ssc.checkpoint(checkpoints.toString());
        PairDStream<String, Integer> pairs =
                pairInput(
                        List.of(t("a", 1), t("b", 2)),
                        List.of(),
                        List.of(t("a", 3), t("c", 15)),
                        List.of());
        TestOutput<Tuple2<String, Integer>> state =
                collect(
                        "state",
                        pairs.updateStateByKey(
                                ConformanceSuite::sumUpTo20, 0, List.of(t("c", 10), t("a", 5))));
        run(4);

        expect(
                state,
                batch(1000, t("a", 6), t("b", 2), t("c", 10)),
                batch(2000, t("a", 6), t("b", 2), t("c", 10)),
                batch(3000, t("a", 9), t("b", 2)),
                batch(4000, t("a", 9), t("b", 2)));
    }

    @Test
    void mapWithStateWithAnInitialStateAndSnapshots() {
        ssc.checkpoint(checkpoints.toString());
        PairDStream<String, Integer> pairs =
                pairInput(List.of(t("a", 1), t("b", 5)), List.of(), List.of(t("a", 2), t("x", 1)));
        StateSpec<String, Integer, Integer, Tuple2<String, Integer>> sums =
                StateSpec.function(ConformanceSuite::sumUpTo100)
                        .initialState(List.of(t("x", 100)))
                        .numPartitions(3);
        MapWithStateDStream<String, Integer, Integer, Tuple2<String, Integer>> mapped =
                pairs.mapWithState(sums);
        TestOutput<Tuple2<String, Integer>> emitted = collect("mapped", mapped);
        TestOutput<Tuple2<String, Integer>> snapshots =
                collect("snapshots", mapped.stateSnapshots());
        StateSpec<String, Integer, Boolean, String> firsts =
                StateSpec.function(ConformanceSuite::firstSeen);
        TestOutput<String> first = collect("first", pairs.mapWithState(firsts));
        run(3);

        expect(
                emitted,
                batch(1000, t("a", 1), t("b", 5)),
                batch(2000),
                batch(3000, t("a", 3), t("x", 101)));
        expect(
                snapshots,
                batch(1000, t("a", 1), t("b", 5), t("x", 100)),
                batch(2000, t("a", 1), t("b", 5), t("x", 100)),
                batch(3000, t("a", 3), t("b", 5)));
        expect(first, batch(1000, "a@1000", "b@1000"), batch(2000), batch(3000, "x@3000"));
    }

    /**
     * A key idle for the timeout: Ember times it out in the first batch at or after its last data
     * plus the timeout; Spark only in batches where it checkpoints the state (every ten slides by
     * default, or the interval given to {@code checkpoint}), and only once strictly more than the
     * timeout has passed (a documented difference).
     */
    @Test
    void mapWithStateTimeoutsFireWhenEachRunnerChecksThem() {
        ssc.checkpoint(checkpoints.toString());
        PairDStream<String, Integer> pairs = pairInput(List.of(t("a", 1), t("b", 1)));
        StateSpec<String, Integer, Integer, String> spec =
                StateSpec.function(ConformanceSuite::timeoutReport).timeout(Durations.seconds(2));
        TestOutput<String> byDefault = collect("default", pairs.mapWithState(spec));
        StateSpec<String, Integer, Integer, String> spec2 =
                StateSpec.function(ConformanceSuite::timeoutReport).timeout(Durations.seconds(2));
        TestOutput<String> everyTwo =
                collect("every2s", pairs.mapWithState(spec2).checkpoint(Durations.seconds(2)));
        run(11);

        Map<Long, List<?>> exact = new TreeMap<>();
        exact.put(1000L, List.of("a=1", "b=1"));
        exact.put(3000L, List.of("a timed out", "b timed out"));
        if (runner() == Runner.LOCAL) {
            expectOnly(byDefault, 11, exact);
            expectOnly(everyTwo, 11, exact);
        } else {
            expectOnly(
                    byDefault,
                    11,
                    Map.of(
                            1000L,
                            List.of("a=1", "b=1"),
                            10_000L,
                            List.of("a timed out", "b timed out")));
            expectOnly(
                    everyTwo,
                    11,
                    Map.of(
                            1000L,
                            List.of("a=1", "b=1"),
                            4000L,
                            List.of("a timed out", "b timed out")));
        }
    }

    // ---- joins

    @Test
    void joinsAndCogroupPairTheBatchesOfTheSameTime() {
        PairDStream<String, Integer> left =
                pairInput(List.of(t("a", 1), t("b", 2)), List.of(t("c", 3)));
        PairDStream<String, String> right =
                pairInput(List.of(t("a", "x"), t("a", "y"), t("d", "z")), List.of());
        TestOutput<Tuple2<String, Tuple2<Integer, String>>> inner =
                collect("join", left.join(right));
        TestOutput<Tuple2<String, Tuple2<Integer, Optional<String>>>> leftOuter =
                collect("leftOuterJoin", left.leftOuterJoin(right));
        TestOutput<Tuple2<String, Tuple2<Optional<Integer>, String>>> rightOuter =
                collect("rightOuterJoin", left.rightOuterJoin(right, 3));
        TestOutput<Tuple2<String, Tuple2<Optional<Integer>, Optional<String>>>> fullOuter =
                collect("fullOuterJoin", left.fullOuterJoin(right));
        TestOutput<Tuple2<String, Tuple2<List<Integer>, List<String>>>> cogrouped =
                collect(
                        "cogroup",
                        left.cogroup(right)
                                .mapValues(g -> new Tuple2<>(sorted(g._1()), sorted(g._2()))));
        run(2);

        expect(inner, batch(1000, t("a", t(1, "x")), t("a", t(1, "y"))), batch(2000));
        expect(
                leftOuter,
                batch(
                        1000,
                        t("a", t(1, Optional.of("x"))),
                        t("a", t(1, Optional.of("y"))),
                        t("b", t(2, Optional.empty()))),
                batch(2000, t("c", t(3, Optional.empty()))));
        expect(
                rightOuter,
                batch(
                        1000,
                        t("a", t(Optional.of(1), "x")),
                        t("a", t(Optional.of(1), "y")),
                        t("d", t(Optional.empty(), "z"))),
                batch(2000));
        expect(
                fullOuter,
                batch(
                        1000,
                        t("a", t(Optional.of(1), Optional.of("x"))),
                        t("a", t(Optional.of(1), Optional.of("y"))),
                        t("b", t(Optional.of(2), Optional.empty())),
                        t("d", t(Optional.empty(), Optional.of("z")))),
                batch(2000, t("c", t(Optional.of(3), Optional.empty()))));
        expect(
                cogrouped,
                batch(
                        1000,
                        t("a", t(List.of(1), List.of("x", "y"))),
                        t("b", t(List.of(2), List.of())),
                        t("d", t(List.of(), List.of("z")))),
                batch(2000, t("c", t(List.of(3), List.of()))));
    }

    // ---- union, repartition, transform

    @Test
    void unionRepartitionAndTransformsCombineBatchesOfTheSameTime() {
        DStream<Integer> one = input(List.of(1, 2), List.of(), List.of(5));
        DStream<Integer> two = input(List.of(3), List.of(4), List.of());
        DStream<Integer> three = input(List.of(), List.of(6), List.of(7));
        TestOutput<Integer> union = collect("union", one.union(two));
        TestOutput<Integer> unionOfThree = collect("ssc.union", ssc.union(one, two, three));
        TestOutput<Integer> partitions =
                collect(
                        "repartition",
                        one.union(two)
                                .repartition(3)
                                .transform(
                                        b -> {
                                            int n = b.getNumPartitions();
                                            return b.map(x -> x * 10 + n);
                                        }));
        TestOutput<Tuple2<Integer, Integer>> byParity =
                collect(
                        "transformToPair",
                        one.union(two)
                                .cache()
                                .transformToPair(b -> b.mapToPair(x -> new Tuple2<>(x % 2, x)))
                                .reduceByKey(Integer::sum));
        TestOutput<Integer> odd =
                collect(
                        "transform",
                        one.transform(b -> b.filter(x -> x % 2 == 1).map(x -> x * 10)));
        TestOutput<String> timed =
                collect(
                        "transformWithTime",
                        two.transform((b, time) -> b.map(x -> x + "@" + time.milliseconds())));
        TestOutput<Integer> with =
                collect(
                        "transformWith",
                        one.transformWith(
                                two,
                                (Batch<Integer> a, Batch<Integer> b, Time time) ->
                                        a.union(b.map(x -> -x))));
        TestOutput<Long> counts =
                collect(
                        "ssc.transform",
                        ssc.transform(
                                List.of(one, two, three),
                                (batches, time) -> {
                                    long n = 0;
                                    for (Batch<?> b : batches) {
                                        n += b.count();
                                    }
                                    long total = n;
                                    Batch<Integer> first = erase(batches.get(0));
                                    return first.union(erase(batches.get(1)))
                                            .union(erase(batches.get(2)))
                                            .map(x -> total);
                                }));
        run(3);

        expect(union, batch(1000, 1, 2, 3), batch(2000, 4), batch(3000, 5));
        expect(unionOfThree, batch(1000, 1, 2, 3), batch(2000, 4, 6), batch(3000, 5, 7));
        expect(partitions, batch(1000, 13, 23, 33), batch(2000, 43), batch(3000, 53));
        expect(byParity, batch(1000, t(1, 4), t(0, 2)), batch(2000, t(0, 4)), batch(3000, t(1, 5)));
        expect(odd, batch(1000, 10), batch(2000), batch(3000, 50));
        expect(timed, batch(1000, "3@1000"), batch(2000, "4@2000"), batch(3000));
        expect(with, batch(1000, 1, 2, -3), batch(2000, -4), batch(3000, 5));
        expect(counts, batch(1000, 3L, 3L, 3L), batch(2000, 2L, 2L), batch(3000, 2L, 2L));
    }

    // ---- outputs

    @Test
    void printWritesTheSameTextOnBothRunners() {
        DStream<String> words = input(List.of("a", "b", "c"), List.of(), List.of("d"));
        words.map(w -> w + w).print(2);
        run(3);

        assertEquals(
                "-------------------------------------------\n"
                        + "Time: 1000 ms\n"
                        + "-------------------------------------------\n"
                        + "aa\n"
                        + "bb\n"
                        + "...\n"
                        + "\n"
                        + "-------------------------------------------\n"
                        + "Time: 2000 ms\n"
                        + "-------------------------------------------\n"
                        + "\n"
                        + "-------------------------------------------\n"
                        + "Time: 3000 ms\n"
                        + "-------------------------------------------\n"
                        + "dd\n"
                        + "\n",
                driver.printed());
    }

    @Test
    void foreachRDDSeesTheBatchWithItsActions() {
        DStream<Integer> numbers = input(List.of(5, 3, 9, 1), List.of());
        numbers.foreachRDD(
                (batch, time) ->
                        RECORDED.add(
                                List.<Object>of(
                                        time.milliseconds(),
                                        batch.count(),
                                        batch.isEmpty(),
                                        batch.top(2),
                                        batch.sortBy(x -> x, true, 1).collect(),
                                        batch.isEmpty() ? 0 : batch.reduce(Integer::sum),
                                        batch.filter(x -> x > 2).count(),
                                        batch.mapToPair(x -> new Tuple2<>(x % 2, x)).count())));
        run(2);

        assertEquals(
                List.of(
                        List.of(1000L, 4L, false, List.of(9, 5), List.of(1, 3, 5, 9), 18, 3L, 4L),
                        List.of(2000L, 0L, true, List.of(), List.of(), 0, 0L, 0L)),
                new ArrayList<>(RECORDED));
    }

    @Test
    void topWithAComparatorThatDoesNotSerialiseFindsTheSameElements() {
        DStream<String> words = input(List.of("kiwi", "fig", "banana", "apple"));
        words.foreachRDD(
                batch ->
                        RECORDED.add(
                                List.copyOf(batch.top(2, Comparator.comparing(String::length)))));
        run(1);

        assertEquals(List.of(List.of("banana", "apple")), new ArrayList<>(RECORDED));
    }

    /** Holds a socket, which cannot be shipped to an executor. */
    static final class Connection implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final Object socket = new java.net.Socket();
    }

    /**
     * A function given to a batch inside {@code foreachRDD} that captures something that cannot be
     * shipped: the local runner never serialises functions, so it runs; Spark ships it, so the
     * Spark runner rejects it, naming the call and the field (a documented difference).
     */
    @Test
    void aBatchFunctionThatDoesNotSerialiseFailsOnlyOnSpark() {
        Connection connection = new Connection();
        DStream<String> words = input(List.of("a", "b"));
        words.foreachRDD(
                batch ->
                        RECORDED.add(
                                List.copyOf(
                                        batch.map(w -> w + connection.socket.hashCode() * 0)
                                                .collect())));

        if (runner() == Runner.LOCAL) {
            run(1);
            assertEquals(List.of(List.of("a0", "b0")), new ArrayList<>(RECORDED));
        } else {
            driver.start();
            UserFunctionException e =
                    assertThrows(UserFunctionException.class, () -> driver.advanceBatches(1));
            assertTrue(
                    e.operator().startsWith("foreachRDD at ConformanceSuite.java:"), e.operator());
            assertTrue(
                    e.getCause()
                            .getMessage()
                            .matches(
                                    "The function of Batch.map at ConformanceSuite.java:\\d+ does"
                                            + " not serialise, so the Spark runner cannot ship it"
                                            + " to the executors: .* → field 'socket' of"
                                            + " dev.ember.spark.conformance.ConformanceSuite\\$Connection"
                                            + " holds java.net.Socket, which is not Serializable; .*"),
                    e.getCause().getMessage());
        }
    }

    @Test
    void sliceReturnsTheRememberedBatchesOfATimeRange() {
        ssc.remember(Durations.seconds(10));
        DStream<Integer> numbers = input(List.of(1, 2), List.of(3), List.of(), List.of(4));
        DStream<Integer> doubled = numbers.map(x -> x * 2);
        doubled.foreachRDD(b -> {});
        run(4);

        List<List<Integer>> sliced = new ArrayList<>();
        for (Batch<Integer> b : doubled.slice(new Time(1500), new Time(3000))) {
            sliced.add(sortedInts(b.collect()));
        }
        assertEquals(List.of(List.of(2, 4), List.of(6), List.of()), sliced);
    }

    @Test
    void aFailingFunctionStopsTheStreamNamingTheOperatorAndTheBatch() {
        DStream<String> words = input(List.of("fine"), List.of("boom"), List.of("later"));
        collect("out", words.map(ConformanceSuite::explodeOnBoom));
        driver.start();
        driver.advanceBatches(1);

        UserFunctionException e =
                assertThrows(UserFunctionException.class, () -> driver.advanceBatches(1));

        assertTrue(
                e.operator().startsWith("map at ConformanceSuite.java:"),
                () -> "operator: " + e.operator());
        assertEquals(new Time(2000), e.batchTime());
        assertEquals("no boom allowed", e.getCause().getMessage());
        assertEquals(StreamingContextState.STOPPED, ssc.getState());
    }

    // ---- inputs other than queues

    /** A source whose every cut takes the next chunk of records: offsets count the records. */
    static final class ChunkSource implements Source<String> {
        private static final long serialVersionUID = 1L;
        static final Queue<String> PROCESSED = new ConcurrentLinkedQueue<>();

        private final List<List<String>> chunks;

        ChunkSource(List<List<String>> chunks) {
            this.chunks = chunks;
        }

        @Override
        public String describe() {
            return "chunks";
        }

        @Override
        public String identity() {
            return "chunks";
        }

        @Override
        public Replay replay() {
            return Replay.RANGES;
        }

        @Override
        public SourceReader<String> open(SourceContext context) {
            List<String> all = new ArrayList<>();
            List<Integer> ends = new ArrayList<>();
            for (List<String> chunk : chunks) {
                all.addAll(chunk);
                ends.add(all.size());
            }
            return new SourceReader<>() {
                private int cuts;

                @Override
                public void start(String after) {}

                @Override
                public Cut cut() {
                    int end = cuts < ends.size() ? ends.get(cuts) : all.size();
                    cuts++;
                    return new Cut(Integer.toString(end), -1);
                }

                @Override
                public List<? extends List<? extends String>> read(String from, String to) {
                    int start = from == null ? 0 : Integer.parseInt(from);
                    return List.of(all.subList(start, Integer.parseInt(to)));
                }

                @Override
                public void processed(String to) {
                    PROCESSED.add(to);
                }

                @Override
                public void close() {}
            };
        }
    }

    @Test
    void aSourceIsCutIntoOffsetRangesAtEachBatch() throws InterruptedException {
        ChunkSource.PROCESSED.clear();
        List<StreamInputInfo> inputs = new CopyOnWriteArrayList<>();
        List<String> outputs = new CopyOnWriteArrayList<>();
        CountDownLatch completed = new CountDownLatch(3);
        ssc.addStreamingListener(
                new StreamingListener() {
                    @Override
                    public void onBatchCompleted(StreamingListenerBatchCompleted batch) {
                        inputs.add(batch.batchInfo().streamIdToInputInfo().get(0));
                        batch.batchInfo()
                                .outputOperationInfos()
                                .forEach(
                                        (id, info) ->
                                                outputs.add(
                                                        id
                                                                + " "
                                                                + info.batchTime()
                                                                + " "
                                                                + info.description()
                                                                + " failed: "
                                                                + info.failureReason()));
                        completed.countDown();
                    }
                });
        DStream<String> records =
                ssc.sourceStream(
                        new ChunkSource(List.of(List.of("a", "b"), List.of(), List.of("c"))));
        TestOutput<String> out = collect("out", records.map(String::toUpperCase));
        run(3);

        expect(out, batch(1000, "A", "B"), batch(2000), batch(3000, "C"));
        assertEquals(List.of("2", "2", "3"), new ArrayList<>(ChunkSource.PROCESSED));
        assertTrue(completed.await(60, TimeUnit.SECONDS), "three batches completed");
        String name = "sourceStream[chunks]";
        assertEquals(
                List.of(
                        new StreamInputInfo(0, name, 2, null, "2"),
                        new StreamInputInfo(0, name, 0, "2", "2"),
                        new StreamInputInfo(0, name, 1, "2", "3")),
                inputs);
        assertEquals(3, outputs.size(), () -> "outputs: " + outputs);
        for (int b = 0; b < 3; b++) {
            String info = outputs.get(b);
            assertTrue(
                    info.matches(
                            "0 "
                                    + (b + 1) * 1000
                                    + " ms foreachRDD at StreamingTestDriver\\.java:\\d+ failed:"
                                    + " null"),
                    info);
        }
    }

    /** Stores its records as one block when started, then stops itself. */
    static final class OneBlockReceiver extends Receiver<String> {
        private static final long serialVersionUID = 1L;
        private final List<String> records;

        OneBlockReceiver(List<String> records) {
            super(StorageLevel.MEMORY_ONLY);
            this.records = records;
        }

        @Override
        public void onStart() {
            store(new ArrayList<>(records));
            stop("every record stored");
        }

        @Override
        public void onStop() {}
    }

    @Test
    void aReceiversRecordsGoToTheNextBatch() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        ssc.addStreamingListener(
                new StreamingListener() {
                    @Override
                    public void onReceiverStopped(StreamingListenerReceiverStopped event) {
                        stopped.countDown();
                    }
                });
        DStream<String> records = ssc.receiverStream(new OneBlockReceiver(List.of("x", "y", "z")));
        TestOutput<String> out = collect("out", records);
        driver.start();
        assertTrue(stopped.await(60, TimeUnit.SECONDS), "the receiver stopped");
        driver.advanceBatches(2);

        expect(out, batch(1000, "x", "y", "z"), batch(2000));
    }

    // ---- functions (static, so that Spark can ship them)

    private static Iterator<String> split(String line) {
        return Arrays.asList(line.split(" ")).iterator();
    }

    private static Iterator<String> upperCase(Iterator<String> partition) {
        List<String> out = new ArrayList<>();
        partition.forEachRemaining(w -> out.add(w.toUpperCase()));
        return out.iterator();
    }

    private static <T extends Comparable<T>> List<T> sorted(Iterable<T> values) {
        List<T> list = new ArrayList<>();
        values.forEach(list::add);
        list.sort(null);
        return list;
    }

    private static List<Integer> sortedInts(List<Integer> values) {
        List<Integer> list = new ArrayList<>(values);
        list.sort(null);
        return list;
    }

    private static Optional<Integer> sumUpTo20(List<Integer> values, Optional<Integer> state) {
        int sum = state.orElse(0);
        for (int v : values) {
            sum += v;
        }
        return sum > 20 ? Optional.empty() : Optional.of(sum);
    }

    private static Tuple2<String, Integer> sumUpTo100(
            String key, Optional<Integer> value, dev.ember.streaming.State<Integer> state) {
        int sum = value.orElse(0) + state.getOption().orElse(0);
        if (sum > 100) {
            state.remove();
        } else {
            state.update(sum);
        }
        return new Tuple2<>(key, sum);
    }

    private static Optional<String> firstSeen(
            Time time,
            String key,
            Optional<Integer> value,
            dev.ember.streaming.State<Boolean> state) {
        if (state.exists()) {
            return Optional.empty();
        }
        state.update(true);
        return Optional.of(key + "@" + time.milliseconds());
    }

    private static String timeoutReport(
            String key, Optional<Integer> value, dev.ember.streaming.State<Integer> state) {
        if (state.isTimingOut()) {
            return key + " timed out";
        }
        state.update(value.orElse(0));
        return key + "=" + value.orElse(0);
    }

    private static String explodeOnBoom(String word) {
        if (word.equals("boom")) {
            throw new IllegalArgumentException("no boom allowed");
        }
        return word;
    }

    // ---- the harness

    @SafeVarargs
    private <T> DStream<T> input(List<T>... batches) {
        Queue<List<T>> queue = new ConcurrentLinkedQueue<>();
        for (List<T> b : batches) {
            queue.add(b);
        }
        return ssc.queueStream(queue);
    }

    @SafeVarargs
    private <K, V> PairDStream<K, V> pairInput(List<Tuple2<K, V>>... batches) {
        Queue<List<Tuple2<K, V>>> queue = new ConcurrentLinkedQueue<>();
        for (List<Tuple2<K, V>> b : batches) {
            queue.add(b);
        }
        return ssc.queueStream(queue).mapToPair(p -> p);
    }

    private <T> TestOutput<T> collect(String name, DStream<T> stream) {
        return driver.collect(name, stream);
    }

    private void run(int batches) {
        driver.start();
        driver.advanceBatches(batches);
    }

    private static <A, B> Tuple2<A, B> t(A a, B b) {
        return new Tuple2<>(a, b);
    }

    private record Expected(long time, List<Object> elements) {}

    private static Expected batch(long time, Object... elements) {
        return new Expected(time, Arrays.asList(elements));
    }

    /** Every batch of {@code out}, by time, holds exactly the elements expected, in any order. */
    private static void expect(TestOutput<?> out, Expected... expected) {
        Map<Long, List<?>> byTime = new LinkedHashMap<>();
        for (Expected e : expected) {
            byTime.put(e.time(), e.elements());
        }
        Map<Long, Map<Object, Integer>> want = new TreeMap<>();
        byTime.forEach((time, elements) -> want.put(time, multiset(elements)));
        Map<Long, Map<Object, Integer>> got = new TreeMap<>();
        out.batches().forEach((time, elements) -> got.put(time.milliseconds(), multiset(elements)));
        assertEquals(want, got, () -> "batches of " + out.name());
    }

    /**
     * {@code out} has a batch at every batch time up to {@code batches}; the ones in {@code
     * nonEmpty} hold those elements, all others are empty.
     */
    private static void expectOnly(TestOutput<?> out, int batches, Map<Long, List<?>> nonEmpty) {
        List<Expected> all = new ArrayList<>();
        for (long t = 1000; t <= batches * 1000L; t += 1000) {
            List<?> elements = nonEmpty.getOrDefault(t, List.of());
            all.add(new Expected(t, new ArrayList<>(elements)));
        }
        expect(out, all.toArray(Expected[]::new));
    }

    private static Map<Object, Integer> multiset(Collection<?> elements) {
        Map<Object, Integer> counts = new HashMap<>();
        for (Object e : elements) {
            counts.merge(e, 1, Integer::sum);
        }
        return counts;
    }

    @SuppressWarnings("unchecked")
    private static <X> X erase(Object o) {
        return (X) o;
    }
}
