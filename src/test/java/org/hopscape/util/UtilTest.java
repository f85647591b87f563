package org.hopscape.util;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class UtilTest {
    @Test
    void streamsDependOnlyOnSeedAndItem() {
        // the same item gives the same draws whatever order items are visited in (thread-count independence)
        double[] forward = IntStream.range(0, 100).mapToDouble(i -> Rng.stream(7, i).nextGaussian()).toArray();
        double[] parallel = IntStream.range(0, 100).parallel().mapToDouble(i -> Rng.stream(7, i).nextGaussian()).toArray();
        assertArrayEquals(forward, parallel, 0.0);
        assertNotEquals(Rng.stream(7, 0).nextLong(), Rng.stream(7, 1).nextLong());
        assertNotEquals(Rng.stream(7, 0).nextLong(), Rng.stream(8, 0).nextLong());
    }

    @Test
    void samplingWithoutReplacementIsDistinctSortedAndSeeded() {
        int[] a = Rng.sampleWithoutReplacement(1000, 200, 3);
        assertEquals(200, Arrays.stream(a).distinct().count());
        assertTrue(IntStream.range(1, a.length).allMatch(i -> a[i] > a[i - 1]));
        assertArrayEquals(a, Rng.sampleWithoutReplacement(1000, 200, 3));
        assertThrows(IllegalArgumentException.class, () -> Rng.sampleWithoutReplacement(5, 6, 1));
    }

    @Test
    void sparseShuffleDrawsWhatTheDenseShuffleDraws() {
        int n = Rng.DENSE_SHUFFLE + 17, k = 500;
        // the dense partial Fisher–Yates written out, as the reference
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        java.util.SplittableRandom r = Rng.of(11);
        for (int i = 0; i < k; i++) {
            int j = i + r.nextInt(n - i);
            int t = a[i]; a[i] = a[j]; a[j] = t;
        }
        int[] expected = Arrays.copyOf(a, k);
        Arrays.sort(expected);
        assertArrayEquals(expected, Rng.sampleWithoutReplacement(n, k, 11));
        int[] big = Rng.sampleWithoutReplacement(Integer.MAX_VALUE, 3, 5);
        assertEquals(3, Arrays.stream(big).distinct().count());
    }

    @Test
    void sizesAreComputedWithoutOverflow() {
        assertEquals(6, Check.arraySize("a × b", 2, 3));
        var e = assertThrows(IllegalArgumentException.class, () -> Check.arraySize("rows × cols", 1 << 17, 1 << 17));
        assertTrue(e.getMessage().contains("17179869184"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Check.product("n", Long.MAX_VALUE, 2));
        assertTrue(e.getMessage().startsWith("n overflows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Check.steps("time", 1e300, "dt", 1e-3));
        assertTrue(e.getMessage().contains("time / dt"), e.getMessage());
        assertEquals(1000, Check.steps("time", 1, "dt", 1e-3));
        e = assertThrows(IllegalArgumentException.class, () -> Check.matrixFits("x", 1_000_000, 1_000_000));
        assertTrue(e.getMessage().contains("needs 8000 GB"), e.getMessage());
    }

    @Test
    void checksNameTheParameterAndRange() {
        var e = assertThrows(IllegalArgumentException.class, () -> Check.positive("beta", -1.0));
        assertEquals("beta must be finite and > 0 (got -1.0)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Check.positive("beta", Double.NaN));
        assertTrue(e.getMessage().contains("beta"));
        e = assertThrows(IllegalArgumentException.class, () -> Check.rectangular("memories", new double[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Check.finite("x", new double[][] {{1, 2}, {3, Double.NaN}}));
        assertTrue(e.getMessage().contains("x[1][1]"), e.getMessage());
    }

    @Test
    void progressBarShowsFractionAndCounts() {
        String line = ProgressBar.line("epochs", 50, 100, 1.25);
        assertTrue(line.startsWith("epochs [" + "#".repeat(15) + ".".repeat(15) + "] 50/100"), line);
    }

    @Test
    void blasPerturbationMovesEntriesByAtMostOneUlpAndIsDeterministic() {
        // the audit hook of environment/blas-audit.sh (HOPSCAPE_BLAS_PERTURB): off by default, ±1 ulp when on
        assertEquals(Blas.parseSeed(System.getenv("HOPSCAPE_BLAS_PERTURB")), Blas.PERTURB_SEED);
        double[] c = new java.util.SplittableRandom(3).doubles(1000, -5, 5).toArray(), p = c.clone(), q = c.clone();
        Blas.perturb(p, 40, 25, false, 42);
        Blas.perturb(q, 40, 25, false, 42);
        assertArrayEquals(p, q, 0.0);
        int[] moved = new int[3];
        for (int i = 0; i < c.length; i++) {
            double steps = (p[i] - c[i]) / Math.ulp(c[i]);
            assertTrue(Math.abs(steps) <= 1.0 + 1e-9, "entry " + i + " moved " + steps + " ulp");
            moved[(int) Math.signum(steps) + 1]++;
        }
        for (int k : moved) assertTrue(k > 250, "each of −1, 0, +1 ulp about a third of the time: " + Arrays.toString(moved));
        double[] untouched = c.clone();
        Blas.perturb(untouched, 40, 25, false, 0);
        assertArrayEquals(c, untouched, 0.0);
        double[] zeros = new double[10];
        Blas.perturb(zeros, 2, 5, false, 42);
        assertArrayEquals(new double[10], zeros, 0.0);                       // exact zeros stay (dead memories)
        double[] grid = new java.util.SplittableRandom(4).doubles(25, 1, 2).toArray(), block = grid.clone();
        Blas.perturb(block, 6, 5, 3, 3, false, 42);                         // the 3 × 3 block at (1, 1) of a 5 × 5
        int movedInside = 0;
        for (int k = 0; k < 25; k++) {
            boolean inside = k / 5 >= 1 && k / 5 <= 3 && k % 5 >= 1 && k % 5 <= 3;
            if (!inside) assertEquals(grid[k], block[k], 0.0, "outside the block " + k);
            else {
                assertTrue(Math.abs(block[k] - grid[k]) <= Math.ulp(grid[k]), "inside " + k);
                if (block[k] != grid[k]) movedInside++;
            }
        }
        assertTrue(movedInside > 0, "the block's entries are perturbed");
        double[] sym = {1.5, 0.25, 0.25, 2.5};                              // AᵀA stays symmetric
        for (long seed = 1; seed < 20; seed++) {
            double[] t = sym.clone();
            Blas.perturb(t, 2, 2, true, seed);
            assertEquals(t[1], t[2], 0.0);
        }
        assertEquals(7, Blas.parseSeed(" 7 "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Blas.parseSeed("x")).getMessage().contains("HOPSCAPE_BLAS_PERTURB"));
    }
}
