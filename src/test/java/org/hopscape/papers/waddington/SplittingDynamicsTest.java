package org.hopscape.papers.waddington;

import org.hopscape.analysis.TwoMemorySystem;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SplittingDynamicsTest {

    @Test
    void fullTwoMemoryTrainingFollowsTheReducedMapUntilTheSplit() {
        assumeTrue(Set200.available(), "the authors' 200-set (000-boukacem-200set.npy) is not on the data path");
        for (SplittingDynamics.Options o : new SplittingDynamics.Options[] {
                SplittingDynamics.Options.fig5d(), SplittingDynamics.Options.fig5c()}) {
            SplittingDynamics s = SplittingDynamics.fig5(o);
            // spec §6 Fig 5: the two rows have Gram values 753.22, 494.02, 719.70
            assertEquals(753.2249, s.gram()[0], 1e-3);
            assertEquals(494.0239, s.gram()[1], 1e-3);
            assertEquals(719.7008, s.gram()[2], 1e-3);
            // spec §7.5: |Δα|, |Δℓ| < 1e−3 at epochs 250, 500, 1000
            for (int e : new int[] {250, 500, 1000}) assertTrue(s.deviationFromReduced(e) < 1e-3, "n=" + o.n() + " epoch " + e);
            // and the split: |α¹ − α²| > 0.1 by epoch 3500
            assertTrue(s.separation(3500) > 0.1, "split at n=" + o.n());
        }
    }

    @Test
    void prototypeReferenceNumbers() {
        assumeTrue(Set200.available(), "the authors' 200-set (000-boukacem-200set.npy) is not on the data path");
        // spec §7.4: n = 15, η = 0.0004: epoch 1000 α = 0.6517, ℓ = 0.1000; the pair sits at (0.634, 0.074)
        SplittingDynamics d = SplittingDynamics.fig5(SplittingDynamics.Options.fig5d().withEpochs(1400));
        assertEquals(0.6517, d.alpha()[0][1000], 1e-4);
        assertEquals(0.1000, d.ell()[0][1000], 1e-4);
        TwoMemorySystem.FixedPoint right = d.reducedSystem().fixedPoints().stream()
                .max((a, b) -> Double.compare(a.alpha(), b.alpha())).orElseThrow();
        assertEquals(0.6338, right.alpha(), 1e-3); // unrounded Gram: (0.6338, 0.0737)
        assertEquals(0.0737, right.ell(), 1e-3);
        assertEquals(right.alpha(), d.reduced()[1400][0], 2e-3);
        assertEquals(2 * 1401, d.toTable().rowCount());
    }

    @Test
    void badOptionsNameTheParameter() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SplittingDynamics.Options(15, 700, 0.0004, 100, 1, 1, 0.8, 0.5, 1e-8, 10));
        assertTrue(e.getMessage().startsWith("classB"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new SplittingDynamics.Options(15, 700, -1, 100, 1, 4, 0.8, 0.5, 1e-8, 10));
        assertTrue(e.getMessage().startsWith("rate"), e.getMessage());
    }
}
