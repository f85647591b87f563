package org.hopscape.hopfield;

import org.hopscape.util.Check;
import org.hopscape.util.Rng;

import java.util.SplittableRandom;

/** Seeded binary patterns and states for the experiments of 001 (random, correlated, noisy copies). */
public final class Patterns {
    private Patterns() {}

    /** P random ±1 patterns of length N, each bit ±1 with probability ½ (001 §2.2). Row μ = ξ_μ. */
    public static double[][] random(int p, int n, long seed) {
        Check.positive("p", p);
        Check.positive("n", n);
        Check.matrixFits("p × n patterns", p, n);
        double[][] xi = new double[p][n];
        for (int mu = 0; mu < p; mu++) {
            SplittableRandom r = Rng.stream(seed, mu);
            for (int i = 0; i < n; i++) xi[mu][i] = r.nextBoolean() ? 1 : -1;
        }
        return xi;
    }

    /**
     * Correlated ±1 patterns: bit i of every pattern copies a common random vector c_i with probability
     * {@code copyProbability}, otherwise it is a fresh ±1 bit. The mean pairwise overlap is copyProbability²
     * (0.5625 for 0.75; spec 001 §3).
     */
    public static double[][] correlated(int p, int n, double copyProbability, long seed) {
        Check.positive("p", p);
        Check.positive("n", n);
        Check.inRange("copyProbability", copyProbability, 0, 1);
        Check.matrixFits("p × n patterns", p, n);
        SplittableRandom common = Rng.stream(seed, -1);
        double[] c = new double[n];
        for (int i = 0; i < n; i++) c[i] = common.nextBoolean() ? 1 : -1;
        double[][] xi = new double[p][n];
        for (int mu = 0; mu < p; mu++) {
            SplittableRandom r = Rng.stream(seed, mu);
            for (int i = 0; i < n; i++) {
                boolean copy = r.nextDouble() < copyProbability;
                boolean bit = r.nextBoolean();
                xi[mu][i] = copy ? c[i] : (bit ? 1 : -1);
            }
        }
        return xi;
    }

    /** A copy of {@code x} with each entry's sign flipped independently with probability {@code probability}. */
    public static double[] flipped(double[] x, double probability, long seed) {
        Check.finite("x", x);
        Check.inRange("probability", probability, 0, 1);
        SplittableRandom r = Rng.of(seed);
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) if (r.nextDouble() < probability) y[i] = -y[i];
        return y;
    }

    /** {@code count} independent uniformly random ±1 states of length N (one stream per state). */
    public static double[][] randomStates(int count, int n, long seed) {
        Check.positive("count", count);
        Check.positive("n", n);
        Check.matrixFits("count × n states", count, n);
        double[][] x = new double[count][n];
        for (int k = 0; k < count; k++) {
            SplittableRandom r = Rng.stream(seed, k);
            for (int i = 0; i < n; i++) x[k][i] = r.nextBoolean() ? 1 : -1;
        }
        return x;
    }

    /** {@code count} copies of one state (e.g. Fig 1D: every run starts from the same state). */
    public static double[][] copies(double[] x, int count) {
        Check.finite("x", x);
        Check.positive("count", count);
        Check.matrixFits("count × x.length copies", count, x.length);
        double[][] out = new double[count][];
        for (int k = 0; k < count; k++) out[k] = x.clone();
        return out;
    }

    /** Mean pairwise overlap (1/N) ξ_μ·ξ_ν over μ < ν (at least two patterns: one has no pair). */
    public static double meanPairwiseOverlap(double[][] patterns) {
        Check.finite("patterns", patterns);
        int p = patterns.length, n = patterns[0].length;
        if (p < 2) throw new IllegalArgumentException("patterns must have at least 2 rows to form a pair (got " + p + ")");
        double s = 0;
        for (int a = 0; a < p; a++)
            for (int b = a + 1; b < p; b++) {
                double d = 0;
                for (int i = 0; i < n; i++) d += patterns[a][i] * patterns[b][i];
                s += d / n;
            }
        return s / (p * (p - 1) / 2.0);
    }

    /** Row-major copy of a rectangular matrix. */
    static double[] flat(double[][] m) {
        int r = m.length, c = m[0].length;
        double[] f = new double[r * c];
        for (int i = 0; i < r; i++) System.arraycopy(m[i], 0, f, i * c, c);
        return f;
    }
}
