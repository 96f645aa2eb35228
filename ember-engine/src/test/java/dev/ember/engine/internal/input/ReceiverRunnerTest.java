package dev.ember.engine.internal.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.streaming.Receiver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

public class ReceiverRunnerTest {

    /** A receiver that stores only when the test tells it to. */
    private static final class Manual extends Receiver<String> {
        @Override
        public void onStart() {}

        @Override
        public void onStop() {}
    }

    @Test
    void cutTakesEverythingStoredSoFarInOrder() {
        Manual receiver = new Manual();
        ReceiverRunner runner = new ReceiverRunner(receiver, "manual", 100);
        runner.start();
        receiver.store("a");
        receiver.store(List.of("b", "c"));
        receiver.store("d");

        assertEquals(List.of(List.of("a"), List.of("b", "c"), List.of("d")), runner.cut());
        assertEquals(List.of(), runner.cut());
        runner.stop();
    }

    @Test
    void boundCoversBatchesCutButNotYetProcessed() throws Exception {
        Manual receiver = new Manual();
        ReceiverRunner runner = new ReceiverRunner(receiver, "manual", 4);
        runner.start();
        receiver.store(List.of("a", "b", "c"));
        assertEquals(3, runner.cut().get(0).size());

        // The cut batch still holds 3 of the 4 records allowed: a block of 2 must wait.
        CompletableFuture<Void> store =
                CompletableFuture.runAsync(() -> receiver.store(List.of("d", "e")));
        assertThrows(TimeoutException.class, () -> store.get(200, TimeUnit.MILLISECONDS));
        assertFalse(store.isDone());

        runner.release(3);
        store.get(5, TimeUnit.SECONDS);
        assertEquals(List.of(List.of("d", "e")), runner.cut());
        runner.stop();
    }

    @Test
    void stopReleasesAStoreWaitingForRoom() throws Exception {
        Manual receiver = new Manual();
        ReceiverRunner runner = new ReceiverRunner(receiver, "manual", 1);
        runner.start();
        receiver.store("a");
        CompletableFuture<Void> store = CompletableFuture.runAsync(() -> receiver.store("b"));
        assertThrows(TimeoutException.class, () -> store.get(200, TimeUnit.MILLISECONDS));

        runner.stop();
        store.get(5, TimeUnit.SECONDS);
    }
}
