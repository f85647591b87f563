package org.hopscape.learning;

import org.hopscape.util.Check;

/**
 * Hebbian couplings from memories (003 §5.2–5.3): J = ΞᵀΞ / N_h (Eq. 22), the traditional Hebb matrix
 * Ξ'ᵀΞ' reached by the softmax synapses (Eq. 25), the generalised one N_h Ξ'ᵀ diag(p) Ξ' (Eq. 23), the
 * trajectory of Eq. 24, and the Pavlov/Hebb neural dynamics of refs [3, 39] that Eq. 21 reproduces.
 * Matrices are {@code double[rows][cols]}; memories are rows (N_h × N_v).
 */
public final class HebbianRecovery {
    private HebbianRecovery() {}

    /** ΞᵀΞ = Σ_μ ξ^μ ξ^μᵀ (N_v × N_v). */
    public static double[][] gram(double[][] memories) {
        Check.finite("memories", memories);
        Check.matrixFits("N_v × N_v Gram matrix", memories[0].length, memories[0].length);
        int nh = memories.length, nv = memories[0].length;
        double[][] g = new double[nv][nv];
        for (int m = 0; m < nh; m++) {
            double[] x = memories[m];
            for (int i = 0; i < nv; i++) {
                double xi = x[i];
                double[] gi = g[i];
                for (int j = 0; j < nv; j++) gi[j] += xi * x[j];
            }
        }
        return g;
    }

    /** 003 Eq. 22: J_ij = (1/N_h) Σ_μ ξ_i^μ ξ_j^μ = (ΞᵀΞ / N_h)_ij. */
    public static double[][] couplings(double[][] memories) {
        double[][] g = gram(memories);
        double s = 1.0 / memories.length;
        for (double[] r : g) for (int j = 0; j < r.length; j++) r[j] *= s;
        return g;
    }

    /** 003 Eq. 23 fixed point: N_h Ξ'ᵀ diag(p) Ξ' (the generalised Hebb matrix of [39], times N_h). */
    public static double[][] generalised(double[][] targets, double[] p) {
        Check.finite("targets", targets);
        Check.vector("p", p, "targets.length", targets.length);
        int nh = targets.length;
        double[][] scaled = new double[nh][];
        for (int m = 0; m < nh; m++) {
            double c = Math.sqrt(nh * Check.nonNegative("p[" + m + "]", p[m]));
            scaled[m] = targets[m].clone();
            for (int i = 0; i < scaled[m].length; i++) scaled[m][i] *= c;
        }
        return gram(scaled);
    }

    /**
     * 003 Eq. 24: (ΞᵀΞ)(t) = Σ_μ y_μ y_μᵀ with y_μ = a_μ Ξ⁰_μ + (1 − a_μ) ξ'_μ.
     *
     * @param a decay factor per row, a_μ = e^{−t/τ_μ} (or the exact discrete factor)
     */
    public static double[][] eq24(double[][] initial, double[][] targets, double[] a) {
        Check.finite("initial", initial);
        Check.rows("targets", targets, "initial columns", initial[0].length);
        Check.sameSize("targets.length", targets.length, "initial.length", initial.length);
        Check.vector("a", a, "initial.length", initial.length);
        double[][] y = new double[initial.length][initial[0].length];
        for (int m = 0; m < y.length; m++)
            for (int i = 0; i < y[m].length; i++) y[m][i] = a[m] * initial[m][i] + (1 - a[m]) * targets[m][i];
        return gram(y);
    }

    /** ‖A − B‖_F / ‖B‖_F. */
    public static double relativeDistance(double[][] a, double[][] b) {
        Check.finite("a", a);
        Check.finite("b", b);
        Check.sameSize("a.length", a.length, "b.length", b.length);
        double d = 0, n = 0;
        for (int i = 0; i < a.length; i++) {
            Check.sameSize("a[" + i + "].length", a[i].length, "b[" + i + "].length", b[i].length);
            for (int j = 0; j < a[i].length; j++) {
                double e = a[i][j] - b[i][j];
                d += e * e;
                n += b[i][j] * b[i][j];
            }
        }
        if (!(n > 0)) throw new IllegalArgumentException("b must not be zero: ‖b‖_F = 0 has no relative distance");
        return Math.sqrt(d / n);
    }

    /**
     * Right-hand side of the Pavlov/Hebb neural dynamics of refs [3, 39] as quoted in 003 §5.2:
     * τ_v dv/dt = −v + tanh(β J v + β u).
     *
     * @param out written, length N_v
     */
    public static void pavlovRhs(double[][] couplings, double beta, double[] u, double[] v, double[] out) {
        Check.nonEmpty("v", v);
        int n = v.length;
        Check.rows("couplings", couplings, "v.length", n);
        Check.sameSize("couplings.length", couplings.length, "v.length", n);
        Check.finite("beta", beta);
        Check.vector("u", u, "v.length", n);
        Check.length("out", out, "v.length", n);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) s += couplings[i][j] * v[j];
            out[i] = -v[i] + Math.tanh(beta * s + beta * u[i]);
        }
    }

    /** U Ξ: rotating the memories leaves J unchanged (003 footnote 4). */
    public static double[][] rotate(double[][] u, double[][] memories) {
        Check.finite("u", u);
        Check.finite("memories", memories);
        Check.sameSize("u columns", u[0].length, "memories.length", memories.length);
        double[][] out = new double[u.length][memories[0].length];
        for (int i = 0; i < u.length; i++)
            for (int k = 0; k < memories.length; k++) {
                double c = u[i][k];
                for (int j = 0; j < out[i].length; j++) out[i][j] += c * memories[k][j];
            }
        return out;
    }
}
