package org.hopscape.hopfield.kernel;

import org.hopscape.util.Interrupts;

import java.util.SplittableRandom;

/**
 * Asynchronous single-spin updates of x ∈ {±1}^N with symmetric couplings J (N×N row-major), keeping the local
 * fields h = Jx (diagonal included) up to date in O(N) per flip. The field that drives spin i excludes its
 * self-coupling: f_i = h_i − J_ii x_i = Σ_{j≠i} J_ij x_j (001 Eq. 1). The loops stop with
 * {@link org.hopscape.util.Interrupted} when the thread is interrupted.
 */
public final class SpinKernel {
    private SpinKernel() {}

    /**
     * h written: h = J x.
     *
     * @param j read, N×N symmetric
     * @param x read, length N
     * @param h written, length N
     */
    public static void fields(double[] j, int n, double[] x, double[] h) {
        for (int i = 0; i < n; i++) {
            double s = 0;
            int o = i * n;
            for (int k = 0; k < n; k++) s += j[o + k] * x[k];
            h[i] = s;
        }
    }

    /**
     * {@code updates} heat-bath updates of uniformly random sites at temperature T; x and h updated in place.
     * Spec 001 §1(h): Pr(x_i = +1) = 1/(1 + exp(−2 f_i / T)) (the printed rule favours the higher energy).
     * T = 0 is the deterministic rule x_i = sign(f_i), a zero field leaving x_i unchanged.
     *
     * @return the energy change ΔE of E = −½ xᵀJx over these updates (each flip: ΔE = −δ f_i, δ = x_new − x_old)
     */
    public static double heatBath(double[] j, int n, double[] x, double[] h, double temperature, int updates,
                                  SplittableRandom rng) {
        double dE = 0;
        double twoBeta = temperature > 0 ? 2 / temperature : Double.POSITIVE_INFINITY;
        for (int u = 0; u < updates; u++) {
            Interrupts.checkEvery(u, 4095, "heat-bath updates");
            int i = rng.nextInt(n);
            double f = h[i] - j[i * n + i] * x[i];
            double next;
            if (temperature > 0) {
                double pPlus = 1 / (1 + Math.exp(-twoBeta * f));
                next = rng.nextDouble() < pPlus ? 1 : -1;
            } else {
                next = f > 0 ? 1 : f < 0 ? -1 : x[i];
            }
            if (next != x[i]) {
                double delta = next - x[i];
                dE -= delta * f;
                flip(j, n, x, h, i, next, delta);
            }
        }
        return dE;
    }

    /**
     * Zero-temperature asynchronous dynamics (001 Eq. 1) in sweeps over a random permutation of the sites until
     * a sweep flips nothing (a fixed point) or {@code maxSweeps} sweeps ran; x and h updated in place.
     *
     * @return the number of sweeps run, or −1 when maxSweeps were not enough
     */
    public static int relax(double[] j, int n, double[] x, double[] h, int maxSweeps, SplittableRandom rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        return sweeps(j, n, x, h, maxSweeps, rng, order);
    }

    /**
     * As {@link #relax(double[], int, double[], double[], int, SplittableRandom)} with every sweep visiting the sites
     * in the given order (a permutation of 0…n−1; read).
     */
    public static int relax(double[] j, int n, double[] x, double[] h, int maxSweeps, int[] order) {
        return sweeps(j, n, x, h, maxSweeps, null, order.clone());
    }

    /** Sweeps until no spin flips; a non-null rng reshuffles {@code order} before each sweep. */
    private static int sweeps(double[] j, int n, double[] x, double[] h, int maxSweeps, SplittableRandom rng, int[] order) {
        for (int sweep = 1; sweep <= maxSweeps; sweep++) {
            Interrupts.check("zero-temperature sweeps");
            if (rng != null)
                for (int i = n - 1; i > 0; i--) {
                    int k = rng.nextInt(i + 1), t = order[i];
                    order[i] = order[k];
                    order[k] = t;
                }
            int flips = 0;
            for (int i : order) {
                double f = h[i] - j[i * n + i] * x[i];
                double next = f > 0 ? 1 : f < 0 ? -1 : x[i];
                if (next != x[i]) {
                    flip(j, n, x, h, i, next, next - x[i]);
                    flips++;
                }
            }
            if (flips == 0) return sweep;
        }
        return -1;
    }

    private static void flip(double[] j, int n, double[] x, double[] h, int i, double next, double delta) {
        int o = i * n;                 // row i = column i (J symmetric)
        for (int k = 0; k < n; k++) h[k] += j[o + k] * delta;
        x[i] = next;
    }
}
