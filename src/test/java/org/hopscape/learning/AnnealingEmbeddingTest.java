package org.hopscape.learning;

import org.hopscape.data.BloodLineages;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class AnnealingEmbeddingTest {
    static final BloodLineages DATA = BloodLineages.syntheticFallback();

    @Test
    void pcaSeparatesFatesAndStartsInOneRegion() {
        Annealing a = new Annealing(DATA.memories(), Annealing.Options.paper().withDt(0.02));
        double[] w = {-0.27, -0.27, -0.17, -0.05, -0.09, -0.15, -0.15, -0.09, 0.67, 0.29, 0.29};
        Annealing.Run run = a.run(w, 150, 3, new Annealing.Recording(150, 1, 0.5));
        AnnealingEmbedding e = AnnealingEmbedding.pca(run);
        assertEquals(150 * 21, e.coordinates().length);
        assertTrue(e.initialSpreadRatio() < 0.3, "t = 0 spread " + e.initialSpreadRatio());
        assertTrue(e.finalKnnAccuracy(1) > 0.2, "2-D PCA keeps some fate structure: " + e.finalKnnAccuracy(1));
        // the same run gives the same embedding up to rounding: Smile's PCA goes through LAPACK, and some OpenBLAS
        // kernels (Prescott: 2 ulps in the BLAS audit of issue 14) round by the address of the data, so two calls need
        // not agree to the last bit
        AnnealingEmbedding again = AnnealingEmbedding.pca(run);
        double scale = java.util.Arrays.stream(e.coordinates()).flatMapToDouble(java.util.Arrays::stream).map(Math::abs).max().orElseThrow();
        for (int i = 0; i < e.coordinates().length; i++) assertArrayEquals(e.coordinates()[i], again.coordinates()[i], 1e-12 * scale);
        assertEquals(run.fractions()[0], run.fractionsTable(BloodLineages.SHORT, "t").doubleColumn("fraction").get(0), 0.0);
    }

    @Test
    void boostRules() {
        double[] w = {-0.5, 0.5};
        assertEquals(-0.5 + Math.log(1.2), Annealing.boost(w, 0, Annealing.Boost.ADD_LOG, 0.2)[0], 1e-15);
        assertEquals(-0.6, Annealing.boost(w, 0, Annealing.Boost.MULTIPLY, 0.2)[0], 1e-15);
        assertEquals(-0.3, Annealing.boost(w, 0, Annealing.Boost.ADD, 0.2)[0], 1e-15);
        assertEquals(0.5, Annealing.boost(w, 0, Annealing.Boost.ADD, 0.2)[1], 0.0);
    }
}
