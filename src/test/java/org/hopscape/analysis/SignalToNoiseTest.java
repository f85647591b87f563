package org.hopscape.analysis;

import org.hopscape.util.Progress;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SignalToNoiseTest {

    @Test
    void predictionClosedForms() {
        // ½ erfc(√(N/(2(P−1)))) → Φ(−1/√α); at α = 0.138, N = 2000: 0.00350 (spec 001 §4)
        assertEquals(0.00350, SignalToNoise.predictedErrorFraction(276, 2000), 2e-5);
        assertEquals(0.0786, SignalToNoise.predictedErrorFraction(1000, 2000), 2e-4);
        assertEquals(Math.sqrt(199.0 * 1999) / 2000, SignalToNoise.predictedNoiseSd(200, 2000), 1e-15);
    }

    @Test
    void crosstalkMatchesGaussianPrediction() {
        // spec 001 §4: relative error of the unstable fraction < 15 % for α ≥ 0.1; the noise s.d. ≈ √(P/N)
        SignalToNoise.Point[] pts = SignalToNoise.crosstalkPoints(new double[]{0.1, 0.2, 0.5}, 2000, 3, 42, 2, Progress.NONE);
        for (SignalToNoise.Point p : pts) {
            assertTrue(Math.abs(p.relativeError()) < 0.15, p.toString());
            assertTrue(Math.abs(p.relativeNoiseError()) < 0.02, p.toString());
            assertEquals(Math.sqrt(p.alpha()), p.noiseSd(), 0.03 * Math.sqrt(p.alpha()));
        }
        assertEquals(3, SignalToNoise.toTable(pts).rowCount());
    }

    @Test
    void retrievalFromStoredPatternsFollowsCapacity() {
        // spec 001 §4: ≥ 0.99 for α ≤ 0.1, ≤ 0.7 for α ≥ 0.16 (N = 2000, 5 starts)
        SignalToNoise.Retrieval[] r = SignalToNoise.retrievalCurve(new double[]{0.1, 0.16}, 2000, 5, 42, 2, Progress.NONE);
        assertTrue(r[0].meanOverlap() >= 0.99, r[0].toString());
        assertEquals(0.998, r[0].rsOverlap(), 1e-3);
        assertTrue(r[1].meanOverlap() <= 0.7, r[1].toString());
        assertEquals(0, r[1].rsOverlap());
    }

    @Test
    void sameSeedSameNumbersOnOneAndTwoThreads() {
        double[] a = {0.1, 0.3};
        var x = SignalToNoise.crosstalkPoints(a, 400, 1, 5, 1, Progress.NONE);
        var y = SignalToNoise.crosstalkPoints(a, 400, 1, 5, 2, Progress.NONE);
        assertArrayEquals(x, y);
    }

    @Test
    void badInputNamesTheParameter() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SignalToNoise.measure(2.0, 100, 1, 1))
                .getMessage().contains("alpha"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SignalToNoise.measure(0.1, 100, 0, 1))
                .getMessage().contains("repeats"));
    }
}
