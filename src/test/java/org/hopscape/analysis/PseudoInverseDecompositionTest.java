package org.hopscape.analysis;

import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class PseudoInverseDecompositionTest {

    static double[][] basis(int s, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[s][n];
        for (double[] row : x) for (int j = 0; j < n; j++) row[j] = r.nextDouble() < 0.2 ? 1 : -1 + 0.1 * r.nextDouble();
        return x;
    }

    @Test
    void recoversKnownCoefficientsAndAgreesWithTheGramSystem() {
        double[][] x = basis(12, 60, 1);
        int[] cl = {0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3};
        var pid = PseudoInverseDecomposition.of(x, cl);
        double[] truth = new double[12];
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < 12; i++) truth[i] = r.nextGaussian();
        double[] m = new double[60];
        for (int i = 0; i < 12; i++) for (int j = 0; j < 60; j++) m[j] += truth[i] * x[i][j];
        assertArrayEquals(truth, pid.alpha(m), 1e-10);
        assertArrayEquals(m, pid.reconstruct(pid.alpha(m)), 1e-10);
        assertEquals(0.0, pid.reconstructionError(m), 1e-9);
        // a memory outside the span: α equals M Xᵀ (X Xᵀ)⁻¹ (the Gram system) to 1e-8 (spec 000 §3)
        double[] out = new double[60];
        for (int j = 0; j < 60; j++) out[j] = r.nextGaussian();
        SimpleMatrix xm = new SimpleMatrix(x);
        SimpleMatrix gram = xm.mult(xm.transpose());
        SimpleMatrix rhs = xm.mult(new SimpleMatrix(60, 1, true, out));
        SimpleMatrix alpha = gram.solve(rhs);
        double[] a = pid.alpha(out);
        // the residual is orthogonal to every basis row (least squares)
        double[] res = pid.reconstruct(a);
        for (int i = 0; i < 12; i++) {
            double dot = 0;
            for (int j = 0; j < 60; j++) dot += (out[j] - res[j]) * x[i][j];
            assertEquals(0.0, dot, 1e-9);
        }
        assertTrue(pid.reconstructionError(out) > 1);
        for (int i = 0; i < 12; i++) assertEquals(alpha.get(i), a[i], 1e-8);
        // ᾱ_d = block sums (000 Eq. 2), and the aggregation matrix gives the same
        double[] ab = pid.aggregated(truth, 4);
        assertEquals(truth[3] + truth[4] + truth[5], ab[1], 1e-12);
        double[] p = pid.aggregationMatrix(4);
        for (int d = 0; d < 4; d++) {
            double s = 0;
            for (int j = 0; j < 60; j++) s += m[j] * p[j * 4 + d];
            assertEquals(ab[d], s, 1e-10);
        }
    }

    @Test
    void reconstructionCountFollowsTheLargestCoefficients() {
        double[][] x = basis(10, 80, 3);
        int[] cl = new int[10];
        var pid = PseudoInverseDecomposition.of(x, cl);
        double[] m = new double[80];
        for (int j = 0; j < 80; j++) m[j] = 0.9 * x[4][j] + 0.05 * x[7][j] + 0.001 * x[2][j];
        double[] a = pid.alpha(m);
        assertEquals(4, PseudoInverseDecomposition.argMaxAbs(a));
        assertEquals(0.9, PseudoInverseDecomposition.maxAbs(a), 1e-10);
        // L1 error after the top-1 sample is Σ|0.05 x7 + 0.001 x2|; a tolerance just above it needs exactly 1 sample
        double e1 = 0, e2 = 0;
        for (int j = 0; j < 80; j++) { e1 += Math.abs(0.05 * x[7][j] + 0.001 * x[2][j]); e2 += Math.abs(0.001 * x[2][j]); }
        assertEquals(1, pid.reconstructionCount(m, a, e1 * 1.0001));
        assertEquals(2, pid.reconstructionCount(m, a, e2 * 1.0001));
        assertEquals(3, pid.reconstructionCount(m, a, e2 * 0.5));
        assertEquals(9, pid.reconstructionCount(m, a, 0), "cap at S − 1 when never below tolerance");
        var sum = pid.summarise(new double[][] {m, m});
        assertEquals(0.9, sum.meanMaxAlpha(), 1e-10);
        assertEquals(0.0, sum.sdMaxAlpha(), 1e-12);
        assertEquals(80 * 0.05 * java.util.Arrays.stream(m).map(Math::abs).average().orElseThrow(), sum.tolerance(), 1e-12);
    }

    @Test
    void rejectsBadInput() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PseudoInverseDecomposition.of(basis(5, 4, 1), new int[5]))
                .getMessage().contains("S > N"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PseudoInverseDecomposition.of(basis(3, 10, 1), new int[2]))
                .getMessage().contains("classes.length"));
        var pid = PseudoInverseDecomposition.of(basis(3, 10, 1), new int[3]);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> pid.alpha(new double[9])).getMessage().contains("memory.length"));
    }
}
