package org.hopscape.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FixedPointContinuationTest {

    static FixedPointContinuation.Options range(double lo, double hi, double step, int threads) {
        return FixedPointContinuation.Options.quick().withRange(lo, hi, step).withThreads(threads);
    }

    @Test
    void saddleNodesAtTheSpecValues() {
        BifurcationDiagram d = FixedPointContinuation.track(TwoMemorySystem.fig5(20), range(20, 40, 2, 2));
        List<BifurcationDiagram.CountChange> s = d.countChanges();
        assertEquals(2, s.size(), s.toString());
        // spec §7.4/§7.5: 3 → 1 at n₁ = 23.95, 1 → 3 at n₂ = 36.35 (integer Gram values, T = 700, K = 2)
        assertEquals(3, s.get(0).countBelow());
        assertEquals(1, s.get(0).countAbove());
        assertTrue(s.get(0).n() >= 23.9 && s.get(0).n() <= 24.0, "n1 = " + s.get(0).n());
        assertEquals(1, s.get(1).countBelow());
        assertEquals(3, s.get(1).countAbove());
        assertTrue(s.get(1).n() >= 36.3 && s.get(1).n() <= 36.4, "n2 = " + s.get(1).n());
        // the second pair is born at ℓ ≈ −0.29 (spec §7.4)
        assertEquals(-0.29, s.get(1).ell(), 0.03);
    }

    @Test
    void threeRegimesBistableMonostableBistable() {
        BifurcationDiagram d = FixedPointContinuation.track(TwoMemorySystem.fig5(2), range(2, 60, 2, 2));
        int[] c = d.counts();
        double[] ns = d.ns();
        for (int i = 0; i < ns.length; i++) {
            int expected = ns[i] < 23.95 || ns[i] > 36.35 ? 3 : 1;
            assertEquals(expected, c[i], "fixed points at n=" + ns[i]);
            long stable = d.at(ns[i]).stream().filter(TwoMemorySystem.FixedPoint::stable).count();
            assertEquals(expected == 3 ? 2 : 1, stable, "stable points at n=" + ns[i]);
        }
        // the monostable point is near the perfect mixture α ≈ 0.5, ℓ ≈ 0 (paper)
        TwoMemorySystem.FixedPoint mono = d.at(30).getFirst();
        assertEquals(0.5, mono.alpha(), 0.05);
        assertEquals(0, mono.ell(), 0.1);
        assertEquals(d.points().size(), d.toTable().rowCount());
    }

    @Test
    void resultDoesNotDependOnThreadCount() {
        BifurcationDiagram a = FixedPointContinuation.track(TwoMemorySystem.fig5(20), range(20, 30, 5, 1));
        BifurcationDiagram b = FixedPointContinuation.track(TwoMemorySystem.fig5(20), range(20, 30, 5, 2));
        assertEquals(a.points(), b.points());
        assertEquals(a.countChanges(), b.countChanges());
    }

    @Test
    void gridIncludesBothEnds() {
        assertArrayEquals(new double[] {1.2, 1.3, 1.4}, range(1.2, 1.4, 0.1, 1).ns(), 0);
        assertEquals(708, FixedPointContinuation.Options.paper().ns().length);
    }

    @Test
    void badOptionsNameTheParameter() {
        var e = assertThrows(IllegalArgumentException.class, () -> range(10, 5, 1, 1));
        assertTrue(e.getMessage().startsWith("nMax"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> range(1, 5, 0, 1));
        assertTrue(e.getMessage().startsWith("nStep"), e.getMessage());
    }
}
