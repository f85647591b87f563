package org.hopscape.table;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class ResultTablesTest {
    @TempDir Path tmp;

    @Test
    void roundTripIsExactAndCarriesProvenance() throws IOException {
        double[] x = {Math.PI, -1e-300, 1.0 / 3, 2.5e17, Double.MIN_VALUE};
        Table t = Table.create("r", DoubleColumn.create("x", x), IntColumn.create("n", 1, 2, 3, 4, 5),
                StringColumn.create("label", "a", "b,with comma", "c \"quoted\"", "", "e"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("beta", 2.0);
        params.put("memories", 100);
        Path f = ResultTables.save(t, tmp.resolve("sub/result.csv"), Provenance.of(params, 42));
        ResultTables.Saved s = ResultTables.load(f);
        assertArrayEquals(x, s.table().doubleColumn("x").asDoubleArray(), 0.0);
        assertArrayEquals(new int[] {1, 2, 3, 4, 5}, s.table().intColumn("n").asIntArray());
        assertEquals("b,with comma", s.table().stringColumn("label").get(1));
        assertEquals("c \"quoted\"", s.table().stringColumn("label").get(2));
        assertEquals(42, s.provenance().seed());
        assertEquals("2.0", s.provenance().parameters().get("beta"));
        assertEquals("100", s.provenance().parameters().get("memories"));
        assertFalse(s.provenance().version().isBlank());
        String text = Files.readString(f);
        assertTrue(text.startsWith("# hopscape.version: "), text);
        assertTrue(text.contains("# hopscape.commit: "), text);
        try (Stream<Path> files = Files.list(f.getParent())) {
            assertEquals(1, files.count(), "only the result file, no temp file");
        }
    }

    @Test
    void specialStringsKeysAndValuesRoundTripExactly() {
        String[] strings = {"", " x ", "NA", "a\\b", "line\nbreak", "tab\tand \"quote\"", "  ", ",", "é ∞"};
        Table t = Table.create("s", StringColumn.create("s", strings), DoubleColumn.create("x",
                new double[] {Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e-320, 0.370370367, 1, 2, 3, 4}));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("time: unit", "s: seconds");
        params.put("path", "C:\\data\\x");
        params.put("note", "two\nlines");
        ResultTables.Saved s = ResultTables.load(ResultTables.save(t, tmp.resolve("s.csv"), new Provenance(params, 7, "0.1", "c")));
        for (int i = 0; i < strings.length; i++) assertEquals(strings[i], s.table().stringColumn("s").get(i), "row " + i);
        double[] x = s.table().doubleColumn("x").asDoubleArray();
        assertTrue(Double.isNaN(x[0]), "a missing double stays missing");
        assertEquals(Double.POSITIVE_INFINITY, x[1]);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(x[2]));
        assertEquals(1e-320, x[3], 0.0);
        assertEquals(0.370370367, x[4], 0.0);
        assertEquals(params, s.provenance().parameters());
    }

    @Test
    void truncatedEditedOrStrippedTablesAreRefusedNamingTheFile() throws IOException {
        Table t = Table.create("r", DoubleColumn.create("x", new double[] {0.370370367, 2}));
        Path f = ResultTables.save(t, tmp.resolve("r.csv"), Provenance.of(Map.of("a", 1), 1));
        String text = Files.readString(f);
        String[] bad = {
                text.substring(0, text.indexOf("0.370370367") + 4),          // cut inside the last-but-one number
                text.substring(0, text.lastIndexOf("# end:")),                // end line lost
                text.replace("0.370370367", "0.370370368"),                   // a digit changed
                text.replaceAll("(?m)^# param\\.a: 1\\n", ""),              // a provenance line removed
                text.replaceAll("rows=2", "rows=3")};                         // wrong count
        for (int i = 0; i < bad.length; i++) {
            Path g = Files.writeString(tmp.resolve("bad" + i + ".csv"), bad[i]);
            var e = assertThrows(IllegalArgumentException.class, () -> ResultTables.load(g), "variant " + i);
            assertTrue(e.getMessage().contains(g.toString()), e.getMessage());
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileUntouched() throws IOException {
        Path f = tmp.resolve("keep.csv");
        Files.writeString(f, "old");
        assertThrows(RuntimeException.class, () -> org.hopscape.util.AtomicFiles.write(f, out -> {
            out.write("partial".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(f));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void loadRejectsForeignCsvByName() throws IOException {
        Path f = Files.writeString(tmp.resolve("plain.csv"), "a,b\n1,2\n");
        var e = assertThrows(IllegalArgumentException.class, () -> ResultTables.load(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }

    @Test
    void reproductionCheckPassesAndFailsOnTheNumbers() {
        ReproductionCheck c = new ReproductionCheck("t")
                .close("alpha_c", "001", 0.138, 0.1379, 0.002)
                .relative("beta_crit", "002", 15.0, 15.1, 0.01)
                .atMost("KS", "003", 0.05, 0.01)
                .atLeast("mass", "004", 0.99, 0.995);
        assertTrue(c.allPass());
        assertEquals(4, c.toTable().rowCount());
        c.close("wrong", "x", 1.0, 1.5, 0.1);
        assertFalse(c.allPass());
        assertFalse(new ReproductionCheck("empty").allPass(), "a check without claims does not pass");
    }

    @Test
    void claimsThatNeedMissingDataAreShownButNotAsserted() {
        ReproductionCheck c = new ReproductionCheck("t")
                .close("model constant", "spec", 1.0, 1.0, 0)
                .given("the authors' data", false)
                .close("data-specific number", "spec", 0.5, 0.9, 0.01);
        assertTrue(c.allPass(), "a missing requirement does not fail the run");
        assertEquals("fails on the data at hand — not asserted (needs the authors' data)", c.rows().get(1).verdict(),
                "a failing unasserted claim shows that it fails");
        c.close("data-specific number that holds", "spec", 0.5, 0.505, 0.01);
        assertEquals("would pass — not asserted (needs the authors' data)", c.rows().get(2).verdict());
        c.unmeasured("data-specific number without data", "spec", "0.5", "no table");
        assertEquals("not measured — not asserted (needs the authors' data)", c.rows().get(3).verdict());
        assertTrue(c.toTable().stringColumn("pass").asList().stream().noneMatch(v -> v.startsWith("n/a")), "never a bare n/a");
        assertTrue(c.allPass(), "unasserted rows do not fail the run");
        assertThrows(IllegalStateException.class, () -> new ReproductionCheck("t").unmeasured("x", "s", "1", "none"),
                "an always-applying claim must be measured");
        assertEquals("0.9000", c.rows().get(1).measured(), "still measured and shown");
        c.always().close("model constant again", "spec", 1.0, 2.0, 0.1);
        assertFalse(c.allPass(), "claims after always() are asserted");
        ReproductionCheck met = new ReproductionCheck("t").given("the authors' data", true).close("x", "s", 0.5, 0.9, 0.01);
        assertFalse(met.allPass(), "a met requirement asserts the claim");
        assertFalse(new ReproductionCheck("t").given("d", false).close("x", "s", 1, 1, 0).allPass(),
                "a check that asserts nothing does not pass");
    }
}
