package org.hopscape.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SplitsTest {

    @Test
    void greedyClustersJoinTheFirstRepresentativeWithinTolerance() {
        double[][] m = {{0, 0}, {0.1, 0}, {0.5, 0}, {0.55, 0.05}, {0.15, 0.1}};
        assertArrayEquals(new int[] {0, 0, 1, 1, 0}, Splits.greedyClusters(m, 0.2));
        assertEquals(2, Splits.clusterCount(m, 0.2));
        assertEquals(5, Splits.clusterCount(m, 0.01));
        assertEquals(1, Splits.clusterCount(m, 1));
    }

    @Test
    void learningEpochNeedsASustainedMajority() {
        int[] epochs = {0, 100, 200, 300, 400, 500};
        // digit 0: recognised at 0 only (the epoch-0 artefact), then from 200 on; digit 1 never sustained
        int[][] c = {{20, 0}, {0, 12}, {15, 0}, {11, 12}, {10, 12}, {20, 5}};
        assertArrayEquals(new int[] {200, -1}, Splits.learningEpochs(epochs, c, 10, 200));
        assertArrayEquals(new int[] {0, 100}, Splits.learningEpochs(epochs, c, 10, 0));
    }

    @Test
    void symmetricOrderPutsTheLargestInTheCentre() {
        double[] a = new double[20];
        for (int i = 0; i < 20; i++) a[i] = (i % 2 == 0 ? 1 : -1) * (i + 1);     // |α| = 1…20, alternating signs
        double[] s = Splits.symmetricOrder(a, 20);
        assertEquals(20, Math.abs(s[10]), 0.0);     // rank 0 in the centre
        assertEquals(19, Math.abs(s[9]), 0.0);      // rank 1 left
        assertEquals(18, Math.abs(s[11]), 0.0);     // rank 2 right
        assertEquals(1, Math.abs(s[0]), 0.0);       // rank 19 at the left end
        assertEquals(2, Math.abs(s[19]), 0.0);      // rank 18 at the right end
        double sum = 0, sumS = 0;
        for (int i = 0; i < 20; i++) { sum += a[i]; sumS += s[i]; }
        assertEquals(sum, sumS, 1e-12);             // a permutation
        assertThrows(IllegalArgumentException.class, () -> Splits.symmetricOrder(new double[7], 20));
    }

    @Test
    void groupMeansAndSplitEpochs() {
        double[] flat = {0, 0, 1, 1, 2, 4};       // three memories of 2 pixels
        assertArrayEquals(new double[] {1.5, 2.5}, Splits.groupMean(flat, 2, new int[] {1, 2}), 0.0);
        assertArrayEquals(new int[] {0, 2}, Splits.members(new int[] {0, 1, 0}, 0));
        assertEquals(3.0, Splits.maxPixelDistance(new double[] {1, 2}, new double[] {0, 5}), 0.0);
        assertEquals(30, Splits.firstEpochAbove(new int[] {10, 20, 30}, new double[] {0.1, 0.5, 0.6}, 0.5));
        assertEquals(-1, Splits.firstEpochAbove(new int[] {10}, new double[] {0.1}, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Splits.groupMean(flat, 2, new int[0]));
    }
}
