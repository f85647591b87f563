package org.hopscape.cli.bench;

import org.hopscape.learning.SoftmaxSynapses;

import java.util.Locale;

/**
 * Cost of recording in the 003 App. B run (N_v = 50, N_h = 4, T = 2000). Baseline: the former default, Hebb distances
 * at every step through a full N_v × N_v matrix ΞᵀΞ (a plain reference here, as an {@link SoftmaxSynapses.Observer} on
 * a run that records nothing else). Then the library: distances at every step (upper triangle, no matrix), every 10
 * steps ({@code Options.paper()}), only at 0 and T, and the paper run with a {@link SoftmaxSynapses.Recorder} keeping
 * Ξ(t) every 10 steps. Prints runs per second (best of interleaved rounds) and the ratio to the baseline, all measured
 * in this process.
 */
public final class SoftmaxSynapsesBench {
    private SoftmaxSynapsesBench() {}

    public static void main(String[] args) {
        SoftmaxSynapses.Options paper = SoftmaxSynapses.Options.paper();
        int steps = paper.steps(), nv = paper.visible(), nh = paper.memories();
        SoftmaxSynapses.Options none = paper.withRecordEvery(steps);
        double[] matrix = new double[nv * nv];
        double[] sink = {0};
        SoftmaxSynapses.Observer fullMatrix = (t, xi) -> {
            java.util.Arrays.fill(matrix, 0);
            for (int m = 0; m < nh; m++)
                for (int i = 0; i < nv; i++)
                    for (int j = 0; j < nv; j++) matrix[i * nv + j] += xi[m * nv + i] * xi[m * nv + j];
            double s = 0;
            for (double v : matrix) s += v * v;
            sink[0] += Math.sqrt(s);
        };
        Runnable baseline = () -> SoftmaxSynapses.run(none, 41, fullMatrix);
        Runnable everyStep = () -> SoftmaxSynapses.run(paper.withRecordEvery(1), 41);
        Runnable defaults = () -> SoftmaxSynapses.run(paper, 41);
        Runnable ends = () -> SoftmaxSynapses.run(none, 41);
        Runnable recorded = () -> SoftmaxSynapses.run(paper, 41, new SoftmaxSynapses.Recorder(paper, 10));
        Runnable[] all = {baseline, everyStep, defaults, ends, recorded};
        String[] names = {"baseline: full ΞᵀΞ matrix every step", "Hebb distances every step (no matrix)",
                "paper(): Hebb distances every 10 steps", "Hebb distances at 0 and T only", "paper() + Recorder(Ξ every 10 steps)"};
        for (Runnable r : all) rate(r, 0.5); // warm-up
        // rounds interleave the variants, and each keeps its best round: on a shared machine the best is the least disturbed
        int rounds = 7;
        double[] best = new double[all.length];
        for (int round = 0; round < rounds; round++)
            for (int k = 0; k < all.length; k++) best[k] = Math.max(best[k], rate(all[k], 0.4));
        System.out.printf(Locale.ROOT, "%-42s %9.1f runs/s  (best of %d rounds)%n", names[0], best[0], rounds);
        for (int k = 1; k < all.length; k++)
            System.out.printf(Locale.ROOT, "%-42s %9.1f runs/s  (%.1fx baseline)%n", names[k], best[k], best[k] / best[0]);
        if (sink[0] == 42) System.out.println(); // keeps the baseline's work alive
    }

    /** Runs per second over about {@code seconds}. */
    private static double rate(Runnable r, double seconds) {
        long t0 = System.nanoTime(), end = t0 + (long) (seconds * 1e9);
        int n = 0;
        do { r.run(); n++; } while (System.nanoTime() < end);
        return n / ((System.nanoTime() - t0) * 1e-9);
    }
}
