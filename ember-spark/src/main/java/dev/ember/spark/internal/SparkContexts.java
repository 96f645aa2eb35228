package dev.ember.spark.internal;

import dev.ember.spark.SparkSetup;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkContext$;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.ManualClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SparkContext a program runs on: the one already active in this JVM, when an application
 * created it (checked for the program's master and the settings Ember needs, and left running at
 * the end), or a new one from a {@code SparkConf} that reads the {@code spark.*} system properties,
 * with Ember's defaults for what they leave unset and, on a cluster, the program's code to ship.
 */
final class SparkContexts {
    private static final Logger LOG = LoggerFactory.getLogger(SparkContexts.class);
    static final String MANUAL_CLOCK = ManualClock.class.getName();

    private SparkContexts() {}

    /**
     * A SparkContext, and whether the runner created it (and so stops it).
     *
     * @param owned true when the runner created it
     */
    record Acquired(JavaSparkContext context, boolean owned) {}

    /**
     * The settings of a context ({@code StreamingConf}) that Spark has too, under its own name:
     * each {@code ember.streaming.X} here is Spark's {@code spark.streaming.X}.
     */
    private static final List<String> SHARED_SETTINGS =
            List.of(
                    "receiver.writeAheadLog.enable",
                    "receiver.maxRate",
                    "backpressure.enabled",
                    "backpressure.initialRate",
                    "backpressure.pid.proportional",
                    "backpressure.pid.integral",
                    "backpressure.pid.derived",
                    "backpressure.pid.minRate",
                    "gracefulStopTimeout");

    /**
     * @param settings the context's settings ({@code StreamingConf}); those Spark has go to the
     *     SparkConf of a new SparkContext, unless a {@code spark.*} property set them already
     */
    static Acquired acquire(
            SparkMaster master,
            String appName,
            boolean stepped,
            List<Object> code,
            Map<String, String> settings) {
        scala.Option<SparkContext> running = SparkContext$.MODULE$.getActive();
        SparkContext active = running.isDefined() ? running.get() : null;
        if (active != null) {
            requireUsable(active, master, appName, stepped);
            return new Acquired(JavaSparkContext.fromSparkContext(active), false);
        }
        SparkConf conf = new SparkConf().setMaster(master.spark()).setAppName(appName);
        if (master.isLocal() || master.isLoopback()) {
            // A program on one machine serves nothing to the network, as Ember's listeners.
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        if (master.isLocal()) {
            conf.setIfMissing("spark.ui.enabled", "false");
        } else {
            Path scratch = Path.of(System.getProperty("java.io.tmpdir"), "ember-spark-jars");
            List<String> jars = CodeShipping.jars(code, scratch);
            // Executors create the serializer when they start, before they fetch spark.jars.
            conf.setIfMissing(
                    "spark.executor.extraClassPath", CodeShipping.executorClassPath(scratch));
            String given = conf.get("spark.jars", "");
            conf.set(
                    "spark.jars",
                    given.isEmpty()
                            ? String.join(",", jars)
                            : given + "," + String.join(",", jars));
            LOG.info("Shipping to the executors of '{}': {}", appName, jars);
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        SparkSetup.sparkConf().forEach(conf::setIfMissing);
        for (String key : SHARED_SETTINGS) {
            String value = settings.get("ember.streaming." + key);
            if (value != null) {
                conf.setIfMissing("spark.streaming." + key, value);
            }
        }
        // Spark deletes a state's old RDD checkpoints once no RDD refers to them.
        conf.setIfMissing("spark.cleaner.referenceTracking.cleanCheckpoints", "true");
        if (stepped) {
            conf.set("spark.streaming.clock", MANUAL_CLOCK);
        } else {
            // Spark's own shutdown hook stops a running stream; let it process what was received,
            // as a graceful stop does (under a stepped clock that would wait for ever).
            conf.setIfMissing("spark.streaming.stopGracefullyOnShutdown", "true");
        }
        return new Acquired(new JavaSparkContext(conf), true);
    }

    private static void requireUsable(
            SparkContext active, SparkMaster master, String appName, boolean stepped) {
        if (!active.master().equals(master.spark())) {
            throw new IllegalStateException(
                    "context '"
                            + appName
                            + "' asks for master '"
                            + master.ember()
                            + "' (Spark's '"
                            + master.spark()
                            + "'), but the SparkContext already running in this JVM has master '"
                            + active.master()
                            + "'; stop that SparkContext or use its master");
        }
        for (Map.Entry<String, String> setting : SparkSetup.sparkConf().entrySet()) {
            String value = active.getConf().get(setting.getKey(), "");
            if (!value.equals(setting.getValue())) {
                throw new IllegalStateException(
                        "context '"
                                + appName
                                + "' runs on the SparkContext already running in this JVM, whose "
                                + setting.getKey()
                                + " is '"
                                + value
                                + "'; Ember's records need "
                                + setting.getKey()
                                + "="
                                + setting.getValue()
                                + ": create the SparkContext with SparkSetup.sparkConf()");
            }
        }
        boolean manual = MANUAL_CLOCK.equals(active.getConf().get("spark.streaming.clock", ""));
        if (stepped != manual) {
            throw new IllegalStateException(
                    "context '"
                            + appName
                            + (stepped
                                    ? "' runs on a stepped clock, which needs Spark's manual clock,"
                                            + " but the SparkContext already running in this JVM"
                                            + " was created without it; create it with"
                                            + " spark.streaming.clock="
                                            + MANUAL_CLOCK
                                    : "' runs on the system clock, but the SparkContext already"
                                            + " running in this JVM has spark.streaming.clock="
                                            + MANUAL_CLOCK
                                            + "; create the SparkContext without it"));
        }
    }
}
