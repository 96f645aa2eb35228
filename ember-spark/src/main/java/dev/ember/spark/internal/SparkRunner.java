package dev.ember.spark.internal;

import dev.ember.spi.Execution;
import dev.ember.spi.RunSettings;
import dev.ember.spi.Runner;
import dev.ember.spi.plan.StreamGraph;

/**
 * Runs graphs on Apache Spark Streaming for the masters {@code spark-local}, {@code
 * spark-local[N]}, {@code spark-local[*]} (Spark's {@code local} modes, in this JVM), {@code
 * spark://host:port} (a standalone cluster), {@code yarn} and {@code k8s://...}. Deciding needs no
 * Spark class, so the local runner's programs never load Spark.
 */
public final class SparkRunner implements Runner {

    @Override
    public boolean supports(String master) {
        return SparkMaster.isSpark(master);
    }

    @Override
    public String describe() {
        return "the Spark runner (spark-local, spark-local[N], spark-local[*], spark://host:port,"
                + " yarn, k8s://https://host:port)";
    }

    @Override
    public Execution start(StreamGraph graph, RunSettings settings) {
        return SparkExecution.start(graph, settings, SparkMaster.parse(settings.master()));
    }
}
