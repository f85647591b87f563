package org.hopscape.papers.waddington;

import org.hopscape.analysis.Sweep;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PrototypeTransitionTest {

    static PrototypeTransition.Options grid(double[] ns, double[] ts) {
        return PrototypeTransition.Options.paper(42, Sweep.Options.inMemory()).withGrid(ns, ts);
    }

    @Test
    void analyticLineAgreesWithSimulatedIntraDigitFixedPoints() {
        assumeTrue(Set200.available(), "the authors' 200-set is not on the data path");
        double[] ts = {800, 840, 880};
        PrototypeTransition p = PrototypeTransition.intra(grid(PrototypeTransition.range(10, 24, 1), ts));
        assertEquals(736.13, p.gram()[0], 0.01);
        assertEquals(583.54, p.gram()[1], 0.01);
        double previous = Double.POSITIVE_INFINITY;
        for (double t : ts) {
            // spec §6 Fig 6: n_dep − n_line ∈ [−1, 4], and n_dep decreases as T rises
            double dep = p.departure(t, 0.55), line = p.lineOrder(1, t);
            assertTrue(dep - line >= -1 && dep - line <= 4, "T=" + t + ": departure " + dep + " vs line " + line);
            assertTrue(dep < previous, "departure decreases with T");
            previous = dep;
        }
    }

    @Test
    void intraDigitMixtureBelowAndPrototypeAboveTheLine() {
        assumeTrue(Set200.available(), "the authors' 200-set is not on the data path");
        PrototypeTransition p = PrototypeTransition.intra(grid(new double[] {3, 18, 30}, new double[] {720, 880}));
        String dom = p.dominantColumn(), minor = dom.equals("alpha_a") ? "alpha_b" : "alpha_a";
        assertTrue(p.at(dom, 30, 880) > 0.9, "prototype at n=30, T=880");
        assertTrue(Math.abs(p.at(minor, 30, 880)) < 0.1);
        for (String c : new String[] {"alpha_a", "alpha_b"}) {
            assertEquals(0.5, p.at(c, 3, 880), 0.1, "mixture at n=3, T=880");
            for (double n : new double[] {3, 18, 30}) assertEquals(0.5, p.at(c, n, 720), 0.1, "mixture at T=720, n=" + n);
        }
    }

    @Test
    void interDigitMinorCoefficientsChangeSign() {
        assumeTrue(Set200.available(), "the authors' 200-set is not on the data path");
        PrototypeTransition p = PrototypeTransition.inter(grid(new double[] {2, 30}, new double[] {720, 880}));
        for (double t : new double[] {720, 880}) {
            // spec §6 Fig 6: minor coefficients (α_9 of memory 1, α_4 of memory 2) negative at n = 2, positive at 30
            assertTrue(p.at("m1_alpha_b", 2, t) < 0 && p.at("m2_alpha_a", 2, t) < 0, "negative at n=2, T=" + t);
            assertTrue(p.at("m1_alpha_b", 30, t) > 0 && p.at("m2_alpha_a", 30, t) > 0, "positive at n=30, T=" + t);
            assertTrue(Math.abs(p.at("m1_alpha_b", 30, t)) < 0.45 && Math.abs(p.at("m2_alpha_a", 30, t)) < 0.45);
        }
        // prototype reference (spec table): T = 880, n = 30: 0.812, 0.188 / 0.391, 0.609
        assertEquals(0.188, p.at("m1_alpha_b", 30, 880), 0.01);
        assertEquals(0.391, p.at("m2_alpha_a", 30, 880), 0.01);
        assertThrows(IllegalStateException.class, () -> p.departure(880, 0.55));
    }

    @Test
    void badOptionsNameTheParameter() {
        var e = assertThrows(IllegalArgumentException.class, () -> grid(new double[] {0.5}, new double[] {700}));
        assertTrue(e.getMessage().startsWith("ns[0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> grid(new double[] {3}, new double[] {-1}));
        assertTrue(e.getMessage().startsWith("temperatures[0]"), e.getMessage());
    }
}
