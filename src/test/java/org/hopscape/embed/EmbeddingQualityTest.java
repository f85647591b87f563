package org.hopscape.embed;

import org.hopscape.util.Rng;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class EmbeddingQualityTest {
    @Test
    void separatedClustersAgreeAndShuffledLabelsDoNot() {
        SplittableRandom r = Rng.of(1);
        int n = 300;
        double[][] x = new double[n][2];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            x[i][0] = 10 * labels[i] + r.nextGaussian();
            x[i][1] = r.nextGaussian();
        }
        assertEquals(1.0, EmbeddingQuality.knnLabelAgreement(x, labels, 10), 1e-12);
        int[] shuffled = labels.clone();
        for (int i = n - 1; i > 0; i--) { int j = r.nextInt(i + 1); int t = shuffled[i]; shuffled[i] = shuffled[j]; shuffled[j] = t; }
        double chance = EmbeddingQuality.knnLabelAgreement(x, shuffled, 10);
        assertTrue(chance > 0.15 && chance < 0.55, "about 1/3 by chance, got " + chance);
        assertTrue(EmbeddingQuality.allFinite(x));
        x[5][1] = Double.NaN;
        assertFalse(EmbeddingQuality.allFinite(x));
        var e = assertThrows(IllegalArgumentException.class, () -> EmbeddingQuality.knnLabelAgreement(x, labels, 10));
        assertTrue(e.getMessage().contains("embedding[5][1]"), e.getMessage());
    }
}
