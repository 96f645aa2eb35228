package dev.ember.streaming.internal.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.CheckpointException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger's retention and compaction, written and read back from a real file. */
class LedgerTest {
    @TempDir Path state;

    private Ledger ledger(int kept) {
        return Ledger.open(Optional.of(state), "/data/in", kept, 0);
    }

    /** Takes file {@code name} whole, as one cut. */
    private static void take(Ledger ledger, String name, List<Long> gone) throws IOException {
        FileState file = new FileState(name, 10, 1_000_000_000L, 7);
        ledger.record(List.of(new Item(ledger.lastSeq() + 1, file, 0, 10)), gone, 0);
    }

    private List<String> types() throws IOException {
        List<String> types = new ArrayList<>();
        for (String line : Files.readAllLines(state.resolve(LedgerFile.NAME))) {
            types.add(line.substring(9, 10));
        }
        return types;
    }

    @Test
    void keepsEveryItemAfterTheOldestOfTheLastKeptCommits() throws IOException {
        try (Ledger ledger = ledger(2)) {
            ledger.startFresh(null);
            for (int i = 1; i <= 8; i++) {
                take(ledger, "f" + i, List.of());
            }
            ledger.committed(3);
            assertEquals(19, types().size(), "one commit of two kept: nothing is dropped yet");
            ledger.committed(6);
            assertEquals(
                    List.of(
                            "H", "B", "K", "K", "D", "D", "D", "D", "D", "D", "D", "D", "T", "C",
                            "T", "C", "T", "C", "T", "C", "T", "C"),
                    types());
        }
        try (Ledger again = ledger(2)) {
            assertEquals(
                    List.of(new Offset(7, 0), new Offset(8, 0)),
                    again.resume(new Offset(6, 0), "input 'x'"));
            assertEquals(8, again.remembered().size());
            assertEquals(
                    List.of("f4", "f5", "f6"),
                    again.items(3, 6).stream().map(i -> i.file().name()).toList());
        }
        try (Ledger tooOld = ledger(2)) {
            CheckpointException e =
                    assertThrows(
                            CheckpointException.class,
                            () -> tooOld.resume(new Offset(2, 0), "input 'x'"));
            assertTrue(e.getMessage().contains("keeps the items after #3 only"), e.getMessage());
        }
    }

    @Test
    void aCompactionForgetsTheFilesThatLeftTheDirectory() throws IOException {
        try (Ledger ledger = ledger(1)) {
            ledger.startFresh(sink -> {});
            take(ledger, "a", List.of());
            take(ledger, "b", List.of());
            take(ledger, "c", List.of(Hashing.name("b")));
            ledger.committed(2);
            assertEquals(List.of("H", "B", "K", "D", "D", "T", "C"), types());
        }
        try (Ledger again = ledger(1)) {
            again.resume(new Offset(3, 0), "input 'x'");
            assertTrue(again.remembered().contains(Hashing.name("a")));
            assertTrue(!again.remembered().contains(Hashing.name("b")));
            assertTrue(again.remembered().contains(Hashing.name("c")));
        }
    }

    @Test
    void aCompactionKeepsTheFilesTakenInPartWithTheirNextByte() throws IOException {
        FileState big = new FileState("big", 100, 5, 9);
        try (Ledger ledger = ledger(1)) {
            ledger.startFresh(null);
            ledger.record(List.of(new Item(1, big, 0, 30)), List.of(), 0);
            ledger.record(List.of(new Item(2, big, 30, 60)), List.of(), 0);
            ledger.committed(2);
        }
        try (Ledger again = ledger(1)) {
            again.resume(new Offset(2, 0), "input 'x'");
            Ledger.Partial p = again.partials().iterator().next();
            assertEquals(big, p.file);
            assertEquals(60, p.next);
        }
    }

    @Test
    void anInMemoryLedgerLetsProcessedItemsGo() throws IOException {
        Ledger ledger = Ledger.open(Optional.empty(), "/data/in", 3, 0);
        ledger.startFresh(null);
        take(ledger, "a", List.of());
        take(ledger, "b", List.of());
        ledger.processed(1);
        assertEquals("b", ledger.items(1, 2).get(0).file().name());
        assertThrows(IllegalStateException.class, () -> ledger.items(0, 2));
        assertTrue(ledger.remembered().contains(Hashing.name("a")));
    }
}
