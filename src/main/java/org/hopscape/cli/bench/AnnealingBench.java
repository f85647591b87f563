package org.hopscape.cli.bench;

import org.hopscape.data.BloodLineages;
import org.hopscape.hopfield.GeneralizedHopfield;
import org.hopscape.learning.Annealing;
import org.hopscape.learning.AnnealingFeedback;
import org.hopscape.util.Rng;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Speed of the 002 Fig 3 annealing (11 synthetic lineages, paper protocol: σ 0.05, β 0 → 50 over t = 20,
 * dt 0.01 = 2000 steps per cell). Prints cell-steps per second for a plain baseline (full N-dimensional
 * Euler–Maruyama through {@link GeneralizedHopfield#velocity}, one thread) and for the reduced engine on
 * 1 and 2 threads, the ratio, and the projected time of the full feedback protocol (300 rounds × 1000 cells).
 * With {@code --full} it also runs that protocol and reports the measured time.
 */
public final class AnnealingBench {
    private AnnealingBench() {}

    public static void main(String[] args) {
        boolean full = args.length > 0 && args[0].equals("--full");
        double[][] xi = BloodLineages.syntheticFallback().memories();
        Annealing.Options opt = Annealing.Options.paper();
        int steps = opt.steps();
        double[] w = new double[xi.length];

        // warm-up
        new Annealing(xi, opt.withThreads(1)).run(w, 500, 1, Annealing.Recording.NONE);
        baseline(xi, w, opt, 20);

        int baseCells = 100;
        long t0 = System.nanoTime();
        baseline(xi, w, opt, baseCells);
        double baseRate = (double) baseCells * steps / ((System.nanoTime() - t0) * 1e-9);

        int cells = 4000;
        double[] rates = new double[2];
        for (int threads = 1; threads <= 2; threads++) {
            Annealing a = new Annealing(xi, opt.withThreads(threads));
            long t1 = System.nanoTime();
            a.run(w, cells, 7, Annealing.Recording.NONE);
            rates[threads - 1] = (double) cells * steps / ((System.nanoTime() - t1) * 1e-9);
        }
        double protocol = 300.0 * 1000 * steps;
        System.out.printf(Locale.ROOT, "cell-steps/s  baseline (full N=%d, 1 thread): %.3e%n", xi[0].length, baseRate);
        System.out.printf(Locale.ROOT, "cell-steps/s  reduced engine, 1 thread:        %.3e  (%.1fx baseline)%n", rates[0], rates[0] / baseRate);
        System.out.printf(Locale.ROOT, "cell-steps/s  reduced engine, 2 threads:       %.3e  (%.1fx baseline)%n", rates[1], rates[1] / baseRate);
        System.out.printf(Locale.ROOT, "projected full Fig 3 feedback protocol (%.1e cell-steps): %.0f s on 2 threads, baseline %.0f s%n",
                protocol, protocol / rates[1], protocol / baseRate);
        if (full) {
            long t2 = System.nanoTime();
            AnnealingFeedback.Result r = AnnealingFeedback.balance(new Annealing(xi, opt.withThreads(2)), w,
                    AnnealingFeedback.Options.paper(), 42, BloodLineages.SHORT);
            System.out.printf(Locale.ROOT, "measured full protocol: %.1f s, sum w = %.2e%n", (System.nanoTime() - t2) * 1e-9, r.weightSum());
        }
    }

    /** Plain reference: full-state Euler–Maruyama, a new velocity array per step, one thread. */
    static void baseline(double[][] xi, double[] w, Annealing.Options opt, int cells) {
        GeneralizedHopfield m = GeneralizedHopfield.symmetric(xi, w, 0);
        int n = xi[0].length;
        double noise = opt.sigma() * Math.sqrt(opt.dt());
        for (int c = 0; c < cells; c++) {
            SplittableRandom rnd = Rng.stream(3, c);
            double[] x = new double[n];
            double[] s0 = m.softmax(x);
            for (int i = 0; i < xi.length; i++) for (int j = 0; j < n; j++) x[j] += s0[i] * xi[i][j];
            for (int j = 0; j < n; j++) x[j] += opt.initialNoise() * rnd.nextDouble();
            for (int step = 0; step < opt.steps(); step++) {
                double[] f = m.withBeta(opt.betaAt(step)).velocity(x);
                for (int j = 0; j < n; j++) x[j] += opt.dt() * f[j] + noise * rnd.nextGaussian();
            }
        }
    }
}
