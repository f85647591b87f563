package org.hopscape.dynamics;

import org.hopscape.util.Rng;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Contract every {@link GradientSystem} satisfies (style.md #11). A model's test extends this class and supplies
 * the system and a box of typical states.
 */
abstract class GradientSystemContract {
    static final double FD_TOL = 1e-6;

    /** The system under test. */
    abstract GradientSystem system();

    /** Half-width of the box of typical states (samples are drawn in [−a, a]ⁿ). */
    abstract double halfWidth();

    double[][] samples() {
        SplittableRandom r = Rng.of(20260);
        int n = system().dimension();
        double[][] x = new double[8][n];
        for (double[] v : x) for (int i = 0; i < n; i++) v[i] = halfWidth() * (2 * r.nextDouble() - 1);
        return x;
    }

    @Test
    void gradientIsTheDerivativeOfTheEnergy() {
        GradientSystem s = system();
        int n = s.dimension();
        for (double[] x : samples()) {
            double[] g = new double[n];
            s.gradient(x, g);
            double scale = 1 + Linear.norm(g);
            for (int i = 0; i < n; i++) {
                double h = 1e-5 * Math.max(1, Math.abs(x[i]));
                double[] p = x.clone(), m = x.clone();
                p[i] += h;
                m[i] -= h;
                assertEquals(g[i], (s.energy(p) - s.energy(m)) / (2 * h), FD_TOL * scale * 10, "component " + i);
            }
        }
    }

    @Test
    void hessianIsSymmetricAndTheDerivativeOfTheGradient() {
        GradientSystem s = system();
        int n = s.dimension();
        for (double[] x : samples()) {
            double[] h = new double[n * n];
            s.hessian(x, h);
            double scale = 1;
            for (double v : h) scale = Math.max(scale, Math.abs(v));
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) assertEquals(h[i * n + j], h[j * n + i], 1e-9 * scale);
            for (int j = 0; j < n; j++) {
                double step = 1e-5 * Math.max(1, Math.abs(x[j]));
                double[] p = x.clone(), m = x.clone(), gp = new double[n], gm = new double[n];
                p[j] += step;
                m[j] -= step;
                s.gradient(p, gp);
                s.gradient(m, gm);
                for (int i = 0; i < n; i++) assertEquals(h[i * n + j], (gp[i] - gm[i]) / (2 * step), FD_TOL * scale * 10);
            }
        }
    }

    @Test
    void velocityIsMinusMetricInverseTimesGradientAndEnergyDecreases() {
        GradientSystem s = system();
        int n = s.dimension();
        for (double[] x : samples()) {
            double[] v = new double[n], g = new double[n], gi = new double[n * n];
            s.velocity(x, v);
            s.gradient(x, g);
            s.metricInverse(x, gi);
            double dot = 0;
            for (int i = 0; i < n; i++) {
                double e = 0;
                for (int j = 0; j < n; j++) e -= gi[i * n + j] * g[j];
                assertEquals(e, v[i], 1e-9 * (1 + Math.abs(e)));
                dot += g[i] * v[i];
            }
            assertTrue(dot <= 1e-12, "dV/dt = " + dot + " must be ≤ 0");
            Ode.Orbit o = Ode.rk4(Ode.Field.of(s), 0, x, 1e-3, 500, 1, null);
            for (int k = 1; k < o.path().length; k++)
                assertTrue(s.energy(o.path()[k]) <= s.energy(o.path()[k - 1]) + 1e-12, "energy increased at step " + k);
        }
    }

    @Test
    void criticalPointsAreTheSameOnOneAndTwoThreads() throws Exception {
        GradientSystem s = system();
        if (s.dimension() > 3) return; // grid search is for low dimension
        CriticalPoints.Options o = CriticalPoints.Options.box(s.dimension(), halfWidth(), 11).withRefinement(false);
        CriticalSet a = CriticalPoints.find(s, o.withThreads(1));
        CriticalSet b = CriticalPoints.find(s, o.withThreads(2));
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) assertArrayEquals(a.get(k).position(), b.get(k).position(), 0.0);
    }
}
