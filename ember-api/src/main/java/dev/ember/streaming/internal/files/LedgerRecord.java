package dev.ember.streaming.internal.files;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/*
 * One line of a file stream's ledger (docs/file-streams.md, "The ledger"):
 *
 *   <crc> <type> <fields...>\n
 *
 * where <crc> is the CRC-32C of "<type> <fields...>" in UTF-8, as 8 hex digits, and a file name,
 * always the last field, has '%', control characters and DEL written as %XX. Numbers are decimal,
 * hashes and fingerprints 16 hex digits.
 */
sealed interface LedgerRecord {
    int VERSION = 1;

    /** H: the first line, the format version and the directory the ledger belongs to. */
    record Header(int version, String directory) implements LedgerRecord {}

    /** B: items up to {@code seq} are no longer in this file (compacted away). */
    record Base(long seq) implements LedgerRecord {}

    /** K: the runner committed the ranges up to {@code seq} (a durable checkpoint holds them). */
    record Commit(long seq) implements LedgerRecord {}

    /** I: present at the first start of a stream of new files only, so never read. */
    record Ignored(String name) implements LedgerRecord {}

    /** D: taken in full, in items no longer in this file. */
    record Done(long fingerprint, String name) implements LedgerRecord {}

    /** P: taken up to byte {@code next}, in items no longer in this file. */
    record Partial(FileState file, long next) implements LedgerRecord {}

    /** T: an item, valid once a later {@link CutEnd} covers it. */
    record Taken(Item item) implements LedgerRecord {}

    /**
     * C: a cut ends at item {@code seq}, after {@code empties} cuts in a row that took nothing; the
     * items before it are in the ledger for good.
     */
    record CutEnd(long seq, long empties) implements LedgerRecord {}

    /** G: the file of name hash {@code nameHash} left the directory and is forgotten. */
    record Gone(long nameHash) implements LedgerRecord {}

    /** This record as one line, checksum and newline included. */
    static byte[] encode(LedgerRecord record) {
        byte[] bytes = body(record).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream line = new ByteArrayOutputStream(bytes.length + 10);
        line.writeBytes(hex8(crc(bytes, 0, bytes.length)).getBytes(StandardCharsets.US_ASCII));
        line.write(' ');
        line.writeBytes(bytes);
        line.write('\n');
        return line.toByteArray();
    }

    private static String body(LedgerRecord record) {
        if (record instanceof Header h) {
            return "H " + h.version() + " " + escape(h.directory());
        } else if (record instanceof Base b) {
            return "B " + b.seq();
        } else if (record instanceof Commit k) {
            return "K " + k.seq();
        } else if (record instanceof Ignored i) {
            return "I " + escape(i.name());
        } else if (record instanceof Done d) {
            return "D " + hex(d.fingerprint()) + " " + escape(d.name());
        } else if (record instanceof Partial p) {
            return "P " + state(p.file(), p.next());
        } else if (record instanceof Taken t) {
            Item item = t.item();
            return "T " + item.seq() + " " + item.from() + " " + state(item.file(), item.to());
        } else if (record instanceof CutEnd c) {
            return "C " + c.seq() + " " + c.empties();
        } else if (record instanceof Gone g) {
            return "G " + hex(g.nameHash());
        }
        throw new IllegalArgumentException(record.toString());
    }

    /** A file state followed by a byte position: {@code <to> <size> <mtime> <inode> <name>}. */
    private static String state(FileState file, long position) {
        return position
                + " "
                + file.size()
                + " "
                + file.mtimeNanos()
                + " "
                + file.inode()
                + " "
                + escape(file.name());
    }

    /**
     * Decodes one line without its newline.
     *
     * @throws IllegalArgumentException when the checksum does not match or the line is not a record
     */
    static LedgerRecord decode(byte[] line, int from, int to) {
        if (to - from < 11 || line[from + 8] != ' ') {
            throw new IllegalArgumentException("too short or no checksum");
        }
        long expected = Long.parseLong(new String(line, from, 8, StandardCharsets.US_ASCII), 16);
        if (crc(line, from + 9, to) != expected) {
            throw new IllegalArgumentException("checksum mismatch");
        }
        String body = new String(line, from + 9, to - from - 9, StandardCharsets.UTF_8);
        String[] f = body.split(" ", -1);
        String type = f[0];
        return switch (type) {
            case "H" -> new Header(Integer.parseInt(field(f, 1, 3)), unescape(f[2]));
            case "B" -> new Base(Long.parseLong(field(f, 1, 2)));
            case "K" -> new Commit(Long.parseLong(field(f, 1, 2)));
            case "I" -> new Ignored(unescape(field(f, 1, 2)));
            case "D" -> new Done(Long.parseUnsignedLong(field(f, 1, 3), 16), unescape(f[2]));
            case "P" -> {
                FileState file = state(f, 1, 6);
                yield new Partial(file, Long.parseLong(f[1]));
            }
            case "T" -> {
                FileState file = state(f, 3, 8);
                yield new Taken(
                        new Item(
                                Long.parseLong(f[1]),
                                file,
                                Long.parseLong(f[2]),
                                Long.parseLong(f[3])));
            }
            case "C" -> new CutEnd(Long.parseLong(field(f, 1, 3)), Long.parseLong(f[2]));
            case "G" -> new Gone(Long.parseUnsignedLong(field(f, 1, 2), 16));
            default -> throw new IllegalArgumentException("unknown record type '" + type + "'");
        };
    }

    /** The state whose position is {@code f[at]}, followed by size, mtime, inode and name. */
    private static FileState state(String[] f, int at, int fields) {
        field(f, at, fields);
        return new FileState(
                unescape(f[at + 4]),
                Long.parseLong(f[at + 1]),
                Long.parseLong(f[at + 2]),
                Long.parseLong(f[at + 3]));
    }

    private static String field(String[] f, int i, int count) {
        if (f.length != count) {
            throw new IllegalArgumentException(
                    "record " + f[0] + " has " + f.length + " fields, expected " + count);
        }
        return f[i];
    }

    private static long crc(byte[] bytes, int from, int to) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, to - from);
        return crc.getValue();
    }

    private static String hex(long value) {
        String s = Long.toHexString(value);
        return "0".repeat(16 - s.length()) + s;
    }

    private static String hex8(long value) {
        String s = Long.toHexString(value);
        return "0".repeat(8 - s.length()) + s;
    }

    /** A name with '%', control characters and DEL as %XX, so that it holds no space or newline. */
    static String escape(String name) {
        StringBuilder sb = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean plain = c > ' ' && c != '%' && c != 0x7F;
            if (!plain && sb == null) {
                sb = new StringBuilder(name.length() + 8).append(name, 0, i);
            }
            if (sb != null) {
                if (plain) {
                    sb.append(c);
                } else {
                    sb.append('%')
                            .append(Character.forDigit(c >> 4, 16))
                            .append(Character.forDigit(c & 15, 16));
                }
            }
        }
        return sb == null ? name : sb.toString();
    }

    static String unescape(String text) {
        int percent = text.indexOf('%');
        if (percent < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length()).append(text, 0, percent);
        for (int i = percent; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new IllegalArgumentException("truncated escape in '" + text + "'");
                }
                sb.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
