package org.hopscape.dynamics;

import org.hopscape.dynamics.examples.ContinuousHopfield;
import org.hopscape.dynamics.examples.Glyphs;
import org.hopscape.util.Progress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class HebbianPgdTest {
    private static final double[][] FIG6 = {{-1, 1}, {1, -1}};

    @Test
    void figure6ConvergesToHebbAndCreatesMemoriesByAPitchfork() {
        HebbianPgd.Result r = HebbianPgd.run(FIG6, HebbianPgd.figure6Init(), HebbianPgd.Options.figure6(), Progress.NONE);
        assertEquals(152, r.iterations());
        assertEquals(2, r.radius(), 1e-15);
        assertArrayEquals(new double[]{1, -1, -1, 1}, r.last(), 5e-12);
        assertTrue(r.limitError() < 1e-8);
        CriticalPoints.Options box = CriticalPoints.Options.box(2, 3, 21);
        CriticalSet fin = CriticalPoints.find(new ContinuousHopfield(r.last(), 0.85), box);
        assertEquals("2,1,0", fin.signature());
        CriticalPoint a = fin.get(fin.indexOf("A")), s = fin.get(fin.indexOf("a"));
        assertArrayEquals(new double[]{-2.306729, 2.306729}, a.position(), 1e-6);
        assertEquals(-0.837655, new ContinuousHopfield(r.last(), 0.85).energy(a.position()), 1e-6);
        assertArrayEquals(new double[]{0, 0}, s.position(), 1e-12);
        assertArrayEquals(new double[]{-0.85, 1.15}, s.jacobianEigenvalues(), 1e-9);
        Families.Track t = Families.track(r.family(0.85), Families.grid(0, 10, 0.5),
                Families.Options.of(box, false), Progress.NONE);
        assertEquals(List.of("pitchfork"), t.eventKinds());
        assertEquals(3.939904, t.events().get(0).eta(), 1e-6);
        assertArrayEquals(new double[]{0, 0}, t.events().get(0).position(), 1e-9);
        assertEquals(List.of("1,0,0", "2,1,0"), t.signatureSequence());
    }

    @Test
    void figure10LimitIterationsAndSlices() {
        double[][] xi = Glyphs.patterns();
        HebbianPgd.Result r = HebbianPgd.run(xi, HebbianPgd.figure10Init(36), HebbianPgd.Options.figure10(), Progress.NONE);
        assertEquals(16.579773, r.radius(), 1e-6);
        assertEquals(99.478641, HebbianPgd.frobenius(r.hebbian()), 1e-6);
        assertEquals(4352, r.iterations(), 5);
        assertTrue(r.limitError() < 1e-9, "error " + r.limitError());
        double[] hebb = r.hebbian().clone();
        for (int i = 0; i < hebb.length; i++) hebb[i] /= 6;
        double[] ev = Linear.symmetricEigenvalues(36, hebb);
        assertEquals(10.9468, ev[35], 1e-4);
        assertEquals(8.0, ev[34], 1e-4);
        assertEquals(6.6488, ev[33], 1e-4);
        CriticalPoints.Options box = CriticalPoints.Options.box(2, 13, 41);
        int[][] ks = {{78, 79, 110, 111, 127, 128}, {137, 138, 180, 181, 213, 214}};
        int[][] axes = {{5, 11}, {21, 22}};
        String[] sig = {"1,0,0", "2,1,0", "2,1,0", "2,2,1", "2,2,1", "4,4,1"};
        for (int a = 0; a < 2; a++)
            for (int k = 0; k < 6; k++) {
                ContinuousHopfield slice = new ContinuousHopfield(r.iterates().get(ks[a][k]), 0.125).slice(axes[a][0], axes[a][1]);
                assertEquals(sig[k], CriticalPoints.find(slice, box).signature(), "axes " + a + " k " + ks[a][k]);
            }
        CriticalSet fin = CriticalPoints.find(new ContinuousHopfield(r.last(), 0.125).slice(5, 11), box);
        assertArrayEquals(new double[]{10.6667, 10.6667}, fin.get(fin.sinks() - 1).position(), 1e-3);
        // recall from noisy X and O (u₀ = ξ + 0.8·N(0, I)) with both matrices: (almost) always perfect
        for (double[] w : new double[][]{r.limit(), r.last()})
            for (int m = 0; m < 2; m++)
                assertTrue(new ContinuousHopfield(w, 0.125).recallRate(xi[m], 0.8, 40, 50, 42) >= 0.9);
    }

    @Test
    void badLearningRateNamesTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HebbianPgd.Options(-1, 1e-12, 10, Double.NaN));
        assertTrue(e.getMessage().contains("learningRate"));
    }
}
