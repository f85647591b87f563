package org.hopscape.analysis;

import org.hopscape.hopfield.GeneralizedHopfield;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class CoarseGrainingTest {
    static final double EXACT = 1e-12;

    static double[] polar(double deg, double r) {
        return new double[] {r * Math.cos(Math.toRadians(deg)), r * Math.sin(Math.toRadians(deg))};
    }

    @Test
    void identicalRowsLeaveDynamicsUnchanged() {
        double[] a = {0.6, 0.8, 0}, b = {0, 0.6, 0.8};
        double[][] xi = {a, b, a.clone(), a.clone()};
        double[] w = {0.3, -0.2, 0.5, -1};
        CoarseGraining.Result cg = CoarseGraining.coarseGrain(xi, w, 0, 2, 3);
        GeneralizedHopfield orig = GeneralizedHopfield.symmetric(xi, w, 4), coarse = cg.model(4);
        SplittableRandom r = new SplittableRandom(5);
        for (int t = 0; t < 20; t++) {
            double[] x = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            double[] f1 = orig.velocity(x), f2 = coarse.velocity(x);
            for (int j = 0; j < 3; j++) assertEquals(f1[j], f2[j], EXACT);
            assertEquals(orig.energy(x), coarse.energy(x), EXACT);
        }
    }

    @Test
    void disjointCoarseGrainingsCompose() {
        // L1 then L2 then {L1*, L2*} equals L1 ∪ L2 at once (002 §Coarse-graining, first observation)
        SplittableRandom r = new SplittableRandom(9);
        double[][] xi = new double[6][4];
        for (double[] row : xi) for (int j = 0; j < 4; j++) row[j] = r.nextGaussian();
        double[] w = {0.1, 0.7, -0.3, 0.2, 0.0, -0.5};
        CoarseGraining.Result once = CoarseGraining.coarseGrain(xi, w, 0, 1, 3, 4);
        CoarseGraining.Result s1 = CoarseGraining.coarseGrain(xi, w, 0, 1);          // rows: 2,3,4,5,L1*
        CoarseGraining.Result s2 = CoarseGraining.coarseGrain(s1.memories(), s1.weights(), 1, 2); // rows: 2,5,L1*,L2*
        CoarseGraining.Result s3 = CoarseGraining.coarseGrain(s2.memories(), s2.weights(), 2, 3);
        assertArrayEquals(once.progenitor(), s3.progenitor(), EXACT);
        assertEquals(once.progenitorWeight(), s3.progenitorWeight(), EXACT);
        double[] x = {0.2, -0.1, 0.4, 0.3};
        assertArrayEquals(once.model(2.5).velocity(x), s3.model(2.5).velocity(x), EXACT);
    }

    @Test
    void coarseGrainingIsAccurateBelowBetaCritOnly() {
        // spec 002 Fig 1: coarse (cos15°, 0), w* = log 2 vs the original pair
        double c = Math.cos(Math.toRadians(15)), s = Math.sin(Math.toRadians(15));
        double[][] xi = {{c, s}, {c, -s}, {-1, 0}};
        CoarseGraining.Result cg = CoarseGraining.coarseGrain(xi, new double[3], 0, 1);
        assertArrayEquals(new double[] {c, 0}, cg.progenitor(), EXACT);
        assertEquals(Math.log(2), cg.progenitorWeight(), EXACT);
        for (double beta : new double[] {5, 10}) {
            var a = GeneralizedHopfield.symmetric(xi, new double[3], beta).stableFixedPoints2d().get(0).point();
            var b = cg.model(beta).stableFixedPoints2d().get(0).point();
            assertEquals(0, dist(a, b), 1e-3, "beta " + beta);
        }
        List<GeneralizedHopfield.FixedPoint> coarse30 = cg.model(30).stableFixedPoints2d();
        assertEquals(1, coarse30.stream().filter(p -> p.point()[0] > 0).count());
    }

    @Test
    void arbitraryMagnitudeRuleMatchesAppendixFigure1() {
        double[][] xi = {polar(40, 1.0), polar(50, 0.8), polar(60, 1.2), polar(200, 0.9), polar(215, 1.1), polar(230, 1.0)};
        double[] w = new double[6];
        CoarseGraining.Result a = CoarseGraining.coarseGrainMagnitudes(xi, w, 3, 0, 1, 2);
        CoarseGraining.Result ab = CoarseGraining.coarseGrainMagnitudes(a.memories(), a.weights(), 3, 0, 1, 2);
        double[] pa = ab.memories()[0], pb = ab.memories()[1];
        assertArrayEquals(new double[] {0.635, 0.852}, pa, 1e-3);
        assertArrayEquals(new double[] {-0.804, -0.597}, pb, 1e-3);
        assertEquals(0.989, ab.weights()[0], 1e-3);
        assertEquals(1.069, ab.weights()[1], 1e-3);
        var orig = GeneralizedHopfield.symmetric(xi, w, 3).stableFixedPoints2d();
        var coarse = ab.model(3).stableFixedPoints2d();
        assertEquals(2, orig.size());
        assertEquals(2, coarse.size());
        for (int i = 0; i < 2; i++) assertTrue(dist(orig.get(i).point(), coarse.get(i).point()) < 0.02);
        assertArrayEquals(new double[] {0.629, 0.858}, orig.get(0).point(), 1e-3);
        // the equal-magnitude rule misses by more than 0.05
        CoarseGraining.Result e = CoarseGraining.coarseGrain(xi, w, 0, 1, 2);
        CoarseGraining.Result ee = CoarseGraining.coarseGrain(e.memories(), e.weights(), 0, 1, 2);
        var eq = ee.model(3).stableFixedPoints2d();
        assertTrue(dist(eq.get(0).point(), orig.get(0).point()) > 0.05);
    }

    @Test
    void betaCritFormulaAndNumericBifurcationAgree() {
        assertEquals(14.928, CoarseGraining.betaCritEquiangular(2, Math.toRadians(30)), 1e-3);
        for (int k : new int[] {2, 3, 4}) {
            double mu = Math.toRadians(30);
            double exact = CoarseGraining.betaCritEquiangular(k, mu);
            double num = CoarseGraining.betaCritNumeric(CoarseGraining.equiangularPatterns(k, mu), 0.5 * exact, 2 * exact, 1e-5);
            assertEquals(exact, num, 1e-3 * exact, "K=" + k);
        }
        double mu = Math.toRadians(20);
        assertEquals(1, 2 * 5 / (mu * mu) / CoarseGraining.betaCritEquiangular(5, mu), 0.05);
    }

    @Test
    void separatrixOffsetMatchesMiddleRootAppendixFigure2() {
        double[] x1 = polar(135, 1), x2 = polar(45, 1);
        double[][] xi = {x1, x2};
        double[] w1s = {0.25, 0.5, 1, 2, 3};
        double[] numeric = {0.0354, 0.0708, 0.1422, 0.2901, 0.4597};
        double[] paper = {0.0253, 0.0505, 0.1010, 0.2020, 0.3030};
        for (int i = 0; i < w1s.length; i++) {
            double exact = CoarseGraining.separatrixOffsetExact(w1s[i], Math.PI / 2, 7);
            assertEquals(numeric[i], exact, 1e-4);
            assertEquals(paper[i], CoarseGraining.separatrixOffsetPaper(w1s[i], Math.PI / 2, 7), 1e-4);
            double num = SeparatrixScan.twoPatternOffset(xi, w1s[i], 7);
            assertEquals(exact, num, 1e-3, "w1 " + w1s[i]);
        }
        // μ = 60° (a = 3.5): the basin of Ξ₂ vanishes for w₁ ≥ 1
        assertTrue(Double.isNaN(CoarseGraining.separatrixOffsetExact(1, Math.PI / 3, 7)));
    }

    @Test
    void progenitorScanOfAnyLabellingIsTheSame() {
        // 002 appendix Fig 3's geometry with the patterns relabelled (third first, the pair last and swapped) and the
        // weights following them: the scan must not depend on the order of the patterns
        double[][] xi = {SeparatrixScan.unit(150), SeparatrixScan.unit(30), SeparatrixScan.unit(60)};
        double[] w1s = {-2, 0, 1, 3};
        double[] expected = {0.113, 0.173, 0.229, 0.487}; // spec 002 §3 appendix Fig 3 (β = 7)
        SeparatrixScan.ProgenitorScan scan = SeparatrixScan.progenitorScan(xi, 2, 1, 0, w1s, w1 -> new double[] {0, 1, w1}, 7);
        for (int i = 0; i < w1s.length; i++) {
            assertEquals(expected[i], scan.numeric()[i], 2e-3, "w1 " + w1s[i]);
            assertEquals(1, scan.stableNearPair()[i]);
        }
        assertTrue(scan.monotone());
    }

    @Test
    void progenitorBasinOfASymmetricPairFollowsTheThirdPatternsWeight() {
        // pair at ±20° around the x axis, third at 180°, w = (0, 0, w₃): raising w₃ moves the boundary towards the
        // progenitor (offset falls) and w₃ = log 2 = w* balances the coarse model (paper estimate 0)
        double[][] xi = {SeparatrixScan.unit(20), SeparatrixScan.unit(-20), SeparatrixScan.unit(180)};
        double[] w3 = {-1, Math.log(2), 1};
        SeparatrixScan.ProgenitorScan scan = SeparatrixScan.progenitorScan(xi, 0, 1, 2, w3, w -> new double[] {0, 0, w}, 7);
        assertTrue(scan.numeric()[0] > scan.numeric()[1] && scan.numeric()[1] > scan.numeric()[2], Arrays.toString(scan.numeric()));
        assertEquals(0, scan.paper()[1], 1e-12);
        // the progenitor of a symmetric pair lies on the x axis
        for (double[] p : scan.progenitor()) assertEquals(0, p[1], 1e-6);
        // with equal weights of the pair and w₃ = w*, the only asymmetry left is the pair's angle: Ξ* is shorter than
        // Ξ₃, so the third pattern's basin is the larger one (the boundary sits on the progenitor's side: offset < 0)
        assertTrue(scan.numeric()[1] < 0, "offset " + scan.numeric()[1]);
    }

    @Test
    void betaCritOfAnyClusterMatchesTheClosedForms() {
        // equiangular K = 3 at μ = 60°, w = 0: β_crit = K/(1 − cos μ) = 6 (002 App. E)
        double[][] eq = CoarseGraining.equiangularPatterns(3, Math.PI / 3);
        assertEquals(6, CoarseGraining.betaCrit(eq, new double[3], new int[] {0, 1, 2}, 3, 12, 1e-7), 1e-4);
        // a pair at 40° inside three patterns, the third silenced by a very negative weight: the two-pattern pitchfork
        // β = 2/(1 − cos 40°)
        double[][] xi = {SeparatrixScan.unit(20), SeparatrixScan.unit(-20), SeparatrixScan.unit(180)};
        double expected = 2 / (1 - Math.cos(Math.toRadians(40)));
        assertEquals(expected, CoarseGraining.betaCrit(xi, new double[] {0, 0, -60}, new int[] {0, 1}, 0.5 * expected,
                2 * expected, 1e-7), 1e-4 * expected);
        // unequal weights inside the pair make the pitchfork imperfect: the favoured branch never destabilises
        var imperfect = assertThrows(IllegalArgumentException.class, () -> CoarseGraining.betaCrit(xi,
                new double[] {0.5, 0, -60}, new int[] {0, 1}, 0.5 * expected, 4 * expected, 1e-7));
        assertTrue(imperfect.getMessage().contains("still stable"), imperfect.getMessage());
        var e = assertThrows(IllegalArgumentException.class,
                () -> CoarseGraining.betaCrit(eq, new double[3], new int[] {0, 1, 2}, 7, 12, 1e-6));
        assertTrue(e.getMessage().contains("lo"), e.getMessage());
    }

    @Test
    void progenitorScanRejectsBadIndices() {
        double[][] xi = {SeparatrixScan.unit(60), SeparatrixScan.unit(30), SeparatrixScan.unit(150)};
        var e = assertThrows(IllegalArgumentException.class,
                () -> SeparatrixScan.progenitorScan(xi, 0, 0, 2, new double[] {0}, w -> new double[3], 7));
        assertTrue(e.getMessage().contains("three different"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SeparatrixScan.progenitorScan(xi, 0, 1, 2, new double[] {0}, w -> new double[2], 7));
        assertTrue(e.getMessage().contains("weights"), e.getMessage());
    }

    @Test
    void badSubsetIsRejected() {
        double[][] xi = {{1, 0}, {0, 1}};
        var e = assertThrows(IllegalArgumentException.class, () -> CoarseGraining.coarseGrain(xi, new double[2], 0, 0));
        assertTrue(e.getMessage().contains("twice"));
        e = assertThrows(IllegalArgumentException.class, () -> CoarseGraining.coarseGrain(xi, new double[2], 2));
        assertTrue(e.getMessage().contains("subset index"));
    }

    static double dist(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s);
    }
}
