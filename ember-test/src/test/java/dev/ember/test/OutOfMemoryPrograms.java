package dev.ember.test;

import dev.ember.streaming.Durations;
import dev.ember.streaming.Receiver;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.StreamingException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Programs that run out of heap on purpose, for {@link FatalErrorIT}, each in a JVM of its own with
 * a small heap: {@code function} exhausts it in a user function on a worker thread, {@code
 * receiver} in a receiver's own thread. Each prints what {@code awaitTermination} threw and the
 * Ember threads still alive a moment after, then exits 0 (or 1 if nothing was thrown).
 */
public final class OutOfMemoryPrograms {
    private OutOfMemoryPrograms() {}

    /** Stores a record now and then; {@code hog} also fills the heap on its own thread. */
    static final class Ticker extends Receiver<String> {
        private static final long serialVersionUID = 1L;
        private final boolean hog;
        private transient volatile Thread thread;

        Ticker(boolean hog) {
            this.hog = hog;
        }

        @Override
        public void onStart() {
            thread =
                    new Thread(
                            () -> {
                                List<long[]> held = new ArrayList<>();
                                while (!isStopped()) {
                                    store("tick");
                                    if (hog) {
                                        held.add(new long[1 << 18]);
                                    } else {
                                        try {
                                            Thread.sleep(10);
                                        } catch (InterruptedException e) {
                                            return;
                                        }
                                    }
                                }
                            },
                            "ticker");
            thread.start();
        }

        @Override
        public void onStop() {
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        boolean inReceiver = args[0].equals("receiver");
        StreamingContext ssc =
                new StreamingContext("local[2]", "OutOfMemory", Durations.milliseconds(100));
        ssc.receiverStream(new Ticker(inReceiver))
                .map(
                        tick -> {
                            if (!inReceiver) {
                                List<long[]> held = new ArrayList<>();
                                while (true) {
                                    held.add(new long[1 << 18]);
                                }
                            }
                            return tick;
                        })
                .foreachRDD(batch -> batch.count());
        ssc.start();
        int status = 1;
        try {
            ssc.awaitTerminationOrTimeout(TimeUnit.SECONDS.toMillis(60));
            System.out.println("no failure");
        } catch (StreamingException e) {
            System.out.println("stopped: " + e.getMessage());
            System.out.println("cause: " + e.getCause().getClass().getName());
            status = 0;
        }
        System.out.println("state: " + ssc.getState());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        TreeSet<String> alive = emberThreads();
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            alive = emberThreads();
        }
        System.out.println("threads: " + alive);
        System.out.flush();
        System.exit(status);
    }

    private static TreeSet<String> emberThreads() {
        TreeSet<String> names = new TreeSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && (t.getName().startsWith("ember-") || t.getName().equals("ticker"))) {
                names.add(t.getName());
            }
        }
        return names;
    }
}
