package dev.ember.bench.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The entry point of the JVMs the harness launches: {@code <workload> <engine> key=value...}.
 * Messages go to stdout in the {@link Protocol}; logs go to stderr. The process exits when its
 * stdin closes, so no child outlives the harness.
 */
public final class ChildMain {
    private ChildMain() {}

    public static void main(String[] args) {
        exitWhenStdinCloses();
        try {
            if (args.length < 2) {
                throw new IllegalArgumentException(
                        "usage: ChildMain <workload> <engine> key=value...");
            }
            Params p = Params.parse(args, 2);
            String workload = args[0];
            if (workload.equals("sink")) {
                sink(p);
                return;
            }
            Jobs jobs =
                    switch (args[1]) {
                        case "ember" -> new EmberJobs();
                        case "spark" -> newSparkJobs();
                        case "kernel" -> new Kernel();
                        default ->
                                throw new IllegalArgumentException(
                                        "unknown engine '" + args[1] + "': ember, spark, kernel");
                    };
            switch (workload) {
                case "memwc" -> jobs.memWordCount(p);
                case "socketwc" -> jobs.socketWordCount(p);
                case "hashtags" -> jobs.hashtags(p);
                case "latency" -> jobs.latency(p);
                default ->
                        throw new IllegalArgumentException(
                                "unknown workload '"
                                        + workload
                                        + "': memwc, socketwc, hashtags, latency, sink");
            }
            System.out.flush();
            Runtime.getRuntime().halt(0);
        } catch (Throwable t) {
            t.printStackTrace();
            Throwable root = t;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            Protocol.emit(
                    Protocol.ERROR, "msg", root.getClass().getName() + ":" + root.getMessage());
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            System.err.println(trace);
            System.err.flush();
            Runtime.getRuntime().halt(1);
        }
    }

    /** Loaded only for the Spark engine, so other children never touch Spark's classes. */
    private static Jobs newSparkJobs() throws ReflectiveOperationException {
        return (Jobs)
                Class.forName("dev.ember.bench.internal.SparkJobs")
                        .getDeclaredConstructor()
                        .newInstance();
    }

    /** Reads and counts bytes, nothing else: the loopback ingest limit. */
    private static void sink(Params p) throws IOException {
        try (SocketChannel channel =
                SocketChannel.open(new InetSocketAddress("127.0.0.1", p.intValue("port")))) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
            long total = 0;
            long nextReport = System.currentTimeMillis() / 1000 * 1000 + 1000;
            while (true) {
                int n = channel.read(buffer);
                if (n < 0) {
                    break;
                }
                total += n;
                buffer.clear();
                long now = System.currentTimeMillis();
                if (now >= nextReport) {
                    Protocol.emit(Protocol.INFO, "t", nextReport, "bytes", total);
                    nextReport += 1000;
                }
            }
            Protocol.emit(Protocol.RESULT, "bytes", total);
        }
    }

    private static void exitWhenStdinCloses() {
        Thread watcher =
                new Thread(
                        () -> {
                            try {
                                InputStream in = System.in;
                                while (in.read() >= 0) {
                                    // the harness never writes; EOF means it has gone
                                }
                            } catch (IOException e) {
                                // treat as EOF
                            }
                            Runtime.getRuntime().halt(3);
                        },
                        "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
