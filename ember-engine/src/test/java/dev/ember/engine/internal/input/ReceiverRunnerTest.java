package dev.ember.engine.internal.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.spi.SourceReader;
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

    private String lastCut;

    /** Cuts the runner and reads the cut's blocks, as a batch does. */
    private List<? extends List<?>> cutBlocks(ReceiverRunner runner) {
        SourceReader.Cut cut = runner.cut();
        List<? extends List<?>> blocks = runner.read(lastCut, cut.offset());
        lastCut = cut.offset();
        return blocks;
    }

    @Test
    void cutTakesEverythingStoredSoFarInOrder() {
        Manual receiver = new Manual();
        ReceiverRunner runner = new ReceiverRunner(receiver, "manual", 100);
        runner.start(null);
        receiver.store("a");
        receiver.store(List.of("b", "c"));
        receiver.store("d");

        assertEquals(List.of(List.of("a"), List.of("b", "c"), List.of("d")), cutBlocks(runner));
        assertEquals(List.of(), cutBlocks(runner));
        runner.close();
    }

    @Test
    void boundCoversBatchesCutButNotYetProcessed() throws Exception {
        Manual receiver = new Manual();
        ReceiverRunner runner = new ReceiverRunner(receiver, "manual", 4);
        runner.start(null);
        receiver.store(List.of("a", "b", "c"));
        SourceReader.Cut first = runner.cut();
        assertEquals(3, runner.read(null, first.offset()).get(0).size());

        // The cut batch still holds 3 of the 4 records allowed: a block of 2 must wait.
        CompletableFuture<Void> store =
                CompletableFuture.runAsync(() -> receiver.store(List.of("d", "e")));
        assertThrows(TimeoutException.class, () -> store.get(200, TimeUnit.MILLISECONDS));
        assertFalse(store.isDone());

        runner.processed(first.offset());
        store.get(5, TimeUnit.SECONDS);
        assertEquals(List.of(List.of("d", "e")), cutBlocks(runner));
        runner.close();
    }

    @Test
    void stopReleasesAStoreWaitingForRoom() throws Exception {
        Manual receiver = new Manual();
        ReceiverRunner runner = new ReceiverRunner(receiver, "manual", 1);
        runner.start(null);
        receiver.store("a");
        CompletableFuture<Void> store = CompletableFuture.runAsync(() -> receiver.store("b"));
        assertThrows(TimeoutException.class, () -> store.get(200, TimeUnit.MILLISECONDS));

        runner.close();
        store.get(5, TimeUnit.SECONDS);
    }
}
