package org.hopscape.learning;

import org.hopscape.data.BloodLineages;
import org.hopscape.hopfield.GeneralizedHopfield;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class AnnealingTest {
    static final double[][] BLOOD = BloodLineages.syntheticFallback().memories();
    /** A cheap protocol for tests: same ramp, coarser step. */
    static final Annealing.Options FAST = Annealing.Options.paper().withDt(0.02);

    @Test
    void sameSeedSameResultOnOneAndTwoThreads() {
        double[] w = {0.1, -0.2, 0, 0.3, 0, 0, -0.1, 0, 0.5, 0.2, 0.2};
        Annealing.Recording rec = new Annealing.Recording(10, 0.5, 0.1);
        Annealing.Run a = new Annealing(BLOOD, FAST.withThreads(1)).run(w, 300, 11, rec);
        Annealing.Run b = new Annealing(BLOOD, FAST.withThreads(2)).run(w, 300, 11, rec);
        assertArrayEquals(a.fates(), b.fates());
        for (int f = 0; f < 11; f++)
            for (int t = 0; t < a.snapshotTimes().length; t++) assertArrayEquals(a.meanSoftmax(f)[t], b.meanSoftmax(f)[t], 0.0);
        for (int c = 0; c < 10; c++) for (int t = 0; t < a.trajectoryTimes().length; t++)
            assertArrayEquals(a.trajectories()[c][t], b.trajectories()[c][t], 0.0);
        Annealing.Run other = new Annealing(BLOOD, FAST.withThreads(2)).run(w, 300, 12, rec);
        assertFalse(Arrays.equals(a.fates(), other.fates()));
    }

    @Test
    void softmaxAtTimeZeroIsSoftmaxOfWeightsAndSnapshotsSpanTheRamp() {
        double[] w = {0.4, -0.2, 0, 0.3, 0, 0.1, -0.1, 0, 0.5, 0.2, 0.2};
        Annealing.Run run = new Annealing(BLOOD, FAST).run(w, 200, 3, new Annealing.Recording(5, 0.5, 0.1));
        double[] s = w.clone();
        double max = Arrays.stream(s).max().orElseThrow(), sum = 0;
        for (int i = 0; i < 11; i++) { s[i] = Math.exp(s[i] - max); sum += s[i]; }
        for (int f = 0; f < 11; f++) if (run.fateCounts()[f] > 0)
            for (int i = 0; i < 11; i++) assertEquals(s[i] / sum, run.meanSoftmax(f)[0][i], 1e-12);
        assertEquals(201, run.snapshotTimes().length);
        assertEquals(20, run.snapshotTimes()[200], 1e-12);
        assertEquals(50, run.snapshotBetas()[200], 1e-12);
        assertEquals(41, run.trajectoryTimes().length);
        assertEquals(200, Arrays.stream(run.fateCounts()).sum());
        assertTrue(run.committed() > 0.95);
        // snapshots read by time: t = 0 is the softmax of w, t = 10 is snapshot 100, trajectory records every 0.5
        int f0 = 0;
        while (run.fateCounts()[f0] == 0) f0++;
        assertArrayEquals(run.meanSoftmax(f0)[0], run.meanSoftmaxAt(f0, 0), 0);
        assertArrayEquals(run.meanSoftmax(f0)[100], run.meanSoftmaxAt(f0, 10), 0);
        assertArrayEquals(run.trajectories()[2][6], run.trajectoryAt(2, 3.0), 0);
        final int fate = f0;
        var e = assertThrows(IllegalArgumentException.class, () -> run.meanSoftmaxAt(fate, 10.05));
        assertTrue(e.getMessage().contains("t = 10.05"), e.getMessage());
    }

    @Test
    void nothingRecordedNeedsNoTrajectorySpacing() {
        double[] w = new double[11];
        Annealing.Run none = new Annealing(BLOOD, FAST).run(w, 50, 4, new Annealing.Recording(0, 0, 0));
        Annealing.Recording full = Annealing.Recording.none().withTrajectories(5, 0.5).withSoftmaxEvery(0.1);
        assertEquals(new Annealing.Recording(5, 0.5, 0.1), full);
        assertEquals(Annealing.Recording.NONE, new Annealing.Recording(0, 0, 0));
        Annealing.Run recorded = new Annealing(BLOOD, FAST).run(w, 50, 4, full);
        assertArrayEquals(recorded.fates(), none.fates(), "recording does not change the dynamics");
        assertArrayEquals(recorded.fractions(), none.fractions(), 0);
        assertEquals(0, none.trajectories().length);
        assertEquals(0, none.snapshotTimes().length);
        assertEquals(5, recorded.trajectories().length);
        var e = assertThrows(IllegalArgumentException.class, () -> new Annealing.Recording(1, 0, 0));
        assertTrue(e.getMessage().startsWith("trajectoryEvery"), e.getMessage());
        assertEquals(full, Annealing.Recording.of(full.toMap()));
        // options named, not positional: defaults() + with… is the positional record
        assertEquals(new Annealing.Options(0.05, 40, 15, 2, 0.01, 0.1, 1, null),
                Annealing.Options.defaults().withBetaMax(40).withRampTime(15).withHoldTime(2).withThreads(1));
    }

    @Test
    void reducedEngineFollowsFullPathWithoutNoise() {
        // σ = 0 and ζ = 0: the engine's end state is the projection of the full-state path (002 App. B)
        double[][] fig2 = fig2Patterns();
        double[] w = {1, 0, 0, 0};
        Annealing.Options opt = new Annealing.Options(0, 50, 20, 10, 0.005, 0, 1, null);
        Annealing engine = new Annealing(fig2, opt);
        Annealing.Run run = engine.run(w, 1, 1, new Annealing.Recording(1, 0.5, 0));
        GeneralizedHopfield m = GeneralizedHopfield.symmetric(fig2, w, 0);
        double[] xmpp = xMpp(fig2, w);
        double[][] path = Annealing.path(m, xmpp, opt, 0.5, 1);
        double[] y = engine.project(path[path.length - 1]);
        double[] yEngine = run.trajectories()[0][run.trajectoryTimes().length - 1];
        assertArrayEquals(y, yEngine, 1e-10);
        assertEquals(0, run.fates()[0]);
    }

    static double[][] fig2Patterns() {
        double[][] p = new double[4][];
        double[] deg = {50, 10, 190, 230};
        for (int i = 0; i < 4; i++) p[i] = new double[] {Math.cos(Math.toRadians(deg[i])), Math.sin(Math.toRadians(deg[i]))};
        return p;
    }

    static double[] xMpp(double[][] xi, double[] w) {
        return GeneralizedHopfield.symmetric(xi, w, 0).relax(new double[xi[0].length], 0.01, 60);
    }

    @Test
    void fig2AnnealingEndsAtTheFavouredPattern() {
        double[][] xi = fig2Patterns();
        double[] w = {1, 0, 0, 0};
        assertArrayEquals(new double[] {0.1932, 0.2302}, xMpp(xi, w), 1e-4);
        Annealing.Options det = new Annealing.Options(0, 50, 20, 10, 0.005, 0, 1, null);
        GeneralizedHopfield m = GeneralizedHopfield.symmetric(xi, w, 0);
        for (double[] start : xi) {
            double[][] path = Annealing.path(m, start, det, 1, 0);
            double[] end = path[path.length - 1];
            assertArrayEquals(new double[] {0.6428, 0.7660}, end, 1e-3);
        }
        Annealing.Options noisy = new Annealing.Options(0.05, 50, 20, 10, 0.01, 0.1, 2, null);
        Annealing.Run biased = new Annealing(xi, noisy).run(w, 400, 5, Annealing.Recording.NONE);
        assertTrue(biased.fractions()[0] >= 0.95, Arrays.toString(biased.fractions()));
        Annealing.Run flat = new Annealing(xi, noisy).run(new double[4], 400, 5, Annealing.Recording.NONE);
        for (double f : flat.fractions()) assertTrue(f > 0.15 && f < 0.35, Arrays.toString(flat.fractions()));
    }

    @Test
    void feedbackKeepsWeightSumZeroAndLiftsLymphoidWeights() {
        Annealing a = new Annealing(BLOOD, FAST);
        AnnealingFeedback.Options o = new AnnealingFeedback.Options(200, new double[] {0.1, 0.01}, new int[] {6, 2}, null);
        AnnealingFeedback.Result r = AnnealingFeedback.balance(a, new double[11], o, 4, BloodLineages.SHORT);
        assertEquals(0, r.weightSum(), 1e-9);
        assertEquals(9, r.history().length);
        // with w = 0 no cell becomes lymphoid (spec 002 Fig 3 unbalanced reference), so feedback raises B, T, NK
        assertTrue(r.fractions()[0][8] < 0.02);
        for (int i = 8; i < 11; i++) assertTrue(r.weights()[i] > 0.2, Arrays.toString(r.weights()));
        assertTrue(r.weights()[0] < 0);
        assertEquals(8, r.toTable().rowCount());
        AnnealingFeedback.Result again = AnnealingFeedback.balance(a, new double[11], o, 4, BloodLineages.SHORT);
        assertArrayEquals(r.weights(), again.weights(), 0.0);
    }

    @Test
    void dropoutBetasReadTheMeanShares() {
        Annealing.Run run = new Annealing(BLOOD, FAST).run(new double[11], 200, 8, new Annealing.Recording(0, 1, 0.1));
        double[] drop = run.dropoutBetas(0, 0.01);
        assertEquals(Double.POSITIVE_INFINITY, drop[0]);
        for (int i = 8; i < 11; i++) assertTrue(drop[i] < 30, "lymphoid drops out early: " + Arrays.toString(drop));
    }

    @Test
    void badOptionsNameTheParameter() {
        var e = assertThrows(IllegalArgumentException.class, () -> Annealing.Options.paper().withDt(-1));
        assertTrue(e.getMessage().contains("dt"));
        e = assertThrows(IllegalArgumentException.class, () -> Annealing.Options.paper().withSigma(Double.NaN));
        assertTrue(e.getMessage().contains("sigma"));
        e = assertThrows(IllegalArgumentException.class, () -> new Annealing(BLOOD, FAST).run(new double[3], 10, 1, Annealing.Recording.NONE));
        assertTrue(e.getMessage().contains("w.length"));
        e = assertThrows(IllegalArgumentException.class,
                () -> new AnnealingFeedback.Options(0, new double[] {0.1}, new int[] {1}, null));
        assertTrue(e.getMessage().contains("cellsPerRound"));
    }
}
