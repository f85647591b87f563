package org.hopscape.hopfield;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.hopscape.hopfield.kernel.SoftmaxKernels;
import org.hopscape.util.Check;
import org.hopscape.util.Interrupts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The generalized (enhancer) Hopfield model of 002 (Grishechkin, Mukherjee & Karin 2024):
 * ẋ = Qᵀ softmax(βΞx + w) − x (Eq. 1); with Q = Ξ (Eq. 2) it is a gradient flow ẋ = −∇V with
 * V = −β⁻¹ log Σ_i exp(βΞ_i·x + w_i) + ½|x|² (Eq. 3).
 *
 * <p>Immutable: {@link #withBeta} and {@link #withWeights} return new models that share the pattern arrays.
 * Ξ is K×N (row i = pattern i), w has length K, β ≥ 0.
 */
public final class GeneralizedHopfield {
    private final int k, n;
    private final double[] xi;   // row-major K×N
    private final double[] q;    // row-major K×N; same array as xi when symmetric
    private final double[] w;
    private final double beta;

    private GeneralizedHopfield(int k, int n, double[] xi, double[] q, double[] w, double beta) {
        this.k = k; this.n = n; this.xi = xi; this.q = q; this.w = w; this.beta = beta;
    }

    /** Symmetric model Q = Ξ (002 Eq. 2). */
    public static GeneralizedHopfield symmetric(double[][] memories, double[] w, double beta) {
        Check.finite("memories", memories);
        double[] flat = flatten(memories);
        return new GeneralizedHopfield(memories.length, memories[0].length, flat, flat,
                checkWeights(w, memories.length), checkBeta(beta));
    }

    /** General model with output patterns Q ≠ Ξ (002 Eq. 1). */
    public static GeneralizedHopfield general(double[][] q, double[][] memories, double[] w, double beta) {
        Check.finite("memories", memories);
        Check.finite("q", q);
        Check.sameSize("q rows", q.length, "memories rows", memories.length);
        Check.sameSize("q columns", q[0].length, "memories columns", memories[0].length);
        return new GeneralizedHopfield(memories.length, memories[0].length, flatten(memories), flatten(q),
                checkWeights(w, memories.length), checkBeta(beta));
    }

    private static double checkBeta(double beta) {
        return Check.nonNegative("beta", beta);
    }

    private static double[] checkWeights(double[] w, int k) {
        Check.finite("w", w);
        Check.sameSize("w.length", w.length, "K (patterns)", k);
        return w.clone();
    }

    static double[] flatten(double[][] m) {
        int r = m.length, c = m[0].length;
        double[] f = new double[r * c];
        for (int i = 0; i < r; i++) System.arraycopy(m[i], 0, f, i * c, c);
        return f;
    }

    public GeneralizedHopfield withBeta(double beta) {
        return new GeneralizedHopfield(k, n, xi, q, w, checkBeta(beta));
    }

    public GeneralizedHopfield withWeights(double[] w) {
        return new GeneralizedHopfield(k, n, xi, q, checkWeights(w, k), beta);
    }

    /** Number of patterns K. */
    public int patterns() { return k; }

    /** State dimension N. */
    public int dimension() { return n; }

    public double beta() { return beta; }

    public double[] weights() { return w.clone(); }

    public boolean isSymmetric() { return q == xi; }

    /** Pattern i (a copy). */
    public double[] memory(int i) {
        Check.index("i", i, k);
        return Arrays.copyOfRange(xi, i * n, (i + 1) * n);
    }

    /** Ξ as a K×N matrix (a copy). */
    public double[][] memories() {
        double[][] m = new double[k][];
        for (int i = 0; i < k; i++) m[i] = memory(i);
        return m;
    }

    /** Row-major K×N copy of Ξ (for kernels). */
    public double[] memoriesFlat() { return xi.clone(); }

    /** s = softmax(βΞx + w) into {@code out} (length K, written). */
    public void softmax(double[] x, double[] out) {
        checkState(x);
        Check.notNull("out", out);
        Check.sameSize("out.length", out.length, "K (patterns)", k);
        logits(x, out);
        SoftmaxKernels.softmaxInPlace(out, k);
    }

    /** z = βΞx + w into z, refusing states so large that a logit overflows. */
    private void logits(double[] x, double[] z) {
        SoftmaxKernels.logits(xi, k, n, beta, w, x, z);
        for (int i = 0; i < k; i++)
            if (!Double.isFinite(z[i]))
                throw new IllegalArgumentException("x is too large for beta = " + beta + ": the logit βΞ_" + i
                        + "·x + w_" + i + " overflows (max |x_j| = " + maxAbs(x) + ")");
    }

    private static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) m = Math.max(m, Math.abs(v));
        return m;
    }

    public double[] softmax(double[] x) {
        double[] s = new double[k];
        softmax(x, s);
        return s;
    }

    /** f(x) = Qᵀ softmax(βΞx + w) − x (002 Eq. 1) into {@code out} (length N, written, must not alias x). */
    public void velocity(double[] x, double[] out) {
        Check.notNull("out", out);
        Check.sameSize("out.length", out.length, "N (dimension)", n);
        if (out == x) throw new IllegalArgumentException("out must not alias x");
        double[] s = softmax(x);
        SoftmaxKernels.drift(q, k, n, s, x, out);
    }

    public double[] velocity(double[] x) {
        double[] f = new double[n];
        velocity(x, f);
        return f;
    }

    /**
     * V(x) = −β⁻¹ log Σ exp(βΞ_i·x + w_i) + ½|x|² (002 Eq. 3). At β = 0 the x-independent constant
     * −β⁻¹ log Σ e^{w_i} diverges; the returned limit drops it: V = −softmax(w)·Ξx + ½|x|².
     */
    public double energy(double[] x) {
        requireSymmetric("energy");
        checkState(x);
        double half = 0;
        for (double v : x) half += 0.5 * v * v;
        double[] z = new double[k];
        if (beta == 0) {
            double[] s = w.clone();
            SoftmaxKernels.softmaxInPlace(s, k);
            SoftmaxKernels.logits(xi, k, n, 1.0, new double[k], x, z);
            for (double v : z)
                if (!Double.isFinite(v)) throw new IllegalArgumentException("x is too large: Ξx overflows (max |x_j| = " + maxAbs(x) + ")");
            double e = 0;
            for (int i = 0; i < k; i++) e -= s[i] * z[i];
            return e + half;
        }
        logits(x, z);
        return -SoftmaxKernels.logSumExp(z, k) / beta + half;
    }

    /**
     * The symmetric model (Q = Ξ) as a gradient system for the {@code dynamics} toolkit: ẋ = −∇V with V of 002 Eq. 3
     * and the analytic Hessian −J (see {@link GeneralizedHopfieldGradient}).
     *
     * @throws UnsupportedOperationException for Q ≠ Ξ, which is not a gradient flow (its Jacobian is not symmetric)
     */
    public GeneralizedHopfieldGradient asGradientSystem() {
        return new GeneralizedHopfieldGradient(this);
    }

    /** J(x) = ∂f/∂x = −I + β Qᵀ (diag s − s sᵀ) Ξ (002 App. D Eq. 14, with J = −Hessian of V when Q = Ξ). */
    public double[][] jacobian(double[] x) {
        double[] s = softmax(x);
        // a_j = Σ_i s_i Ξ_ij, b_j = Σ_i s_i Q_ij
        double[] a = new double[n], b = new double[n];
        for (int i = 0; i < k; i++)
            for (int j = 0; j < n; j++) { a[j] += s[i] * xi[i * n + j]; b[j] += s[i] * q[i * n + j]; }
        double[][] jac = new double[n][n];
        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++) {
                double sum = 0;
                for (int i = 0; i < k; i++) sum += s[i] * q[i * n + r] * xi[i * n + c];
                jac[r][c] = beta * (sum - b[r] * a[c]) - (r == c ? 1 : 0);
            }
        return jac;
    }

    /** Largest eigenvalue of the (symmetric) Jacobian at x; a fixed point is stable iff it is < 0. */
    public double maxJacobianEigenvalue(double[] x) {
        requireSymmetric("maxJacobianEigenvalue");
        double[] e = jacobianEigenvalues(x);
        return e[e.length - 1];
    }

    /** Eigenvalues of the symmetric Jacobian at x, ascending. */
    public double[] jacobianEigenvalues(double[] x) {
        requireSymmetric("jacobianEigenvalues");
        double[][] jac = jacobian(x);
        DMatrixRMaj m = new DMatrixRMaj(jac);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(m)) throw new IllegalStateException("eigen decomposition failed");
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) ev[i] = eig.getEigenvalue(i).getReal();
        Arrays.sort(ev);
        return ev;
    }

    /**
     * Explicit Euler relaxation x ← x + dt f(x) for {@code time} units (deterministic flow); round(time/dt) steps,
     * at most 2³¹ − 1. Stops with {@link org.hopscape.util.Interrupted} when the thread is interrupted.
     *
     * @throws IllegalArgumentException also when the iteration diverges (dt too large for this β)
     */
    public double[] relax(double[] x0, double dt, double time) {
        Check.positive("dt", dt);
        Check.nonNegative("time", time);
        Check.vector("x0", x0, "N (dimension)", n);
        int steps = Check.steps("time", time, "dt", dt);
        double[] x = x0.clone(), f = new double[n], s = new double[k];
        for (int t = 0; t < steps; t++) {
            Interrupts.checkEvery(t, 255, "generalized Hopfield relaxation");
            SoftmaxKernels.logits(xi, k, n, beta, w, x, s);
            SoftmaxKernels.softmaxInPlace(s, k);
            SoftmaxKernels.drift(q, k, n, s, x, f);
            for (int j = 0; j < n; j++) x[j] += dt * f[j];
        }
        for (double v : x)
            if (!Double.isFinite(v))
                throw new IllegalArgumentException("dt = " + dt + " is too large: the Euler relaxation diverged (beta = "
                        + beta + ")");
        return x;
    }

    /** A stable fixed point with its largest Jacobian eigenvalue and residual |f(x)|. */
    public record FixedPoint(double[] point, double maxEigenvalue, double residual) {
        public boolean stable() { return maxEigenvalue < 0; }

        @Override public String toString() {
            return Arrays.toString(point) + " λmax=" + maxEigenvalue + " |f|=" + residual;
        }
    }

    /**
     * Stable fixed points reached by relaxing (Euler, dt, time) from each start; a point is kept when its
     * largest Jacobian eigenvalue is below −{@code stabilityMargin}; points closer than {@code mergeTol} merge.
     * Sorted by first coordinate descending, then second.
     */
    public List<FixedPoint> stableFixedPoints(double[][] starts, double dt, double time, double stabilityMargin,
                                              double mergeTol) {
        Check.rows("starts", starts, "N (dimension)", n);
        Check.nonNegative("stabilityMargin", stabilityMargin);
        Check.nonNegative("mergeTol", mergeTol);
        List<FixedPoint> found = new ArrayList<>();
        for (double[] s0 : starts) {
            double[] x = polish(relax(s0, dt, time));
            double lmax = maxJacobianEigenvalue(x);
            if (!(lmax < -stabilityMargin)) continue;
            boolean dup = false;
            for (FixedPoint p : found) if (distance(p.point(), x) < mergeTol) { dup = true; break; }
            if (!dup) found.add(new FixedPoint(x, lmax, norm(velocity(x))));
        }
        found.sort((p1, p2) -> {
            for (int j = 0; j < n; j++) {
                int c = Double.compare(p2.point()[j], p1.point()[j]);
                if (c != 0) return c;
            }
            return 0;
        });
        return found;
    }

    /** Newton steps x ← x − J⁻¹f(x) from a relaxed point (kept only while they shrink |f|). */
    double[] polish(double[] x0) {
        double[] x = x0.clone();
        double res = norm(velocity(x));
        for (int it = 0; it < 20 && res > 1e-14; it++) {
            DMatrixRMaj jac = new DMatrixRMaj(jacobian(x));
            DMatrixRMaj f = new DMatrixRMaj(n, 1, true, velocity(x));
            DMatrixRMaj dx = new DMatrixRMaj(n, 1);
            if (!org.ejml.dense.row.CommonOps_DDRM.solve(jac, f, dx)) break;
            double[] next = x.clone();
            for (int j = 0; j < n; j++) next[j] -= dx.get(j);
            double r2 = norm(velocity(next));
            if (!(r2 < res)) break;
            x = next;
            res = r2;
        }
        return x;
    }

    /** Default fixed-point search of 002 spec §3 Fig 1: 7×7 grid on [−1.3, 1.3]², dt 0.01, t = 40 (2-D models). */
    public List<FixedPoint> stableFixedPoints2d() {
        Check.sameSize("dimension", n, "2 (planar model)", 2);
        double[][] starts = new double[49][];
        int c = 0;
        for (int i = 0; i < 7; i++)
            for (int j = 0; j < 7; j++) starts[c++] = new double[] {-1.3 + 2.6 * i / 6, -1.3 + 2.6 * j / 6};
        return stableFixedPoints(starts, 0.01, 40, 1e-6, 1e-3);
    }

    /**
     * Exact reduction to the row space of Ξ (002 App. B): y = Vᵀx with V (N×r) an orthonormal basis of the span
     * of the patterns (r = rank ≤ K). The reduced model has patterns Ξ̃ = ΞV (K×r) and the same w, β, and
     * ẏ = Ξ̃ᵀ softmax(βΞ̃y + w) − y holds exactly; the orthogonal complement of x relaxes independently.
     */
    public record Reduction(GeneralizedHopfield model, double[][] basis) {
        /** y = Vᵀx. */
        public double[] project(double[] x) {
            Check.vector("x", x, "N (dimension)", basis.length);
            int r = basis[0].length;
            double[] y = new double[r];
            for (int j = 0; j < basis.length; j++)
                for (int c = 0; c < r; c++) y[c] += basis[j][c] * x[j];
            return y;
        }

        /** x = Vy (the component in the pattern span). */
        public double[] lift(double[] y) {
            Check.vector("y", y, "r (reduced dimension)", basis[0].length);
            double[] x = new double[basis.length];
            for (int j = 0; j < basis.length; j++)
                for (int c = 0; c < y.length; c++) x[j] += basis[j][c] * y[c];
            return x;
        }
    }

    /** The reduction of {@link Reduction}, via modified Gram–Schmidt (twice) on the patterns; rank tolerance 1e-10. */
    public Reduction reduce() {
        requireSymmetric("reduce");
        List<double[]> basis = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double[] v = memory(i);
            double before = norm(v);
            for (int pass = 0; pass < 2; pass++)
                for (double[] b : basis) {
                    double d = dot(b, v);
                    for (int j = 0; j < n; j++) v[j] -= d * b[j];
                }
            double nv = norm(v);
            if (nv <= 1e-10 * Math.max(1, before)) continue;
            for (int j = 0; j < n; j++) v[j] /= nv;
            basis.add(v);
        }
        int r = basis.size();
        double[][] vmat = new double[n][r];
        for (int c = 0; c < r; c++) for (int j = 0; j < n; j++) vmat[j][c] = basis.get(c)[j];
        double[][] red = new double[k][r];
        for (int i = 0; i < k; i++) for (int c = 0; c < r; c++) red[i][c] = dot(memory(i), basis.get(c));
        return new Reduction(symmetric(red, w, beta), vmat);
    }

    /** Gram matrix G = ΞΞᵀ (K×K). */
    public double[][] gram() {
        double[][] g = new double[k][k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) g[i][j] = dot(memory(i), memory(j));
        return g;
    }

    private void requireSymmetric(String what) {
        if (!isSymmetric()) throw new UnsupportedOperationException(what + " needs the symmetric model Q = Ξ (002 Eq. 2)");
    }

    private void checkState(double[] x) {
        Check.vector("x", x, "N (dimension)", n);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static double norm(double[] a) { return Math.sqrt(dot(a, a)); }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) { double d = a[i] - b[i]; s += d * d; }
        return Math.sqrt(s);
    }

    @Override public String toString() {
        return "GeneralizedHopfield[K=" + k + ", N=" + n + ", beta=" + beta + ", w=" + Arrays.toString(w)
                + (isSymmetric() ? ", Q=Ξ" : "") + "]";
    }
}
