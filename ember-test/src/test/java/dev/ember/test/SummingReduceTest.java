package dev.ember.test;

import static dev.ember.test.Unordered.byKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import dev.ember.streaming.UserFunctionException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * reduceByKey with Integer::sum or Long::sum folds values unboxed; results must be exactly those of
 * the boxed functions, overflow included.
 */
class SummingReduceTest {
    private final StreamingContext ssc =
            new StreamingContext("local[2]", "SummingReduceTest", Durations.seconds(1));
    private final StreamingTestDriver driver = StreamingTestDriver.create(ssc);

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void integerSumWrapsAroundLikeIntegerSum() {
        TestInput<Tuple2<String, Integer>> in = driver.newInput("in");
        TestOutput<Tuple2<String, Integer>> out =
                driver.collect("out", in.stream().mapToPair(t -> t).reduceByKey(Integer::sum));
        driver.start();

        in.add(Tuple2.of("max", Integer.MAX_VALUE), Tuple2.of("max", 1), Tuple2.of("x", -3));
        in.add(Tuple2.of("x", 5));
        driver.advanceBatches(1);

        assertEquals(
                List.of(Tuple2.of("max", Integer.MIN_VALUE), Tuple2.of("x", 2)),
                byKey(out.batch(1000)));
        assertInstanceOf(Integer.class, out.batch(1000).get(0)._2());
    }

    @Test
    void longSumGivesLongs() {
        TestInput<String> in = driver.newInput("in");
        TestOutput<Tuple2<String, Long>> out =
                driver.collect(
                        "out", in.stream().mapToPair(w -> Tuple2.of(w, 3L)).reduceByKey(Long::sum));
        driver.start();

        in.add("a", "b", "a");
        driver.advanceBatches(1);

        assertEquals(List.of(Tuple2.of("a", 6L), Tuple2.of("b", 3L)), byKey(out.batch(1000)));
    }

    @Test
    void aNullValueFailsTheBatchNamingTheOperator() {
        TestInput<String> in = driver.newInput("in");
        driver.collect(
                "out",
                in.stream().mapToPair(w -> Tuple2.of(w, (Integer) null)).reduceByKey(Integer::sum));
        driver.start();

        in.add("a");
        UserFunctionException e =
                assertThrows(UserFunctionException.class, () -> driver.advanceBatches(1));
        assertTrue(
                e.getMessage().contains("reduceByKey at SummingReduceTest.java"), e.getMessage());
        assertInstanceOf(NullPointerException.class, e.getCause());
    }
}
