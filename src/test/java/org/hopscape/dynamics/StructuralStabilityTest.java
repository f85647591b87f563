package org.hopscape.dynamics;

import org.hopscape.dynamics.examples.ModernHopfieldEnergy;
import org.hopscape.util.Rng;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class StructuralStabilityTest {

    @Test
    void proposition26SingularWeightsWithoutLeakAreDegenerate() {
        CriticalPoint p = StructuralStability.hopfieldOrigin(new double[]{1, -1, -1, 1}, 0);
        assertFalse(p.hyperbolic());
        assertEquals(0, p.hessianEigenvalues()[1], 1e-15);
        assertTrue(StructuralStability.hopfieldOrigin(new double[]{1, -1, -1, 1}, 0.85).hyperbolic());
    }

    @Test
    void remark27FlooringDistanceIsExact() {
        SplittableRandom r = Rng.of(5);
        int n = 5;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) { double v = r.nextGaussian(); a[i * n + j] = v; a[j * n + i] = v; }
        StructuralStability.Flooring f = StructuralStability.floorEigenvalues(a, n, 0.1);
        assertEquals(f.predicted(), f.distance(), 1e-12);
        assertTrue(f.predicted() > 0);
        assertEquals(0.1, Linear.symmetricEigenvalues(n, f.floored())[0], 1e-12);
        assertEquals(0.1, f.minEigenvalue(), 1e-15);
    }

    @Test
    void softmaxJacobianHasRankMMinusOne() {
        SplittableRandom r = Rng.of(9);
        for (int m : new int[]{3, 5}) {
            double[] p = new double[m];
            double s = 0;
            for (int i = 0; i < m; i++) { p[i] = 0.1 + r.nextDouble(); s += p[i]; }
            for (int i = 0; i < m; i++) p[i] /= s;
            assertEquals(m - 1, StructuralStability.softmaxJacobianRank(p));
        }
    }

    @Test
    void twoPatternsInTheFlowAreMorseAlthoughDIsSingular() {
        ModernHopfieldEnergy e = new ModernHopfieldEnergy(new double[][]{{1, 0}, {0, 1}}, 5);
        CriticalSet s = CriticalPoints.find(e, CriticalPoints.Options.box(2, 2, 21));
        assertEquals("2,1,0", s.signature());
        CriticalPoint a = s.get(s.indexOf("A")), sad = s.get(s.indexOf("a"));
        assertArrayEquals(new double[]{0.007188, 0.992812}, a.position(), 1e-6);
        assertArrayEquals(new double[]{0.928636, 1}, a.hessianEigenvalues(), 1e-6);
        StructuralStability.ModernCriterion c = StructuralStability.modernHopfield(e, a.position());
        assertArrayEquals(new double[]{0, 0.071364}, c.updateEigenvalues(), 1e-6);
        assertEquals(1, c.updateRank());
        assertArrayEquals(new double[]{0.5, 0.5}, sad.position(), 1e-12);
        assertArrayEquals(new double[]{-1.5, 1}, sad.hessianEigenvalues(), 1e-9);
        assertTrue(s.morse());
    }
}
