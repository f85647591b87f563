package org.hopscape.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SampleBasisTest {
    @Test
    void recoversTheCoefficientsOfACombination() {
        double[][] x = FewMemoryTrainingTest.toySamples();
        SampleBasis b = new SampleBasis(x);
        double[] m = new double[50];
        double[] c = {0.3, -0.45, 0.8};
        for (int s = 0; s < 3; s++) for (int i = 0; i < 50; i++) m[i] += c[s] * x[s][i];
        assertArrayEquals(c, b.coefficients(m), 1e-12);
    }

    @Test
    void linearlyDependentSamplesAreRejected() {
        double[][] x = FewMemoryTrainingTest.toySamples();
        double[][] y = {x[0], x[1], x[0]};
        var e = assertThrows(IllegalArgumentException.class, () -> new SampleBasis(y));
        assertTrue(e.getMessage().contains("linearly dependent"), e.getMessage());
    }
}
