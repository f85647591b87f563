package org.hopscape.papers.waddington;

import org.hopscape.analysis.Sweep;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SaddleProportionsTest {

    @Test
    void oneSaddleInTheMiddleTwoAtLowN() {
        assumeTrue(Set200.available(), "the authors' 200-set is not on the data path");
        SaddleProportions.Options o = SaddleProportions.Options.quick(42, Sweep.Options.inMemory())
                .withSaddleGrid(new double[] {750}, new double[] {5, 20});
        SaddleProportions.Saddles s = SaddleProportions.saddles(o);
        // spec §6 Fig 7 checks: T = 750: shared saddle (< 0.01 apart) at n = 20, two saddles (> 0.5 apart) at n = 5
        assertTrue(s.gap(20, 750) < 0.01, "gap at n=20: " + s.gap(20, 750));
        assertTrue(s.gap(5, 750) > 0.5, "gap at n=5: " + s.gap(5, 750));
        // prototype reference: ᾱ_1 = 0.368 / 0.364 at n = 20, 1.080 / −0.258 at n = 5
        assertEquals(0.366, s.alphaBar(1, 20, 750, 1), 0.03);
        assertEquals(1.080, s.alphaBar(1, 5, 750, 1), 0.03);
        assertEquals(-0.258, s.alphaBar(1, 5, 750, 7), 0.05);
    }

    @Test
    void populationInitialStateIsIdenticalMemoriesWithShiftedLabels() {
        assumeTrue(Set200.available(), "the authors' 200-set is not on the data path");
        SaddleProportions.Options o = SaddleProportions.Options.quick(42, Sweep.Options.inMemory());
        var c = SaddleProportions.initialPopulation(o, 7, 5, 550, 3);
        double[] mean = Set200.mean(7);
        for (int mu = 0; mu < c.memoryCount(); mu += 33) {
            for (int i = 0; i < mean.length; i++) assertEquals(0.8 * mean[i], c.memory(mu)[i], 1e-15);
            assertEquals(0.57, c.label(mu, 7), 0.05);
            assertEquals(-0.63, c.label(mu, 1), 0.05);
        }
    }

    @Test
    void badOptionsNameTheParameter() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> SaddleProportions.Options.quick(1, null).withDigits(1));
        assertTrue(e.getMessage().startsWith("digits"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SaddleProportions.Options.quick(1, null).withDigits(1, 4, 9));
        assertTrue(e.getMessage().startsWith("initialDigits"), e.getMessage());
    }
}
