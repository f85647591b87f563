package org.hopscape.analysis;

import org.hopscape.util.Rng;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class MarchenkoPasturSpectraTest {

    /** All eigenvalues of the large Gram ΞᵀΞ by plain loops + EJML. */
    static double[] fullSpectrum(double[] xi, int nh, int nv) {
        double[] g = new double[nv * nv];
        for (int m = 0; m < nh; m++)
            for (int i = 0; i < nv; i++)
                for (int j = 0; j < nv; j++) g[i * nv + j] += xi[m * nv + i] * xi[m * nv + j];
        return MarchenkoPasturSpectra.symmetricEigenvalues(g, nv);
    }

    @Test
    void smallGramGivesTheNonzeroSpectrumOfXiTXi() {
        for (int[] size : new int[][] {{20, 60}, {60, 20}, {30, 30}}) {
            int nh = size[0], nv = size[1];
            double[] xi = MarchenkoPasturSpectra.memories(nh, nv, Rng.stream(1, nh));
            double[] full = fullSpectrum(xi, nh, nv);
            double[] nonzero = MarchenkoPasturSpectra.nonzeroEigenvalues(xi, nh, nv);
            int zeros = nv - Math.min(nh, nv);
            for (int i = 0; i < zeros; i++) assertEquals(0, full[i], 1e-12, "zero eigenvalue " + i);
            assertArrayEquals(Arrays.copyOfRange(full, zeros, nv), nonzero, 1e-12, nh + "×" + nv);
            // trace = Σ entries² ≈ N_v (entries of variance 1/N_h)
            double tr = Arrays.stream(nonzero).sum();
            assertEquals(nv, tr, 0.3 * nv);
        }
    }

    @Test
    void rowsOverloadGivesTheSingularValuesSquared() {
        // Ξ = [[3, 0, 0], [0, 4, 0]] (rows): ΞᵀΞ has nonzero eigenvalues 9 and 16
        assertArrayEquals(new double[] {9, 16}, MarchenkoPasturSpectra.nonzeroEigenvalues(new double[][] {{3, 0, 0}, {0, 4, 0}}), 1e-12);
        // rotate the rows: Ξ = [[1, 1], [1, −1]] has ΞᵀΞ = 2I
        assertArrayEquals(new double[] {2, 2}, MarchenkoPasturSpectra.nonzeroEigenvalues(new double[][] {{1, 1}, {1, -1}}), 1e-12);
    }

    @Test
    void choleskyGapTestAgreesWithTheSpectrum() {
        for (int d = 0; d < 20; d++) {
            double[] xi = MarchenkoPasturSpectra.memories(25, 100, Rng.stream(2, d));
            double min = MarchenkoPasturSpectra.nonzeroEigenvalues(xi, 25, 100)[0];
            assertEquals(min > 1, MarchenkoPasturSpectra.smallestExceeds(xi, 25, 100, 1), "draw " + d);
            assertTrue(MarchenkoPasturSpectra.smallestExceeds(xi, 25, 100, min - 1e-9));
            assertFalse(MarchenkoPasturSpectra.smallestExceeds(xi, 25, 100, min + 1e-9));
        }
    }

    @Test
    void quickSpectraFollowTheLaw() {
        // spec 003 §6.4 quick sizes (N_v = 400) with fewer draws to keep the test short
        var o = new MarchenkoPasturSpectra.Options(400, new double[] {0.15, 0.25, 0.6}, 24, 3, 40, 2);
        var res = MarchenkoPasturSpectra.run(o, 42);
        for (var s : res.spectra()) {
            assertEquals(s.expectedSmallest(), s.meanSmallest(), s.smallestTolerance(), "E λ_min at α = " + s.load());
            assertEquals(s.expectedLargest(), s.meanLargest(), s.largestTolerance(), "E λ_max at α = " + s.load());
            assertTrue(s.ks() < 6.0 / s.nHidden(), "KS " + s.ks() + " at α = " + s.load());
            // per draw: the summaries are the statistics of the per-draw values, KS of every draw fits the law
            assertEquals(24, s.smallest().length);
            assertEquals(s.meanSmallest(), java.util.Arrays.stream(s.smallest()).average().orElseThrow(), 1e-12);
            assertEquals(s.meanLargest(), java.util.Arrays.stream(s.largest()).average().orElseThrow(), 1e-12);
            assertEquals(s.ks(), s.ksPerDraw()[0], 0);
            assertTrue(s.maxKs() < 6.0 / s.nHidden(), "max KS " + s.maxKs() + " at α = " + s.load());
            for (int d = 0; d < 24; d++) assertTrue(s.smallest()[d] < s.largest()[d]);
            // an i.i.d. sample of M points from the law itself has E[TV] ≤ ½√(2·bins/(πM)); eigenvalues repel, so
            // their histogram fits better: measured over 40 seeds at most 0.79 of this bound (α = 0.15, M = 180:
            // TV 0.076 … 0.149 against 0.188)
            double iid = s.samplingTotalVariation(o.bins());
            assertEquals(0.5 * Math.sqrt(2 * 40 / (Math.PI * 3 * s.nHidden())), iid, 1e-15);
            assertTrue(s.totalVariation() < iid, "TV " + s.totalVariation() + " vs " + iid + " at α = " + s.load());
            assertTrue(s.outsideFraction() < 0.01, "outside " + s.outsideFraction());
            assertEquals(3 * s.nHidden(), s.pooledEigenvalues().length);
        }
        assertEquals(3, res.toTable().rowCount());
    }

    @Test
    void resultsDoNotDependOnThreads() {
        var o = new MarchenkoPasturSpectra.Options(120, new double[] {0.25, 0.5}, 6, 2, 20, 1);
        var one = MarchenkoPasturSpectra.run(o, 9);
        var two = MarchenkoPasturSpectra.run(o.withThreads(2), 9);
        for (int k = 0; k < 2; k++) {
            assertEquals(one.spectra().get(k).meanSmallest(), two.spectra().get(k).meanSmallest(), 0);
            assertEquals(one.spectra().get(k).ks(), two.spectra().get(k).ks(), 0);
            assertArrayEquals(one.spectra().get(k).pooledEigenvalues(), two.spectra().get(k).pooledEigenvalues(), 0);
        }
        assertNotEquals(one.spectra().get(0).ks(), MarchenkoPasturSpectra.run(o, 10).spectra().get(0).ks());
    }

    @Test
    void aCellGivesTheSameNumbersInEverySweepContainingIt() {
        // issue 14: the draws of (N_v, α) are keyed on the cell's own parameters and the seed, not its index
        var a = MarchenkoPasturSpectra.run(new MarchenkoPasturSpectra.Options(120, new double[] {0.25, 0.5}, 6, 2, 20, 2), 9);
        var b = MarchenkoPasturSpectra.run(new MarchenkoPasturSpectra.Options(120, new double[] {0.1, 0.5, 0.7}, 6, 2, 20, 1), 9);
        var p = a.at(0.5);
        var q = b.at(0.5);
        assertArrayEquals(p.pooledEigenvalues(), q.pooledEigenvalues(), 0);
        assertEquals(p.meanSmallest(), q.meanSmallest(), 0);
        assertEquals(p.meanLargest(), q.meanLargest(), 0);
        assertEquals(p.ks(), q.ks(), 0);
        var e1 = MarchenkoPasturSpectra.edgeScaling(0.15, new int[] {60, 80}, 5, 5, 1);
        var e2 = MarchenkoPasturSpectra.edgeScaling(0.15, new int[] {80, 100}, 5, 5, 2);
        assertEquals(e1.meanSmallest()[1], e2.meanSmallest()[0], 0, "N_v = 80 in both sweeps");
        assertNotEquals(e1.meanSmallest()[0], e2.meanSmallest()[0]);
    }

    @Test
    void smallestEigenvalueOffsetShrinksLikeTracyWidom() {
        var e = MarchenkoPasturSpectra.edgeScaling(0.15, new int[] {200, 400}, 80, 5, 2);
        for (int i = 0; i < 2; i++) {
            double tol = 4 * e.sdSmallest()[i] / Math.sqrt(80);
            assertEquals(e.expectedOffset(i), e.offset(i), tol, "offset at N_v = " + e.visibles()[i]);
            assertTrue(e.offset(i) > 0);
        }
        assertEquals(Math.pow(0.5, 2.0 / 3), e.scalingRatio(), 1e-15);
        assertTrue(e.offsetRatio() > 0.3 && e.offsetRatio() < 1, "ratio " + e.offsetRatio());
        // its standard error from the draws (delta method); 30 seeds of the quick notebook's sizes (N_v = 400, 800,
        // 200 draws) scatter with sd 0.058 around 0.642 while this estimate gives 0.05–0.08
        double r1 = e.sdSmallest()[0] / Math.sqrt(80) / e.offset(0), r2 = e.sdSmallest()[1] / Math.sqrt(80) / e.offset(1);
        assertEquals(e.offsetRatio() * Math.sqrt(r1 * r1 + r2 * r2), e.offsetRatioError(), 1e-15);
        assertEquals(e.scalingRatio(), e.offsetRatio(), 4 * e.offsetRatioError(), "ratio within 4 standard errors of 2^(−2/3)");
        assertEquals(2, e.toTable().rowCount());
        var e1 = MarchenkoPasturSpectra.edgeScaling(0.15, new int[] {60, 80}, 5, 5, 1);
        var e2 = MarchenkoPasturSpectra.edgeScaling(0.15, new int[] {60, 80}, 5, 5, 2);
        assertArrayEquals(e1.meanSmallest(), e2.meanSmallest(), 0);
    }

    @Test
    void badInputNamesTheParameter() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new MarchenkoPasturSpectra.Options(100, new double[] {0.2}, 5, 6, 10, 1));
        assertTrue(e.getMessage().contains("pooled"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new MarchenkoPasturSpectra.Options(100, new double[] {-0.2}, 5, 1, 10, 1));
        assertTrue(e.getMessage().contains("loads[0]"), e.getMessage());
    }
}
