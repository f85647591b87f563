package org.hopscape.analysis;

import org.hopscape.util.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.*;

class SweepTest {
    static final Map<String, Object> PARAMS = Map.of("grid", "0..19", "what", "square plus noise");

    static IntFunction<Table> task(AtomicInteger calls, int failAt) {
        return i -> {
            calls.incrementAndGet();
            if (i == failAt) throw new IllegalStateException("simulated crash at point " + i);
            double noise = Rng.stream(5, i).nextDouble();
            return Table.create("p", DoubleColumn.create("x", new double[] {i, i}),
                    DoubleColumn.create("y", new double[] {i * i + noise, -noise}),
                    StringColumn.create("tag", new String[] {"a" + i, "b"}));
        };
    }

    @Test
    void resumesAfterACrashAndComputesOnlyTheMissingPoints(@TempDir Path dir) {
        Sweep.Options o = new Sweep.Options(1, 1, dir, null);
        AtomicInteger calls = new AtomicInteger();
        var e = assertThrows(IllegalStateException.class, () -> Sweep.run("toy", 20, task(calls, 12), PARAMS, 5, o));
        assertTrue(e.getMessage().contains("point 12"));
        Path file = Sweep.checkpointFile(dir, "toy", withSweep(20));
        assertTrue(Files.isRegularFile(file), "checkpoint written before failing");
        assertEquals(20, calls.get(), "the other points still ran");
        calls.set(0);
        Table resumed = Sweep.run("toy", 20, task(calls, -1), PARAMS, 5, o);
        assertEquals(1, calls.get(), "only the failed point is recomputed");
        Table fresh = Sweep.run("toy", 20, task(new AtomicInteger(), -1), PARAMS, 5, Sweep.Options.inMemory());
        assertEquals(fresh.print(), resumed.print());
        assertEquals(40, resumed.rowCount());
        calls.set(0);
        Sweep.run("toy", 20, task(calls, -1), PARAMS, 5, o);
        assertEquals(0, calls.get(), "a finished sweep is read back");
    }

    static Map<String, Object> withSweep(int points) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(PARAMS);
        m.put("sweep", "toy");
        m.put("points", points);
        return m;
    }

    @Test
    void aCheckpointFromAnotherBuildIsRecomputed(@TempDir Path dir) {
        Sweep.Options o = new Sweep.Options(1, 1, dir, null);
        Sweep.run("toy", 4, task(new AtomicInteger(), -1), PARAMS, 5, o);
        Path file = Sweep.checkpointFile(dir, "toy", withSweep(4));
        var saved = org.hopscape.table.ResultTables.load(file);
        var p = saved.provenance();
        org.hopscape.table.ResultTables.save(saved.table(), file,
                new org.hopscape.table.Provenance(p.parameters(), p.seed(), p.version(), "0123456789abcdef-other-commit"));
        AtomicInteger calls = new AtomicInteger();
        Sweep.run("toy", 4, task(calls, -1), PARAMS, 5, o);
        assertEquals(4, calls.get(), "every point recomputed");
        AtomicInteger again = new AtomicInteger();
        Sweep.run("toy", 4, task(again, -1), PARAMS, 5, o);
        assertEquals(0, again.get(), "the rewritten checkpoint is this build's and is resumed");
    }

    @Test
    void otherParametersUseAnotherFile(@TempDir Path dir) {
        Sweep.run("toy", 3, task(new AtomicInteger(), -1), PARAMS, 5, new Sweep.Options(2, 1, dir, null));
        AtomicInteger calls = new AtomicInteger();
        Sweep.run("toy", 3, task(calls, -1), Map.of("grid", "other"), 5, new Sweep.Options(2, 1, dir, null));
        assertEquals(3, calls.get());
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count());
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    @Test
    void resultDoesNotDependOnThreadCount() {
        Table one = Sweep.run("toy", 20, task(new AtomicInteger(), -1), PARAMS, 5, Sweep.Options.inMemory().withThreads(1));
        Table two = Sweep.run("toy", 20, task(new AtomicInteger(), -1), PARAMS, 5, Sweep.Options.inMemory().withThreads(2));
        assertEquals(one.print(), two.print());
        assertEquals(Sweep.POINT, one.columnNames().getFirst());
    }

    @Test
    void badInputNamesTheParameter() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Sweep.run("a b", 3, task(new AtomicInteger(), -1), PARAMS, 5, Sweep.Options.inMemory()));
        assertTrue(e.getMessage().startsWith("name"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Sweep.Options(0, 1, null, null));
        assertTrue(e.getMessage().startsWith("threads"), e.getMessage());
    }
}
