package org.hopscape.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * An exclusive lock on a result that one process computes, e.g. a sweep's checkpoint: a file
 * {@code <result>.lock} holding the owner's PID, host and start time, locked with the operating system's file lock
 * ({@link FileChannel#tryLock()}). The operating system releases the lock when its process ends in any way —
 * {@code kill -9} included — so a lock file left by a dead process is stale and is taken over by the next
 * {@link #acquire}; a lock held by a live process (or by another thread of this one) is refused with a message
 * naming the owner.
 */
public final class LockFile implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private final String previousOwner;

    private LockFile(Path path, FileChannel channel, FileLock lock, String previousOwner) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
        this.previousOwner = previousOwner;
    }

    /** This process's id. */
    public static long pid() {
        return ProcessHandle.current().pid();
    }

    /**
     * Takes the lock {@code path} for {@code what} (e.g. "sweep 03-fig7-saddles"), creating the file when needed.
     *
     * @throws IllegalStateException when another process (or another thread of this process) holds it; the message
     *                               names the owner and the lock file
     */
    public static LockFile acquire(Path path, String what) {
        Check.notNull("path", path);
        Check.notNull("what", what);
        boolean interrupted = Thread.interrupted(); // file channels close themselves on interrupt: keep it for later
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                ch.close();
                throw new IllegalStateException(what + " is already being computed by another thread of this process (pid "
                        + pid() + ", lock " + path + "); wait for it to finish");
            }
            String owner = read(ch);
            if (l == null) {
                ch.close();
                throw new IllegalStateException(what + " is being computed by another process (" + describe(owner)
                        + ", lock " + path + "); wait for it to finish or stop that process, then run again");
            }
            byte[] me = ("pid=" + pid() + "\nhost=" + host() + "\nsince=" + Instant.now() + "\nwhat=" + what + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(me), 0);
            ch.force(true);
            return new LockFile(path, ch, l, owner.isBlank() ? null : owner);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + path + ": " + e, e);
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** The lock file. */
    public Path path() {
        return path;
    }

    /** What the lock file said before this process took it over (a finished or killed owner), or null. */
    public String previousOwner() {
        return previousOwner;
    }

    /** Releases the lock and keeps the file (a later {@link #acquire} takes it over). */
    @Override
    public void close() {
        release(false);
    }

    /** Deletes the lock file, then releases the lock (when the locked result is complete). */
    public void closeAndDelete() {
        release(true);
    }

    private void release(boolean delete) {
        boolean interrupted = Thread.interrupted();
        try {
            if (!channel.isOpen()) return;
            if (delete) Files.deleteIfExists(path);
            else channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release " + path + ": " + e, e);
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private static String read(FileChannel ch) throws IOException {
        long size = Math.min(ch.size(), 4096);
        ByteBuffer b = ByteBuffer.allocate((int) size);
        while (b.hasRemaining() && ch.read(b, b.position()) > 0) { /* read the owner's lines */ }
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
    }

    private static String describe(String owner) {
        String pid = field(owner, "pid"), host = field(owner, "host"), since = field(owner, "since");
        if (pid == null) return "owner unknown";
        return "pid " + pid + (host == null ? "" : " on " + host) + (since == null ? "" : " since " + since);
    }

    private static String field(String text, String key) {
        for (String line : text.split("\n"))
            if (line.startsWith(key + "=")) return line.substring(key.length() + 1).trim();
        return null;
    }

    private static String host() {
        String name = ManagementFactory.getRuntimeMXBean().getName(); // "pid@host"
        int at = name.indexOf('@');
        return at >= 0 ? name.substring(at + 1) : "unknown";
    }
}
