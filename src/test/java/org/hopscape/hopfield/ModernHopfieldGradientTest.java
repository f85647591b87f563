package org.hopscape.hopfield;

import org.hopscape.dynamics.CriticalPoint;
import org.hopscape.dynamics.CriticalPoints;
import org.hopscape.dynamics.CriticalSet;
import org.hopscape.dynamics.GradientSystem;
import org.hopscape.dynamics.examples.ModernHopfieldEnergy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The 001 modern Hopfield flow seen through the {@code dynamics} toolkit (issue 8). */
class ModernHopfieldGradientTest {
    static final double EXACT = 1e-12, AGREE = 1e-10;

    /** Two correlated, non-orthogonal patterns in ℝ² (g ≠ I, so the metric is not the identity). */
    static final double[][] SKEWED_2D = {{1.0, 0.2}, {-0.3, 0.9}};

    @Test
    void modelVelocityIsMinusMetricInverseGradient() {
        // dx/dt = Ξᵀσ(βm^) − x = −G⁻¹∇V, computed here by hand from the adapter's gradient and metric
        for (double[][] xi : new double[][][]{Patterns.random(5, 50, 11), Patterns.correlated(4, 30, 0.7, 12),
                SKEWED_2D}) {
            ModernHopfield net = ModernHopfield.of(xi, 6.0);
            ModernHopfieldGradient sys = net.asGradientSystem();
            int n = net.neurons();
            assertTrue(sys.hasMetric());
            double[] g = new double[n], gi = new double[n * n];
            for (double[] x : Patterns.randomStates(4, n, 13)) {
                double[] v = net.velocity(x);
                sys.gradient(x, g);
                sys.metricInverse(x, gi);
                for (int i = 0; i < n; i++) {
                    double e = 0;
                    for (int j = 0; j < n; j++) e -= gi[i * n + j] * g[j];
                    assertEquals(v[i], e, EXACT * (1 + Math.abs(v[i])), "N=" + n + " component " + i);
                }
            }
        }
    }

    @Test
    void orthonormalPatternsGiveTheEuclideanFlowAndThe004Energy() {
        // ΞΞᵀ = I: G⁻¹ = I, so dx/dt = −∇V exactly, and V, ∇V, ∇²V are those of 004 §5.4 (dynamics.examples)
        double[][][] sets = {{{1, 0}, {0, 1}}, {{0.6, 0.8, 0}, {0, 0, 1}}};
        for (double[][] xi : sets)
            for (double beta : new double[]{1.5, 5, 40}) {
                ModernHopfield net = ModernHopfield.of(xi, beta);
                ModernHopfieldGradient sys = net.asGradientSystem();
                ModernHopfieldEnergy ref = new ModernHopfieldEnergy(xi, beta);
                int n = net.neurons();
                assertFalse(sys.hasMetric(), "orthonormal patterns must give the Euclidean flow");
                double[] g = new double[n], gr = new double[n], h = new double[n * n], hr = new double[n * n];
                for (double[] x : new double[][]{new double[n], xi[0], scaled(xi[1], 0.4), wobble(n, 0.3)}) {
                    double[] v = net.velocity(x);
                    sys.gradient(x, g);
                    ref.gradient(x, gr);
                    sys.hessian(x, h);
                    ref.hessian(x, hr);
                    assertEquals(ref.energy(x), sys.energy(x), AGREE);
                    assertArrayEquals(gr, g, AGREE);
                    assertArrayEquals(hr, h, AGREE);
                    for (int i = 0; i < n; i++) assertEquals(v[i], -g[i], EXACT);
                }
            }
    }

    @Test
    void skewedPatternsAreThe004EnergyInOrderParameterCoordinates() {
        // general Ξ: V(x) = V₀₀₄[ξ = I_P](m^) + ½|x⊥|², ∇V = Aᵀ∇V₀₀₄(m^) + x⊥ (A = ∂m^/∂x)
        double[][] xi = Patterns.correlated(3, 7, 0.6, 21);
        double beta = 4;
        ModernHopfield net = ModernHopfield.of(xi, beta);
        ModernHopfieldGradient sys = net.asGradientSystem();
        ModernHopfieldEnergy ref = new ModernHopfieldEnergy(identity(3), beta);
        PatternSpace space = net.space();
        double[][] a = new double[3][]; // A = ∂m^/∂x, column j = m^(e_j)
        for (int mu = 0; mu < 3; mu++) {
            a[mu] = new double[7];
            for (int j = 0; j < 7; j++) a[mu][j] = space.orderParameters(unit(7, j))[mu];
        }
        double[] g = new double[7], gm = new double[3];
        for (double[] x : Patterns.randomStates(5, 7, 22)) {
            double[] mh = space.orderParameters(x), xp = space.perpendicular(x);
            double sq = 0;
            for (double v : xp) sq += v * v;
            assertEquals(ref.energy(mh) + 0.5 * sq, sys.energy(x), AGREE);
            sys.gradient(x, g);
            ref.gradient(mh, gm);
            for (int j = 0; j < 7; j++) {
                double e = xp[j];
                for (int mu = 0; mu < 3; mu++) e += a[mu][j] * gm[mu];
                assertEquals(e, g[j], AGREE);
            }
        }
    }

    @Test
    void spec004MorseExampleIsFoundWithItsNumbers() {
        // spec 004 §4.3 unit test (ii): ξ = {(1,0),(0,1)}, β = 5
        GradientSystem sys = ModernHopfield.of(new double[][]{{1, 0}, {0, 1}}, 5).asGradientSystem();
        CriticalSet set = CriticalPoints.find(sys, CriticalPoints.Options.box(2, 2, 21));
        assertEquals(2, set.sinks());
        assertEquals(1, set.saddles());
        assertEquals(0, set.sources());
        assertTrue(set.morse());
        CriticalPoint s1 = set.get(set.nearest(new double[]{1, 0}, 0.1));
        CriticalPoint s2 = set.get(set.nearest(new double[]{0, 1}, 0.1));
        CriticalPoint saddle = set.ofIndex(1).get(0);
        assertArrayEquals(new double[]{0.992812, 0.007188}, s1.position(), 1e-6);
        assertArrayEquals(new double[]{0.007188, 0.992812}, s2.position(), 1e-6);
        assertArrayEquals(new double[]{0.5, 0.5}, saddle.position(), 1e-9);
        assertArrayEquals(new double[]{0.928636, 1}, sorted(s1.hessianEigenvalues()), 1e-6);
        assertArrayEquals(new double[]{-1.5, 1}, sorted(saddle.hessianEigenvalues()), 1e-9);
    }

    @Test
    void largeBetaAttractorsSitOnSkewedPatternsWithTheSaddleAtTheirMidpoint() {
        // g ≠ I (metric flow): m^ = σ(βm^) has sinks m^ ≈ e_μ (x ≈ ξ_μ, error ~ e^{−β/2}) and the saddle m^ = (½, ½)
        double beta = 40;
        ModernHopfieldGradient sys = ModernHopfield.of(SKEWED_2D, beta).asGradientSystem();
        assertTrue(sys.hasMetric());
        CriticalSet set = CriticalPoints.find(sys, CriticalPoints.Options.box(2, 2, 21));
        assertEquals("2 sinks, 1 saddle", set.sinks() + " sinks, " + set.saddles() + " saddle");
        assertEquals(0, set.sources());
        assertTrue(set.morse());
        for (double[] pattern : SKEWED_2D) {
            int k = set.nearest(pattern, 0.05);
            assertTrue(k >= 0, "no attractor near " + java.util.Arrays.toString(pattern));
            assertTrue(set.get(k).isSink());
            assertArrayEquals(pattern, set.get(k).position(), 1e-6);
        }
        double[] mid = {(SKEWED_2D[0][0] + SKEWED_2D[1][0]) / 2, (SKEWED_2D[0][1] + SKEWED_2D[1][1]) / 2};
        assertArrayEquals(mid, set.ofIndex(1).get(0).position(), 1e-9);
        // at the saddle V = Ẽ(½, ½) = −¼ − ln 2/β (spec 001 Fig 3A)
        assertEquals(-0.25 - Math.log(2) / beta, set.ofIndex(1).get(0).energy(), EXACT);
    }

    @Test
    void parametersNameTheModel() {
        var p = ModernHopfield.of(SKEWED_2D, 3).asGradientSystem().parameters();
        assertEquals(3.0, p.get("beta"));
        assertEquals(2, p.get("P"));
        assertEquals(2, p.get("N"));
    }

    private static double[] scaled(double[] v, double c) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) out[i] *= c;
        return out;
    }

    private static double[] wobble(int n, double c) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = c * Math.sin(1.7 * i + 0.4);
        return out;
    }

    private static double[] unit(int n, int j) {
        double[] e = new double[n];
        e[j] = 1;
        return e;
    }

    private static double[][] identity(int p) {
        double[][] id = new double[p][p];
        for (int i = 0; i < p; i++) id[i][i] = 1;
        return id;
    }

    private static double[] sorted(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s;
    }
}
