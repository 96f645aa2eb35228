package dev.ember.bench.internal;

import dev.ember.bench.internal.Protocol.Message;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A socket job: the loopback generator and the child JVM connected to it. */
final class SocketSession implements AutoCloseable {
    final LineServer server;
    final ChildRun child;
    final String engine;

    private SocketSession(LineServer server, ChildRun child, String engine) {
        this.server = server;
        this.child = child;
        this.engine = engine;
    }

    /**
     * Starts the generator at {@code rate}, launches the job and waits until it has connected.
     *
     * @throws RunFailed when the job reports that it cannot run, fails or never connects
     */
    static SocketSession open(
            Setup setup,
            Corpus corpus,
            String workload,
            String engine,
            Map<String, Object> params,
            double rate,
            int markerEvery)
            throws IOException, InterruptedException, RunFailed {
        LineServer server = new LineServer(corpus, rate, markerEvery);
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("port", server.port());
        ChildRun child;
        try {
            child = ChildRun.start(setup, workload, engine, all);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        long deadline = System.currentTimeMillis() + 180_000;
        while (!server.awaitConnection(100)) {
            Message stop = child.first(Protocol.UNSUPPORTED);
            String why = null;
            if (stop != null) {
                why = stop.get("reason");
            } else if (child.first(Protocol.ERROR) != null || !child.isAlive()) {
                why = child.failure();
            } else if (System.currentTimeMillis() > deadline) {
                why = "failed: did not connect within 180 s";
            }
            if (why != null) {
                child.close();
                server.close();
                throw new RunFailed(why);
            }
        }
        return new SocketSession(server, child, engine);
    }

    @Override
    public void close() throws IOException {
        child.close();
        server.close();
    }
}
