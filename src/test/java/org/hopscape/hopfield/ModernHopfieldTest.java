package org.hopscape.hopfield;

import org.hopscape.util.Progress;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ModernHopfieldTest {

    @Test
    void discreteUpdateMapsOrderParametersThroughSoftmax() {
        // spec 001 §1(f): m^(Ξᵀσ(βm^(x))) = σ(βm^(x)), also for correlated patterns
        for (double[][] xi : new double[][][]{Patterns.random(10, 100, 1), Patterns.correlated(8, 100, 0.7, 2)}) {
            ModernHopfield net = ModernHopfield.of(xi, 7.5);
            for (double[] x : Patterns.randomStates(3, 100, 3)) {
                double[] expected = net.softmax(net.space().orderParameters(x));
                double[] got = net.space().orderParameters(net.update(x));
                assertArrayEquals(expected, got, 1e-10);
            }
        }
    }

    @Test
    void storedPatternsAreFixedPointsAtLargeBeta() {
        double[][] xi = Patterns.correlated(10, 100, 0.6, 4);
        ModernHopfield net = ModernHopfield.of(xi, ModernHopfield.paperBeta(10));
        for (double[] pattern : xi) {
            assertArrayEquals(pattern, net.update(pattern), 1e-10);
            double[] v = net.velocity(pattern);
            for (double d : v) assertEquals(0, d, 1e-10);
        }
        assertEquals(100 * Math.log(3), ModernHopfield.paperBeta(3), 1e-12);
    }

    @Test
    void lyapunovGradientIsMinusTheOrderParameterVelocity() {
        // ∇Ẽ(m^) = m^ − σ(βm^) (spec 001 §1(e)), by central differences
        ModernHopfield net = ModernHopfield.of(Patterns.random(4, 60, 5), 3.0);
        double[] mh = {0.3, -0.1, 0.25, 0.05};
        double[] s = net.softmax(mh);
        for (int k = 0; k < 4; k++) {
            double[] a = mh.clone(), b = mh.clone();
            a[k] += 1e-6;
            b[k] -= 1e-6;
            assertEquals(mh[k] - s[k], (net.lyapunov(a) - net.lyapunov(b)) / 2e-6, 1e-8);
        }
    }

    @Test
    void fig3aLandscapeMinimaAndSaddle() {
        // spec 001 Fig 3A: β = 10, minima near (1,0),(0,1) with Ẽ ≈ −½, saddle (½,½) with Ẽ = −¼ − ln2/β
        double beta = 10;
        assertEquals(-0.25 - Math.log(2) / beta, ModernHopfield.lyapunov(beta, new double[]{0.5, 0.5}), 1e-12);
        assertEquals(-0.319, ModernHopfield.lyapunov(beta, new double[]{0.5, 0.5}), 5e-4);
        assertEquals(-0.5, ModernHopfield.lyapunov(beta, new double[]{1, 0}), 1e-5);
    }

    @Test
    void continuousFlowDescendsLyapunovAndRetrieves() {
        // spec 001 Figs 3B–F checks on a reduced number of starts
        for (int p : new int[]{3, 10, 50}) {
            ModernHopfield net = ModernHopfield.of(Patterns.random(p, 100, 100 + p), ModernHopfield.paperBeta(p));
            double[][] starts = Patterns.randomStates(20, 100, 7);
            for (double dt : new double[]{0.02, 0.005}) {
                var opts = new ModernHopfield.Flow(dt, 10, 1, false, 2);
                Trajectories t = net.flow(starts, opts, Progress.NONE);
                assertEquals(1.0, t.fractionEnergyMonotone(1e-12), "P=" + p + " dt=" + dt);
                assertEquals(1.0, t.fractionRetrieved(0.99), "P=" + p);
                int last = t.records() - 1;
                for (int r = 0; r < 20; r++) {
                    assertEquals(-0.5, t.quadraticEnergy()[t.row(r, last)], 1e-3);
                    assertTrue(t.quadraticEnergy()[t.row(r, last)] < t.quadraticEnergy()[t.row(r, 0)]);
                }
            }
        }
    }

    @Test
    void flowIsIndependentOfThreads() {
        ModernHopfield net = ModernHopfield.of(Patterns.random(5, 40, 9), 20);
        double[][] starts = Patterns.randomStates(5, 40, 10);
        var o = new ModernHopfield.Flow(0.05, 2, 2, true, 1);
        Trajectories a = net.flow(starts, o, Progress.NONE), b = net.flow(starts, o.withThreads(2), Progress.NONE);
        assertArrayEquals(a.energy(), b.energy());
        for (int i = 0; i < a.states().length; i++) assertArrayEquals(a.states()[i], b.states()[i]);
        assertEquals(21, a.records());
    }

    @Test
    void badInputNamesTheParameter() {
        double[][] xi = Patterns.random(3, 20, 1);
        for (double beta : new double[]{Double.NaN, Double.POSITIVE_INFINITY, 0, -1})
            assertTrue(assertThrows(IllegalArgumentException.class, () -> ModernHopfield.of(xi, beta))
                    .getMessage().contains("beta"));
        ModernHopfield net = ModernHopfield.of(xi, 2);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> net.update(new double[21]))
                .getMessage().contains("x.length = 21"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> net.softmax(new double[2]))
                .getMessage().contains("m.length"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ModernHopfield.Flow(0, 1, 1, false, 1))
                .getMessage().contains("dt"));
    }
}
