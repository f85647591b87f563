package org.hopscape.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class HyperbolicityTest {

    @Test
    void limitDistanceIsTheGapOfTheLowerEdge() {
        assertEquals(1 / 0.15 - 2 / Math.sqrt(0.15), Hyperbolicity.limitDistance(0.15), 1e-15);
        assertEquals(1.503, Hyperbolicity.limitDistance(0.15), 1e-3);
        assertEquals(0.528, Hyperbolicity.limitDistance(0.20), 1e-3);
        assertEquals(0, Hyperbolicity.limitDistance(0.25), 1e-15);
        assertEquals(0, Hyperbolicity.limitDistance(2));
        assertEquals(new MarchenkoPastur(0.1).lowerEdge() - 1, Hyperbolicity.limitDistance(0.1), 1e-12);
        assertEquals(0.2, Hyperbolicity.distanceFromOne(new double[] {0.5, 1.2, 3}), 1e-15);
    }

    @Test
    void phaseBoundaryAtOneQuarter() {
        var o = new Hyperbolicity.Options(new int[] {400}, new double[] {0.15, 0.22, 0.25, 0.28, 0.30},
                new int[] {60}, new int[] {20}, 2);
        var res = Hyperbolicity.run(o, 42);
        assertEquals(1, res.at(400, 0.15).gapProbability());
        assertTrue(res.at(400, 0.22).gapProbability() >= 0.97);
        double critical = res.at(400, 0.25).gapProbability();
        assertTrue(critical >= 0.65 && critical <= 0.97, "P(G) at α = 1/4: " + critical);
        assertTrue(res.at(400, 0.28).gapProbability() <= 0.05);
        assertTrue(res.at(400, 0.30).gapProbability() <= 0.05);
        // distance: +8 % above the limit at N_v = 400 (spec 003 §5.5)
        var p = res.at(400, 0.15);
        assertEquals(p.limitDistance(), p.meanDistance(), 0.15 * p.limitDistance());
        assertTrue(p.meanDistance() > p.limitDistance());
        assertTrue(res.at(400, 0.30).meanDistance() < 0.03);
        assertEquals(5, res.toTable().rowCount());
        assertEquals(1, res.minGapProbability(0, 0.22));
        assertEquals(critical, res.maxGapProbability(0.25, 0.27));
        assertEquals(res.at(400, 0.30).meanDistance(), res.maxMeanDistance(400, 0.29));
    }

    @Test
    void gapOnlyRunNeedsNoDistanceDrawsAndGivesTheSameGapProbabilities() {
        double[] loads = {0.2, 0.25, 0.3};
        var gapOnly = Hyperbolicity.run(Hyperbolicity.Options.gapOnly(new int[] {100}, loads, 30).withThreads(2), 9);
        var both = Hyperbolicity.run(new Hyperbolicity.Options(new int[] {100}, loads, new int[] {30}, new int[] {30}, 2), 9);
        for (double a : loads) {
            // same draws: Cholesky of G − 1 and λ_min > 1 agree draw by draw
            assertEquals(both.at(100, a).gapProbability(), gapOnly.at(100, a).gapProbability(), 0, "alpha " + a);
            assertEquals(0, gapOnly.at(100, a).distanceDraws());
            assertTrue(Double.isNaN(gapOnly.at(100, a).meanDistance()));
        }
    }

    @Test
    void resultsDoNotDependOnThreads() {
        var o = new Hyperbolicity.Options(new int[] {80, 120}, new double[] {0.2, 0.25, 0.3}, new int[] {12, 10},
                new int[] {5, 4}, 1);
        var one = Hyperbolicity.run(o, 3);
        var two = Hyperbolicity.run(o.withThreads(2), 3);
        for (int k = 0; k < one.points().size(); k++) {
            assertEquals(one.points().get(k).gapProbability(), two.points().get(k).gapProbability(), 0);
            assertEquals(one.points().get(k).meanDistance(), two.points().get(k).meanDistance(), 0);
        }
        assertEquals(one.at(120, 0.3).meanDistance() < one.at(80, 0.3).meanDistance(), one.distanceDecreasesWithSize(0.3));
    }

    @Test
    void aCellGivesTheSameNumbersInEverySweepContainingIt() {
        // issue 14: streams keyed on (seed, N_v, α, draw), not on the cell's index in the visibles × loads arrays
        var a = Hyperbolicity.run(new Hyperbolicity.Options(new int[] {80, 120}, new double[] {0.2, 0.25, 0.3},
                new int[] {12, 10}, new int[] {5, 4}, 2), 3);
        var b = Hyperbolicity.run(new Hyperbolicity.Options(new int[] {120, 160}, new double[] {0.1, 0.3},
                new int[] {10, 6}, new int[] {4, 3}, 1), 3);
        var p = a.at(120, 0.3);
        var q = b.at(120, 0.3);
        assertEquals(p.gapProbability(), q.gapProbability(), 0);
        assertEquals(p.meanDistance(), q.meanDistance(), 0);
        assertEquals(p.sdDistance(), q.sdDistance(), 0);
        assertNotEquals(p.meanDistance(), a.at(120, 0.25).meanDistance());
        var other = Hyperbolicity.run(new Hyperbolicity.Options(new int[] {120}, new double[] {0.3}, new int[] {10},
                new int[] {4}, 1), 4);
        assertNotEquals(p.meanDistance(), other.at(120, 0.3).meanDistance(), "another seed, other draws");
    }

    @Test
    void badInputNamesTheParameter() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Hyperbolicity.Options(new int[] {100}, new double[] {0.2}, new int[] {5}, new int[] {6}, 1));
        assertTrue(e.getMessage().contains("distanceDraws[0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Hyperbolicity.Options(new int[] {100, 200}, new double[] {0.2}, new int[] {5}, new int[] {1}, 1));
        assertTrue(e.getMessage().contains("gapDraws.length"), e.getMessage());
    }
}
