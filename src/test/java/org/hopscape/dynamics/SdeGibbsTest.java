package org.hopscape.dynamics;

import org.hopscape.dynamics.examples.DualWell;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SdeGibbsTest {
    private static final DualWell WELL = new DualWell();
    private static final double[] LEFT = {-Math.sqrt(2), 0}, RIGHT = {Math.sqrt(2), 0};

    @Test
    void gibbsMassConcentratesOnBothMinima() {
        double[] eps = {1, 0.5, 0.25, 0.1}, expected = {0.2367, 0.4610, 0.49997, 0.5000};
        for (int k = 0; k < eps.length; k++) {
            Gibbs g = Gibbs.of(WELL, eps[k], -3, 3, -3, 3, 601, false);
            assertEquals(expected[k], g.massNear(RIGHT, 0.5), 2e-3, "eps " + eps[k]);
            assertEquals(g.massNear(LEFT, 0.5), g.massNear(RIGHT, 0.5), 1e-6);
        }
    }

    @Test
    void emPathsEndNearASink() {
        double[][] starts = new double[200][];
        for (int i = 0; i < starts.length; i++) starts[i] = new double[]{0.3, 1.5};
        List<Ode.Orbit> paths = Sde.paths(WELL, starts, new Sde.Options(0.25, 1e-3, 10, 0), 7);
        for (Ode.Orbit p : paths) {
            double d = Math.min(Linear.distance(p.end(), LEFT), Linear.distance(p.end(), RIGHT));
            assertTrue(d < 0.6, "end point " + d + " from a sink");
        }
    }

    @Test
    void stationaryLawIsExpMinusTwoVOverEpsSquared() {
        double[][] samples = Sde.stationarySamples(WELL, new double[2], 400, 1.0, 1e-3, 10, 50, 0.1, 11);
        assertEquals(160_000, samples.length);
        double ours = Gibbs.of(WELL, 1, -3, 3, -3, 3, 601, false).l1ToHistogram(samples, 30);
        double paper = Gibbs.of(WELL, 1, -3, 3, -3, 3, 601, true).l1ToHistogram(samples, 30);
        assertTrue(ours < 0.1, "L1 to exp(-2V/eps^2) = " + ours);
        assertTrue(paper > 0.3, "L1 to exp(-V/eps^2) = " + paper);
    }

    @Test
    void sameSeedSameNumbersOnOneAndTwoThreads() {
        double[][] starts = {{0.3, 1.5}, {-1, -1.2}, {0.1, 0.2}};
        Sde.Options o = new Sde.Options(0.5, 1e-3, 2, 100);
        List<Ode.Orbit> a = Sde.paths(WELL, starts, o, 3);
        List<Ode.Orbit> b = new java.util.concurrent.ForkJoinPool(1).submit(() -> Sde.paths(WELL, starts, o, 3)).join();
        for (int k = 0; k < starts.length; k++) assertArrayEquals(a.get(k).end(), b.get(k).end(), 0.0);
        assertNotEquals(a.get(0).end()[0], Sde.paths(WELL, starts, o, 4).get(0).end()[0]);
    }

    @Test
    void badEpsilonIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gibbs.of(WELL, -1, -3, 3, -3, 3, 101, false));
        assertTrue(e.getMessage().contains("epsilon"));
    }
}
