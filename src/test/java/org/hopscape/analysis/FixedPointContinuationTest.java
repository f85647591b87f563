package org.hopscape.analysis;

import org.hopscape.papers.waddington.Fig5System;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FixedPointContinuationTest {

    static FixedPointContinuation.Options range(double lo, double hi, double step, int threads) {
        return FixedPointContinuation.Options.quick().withRange(lo, hi, step).withThreads(threads);
    }

    @Test
    void saddleNodesAtTheSpecValues() {
        BifurcationDiagram d = FixedPointContinuation.track(Fig5System.at(20), range(20, 40, 2, 2));
        List<BifurcationDiagram.CountChange> s = d.countChanges();
        assertEquals(2, s.size(), s.toString());
        assertEquals(s, d.saddleNodes(), "both are saddle-nodes");
        // one vocabulary with dynamics.Families: a saddle-node is a fold
        for (BifurcationDiagram.CountChange c : s) assertEquals(org.hopscape.dynamics.Bifurcation.FOLD, c.bifurcation());
        assertEquals(org.hopscape.dynamics.Bifurcation.BOUNDARY_CROSSING, BifurcationDiagram.Kind.BOUNDARY_CROSSING.bifurcation());
        // spec §7.4/§7.5: 3 → 1 at n₁ = 23.95, 1 → 3 at n₂ = 36.35 (integer Gram values, T = 700, K = 2)
        assertEquals(3, s.get(0).countBelow());
        assertEquals(1, s.get(0).countAbove());
        assertTrue(s.get(0).n() >= 23.9 && s.get(0).n() <= 24.0, "n1 = " + s.get(0).n());
        assertEquals(1, s.get(1).countBelow());
        assertEquals(3, s.get(1).countAbove());
        assertTrue(s.get(1).n() >= 36.3 && s.get(1).n() <= 36.4, "n2 = " + s.get(1).n());
        // the second pair is born at ℓ ≈ −0.29 (spec §7.4)
        assertEquals(-0.29, s.get(1).ell(), 0.03);
        for (BifurcationDiagram.CountChange c : s) {
            // a stable and an unstable point on one half, meeting with an eigenvalue through zero: λ₁ ∝ √|n − n*|,
            // measured 0.0027 and 0.0013 on the final bisection interval (λ₁ ≈ ∓12 at the points of n = 20)
            assertEquals(2, c.points().size(), c.toString());
            assertNotEquals(c.points().get(0).stable(), c.points().get(1).stable(), c.toString());
            assertEquals(c.points().get(0).branch(), c.points().get(1).branch());
            assertTrue(Math.abs(c.eigenvalue()) < 0.05, c.toString());
        }
    }

    @Test
    void tristableOverTheWholeRangeReportsNoCountChange() {
        // T_r = 0.83: three fixed points (two stable) at every n of the quick grid, as the decimal reference confirms
        // at n = 33 (TwoMemorySystemReferenceTest). The scan before issue 14 lost the unstable point here and
        // reported ten saddle-nodes between n = 4.9 and 40.
        BifurcationDiagram d = FixedPointContinuation.track(new TwoMemorySystem(753, 494, 719, 650, 2, 2), range(2, 60, 0.5, 2));
        for (int i = 0; i < d.ns().length; i++) {
            double n = d.ns()[i];
            assertEquals(3, d.counts()[i], "fixed points at n=" + n);
            assertEquals(2, d.at(n).stream().filter(TwoMemorySystem.FixedPoint::stable).count(), "stable at n=" + n);
        }
        assertEquals(List.of(), d.countChanges());
    }

    @Test
    void onlyTheTrueSaddleNodesAtTr102() {
        // T_r = 1.02: the scan before issue 14 reported four saddle-nodes on n = 2 … 60, two of them (3 → 2 at
        // n = 32.6, 2 → 1 at 46.8) from the unstable point it lost. Measured now: 7.4139 and 15.5196.
        BifurcationDiagram d = FixedPointContinuation.track(new TwoMemorySystem(753, 494, 719, 800, 2, 2), range(2, 60, 0.5, 2));
        List<BifurcationDiagram.CountChange> c = d.countChanges();
        assertEquals(2, c.size(), c.toString());
        assertEquals(c, d.saddleNodes());
        assertEquals(7.414, c.get(0).n(), 0.002);
        assertEquals(15.520, c.get(1).n(), 0.002);
        for (int i = 0; i < d.ns().length; i++) if (d.ns()[i] > 16) assertEquals(3, d.counts()[i], "n=" + d.ns()[i]);
    }

    @Test
    void aStablePointLeavingThroughACornerIsABoundaryCrossing() {
        // G = (600, 100, 650), T_r = 0.99: the saturated stable point (ℓ = 1) reaches the corner β = 0 and leaves
        BifurcationDiagram d = FixedPointContinuation.track(new TwoMemorySystem(600, 100, 650, 780, 2, 20), range(20, 22, 0.5, 2));
        assertEquals(1, d.countChanges().size(), d.countChanges().toString());
        BifurcationDiagram.CountChange c = d.countChanges().getFirst();
        assertEquals(BifurcationDiagram.Kind.BOUNDARY_CROSSING, c.kind());
        assertEquals(3, c.countBelow());
        assertEquals(2, c.countAbove());
        TwoMemorySystem.FixedPoint p = c.points().getFirst();
        assertTrue(p.stable() && p.saturated() && p.beta() >= 0 && p.beta() < 1e-9, p.toString());
        assertTrue(c.edgeDistance() < 1e-9, c.toString());
        assertEquals(List.of(), d.saddleNodes());
    }

    @Test
    void aPairBornOnTheLabelClipIsABoundaryCrossingNotASaddleNode() {
        // G = (784, 300, 520), T_r = 0.89: a saturated stable point (ℓ = −1) and an unstable one appear together
        // where the label nullcline leaves the clip; neither eigenvalue passes through zero (measured −0.65, 0.52)
        BifurcationDiagram d = FixedPointContinuation.track(new TwoMemorySystem(784, 300, 520, 700, 2, 9), range(8.5, 9.5, 0.5, 2));
        assertEquals(1, d.countChanges().size(), d.countChanges().toString());
        BifurcationDiagram.CountChange c = d.countChanges().getFirst();
        assertEquals(BifurcationDiagram.Kind.BOUNDARY_CROSSING, c.kind(), c.toString());
        assertEquals(1, c.countBelow());
        assertEquals(3, c.countAbove());
        assertEquals(2, c.points().size());
        assertTrue(c.points().stream().anyMatch(TwoMemorySystem.FixedPoint::saturated), c.points().toString());
        assertTrue(Math.abs(c.eigenvalue()) > 0.1, c.toString());
        assertTrue(c.edgeDistance() < FixedPointContinuation.EDGE, c.toString());
        assertEquals(9.137, c.n(), 0.002);
    }

    @Test
    void countChangeKindsAreInTheTable() {
        BifurcationDiagram d = FixedPointContinuation.track(Fig5System.at(20), range(20, 40, 4, 2));
        var t = d.countChangeTable();
        assertEquals(2, t.rowCount());
        assertEquals(List.of("saddle-node", "saddle-node"), t.stringColumn("kind").asList());
        assertTrue(t.stringColumn("points").get(0).contains("unstable"));
        assertEquals(d.countChanges().getFirst().eigenvalue(), t.doubleColumn("eigenvalue").get(0), 0.0);
    }

    @Test
    void threeRegimesBistableMonostableBistable() {
        BifurcationDiagram d = FixedPointContinuation.track(Fig5System.at(2), range(2, 60, 2, 2));
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
        BifurcationDiagram a = FixedPointContinuation.track(Fig5System.at(20), range(20, 30, 5, 1));
        BifurcationDiagram b = FixedPointContinuation.track(Fig5System.at(20), range(20, 30, 5, 2));
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
