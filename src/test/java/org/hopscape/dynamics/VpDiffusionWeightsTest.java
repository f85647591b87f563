package org.hopscape.dynamics;

import org.hopscape.dynamics.examples.VpDiffusion;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** VP diffusion of a weighted mixture: log p_t, its score and the Hopfield form against the closed form. */
class VpDiffusionWeightsTest {
    private static final double[][] MEANS = {{1, 0}, {-1, 0.5}, {0, -1}};
    private static final double[] WEIGHTS = {0.6, 0.3, 0.1};

    /** log Σ_k π_k N(x; α m_k, v I) written out directly. */
    private static double logDensity(VpDiffusion m, double t, double[] x) {
        double a = VpDiffusion.alpha(t), v = m.variance(t), p = 0;
        for (int k = 0; k < MEANS.length; k++) {
            double s = 0;
            for (int i = 0; i < 2; i++) s += (x[i] - a * MEANS[k][i]) * (x[i] - a * MEANS[k][i]);
            p += WEIGHTS[k] * Math.exp(-s / (2 * v)) / (2 * Math.PI * v);
        }
        return Math.log(p);
    }

    @Test
    void scoreIsTheGradientOfTheWeightedLogDensity() {
        VpDiffusion m = new VpDiffusion(MEANS, new double[]{6, 3, 1}, 0.2); // normalised to 0.6, 0.3, 0.1
        assertArrayEquals(WEIGHTS, m.weights(), 1e-15);
        double[] x = {0.3, -0.2}, g = new double[2];
        for (double t : new double[]{0.1, 0.4, 0.9}) {
            assertEquals(logDensity(m, t, x), m.score(t, x, g), 1e-12, "log p_t at t = " + t);
            double h = 1e-6;
            for (int i = 0; i < 2; i++) {
                double[] xp = x.clone(), xm = x.clone();
                xp[i] += h;
                xm[i] -= h;
                assertEquals((logDensity(m, t, xp) - logDensity(m, t, xm)) / (2 * h), g[i], 1e-7, "score " + i);
            }
        }
    }

    @Test
    void hopfieldFormHasTheSameGradientUpToTheScale() {
        // ∇ₓU_t(x) = ½β(t)β_eff(t)c·∇_yE_t(y) with y = c x, c = α(1 − s²) (spec 004 §5.2), now with log π_k biases
        VpDiffusion m = new VpDiffusion(MEANS, WEIGHTS, 0.2);
        double t = 0.3, c = m.scale(t);
        double[] x = {0.4, 0.1}, y = {c * x[0], c * x[1]}, gu = new double[2], ge = new double[2];
        m.generation(t).gradient(x, gu);
        m.hopfield(t).gradient(y, ge);
        double f = 0.5 * VpDiffusion.beta(t) * m.betaEff(t) * c;
        for (int i = 0; i < 2; i++) assertEquals(gu[i], f * ge[i], 1e-10);
    }

    @Test
    void equalWeightsAreTheDefaultAndSamplingFollowsTheWeights() {
        double[][] far = {{3, 0}, {-3, 0}};
        VpDiffusion eq = new VpDiffusion(far, 0.1), same = new VpDiffusion(far, new double[]{1, 1}, 0.1);
        assertArrayEquals(eq.sample(50, 50, 1e-3, 5)[17], same.sample(50, 50, 1e-3, 5)[17], 0);
        // PF-ODE preserves the marginals: the fraction of samples ending near m_1 is π_1 (binomial sd ≈ 0.01)
        double[][] s = new VpDiffusion(far, new double[]{0.8, 0.2}, 0.1).sample(2000, 100, 1e-3, 7);
        long right = java.util.Arrays.stream(s).filter(p -> p[0] > 0).count();
        assertEquals(0.8, right / 2000.0, 0.04);
    }

    @Test
    void badWeightsAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new VpDiffusion(MEANS, new double[]{1, 0, 1}, 0.2));
        assertTrue(e.getMessage().contains("weights[1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new VpDiffusion(MEANS, new double[]{1, 1}, 0.2));
    }
}
