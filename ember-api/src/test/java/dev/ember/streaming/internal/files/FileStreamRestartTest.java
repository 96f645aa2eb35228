package dev.ember.streaming.internal.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.spi.SourceReader;
import dev.ember.streaming.CheckpointException;
import dev.ember.streaming.StreamingConf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file stream stopped and started again over its ledger, as after a crash: the offset it resumes
 * after decides which files count as taken, and nothing is repeated or skipped.
 */
class FileStreamRestartTest {
    @TempDir Path root;
    private Path in;
    private Path state;
    private final List<FileStreamReader> readers = new ArrayList<>();

    @BeforeEach
    void directories() throws IOException {
        in = Files.createDirectory(root.resolve("in"));
        state = Files.createDirectory(root.resolve("state"));
    }

    @AfterEach
    void closeReaders() {
        readers.forEach(FileStreamReader::close);
    }

    /** A reader whose clock is past the stable time of every file {@link #file} writes. */
    private FileStreamReader reader(TestSourceContext context, boolean newFilesOnly) {
        context.setTime(60_000);
        FileStreamReader reader =
                new FileStreamReader(
                        in.toString(),
                        path -> true,
                        newFilesOnly,
                        context,
                        FileStreamReader.MAX_LINE_BYTES);
        readers.add(reader);
        return reader;
    }

    private FileStreamReader reader() {
        return reader(new TestSourceContext(state), false);
    }

    /** Writes a complete file: its modification time is long past the stable time. */
    private Path file(String name, String content) throws IOException {
        Path p = Files.writeString(in.resolve(name), content, UTF_8);
        Files.setLastModifiedTime(p, FileTime.fromMillis(1_000));
        return p;
    }

    private static List<String> lines(SourceReader<String> reader, String from, String to) {
        List<String> lines = new ArrayList<>();
        for (List<? extends String> block : reader.read(from, to)) {
            lines.addAll(block);
        }
        return lines;
    }

    private List<String> ledgerTypes() throws IOException {
        List<String> types = new ArrayList<>();
        for (String line : Files.readAllLines(state.resolve(LedgerFile.NAME))) {
            types.add(line.substring(9, 10));
        }
        return types;
    }

    @Test
    void resumesAfterItsOffsetWithoutRepeatingOrSkippingAFile() throws IOException {
        FileStreamReader first = reader();
        first.start(null);
        file("a.txt", "a\n");
        assertEquals("1", first.cut().offset());
        file("b.txt", "b\n");
        assertEquals("2", first.cut().offset());
        first.close();

        file("c.txt", "c\n"); // arrives while the stream is down
        FileStreamReader second = reader();
        second.start("2");
        assertEquals(List.of("a"), lines(second, "0", "1"), "a recomputed batch reads its range");
        assertEquals("3", second.cut().offset());
        assertEquals(List.of("c"), lines(second, "2", "3"));
        assertEquals("3+1", second.cut().offset());
    }

    @Test
    void offersTheCutsLoggedAfterItsOffsetAgainBeforeNewFiles() throws IOException {
        FileStreamReader first = reader();
        first.start(null);
        file("a.txt", "a\n");
        assertEquals("1", first.cut().offset());
        file("b.txt", "b\n");
        file("c.txt", "c\n");
        assertEquals("3", first.cut().offset());
        file("d.txt", "d\n");
        assertEquals("4", first.cut().offset());
        first.close();

        // The runner's last checkpoint knew the first cut only: b, c and d were taken after it.
        file("e.txt", "e\n");
        FileStreamReader second = reader();
        second.start("1");
        assertEquals(new SourceReader.Cut("3", -1), second.cut());
        assertEquals(List.of("b", "c"), lines(second, "1", "3"));
        assertEquals(new SourceReader.Cut("4", -1), second.cut());
        assertEquals(List.of("d"), lines(second, "3", "4"));
        assertEquals("5", second.cut().offset());
        assertEquals(List.of("e"), lines(second, "4", "5"));
    }

    @Test
    void offersTheEmptyBatchesBetweenLoggedCutsAgainInTheirPlace() throws IOException {
        FileStreamReader first = reader();
        first.start(null);
        file("a.txt", "a\n");
        assertEquals("1", first.cut().offset());
        assertEquals(new SourceReader.Cut("1+1", 0), first.cut());
        assertEquals(new SourceReader.Cut("1+2", 0), first.cut());
        file("b.txt", "b\n");
        assertEquals("2", first.cut().offset());
        assertEquals("2+1", first.cut().offset());
        first.close();

        FileStreamReader fromTheStart = reader();
        fromTheStart.start("1");
        List<String> offsets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            offsets.add(fromTheStart.cut().offset());
        }
        // The empty cut after the last one that took a file was never written: it counts anew.
        assertEquals(List.of("1+1", "1+2", "2", "2+1"), offsets);
        fromTheStart.close();

        FileStreamReader fromAnEmptyBatch = reader();
        fromAnEmptyBatch.start("1+1");
        assertEquals("1+2", fromAnEmptyBatch.cut().offset());
        assertEquals("2", fromAnEmptyBatch.cut().offset());
        assertEquals(List.of("b"), lines(fromAnEmptyBatch, "1+2", "2"));
    }

    @Test
    void keepsTheFilesPresentAtTheFirstStartOutAfterARestart() throws IOException {
        file("before.txt", "before\n");
        FileStreamReader first = reader(new TestSourceContext(state), true);
        first.start(null);
        assertEquals("0+1", first.cut().offset());
        first.close();
        FileStreamReader second = reader(new TestSourceContext(state), true);
        second.start("0+1");
        assertEquals("0+2", second.cut().offset());
    }

    @Test
    void continuesALargeFileWhereTheLastPartEndedAfterARestart() throws IOException {
        StringBuilder content = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            expected.add("line " + i);
            content.append("line ").append(i).append('\n');
        }
        file("big.txt", content.toString());
        TestSourceContext context =
                new TestSourceContext(state).set(StreamingConf.FILE_MAX_BATCH_BYTES, "4096");
        FileStreamReader first = reader(context, false);
        first.start(null);
        assertEquals("1", first.cut().offset());
        List<String> read = new ArrayList<>(lines(first, null, "1"));
        first.close();

        FileStreamReader second =
                reader(
                        new TestSourceContext(state)
                                .set(StreamingConf.FILE_MAX_BATCH_BYTES, "4096"),
                        false);
        second.start("1");
        String from = "1";
        for (SourceReader.Cut cut = second.cut(); cut.records() != 0; cut = second.cut()) {
            assertTrue(read.size() < 400, "lines repeat: " + read.size());
            read.addAll(lines(second, from, cut.offset()));
            from = cut.offset();
        }
        assertEquals(expected, read);
        assertEquals("2", from, "content.length() " + content.length() + " is under two parts");
    }

    @Test
    void forgetsAFileThatLeftTheDirectorySoANewOneUnderItsNameIsTakenAfterARestart()
            throws IOException {
        FileStreamReader first = reader();
        first.start(null);
        Path a = file("a.txt", "old\n");
        assertEquals("1", first.cut().offset());
        Files.delete(a);
        assertEquals("1+1", first.cut().offset());
        first.close();
        file("a.txt", "new\n");
        FileStreamReader second = reader();
        second.start("1+1");
        assertEquals("2", second.cut().offset());
        assertEquals(List.of("new"), lines(second, "1+1", "2"));
    }

    @Test
    void startsOverWithoutAnOffsetToResumeFrom() throws IOException {
        FileStreamReader first = reader();
        first.start(null);
        file("a.txt", "a\n");
        assertEquals("1", first.cut().offset());
        first.close();
        FileStreamReader second = reader();
        second.start(null);
        assertEquals("1", second.cut().offset());
        assertEquals(List.of("a"), lines(second, null, "1"));
    }

    @Test
    void startsOverWithoutAnOffsetButKeepsTheFilesOfTheFirstStartOut() throws IOException {
        // A crash before the runner's first checkpoint: it restarts with nothing, state empty.
        file("before.txt", "before\n");
        FileStreamReader first = reader(new TestSourceContext(state), true);
        first.start(null);
        file("a.txt", "a\n");
        assertEquals("1", first.cut().offset());
        first.close();
        file("b.txt", "b\n");
        FileStreamReader second = reader(new TestSourceContext(state), true);
        second.start(null);
        assertEquals("2", second.cut().offset());
        assertEquals(List.of("a", "b"), lines(second, null, "2"));
        assertEquals("2+1", second.cut().offset());
    }

    @Test
    void refusesToResumeWithoutALedger() {
        FileStreamReader inMemory = reader(new TestSourceContext(null), false);
        CheckpointException e = assertThrows(CheckpointException.class, () -> inMemory.start("3"));
        assertTrue(e.getMessage().contains("ssc.checkpoint(directory)"), e.getMessage());
        FileStreamReader lost = reader();
        e = assertThrows(CheckpointException.class, () -> lost.start("3"));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void refusesAnOffsetBeyondTheEndOfItsLedger() throws IOException {
        FileStreamReader first = reader();
        first.start(null);
        file("a.txt", "a\n");
        first.cut();
        first.close();
        CheckpointException e = assertThrows(CheckpointException.class, () -> reader().start("7"));
        assertTrue(e.getMessage().contains("ends at item #1"), e.getMessage());
    }

    @Test
    void dropsTheTornEndOfAnAppendCutShortByACrash() throws IOException {
        FileStreamReader first = reader();
        first.start(null);
        file("a.txt", "a\n");
        assertEquals("1", first.cut().offset());
        first.close();
        // A crash in the middle of the next cut's append: an item without its cut end, half a line.
        Item item = new Item(2, new FileState("b.txt", 2, 0, 0), 0, 2);
        Files.write(
                state.resolve(LedgerFile.NAME),
                LedgerRecord.encode(new LedgerRecord.Taken(item)),
                StandardOpenOption.APPEND);
        Files.write(
                state.resolve(LedgerFile.NAME),
                "0123abcd C 2".getBytes(UTF_8),
                StandardOpenOption.APPEND);
        file("b.txt", "b\n");
        FileStreamReader second = reader();
        second.start("1");
        assertEquals("2", second.cut().offset());
        assertEquals(List.of("b"), lines(second, "1", "2"));
        assertFalse(Files.readString(state.resolve(LedgerFile.NAME)).contains("0123abcd"));
    }

    @Test
    void refusesALedgerDamagedBeforeItsEndNamingTheLine() throws IOException {
        FileStreamReader first = reader();
        first.start(null);
        file("a.txt", "a\n");
        first.cut();
        file("b.txt", "b\n");
        first.cut();
        first.close();
        Path ledger = state.resolve(LedgerFile.NAME);
        List<String> lines = new ArrayList<>(Files.readAllLines(ledger));
        lines.set(2, lines.get(2).replace("a.txt", "z.txt"));
        Files.write(ledger, lines);
        CheckpointException e = assertThrows(CheckpointException.class, () -> reader().start("2"));
        assertTrue(e.getMessage().contains("line 3 of " + ledger), e.getMessage());
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    }

    @Test
    void refusesALedgerOfAnotherDirectory() throws IOException {
        FileStreamReader first = reader();
        first.start(null);
        first.close();
        Path other = Files.createDirectory(root.resolve("other"));
        FileStreamReader elsewhere =
                new FileStreamReader(
                        other.toString(),
                        path -> true,
                        false,
                        new TestSourceContext(state),
                        FileStreamReader.MAX_LINE_BYTES);
        readers.add(elsewhere);
        CheckpointException e = assertThrows(CheckpointException.class, () -> elsewhere.start("0"));
        assertTrue(e.getMessage().contains("belongs to directory '" + in + "'"), e.getMessage());
    }

    @Test
    void writesEachCutAsItsItemsAndItsEnd() throws IOException {
        FileStreamReader reader = reader();
        reader.start(null);
        file("a.txt", "a\n");
        file("b.txt", "b\n");
        reader.cut();
        assertEquals(List.of("H", "B", "T", "T", "C"), ledgerTypes());
    }
}
