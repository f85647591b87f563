package org.hopscape.hopfield;

import org.hopscape.util.Progress;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ClassicHopfieldTest {

    @Test
    void hebbianEnergyInOrderParameterForm() {
        // spec 001 §1(j): with J_ii = 0, E = −(N/2) Σ m_μ² + P/2
        double[][] xi = Patterns.random(7, 300, 1);
        ClassicHopfield net = ClassicHopfield.hebbian(xi);
        for (double[] x : Patterns.randomStates(4, 300, 2)) {
            double s = 0;
            for (double m : net.magnetizations(x)) s += m * m;
            assertEquals(-150 * s + 3.5, net.energy(x), 1e-9);
        }
        double[][] j = net.couplings();
        assertEquals(0, j[5][5]);
        assertEquals(j[3][8], j[8][3]);
    }

    @Test
    void projectionEnergyInOrderParameterForm() {
        // 001 Eq. 10 (corrected, spec §1(c)): with J = P, E = −(N/2) Σ m_μ m^μ; spec Fig 2A–B check
        double[][] xi = Patterns.random(12, 200, 3);
        ClassicHopfield net = ClassicHopfield.projection(xi, false);
        for (double[] x : Patterns.randomStates(5, 200, 4)) {
            double[] m = net.magnetizations(x), mh = net.orderParameters(x);
            double s = 0;
            for (int mu = 0; mu < 12; mu++) s += m[mu] * mh[mu];
            assertEquals(-100 * s, net.energy(x), 1e-9);
        }
    }

    @Test
    void zeroTemperatureAsynchronousUpdatesNeverRaiseTheEnergy() {
        double[][] xi = Patterns.random(30, 150, 5);
        for (ClassicHopfield net : new ClassicHopfield[]{ClassicHopfield.hebbian(xi),
                ClassicHopfield.projection(xi, true), ClassicHopfield.projection(xi, false)}) {
            var opts = new ClassicHopfield.Glauber(0, 5, 1, true, 1);
            Trajectories t = net.glauber(Patterns.randomStates(3, 150, 6), opts, 7, Progress.NONE);
            assertEquals(1.0, t.fractionEnergyMonotone(1e-12), net.rule().toString());
            // the incrementally tracked energy equals E(x) recomputed from the recorded state
            for (int r = 0; r < 3; r++) {
                int row = t.row(r, t.records() - 1);
                assertEquals(net.energy(t.states()[row]) / 150, t.energy()[row], 1e-12);
            }
            assertTrue(t.energy()[t.row(0, t.records() - 1)] < t.energy()[t.row(0, 0)]);
        }
    }

    @Test
    void heatBathSamplesBoltzmannWeightsWithCorrectedSign() {
        // two spins, J_12 = 1/2: E = −x1x2/2, so Pr(aligned) = 1/(1 + e^{−1/T}) (spec 001 §1(h));
        // the printed rule would give the complement
        ClassicHopfield net = ClassicHopfield.hebbian(new double[][]{{1, 1}});
        double t = 1.0;
        var opts = new ClassicHopfield.Glauber(t, 100_000, 1, false, 1);
        Trajectories tr = net.glauber(new double[][]{{1, -1}}, opts, 11, Progress.NONE);
        int aligned = 0;
        for (double[] m : tr.magnetizations()) if (Math.abs(m[0]) == 1) aligned++;
        assertEquals(1 / (1 + Math.exp(-1 / t)), (double) aligned / tr.magnetizations().length, 0.01);
    }

    @Test
    void fig1dRetrievalFromNoisyStart() {
        // spec 001 Fig 1D: P = 3, N = 200, T = 0.01, 500 runs from one start (ξ_0 with 35 % flips)
        double[][] xi = Patterns.random(3, 200, 42);
        ClassicHopfield net = ClassicHopfield.hebbian(xi);
        double[] x0 = Patterns.flipped(xi[0], 0.35, 43);
        Trajectories t = net.glauber(Patterns.copies(x0, 500), ClassicHopfield.Glauber.fig1d(200), 44, Progress.NONE);
        double[][] mean = t.meanOrderParameters();
        int last = t.records() - 1;
        assertEquals(10.0, t.times()[last], 1e-12);
        assertTrue(mean[0][0] > 0.2 && mean[0][0] < 0.5, "initial m^0 = " + mean[0][0]);
        assertTrue(mean[last][0] >= 0.995, "final m^0 = " + mean[last][0]);
        assertTrue(Math.abs(mean[last][1]) <= 0.01 && Math.abs(mean[last][2]) <= 0.01);
        for (int k = 1; k <= last; k++) assertTrue(mean[k][0] >= mean[k - 1][0] - 0.01);
    }

    @Test
    void projectionRuleStoresCorrelatedPatternsHebbDoesNot() {
        // spec 001 §3: N = 200, P = 20, copy probability 0.75 ⇒ fixed points: Hebb 0.0, projection 1.0
        double[][] xi = Patterns.correlated(20, 200, 0.75, 42);
        ClassicHopfield hebb = ClassicHopfield.hebbian(xi), proj = ClassicHopfield.projection(xi, true);
        assertEquals(0.0, hebb.fractionPatternsFixed());
        assertEquals(1.0, proj.fractionPatternsFixed());
        // with J_ii = 0: ξ_i h_i = 1 − P_ii > 0
        double[][] full = proj.space().projection();
        double[] h = proj.localField(xi[4]);
        for (int i = 0; i < 200; i++) assertEquals(1 - full[i][i], xi[4][i] * h[i], 1e-12);
        // zero-T retrieval from 10 % flipped bits
        double[] noisy = Patterns.flipped(xi[4], 0.1, 5);
        double[] end = proj.relax(noisy, 100, 6);
        assertArrayEquals(xi[4], end);
        assertNotEquals(1.0, hebb.magnetizations(hebb.relax(noisy, 100, 6))[4], 1e-9);
        // spec 001 §3: retrieval from 10 % flipped bits succeeds for 0 % (Hebb) vs 100 % (projection)
        assertEquals(1.0, proj.retrievalFraction(0.1, 7));
        assertEquals(0.0, hebb.retrievalFraction(0.1, 7));
    }

    @Test
    void patternStabilityAtLowAndHighLoading() {
        // spec 001 Fig 2C validation: T = 0.25, 30 sweeps; α = 0.02 → ≥ 0.98, α = 0.2 → ≤ 0.5 (N = 500 here)
        var opts = new ClassicHopfield.Glauber(0.25, 30, 500, false, 2);
        assertTrue(ClassicHopfield.hebbian(Patterns.random(10, 500, 1)).patternStability(opts, 10, 2) >= 0.98);
        assertTrue(ClassicHopfield.hebbian(Patterns.random(100, 500, 1)).patternStability(opts, 10, 2) <= 0.5);
    }

    @Test
    void sameSeedSameRunsOnOneAndTwoThreads() {
        double[][] xi = Patterns.random(5, 100, 8);
        ClassicHopfield net = ClassicHopfield.hebbian(xi);
        double[][] starts = Patterns.randomStates(6, 100, 9);
        var o1 = new ClassicHopfield.Glauber(0.3, 3, 10, true, 1);
        Trajectories a = net.glauber(starts, o1, 10, Progress.NONE);
        Trajectories b = net.glauber(starts, o1.withThreads(2), 10, Progress.NONE);
        assertArrayEquals(a.energy(), b.energy());
        for (int i = 0; i < a.states().length; i++) assertArrayEquals(a.states()[i], b.states()[i]);
        // the incrementally tracked energy matches E(x) of the recorded state at T > 0 too
        for (int i = 0; i < a.states().length; i++) assertEquals(net.energy(a.states()[i]) / 100, a.energy()[i], 1e-12);
        Trajectories c = net.glauber(starts, o1, 11, Progress.NONE);
        assertFalse(java.util.Arrays.equals(a.energy(), c.energy()));
    }

    @Test
    void badInputNamesTheParameter() {
        ClassicHopfield net = ClassicHopfield.hebbian(Patterns.random(2, 10, 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> net.energy(new double[11]))
                .getMessage().contains("x.length = 11"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ClassicHopfield.Glauber(-1, 1, 1, false, 1))
                .getMessage().contains("temperature"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ClassicHopfield.Glauber(0.1, 1, 0, false, 1))
                .getMessage().contains("recordEvery"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ClassicHopfield.projection(Patterns.random(11, 10, 1), true)).getMessage().contains("p=11"));
    }
}
