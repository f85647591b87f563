package org.hopscape.table;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ArrayRowsTest {

    @Test
    void numbersRoundToTheirSignificantDigitsAndExactOnesComeBackBitForBit() {
        double third = 1.0 / 3, tiny = -2.5e-17, big = 123456.789;
        Table t = ArrayRows.writer("x").add("image", 0, new double[] {third, -0.99995, 0, tiny}, 4)
                .exact("run", third, big, Math.PI, Double.NaN).add("ints", 0, new int[] {-3, 0, 70000}).text("note", "n = 30; T = 670")
                .table();
        var r = ArrayRows.read(t);
        double[] img = r.doubles("image", 0);
        assertEquals(0.3333, img[0], 0);
        assertEquals(-1.000, img[1], 0); // −0.99995 rounds half-even to 4 digits: −1.000
        assertEquals(0, img[2], 0);
        assertEquals(-2.5e-17, img[3], 0);
        assertArrayEquals(new double[] {third, big, Math.PI, Double.NaN}, r.doubles("run"), 0); // exact, NaN kept
        assertArrayEquals(new int[] {-3, 0, 70000}, r.ints("ints"));
        assertEquals("n = 30; T = 670", r.text("note"));
        assertEquals(java.util.List.of("image", "run", "ints", "note"), r.names());
    }

    @Test
    void survivesAResultFileAndSelectsOnePointOfASweep(@TempDir Path dir) {
        double[][] m = {{0.1, -0.25}, {1e-9, 7}};
        Table a = ArrayRows.writer("p").addAll("m", m, 6).table(), b = ArrayRows.writer("p").exact("m", 5).table();
        a.insertColumn(0, IntColumn.create("point", new int[] {0, 0}));
        b.insertColumn(0, IntColumn.create("point", new int[] {1}));
        a.append(b);
        Path f = ResultTables.save(a, dir.resolve("p.csv"), Provenance.of(Map.of("grid", "test"), 7));
        var back = ResultTables.load(f).table();
        assertArrayEquals(m[0], ArrayRows.read(back, "point", 0).matrix("m")[0], 0);
        assertArrayEquals(m[1], ArrayRows.read(back, "point", 0).matrix("m")[1], 0);
        assertArrayEquals(new double[] {5}, ArrayRows.read(back, "point", 1).doubles("m"), 0);
        assertEquals(2, ArrayRows.read(back, "point", 0).rowCount("m"));
    }

    @Test
    void badInputNamesWhatIsWrong() {
        var w = ArrayRows.writer("x");
        var e = assertThrows(IllegalArgumentException.class, () -> w.add("a", 0, new double[] {1, Double.NaN}, 4));
        assertTrue(e.getMessage().contains("a[0][1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> w.add("two words", 0, new int[] {1}));
        assertTrue(e.getMessage().contains("one word"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> w.add("a", 0, new double[] {1}, 18));
        assertTrue(e.getMessage().contains("digits"), e.getMessage());
        var r = ArrayRows.read(ArrayRows.writer("x").add("a", 0, new double[] {1.5}, 3).add("a", 2, new int[] {1}).table());
        e = assertThrows(IllegalArgumentException.class, () -> r.doubles("b", 0));
        assertTrue(e.getMessage().contains("no array 'b'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> r.matrix("a"));
        assertTrue(e.getMessage().contains("rows are not 0 … 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> r.ints("a", 0));
        assertTrue(e.getMessage().contains("not an integer"), e.getMessage());
        var dup = ArrayRows.writer("x").add("a", 0, new int[] {1}).add("a", 0, new int[] {2}).table();
        e = assertThrows(IllegalArgumentException.class, () -> ArrayRows.read(dup));
        assertTrue(e.getMessage().contains("row 0 twice"), e.getMessage());
    }
}
