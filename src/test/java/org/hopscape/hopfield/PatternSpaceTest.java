package org.hopscape.hopfield;

import org.ejml.simple.SimpleMatrix;
import org.hopscape.util.Blas;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class PatternSpaceTest {
    static final double EXACT = 1e-12;

    @Test
    void overlapMatrixIsNormalisedPatternCorrelation() {
        double[][] xi = Patterns.random(5, 64, 1);
        double[][] g = PatternSpace.of(xi).overlapMatrix();
        for (int a = 0; a < 5; a++)
            for (int b = 0; b < 5; b++) {
                double d = 0;
                for (int i = 0; i < 64; i++) d += xi[a][i] * xi[b][i];
                assertEquals(d / 64, g[a][b], EXACT);
            }
        assertEquals(1.0, g[2][2], EXACT);
    }

    @Test
    void orderParametersAreKroneckerDeltaAtPatterns() {
        // spec 001 §1(a): m^μ(ξ_ν) = δ_μν, also for strongly correlated patterns
        for (double[][] xi : new double[][][]{Patterns.random(10, 200, 2), Patterns.correlated(20, 200, 0.75, 3)}) {
            PatternSpace s = PatternSpace.of(xi);
            for (int nu = 0; nu < xi.length; nu++) {
                double[] mh = s.orderParameters(xi[nu]);
                for (int mu = 0; mu < xi.length; mu++) assertEquals(mu == nu ? 1 : 0, mh[mu], EXACT);
            }
        }
    }

    @Test
    void projectionInvariants() {
        // spec 001 §1(b): P² = P, Pᵀ = P, P ξ_μ = ξ_μ, tr P = number of patterns
        double[][] xi = Patterns.correlated(20, 200, 0.75, 4);
        PatternSpace s = PatternSpace.of(xi);
        int n = 200;
        double[] proj = s.projectionFlat(), sq = new double[n * n];
        Blas.gemm(false, false, n, n, n, 1, proj, proj, 0, sq);
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += proj[i * n + i];
            for (int j = 0; j < n; j++) {
                assertEquals(proj[i * n + j], sq[i * n + j], EXACT);
                assertEquals(proj[i * n + j], proj[j * n + i], EXACT);
            }
        }
        assertEquals(20, trace, 1e-10);
        for (double[] pattern : xi) {
            double[] px = s.project(pattern);
            for (int i = 0; i < n; i++) assertEquals(pattern[i], px[i], EXACT);
        }
    }

    @Test
    void projectionEqualsMoorePenroseConstruction() {
        // P = Ξ⁺Ξ with the pseudo-inverse from EJML's SVD
        double[][] xi = Patterns.correlated(8, 40, 0.6, 5);
        SimpleMatrix x = new SimpleMatrix(xi);
        SimpleMatrix expected = x.pseudoInverse().mult(x);
        double[][] proj = PatternSpace.of(xi).projection();
        for (int i = 0; i < 40; i++)
            for (int j = 0; j < 40; j++) assertEquals(expected.get(i, j), proj[i][j], 1e-10);
    }

    @Test
    void decompositionReconstructsState() {
        // 001 Eq. 16: x = Σ m^μ ξ_μ + x⊥, and x⊥ ⟂ every pattern
        double[][] xi = Patterns.correlated(12, 150, 0.5, 6);
        PatternSpace s = PatternSpace.of(xi);
        double[] x = Patterns.randomStates(1, 150, 7)[0];
        double[] mh = s.orderParameters(x), perp = s.perpendicular(x);
        for (int i = 0; i < 150; i++) {
            double v = perp[i];
            for (int mu = 0; mu < 12; mu++) v += mh[mu] * xi[mu][i];
            assertEquals(x[i], v, EXACT);
        }
        double[] m = s.magnetizations(perp);
        for (double v : m) assertEquals(0, v, EXACT);
    }

    @Test
    void quadraticEnergyIsHalfSquaredDistanceMinusConstant() {
        // spec 001 §1(d): with J = P (full diagonal), E = −½|Px|² = ½|x⊥|² − N/2 for binary x
        double[][] xi = Patterns.random(15, 120, 8);
        PatternSpace s = PatternSpace.of(xi);
        ClassicHopfield net = ClassicHopfield.projection(xi, false);
        for (double[] x : Patterns.randomStates(5, 120, 9)) {
            double[] perp = s.perpendicular(x);
            double d2 = 0;
            for (double v : perp) d2 += v * v;
            assertEquals(0.5 * d2 - 60, s.quadraticEnergy(x), 1e-9);
            assertEquals(s.quadraticEnergy(x), net.energy(x), 1e-9);
        }
    }

    @Test
    void rejectsMorePatternsThanNeurons() {
        var e = assertThrows(IllegalArgumentException.class, () -> PatternSpace.of(Patterns.random(30, 20, 1)));
        assertTrue(e.getMessage().contains("p=30") && e.getMessage().contains("n=20"), e.getMessage());
    }

    @Test
    void rejectsDependentPatterns() {
        double[][] xi = Patterns.random(4, 50, 2);
        xi[3] = xi[1].clone();
        var e = assertThrows(IllegalArgumentException.class, () -> ClassicHopfield.projection(xi, true));
        assertTrue(e.getMessage().contains("linearly dependent"), e.getMessage());
        double[][] flipped = Patterns.random(4, 50, 2);
        for (int i = 0; i < 50; i++) flipped[2][i] = -flipped[0][i];
        assertThrows(IllegalArgumentException.class, () -> PatternSpace.of(flipped));
    }

    @Test
    void rejectsRaggedAndNonFinitePatternsAndWrongStateSize() {
        double[][] ragged = {{1, -1, 1}, {1, 1}};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PatternSpace.of(ragged))
                .getMessage().contains("row 1"));
        double[][] nan = {{1, Double.NaN, 1}};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PatternSpace.of(nan))
                .getMessage().contains("[0][1]"));
        PatternSpace s = PatternSpace.of(Patterns.random(2, 10, 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.orderParameters(new double[9]))
                .getMessage().contains("x.length = 9"));
    }

    @Test
    void blasProductAgreesWithPlainLoops() {
        SplittableRandom r = new SplittableRandom(3);
        int m = 7, n = 5, k = 9;
        double[] a = new double[m * k], b = new double[k * n];
        for (int i = 0; i < a.length; i++) a[i] = r.nextGaussian();
        for (int i = 0; i < b.length; i++) b[i] = r.nextGaussian();
        for (boolean ta : new boolean[]{false, true})
            for (boolean tb : new boolean[]{false, true}) {
                double[] c1 = new double[m * n], c2 = new double[m * n];
                Blas.gemm(ta, tb, m, n, k, 0.5, a, b, 0, c1);
                Blas.gemmPlain(ta, tb, m, n, k, 0.5, a, b, 0, c2);
                for (int i = 0; i < c1.length; i++) assertEquals(c2[i], c1[i], EXACT);
            }
    }

    @Test
    void correlatedPatternsHaveExpectedMeanOverlap() {
        // each bit copies a common vector with probability 0.75 ⇒ mean pairwise overlap 0.75² ≈ 0.5625
        assertEquals(0.5625, Patterns.meanPairwiseOverlap(Patterns.correlated(20, 2000, 0.75, 11)), 0.03);
        assertEquals(0.0, Patterns.meanPairwiseOverlap(Patterns.random(20, 2000, 11)), 0.01);
    }
}
