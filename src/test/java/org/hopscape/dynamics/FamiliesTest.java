package org.hopscape.dynamics;

import org.hopscape.dynamics.examples.FoldFamily;
import org.hopscape.dynamics.examples.MetricFlipFamily;
import org.hopscape.util.Progress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FamiliesTest {

    @Test
    void foldFamilyHasTwoFoldsAtSpecValues() {
        Families.Options o = Families.Options.of(CriticalPoints.Options.box(2, 3, 21), false);
        Families.Track t = Families.track(new FoldFamily(), Families.grid(-1, 1, 0.05), o, Progress.NONE);
        assertEquals(List.of("fold", "fold"), t.eventKinds());
        assertEquals(-0.8614296, t.events().get(0).eta(), 1e-6);
        assertEquals(0.8614296, t.events().get(1).eta(), 1e-6);
        assertArrayEquals(new double[]{-0.829352, 1.081757}, t.events().get(0).position(), 1e-5);
        assertArrayEquals(new double[]{0.829352, 1.081757}, t.events().get(1).position(), 1e-5);
        assertEquals(List.of("1,0,0", "2,1,0", "1,0,0"), t.signatureSequence());
        assertTrue(t.eulerEverywhere());
        CriticalSet mid = CriticalPoints.find(new FoldFamily().at(0), CriticalPoints.Options.box(2, 3, 21));
        CriticalPoint saddle = mid.get(mid.indexOf("a"));
        assertArrayEquals(new double[]{0, Math.cbrt(0.75)}, saddle.position(), 1e-9);
        assertEquals(-0.80775, mid.get(mid.indexOf("A")).energy(), 1e-5);
    }

    @Test
    void metricFamilyFlipsAtZero() {
        MetricFlipFamily fam = new MetricFlipFamily();
        Families.Options o = Families.Options.of(CriticalPoints.Options.box(2, 5, 21), true);
        Families.Track t = Families.track(fam, new double[]{-0.5, -0.25, 0.25, 0.5}, o, Progress.NONE);
        assertEquals(List.of("flip"), t.eventKinds());
        assertEquals(0, t.events().get(0).eta(), 1e-9);
        ConnectionGraph before = t.graphs().get(0), after = t.graphs().get(3);
        // s̃ is the upper saddle (v₂ ≈ 0.31); labels sort by x₁, so find it by x₂ in each graph
        assertEquals(List.of("B", "C"), before.targets(upperSaddle(before.points())));
        assertEquals(List.of("A", "B"), after.targets(upperSaddle(after.points())));
        assertEquals(List.of("A", "C"), after.targets(upperSaddle(after.points()).equals("a") ? "b" : "a"));
        // exactly at η* = 0 the lower branch of s̃ runs into s
        CriticalSet p0 = CriticalPoints.find(fam.at(0), CriticalPoints.Options.box(2, 5, 21));
        ConnectionGraph g0 = MorseSmale.graph(fam.at(0), p0, o.graph());
        assertTrue(g0.hasSaddleConnection());
        assertFalse(MorseSmale.check(fam.at(0), g0, 5).morseSmale());
        assertTrue(MorseSmale.check(fam.at(-0.5), before, 5).morseSmale());
    }

    private static String upperSaddle(CriticalSet p) {
        return p.get(p.indexOf("a")).x(1) > 0 ? "a" : "b";
    }

    @Test
    void metricBendsTheBranch() {
        for (boolean euclid : new boolean[]{false, true}) {
            GradientSystem s = new MetricFlipFamily(euclid).at(-0.5);
            CriticalSet p = CriticalPoints.find(s, CriticalPoints.Options.box(2, 5, 21));
            int k = p.get(p.indexOf("a")).x(1) > 0 ? p.indexOf("a") : p.indexOf("b");
            double[] eu = p.get(k).unstableDirection();
            if (eu[1] > 0) { eu[0] = -eu[0]; eu[1] = -eu[1]; }
            assertArrayEquals(euclid ? new double[]{0.101914, -0.994793} : new double[]{0.189459, -0.981889}, eu, 1e-5);
            ConnectionGraph.Branch b = MorseSmale.branch(s, p, k, true, p.get(k).unstableDirection()[1] < 0 ? 1 : -1,
                    MorseSmale.Options.paper(7.5));
            double cross = Double.NaN;
            double[][] path = b.orbit().path();
            for (int i = 1; i < path.length; i++)
                if (path[i - 1][1] > -0.5 && path[i][1] <= -0.5) {
                    double w = (-0.5 - path[i - 1][1]) / (path[i][1] - path[i - 1][1]);
                    cross = path[i - 1][0] + w * (path[i][0] - path[i - 1][0]);
                    break;
                }
            assertEquals(euclid ? 0.324564 : 0.403887, cross, 1e-4);
        }
    }

    @Test
    void graphIsInvariantUnderSmallPerturbationAndSmaleFailsOnlyAtTheFlip() {
        MetricFlipFamily fam = new MetricFlipFamily();
        CriticalPoints.Options box = CriticalPoints.Options.box(2, 5, 21);
        MorseSmale.Options o = MorseSmale.Options.paper(7.5);
        for (double eta : new double[]{-0.5, 0.5}) {
            ConnectionGraph a = MorseSmale.graph(fam.at(eta), CriticalPoints.find(fam.at(eta), box), o);
            ConnectionGraph b = MorseSmale.graph(fam.at(eta + 1e-3), CriticalPoints.find(fam.at(eta + 1e-3), box), o);
            assertEquals(a.edgeStrings(), b.edgeStrings());
            assertTrue(a.acyclic());
            assertTrue(a.indexDecreasing());
        }
        for (double eta : new double[]{-1e-4, 1e-4}) {
            ConnectionGraph g = MorseSmale.graph(fam.at(eta), CriticalPoints.find(fam.at(eta), box), o);
            assertFalse(g.hasSaddleConnection(), "eta " + eta);
        }
        ConnectionGraph at = MorseSmale.graph(fam.at(0), CriticalPoints.find(fam.at(0), box), o);
        assertTrue(at.hasSaddleConnection());
        assertFalse(at.indexDecreasing());
        assertTrue(at.acyclic());
    }

    @Test
    void brentFindsARootAndRejectsABadBracket() {
        assertEquals(Math.sqrt(2), Families.brent(x -> x * x - 2, 0, 2, 1e-14), 1e-13);
        assertNull(Families.brent(x -> x * x + 1, 0, 2, 1e-12));
    }
}
