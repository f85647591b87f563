package org.hopscape.hopfield;

import org.hopscape.dynamics.CriticalPoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Fixed points of the modern network and the onset β of retrieval; zero-temperature sweeps in a given order. */
class FixedPointsAndOrderTest {
    // three linearly independent, non-orthogonal ±1 patterns of 8 neurons
    private static final double[][] XI = {
            {1, 1, 1, 1, -1, -1, -1, -1},
            {1, 1, -1, -1, 1, 1, -1, -1},
            {1, 1, 1, -1, 1, -1, 1, -1}};

    @Test
    void retrievalOnsetIsTheSaddleNodeOfTheSymmetricBranch() {
        assertEquals(2, ModernHopfield.retrievalOnsetBeta(2), 0);
        double b3 = ModernHopfield.retrievalOnsetBeta(3);
        // at the onset β(a) is stationary: β(a ± h) > β(a) (checked through the existence of retrieval points)
        assertNull(ModernHopfield.of(XI, b3 * (1 - 1e-6)).retrievalPoint(0));
        assertNotNull(ModernHopfield.of(XI, b3 * (1 + 1e-6)).retrievalPoint(0));
        // below the onset the only attractor is the uniform mixture m̂ = (1/3, 1/3, 1/3): iterate from a pattern
        ModernHopfield below = ModernHopfield.of(XI, 0.95 * b3);
        double[] m = below.space().orderParameters(below.fixedPoint(XI[0], 100_000, 1e-13));
        for (double v : m) assertEquals(1.0 / 3, v, 1e-6);
        // β grows with P: more patterns need a sharper softmax
        assertTrue(ModernHopfield.retrievalOnsetBeta(4) > b3 && b3 > 2);
    }

    @Test
    void retrievalPointIsTheFixedPointReachedFromThePatternAndASink() {
        ModernHopfield net = ModernHopfield.of(XI, 8);
        for (int mu = 0; mu < 3; mu++) {
            double[] x = net.retrievalPoint(mu), iterated = net.fixedPoint(XI[mu], 10_000, 1e-14);
            assertArrayEquals(iterated, x, 1e-10);
            assertArrayEquals(x, net.update(x), 1e-12);
            double[] mh = net.space().orderParameters(x);
            assertTrue(mh[mu] > 0.9, "retrieval of pattern " + mu + ": m̂ = " + java.util.Arrays.toString(mh));
            assertEquals(1, mh[0] + mh[1] + mh[2], 1e-12);
            CriticalPoint c = CriticalPoint.classify(net.asGradientSystem(), x);
            assertTrue(c.isSink(), "index " + c.morseIndex());
        }
    }

    @Test
    void zeroTemperatureSweepsFollowTheGivenOrder() {
        // one pattern (1, −1): J₀₁ = −½ (antiferromagnetic pair); from (1, 1) the first site visited flips
        ClassicHopfield net = ClassicHopfield.hebbian(new double[][] {{1, -1}});
        assertArrayEquals(new double[] {-1, 1}, net.relax(new double[] {1, 1}, 10, net.sequentialOrder()), 0);
        assertArrayEquals(new double[] {1, -1}, net.relax(new double[] {1, 1}, 10, new int[] {1, 0}), 0);
        var e = assertThrows(IllegalArgumentException.class, () -> net.relax(new double[] {1, 1}, 10, new int[] {0, 0}));
        assertTrue(e.getMessage().contains("permutation"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> net.relax(new double[] {1, 1}, 10, new int[] {0}));
    }

    @Test
    void orderedSweepsReachAFixedPointOfEveryOrder() {
        ClassicHopfield net = ClassicHopfield.hebbian(XI);
        double[] start = {1, -1, 1, 1, 1, -1, -1, 1};
        int[] reversed = {7, 6, 5, 4, 3, 2, 1, 0};
        for (int[] order : new int[][] {net.sequentialOrder(), reversed}) {
            double[] y = net.relax(start, 100, order);
            // a fixed point of Eq. 1: every spin agrees with its local field (or the field is 0)
            assertArrayEquals(y, net.relax(y, 1, order), 0);
        }
    }
}
