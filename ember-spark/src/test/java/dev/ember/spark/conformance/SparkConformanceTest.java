package dev.ember.spark.conformance;

import dev.ember.spark.SparkSetup;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance suite on Spark {@code local[2]} with Spark's manual clock. One SparkContext
 * serves the whole class (each test has a streaming context of its own on it), so Spark starts
 * once.
 */
class SparkConformanceTest extends ConformanceSuite {
    private static JavaSparkContext sc;

    @BeforeAll
    static void startSpark() {
        SparkConf conf = new SparkConf();
        SparkSetup.sparkConf().forEach(conf::set);
        sc =
                new JavaSparkContext(
                        conf.setMaster("local[2]")
                                .setAppName("SparkConformanceTest")
                                .set("spark.ui.enabled", "false")
                                .set("spark.ui.showConsoleProgress", "false")
                                .set("spark.driver.host", "127.0.0.1")
                                .set("spark.driver.bindAddress", "127.0.0.1")
                                .set("spark.streaming.clock", "org.apache.spark.util.ManualClock"));
    }

    @AfterAll
    static void stopSpark() {
        if (sc != null) {
            sc.stop();
        }
    }

    @Override
    Runner runner() {
        return Runner.SPARK;
    }
}
