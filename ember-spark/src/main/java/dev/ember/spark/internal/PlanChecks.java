package dev.ember.spark.internal;

import dev.ember.spi.RunSettings;
import dev.ember.spi.SteppedClock;
import dev.ember.spi.plan.InputNode;
import dev.ember.spi.plan.InputSpec;
import dev.ember.spi.plan.PlanNode;
import dev.ember.spi.plan.StreamGraph;
import dev.ember.streaming.Clock;
import dev.ember.streaming.InvalidPipelineException;
import dev.ember.streaming.SocketOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Spark runner checks before it starts any Spark work: every object Spark would ship
 * serialises ({@link Serialization}), and the program uses no feature that only the local runner
 * has. Each rejection names the operator and the reason.
 */
final class PlanChecks {
    /** The receiver behind the test kit's {@code TestInput}, which only an in-JVM runner feeds. */
    private static final String TEST_INPUT_RECEIVER = "dev.ember.test.TestInput$InputReceiver";

    private PlanChecks() {}

    /**
     * Checks {@code graph} for {@code master}; returns every user object of the plan, whose classes
     * are the code to ship.
     *
     * @throws InvalidPipelineException when something cannot run on Spark
     */
    static List<Object> check(StreamGraph graph, RunSettings settings, SparkMaster master) {
        if (settings.restoreFrom() != null) {
            throw new InvalidPipelineException(
                    "context '"
                            + graph.appName()
                            + "' was given a snapshot of the local runner's state to restore,"
                            + " which the Spark runner cannot load: Spark keeps state in RDDs of its"
                            + " own; restore it on the local runner, or start on Spark without it");
        }
        Clock clock = settings.clock();
        if (!(clock instanceof SteppedClock) && clock.getClass() != Clock.system().getClass()) {
            throw new InvalidPipelineException(
                    "context '"
                            + graph.appName()
                            + "' has a clock of its own ("
                            + clock.getClass().getName()
                            + "), which the Spark runner cannot use: Spark's batches follow the"
                            + " system clock, or Spark's manual clock under a stepped clock such as"
                            + " the test kit's ManualClock; drop setClock(...) or use a stepped"
                            + " clock");
        }
        int receivers = 0;
        String firstReceiver = null;
        List<Object> code = new ArrayList<>();
        PlanObjects objects = new PlanObjects();
        for (PlanNode node : graph.nodes()) {
            if (node instanceof InputNode input) {
                if (input.spec() instanceof InputSpec.SocketText socket) {
                    requireDefaults(input, socket.options());
                }
                if (input.spec() instanceof InputSpec.ReceiverInput r
                        && r.receiver().getClass().getName().equals(TEST_INPUT_RECEIVER)) {
                    throw new InvalidPipelineException(
                            "test input '"
                                    + graph.name(input)
                                    + "' ("
                                    + input.info().describe()
                                    + ") is filled by the test's thread in this JVM, but Spark runs a"
                                    + " serialised copy of its receiver on an executor, which the test"
                                    + " cannot reach; feed pipelines tested on Spark with queueStream"
                                    + " or sourceStream");
                }
                if (input.spec() instanceof InputSpec.SocketText
                        || input.spec() instanceof InputSpec.ReceiverInput) {
                    receivers++;
                    if (firstReceiver == null) {
                        firstReceiver = input.info().describe();
                    }
                }
            }
            for (PlanObjects.Held held : node.accept(objects)) {
                code.add(held.object());
                if (held.shipped()) {
                    Serialization.require(held.object(), node.info().describe(), held.what());
                }
            }
        }
        if (master.isLocal() && receivers >= master.localThreads()) {
            throw new InvalidPipelineException(
                    "master '"
                            + master.ember()
                            + "' gives Spark "
                            + master.localThreads()
                            + " core(s), and the program's "
                            + receivers
                            + " receiver(s) ("
                            + firstReceiver
                            + (receivers > 1 ? " and others" : "")
                            + ") each hold one for as long as they run, so no batch would ever be"
                            + " processed; use spark-local["
                            + (receivers + 1)
                            + "] or more (the local runner gives receivers threads of their own)");
        }
        return code;
    }

    private static void requireDefaults(InputNode input, SocketOptions options) {
        SocketOptions defaults = SocketOptions.defaults();
        if (options.maxLineBytes() != defaults.maxLineBytes()
                || !options.initialBackoff().equals(defaults.initialBackoff())
                || !options.maxBackoff().equals(defaults.maxBackoff())) {
            throw new InvalidPipelineException(
                    input.info().describe()
                            + " sets "
                            + options
                            + ", which only the local runner has: Spark's socket receiver has no"
                            + " line limit and reconnects every 2 s; use SocketOptions.defaults()"
                            + " (or the two-argument socketTextStream) to run on Spark");
        }
    }
}
