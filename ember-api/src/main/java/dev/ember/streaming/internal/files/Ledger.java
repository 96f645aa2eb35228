package dev.ember.streaming.internal.files;

import dev.ember.streaming.CheckpointException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/*
 * What a file stream took, so that a restart neither skips nor repeats a file: every item (a file,
 * or a part of a large one) with its number, where each cut ends, the files taken or ignored that
 * are still in the directory, and the runner's commits. docs/file-streams.md gives the format.
 *
 * Durability: record() appends a cut's items and forces them to the device before the cut returns
 * its offset, so every offset the runner logs is backed by the ledger. Items after the last cut end
 * are the torn end of an append that never returned, and are dropped when the ledger is read.
 *
 * Retention: a restart may go back to any checkpoint the runner still keeps (the last
 * ember.streaming.checkpoint.kept of them), so the file keeps every item after the oldest of the
 * last `kept` commits. Compaction rewrites the file when it has grown past twice its compacted
 * size: the files still remembered as one line each (I, D, P), then the items it must keep. The
 * names come from the old file, since memory keeps only hashes (FileSet).
 *
 * In memory, items stay only until the runner says they were processed; a restart reads the ones
 * it needs back from the file. Without a state directory everything lives in memory, and a
 * restart can only begin anew.
 *
 * Not thread-safe: the reader's lock guards it.
 */
final class Ledger implements Closeable {
    static final long MIN_COMPACTION_GROWTH = 1 << 20;

    /** A file taken in part: the state it had when first taken, and the first byte not taken. */
    static final class Partial {
        final FileState file;
        long next;

        Partial(FileState file, long next) {
            this.file = file;
            this.next = next;
        }
    }

    private final String directory;
    private final LedgerFile file;
    private final int kept;
    private final long minCompactionGrowth;
    private FileSet remembered = new FileSet();
    private final Map<String, Partial> partials = new LinkedHashMap<>();
    private final ArrayList<Item> items = new ArrayList<>();
    private final ArrayDeque<Long> commits = new ArrayDeque<>();
    private long lastSeq;
    private long base;
    private long released;
    private long compactedSize;

    private Ledger(String directory, LedgerFile file, int kept, long minCompactionGrowth) {
        this.directory = directory;
        this.file = file;
        this.kept = kept;
        this.minCompactionGrowth = minCompactionGrowth;
    }

    /**
     * A ledger in {@code stateDirectory}, or in memory when there is none.
     *
     * @param kept how many checkpoints the runner keeps, so how many commits back a restart may go
     * @param minCompactionGrowth how much the file must grow before a commit compacts it (it must
     *     also have doubled)
     */
    static Ledger open(
            Optional<Path> stateDirectory, String directory, int kept, long minCompactionGrowth) {
        return new Ledger(
                directory,
                stateDirectory.map(LedgerFile::new).orElse(null),
                kept,
                minCompactionGrowth);
    }

    /** Where the ledger lives, for messages. */
    String where() {
        return file == null ? "memory" : file.path().toString();
    }

    boolean isDurable() {
        return file != null;
    }

    /** Whether a ledger of an earlier run exists. */
    boolean hasEarlierRun() {
        return file != null && file.exists();
    }

    /** Names to remember as present at the first start. */
    interface Names {
        void forEach(NameSink sink) throws IOException;
    }

    /** Receives one name. */
    interface NameSink {
        void accept(String name) throws IOException;
    }

    /**
     * Starts with nothing taken; the files {@code baseline} names (those present at the start of a
     * stream of new files only; null for a stream of all files) are remembered as never to be read.
     * Replaces a ledger of an earlier run.
     */
    void startFresh(Names baseline) throws IOException {
        clear();
        if (file == null) {
            if (baseline != null) {
                baseline.forEach(this::ignore);
            }
            return;
        }
        file.rewrite(
                w -> {
                    w.write(new LedgerRecord.Header(LedgerRecord.VERSION, directory));
                    w.write(new LedgerRecord.Base(0));
                    if (baseline != null) {
                        baseline.forEach(
                                name -> {
                                    ignore(name);
                                    w.write(new LedgerRecord.Ignored(name));
                                });
                    }
                });
        compactedSize = file.size();
    }

    /** What {@link #startOver} found of an earlier run. */
    record EarlierRun(long items, long ignored, String problem) {}

    /**
     * Starts with nothing taken, as after a restart without an offset to resume from: the runner
     * keeps nothing of what the earlier run took, so those files are read again. The files the
     * earlier run left out at its first start stay left out; without a usable ledger of an earlier
     * run (none, another directory, damaged), {@code baseline} lists them now, as in {@link
     * #startFresh}; a null {@code baseline} (a stream of all files) leaves nothing out.
     */
    EarlierRun startOver(Names baseline) throws IOException {
        EarlierRun earlier = earlierRun();
        if (earlier == null || earlier.problem() != null || baseline == null) {
            startFresh(baseline);
            return earlier;
        }
        clear();
        file.rewrite(
                w -> {
                    w.write(new LedgerRecord.Header(LedgerRecord.VERSION, directory));
                    w.write(new LedgerRecord.Base(0));
                    file.read(
                            (record, line) -> {
                                if (record instanceof LedgerRecord.Ignored i) {
                                    ignore(i.name());
                                    w.write(i);
                                }
                            });
                });
        compactedSize = file.size();
        return earlier;
    }

    /** The earlier run's ledger, counted, or null when there is none. */
    private EarlierRun earlierRun() throws IOException {
        if (file == null || !file.exists()) {
            return null;
        }
        long[] counts = new long[2];
        String[] problem = {null};
        try {
            file.read(
                    (record, line) -> {
                        if (line == 1
                                && !(record instanceof LedgerRecord.Header h
                                        && h.version() == LedgerRecord.VERSION
                                        && h.directory().equals(directory))) {
                            problem[0] =
                                    "it is not a version "
                                            + LedgerRecord.VERSION
                                            + " ledger of "
                                            + directory;
                        } else if (record instanceof LedgerRecord.Taken) {
                            counts[0]++;
                        } else if (record instanceof LedgerRecord.Ignored) {
                            counts[1]++;
                        }
                    });
        } catch (LedgerFile.CorruptLedgerException e) {
            problem[0] = e.getMessage();
        }
        return new EarlierRun(counts[0], counts[1], problem[0]);
    }

    private void ignore(String name) {
        remembered.put(Hashing.name(name), 0, FileSet.BASELINE);
    }

    private void clear() {
        remembered = new FileSet();
        partials.clear();
        items.clear();
        commits.clear();
        lastSeq = 0;
        base = 0;
        released = 0;
    }

    /**
     * Reads the ledger back to go on after {@code offset}, and returns the ends of the cuts logged
     * after it, empty ones included, which the stream offers again before taking new files.
     *
     * @throws CheckpointException when the ledger is missing, corrupt, from another directory, or
     *     does not reach {@code offset}
     */
    List<Offset> resume(Offset offset, String input) throws IOException {
        long after = offset.items();
        if (file == null || !file.exists()) {
            throw new CheckpointException(
                    input
                            + " restarts after file item #"
                            + after
                            + ", but "
                            + (file == null
                                    ? "its ledger of taken files was kept in memory, since the"
                                            + " program has no checkpoint directory"
                                    : "its ledger " + file.path() + " does not exist")
                            + ": without it the stream cannot tell which files it took; set"
                            + " ssc.checkpoint(directory) and keep the directory whole, or start"
                            + " without the saved state");
        }
        clear();
        List<Offset> cutEnds = new ArrayList<>();
        Loader loader = new Loader(cutEnds);
        try {
            file.read(loader);
        } catch (LedgerFile.CorruptLedgerException e) {
            throw new CheckpointException(
                    input
                            + " cannot read its ledger: "
                            + e.getMessage()
                            + "; it was damaged outside Ember: restore it from a copy, or delete"
                            + " the checkpoint directory to start over",
                    e);
        } catch (IllegalStateException e) {
            throw new CheckpointException(
                    input
                            + " cannot use its ledger "
                            + file.path()
                            + ": "
                            + e.getMessage()
                            + "; delete the checkpoint directory to start over",
                    e);
        }
        if (!loader.headerSeen) {
            throw new CheckpointException(
                    input + " found an empty ledger " + file.path() + "; delete it to start over");
        }
        if (after > lastSeq) {
            throw new CheckpointException(
                    input
                            + " restarts after file item #"
                            + after
                            + ", but its ledger "
                            + file.path()
                            + " ends at item #"
                            + lastSeq
                            + ": the ledger was replaced by an older copy or truncated; restore"
                            + " the one written with the checkpoint, or start without the saved"
                            + " state");
        }
        if (after < base) {
            throw new CheckpointException(
                    input
                            + " restarts after file item #"
                            + after
                            + ", but its ledger "
                            + file.path()
                            + " keeps the items after #"
                            + base
                            + " only: the checkpoint is older than the last "
                            + kept
                            + " the ledger was kept for (ember.streaming.checkpoint.kept); start"
                            + " from a newer checkpoint, or without the saved state");
        }
        released = base;
        compact(Math.min(retentionFloor(), after));
        cutEnds.removeIf(end -> end.compareTo(offset) <= 0);
        return cutEnds;
    }

    /** Applies the records of a ledger file, in order. */
    private final class Loader implements LedgerFile.RecordSink {
        private final List<Offset> cutEnds;
        private final List<Item> uncut = new ArrayList<>();
        private long lastEnd;
        boolean headerSeen;

        Loader(List<Offset> cutEnds) {
            this.cutEnds = cutEnds;
        }

        @Override
        public void accept(LedgerRecord record, long line) {
            if (!headerSeen) {
                if (!(record instanceof LedgerRecord.Header h)) {
                    throw new IllegalStateException("line 1 is not the ledger's header");
                }
                if (h.version() != LedgerRecord.VERSION) {
                    throw new IllegalStateException(
                            "it has format version "
                                    + h.version()
                                    + ", this build reads version "
                                    + LedgerRecord.VERSION);
                }
                if (!h.directory().equals(directory)) {
                    throw new IllegalStateException(
                            "it belongs to directory '"
                                    + h.directory()
                                    + "', not '"
                                    + directory
                                    + "' which the stream reads now");
                }
                headerSeen = true;
                return;
            }
            if (record instanceof LedgerRecord.Base b) {
                base = b.seq();
                lastSeq = Math.max(lastSeq, b.seq());
                lastEnd = lastSeq;
            } else if (record instanceof LedgerRecord.Commit k) {
                addCommit(k.seq());
            } else if (record instanceof LedgerRecord.Ignored i) {
                ignore(i.name());
            } else if (record instanceof LedgerRecord.Done d) {
                remembered.put(Hashing.name(d.name()), d.fingerprint(), 0);
            } else if (record instanceof LedgerRecord.Partial p) {
                remembered.put(Hashing.name(p.file().name()), p.file().fingerprint(), 0);
                partials.put(p.file().name(), new Partial(p.file(), p.next()));
            } else if (record instanceof LedgerRecord.Taken t) {
                long expected = (uncut.isEmpty() ? lastSeq : uncut.get(uncut.size() - 1).seq()) + 1;
                if (t.item().seq() != expected) {
                    throw new IllegalStateException(
                            "line "
                                    + line
                                    + " holds item #"
                                    + t.item().seq()
                                    + ", expected #"
                                    + expected);
                }
                uncut.add(t.item());
            } else if (record instanceof LedgerRecord.CutEnd c) {
                for (Item item : uncut) {
                    apply(item);
                }
                uncut.clear();
                lastSeq = Math.max(lastSeq, c.seq());
                for (long e = 1; e <= c.empties(); e++) {
                    cutEnds.add(new Offset(lastEnd, e));
                }
                cutEnds.add(new Offset(c.seq(), 0));
                lastEnd = c.seq();
            } else if (record instanceof LedgerRecord.Gone g) {
                forget(g.nameHash());
            }
        }
    }

    private void apply(Item item) {
        FileState f = item.file();
        long key = Hashing.name(f.name());
        int slot = remembered.find(key);
        boolean reported =
                slot >= 0
                        && remembered.fingerprint(slot) == f.fingerprint()
                        && remembered.has(slot, FileSet.REPORTED);
        remembered.put(key, f.fingerprint(), reported ? FileSet.REPORTED : 0);
        if (item.to() < f.size()) {
            partials.put(f.name(), new Partial(f, item.to()));
        } else {
            partials.remove(f.name());
        }
        items.add(item);
        lastSeq = item.seq();
    }

    private void forget(long nameHash) {
        remembered.remove(nameHash);
        partials.values().removeIf(p -> Hashing.name(p.file.name()) == nameHash);
    }

    long lastSeq() {
        return lastSeq;
    }

    FileSet remembered() {
        return remembered;
    }

    /** The files taken in part, oldest first. */
    Collection<Partial> partials() {
        return partials.values();
    }

    /**
     * Makes a cut durable: records that the files of {@code gone} left the directory, then the
     * items of {@code taken} (numbered from {@link #lastSeq()} + 1) and the cut's end, after {@code
     * empties} cuts that took nothing. When this returns, the items are in the ledger and in
     * memory.
     */
    void record(List<Item> taken, List<Long> gone, long empties) throws IOException {
        if (taken.isEmpty() && gone.isEmpty()) {
            return;
        }
        if (file != null) {
            List<LedgerRecord> records = new ArrayList<>(gone.size() + taken.size() + 1);
            for (long h : gone) {
                records.add(new LedgerRecord.Gone(h));
            }
            for (Item item : taken) {
                records.add(new LedgerRecord.Taken(item));
            }
            if (!taken.isEmpty()) {
                records.add(new LedgerRecord.CutEnd(taken.get(taken.size() - 1).seq(), empties));
            }
            file.append(records);
        }
        for (long h : gone) {
            forget(h);
        }
        for (Item item : taken) {
            apply(item);
        }
    }

    /**
     * The items in {@code (from, to]}.
     *
     * @throws IllegalStateException when the range was released or not taken
     */
    List<Item> items(long from, long to) {
        if (from < released || to > lastSeq || from > to) {
            throw new IllegalStateException(
                    "the items ("
                            + from
                            + ", "
                            + to
                            + "] are not held: items after #"
                            + released
                            + " up to #"
                            + lastSeq
                            + " are");
        }
        long first = released + 1;
        return new ArrayList<>(items.subList((int) (from + 1 - first), (int) (to + 1 - first)));
    }

    /** The items up to {@code to} have been processed: memory lets them go. */
    void processed(long to) {
        long drop = Math.min(to, lastSeq) - released;
        if (drop <= 0) {
            return;
        }
        items.subList(0, (int) drop).clear();
        released += drop;
    }

    /**
     * The runner committed the ranges up to {@code to}: once the last {@code kept} commits are all
     * past an item, no restart can ask for it, and a compaction may drop it.
     */
    void committed(long to) throws IOException {
        if (!commits.isEmpty() && to <= commits.peekLast()) {
            return;
        }
        addCommit(to);
        if (file == null) {
            return;
        }
        file.append(List.of(new LedgerRecord.Commit(to)));
        long floor = retentionFloor();
        if (floor > base
                && file.size() - compactedSize > Math.max(compactedSize, minCompactionGrowth)) {
            compact(floor);
        }
    }

    private void addCommit(long to) {
        commits.addLast(to);
        while (commits.size() > kept) {
            commits.removeFirst();
        }
    }

    private long retentionFloor() {
        return commits.size() < kept
                ? base
                : Math.max(base, Math.min(commits.peekFirst(), lastSeq));
    }

    /**
     * Rewrites the file: the remembered files, one line each, then the items after {@code floor}
     * with their cut ends. Reads the old file (twice) while writing the new one, which replaces it
     * only when complete.
     */
    private void compact(long floor) throws IOException {
        remembered.clearAll(FileSet.EMITTED);
        file.rewrite(
                w -> {
                    w.write(new LedgerRecord.Header(LedgerRecord.VERSION, directory));
                    w.write(new LedgerRecord.Base(floor));
                    for (long k : commits) {
                        w.write(new LedgerRecord.Commit(k));
                    }
                    file.read((record, line) -> writeRemembered(record, w));
                    List<LedgerRecord.Taken> cut = new ArrayList<>();
                    file.read(
                            (record, line) -> {
                                if (record instanceof LedgerRecord.Taken t
                                        && t.item().seq() > floor) {
                                    cut.add(t);
                                } else if (record instanceof LedgerRecord.CutEnd c
                                        && c.seq() > floor) {
                                    writeCut(cut, c, w);
                                }
                            });
                });
        remembered.clearAll(FileSet.EMITTED);
        base = floor;
        compactedSize = file.size();
    }

    /** The line of a remembered file named in {@code record}, the first time one names it. */
    private void writeRemembered(LedgerRecord record, LedgerFile.Writer w) throws IOException {
        String name = nameOf(record);
        if (name == null) {
            return;
        }
        int slot = remembered.find(Hashing.name(name));
        if (slot < 0 || remembered.has(slot, FileSet.EMITTED)) {
            return;
        }
        remembered.set(slot, FileSet.EMITTED, true);
        Partial partial = partials.get(name);
        if (remembered.has(slot, FileSet.BASELINE)) {
            w.write(new LedgerRecord.Ignored(name));
        } else if (partial != null) {
            w.write(new LedgerRecord.Partial(partial.file, partial.next));
        } else {
            w.write(new LedgerRecord.Done(remembered.fingerprint(slot), name));
        }
    }

    /**
     * The items of one cut and its end, then a G line for each of their files that has left the
     * directory since, so that reading them back does not remember it again.
     */
    private void writeCut(
            List<LedgerRecord.Taken> cut, LedgerRecord.CutEnd end, LedgerFile.Writer w)
            throws IOException {
        for (LedgerRecord.Taken t : cut) {
            w.write(t);
        }
        w.write(end);
        for (LedgerRecord.Taken t : cut) {
            long key = Hashing.name(t.item().file().name());
            if (!remembered.contains(key)) {
                w.write(new LedgerRecord.Gone(key));
            }
        }
        cut.clear();
    }

    private static String nameOf(LedgerRecord record) {
        if (record instanceof LedgerRecord.Ignored i) {
            return i.name();
        } else if (record instanceof LedgerRecord.Done d) {
            return d.name();
        } else if (record instanceof LedgerRecord.Partial p) {
            return p.file().name();
        } else if (record instanceof LedgerRecord.Taken t) {
            return t.item().file().name();
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            file.close();
        }
    }
}
