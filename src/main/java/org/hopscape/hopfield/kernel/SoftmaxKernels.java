package org.hopscape.hopfield.kernel;

/**
 * Hot kernels of the generalized (enhancer) Hopfield model, 002 Eq. 1–3, on row-major {@code double[]}.
 * Callers own every output array; nothing allocates.
 */
public final class SoftmaxKernels {
    private SoftmaxKernels() {}

    /**
     * In place: z ← softmax(z) over {@code z[0..k)}, max-subtracted so no exponent overflows.
     *
     * @param z logits (read), then probabilities (written)
     * @return log Σ_i exp(z_i) of the logits read
     */
    public static double softmaxInPlace(double[] z, int k) {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1 (got " + k + ")");
        checkLength("z", z, k);
        double max = z[0];
        for (int i = 1; i < k; i++) if (z[i] > max) max = z[i];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            double e = Math.exp(z[i] - max);
            z[i] = e;
            sum += e;
        }
        double inv = 1.0 / sum;
        for (int i = 0; i < k; i++) z[i] *= inv;
        return max + Math.log(sum);
    }

    /** log Σ_i exp(z_i) over {@code z[0..k)}, stable; z is read only. */
    public static double logSumExp(double[] z, int k) {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1 (got " + k + ")");
        checkLength("z", z, k);
        double max = z[0];
        for (int i = 1; i < k; i++) if (z[i] > max) max = z[i];
        double sum = 0;
        for (int i = 0; i < k; i++) sum += Math.exp(z[i] - max);
        return max + Math.log(sum);
    }

    /**
     * Logits z = βΞx + w (002 Eq. 1).
     *
     * @param xi row-major K×N patterns (read)
     * @param x  state, length N (read)
     * @param z  logits, length ≥ K (written)
     */
    public static void logits(double[] xi, int k, int n, double beta, double[] w, double[] x, double[] z) {
        checkLength("xi", xi, (long) k * n);
        checkLength("w", w, k);
        checkLength("x", x, n);
        checkLength("z", z, k);
        for (int i = 0; i < k; i++) {
            double dot = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) dot += xi[row + j] * x[j];
            z[i] = beta * dot + w[i];
        }
    }

    /**
     * Drift f = Qᵀ s − x (002 Eq. 1) for probabilities s.
     *
     * @param q   row-major K×N output patterns (read)
     * @param s   softmax probabilities, length K (read)
     * @param x   state (read)
     * @param out drift, length N (written; may not alias x or s)
     */
    public static void drift(double[] q, int k, int n, double[] s, double[] x, double[] out) {
        checkLength("q", q, (long) k * n);
        checkLength("s", s, k);
        checkLength("x", x, n);
        checkLength("out", out, n);
        if (out == x || out == s) throw new IllegalArgumentException("out must not alias x or s");
        for (int j = 0; j < n; j++) out[j] = -x[j];
        for (int i = 0; i < k; i++) {
            double si = s[i];
            int row = i * n;
            for (int j = 0; j < n; j++) out[j] += si * q[row + j];
        }
    }

    /** Non-null and at least {@code need} long; O(1), so the hot loops keep their speed. */
    private static void checkLength(String name, double[] a, long need) {
        if (a == null) throw new IllegalArgumentException(name + " must not be null");
        if (a.length < need) throw new IllegalArgumentException(name + " must hold " + need + " values (got " + a.length + ")");
    }
}
