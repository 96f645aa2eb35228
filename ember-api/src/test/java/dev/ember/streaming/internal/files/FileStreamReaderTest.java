package dev.ember.streaming.internal.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ember.spi.SourceReader;
import dev.ember.streaming.SourceException;
import dev.ember.streaming.StreamingConf;
import dev.ember.streaming.function.Function;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file stream's reader against real directories, driven cut by cut with a hand-moved clock. */
class FileStreamReaderTest {
    @TempDir Path root;
    private Path in;
    private Path staging;
    private TestSourceContext context;
    private final List<FileStreamReader> readers = new ArrayList<>();

    @BeforeEach
    void directories() throws IOException {
        in = Files.createDirectory(root.resolve("in"));
        staging = Files.createDirectory(root.resolve("staging"));
        context = new TestSourceContext(null);
    }

    @AfterEach
    void closeReaders() {
        readers.forEach(FileStreamReader::close);
    }

    private FileStreamReader reader(TestSourceContext ctx, boolean newFilesOnly) {
        return reader(ctx, newFilesOnly, path -> true, FileStreamReader.MAX_LINE_BYTES);
    }

    private FileStreamReader reader(
            TestSourceContext ctx,
            boolean newFilesOnly,
            Function<Path, Boolean> filter,
            int maxLineBytes) {
        FileStreamReader reader =
                new FileStreamReader(in.toString(), filter, newFilesOnly, ctx, maxLineBytes);
        readers.add(reader);
        return reader;
    }

    /**
     * Writes {@code content} beside the directory, then renames it in, as a careful writer does.
     */
    private Path moveIn(String name, String content) throws IOException {
        Path staged = Files.writeString(staging.resolve(name), content, UTF_8);
        return Files.move(staged, in.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> lines(SourceReader<String> reader, String from, String to) {
        List<String> lines = new ArrayList<>();
        for (List<? extends String> block : reader.read(from, to)) {
            lines.addAll(block);
        }
        return lines;
    }

    private static void assumeLinux() {
        assumeTrue(
                System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"),
                "atomic moves are recognised on Linux only");
    }

    @Test
    void takesAFileMovedInAtTheNextCut() throws IOException {
        assumeLinux();
        FileStreamReader reader = reader(context, true);
        reader.start(null);
        assertEquals(new SourceReader.Cut("0+1", 0), reader.cut());
        moveIn("a.txt", "to be\nor not\n");
        assertEquals(new SourceReader.Cut("1", -1), reader.cut());
        assertEquals(List.of("to be", "or not"), lines(reader, "0+1", "1"));
        assertEquals(new SourceReader.Cut("1+1", 0), reader.cut());
    }

    @Test
    void waitsForAFileWrittenInPlaceToStayUnchangedForTheStableTime() throws IOException {
        context.set(StreamingConf.FILE_STABLE_TIME, "2s");
        FileStreamReader reader = reader(context, true);
        reader.start(null);
        try (OutputStream out = Files.newOutputStream(in.resolve("log.txt"))) {
            out.write("first\n".getBytes(UTF_8));
            out.flush();
            context.setTime(1_000);
            assertEquals("0+1", reader.cut().offset());
            out.write("second\n".getBytes(UTF_8));
            out.flush();
            context.setTime(2_000);
            assertEquals("0+2", reader.cut().offset(), "changed since the last look");
        }
        context.setTime(3_999);
        assertEquals("0+3", reader.cut().offset(), "unchanged for 1999 ms only");
        context.setTime(4_000);
        assertEquals("1", reader.cut().offset());
        assertEquals(List.of("first", "second"), lines(reader, "0+3", "1"));
    }

    @Test
    void takesAFileWhoseModificationTimeIsOlderThanTheStableTimeAtOnce() throws IOException {
        Path old = Files.writeString(in.resolve("old.txt"), "written long ago\n");
        Files.setLastModifiedTime(old, FileTime.fromMillis(0));
        context.setTime(2_000);
        FileStreamReader reader = reader(context, false);
        reader.start(null);
        assertEquals("1", reader.cut().offset());
        assertEquals(List.of("written long ago"), lines(reader, null, "1"));
    }

    @Test
    void takesAFileMovedInWithAnOldModificationTime() throws IOException {
        // mv keeps a file's modification time, which is why Spark misses such files.
        assumeLinux();
        FileStreamReader reader = reader(context, true);
        context.setTime(1_000_000);
        reader.start(null);
        Path staged = Files.writeString(staging.resolve("late.txt"), "late\n");
        Files.setLastModifiedTime(
                staged, FileTime.fromMillis(System.currentTimeMillis() - 86_400_000L));
        Files.move(staged, in.resolve("late.txt"), StandardCopyOption.ATOMIC_MOVE);
        assertEquals("1", reader.cut().offset());
        assertEquals(List.of("late"), lines(reader, null, "1"));
    }

    @Test
    void leavesOutTheFilesPresentAtTheFirstStartOfAStreamOfNewFiles() throws IOException {
        Path before = Files.writeString(in.resolve("before.txt"), "old\n");
        Files.setLastModifiedTime(before, FileTime.fromMillis(0));
        context.setTime(10_000);
        FileStreamReader reader = reader(context, true);
        reader.start(null);
        assertEquals("0+1", reader.cut().offset());
        Path after = Files.writeString(in.resolve("after.txt"), "new\n");
        Files.setLastModifiedTime(after, FileTime.fromMillis(1_000));
        assertEquals("1", reader.cut().offset());
        assertEquals(List.of("new"), lines(reader, "0+1", "1"));
    }

    @Test
    void ignoresHiddenAndTemporaryNamesDirectoriesAndFilteredFiles() throws IOException {
        for (String name : List.of(".hidden", "_COPYING_", "skip.tmp", "take.txt")) {
            Path p = Files.writeString(in.resolve(name), name + "\n");
            Files.setLastModifiedTime(p, FileTime.fromMillis(0));
        }
        Files.createDirectory(in.resolve("sub"));
        Files.writeString(in.resolve("sub").resolve("deep.txt"), "deep\n");
        context.setTime(10_000);
        FileStreamReader reader =
                reader(
                        context,
                        false,
                        path -> !path.getFileName().toString().endsWith(".tmp"),
                        FileStreamReader.MAX_LINE_BYTES);
        reader.start(null);
        assertEquals("1", reader.cut().offset());
        assertEquals(List.of("take.txt"), lines(reader, null, "1"));
        assertEquals("1+1", reader.cut().offset());
    }

    @Test
    void takesFilesOldestFirst() throws IOException {
        long[] times = {3_000, 1_000, 2_000};
        String[] names = {"c.txt", "a.txt", "b.txt"};
        for (int i = 0; i < names.length; i++) {
            Path p = Files.writeString(in.resolve(names[i]), names[i] + "\n");
            Files.setLastModifiedTime(p, FileTime.fromMillis(times[i]));
        }
        context.setTime(10_000);
        FileStreamReader reader = reader(context, false);
        reader.start(null);
        assertEquals("3", reader.cut().offset());
        assertEquals(List.of("a.txt", "b.txt", "c.txt"), lines(reader, null, "3"));
    }

    @Test
    void aFilterThatThrowsStopsTheStreamWithTheFileNamed() throws IOException {
        Files.writeString(in.resolve("x.txt"), "x\n");
        FileStreamReader reader =
                reader(
                        context,
                        false,
                        path -> {
                            throw new IllegalStateException("boom");
                        },
                        FileStreamReader.MAX_LINE_BYTES);
        reader.start(null);
        SourceException e = assertThrows(SourceException.class, reader::cut);
        assertTrue(e.getMessage().contains("x.txt"), e.getMessage());
        assertTrue(e.getMessage().contains("boom"), e.getMessage());
    }

    @Test
    void refusesToStartOnADirectoryThatDoesNotExist() {
        FileStreamReader reader =
                new FileStreamReader(
                        root.resolve("missing").toString(),
                        path -> true,
                        true,
                        context,
                        FileStreamReader.MAX_LINE_BYTES);
        readers.add(reader);
        SourceException e = assertThrows(SourceException.class, () -> reader.start(null));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("create it before start()"), e.getMessage());
    }

    @Test
    void keepsCuttingEmptyBatchesWhileTheDirectoryIsGoneAndGoesOnWhenItIsBack() throws IOException {
        FileStreamReader reader = reader(context, false);
        reader.start(null);
        Files.delete(in);
        assertEquals(new SourceReader.Cut("0+1", 0), reader.cut());
        Files.createDirectory(in);
        Path p = Files.writeString(in.resolve("back.txt"), "back\n");
        Files.setLastModifiedTime(p, FileTime.fromMillis(0));
        context.setTime(10_000);
        assertEquals("1", reader.cut().offset());
        assertEquals(List.of("back"), lines(reader, "0+1", "1"));
    }

    @Test
    void skipsLongLinesAndInvalidUtf8WithACountAndKeepsTheRest() throws IOException {
        Path p = in.resolve("bad.txt");
        try (OutputStream out = Files.newOutputStream(p)) {
            out.write("short\n".getBytes(UTF_8));
            out.write("x".repeat(17).getBytes(UTF_8));
            out.write('\n');
            out.write(new byte[] {'b', 'a', (byte) 0xFF, 'd', '\n'});
            out.write("exactly sixteen!\r\n".getBytes(UTF_8));
            out.write("héllo\n".getBytes(UTF_8));
        }
        Files.setLastModifiedTime(p, FileTime.fromMillis(0));
        context.setTime(10_000);
        FileStreamReader reader = reader(context, false, path -> true, 16);
        reader.start(null);
        assertEquals("1", reader.cut().offset());
        assertEquals(List.of("short", "exactly sixteen!", "héllo"), lines(reader, null, "1"));
        assertEquals(
                List.of("line longer than 16 bytes", "line is not valid UTF-8"), context.reasons());
        assertTrue(
                context.skipped().get(1).sample().contains("bytes 0xff at byte 26"),
                context.skipped().get(1).sample());
    }

    @Test
    void reportsAFileThatChangedAfterItWasTakenOnceAndDoesNotReadItAgain() throws IOException {
        Path p = Files.writeString(in.resolve("grows.txt"), "one\n");
        Files.setLastModifiedTime(p, FileTime.fromMillis(0));
        context.setTime(10_000);
        FileStreamReader reader = reader(context, false);
        reader.start(null);
        assertEquals("1", reader.cut().offset());
        Files.writeString(p, "two\n", StandardOpenOption.APPEND);
        assertEquals("1+1", reader.cut().offset());
        assertEquals("1+2", reader.cut().offset());
        assertEquals(List.of("file changed after it was taken"), context.reasons());
        assertEquals(List.of("one"), lines(reader, null, "1"), "the bytes it had when taken");
    }

    @Test
    void skipsAFileThatVanishedBeforeItWasReadWithACount() throws IOException {
        Path p = Files.writeString(in.resolve("gone.txt"), "gone\n");
        Files.setLastModifiedTime(p, FileTime.fromMillis(0));
        context.setTime(10_000);
        FileStreamReader reader = reader(context, false);
        reader.start(null);
        assertEquals("1", reader.cut().offset());
        Files.delete(p);
        assertEquals(List.of(), lines(reader, null, "1"));
        assertEquals(List.of("file vanished before it was read"), context.reasons());
    }

    @Test
    void takesAFileThatLeftAndCameBackUnderTheSameNameAsANewFile() throws IOException {
        Path p = Files.writeString(in.resolve("again.txt"), "first\n");
        Files.setLastModifiedTime(p, FileTime.fromMillis(0));
        context.setTime(10_000);
        FileStreamReader reader = reader(context, false);
        reader.start(null);
        assertEquals("1", reader.cut().offset());
        Files.delete(p);
        assertEquals("1+1", reader.cut().offset());
        Files.writeString(p, "second\n");
        Files.setLastModifiedTime(p, FileTime.fromMillis(0));
        assertEquals("2", reader.cut().offset());
        assertEquals(List.of("second"), lines(reader, "1+1", "2"));
        assertEquals(List.of(), context.reasons());
    }

    @Test
    void readsAFileLargerThanTheBatchBudgetInPartsOverSeveralBatches() throws IOException {
        StringBuilder content = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String line = "line " + i + " " + "x".repeat(i % 37);
            expected.add(line);
            content.append(line).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        Path p = Files.writeString(in.resolve("big.txt"), content);
        Files.setLastModifiedTime(p, FileTime.fromMillis(0));
        context.set(StreamingConf.FILE_MAX_BATCH_BYTES, "4096").setTime(10_000);
        FileStreamReader reader = reader(context, false);
        reader.start(null);
        List<String> read = new ArrayList<>();
        String from = null;
        int batches = 0;
        // Each cut takes one part of 3072 bytes; an empty cut ends the file.
        for (SourceReader.Cut cut = reader.cut(); cut.records() != 0; cut = reader.cut()) {
            assertTrue(batches < 10, "the file was not done after " + batches + " batches");
            long bytes = 0;
            List<String> batch = lines(reader, from, cut.offset());
            for (String line : batch) {
                bytes += line.length() + 2;
            }
            assertTrue(bytes <= 4096 + 2 * 50, "batch " + batches + " holds " + bytes + " bytes");
            read.addAll(batch);
            from = cut.offset();
            batches++;
        }
        assertEquals(expected, read);
        assertEquals((content.length() + 3071) / 3072, batches);
    }

    @Test
    void spreadsManySmallFilesOverBatchesSinceEachCountsAKibibyte() throws IOException {
        for (int i = 0; i < 10; i++) {
            Path p = Files.writeString(in.resolve("f" + i), "line " + i + "\n");
            Files.setLastModifiedTime(p, FileTime.fromMillis(i));
        }
        context.set(StreamingConf.FILE_MAX_BATCH_BYTES, "4096").setTime(10_000);
        FileStreamReader reader = reader(context, false);
        reader.start(null);
        List<String> offsets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            offsets.add(reader.cut().offset());
        }
        // 4096 bytes hold three files of 7 bytes and their 1 KiB each, not four.
        assertEquals(List.of("3", "6", "9", "10", "10+1"), offsets);
        assertEquals(List.of("line 3", "line 4", "line 5"), lines(reader, "3", "6"));
    }

    @Test
    void leavesAFileWhoseNameThePlatformCannotDecodeAndReportsItOnce() throws Exception {
        assumeLinux();
        Process touch =
                new ProcessBuilder("sh", "-c", "printf 'x\\n' > \"$(printf 'bad\\377.txt')\"")
                        .directory(in.toFile())
                        .inheritIO()
                        .start();
        assertEquals(0, touch.waitFor());
        assumeTrue(
                "UTF-8".equals(System.getProperty("sun.jnu.encoding")),
                "file names are decoded as UTF-8");
        context.setTime(Long.MAX_VALUE / 2);
        FileStreamReader reader = reader(context, false);
        reader.start(null);
        assertEquals("0+1", reader.cut().offset());
        assertEquals("0+2", reader.cut().offset());
        assertEquals(List.of("file name not valid in the platform's encoding"), context.reasons());
    }

    @Test
    void leavesAFileWithoutReadPermissionUntilItIsReadable() throws IOException {
        Path p = Files.writeString(in.resolve("locked.txt"), "locked\n");
        Files.setLastModifiedTime(p, FileTime.fromMillis(0));
        assumeTrue(
                p.toFile().setReadable(false, false) && !Files.isReadable(p),
                "the process reads any file (root)");
        context.setTime(10_000);
        FileStreamReader reader = reader(context, false);
        reader.start(null);
        assertEquals("0+1", reader.cut().offset());
        assertEquals("0+2", reader.cut().offset());
        assertEquals(List.of("file cannot be read"), context.reasons());
        p.toFile().setReadable(true, false);
        assertEquals("1", reader.cut().offset());
        assertEquals(List.of("locked"), lines(reader, "0+2", "1"));
    }

    @Test
    void deliversEveryLineOnceWhateverTheBudgetCutsThrough() throws IOException {
        String content = "a\n\nbb\r\nccc\n\n\ndddd\r\neeeee\nf";
        List<String> expected = List.of("a", "", "bb", "ccc", "", "", "dddd", "eeeee", "f");
        Path p = Files.writeString(in.resolve("small.txt"), content);
        FileState file = DirectoryScanner.stat(p, "small.txt");
        SplitReader splits = new SplitReader(1 << 20, context);
        for (int step = 1; step <= content.length() + 1; step++) {
            List<String> lines = new ArrayList<>();
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(p)) {
                for (long from = 0, seq = 1; from < content.length(); from += step, seq++) {
                    Item item = new Item(seq, file, from, Math.min(content.length(), from + step));
                    splits.read(channel, item, file.size(), lines, "small.txt");
                }
            }
            assertEquals(expected, lines, "parts of " + step + " bytes");
        }
    }

    @Test
    void dropsAByteOrderMarkAtTheStartOfAFile() throws IOException {
        Path p = in.resolve("bom.txt");
        Files.write(
                p, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i', '\n', 'y', 'o'});
        Files.setLastModifiedTime(p, FileTime.fromMillis(0));
        context.setTime(10_000);
        FileStreamReader reader = reader(context, false);
        reader.start(null);
        assertEquals(List.of("hi", "yo"), lines(reader, null, reader.cut().offset()));
    }
}
