package org.hopscape.hopfield.kernel;

import org.hopscape.util.Blas;


/**
 * Hot loops of the Krotov–Hopfield dense classifier (paper 000, Appendix Eq. 5–7) on row-major {@code double[]}.
 * The two large products of an epoch (projections X·Mᵀ and the memory gradient Wᵀ·X) go to OpenBLAS
 * {@code cblas_dgemm} through Smile's FFM binding on the Java arrays themselves (foundation-notes §12);
 * {@link #epochPlain} is the same epoch with plain loops (the reference and the benchmark's baseline).
 *
 * <p>Shapes: S samples, N pixels, K memories, C classes. X is S×N, targets S×C (±1), M is K×N, L is K×C.
 * Arrays marked "read" are not modified; "written" arrays are owned by the caller and overwritten.
 */
public final class KrotovKernel {
    private KrotovKernel() {}

    /** Largest integer exponent evaluated by repeated squaring instead of {@link Math#pow}. */
    static final int MAX_INTEGER_POWER = 1 << 20;

    /** Scratch arrays of one training run, sized once (no allocation inside the epoch loop). */
    public static final class Workspace {
        final int samples, pixels, memories, classes;
        final double[] proj, f, fPrime, h, e, el, w, gM, gL, vM, vL;

        public Workspace(int samples, int pixels, int memories, int classes) {
            org.hopscape.util.Check.positive("samples", samples);
            org.hopscape.util.Check.positive("pixels", pixels);
            org.hopscape.util.Check.positive("memories", memories);
            org.hopscape.util.Check.positive("classes", classes);
            org.hopscape.util.Check.arraySize("samples × memories", samples, memories);
            org.hopscape.util.Check.arraySize("memories × pixels", memories, pixels);
            org.hopscape.util.Check.arraySize("samples × classes", samples, classes);
            this.samples = samples; this.pixels = pixels; this.memories = memories; this.classes = classes;
            proj = new double[samples * memories];
            f = new double[samples * memories];
            fPrime = new double[samples * memories];
            h = new double[samples * classes];
            e = new double[samples * classes];
            el = new double[samples * memories];
            w = new double[samples * memories];
            gM = new double[memories * pixels];
            gL = new double[memories * classes];
            vM = new double[memories * pixels];
            vL = new double[memories * classes];
        }

        void check(int s, int n, int k, int c) {
            if (s != samples || n != pixels || k != memories || c != classes)
                throw new IllegalArgumentException("workspace is " + samples + "×" + pixels + "×" + memories + "×" + classes
                        + " but the epoch needs " + s + "×" + n + "×" + k + "×" + c);
        }
    }

    /** Hyper-parameters of one epoch: F = rectified polynomial of order n, cost exponent 2m, temperature T, rate η, momentum ρ. */
    public record Step(double n, double m, double temperature, double learningRate, double momentum) {
        /** The same step with another rate η. */
        public Step withRate(double eta) {
            return new Step(n, m, temperature, eta, momentum);
        }

        public Step withN(double n) {
            return new Step(n, m, temperature, learningRate, momentum);
        }

        public Step withM(double m) {
            return new Step(n, m, temperature, learningRate, momentum);
        }

        public Step withTemperature(double temperature) {
            return new Step(n, m, temperature, learningRate, momentum);
        }

        public Step withLearningRate(double learningRate) {
            return new Step(n, m, temperature, learningRate, momentum);
        }

        public Step withMomentum(double momentum) {
            return new Step(n, m, temperature, learningRate, momentum);
        }

        /** Inverse of {@link #toMap()}: keys the map does not name keep the value of {@code new Step(2, 2, 1, 0.01, 0)}. */
        public static Step of(java.util.Map<String, ?> map) {
            return org.hopscape.util.RecordMaps.of(map, new Step(2, 2, 1, 0.01, 0));
        }

        /** Every component as text (style.md #7; listeners left out); {@link #of} reads it back. */
        public java.util.Map<String, String> toMap() {
            return org.hopscape.util.RecordMaps.toMap(this);
        }
    }

    // ------------------------------------------------------------------------------------------------ BLAS

    /** OpenBLAS threads used by the products (a process-wide setting of the native library). */
    public static int blasThreads() {
        return Blas.threads();
    }

    /** Set the OpenBLAS thread count (process-wide). */
    public static void setBlasThreads(int threads) {
        Blas.setThreads(threads);
    }

    /** out (r×c, written) = A (r×k, read) · Bᵀ where B is c×k (read). */
    public static void multiplyTransB(double[] a, double[] b, double[] out, int r, int c, int k) {
        Blas.gemm(false, true, r, c, k, 1.0, a, b, 0.0, out);
    }

    /** out (r×c, written) = Aᵀ · B where A is k×r (read) and B is k×c (read). */
    public static void multiplyTransA(double[] a, double[] b, double[] out, int r, int c, int k) {
        Blas.gemm(true, false, r, c, k, 1.0, a, b, 0.0, out);
    }

    /** out (r×c, written) = A (r×k, read) · B (k×c, read). */
    public static void multiply(double[] a, double[] b, double[] out, int r, int c, int k) {
        Blas.gemm(false, false, r, c, k, 1.0, a, b, 0.0, out);
    }

    // ------------------------------------------------------------------------------------------------ scalars

    /** x^k for x ≥ 0: repeated squaring when k is a small non-negative integer, else {@link Math#pow}. */
    public static double power(double x, double k) {
        int ik = (int) k;
        if (ik == k && ik >= 0 && ik <= MAX_INTEGER_POWER) {
            double r = 1, b = x;
            while (ik != 0) {
                if ((ik & 1) != 0) r *= b;
                ik >>>= 1;
                if (ik != 0) b *= b;
            }
            return r;
        }
        return Math.pow(x, k);
    }

    /** F(u) = max(u, 0)^n (000 Eq. 7), with u = ⟨M|σ⟩/T already divided. */
    public static double rectifiedPower(double u, double n) {
        return u > 0 ? power(u, n) : 0.0;
    }

    // ------------------------------------------------------------------------------------------------ forward

    /**
     * Scores c_d(σ) = tanh(Σ_μ l^μ_d F(⟨M^μ|σ⟩/T)) for every sample (000 Eq. 6).
     *
     * @param x      samples S×N (read)
     * @param m      memories K×N (read)
     * @param l      labels K×C (read)
     * @param scores S×C (written)
     */
    public static void scores(double[] x, double[] m, double[] l, int s, int n, int k, int c, double order,
                              double temperature, double[] scores) {
        double[] proj = new double[s * k];
        multiplyTransB(x, m, proj, s, k, n);
        for (int i = 0; i < proj.length; i++) proj[i] = rectifiedPower(proj[i] / temperature, order);
        multiply(proj, l, scores, s, c, k);
        for (int i = 0; i < scores.length; i++) scores[i] = Math.tanh(scores[i]);
    }

    // ------------------------------------------------------------------------------------------------ epoch

    /**
     * One full-batch training epoch in place (spec 000 §2.3): gradients of C = Σ_σ Σ_d (c_d − t_d)^{2m} (000 Eq. 5)
     * at the current (M, L), per-memory max-abs normalisation, momentum, label clip to [−1, 1], memory step and
     * per-memory rescale to max |M^μ_i| ≤ 1.
     *
     * @param x       samples S×N (read)
     * @param targets S×C, +1 for the true class and −1 otherwise (read)
     * @param m       memories K×N (read and written)
     * @param l       labels K×C (read and written)
     * @param ws      scratch of matching size; its velocities carry the momentum between epochs
     */
    public static void epoch(double[] x, double[] targets, double[] m, double[] l, int s, int n, int k, int c,
                             Step step, Workspace ws) {
        gradients(x, targets, m, l, s, n, k, c, step, ws);
        update(m, l, k, n, c, step, ws);
    }

    /**
     * Raw cost gradients (spec 000 §1.2), copied into the outputs:
     * ∂C/∂l^μ_d = Σ_σ e_d F_μ and ∂C/∂M^μ = Σ_σ [Σ_d e_d l^μ_d] F'_μ σ / T with e_d = 2m (c_d − t_d)^{2m−1} (1 − c_d²).
     *
     * @param gradM K×N (written)
     * @param gradL K×C (written)
     */
    public static void costGradients(double[] x, double[] targets, double[] m, double[] l, int s, int n, int k, int c,
                                     Step step, Workspace ws, double[] gradM, double[] gradL) {
        gradients(x, targets, m, l, s, n, k, c, step, ws);
        System.arraycopy(ws.gM, 0, gradM, 0, ws.gM.length);
        System.arraycopy(ws.gL, 0, gradL, 0, ws.gL.length);
    }

    private static void gradients(double[] x, double[] targets, double[] m, double[] l, int s, int n, int k, int c,
                                  Step step, Workspace ws) {
        ws.check(s, n, k, c);
        double t = step.temperature();
        // 000 Eq. 6: u = X Mᵀ / T, F = max(u,0)^n, F' = n max(u,0)^(n−1)
        multiplyTransB(x, m, ws.proj, s, k, n);
        activations(ws, step);
        // h = F L, c = tanh(h); e = 2m (c−t)^(2m−1) (1 − c²)
        multiply(ws.f, l, ws.h, s, c, k);
        errors(ws, targets, step.m());
        // ∂C/∂L = Fᵀ e
        multiplyTransA(ws.f, ws.e, ws.gL, k, c, s);
        // W[s,μ] = (Σ_d e[s,d] L[μ,d]) F'[s,μ] / T; ∂C/∂M = Wᵀ X
        multiplyTransB(ws.e, l, ws.el, s, k, c);
        for (int i = 0; i < ws.w.length; i++) ws.w[i] = ws.el[i] * ws.fPrime[i] / t;
        multiplyTransA(ws.w, x, ws.gM, k, n, s);
    }

    /** The same epoch with plain loops and no BLAS: the reference for tests and the benchmark baseline. */
    public static void epochPlain(double[] x, double[] targets, double[] m, double[] l, int s, int n, int k, int c,
                                  Step step, Workspace ws) {
        ws.check(s, n, k, c);
        double t = step.temperature();
        for (int a = 0; a < s; a++)
            for (int mu = 0; mu < k; mu++) {
                double acc = 0;
                for (int i = 0; i < n; i++) acc += x[a * n + i] * m[mu * n + i];
                ws.proj[a * k + mu] = acc;
            }
        activations(ws, step);
        for (int a = 0; a < s; a++)
            for (int d = 0; d < c; d++) {
                double acc = 0;
                for (int mu = 0; mu < k; mu++) acc += ws.f[a * k + mu] * l[mu * c + d];
                ws.h[a * c + d] = acc;
            }
        errors(ws, targets, step.m());
        for (int mu = 0; mu < k; mu++)
            for (int d = 0; d < c; d++) {
                double acc = 0;
                for (int a = 0; a < s; a++) acc += ws.f[a * k + mu] * ws.e[a * c + d];
                ws.gL[mu * c + d] = acc;
            }
        for (int a = 0; a < s; a++)
            for (int mu = 0; mu < k; mu++) {
                double acc = 0;
                for (int d = 0; d < c; d++) acc += ws.e[a * c + d] * l[mu * c + d];
                ws.w[a * k + mu] = acc * ws.fPrime[a * k + mu] / t;
            }
        for (int mu = 0; mu < k; mu++) {
            int row = mu * n;
            java.util.Arrays.fill(ws.gM, row, row + n, 0.0);
            for (int a = 0; a < s; a++) {
                double wa = ws.w[a * k + mu];
                if (wa == 0) continue;
                for (int i = 0; i < n; i++) ws.gM[row + i] += wa * x[a * n + i];
            }
        }
        update(m, l, k, n, c, step, ws);
    }

    private static void activations(Workspace ws, Step step) {
        double order = step.n(), invT = 1.0 / step.temperature();
        double[] proj = ws.proj, f = ws.f, fp = ws.fPrime;
        for (int i = 0; i < proj.length; i++) {
            double u = proj[i] * invT;
            if (u > 0) {
                double p = power(u, order - 1);   // (x/T)^(n−1), never x^n / T^n (spec 000 §1.1)
                fp[i] = order * p;
                f[i] = p * u;
            } else {
                f[i] = 0;
                fp[i] = 0;
            }
        }
    }

    private static void errors(Workspace ws, double[] targets, double costM) {
        double[] h = ws.h, e = ws.e;
        double p = 2 * costM - 1, twoM = 2 * costM;
        for (int i = 0; i < h.length; i++) e[i] = error(h[i], targets[i], p, twoM);
    }

    /** e_d = 2m (c_d − t_d)^{2m−1} (1 − c_d²) with c_d = tanh(h_d) (spec 000 §1.2); p = 2m − 1, twoM = 2m. */
    static double error(double h, double target, double p, double twoM) {
        double cd = Math.tanh(h);
        double diff = cd - target;
        // (c−t)^(2m−1) as sign·|c−t|^(2m−1): odd power, valid for non-integer m (spec 000 §1.1)
        double odd = diff == 0 ? 0 : Math.copySign(power(Math.abs(diff), p), diff);
        return twoM * odd * (1 - cd * cd);
    }

    /** Steps 2–6 of spec 000 §2.3 on the gradients in ws.gM, ws.gL. */
    private static void update(double[] m, double[] l, int k, int n, int c, Step step, Workspace ws) {
        double eta = step.learningRate(), rho = step.momentum();
        for (int mu = 0; mu < k; mu++) {
            normaliseRow(ws.gL, mu * c, c);
            normaliseRow(ws.gM, mu * n, n);
            for (int d = 0; d < c; d++) ws.vL[mu * c + d] = rho * ws.vL[mu * c + d] - ws.gL[mu * c + d];
            for (int i = 0; i < n; i++) ws.vM[mu * n + i] = rho * ws.vM[mu * n + i] - ws.gM[mu * n + i];
            if (rho != 0) {
                normaliseRow(ws.vL, mu * c, c);
                normaliseRow(ws.vM, mu * n, n);
            }
            for (int d = 0; d < c; d++) {
                double v = l[mu * c + d] + eta * ws.vL[mu * c + d];
                l[mu * c + d] = v > 1 ? 1 : (v < -1 ? -1 : v);
            }
            double max = 0;
            for (int i = 0; i < n; i++) {
                double v = m[mu * n + i] + eta * ws.vM[mu * n + i];
                m[mu * n + i] = v;
                max = Math.max(max, Math.abs(v));
            }
            // per-memory rescale: never scaled up (spec 000 §2.3 step 6)
            if (max > 1) for (int i = 0; i < n; i++) m[mu * n + i] /= max;
        }
    }

    /** Row ← row / max|row|; a row whose max is exactly 0 stays 0 (dead memory, no NaN). */
    static void normaliseRow(double[] a, int from, int len) {
        double max = 0;
        for (int i = from; i < from + len; i++) max = Math.max(max, Math.abs(a[i]));
        if (max == 0) {
            java.util.Arrays.fill(a, from, from + len, 0.0);
            return;
        }
        for (int i = from; i < from + len; i++) a[i] /= max;
    }
}
