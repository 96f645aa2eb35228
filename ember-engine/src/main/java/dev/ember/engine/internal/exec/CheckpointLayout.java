package dev.ember.engine.internal.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Where things live in a checkpoint directory (docs/checkpointing.md): {@code checkpoint-<batch
 * time>.ember} files, the batch log, and a directory per input for what its source keeps (a ledger
 * of files, a write-ahead log), named after the input's stable name.
 */
final class CheckpointLayout {
    private final Path root;

    CheckpointLayout(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** The directory of the input named {@code name}, created if missing. */
    Path inputDirectory(String name) {
        Path dir = root.resolve("inputs").resolve(fileName(name));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot create the state directory " + dir + " of input '" + name + "'", e);
        }
        return dir;
    }

    /**
     * A file name for a stable name: its safe characters, and a checksum of the whole name, so that
     * two names that differ only in unsafe characters stay apart.
     */
    static String fileName(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length() && sb.length() < 80; i++) {
            char c = name.charAt(i);
            sb.append(Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' ? c : '_');
        }
        CRC32C crc = new CRC32C();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return sb + "-" + Long.toHexString(crc.getValue());
    }
}
