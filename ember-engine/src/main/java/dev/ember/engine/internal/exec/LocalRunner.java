package dev.ember.engine.internal.exec;

import dev.ember.spi.Execution;
import dev.ember.spi.LocalMaster;
import dev.ember.spi.RunSettings;
import dev.ember.spi.Runner;
import dev.ember.spi.plan.StreamGraph;

/** Runs graphs in this JVM for the masters {@code local}, {@code local[N]} and {@code local[*]}. */
public final class LocalRunner implements Runner {

    @Override
    public boolean supports(String master) {
        try {
            LocalMaster.threads(master);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String describe() {
        return "the local runner (local, local[N], local[*])";
    }

    @Override
    public Execution start(StreamGraph graph, RunSettings settings) {
        LocalExecution execution = new LocalExecution(graph, settings);
        execution.start();
        return execution;
    }
}
