package dev.ember.spark.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Ember master that the Spark runner takes, and the master Spark gets for it: {@code
 * spark-local[N]} becomes Spark's {@code local[N]} ({@code spark-local} its {@code local}, {@code
 * spark-local[*]} its {@code local[*]}); {@code spark://...}, {@code yarn} and {@code k8s://...} go
 * to Spark as they are.
 *
 * @param spark the master as Spark spells it
 * @param localThreads the threads of a local master, 0 for a cluster
 */
record SparkMaster(String ember, String spark, int localThreads) {
    private static final Pattern LOCAL = Pattern.compile("spark-local(?:\\[(\\*|\\d+)])?");

    static boolean isSpark(String master) {
        return master.startsWith("spark-local")
                || master.startsWith("spark://")
                || master.equals("yarn")
                || master.startsWith("k8s://");
    }

    /**
     * @throws IllegalArgumentException when {@code master} is not one the Spark runner takes
     */
    static SparkMaster parse(String master) {
        if (master.startsWith("spark-local")) {
            Matcher m = LOCAL.matcher(master);
            int threads = -1;
            if (m.matches()) {
                if (m.group(1) == null) {
                    threads = 1;
                } else if (m.group(1).equals("*")) {
                    threads = Runtime.getRuntime().availableProcessors();
                } else {
                    try {
                        threads = Integer.parseInt(m.group(1));
                    } catch (NumberFormatException e) {
                        threads = -1;
                    }
                }
            }
            if (threads < 1) {
                throw new IllegalArgumentException(
                        "invalid master '"
                                + master
                                + "': use spark-local, spark-local[N] with N at least 1, or"
                                + " spark-local[*]");
            }
            return new SparkMaster(master, master.substring("spark-".length()), threads);
        }
        if (!isSpark(master) || master.equals("spark://") || master.equals("k8s://")) {
            throw new IllegalArgumentException(
                    "invalid master '"
                            + master
                            + "': the Spark runner takes spark-local[N], spark://host:port, yarn"
                            + " or k8s://https://host:port");
        }
        return new SparkMaster(master, master, 0);
    }

    boolean isLocal() {
        return localThreads > 0;
    }

    /** True for a standalone master on a loopback address, whose workers are on this machine. */
    boolean isLoopback() {
        return spark.startsWith("spark://127.") || spark.startsWith("spark://localhost:");
    }
}
