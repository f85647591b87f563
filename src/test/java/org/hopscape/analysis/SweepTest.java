package org.hopscape.analysis;

import org.hopscape.util.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.*;

class SweepTest {
    static final Map<String, Object> PARAMS = Map.of("grid", "0..19", "what", "square plus noise");
    static final String ALG = "toy/1";

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
        var e = assertThrows(IllegalStateException.class, () -> Sweep.run("toy", ALG, 20, task(calls, 12), PARAMS, 5, o));
        assertTrue(e.getMessage().contains("point 12"));
        Path file = Sweep.checkpointFile(dir, "toy", ALG, withSweep(20));
        assertTrue(Files.isRegularFile(file), "checkpoint written before failing");
        assertEquals(20, calls.get(), "the other points still ran");
        calls.set(0);
        Table resumed = Sweep.run("toy", ALG, 20, task(calls, -1), PARAMS, 5, o);
        assertEquals(1, calls.get(), "only the failed point is recomputed");
        Table fresh = Sweep.run("toy", ALG, 20, task(new AtomicInteger(), -1), PARAMS, 5, Sweep.Options.inMemory());
        assertEquals(fresh.print(), resumed.print());
        assertEquals(40, resumed.rowCount());
        calls.set(0);
        Sweep.run("toy", ALG, 20, task(calls, -1), PARAMS, 5, o);
        assertEquals(0, calls.get(), "a finished sweep is read back");
    }

    static Map<String, Object> withSweep(int points) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(PARAMS);
        m.put("sweep", "toy");
        m.put("points", points);
        m.put("batch", 1);
        return m;
    }

    @Test
    void anUnrelatedCommitOrKitVersionKeepsTheCheckpointButAnAlgorithmBumpRecomputes(@TempDir Path dir) {
        Sweep.Options o = new Sweep.Options(1, 1, dir, null);
        Sweep.run("toy", ALG, 4, task(new AtomicInteger(), -1), PARAMS, 5, o);
        Path file = Sweep.checkpointFile(dir, "toy", ALG, withSweep(4));
        var saved = org.hopscape.table.ResultTables.load(file);
        var p = saved.provenance();
        org.hopscape.table.ResultTables.save(saved.table(), file,
                new org.hopscape.table.Provenance(p.parameters(), p.seed(), "9.9.9-other", "0123456789abcdef-other-commit"));
        AtomicInteger calls = new AtomicInteger();
        Sweep.run("toy", ALG, 4, task(calls, -1), PARAMS, 5, o);
        assertEquals(0, calls.get(), "another commit and kit version: same computation, resumed");
        AtomicInteger bumped = new AtomicInteger();
        Table t = Sweep.run("toy", "toy/2", 4, task(bumped, -1), PARAMS, 5, o);
        assertEquals(4, bumped.get(), "a bumped algorithm version recomputes every point");
        assertEquals(4, t.rowCount() / 2);
        assertNotEquals(file, Sweep.checkpointFile(dir, "toy", "toy/2", withSweep(4)));
        AtomicInteger again = new AtomicInteger();
        Sweep.run("toy", "toy/2", 4, task(again, -1), PARAMS, 5, o);
        assertEquals(0, again.get(), "the bumped version's own checkpoint is resumed");
        // a file whose name matches but whose recorded key does not (e.g. edited parameters) is recomputed
        Path file2 = Sweep.checkpointFile(dir, "toy", "toy/2", withSweep(4));
        var s2 = org.hopscape.table.ResultTables.load(file2);
        var params = new java.util.LinkedHashMap<>(s2.provenance().parameters());
        params.put(Sweep.KEY, "0".repeat(64));
        org.hopscape.table.ResultTables.save(s2.table(), file2, new org.hopscape.table.Provenance(params, 5, "x", "y"));
        AtomicInteger forged = new AtomicInteger();
        Sweep.run("toy", "toy/2", 4, task(forged, -1), PARAMS, 5, o);
        assertEquals(4, forged.get());
    }

    /** Parameters passed as Map.of (unordered) and as a LinkedHashMap in another order give one key. */
    @Test
    void theKeyIsCanonical() {
        Map<String, Object> a = Map.of("ns", new double[] {2, 3, 4.5}, "T", 650.0, "runs", 10, "digits", List.of(1, 7, 8),
                "label", "fig7", "inner", Map.of("b", 2, "a", new int[] {1, 2}));
        Map<String, Object> b = new java.util.LinkedHashMap<>();
        b.put("label", "fig7");
        Map<String, Object> inner = new java.util.LinkedHashMap<>();
        inner.put("a", new int[] {1, 2});
        inner.put("b", 2);
        b.put("inner", inner);
        b.put("digits", List.of(1, 7, 8));
        b.put("runs", 10);
        b.put("T", 650.0);
        b.put("ns", new double[] {2, 3, 4.5}); // another array object, same contents
        assertEquals(Sweep.key("alg/1", a), Sweep.key("alg/1", b));
        assertEquals(64, Sweep.key("alg/1", a).length());
        // contents matter, identities do not
        b.put("ns", new double[] {2, 3, 4.5000001});
        assertNotEquals(Sweep.key("alg/1", a), Sweep.key("alg/1", b));
        b.put("ns", new double[] {2, 3, 4.5});
        assertNotEquals(Sweep.key("alg/1", a), Sweep.key("alg/2", b), "the algorithm version is part of the key");
        b.put("T", 650); // an int is not the double 650.0: declared types are part of what computes
        assertNotEquals(Sweep.key("alg/1", a), Sweep.key("alg/1", b));
        b.put("T", 650.0);
        record Grid(double[] ts, int runs) {}
        assertEquals(Sweep.key("r", Map.of("grid", new Grid(new double[] {1, 2}, 3))),
                Sweep.key("r", Map.of("grid", new Grid(new double[] {1, 2}, 3))), "records by their components");
        // the same text in every JVM: a fixed expected value (SHA-256 of the canonical text below)
        assertEquals(sha256("algorithm=\"alg/1\"\n\"T\"=650.0\n\"ns\"=[2.0,3.0]\n"),
                Sweep.key("alg/1", Map.of("ns", new double[] {2, 3}, "T", 650.0)));
        var e = assertThrows(IllegalArgumentException.class, () -> Sweep.key("a", Map.of("x", new Object())));
        assertTrue(e.getMessage().startsWith("parameter x"), e.getMessage());
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Batches are fixed by the point index: resuming or other thread counts compute each point in the same batch. */
    @Test
    void batchesAreFixedByIndexAndResumeWhole(@TempDir Path dir) {
        java.util.List<String> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Sweep.BatchTask t = (pts, threads) -> {
            seen.add(java.util.Arrays.toString(pts));
            if (pts[0] == 4) throw new IllegalStateException("simulated crash in the batch of point 4");
            java.util.List<Table> out = new java.util.ArrayList<>();
            for (int i : pts) out.add(Table.create("p", DoubleColumn.create("y", new double[] {i * i}),
                    DoubleColumn.create("batchStart", new double[] {pts[0]})));
            return out;
        };
        Sweep.Options o = new Sweep.Options(3, 1, dir, null);
        assertThrows(IllegalStateException.class, () -> Sweep.runBatched("b", ALG, 10, 4, t, PARAMS, 5, o));
        assertEquals(java.util.Set.of("[0, 1, 2, 3]", "[4, 5, 6, 7]", "[8, 9]"), new java.util.HashSet<>(seen));
        seen.clear();
        Sweep.BatchTask fixed = (pts, threads) -> {
            seen.add(java.util.Arrays.toString(pts));
            java.util.List<Table> out = new java.util.ArrayList<>();
            for (int i : pts) out.add(Table.create("p", DoubleColumn.create("y", new double[] {i * i}),
                    DoubleColumn.create("batchStart", new double[] {pts[0]})));
            return out;
        };
        Table r = Sweep.runBatched("b", ALG, 10, 4, fixed, PARAMS, 5, o.withThreads(1));
        assertEquals(java.util.List.of("[4, 5, 6, 7]"), seen, "only the failed batch, whole");
        assertEquals(10, r.rowCount());
        for (int i = 0; i < 10; i++) {
            assertEquals(i, r.intColumn(Sweep.POINT).get(i));
            assertEquals(4 * (i / 4), r.doubleColumn("batchStart").get(i), 0.0);
        }
        // another batch size is another computation: its own file
        assertNotEquals(Sweep.checkpointFile(dir, "b", ALG, withBatch(10, 4)), Sweep.checkpointFile(dir, "b", ALG, withBatch(10, 5)));
    }

    static Map<String, Object> withBatch(int points, int batch) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(PARAMS);
        m.put("sweep", "b");
        m.put("points", points);
        m.put("batch", batch);
        return m;
    }

    @Test
    void otherParametersUseAnotherFile(@TempDir Path dir) {
        Sweep.run("toy", ALG, 3, task(new AtomicInteger(), -1), PARAMS, 5, new Sweep.Options(2, 1, dir, null));
        AtomicInteger calls = new AtomicInteger();
        Sweep.run("toy", ALG, 3, task(calls, -1), Map.of("grid", "other"), 5, new Sweep.Options(2, 1, dir, null));
        assertEquals(3, calls.get());
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count());
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    @Test
    void resultDoesNotDependOnThreadCount() {
        Table one = Sweep.run("toy", ALG, 20, task(new AtomicInteger(), -1), PARAMS, 5, Sweep.Options.inMemory().withThreads(1));
        Table two = Sweep.run("toy", ALG, 20, task(new AtomicInteger(), -1), PARAMS, 5, Sweep.Options.inMemory().withThreads(2));
        assertEquals(one.print(), two.print());
        assertEquals(Sweep.POINT, one.columnNames().getFirst());
    }

    @Test
    void badInputNamesTheParameter() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Sweep.run("a b", ALG, 3, task(new AtomicInteger(), -1), PARAMS, 5, Sweep.Options.inMemory()));
        assertTrue(e.getMessage().startsWith("name"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Sweep.run("ab", " ", 3, task(new AtomicInteger(), -1), PARAMS, 5, Sweep.Options.inMemory()));
        assertTrue(e.getMessage().startsWith("algorithm"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Sweep.runBatched("ab", ALG, 3, 0, (p, t) -> List.of(), PARAMS, 5, Sweep.Options.inMemory()));
        assertTrue(e.getMessage().startsWith("batch"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Sweep.Options(0, 1, null, null));
        assertTrue(e.getMessage().startsWith("threads"), e.getMessage());
    }
}
