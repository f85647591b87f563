package org.hopscape.papers.waddington;

import org.hopscape.analysis.Sweep;
import org.hopscape.table.ResultTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Finding, verifying and refusing shipped full-setting tables ({@link ShippedResults}); the data itself: ShippedSpotCheckTest. */
class ShippedResultsTest {

    @TempDir
    Path dir;

    /** A tiny intra-digit sweep (2 n × 1 T, 300 epochs: milliseconds) checkpointed into {@code d}. */
    static PrototypeTransition.Options tiny(Sweep.Options sweep, int epochs) {
        return new PrototypeTransition.Options(new double[] {3, 30}, new double[] {880}, 0.001, epochs, 42, sweep);
    }

    static PrototypeTransition tinyIn(ShippedResults s, int epochs) {
        return s.find("toy", "toy command", sw -> PrototypeTransition.intra(tiny(sw, epochs))).result();
    }

    static Map<String, FileTime> listing(Path d) throws IOException {
        Map<String, FileTime> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(d)) {
            for (Path f : s.toList()) m.put(f.getFileName().toString(), Files.getLastModifiedTime(f));
        }
        return m;
    }

    @Test
    void sameParametersAndAlgorithmFindTheSameFileAndNothingIsWritten() throws IOException {
        PrototypeTransition computed = PrototypeTransition.intra(tiny(Sweep.Options.of(dir), 300));
        Map<String, FileTime> before = listing(dir);
        assertEquals(1, before.size(), "one checkpoint, no lock left: " + before);
        ShippedResults s = new ShippedResults(dir);
        var found = s.find("toy", "toy command", sw -> PrototypeTransition.intra(tiny(sw, 300)));
        assertTrue(found.present(), found.reason());
        assertEquals(ShippedResults.LABEL, found.label());
        assertEquals(0, ShippedResults.maxDifference(computed.table(), found.get().table()), "read back exactly");
        assertEquals(computed.table().rowCount(), found.get().table().rowCount());
        assertArrayEquals(computed.gram(), found.get().gram());
        assertEquals(before, listing(dir), "a read-only lookup writes nothing (no lock, no checkpoint, no temp file)");
    }

    @Test
    void otherParametersAreNotShippedAndSayWhyWithoutError() {
        PrototypeTransition.intra(tiny(Sweep.Options.of(dir), 300));
        var l = new ShippedResults(dir).find("toy", "toy command", sw -> PrototypeTransition.intra(tiny(sw, 301)));
        assertFalse(l.present());
        assertNull(l.result());
        assertFalse(Files.exists(l.missing()));
        assertTrue(l.missing().getFileName().toString().startsWith("03-fig6-intra-"), l.missing().toString());
        assertTrue(l.label().contains("showing the quick result (toy command)"), l.label());
        assertTrue(l.describe().contains("toy"), l.describe());
        assertTrue(l.optional().isEmpty());
        var e = assertThrows(IllegalStateException.class, l::get);
        assertTrue(e.getMessage().contains("toy"), e.getMessage());
        // an empty or missing folder is the same: nothing shipped, no exception
        assertFalse(new ShippedResults(dir.resolve("none")).fig8().present());
        assertEquals(List.of(), new ShippedResults(dir.resolve("none")).files());
    }

    @Test
    void aTableWithOneEditedNumberIsRejectedNamingTheFile() throws IOException {
        PrototypeTransition.intra(tiny(Sweep.Options.of(dir), 300));
        Path f = new ShippedResults(dir).files().getFirst();
        String text = Files.readString(f, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        int last = lines.length - 3; // the last data row (then the end line and the final empty string)
        String row = lines[last];
        String edited = row.substring(0, row.length() - 1) + (row.endsWith("1") ? "2" : "1");
        Files.writeString(f, text.replace(row + "\n", edited + "\n"), StandardCharsets.UTF_8);
        var e = assertThrows(IllegalStateException.class, () -> tinyIn(new ShippedResults(dir), 300));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> new ShippedResults(dir).manifest());
    }

    @Test
    void aValidTableWithMissingPointsOrAnotherKeyIsRejected() throws IOException {
        PrototypeTransition.intra(tiny(Sweep.Options.of(dir), 300));
        Path f = new ShippedResults(dir).files().getFirst();
        ResultTables.Saved saved = ResultTables.load(f);
        // a checkpoint of an unfinished sweep: intact (checksum fine) but only point 0
        Table first = saved.table().where(saved.table().intColumn(Sweep.POINT).isEqualTo(0));
        ResultTables.save(first, f, saved.provenance());
        var e = assertThrows(IllegalStateException.class, () -> tinyIn(new ShippedResults(dir), 300));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("1 of 2 points"), e.getMessage());
        // another sweep's table under this file name: the full key in its header does not match
        Path other = Files.createDirectory(dir.resolve("other"));
        PrototypeTransition.intra(tiny(Sweep.Options.of(other), 200));
        Path o = new ShippedResults(other).files().getFirst();
        Files.copy(o, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        e = assertThrows(IllegalStateException.class, () -> tinyIn(new ShippedResults(dir), 300));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("key"), e.getMessage());
    }

    @Test
    void readOnlySweepNeverComputes() {
        int[] calls = {0};
        Sweep.BatchTask task = (pts, threads) -> {
            calls[0]++;
            return java.util.Arrays.stream(pts).mapToObj(i -> Table.create("r", tech.tablesaw.api.DoubleColumn.create("x", new double[] {i})))
                    .toList();
        };
        var e = assertThrows(Sweep.NotFound.class, () -> Sweep.runBatched("toy", "toy/1", 3, 1, task, Map.of("a", 1), 1,
                Sweep.Options.readOnly(dir)));
        assertEquals(dir, e.file().getParent());
        assertTrue(e.file().getFileName().toString().startsWith("toy-"), e.file().toString());
        assertEquals(0, calls[0]);
        Table t = Sweep.runBatched("toy", "toy/1", 3, 1, task, Map.of("a", 1), 1, Sweep.Options.of(dir));
        assertEquals(3, calls[0]);
        Table r = Sweep.runBatched("toy", "toy/1", 3, 1, task, Map.of("a", 1), 1, Sweep.Options.readOnly(dir).withThreads(2));
        assertEquals(3, calls[0], "read back, not recomputed");
        assertEquals(t.toString(), r.toString());
        assertThrows(IllegalArgumentException.class, () -> new Sweep.Options(1, 1, null, null, null, true));
    }

    @Test
    void computePointsGivesTheSweepRowsOfThosePoints() {
        PrototypeTransition.Options o = tiny(Sweep.Options.inMemory(), 300);
        Table all = PrototypeTransition.intra(o).table();
        Table one = PrototypeTransition.intraPoints(o, 1);
        assertEquals(1, one.rowCount());
        assertEquals(1, one.intColumn(Sweep.POINT).getInt(0));
        assertEquals(all.columnNames(), one.columnNames());
        assertEquals(30, one.doubleColumn("n").getDouble(0));
        // point 1 alone vs in its batch with point 0: one-memory runs settle at a fixed point, rounding decays
        assertEquals(0, ShippedResults.maxDifference(one, all), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> PrototypeTransition.intraPoints(o));
    }

    @Test
    void compareReportsTheLargestDifferencePerColumnAndWhere() {
        Table a = Table.create("a", tech.tablesaw.api.IntColumn.create(Sweep.POINT, new int[] {0, 1, 2}),
                tech.tablesaw.api.DoubleColumn.create("x", new double[] {1, 2, 3}),
                tech.tablesaw.api.IntColumn.create("k", new int[] {5, 6, 7}));
        Table b = a.copy();
        b.doubleColumn("x").set(1, 2.25);
        b.intColumn("k").set(2, 4);
        Table c = ShippedResults.compare(a, b);
        assertEquals(0.25, c.doubleColumn("max |Δ|").getDouble(0));
        assertEquals(1, c.doubleColumn("at point").getDouble(0));
        assertEquals(3, c.doubleColumn("max |Δ|").getDouble(1));
        assertEquals(2, c.doubleColumn("at point").getDouble(1));
        Table byX = ShippedResults.compare(a.copy(), a.copy(), "x");
        assertEquals(List.of("point", "k"), byX.stringColumn("column").asList());
        assertEquals(3, ShippedResults.maxDifference(a, b));
        assertEquals(0, ShippedResults.maxDifference(a, a.copy()));
        Table extra = a.copy();
        extra.intColumn(Sweep.POINT).set(2, 9);
        assertThrows(IllegalArgumentException.class, () -> ShippedResults.compare(extra, b));
    }

    @Test
    void theShippedFolderHoldsVerifiedTablesOfTheFullGrids() {
        ShippedResults s = ShippedResults.paper000();
        assertTrue(Files.isDirectory(s.directory()), s.directory().toString());
        Table m = s.manifest(); // every file verified (end line, checksum)
        assertTrue(m.rowCount() >= 3, m.toString());
        assertTrue(s.totalBytes() < 20_000_000, "shipped results stay under 20 MB");
        for (String f : m.stringColumn("file")) assertTrue(f.matches("0[23]-fig[0-9][a-z-]*-[0-9a-f]{16}\\.csv"), f);
        assumeTrue(Set200.available(), "the shipped tables were computed on the authors' 200-set");
        var intra = s.fig6Intra().get();
        var inter = s.fig6Inter().get();
        var fig8 = s.fig8().get();
        assertEquals(29 * 25, intra.table().rowCount());
        assertEquals(29 * 25, inter.table().rowCount());
        assertEquals(83, fig8.table().rowCount(), "T = 650, 653, …, 896");
        assertEquals(896, fig8.table().doubleColumn("T").getDouble(82));
        assertEquals(736.13, intra.gram()[0], 0.01, "spec §6 Fig 6: Gram of rows 80/81");
        Table status = s.status();
        assertEquals(11, status.rowCount()); // Figs 1, 2, 2B, 3, 4, 6 intra, 6 inter, 7 saddles, 7 populations, 8, 8A
        for (int r = 0; r < status.rowCount(); r++) // every full-setting figure is shipped and found from this checkout
            assertEquals("yes", status.stringColumn("shipped").get(r), status.stringColumn("figure").get(r) + ": "
                    + status.stringColumn("note").get(r));
    }

    /** A shipped table is found by what computes it, not by where the checkout is (issue 12: a fresh clone finds Fig 8A). */
    @Test
    void derivedTablesAreFoundFromAnyFolder(@TempDir Path elsewhere) throws IOException {
        assumeTrue(Set200.available(), "the shipped tables were computed on the authors' 200-set");
        ShippedResults home = ShippedResults.paper000();
        assumeTrue(home.fig8a().present(), home.fig8a().describe());
        for (Path f : home.files())
            if (f.getFileName().toString().startsWith("03-fig8")) Files.copy(f, elsewhere.resolve(f.getFileName()));
        var moved = new ShippedResults(elsewhere).fig8a();
        assertTrue(moved.present(), moved.describe());
        var a = home.fig8a().get().finalState(ShippedResults.FIG8A_TEMPERATURE);
        var b = moved.get().finalState(ShippedResults.FIG8A_TEMPERATURE);
        assertArrayEquals(a.flatMemories(), b.flatMemories(), 0);
    }
}
