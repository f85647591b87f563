package org.hopscape.learning;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SoftmaxSynapsesTest {
    static final long SEED = 41;
    static final double EXACT = 1e-12;

    @Test
    void initialMemoriesAreOrthogonalWithSquaredNormNv() {
        var p = SoftmaxSynapses.patterns(4, 50, 0.4, SEED);
        double[][] x = p.initialRows();
        for (int a = 0; a < 4; a++)
            for (int b = 0; b < 4; b++) {
                double d = 0;
                for (int i = 0; i < 50; i++) d += x[a][i] * x[b][i];
                assertEquals(a == b ? 50 : 0, d, 1e-10, "Ξ⁰_" + a + "·Ξ⁰_" + b);
            }
        // targets differ from the memories by noise of variance σ² = 0.16
        double[][] t = p.targetRows();
        double s = 0;
        for (int a = 0; a < 4; a++) for (int i = 0; i < 50; i++) s += (t[a][i] - x[a][i]) * (t[a][i] - x[a][i]);
        assertEquals(0.16, s / 200, 0.05);
    }

    @Test
    void paperRunFollowsEq40AndTheExactForms() {
        var run = SoftmaxSynapses.run(SoftmaxSynapses.Options.paper(), SEED);
        double[] alpha = run.patterns().initialOverlaps();
        for (int m = 0; m < 4; m++) {
            assertEquals(alpha[m], run.similarity()[m][0], EXACT, "sim(0) = α (Eq. 37)");
            assertTrue(alpha[m] > 0.83 && alpha[m] < 0.99, "α_" + m + " = " + alpha[m]);
        }
        assertTrue(run.maxDeviation(run.eq40()) <= 0.01, "Eq. 40: " + run.maxDeviation(run.eq40()));
        assertTrue(run.maxDeviation(run.exactContinuous()) <= 0.002, "§2.2: " + run.maxDeviation(run.exactContinuous()));
        assertTrue(run.maxDeviation(run.exactDiscrete()) <= EXACT, "§2.3: " + run.maxDeviation(run.exactDiscrete()));
        assertTrue(run.minIncrement() >= -EXACT, "monotone: " + run.minIncrement());
        for (double f : run.finalSimilarity()) assertTrue(f >= 0.995 && f < 1, "final sim " + f);
        assertTrue(run.maxOffWeight() < 1e-20, "off weight " + run.maxOffWeight());
        // the Eq. 40 deviation is a real, nonzero error (|ξ'| ≠ |Ξ⁰|), not an artefact
        assertTrue(run.maxDeviation(run.eq40()) > 1e-4);
    }

    @Test
    void iidScheduleFollowsEq40WithinTheLooserBound() {
        var o = SoftmaxSynapses.Options.paper().withClamping(Clamping.Iid.uniform());
        for (long seed = 1; seed <= 5; seed++) {
            var run = SoftmaxSynapses.run(o, seed);
            assertTrue(run.maxDeviation(run.eq40()) <= 0.02, "seed " + seed);
            assertTrue(run.maxDeviation(run.exactDiscrete()) <= EXACT, "seed " + seed);
            assertTrue(run.minIncrement() >= -EXACT);
        }
    }

    @Test
    void cyclicPresentationCountsAreRoundRobin() {
        var run = SoftmaxSynapses.run(SoftmaxSynapses.Options.paper().withSteps(10), SEED);
        // n_μ(t) = ⌈(t − μ)/N_h⌉ for t > μ, else 0
        for (int m = 0; m < 4; m++)
            for (int t = 0; t <= 10; t++)
                assertEquals(t > m ? (t - m + 3) / 4 : 0, run.presentations()[m][t], "n_" + m + "(" + t + ")");
    }

    @Test
    void eq24MatchesTheSimulatedGram() {
        var run = SoftmaxSynapses.run(SoftmaxSynapses.Options.paper(), SEED);
        assertTrue(run.eq24Error(true) <= EXACT, "discrete a: " + run.eq24Error(true));
        double cont = run.eq24Error(false);
        assertTrue(cont <= 1e-3 && cont > 1e-6, "continuous a: " + cont);
        var iid = SoftmaxSynapses.run(SoftmaxSynapses.Options.paper().withClamping(Clamping.Iid.uniform()), SEED);
        assertTrue(iid.eq24Error(true) <= EXACT);
        assertTrue(iid.eq24Error(false) <= 0.02);
    }

    @Test
    void gramConvergesToTraditionalHebbMatrix() {
        var o = SoftmaxSynapses.Options.paper().withRecordEvery(100);
        var run = SoftmaxSynapses.run(o, SEED);
        assertEquals(0.56, run.hebbDistance()[0], 0.1, "start");
        assertEquals(0.075, run.finalHebbDistance(), 0.025, "T = 2000 not yet converged");
        var longRun = SoftmaxSynapses.run(o.withSteps(20_000).withRecordEvery(1000), SEED);
        assertTrue(longRun.finalHebbDistance() < 1e-6, "T = 20000: " + longRun.finalHebbDistance());
        // uniform p: both Hebb matrices coincide
        assertEquals(longRun.finalHebbDistance(), longRun.finalGeneralisedDistance(), 1e-12);
        // recorded steps: 0, 1000, ..., 20000
        assertEquals(21, longRun.recordSteps().length);
        assertEquals(20_000, longRun.recordSteps()[20]);
    }

    @Test
    void nonUniformPConvergesToTraditionalNotGeneralisedHebb() {
        var o = SoftmaxSynapses.Options.paper().withClamping(new Clamping.Iid(new double[] {0.4, 0.3, 0.2, 0.1}))
                .withSteps(40_000).withRecordEvery(5000);
        var run = SoftmaxSynapses.run(o, SEED);
        assertTrue(run.finalHebbDistance() < 1e-5, "traditional: " + run.finalHebbDistance());
        assertTrue(run.finalGeneralisedDistance() > 0.2, "generalised: " + run.finalGeneralisedDistance());
        assertArrayEquals(new double[] {625, 250 / 0.3, 1250, 2500}, run.timeScales(), 1e-9);
        // presentation frequencies follow p
        int[] last = new int[4];
        for (int m = 0; m < 4; m++) last[m] = run.presentations()[m][40_000];
        assertEquals(0.4, last[0] / 40_000.0, 0.01);
        assertEquals(0.1, last[3] / 40_000.0, 0.01);
    }

    @Test
    void betaRobustnessUsesRawOverlaps() {
        // β N_v is the effective inverse temperature (spec 003 §6.1 check 7)
        for (long seed = 1; seed <= 10; seed++) {
            var run = SoftmaxSynapses.run(SoftmaxSynapses.Options.paper().withBeta(0.1), seed);
            assertTrue(run.maxDeviation(run.eq40()) <= 0.01, "β = 0.1, seed " + seed);
        }
        double mean = 0;
        for (long seed = 1; seed <= 40; seed++) {
            var run = SoftmaxSynapses.run(SoftmaxSynapses.Options.paper().withBeta(0.02), seed);
            mean += run.maxDeviation(run.eq40()) / 40;
        }
        assertTrue(mean >= 0.1, "β = 0.02 breaks Eq. 40: mean deviation " + mean);
    }

    @Test
    void sameSeedSameRun() {
        var o = SoftmaxSynapses.Options.paper().withClamping(Clamping.Iid.uniform());
        var a = SoftmaxSynapses.run(o, 7);
        var b = SoftmaxSynapses.run(o, 7);
        assertArrayEquals(a.finalMemories(), b.finalMemories());
        assertArrayEquals(a.sequence(), b.sequence());
        assertFalse(java.util.Arrays.equals(a.sequence(), SoftmaxSynapses.run(o, 8).sequence()));
    }

    @Test
    void stepMatchesEq14WithBias() {
        int nh = 3, nv = 5;
        var r = new java.util.SplittableRandom(3);
        double[] xi = new double[nh * nv], bias = new double[nh * nv], v = new double[nv];
        for (int i = 0; i < xi.length; i++) { xi[i] = r.nextGaussian(); bias[i] = 0.1 * r.nextGaussian(); }
        for (int i = 0; i < nv; i++) v[i] = r.nextGaussian();
        double beta = 0.7, rate = 0.01;
        double[] s = new double[nh];
        double z = 0;
        for (int m = 0; m < nh; m++) {
            for (int i = 0; i < nv; i++) s[m] += xi[m * nv + i] * v[i];
            z += Math.exp(beta * s[m]);
        }
        double[] expected = xi.clone();
        for (int m = 0; m < nh; m++)
            for (int i = 0; i < nv; i++)
                expected[m * nv + i] += rate * Math.exp(beta * s[m]) / z * (-xi[m * nv + i] + bias[m * nv + i] + v[i]);
        double[] w = new double[nh];
        SoftmaxSynapses.stepInPlace(xi, bias, v, 0, nh, nv, beta, rate, w);
        assertArrayEquals(expected, xi, 1e-14);
        assertEquals(1, w[0] + w[1] + w[2], 1e-15);
    }

    @Test
    void betaSweepAndFiguresAndTables() {
        var sweep = SoftmaxSynapses.betaSweep(SoftmaxSynapses.Options.paper(), new double[] {0.02, 0.1, 2}, 6);
        assertTrue(sweep.maxAbove(0.1) <= 0.01, "β ≥ 0.1: " + sweep.maxAbove(0.1));
        assertTrue(sweep.minMeanBelow(0.02) >= 0.1, "β = 0.02: " + sweep.minMeanBelow(0.02));
        assertEquals(3, sweep.toTable().rowCount());
        var run = SoftmaxSynapses.run(SoftmaxSynapses.Options.paper().withRecordEvery(500), SEED);
        double[] eq24 = run.eq24HebbDistance();
        assertEquals(run.hebbDistance()[0], eq24[0], 1e-12, "Eq. 24 at t = 0 is Ξ⁰");
        for (int k = 0; k < eq24.length; k++) assertEquals(run.hebbDistance()[k], eq24[k], 0.01 * run.hebbDistance()[0]);
        assertEquals(4, run.summaryTable().rowCount());
        assertEquals(4 * 2001, run.toTable().rowCount());
    }

    @Test
    void badInputNamesTheParameter() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SoftmaxSynapses.Options(4, 5, 10, 1, 250, 0.4, 2, new Clamping.Cyclic(), 1));
        assertTrue(e.getMessage().contains("memories"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SoftmaxSynapses.Options.paper().withBeta(-1));
        assertTrue(e.getMessage().contains("beta"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Clamping.Iid(new double[] {0.5, 0.6}));
        assertTrue(e.getMessage().contains("p"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SoftmaxSynapses.Options.paper().withClamping(new Clamping.Iid(new double[] {0.5, 0.5})));
        assertTrue(e.getMessage().contains("p.length"), e.getMessage());
    }

    @Test
    void observerSeesTheTrajectoryThatEndsInTheFinalMemories() {
        var o = SoftmaxSynapses.Options.paper().withSteps(200).withRecordEvery(50);
        var run = SoftmaxSynapses.run(o, SEED);
        var traj = SoftmaxSynapses.trajectory(o, SEED, 50);
        assertArrayEquals(new int[] {0, 50, 100, 150, 200}, traj.steps());
        // the last record is Ξ(T) of the run; the first is the initial Ξ(0), orthogonal rows of norm √N_v: Ξ(0)Ξ(0)ᵀ = N_v I
        var last = traj.memories()[4];
        for (int m = 0; m < o.memories(); m++)
            for (int i = 0; i < o.visible(); i++) assertEquals(run.finalMemories()[m * o.visible() + i], last[m][i], 0);
        var first = traj.memories()[0];
        for (int a = 0; a < o.memories(); a++)
            for (int b = 0; b < o.memories(); b++) {
                double d = 0;
                for (int i = 0; i < o.visible(); i++) d += first[a][i] * first[b][i];
                assertEquals(a == b ? o.visible() : 0, d, 1e-9);
            }
        // the similarity the run records at step 100 is the cosine of Ξ(100) with its target
        var mid = traj.memories()[2];
        double[] target = run.patterns().targetRows()[0];
        double dot = 0, n1 = 0, n2 = 0;
        for (int i = 0; i < o.visible(); i++) { dot += mid[0][i] * target[i]; n1 += mid[0][i] * mid[0][i]; n2 += target[i] * target[i]; }
        assertEquals(run.similarity()[0][100], dot / Math.sqrt(n1 * n2), 1e-12);
        // the observer is called at step 0 and after each of the T steps
        int[] calls = {0};
        SoftmaxSynapses.run(o, SEED, (t, xi) -> calls[0]++);
        assertEquals(201, calls[0]);
    }

    @Test
    void recordingChangesNothingButWhatIsKept() {
        // the same run with Hebb distances at every step, every 10 steps (paper default) and only at 0 and T,
        // with and without a Recorder: identical final memories and similarities, identical distances where both record
        var o = SoftmaxSynapses.Options.paper().withSteps(300).withClamping(Clamping.Iid.uniform());
        var every = SoftmaxSynapses.run(o.withRecordEvery(1), SEED);
        var ends = SoftmaxSynapses.run(o.withRecordEvery(300), SEED);
        var rec = new SoftmaxSynapses.Recorder(o, 40);
        var recorded = SoftmaxSynapses.run(o, SEED, rec);
        assertEquals(10, SoftmaxSynapses.Options.paper().recordEvery());
        for (var r : new SoftmaxSynapses.Run[] {ends, recorded}) {
            assertArrayEquals(every.finalMemories(), r.finalMemories(), 0);
            for (int m = 0; m < o.memories(); m++) assertArrayEquals(every.similarity()[m], r.similarity()[m], 0);
            for (int k = 0; k < r.recordSteps().length; k++)
                assertEquals(every.hebbDistance()[r.recordSteps()[k]], r.hebbDistance()[k], 0, "step " + r.recordSteps()[k]);
        }
        assertArrayEquals(new int[] {0, 300}, ends.recordSteps());
        assertEquals(31, recorded.recordSteps().length);
        // the recorder kept Ξ at 0, 40, …, 280 and T = 300; Ξ(t) is the end state of the unrecorded t-step run
        var traj = rec.trajectory();
        assertArrayEquals(new int[] {0, 40, 80, 120, 160, 200, 240, 280, 300}, traj.steps());
        assertArrayEquals(new double[] {0, 40, 80, 120, 160, 200, 240, 280, 300}, traj.times(1), 0);
        for (int step : new int[] {40, 280, 300}) {
            var shorter = SoftmaxSynapses.run(o.withSteps(step), SEED);
            double[][] at = traj.at(step);
            for (int m = 0; m < o.memories(); m++)
                for (int i = 0; i < o.visible(); i++)
                    assertEquals(shorter.finalMemories()[m * o.visible() + i], at[m][i], 0, "Ξ(" + step + ")");
        }
        assertArrayEquals(SoftmaxSynapses.run(o, SEED).patterns().initialRows()[2], traj.at(0)[2], 0);
        var e = assertThrows(IllegalArgumentException.class, () -> traj.at(41));
        assertTrue(e.getMessage().contains("41") && e.getMessage().contains("300"), e.getMessage());
        // trajectory(o, seed, every) is the same Recorder
        var again = SoftmaxSynapses.trajectory(o, SEED, 40);
        assertArrayEquals(traj.steps(), again.steps());
        assertArrayEquals(traj.at(160)[3], again.at(160)[3], 0);
    }

    @Test
    void gramDistancesWithoutTheMatrixAgreeWithTheFullMatrix() {
        // reference: form XᵀX (N_v × N_v) and take both Frobenius distances; kernel: upper triangle, no matrix
        var p = SoftmaxSynapses.patterns(5, 23, 0.7, 9);
        double[] x = p.initial(), t = p.targets();
        double[] a = SoftmaxSynapses.gram(t, 5, 23, null), b = SoftmaxSynapses.gram(t, 5, 23, new double[] {0.5, 1, 1.5, 0.25, 1.75});
        double[] full = new double[23 * 23];
        SoftmaxSynapses.gramInto(x, 5, 23, full);
        double[] out = new double[2];
        SoftmaxSynapses.gramDistances(x, 5, 23, a, b, new double[23 * 5], out);
        double ra = SoftmaxSynapses.distance(full, a), rb = SoftmaxSynapses.distance(full, b);
        assertEquals(ra, out[0], 1e-12 * ra);
        assertEquals(rb, out[1], 1e-12 * rb);
        // and XᵀX at X = Ξ' is at distance 0 from the Hebb matrix Ξ'ᵀΞ'
        SoftmaxSynapses.gramDistances(t, 5, 23, a, b, new double[23 * 5], out);
        assertEquals(0, out[0], 1e-12 * SoftmaxSynapses.norm(a));
    }

    @Test
    void clampingSchedulesRoundTripThroughOptionsMaps() {
        for (Clamping c : new Clamping[] {new Clamping.Cyclic(), Clamping.Iid.uniform(), new Clamping.Iid(new double[] {0.4, 0.3, 0.2, 0.1})}) {
            var o = SoftmaxSynapses.Options.paper().withClamping(c).withSigma(0.3).withRecordEvery(7);
            var back = SoftmaxSynapses.Options.of(o.toMap());
            assertEquals(o.toMap(), back.toMap());
            assertArrayEquals(o.probabilities(), back.probabilities(), 0);
        }
        var e = assertThrows(IllegalArgumentException.class, () -> SoftmaxSynapses.Options.of(java.util.Map.of("clamping", "random")));
        assertTrue(e.getMessage().startsWith("clamping"), e.getMessage());
    }
}
