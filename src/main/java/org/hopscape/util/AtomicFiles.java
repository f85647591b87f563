package org.hopscape.util;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a file completely or not at all: into a temp file beside the target, then an atomic rename. */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Body that writes the content. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    public static Path write(Path target, Writer body) {
        Check.notNull("target", target);
        Check.notNull("body", body);
        Path abs = target.toAbsolutePath();
        if (Files.isDirectory(abs)) throw new IllegalArgumentException("target " + abs + " is a directory, not a file");
        if (abs.getParent() == null) throw new IllegalArgumentException("target " + abs + " has no parent directory");
        Path tmp = null;
        try {
            Files.createDirectories(abs.getParent());
            tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".part");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.write(out);
            }
            // temp files are created private; results are ordinary readable files
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException ignored) { /* not a POSIX file system */ }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            return abs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + abs + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* best effort */ }
            }
        }
    }

    /**
     * Deletes the temp files that {@link #write} leaves beside {@code target} when its process is killed in the
     * middle of a write ({@code .<name>.<random>.part}); returns how many it removed. Call it only while no other
     * writer of {@code target} can be running (e.g. while holding the target's {@link LockFile}).
     */
    public static int removeStaleTemps(Path target) {
        Check.notNull("target", target);
        Path abs = target.toAbsolutePath(), dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) return 0;
        String prefix = "." + abs.getFileName() + ".";
        int removed = 0;
        try (var files = Files.newDirectoryStream(dir, f -> {
            String n = f.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".part") && n.length() > prefix.length() + 5;
        })) {
            for (Path f : files) if (Files.deleteIfExists(f)) removed++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean temp files of " + abs + ": " + e, e);
        }
        return removed;
    }

    public static Path writeString(Path target, String text) {
        Check.notNull("text", text);
        return write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
