package org.hopscape.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class MarchenkoPasturTest {
    static final double[] LOADS = {0.15, 0.25, 0.6, 1, 2};

    @Test
    void edgesMatchTheSpecValues() {
        double[][] edges = {{2.502689, 12.830644}, {1, 9}, {0.084678, 5.248656}, {0, 4}, {0.085786, 2.914214}};
        for (int k = 0; k < LOADS.length; k++) {
            var law = new MarchenkoPastur(LOADS[k]);
            assertEquals(edges[k][0], law.lowerEdge(), 1e-6, "λ₋ at α = " + LOADS[k]);
            assertEquals(edges[k][1], law.upperEdge(), 1e-6, "λ₊ at α = " + LOADS[k]);
        }
    }

    /** ∫_λ^{λ₊} ρ by Simpson in θ (λ = c + r cos θ), independent of the closed form. */
    static double massAboveByQuadrature(MarchenkoPastur law, double lambda) {
        double q = law.ratio(), c = 1 + q, r = 2 * Math.sqrt(q);
        double top = Math.acos(Math.max(-1, Math.min(1, (lambda - c) / r)));
        int n = 20_000;
        double h = top / n, s = 0;
        for (int i = 0; i <= n; i++) {
            double t = i * h, sin = Math.sin(t);
            double lam = c + r * Math.cos(t);
            double f = lam <= 0 ? 0 : r * r * sin * sin / (2 * Math.PI * lam);
            s += f * (i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2));
        }
        return s * h / 3;
    }

    @Test
    void closedFormCdfMatchesQuadratureAndNormalisation() {
        for (double a : LOADS) {
            var law = new MarchenkoPastur(a);
            double lo = law.lowerEdge(), hi = law.upperEdge();
            assertEquals(Math.min(1, 1 / a), law.massAbove(lo), 1e-12, "total mass at α = " + a);
            assertEquals(0, law.massAbove(hi), 1e-15);
            assertEquals(0, law.nonzeroCdf(lo - 1e-9), 1e-12);
            assertEquals(1, law.nonzeroCdf(hi + 1e-9), 1e-12);
            double prev = -1;
            for (int k = 1; k < 20; k++) {
                double x = lo + (hi - lo) * k / 20;
                double tol = a == 1 ? 1e-7 : 1e-10; // the 1/√λ singularity at α = 1 limits the quadrature
                assertEquals(massAboveByQuadrature(law, x), law.massAbove(x), tol, "M(" + x + ") at α = " + a);
                double f = law.nonzeroCdf(x);
                assertTrue(f > prev, "CDF increasing");
                prev = f;
            }
            // total mass by quadrature over the full support (also checks ρ itself)
            if (a != 1) assertEquals(Math.min(1, 1 / a), massAboveByQuadrature(law, lo), 1e-10);
        }
    }

    @Test
    void densityIsTheDerivativeOfTheCdfAndHasMeanQ() {
        for (double a : LOADS) {
            var law = new MarchenkoPastur(a);
            double lo = law.lowerEdge(), hi = law.upperEdge(), h = 1e-6;
            for (int k = 1; k < 10; k++) {
                double x = lo + (hi - lo) * k / 10;
                double fd = (law.nonzeroCdf(x + h) - law.nonzeroCdf(x - h)) / (2 * h);
                assertEquals(fd, law.nonzeroDensity(x), 1e-6 * Math.max(1, fd), "ρ at " + x);
            }
            // ∫ λ ρ = q (trace of ΞᵀΞ = N_v), midpoint rule in θ
            double q = law.ratio(), c = 1 + q, r = 2 * Math.sqrt(q);
            int n = 20_000;
            double s = 0;
            for (int i = 0; i < n; i++) {
                double t = Math.PI * (i + 0.5) / n, sin = Math.sin(t);
                s += r * r * sin * sin / (2 * Math.PI) * Math.PI / n;
            }
            assertEquals(q, s, 1e-9, "mean at α = " + a);
            assertEquals(0, law.density(hi + 0.1));
            assertEquals(0, law.density(lo - 0.01));
        }
    }

    @Test
    void tracyWidomEdgesMatchTheSpecTable() {
        // spec 003 §5.3 (N_v = 1000) and §6.4 (N_v = 400)
        assertEquals(2.560, MarchenkoPastur.expectedSmallest(1000, 150), 1e-3);
        assertEquals(1.0241, MarchenkoPastur.expectedSmallest(1000, 250), 1e-4);
        assertEquals(0.0877, MarchenkoPastur.expectedSmallest(1000, 600), 1e-4);
        assertEquals(0.060, MarchenkoPastur.sdSmallest(1000, 150), 1e-3);
        assertEquals(0.025, MarchenkoPastur.sdSmallest(1000, 250), 1e-3);
        assertEquals(0.0032, MarchenkoPastur.sdSmallest(1000, 600), 1e-4);
        assertEquals(12.660, MarchenkoPastur.expectedLargest(1000, 150), 1e-3);
        assertEquals(8.896, MarchenkoPastur.expectedLargest(1000, 250), 1e-3);
        assertEquals(5.202, MarchenkoPastur.expectedLargest(1000, 600), 1e-3);
        assertEquals(2.539, MarchenkoPastur.expectedSmallest(2000, 300), 1e-3);
        assertEquals(2.6085, MarchenkoPastur.expectedSmallest(400, 60), 1e-4);
        assertEquals(1.0444, MarchenkoPastur.expectedSmallest(400, 100), 1e-4);
        assertEquals(0.0902, MarchenkoPastur.expectedSmallest(400, 240), 1e-4);
        assertEquals(12.516, MarchenkoPastur.expectedLargest(400, 60), 1e-3);
        // the TW shift moves λ_min above the limit edge by O(N^{−2/3})
        assertTrue(MarchenkoPastur.expectedSmallest(1000, 150) > new MarchenkoPastur(0.15).lowerEdge());
    }

    @Test
    void ksOfExactQuantilesIsHalfAStep() {
        var law = new MarchenkoPastur(0.25);
        int n = 200;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double target = (i + 0.5) / n, lo = law.lowerEdge(), hi = law.upperEdge();
            for (int it = 0; it < 100; it++) {
                double mid = 0.5 * (lo + hi);
                if (law.nonzeroCdf(mid) < target) lo = mid; else hi = mid;
            }
            x[i] = 0.5 * (lo + hi);
        }
        assertEquals(0.5 / n, law.ksDistance(x), 1e-9);
        assertEquals(0, law.outsideFraction(x));
        // each equal-width bin holds its expected count up to one eigenvalue: TV ≤ bins / (2n)
        assertTrue(law.totalVariation(x, 10) <= 10.0 / (2 * n), "TV " + law.totalVariation(x, 10));
        double[] th = law.binFractions(40);
        assertEquals(1, java.util.Arrays.stream(th).sum(), 1e-12);
    }

    @Test
    void badInputNamesTheParameter() {
        var e = assertThrows(IllegalArgumentException.class, () -> new MarchenkoPastur(0));
        assertTrue(e.getMessage().contains("load"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MarchenkoPastur.of(0, 10));
        assertTrue(e.getMessage().contains("nHidden"), e.getMessage());
    }
}
