package dev.ember.streaming.internal.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ledger's lines: the documented shape, names with any character, checksums. */
class LedgerRecordTest {
    private static LedgerRecord roundTrip(LedgerRecord record) {
        byte[] line = LedgerRecord.encode(record);
        assertEquals('\n', line[line.length - 1]);
        return LedgerRecord.decode(line, 0, line.length - 1);
    }

    @Test
    void everyRecordReadsBackAsWritten() {
        FileState file = new FileState("a b%c\nd\té.txt", 12, 1_700_000_000_123_456_789L, 42);
        for (LedgerRecord record :
                List.of(
                        new LedgerRecord.Header(1, "/data/in dir"),
                        new LedgerRecord.Base(17),
                        new LedgerRecord.Commit(18),
                        new LedgerRecord.Ignored(file.name()),
                        new LedgerRecord.Done(-3, file.name()),
                        new LedgerRecord.Partial(file, 5),
                        new LedgerRecord.Taken(new Item(19, file, 5, 12)),
                        new LedgerRecord.CutEnd(19, 2),
                        new LedgerRecord.Gone(Hashing.name(file.name())))) {
            assertEquals(record, roundTrip(record));
        }
    }

    @Test
    void writesAnItemAsDocumented() {
        FileState file = new FileState("a b.txt", 12, 1_700_000_000_000_000_000L, 42);
        String line =
                new String(
                        LedgerRecord.encode(new LedgerRecord.Taken(new Item(5, file, 0, 12))),
                        UTF_8);
        assertTrue(
                line.matches("[0-9a-f]{8} T 5 0 12 12 1700000000000000000 42 a%20b\\.txt\n"), line);
    }

    @Test
    void theLedgerShownInTheDocsIsValid() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "file-streams.md"), UTF_8);
        int start = page.indexOf("```\n", page.indexOf("H 1 incoming") - 20);
        String block = page.substring(start + 4, page.indexOf("```", start + 4));
        List<String> types = new ArrayList<>();
        for (String line : block.split("\n")) {
            byte[] bytes = line.getBytes(UTF_8);
            types.add(LedgerRecord.decode(bytes, 0, bytes.length).getClass().getSimpleName());
        }
        assertEquals(
                List.of(
                        "Header", "Base", "Ignored", "Taken", "CutEnd", "Taken", "CutEnd", "Taken",
                        "CutEnd"),
                types);
    }

    @Test
    void refusesALineWhoseChecksumDoesNotMatch() {
        byte[] line = LedgerRecord.encode(new LedgerRecord.CutEnd(19, 2));
        line[line.length - 2] = '8';
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LedgerRecord.decode(line, 0, line.length - 1));
        assertEquals("checksum mismatch", e.getMessage());
    }
}
