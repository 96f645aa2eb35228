package dev.ember.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import dev.ember.test.StreamingTestDriver;
import dev.ember.test.TestOutput;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.spark.SparkContext$;
import org.junit.jupiter.api.Test;

/**
 * A program's test on Spark with nothing prepared: the runner creates the SparkContext itself
 * (Spark's manual clock under the test kit's stepped clock, the UI off, loopback only) and stops it
 * with the program.
 */
class SparkRunnerContextTest {

    @Test
    void createsItsOwnSparkContextAndStopsItWithTheProgram() {
        assertFalse(SparkContext$.MODULE$.getActive().isDefined(), "no SparkContext before");
        StreamingContext ssc =
                new StreamingContext("spark-local[2]", "own context", Durations.seconds(1));
        try (StreamingTestDriver driver = StreamingTestDriver.create(ssc)) {
            Queue<List<String>> lines = new ConcurrentLinkedQueue<>();
            lines.add(List.of("a b a"));
            lines.add(List.of("b"));
            TestOutput<Tuple2<String, Integer>> counts =
                    driver.collect(
                            "counts",
                            ssc.queueStream(lines)
                                    .flatMap(l -> Arrays.asList(l.split(" ")).iterator())
                                    .mapToPair(w -> new Tuple2<>(w, 1))
                                    .reduceByKey(Integer::sum)
                                    .transform(b -> b.sortBy(Tuple2::_1, true, 1)));
            driver.start();
            assertTrue(SparkContext$.MODULE$.getActive().isDefined(), "the runner's SparkContext");
            assertEquals(
                    "false",
                    SparkContext$.MODULE$.getActive().get().getConf().get("spark.ui.enabled"));
            driver.advanceBatches(3);

            assertEquals(List.of(new Tuple2<>("a", 2), new Tuple2<>("b", 1)), counts.batch(1000));
            assertEquals(List.of(new Tuple2<>("b", 1)), counts.batch(2000));
            assertEquals(List.of(), counts.batch(3000));
        }
        assertFalse(SparkContext$.MODULE$.getActive().isDefined(), "stopped with the program");
    }
}
