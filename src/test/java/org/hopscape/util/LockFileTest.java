package org.hopscape.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class LockFileTest {
    @TempDir Path tmp;

    @Test
    void aLiveOwnerIsRefusedByNameAndADeadOnesLockIsTakenOver() throws Exception {
        Path lock = tmp.resolve("sweep.csv.lock");
        Process child = ChildJvm.start(LockHolder.class, tmp, lock.toString());
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertNotNull(line, "the child ended without taking the lock");
            assertTrue(line.startsWith("locked "), line);
            long childPid = child.pid();
            var e = assertThrows(IllegalStateException.class, () -> LockFile.acquire(lock, "sweep s"));
            assertTrue(e.getMessage().contains("pid " + childPid), e.getMessage());
            assertTrue(e.getMessage().contains(lock.toString()), e.getMessage());
            child.destroyForcibly();                                     // kill -9: the OS drops its file lock
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            try (LockFile mine = LockFile.acquire(lock, "sweep s")) {
                assertNotNull(mine.previousOwner(), "the dead owner's lock file is taken over");
                assertTrue(mine.previousOwner().contains("pid=" + childPid), mine.previousOwner());
                assertTrue(Files.readString(lock).contains("pid=" + LockFile.pid()));
            }
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void anotherThreadOfThisProcessIsRefusedAndARereleasedLockIsReusable() {
        Path lock = tmp.resolve("t.lock");
        try (LockFile first = LockFile.acquire(lock, "sweep a")) {
            var e = assertThrows(IllegalStateException.class, () -> LockFile.acquire(lock, "sweep a"));
            assertTrue(e.getMessage().contains("another thread of this process"), e.getMessage());
        }
        LockFile again = LockFile.acquire(lock, "sweep a");
        assertNull(again.previousOwner(), "a cleanly released lock has no previous owner");
        again.closeAndDelete();
        assertFalse(Files.exists(lock));
    }

    @Test
    void staleTempFilesOfOneTargetAreRemovedAndOthersKept() throws IOException {
        Path target = tmp.resolve("r.csv");
        Files.createFile(tmp.resolve(".r.csv.123456.part"));          // what a kill -9 during a write leaves
        Files.writeString(tmp.resolve(".r.csv.99.part"), "half");
        Files.createFile(tmp.resolve(".other.csv.1.part"));
        Files.createFile(tmp.resolve("r.csv.part"));
        assertEquals(2, AtomicFiles.removeStaleTemps(target));
        assertTrue(Files.exists(tmp.resolve(".other.csv.1.part")));
        assertTrue(Files.exists(tmp.resolve("r.csv.part")));
        assertEquals(0, AtomicFiles.removeStaleTemps(target));
    }
}
