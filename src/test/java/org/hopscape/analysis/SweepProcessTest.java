package org.hopscape.analysis;

import org.hopscape.util.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 18, sweeps across processes: a sweep killed with SIGKILL (also in the middle of a checkpoint write) resumes
 * to exactly the rows of an uninterrupted run and leaves no temp file behind; two processes on one sweep never
 * both compute it — the second is refused with the first one's PID while the first finishes.
 */
class SweepProcessTest {
    @TempDir Path tmp;

    static List<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    static String output(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    static void assertSameRows(Table expected, Table actual) {
        assertEquals(expected.rowCount(), actual.rowCount());
        assertArrayEquals(expected.intColumn(Sweep.POINT).asIntArray(), actual.intColumn(Sweep.POINT).asIntArray());
        assertArrayEquals(expected.doubleColumn("x").asDoubleArray(), actual.doubleColumn("x").asDoubleArray(), 0.0);
    }

    @Test
    void killedAgainAndAgainTheSweepResumesToTheSameRowsAndLeavesNoTempFile() throws Exception {
        Table reference = SweepChild.table(null, 0, 2);
        Path dir = tmp.resolve("sweeps");
        int kills = 0, killsInsideAWrite = 0;
        for (int attempt = 0; attempt < 5; attempt++) {
            // run k lets k checkpoint writes begin and kills the process (SIGKILL) while write k + 1 is under way
            Process p = ChildJvm.start(SweepChild.class, tmp, dir.toString(), "40");
            java.util.Set<Path> writes = new java.util.HashSet<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (p.isAlive() && System.nanoTime() < deadline) {
                List<Path> parts = files(dir, ".part");
                writes.addAll(parts);
                if (writes.size() > attempt && !parts.isEmpty()) {
                    p.destroyForcibly();
                    kills++;
                    break;
                }
                Thread.sleep(1);
            }
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            if (!files(dir, ".part").isEmpty()) killsInsideAWrite++;
        }
        assertTrue(kills >= 3, "the sweep should have been killed mid-run (killed " + kills + " times)");
        // what a kill in the middle of a write leaves, made certain: an empty temp file of the checkpoint
        Path csv = files(dir, ".csv").getFirst();
        Files.createFile(csv.resolveSibling("." + csv.getFileName() + ".4242.part"));
        Table resumed = SweepChild.table(dir, 0, 2);
        assertSameRows(reference, resumed);
        assertEquals(List.of(), files(dir, ".part"), "stale temp files are removed");
        assertEquals(List.of(), files(dir, ".lock"), "the lock of a finished sweep is gone");
        Files.createDirectories(Path.of("target", "sweeps"));
        Files.writeString(Path.of("target", "sweeps", "kill-test.txt"), kills + " kills with SIGKILL, "
                + killsInsideAWrite + " of them inside a checkpoint write (a temp file was left)\n");
    }

    @Test
    void aSecondProcessIsRefusedWhileTheFirstComputesAndNothingIsComputedTwice() throws Exception {
        Path dir = tmp.resolve("sweeps");
        Process first = ChildJvm.start(SweepChild.class, tmp, dir.toString(), "150");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            Path lock = null;
            while (System.nanoTime() < deadline) {
                List<Path> locks = files(dir, ".lock");
                if (!locks.isEmpty() && Files.readString(locks.getFirst()).contains("pid=" + first.pid())) {
                    lock = locks.getFirst();
                    break;
                }
                Thread.sleep(20);
            }
            assertNotNull(lock, "the first process took the sweep's lock");
            Process second = ChildJvm.start(SweepChild.class, tmp, dir.toString(), "150");
            assertTrue(second.waitFor(60, TimeUnit.SECONDS));
            String said = output(second);
            assertEquals(3, second.exitValue(), said);
            assertTrue(said.contains("refused") && said.contains("pid " + first.pid()), said);
            assertTrue(first.isAlive(), "the first process was still computing when the second was refused");
            assertTrue(first.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, first.exitValue(), output(first));
        } finally {
            first.destroyForcibly();
        }
        int[] calls = {0};
        Table resumed = Sweep.run(SweepChild.NAME, SweepChild.ALGORITHM, SweepChild.POINTS, i -> {
            calls[0]++;
            return SweepChild.point(i, 0);
        }, SweepChild.PARAMETERS, 77, new Sweep.Options(2, 1, dir, null));
        assertEquals(0, calls[0], "every point was in the first process's checkpoint");
        assertSameRows(SweepChild.table(null, 0, 2), resumed);
    }
}
