package org.hopscape.analysis;

import org.hopscape.papers.waddington.Fig5System;
import org.hopscape.analysis.TwoMemorySystem.Branch;
import org.hopscape.analysis.TwoMemorySystem.FixedPoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TwoMemorySystemTest {
    static final double TABLE_TOL = 1e-3; // spec §7.5: coordinates within 1e−3 of the §7.4 table

    /** spec §7.4 table, (α, ℓ, stable) per fixed point in α order. */
    static void assertFixedPoints(double n, double[][] expected) {
        List<FixedPoint> fps = Fig5System.at(n).fixedPoints().stream()
                .sorted((a, b) -> Double.compare(a.alpha(), b.alpha())).toList();
        assertEquals(expected.length, fps.size(), "fixed points at n=" + n + ": " + fps);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i][0], fps.get(i).alpha(), TABLE_TOL, "α at n=" + n);
            assertEquals(expected[i][1], fps.get(i).ell(), TABLE_TOL, "ℓ at n=" + n);
            assertEquals(expected[i][2] > 0, fps.get(i).stable(), "stability at n=" + n + " " + fps.get(i));
        }
    }

    @Test
    void fixedPointsMatchTheSpecTable() {
        assertFixedPoints(2, new double[][] {{-0.056, -0.107, 1}, {0.465, 0, 0}, {0.941, 0.110, 1}});
        assertFixedPoints(6, new double[][] {{0.0564, -0.0693, 1}, {0.4649, 0, 0}, {0.9245, 0.0616, 1}});
        assertFixedPoints(15, new double[][] {{0.3170, -0.0810, 1}, {0.4648, 0, 0}, {0.6329, 0.0740, 1}});
        assertFixedPoints(20, new double[][] {{0.3846, -0.0956, 1}, {0.4643, -0.0008, 0}, {0.5609, 0.0961, 1}});
        assertFixedPoints(30, new double[][] {{0.4766, 0.0576, 1}});
        assertFixedPoints(39, new double[][] {{0.3914, -0.7555, 1}, {0.4567, -0.1318, 0}, {0.5352, 0.6430, 1}});
        assertFixedPoints(40, new double[][] {{0.3795, -0.8482, 1}, {0.4582, -0.1226, 0}, {0.5431, 0.7132, 1}});
        assertFixedPoints(50, new double[][] {{0.2935, -1.0, 1}, {0.4628, -0.1393, 0}, {0.6081, 0.9977, 1}});
    }

    @Test
    void lowNRightPointSitsOnTheLowerHalfOfTheDiamond() {
        FixedPoint right = Fig5System.at(2).fixedPoints().stream()
                .max((a, b) -> Double.compare(a.alpha(), b.alpha())).orElseThrow();
        assertEquals(Branch.LOWER, right.branch());
        assertEquals(-0.059, right.beta(), TABLE_TOL);
    }

    @Test
    void fixedPointsAreRestPointsOfTheFlowAndInvariantVectors() {
        double[] f = new double[3];
        for (double n : new double[] {6, 20, 30, 40, 50})
            for (FixedPoint p : Fig5System.at(n).fixedPoints()) {
                TwoMemorySystem s = Fig5System.at(n);
                s.flow(p.alpha(), p.ell(), p.branch(), f);
                assertEquals(0, f[0], 1e-7, "dα/dt at " + p);
                assertEquals(0, f[1], 1e-7, "dℓ/dt at " + p);
                assertTrue(f[2] > 0, "N > 0 at " + p);
                assertEquals(1, Math.abs(p.alpha()) + Math.abs(p.beta()), 1e-15);
                if (!p.saturated()) assertEquals(0, s.labelGradient(p.alpha(), p.beta(), p.ell()), 1e-9);
            }
    }

    /** The reduced cost of K identical memories on two samples, 10 classes, written out from 000 Eq. 5–7. */
    static double cost(double gAA, double gAB, double gBB, double t, int k, double n, double alpha, double beta,
                       double la, double lb, double lOther) {
        double m = n;
        double[] overlap = {alpha * gAA + beta * gAB, alpha * gAB + beta * gBB};
        double c = 0;
        for (int s = 0; s < 2; s++) {
            double f = k * Math.pow(Math.max(overlap[s] / t, 0), n);
            for (int d = 0; d < 10; d++) {
                double l = d == 0 ? la : d == 1 ? lb : lOther;
                double target = d == s ? 1 : -1;
                c += Math.pow(Math.tanh(l * f) - target, 2 * m);
            }
        }
        return c;
    }

    @Test
    void gradientsAreTheCostGradientsUpToPositiveFactors() {
        double gAA = 753, gAB = 494, gBB = 719, t = 900, n = 3; // unsaturated outputs
        int k = 2;
        TwoMemorySystem s = new TwoMemorySystem(gAA, gAB, gBB, t, k, n);
        double[] g = new double[4];
        for (double[] x : new double[][] {{0.6, 0.4, 0.3}, {0.3, 0.7, -0.4}, {0.8, -0.2, 0.1}}) {
            double a = x[0], b = x[1], l = x[2], h = 1e-6;
            s.gradients(a, b, l, g);
            double dCa = (cost(gAA, gAB, gBB, t, k, n, a + h, b, l, -l, -1) - cost(gAA, gAB, gBB, t, k, n, a - h, b, l, -l, -1)) / (2 * h);
            double dCb = (cost(gAA, gAB, gBB, t, k, n, a, b + h, l, -l, -1) - cost(gAA, gAB, gBB, t, k, n, a, b - h, l, -l, -1)) / (2 * h);
            // −∂C/∂(α, β) = c·G·(∇_A, ∇_B) with c > 0: solve the 2×2 Gram system
            double det = gAA * gBB - gAB * gAB;
            double wA = (-dCa * gBB + dCb * gAB) / det, wB = (dCa * gAB - dCb * gAA) / det;
            assertEquals(g[0] / g[1], wA / wB, 1e-6 * Math.abs(wA / wB), "∇_A/∇_B at " + java.util.Arrays.toString(x));
            assertTrue(g[0] * wA > 0, "same sign");
            double dCla = (cost(gAA, gAB, gBB, t, k, n, a, b, l + h, -l, -1) - cost(gAA, gAB, gBB, t, k, n, a, b, l - h, -l, -1)) / (2 * h);
            double dClb = (cost(gAA, gAB, gBB, t, k, n, a, b, l, -l + h, -1) - cost(gAA, gAB, gBB, t, k, n, a, b, l, -l - h, -1)) / (2 * h);
            double dCo = (cost(gAA, gAB, gBB, t, k, n, a, b, l, -l, -1 + h) - cost(gAA, gAB, gBB, t, k, n, a, b, l, -l, -1 - h)) / (2 * h) / 8;
            assertEquals(-dCla, dClb, 1e-6 * Math.abs(dCla), "∂C/∂l_b = −∂C/∂l_a");
            assertEquals(g[2] / g[3], -dCla / -dCo, 1e-6 * Math.abs(dCla / dCo), "∇_ℓ/∇_γ");
        }
    }

    @Test
    void identicalMemoriesEqualOneMemoryAtTheEffectiveTemperature() {
        double n = 17;
        TwoMemorySystem two = Fig5System.at(n);
        TwoMemorySystem one = new TwoMemorySystem(753, 494, 719, 700 / Math.pow(2, 1 / n), 1, n);
        assertEquals(one.effectiveTemperature(), two.effectiveTemperature(), 1e-12);
        List<FixedPoint> a = two.fixedPoints(), b = one.fixedPoints();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) assertEquals(a.get(i).alpha(), b.get(i).alpha(), 1e-12);
    }

    @Test
    void restingLabelSaturatesAtHighN() {
        TwoMemorySystem s = Fig5System.at(50);
        assertEquals(-1, s.restingLabel(0.2935, 0.7065)); // spec §7.4: n = 50 left point, ℓ saturated
        double l = s.restingLabel(0.6081, 0.3919);
        assertEquals(0.9977, l, 1e-3);
        assertEquals(0, s.labelGradient(0.6081, 0.3919, l), 1e-12);
    }

    @Test
    void stableLabelsSaturateWhereTheSpecSays() {
        // spec §7.4: stable ℓ saturates at −1 from n ≈ 42.8 and at +1 from n ≈ 50.3
        assertFalse(Fig5System.at(42.7).fixedPoints().getFirst().saturated());
        assertTrue(Fig5System.at(42.9).fixedPoints().getFirst().saturated());
        assertEquals(-1, Fig5System.at(42.9).fixedPoints().getFirst().ell());
        assertFalse(Fig5System.at(50.2).fixedPoints().getLast().saturated());
        assertTrue(Fig5System.at(50.4).fixedPoints().getLast().saturated());
        assertTrue(Fig5System.at(50.4).fixedPoints().getLast().stable());
    }

    @Test
    void equationDerivativesMatchCentralDifferences() {
        // the Newton refinement and the stability use analytic derivatives of R = ∇_A − αN and ∇_ℓ along a half
        Object[][] cases = {{Fig5System.at(20), Branch.UPPER, 0.46, -0.02}, {Fig5System.at(6), Branch.UPPER, -0.3, 0.4},
                {Fig5System.at(2), Branch.LOWER, 0.93, 0.11}, {new TwoMemorySystem(784, 300, 520, 700, 2, 12), Branch.UPPER, 0.29, -0.92},
                {new TwoMemorySystem(753, 494, 719, 627, 2, 10), Branch.UPPER, 0.6, 0.3}};
        double h = 1e-6;
        for (Object[] c : cases) {
            TwoMemorySystem s = (TwoMemorySystem) c[0];
            Branch b = (Branch) c[1];
            double a = (double) c[2], l = (double) c[3];
            TwoMemorySystem.Equations e = s.equations(a, l, b);
            var ap = s.equations(a + h, l, b);
            var am = s.equations(a - h, l, b);
            var lp = s.equations(a, l + h, b);
            var lm = s.equations(a, l - h, b);
            String at = s + " " + b + " α=" + a + " ℓ=" + l;
            assertEquals((ap.memory() - am.memory()) / (2 * h), e.memoryDAlpha(), 1e-6 * e.memoryTerms() / Math.abs(a), "∂R/∂α " + at);
            assertEquals((lp.memory() - lm.memory()) / (2 * h), e.memoryDEll(), 1e-6 * Math.abs(e.memoryDEll()) + 1e-9 * e.memoryTerms(), "∂R/∂ℓ " + at);
            assertEquals((ap.label() - am.label()) / (2 * h), e.labelDAlpha(), 1e-6 * e.labelTerms(), "∂∇_ℓ/∂α " + at);
            assertEquals((lp.label() - lm.label()) / (2 * h), e.labelDEll(), 1e-6 * e.labelTerms(), "∂∇_ℓ/∂ℓ " + at);
            double[] g = new double[4];
            s.gradients(a, b.beta(a), l, g);                                  // the authors' form agrees where nothing saturates
            assertEquals(g[2], e.label(), 1e-12 * e.labelTerms(), "∇_ℓ " + at);
            assertEquals((1 - Math.abs(a)) * g[0] - a * b.sign * g[1], e.memory(), 1e-12 * e.memoryTerms(), "R " + at);
        }
    }

    @Test
    void toleranceStaysFarBelowTheTermsItCompares() {
        // scale-aware acceptance: at every fixed point of the Fig 5 diagram the accepted residual bound is a rounding
        // error of the terms that cancel (measured ≤ 4e−13 of them), never a fixed 1e−7 on a normalised flow
        for (double n : new double[] {2, 6, 15, 20, 30, 39, 40, 50})
            for (FixedPoint p : Fig5System.at(n).fixedPoints()) {
                TwoMemorySystem.Equations e = Fig5System.at(n).equations(p.alpha(), p.ell(), p.branch());
                assertTrue(Math.abs(e.memory()) <= e.memoryTolerance(), p.toString());
                assertTrue(e.memoryTolerance() < 1e-10 * e.memoryTerms(), "memory tolerance " + e.memoryTolerance() + " at " + p);
                if (!p.saturated()) assertTrue(e.labelTolerance() < 1e-10 * e.labelTerms(), "label tolerance at " + p);
            }
    }

    @Test
    void restingLabelIsResolvedRelativeToItself() {
        // T_r = 0.80, n = 10: at α₀ = 225/484, d_A = d_B and ℓ*(α) passes through 0 with slope 0.127 (∂∇_ℓ/∂α
        // = 12.9, ∂∇_ℓ/∂ℓ = −101); an absolute tolerance of 1e−13 (the old one) leaves ℓ* = ±1.3e−15 undetermined
        TwoMemorySystem s = new TwoMemorySystem(753, 494, 719, 627, 2, 10);
        double a0 = 225.0 / 484;
        for (double da : new double[] {-1e-14, 1e-14, 1e-12}) {
            double a = a0 + da, l = s.restingLabel(a, 1 - a);
            assertEquals(Math.signum(da), Math.signum(l), "ℓ*(α₀ + " + da + ") = " + l);
            TwoMemorySystem.Equations e = s.equations(a, l, Branch.UPPER);
            assertTrue(Math.abs(e.label()) <= e.labelTolerance(), "∇_ℓ(ℓ*) = " + e.label() + " at ℓ* = " + l);
            double linear = -e.labelDAlpha() / e.labelDEll() * da;          // ℓ* to first order in α − α₀
            assertEquals(linear, l, 0.02 * Math.abs(linear), "ℓ*(α₀ + " + da + ")");
        }
    }

    @Test
    void restingLabelsFindEveryRootOfANonMonotoneLabelGradient() {
        // G = (700, 650, 700), T_r = 0.51, n = 50, α = −0.2035: ∇_ℓ has three rest points in [−1, 1] (two roots and
        // the clip +1); counted independently by the sign changes of ∇_ℓ on 200,001 points
        TwoMemorySystem s = new TwoMemorySystem(700, 650, 700, 400, 2, 50);
        double a = -0.2035, b = 1 - Math.abs(a);
        double[] rest = s.restingLabels(a, b);
        int changes = 0;
        double prev = s.labelGradient(a, b, -1);
        for (int i = 1; i <= 200_000; i++) {
            double g = s.labelGradient(a, b, -1 + i / 100_000.0);
            if (g != 0 && prev != 0 && Math.signum(g) != Math.signum(prev)) changes++;
            if (g != 0) prev = g;
        }
        boolean clipUp = s.labelGradient(a, b, 1) >= 0, clipDown = s.labelGradient(a, b, -1) <= 0;
        assertEquals(changes + (clipUp ? 1 : 0) + (clipDown ? 1 : 0), rest.length, java.util.Arrays.toString(rest));
        assertEquals(3, rest.length, java.util.Arrays.toString(rest));
        assertEquals(1.0, rest[2]);
        for (int k = 0; k < 2; k++) assertEquals(0, s.labelGradient(a, b, rest[k]), 1e-12, "root " + rest[k]);
        // one rest point where ∇_ℓ is monotone (Fig 5, n = 20)
        assertEquals(1, Fig5System.at(20).restingLabels(0.46, 0.54).length);
    }

    @Test
    void eigenvaluesKeepTheirSignAcrossTwentyOrdersOfTimescale() {
        // diag(d1, d2)·[[a, b], [c, d]] with d2/d1 = 1e20: λ_fast ≈ d2·d, λ_slow ≈ d1(a − bc/d) (singular perturbation)
        double[] l = TwoMemorySystem.eigenvalues(1, 1e20, -2, 3, 5, -7);
        assertEquals(-7e20, l[1], 1e6);
        assertEquals(-2 + 15.0 / 7, l[0], 1e-12);
        // against the textbook formula where it is accurate
        double[] m = TwoMemorySystem.eigenvalues(2, 3, 1, -4, 2, -3);   // [[2, −8], [6, −9]]: tr −7, det 30
        assertEquals(-3.5, m[0], 1e-12);
        assertEquals(-3.5, m[1], 1e-12);
        assertEquals(Math.sqrt(30 - 12.25), m[2], 1e-12);
        double[] r = TwoMemorySystem.eigenvalues(1, 1, 3, 1, 1, 3);     // [[3, 1], [1, 3]]: 4 and 2
        assertArrayEquals(new double[] {4, 2, 0}, r, 1e-12);
    }

    @Test
    void badInputNamesTheParameter() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TwoMemorySystem(753, 494, 719, -1, 2, 30));
        assertTrue(e.getMessage().contains("temperature"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Fig5System.at(0.5));
        assertTrue(e.getMessage().startsWith("n "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TwoMemorySystem(753, 494, 719, 700, 0, 30));
        assertTrue(e.getMessage().contains("identicalMemories"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Fig5System.at(30).fixedPoints(2));
        assertTrue(e.getMessage().contains("grid"), e.getMessage());
    }
}
