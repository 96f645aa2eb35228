package dev.ember.spark.conformance;

/** The conformance suite on the local runner, {@code local[2]}, with the test kit's clock. */
class LocalConformanceTest extends ConformanceSuite {
    @Override
    Runner runner() {
        return Runner.LOCAL;
    }
}
