package org.hopscape.hopfield;

import org.hopscape.dynamics.CriticalPoint;
import org.hopscape.dynamics.CriticalPoints;
import org.hopscape.dynamics.CriticalSet;
import org.hopscape.dynamics.examples.ModernHopfieldEnergy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The symmetric 002 generalized Hopfield flow seen through the {@code dynamics} toolkit (issue 8). */
class GeneralizedHopfieldGradientTest {
    static final double EXACT = 1e-12, AGREE = 1e-10;
    static final double C15 = Math.cos(Math.toRadians(15)), S15 = Math.sin(Math.toRadians(15));
    /** spec 002 Fig 1 patterns: Ξ₁ = (cos15°, sin15°), Ξ₂ = (cos15°, −sin15°), Ξ₃ = (−1, 0). */
    static final double[][] FIG1 = {{C15, S15}, {C15, -S15}, {-1, 0}};

    @Test
    void energyGradientAndHessianAgreeWithThe004Energy() {
        // same V (002 Eq. 3 = 004 §5.4 with biases w), two independent implementations
        double[][] xi = {{0.3, -0.8, 0.5}, {0.9, 0.1, -0.2}, {-0.4, 0.4, 0.7}, {0.1, 0.2, 0.3}, {-0.6, -0.5, 0.1}};
        double[] w = {0.2, -0.7, 0.0, 1.1, -0.3};
        for (double beta : new double[]{0.5, 4, 30}) {
            GeneralizedHopfieldGradient sys = GeneralizedHopfield.symmetric(xi, w, beta).asGradientSystem();
            ModernHopfieldEnergy ref = new ModernHopfieldEnergy(xi, beta, w);
            double[] g = new double[3], gr = new double[3], h = new double[9], hr = new double[9], v = new double[3];
            for (double[] x : new double[][]{{0, 0, 0}, {0.5, -0.2, 0.9}, {-1.2, 0.4, 0.1}, xi[3]}) {
                sys.gradient(x, g);
                ref.gradient(x, gr);
                sys.hessian(x, h);
                ref.hessian(x, hr);
                sys.model().velocity(x, v);
                assertEquals(ref.energy(x), sys.energy(x), AGREE);
                assertArrayEquals(gr, g, AGREE);
                assertArrayEquals(hr, h, AGREE);
                for (int i = 0; i < 3; i++) assertEquals(-gr[i], v[i], EXACT, "model velocity = −∇V");
            }
        }
    }

    @Test
    void fig1FixedPointsAndPitchforkAreFoundByTheToolkit() {
        // spec 002 Fig 1: stable points with x₁ > 0: one at β = 5 and 10 (≈ (0.966, 0)), two at β = 30
        // ((0.966, ±0.248)); pitchfork at β_crit = 2/(1 − cos30°) = 14.928
        for (double beta : new double[]{5, 10, 14, 16, 30}) {
            var sys = GeneralizedHopfield.symmetric(FIG1, new double[3], beta).asGradientSystem();
            CriticalSet set = CriticalPoints.find(sys, CriticalPoints.Options.box(2, 1.5, 21));
            assertTrue(set.morse(), "β=" + beta);
            assertEquals(1, set.eulerCount(), "β=" + beta);
            List<CriticalPoint> right = set.ofIndex(0).stream().filter(p -> p.x(0) > 0).toList();
            assertEquals(beta < 14.928 ? 1 : 2, right.size(), "sinks with x₁ > 0 at β=" + beta);
            if (beta <= 10) assertEquals(0.966, right.get(0).x(0), 1e-3);
            if (beta <= 10) assertEquals(0, right.get(0).x(1), 1e-9);
            if (beta == 30)
                for (CriticalPoint p : right) {
                    assertEquals(0.966, p.x(0), 1e-3);
                    assertEquals(0.248, Math.abs(p.x(1)), 1e-3);
                }
            // the sink near Ξ₃ = (−1, 0)
            int left = set.nearest(FIG1[2], 0.1);
            assertTrue(left >= 0 && set.get(left).isSink(), "β=" + beta);
        }
    }

    @Test
    void largeBetaAttractorsSitOnThePatterns() {
        var sys = GeneralizedHopfield.symmetric(FIG1, new double[3], 200).asGradientSystem();
        CriticalSet set = CriticalPoints.find(sys, CriticalPoints.Options.box(2, 1.5, 21));
        assertEquals(3, set.sinks());
        for (double[] xi : FIG1) {
            int k = set.nearest(xi, 0.01);
            assertTrue(k >= 0 && set.get(k).isSink());
            assertArrayEquals(xi, set.get(k).position(), 1e-6);
        }
    }

    @Test
    void asymmetricModelIsRefusedWithTheReason() {
        double[][] q = {{1, 0}, {0, 1}, {0.5, 0.5}};
        var general = GeneralizedHopfield.general(q, FIG1, new double[3], 5);
        var e = assertThrows(UnsupportedOperationException.class, general::asGradientSystem);
        assertTrue(e.getMessage().contains("Q ≠ Ξ"), e.getMessage());
        assertTrue(e.getMessage().contains("not a gradient flow"), e.getMessage());
    }
}
