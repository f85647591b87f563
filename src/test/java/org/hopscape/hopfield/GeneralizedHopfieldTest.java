package org.hopscape.hopfield;

import org.hopscape.analysis.CoarseGraining;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class GeneralizedHopfieldTest {
    static final double EXACT = 1e-12;

    static double[][] randomPatterns(int k, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] m = new double[k][n];
        for (double[] row : m) {
            double s = 0;
            for (int j = 0; j < n; j++) { row[j] = r.nextGaussian(); s += row[j] * row[j]; }
            for (int j = 0; j < n; j++) row[j] /= Math.sqrt(s);
        }
        return m;
    }

    static double[][] fig1() {
        double c = Math.cos(Math.toRadians(15)), s = Math.sin(Math.toRadians(15));
        return new double[][] {{c, s}, {c, -s}, {-1, 0}};
    }

    @Test
    void velocityMatchesPlainReferenceAndMinusEnergyGradient() {
        double[][] xi = randomPatterns(5, 7, 1);
        double[] w = {0.3, -0.2, 0.1, 0, 0.5};
        GeneralizedHopfield m = GeneralizedHopfield.symmetric(xi, w, 3.5);
        double[] x = {0.1, -0.3, 0.2, 0.05, 0.4, -0.1, 0.2};
        // plain reference of 002 Eq. 2
        double[] z = new double[5];
        double max = -1e300, sum = 0;
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 7; j++) z[i] += xi[i][j] * x[j];
            z[i] = 3.5 * z[i] + w[i];
            max = Math.max(max, z[i]);
        }
        for (int i = 0; i < 5; i++) sum += Math.exp(z[i] - max);
        double[] f = m.velocity(x);
        for (int j = 0; j < 7; j++) {
            double ref = -x[j];
            for (int i = 0; i < 5; i++) ref += Math.exp(z[i] - max) / sum * xi[i][j];
            assertEquals(ref, f[j], EXACT);
            double h = 1e-6;
            double[] xp = x.clone(), xm = x.clone();
            xp[j] += h; xm[j] -= h;
            assertEquals(-f[j], (m.energy(xp) - m.energy(xm)) / (2 * h), 1e-8, "dV/dx_" + j);
        }
    }

    @Test
    void jacobianIsFiniteDifferenceOfVelocityAndSymmetric() {
        double[][] xi = randomPatterns(4, 5, 2);
        GeneralizedHopfield m = GeneralizedHopfield.symmetric(xi, new double[] {0.1, 0.2, -0.3, 0}, 6);
        double[] x = {0.2, 0.1, -0.2, 0.3, 0.0};
        double[][] jac = m.jacobian(x);
        double h = 1e-6;
        for (int c = 0; c < 5; c++) {
            double[] xp = x.clone(), xm = x.clone();
            xp[c] += h; xm[c] -= h;
            double[] fp = m.velocity(xp), fm = m.velocity(xm);
            for (int r = 0; r < 5; r++) {
                assertEquals((fp[r] - fm[r]) / (2 * h), jac[r][c], 1e-7);
                assertEquals(jac[c][r], jac[r][c], EXACT);
            }
        }
    }

    @Test
    void largeLogitsDoNotOverflow() {
        GeneralizedHopfield m = GeneralizedHopfield.symmetric(fig1(), new double[3], 1e4);
        double[] s = m.softmax(new double[] {1, 0});
        assertEquals(1.0, s[0] + s[1] + s[2], EXACT);
        assertTrue(Double.isFinite(m.energy(new double[] {1, 0})));
    }

    @Test
    void reducedDynamicsEqualFullDynamicsExactly() {
        // 002 App. B: with σ = 0 the softmax trajectory of the reduced system equals the full one
        double[][] xi = randomPatterns(6, 20, 3);
        double[] w = {0.2, -0.1, 0, 0.3, -0.4, 0};
        GeneralizedHopfield full = GeneralizedHopfield.symmetric(xi, w, 8);
        GeneralizedHopfield.Reduction red = full.reduce();
        assertEquals(6, red.model().dimension());
        double[] x = new double[20];
        for (int j = 0; j < 20; j++) x[j] = 0.05 * Math.sin(j + 1.0);
        double[] y = red.project(x);
        for (int t = 0; t < 400; t++) {
            double[] sf = full.softmax(x), sr = red.model().softmax(y);
            for (int i = 0; i < 6; i++) assertEquals(sf[i], sr[i], 1e-10);
            double[] f = full.velocity(x), g = red.model().velocity(y);
            for (int j = 0; j < 20; j++) x[j] += 0.01 * f[j];
            for (int j = 0; j < 6; j++) y[j] += 0.01 * g[j];
        }
        double[][] g1 = full.gram(), g2 = red.model().gram();
        for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) assertEquals(g1[i][j], g2[i][j], 1e-12);
    }

    @Test
    void reductionOfRankDeficientPatternsKeepsRank() {
        double[][] four = {{1, 0}, {0, 1}, {-1, 0}, {0.6, 0.8}};
        assertEquals(2, GeneralizedHopfield.symmetric(four, new double[4], 1).reduce().basis()[0].length);
    }

    @Test
    void equiangularMeanHasAppendixEEigenvalues() {
        // 002 App. E: J(Ξ*) eigenvalues −1 (once) and (β(1 − cos μ) − K)/K (K − 1 times)
        for (int k : new int[] {2, 3, 5, 11})
            for (double deg : new double[] {20, 45, 90}) {
                double mu = Math.toRadians(deg), beta = 7.5;
                double[][] xi = CoarseGraining.equiangularPatterns(k, mu);
                double[] mean = new double[k];
                for (double[] row : xi) for (int j = 0; j < k; j++) mean[j] += row[j] / k;
                double[] ev = GeneralizedHopfield.symmetric(xi, new double[k], beta).jacobianEigenvalues(mean);
                double other = (beta * (1 - Math.cos(mu)) - k) / k;
                int minusOne = 0, others = 0;
                for (double e : ev) {
                    if (Math.abs(e + 1) < 1e-10) minusOne++;
                    else if (Math.abs(e - other) < 1e-10) others++;
                }
                if (Math.abs(other + 1) < 1e-10) assertEquals(k, minusOne);
                else { assertEquals(1, minusOne, "K=" + k + " μ=" + deg); assertEquals(k - 1, others); }
            }
    }

    @Test
    void fig1FixedPointsBelowAndAboveBetaCrit() {
        // spec 002 Fig 1: stable points with x1 > 0: 1, 1, 2 at β = 5, 10, 30
        int[] expected = {1, 1, 2};
        double[] betas = {5, 10, 30};
        for (int b = 0; b < 3; b++) {
            List<GeneralizedHopfield.FixedPoint> fps =
                    GeneralizedHopfield.symmetric(fig1(), new double[3], betas[b]).stableFixedPoints2d();
            long right = fps.stream().filter(p -> p.point()[0] > 0).count();
            assertEquals(expected[b], right, "beta " + betas[b]);
            for (GeneralizedHopfield.FixedPoint p : fps) assertTrue(p.residual() < 1e-8);
        }
        List<GeneralizedHopfield.FixedPoint> hi = GeneralizedHopfield.symmetric(fig1(), new double[3], 30).stableFixedPoints2d();
        assertEquals(0.966, hi.get(0).point()[0], 1e-3);
        assertEquals(0.248, Math.abs(hi.get(0).point()[1]), 1e-3);
        List<GeneralizedHopfield.FixedPoint> lo = GeneralizedHopfield.symmetric(fig1(), new double[3], 5).stableFixedPoints2d();
        assertEquals(0.966, lo.get(0).point()[0], 1e-3);
        assertEquals(0, lo.get(0).point()[1], 1e-3);
    }

    @Test
    void badInputNamesTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GeneralizedHopfield.symmetric(fig1(), new double[3], -1));
        assertTrue(e.getMessage().contains("beta"));
        e = assertThrows(IllegalArgumentException.class, () -> GeneralizedHopfield.symmetric(fig1(), new double[2], 1));
        assertTrue(e.getMessage().contains("w.length"));
        e = assertThrows(IllegalArgumentException.class,
                () -> GeneralizedHopfield.symmetric(fig1(), new double[3], 1).velocity(new double[3]));
        assertTrue(e.getMessage().contains("x.length"));
        e = assertThrows(IllegalArgumentException.class,
                () -> GeneralizedHopfield.symmetric(new double[][] {{1, 0}, {Double.NaN, 1}}, new double[2], 1));
        assertTrue(e.getMessage().contains("memories[1][0]"));
    }

    @Test
    void generalModelUsesQForOutput() {
        double[][] xi = {{1, 0}, {0, 1}}, q = {{2, 0}, {0, 3}};
        GeneralizedHopfield m = GeneralizedHopfield.general(q, xi, new double[2], 0);
        double[] f = m.velocity(new double[] {0, 0});
        assertEquals(1.0, f[0], EXACT);
        assertEquals(1.5, f[1], EXACT);
        assertThrows(UnsupportedOperationException.class, () -> m.energy(new double[2]));
    }
}
