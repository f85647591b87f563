package org.hopscape.learning;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class MemoryConvergenceTest {

    @Test
    void eq40Limits() {
        for (double alpha : new double[] {0.3, 0.9, 0.99}) {
            assertEquals(alpha, MemoryConvergence.eq40(alpha, 1), 1e-15, "sim(0) = α");
            assertEquals(1, MemoryConvergence.eq40(alpha, 0), 1e-15, "sim(∞) = 1");
            assertEquals(alpha, MemoryConvergence.eq40AtTime(alpha, 0, 1000), 1e-15);
        }
        // Eq. 40 at t = τ_μ, α = 0.9 by hand: a = e^{-1}
        double a = Math.exp(-1);
        double expected = (a * 0.9 + 1 - a) / Math.sqrt(a * a + (1 - a) * (1 - a) + 2 * a * (1 - a) * 0.9);
        assertEquals(expected, MemoryConvergence.eq40AtTime(0.9, 1000, 1000), 1e-15);
    }

    @Test
    void exactCosineEqualsTheCosineOfTheInterpolatedVector() {
        var r = new SplittableRandom(5);
        int n = 20;
        double[] x0 = new double[n], xp = new double[n];
        for (int i = 0; i < n; i++) { x0[i] = r.nextGaussian(); xp[i] = x0[i] + 0.5 * r.nextGaussian(); }
        double alpha = cos(x0, xp), ratio = Math.sqrt(dot(xp, xp) / dot(x0, x0));
        for (double a : new double[] {0, 0.2, 0.5, 0.9, 1}) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) y[i] = a * x0[i] + (1 - a) * xp[i];
            assertEquals(cos(y, xp), MemoryConvergence.cosine(alpha, ratio, a), 1e-14, "a = " + a);
        }
    }

    @Test
    void largeNLawIsTheExactFormAtTheLimitOverlapAndRatio() {
        double s = 0.4;
        for (double a : new double[] {0, 0.3, 0.7, 1})
            assertEquals(MemoryConvergence.cosine(1 / Math.sqrt(1 + s * s), Math.sqrt(1 + s * s), a),
                    MemoryConvergence.largeN(s, a), 1e-15);
        assertEquals(1 / Math.sqrt(1.16), MemoryConvergence.largeN(0.4, 1), 1e-15);
    }

    @Test
    void discreteDecayApproachesTheExponential() {
        // (1 − 1/250)^{t/4} vs e^{−t/1000}
        assertEquals(Math.exp(-1), MemoryConvergence.discreteDecay(250, 1, 250), 2e-3);
        assertEquals(1, MemoryConvergence.discreteDecay(0, 1, 250));
        assertThrows(IllegalArgumentException.class, () -> MemoryConvergence.decay(1, 0));
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static double cos(double[] a, double[] b) {
        return dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
    }
}
