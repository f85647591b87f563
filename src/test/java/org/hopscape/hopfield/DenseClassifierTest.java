package org.hopscape.hopfield;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class DenseClassifierTest {

    @Test
    void scoresFollowEquation6() {
        double[][] m = {{1, 0, 0}, {0, 1, 0}};
        double[][] l = {{1, -1}, {-0.5, 0.5}};
        var dc = new DenseClassifier(m, l, 3, 2);
        double[] sigma = {2, 1, 5};
        // u1 = 2/2 = 1, u2 = 1/2; F = u³; h_0 = 1·1 − 0.5·0.125, h_1 = −1 + 0.5·0.125
        double[] c = dc.scores(sigma);
        assertEquals(Math.tanh(1 - 0.0625), c[0], 1e-15);
        assertEquals(Math.tanh(-1 + 0.0625), c[1], 1e-15);
        // a negative projection contributes nothing (rectified polynomial, Eq. 7)
        assertArrayEquals(new double[] {Math.tanh(-0.5 * 0.125), Math.tanh(0.5 * 0.125)}, dc.scores(new double[] {-2, 1, 0}), 1e-15);
        assertArrayEquals(new int[] {0, 1}, dc.predict(new double[][] {sigma, {-2, 1, 0}}));
        double cost = dc.cost(new double[][] {sigma}, new int[] {0}, 2);
        assertEquals(Math.pow(c[0] - 1, 4) + Math.pow(c[1] + 1, 4), cost, 1e-15);
        assertEquals(2.0 / 3, dc.reducedTemperature(), 1e-15);
    }

    @Test
    void recognitionNeedsAnUnsaturatedWinner() {
        // memory 0 drives every output to exactly −1 (|h| = 100 saturates tanh): argmax is class 0 by the tie rule,
        // but the sample is not recognised; memory 1 makes class 0 win for the second sample
        var dc = new DenseClassifier(new double[][] {{1, 0}, {0, 1}}, new double[][] {{-1, -1}, {1, -1}}, 2, 0.1);
        double[][] x = {{1, 0}, {0, 1}};
        assertArrayEquals(new double[] {-1, -1}, dc.scores(x[0]), 0.0);
        assertArrayEquals(new boolean[] {false, true}, dc.recognised(x, new int[] {0, 0}));
        assertEquals(0.5, dc.accuracy(x, new int[] {0, 0}), 0.0);
        assertArrayEquals(new int[] {1, 0}, dc.recognisedPerClass(x, new int[] {0, 0}));
    }

    @Test
    void gaussianStartIsSeededAndNearTheAuthorsMean() {
        var a = DenseClassifier.gaussian(100, 784, 10, 30, 670, 1);
        var b = DenseClassifier.gaussian(100, 784, 10, 30, 670, 1);
        assertArrayEquals(a.flatMemories(), b.flatMemories(), 0.0);
        double mean = 0;
        for (double v : a.flatMemories()) mean += v / (100 * 784);
        assertEquals(-0.003, mean, 1e-6);
        assertEquals(a.memory(3)[5], a.memories()[3][5], 0.0);
        assertEquals(a.label(2, 7), a.labels()[2][7], 0.0);
        assertEquals(670.0 / 784, a.reducedTemperature(), 1e-15);
    }

    @Test
    void rejectsBadInput() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new DenseClassifier(new double[][] {{1}}, new double[][] {{1}}, 0, 1)).getMessage().contains("n must"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new DenseClassifier(new double[][] {{1}}, new double[][] {{1}, {2}}, 2, 1)).getMessage().contains("labels length"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new DenseClassifier(new double[][] {{Double.NaN}}, new double[][] {{1}}, 2, 1)).getMessage().contains("memories[0][0]"));
        var dc = new DenseClassifier(new double[][] {{1, 1}}, new double[][] {{1, -1}}, 2, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> dc.scores(new double[] {1, 2, 3})).getMessage().contains("pixelCount"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> dc.withTemperature(-1)).getMessage().contains("temperature"));
    }
}
