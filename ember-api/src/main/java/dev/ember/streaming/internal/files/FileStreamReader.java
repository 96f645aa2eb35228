package dev.ember.streaming.internal.files;

import dev.ember.spi.SourceContext;
import dev.ember.spi.SourceReader;
import dev.ember.streaming.Duration;
import dev.ember.streaming.SourceException;
import dev.ember.streaming.StreamingConf;
import dev.ember.streaming.function.Function;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/*
 * The reader of a file stream: each cut lists the directory, takes the new files that are
 * complete, oldest first, up to the batch's byte budget (a file larger than what is left is taken
 * in parts, over several batches), records them in the ledger, and returns the number of the last
 * item taken as the offset; read(from, to) reads the lines of the items in (from, to].
 *
 * Invariants: every offset a cut returns is in the ledger, forced to the device (when the ledger
 * is durable), before the cut returns; the items of an offset range never change; a file is taken
 * once, under its name, for as long as it stays in the directory.
 *
 * Replay: start(after) reads the ledger back. Items up to `after` stay readable for the batches
 * the runner recomputes; cuts logged after `after` (taken before a crash, but not in the runner's
 * checkpoint) are returned again by the next cuts, one by one with their original ends, before any
 * new file is taken, so a restart neither repeats a file as new nor skips one.
 *
 * Memory: a batch holds at most maxBatchBytes of file bytes (each file counting PER_FILE_BYTES more)
 * as lines; items stay in memory until processed; remembered files cost FileSet's ~35 bytes each.
 *
 * Threads: start, cut and close on the runner's scheduler; read, processed and committed on the
 * thread that runs batches, concurrently with cuts. One lock guards the ledger and the scanner;
 * read holds it only to look its items up, never while reading files.
 */
final class FileStreamReader implements SourceReader<String> {
    private static final System.Logger LOG = System.getLogger(FileStreamReader.class.getName());

    /** What each file or part of a file counts against a batch's budget beyond its bytes. */
    static final long PER_FILE_BYTES = 1024;

    static final long DEFAULT_MAX_BATCH_BYTES = 64L << 20;
    static final long MIN_BATCH_BYTES = 4 * PER_FILE_BYTES;
    static final long DEFAULT_STABLE_MILLIS = 2_000;
    static final int DEFAULT_CHECKPOINTS_KEPT = 3;
    static final int MAX_LINE_BYTES = 1 << 20;

    private final Path directory;
    private final String input;
    private final SourceContext context;
    private final boolean newFilesOnly;
    private final long maxBatchBytes;
    private final Object lock = new Object();
    private final Ledger ledger;
    private final DirectoryScanner scanner;
    private final SplitReader splits;
    private final ArrayDeque<Offset> replay = new ArrayDeque<>();
    private Offset last = Offset.START;
    private DirectoryWatcher watcher;
    private boolean watcherLost;
    private boolean started;
    private boolean closed;

    FileStreamReader(
            String directory,
            Function<Path, Boolean> filter,
            boolean newFilesOnly,
            SourceContext context,
            int maxLineBytes) {
        this.directory = Path.of(directory);
        this.input = "input '" + context.name() + "' (files in " + directory + ")";
        this.context = context;
        this.newFilesOnly = newFilesOnly;
        this.maxBatchBytes = maxBatchBytes(context, input);
        long stableMillis = stableMillis(context);
        this.ledger =
                Ledger.open(
                        context.stateDirectory(),
                        directory,
                        checkpointsKept(context),
                        Ledger.MIN_COMPACTION_GROWTH);
        this.scanner = new DirectoryScanner(this.directory, filter, context, input, stableMillis);
        this.splits = new SplitReader(maxLineBytes, context);
    }

    /** Names the stream never takes: hidden files and the temporary files of writers. */
    static boolean isHidden(String name) {
        return name.startsWith(".") || name.startsWith("_");
    }

    @Override
    public void start(String after) {
        synchronized (lock) {
            if (started) {
                throw new IllegalStateException(input + " was started already");
            }
            started = true;
            if (!Files.isDirectory(directory)) {
                throw new SourceException(
                        input
                                + " reads directory "
                                + directory.toAbsolutePath()
                                + ", which "
                                + (Files.exists(directory)
                                        ? "is not a directory"
                                        : "does not exist")
                                + "; create it before start()");
            }
            watcher = DirectoryWatcher.open(directory);
            try {
                begin(after == null ? null : Offset.parse(after, input));
            } catch (RuntimeException e) {
                if (watcher != null) {
                    watcher.close();
                    watcher = null;
                }
                throw e;
            }
        }
    }

    private void begin(Offset after) {
        Ledger.Names baseline = newFilesOnly ? scanner::listBaseline : null;
        try {
            if (after == null) {
                startOver(baseline);
            } else if (after.items() == 0 && !ledger.hasEarlierRun()) {
                ledger.startFresh(baseline);
            } else {
                replay.addAll(ledger.resume(after, input));
                last = after;
            }
        } catch (IOException e) {
            throw new SourceException(
                    input + " cannot write its ledger " + ledger.where() + ": " + e, e);
        }
    }

    /**
     * Starts without an offset: what an earlier run took counts for nothing, since the runner kept
     * nothing of it, but the files it left out at its first start stay left out.
     */
    private void startOver(Ledger.Names baseline) throws IOException {
        Ledger.EarlierRun earlier = ledger.startOver(baseline);
        if (earlier == null) {
            return;
        }
        if (earlier.problem() != null) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "{0} starts over and cannot use the ledger {1} of an earlier run ({2}): the"
                            + " files present now count as present at the first start",
                    input,
                    ledger.where(),
                    earlier.problem());
        } else {
            LOG.log(
                    System.Logger.Level.INFO,
                    "{0} starts over without an offset to resume from: the {1} item(s) an earlier"
                            + " run took are read again{2}",
                    input,
                    earlier.items(),
                    baseline == null
                            ? ""
                            : ", and the "
                                    + earlier.ignored()
                                    + " file(s) it left out at its first"
                                    + " start stay left out");
        }
    }

    @Override
    public Cut cut() {
        synchronized (lock) {
            requireOpen();
            if (!replay.isEmpty()) {
                last = replay.poll();
                return new Cut(last.toString(), last.empties() == 0 ? -1 : 0);
            }
            rewatchIfLost();
            int maxFiles = (int) Math.min(Integer.MAX_VALUE, maxBatchBytes / PER_FILE_BYTES);
            DirectoryScanner.Scan scan =
                    scanner.scan(
                            context.clock().currentTimeMillis(),
                            ledger.remembered(),
                            watcher,
                            maxFiles);
            List<Item> taken = plan(scan.ready());
            try {
                ledger.record(taken, scan.gone(), last.empties());
            } catch (IOException e) {
                throw new SourceException(
                        input
                                + " cannot write its ledger "
                                + ledger.where()
                                + " ("
                                + e
                                + "): the stream stops rather than take files it could not"
                                + " replay; free the disk or fix its permissions, then restart",
                        e);
            }
            for (Item item : taken) {
                scanner.taken(item.file().name());
                if (watcher != null) {
                    watcher.forget(item.file().name());
                }
            }
            last = taken.isEmpty() ? last.nextEmpty() : new Offset(ledger.lastSeq(), 0);
            return new Cut(last.toString(), taken.isEmpty() ? 0 : -1);
        }
    }

    /**
     * The items of the next cut: first the rest of files taken in part, then new files oldest
     * first, while the budget lasts; the file that meets the budget's end is cut there.
     */
    private List<Item> plan(List<FileState> ready) {
        List<Item> items = new ArrayList<>();
        long budget = maxBatchBytes;
        long seq = ledger.lastSeq();
        for (Ledger.Partial p : ledger.partials()) {
            if (budget <= PER_FILE_BYTES) {
                return items;
            }
            if (!ledger.remembered().contains(Hashing.name(p.file.name()))) {
                continue; // It left the directory; the cut's record forgets it.
            }
            long length = Math.min(p.file.size() - p.next, budget - PER_FILE_BYTES);
            items.add(new Item(++seq, p.file, p.next, p.next + length));
            budget -= length + PER_FILE_BYTES;
        }
        for (FileState file : ready) {
            if (budget <= PER_FILE_BYTES) {
                break;
            }
            long length = Math.min(file.size(), budget - PER_FILE_BYTES);
            items.add(new Item(++seq, file, 0, length));
            budget -= length + PER_FILE_BYTES;
        }
        return items;
    }

    private void rewatchIfLost() {
        if (watcher != null && watcher.isBroken()) {
            watcher.close();
            watcher = null;
            watcherLost = true;
        }
        if (watcherLost && Files.isDirectory(directory)) {
            // One attempt per loss: a watcher that cannot be had leaves files to the stable time.
            watcher = DirectoryWatcher.open(directory);
            watcherLost = false;
        }
    }

    @Override
    public List<List<String>> read(String from, String to) {
        List<Item> items;
        synchronized (lock) {
            requireOpen();
            items =
                    ledger.items(
                            from == null ? 0 : Offset.parse(from, input).items(),
                            Offset.parse(to, input).items());
        }
        List<List<String>> blocks = new ArrayList<>(items.size());
        for (Item item : items) {
            List<String> lines = new ArrayList<>();
            readItem(item, lines);
            if (!lines.isEmpty()) {
                blocks.add(lines);
            }
        }
        return blocks;
    }

    private void readItem(Item item, List<String> lines) {
        FileState taken = item.file();
        Path path = directory.resolve(taken.name());
        String where = taken.name() + " in " + directory;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            FileState now = DirectoryScanner.stat(path, taken.name());
            long end = taken.size();
            if (now != null && !taken.sameAs(now)) {
                if (taken.replacedBy(now)) {
                    reportChange(
                            taken,
                            now,
                            "another file replaced it, so the lines of its bytes ["
                                    + item.from()
                                    + ", "
                                    + item.to()
                                    + ") are lost");
                    return;
                }
                reportChange(taken, now, "the bytes it had when taken are read, if still there");
                end = Math.min(end, now.size());
            }
            splits.read(channel, item, end, lines, where);
        } catch (NoSuchFileException e) {
            context.skipped(
                    "file vanished before it was read",
                    where
                            + "; the lines of its bytes ["
                            + item.from()
                            + ", "
                            + item.to()
                            + ") are lost");
        } catch (AccessDeniedException e) {
            context.skipped("file could not be read", where + ": permission denied");
        } catch (IOException e) {
            context.skipped("file could not be read", where + ": " + e);
        }
    }

    /** Reports, once per file, that a file changed after it was taken. */
    private void reportChange(FileState taken, FileState now, String consequence) {
        synchronized (lock) {
            FileSet remembered = ledger.remembered();
            int slot = remembered.find(Hashing.name(taken.name()));
            if (slot >= 0) {
                if (remembered.has(slot, FileSet.REPORTED)) {
                    return;
                }
                remembered.set(slot, FileSet.REPORTED, true);
            }
        }
        context.skipped(
                "file changed after it was taken",
                "taken as "
                        + taken.describe()
                        + " in "
                        + directory
                        + ", now "
                        + now.size()
                        + " bytes; "
                        + consequence
                        + ": write new data to a new file");
    }

    @Override
    public void processed(String to) {
        synchronized (lock) {
            if (!closed) {
                ledger.processed(Offset.parse(to, input).items());
            }
        }
    }

    @Override
    public void committed(String to) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                ledger.committed(Offset.parse(to, input).items());
            } catch (IOException e) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "{0} could not record a commit in its ledger {1} ({2}); it keeps the items"
                                + " a restart may need and tries again at the next commit",
                        input,
                        ledger.where(),
                        e.toString());
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (watcher != null) {
                watcher.close();
            }
            try {
                ledger.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the ledger of {0}: {1}", input, e);
            }
        }
    }

    private void requireOpen() {
        if (!started || closed) {
            throw new IllegalStateException(
                    input + (closed ? " is closed" : " has not been started: call start first"));
        }
    }

    private static long stableMillis(SourceContext context) {
        String value = context.setting(StreamingConf.FILE_STABLE_TIME);
        return value == null ? DEFAULT_STABLE_MILLIS : Duration.parse(value).milliseconds();
    }

    private static long maxBatchBytes(SourceContext context, String input) {
        String value = context.setting(StreamingConf.FILE_MAX_BATCH_BYTES);
        long bytes = value == null ? DEFAULT_MAX_BATCH_BYTES : Long.parseLong(value);
        if (bytes < MIN_BATCH_BYTES) {
            throw new IllegalArgumentException(
                    StreamingConf.FILE_MAX_BATCH_BYTES
                            + " of "
                            + input
                            + " must be at least "
                            + MIN_BATCH_BYTES
                            + " bytes, got "
                            + bytes
                            + "; the default is "
                            + DEFAULT_MAX_BATCH_BYTES);
        }
        return bytes;
    }

    private static int checkpointsKept(SourceContext context) {
        String value = context.setting(StreamingConf.CHECKPOINTS_KEPT);
        return value == null ? DEFAULT_CHECKPOINTS_KEPT : Math.max(1, Integer.parseInt(value));
    }
}
