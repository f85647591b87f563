package org.hopscape.util;

import java.util.SplittableRandom;

/**
 * Seeded random streams. Parallel work draws from one stream per work item (cell, trajectory, sample), derived
 * from (seed, item index), so the numbers do not depend on how many threads run or in which order.
 */
public final class Rng {
    private Rng() {}

    /** The stream for one work item. */
    public static SplittableRandom stream(long seed, long item) {
        return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + mix(item + 0x632BE59BD9B4E019L)));
    }

    /**
     * The stream for one work item named by its own parameters, e.g. (analysis tag, N_v, bits of α, draw): the same
     * keys give the same draws in every sweep that contains the item, wherever it sits and whatever else is swept.
     */
    public static SplittableRandom keyed(long seed, long first, long... more) {
        long h = mix(first + 0x632BE59BD9B4E019L);
        for (long k : more) h = mix(h ^ mix(k + 0x9E3779B97F4A7C15L));
        return stream(seed, h);
    }

    /** The stream for a seed alone. */
    public static SplittableRandom of(long seed) {
        return new SplittableRandom(mix(seed));
    }

    /** Standard normal draw (Box–Muller through the JDK's ziggurat, exact and deterministic for a stream). */
    public static double gaussian(SplittableRandom r) {
        return r.nextGaussian();
    }

    /** Fill with N(0, sd²) draws. */
    public static double[] gaussians(SplittableRandom r, int n, double sd) {
        Check.notNull("r", r);
        Check.nonNegative("n", n);
        Check.nonNegative("sd", sd);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = sd * r.nextGaussian();
        return x;
    }

    /**
     * {@code k} distinct indices from {@code [0, n)}, in increasing order, drawn with a partial Fisher–Yates
     * shuffle of the seeded stream. Memory is O(k) for large n (the swaps are kept in a map; same draws).
     */
    public static int[] sampleWithoutReplacement(int n, int k, long seed) {
        Check.nonNegative("n", n);
        if (k < 0 || k > n) throw new IllegalArgumentException("k must be in [0, " + n + "] (got " + k + ")");
        SplittableRandom r = of(seed);
        int[] out = new int[k];
        if (n <= DENSE_SHUFFLE) {
            int[] a = new int[n];
            for (int i = 0; i < n; i++) a[i] = i;
            for (int i = 0; i < k; i++) {
                int j = i + r.nextInt(n - i);
                int t = a[i]; a[i] = a[j]; a[j] = t;
            }
            System.arraycopy(a, 0, out, 0, k);
        } else {
            java.util.Map<Integer, Integer> moved = new java.util.HashMap<>();
            for (int i = 0; i < k; i++) {
                int j = i + r.nextInt(n - i);
                int ai = moved.getOrDefault(i, i), aj = moved.getOrDefault(j, j);
                moved.put(i, aj);
                moved.put(j, ai);
                out[i] = aj;
            }
        }
        java.util.Arrays.sort(out);
        return out;
    }

    /** Up to this n the shuffle works on a dense index array. */
    static final int DENSE_SHUFFLE = 1 << 20;

    /** A rows × cols matrix of N(0, sd²) draws, filled row by row. */
    public static double[][] gaussians(SplittableRandom r, int rows, int cols, double sd) {
        Check.notNull("r", r);
        Check.nonNegative("rows", rows);
        Check.nonNegative("cols", cols);
        Check.nonNegative("sd", sd);
        Check.matrixFits("rows × cols Gaussian draws", rows, cols);
        double[][] x = new double[rows][];
        for (int i = 0; i < rows; i++) x[i] = gaussians(r, cols, sd);
        return x;
    }

    /** SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
