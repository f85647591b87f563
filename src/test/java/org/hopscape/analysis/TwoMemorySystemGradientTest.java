package org.hopscape.analysis;

import org.hopscape.papers.waddington.Fig5System;
import org.hopscape.analysis.TwoMemorySystem.Branch;
import org.hopscape.analysis.TwoMemorySystem.FixedPoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The reduced two-memory flow is not a gradient flow (issue 8; the class javadoc states it, this test checks it):
 * the Jacobian of (dα/dt, dℓ/dt) is asymmetric at its fixed points, and at n = 40 its off-diagonal entries have
 * opposite signs, which rules out −diag(g)⁻¹∇V for every positive diagonal metric.
 */
class TwoMemorySystemGradientTest {
    /** Central-difference step of the Jacobian (results agree to 1e-7 for steps 1e-5 … 1e-7). */
    static final double STEP = 1e-6;

    /** J = ∂(dα/dt, dℓ/dt)/∂(α, ℓ) on the upper half, row-major {J_αα, J_αℓ, J_ℓα, J_ℓℓ}. */
    static double[] jacobian(TwoMemorySystem s, double alpha, double ell) {
        double[] p = new double[3], m = new double[3], j = new double[4];
        s.flow(alpha + STEP, ell, Branch.UPPER, p);
        s.flow(alpha - STEP, ell, Branch.UPPER, m);
        j[0] = (p[0] - m[0]) / (2 * STEP);
        j[2] = (p[1] - m[1]) / (2 * STEP);
        s.flow(alpha, ell + STEP, Branch.UPPER, p);
        s.flow(alpha, ell - STEP, Branch.UPPER, m);
        j[1] = (p[0] - m[0]) / (2 * STEP);
        j[3] = (p[1] - m[1]) / (2 * STEP);
        return j;
    }

    static List<FixedPoint> interiorUpper(TwoMemorySystem s) {
        return s.fixedPoints().stream().filter(f -> f.branch() == Branch.UPPER && !f.saturated()).toList();
    }

    @Test
    void jacobianIsAsymmetricAtEveryFixedPoint() {
        // a Euclidean gradient flow has a symmetric Jacobian (= −Hessian); measured minimum 0.35 (n = 6)
        for (double n : new double[]{6, 20, 40}) {
            List<FixedPoint> fps = interiorUpper(Fig5System.at(n));
            assertEquals(3, fps.size(), "fixed points at n=" + n); // spec 000 §7.5: 3 at n = 6, 20, 40
            for (FixedPoint f : fps) {
                double[] j = jacobian(Fig5System.at(n), f.alpha(), f.ell());
                double asym = Math.abs(j[1] - j[2]) / (Math.abs(j[1]) + Math.abs(j[2]));
                assertTrue(asym > 0.3, "relative asymmetry " + asym + " at " + f);
            }
        }
    }

    @Test
    void offDiagonalSignsRuleOutEveryDiagonalMetricAtN40() {
        // J = −diag(g_α, g_ℓ)⁻¹∇²V at a critical point gives J_αℓ = −∂²V/∂α∂ℓ / g_α and J_ℓα = −∂²V/∂α∂ℓ / g_ℓ:
        // same sign. Measured at the two stable points of n = 40 (spec 000 §7.4 table): opposite signs.
        TwoMemorySystem s = Fig5System.at(40);
        List<FixedPoint> stable = interiorUpper(s).stream().filter(FixedPoint::stable).toList();
        assertEquals(2, stable.size());
        double[][] expected = {{0.0329749, -1.419498}, {0.0221534, -3.185875}};
        for (int k = 0; k < 2; k++) {
            FixedPoint f = stable.get(k);
            double[] j = jacobian(s, f.alpha(), f.ell());
            assertTrue(j[1] * j[2] < 0, "J_αℓ=" + j[1] + " J_ℓα=" + j[2] + " at " + f);
            assertEquals(expected[k][0], j[1], 1e-5);
            assertEquals(expected[k][1], j[2], 1e-4);
            // the eigenvalues are real: the local test cannot exclude a general (non-diagonal) metric
            assertEquals(0.0, f.imaginary());
        }
    }
}
