package org.hopscape.dynamics;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import org.hopscape.util.Check;

import java.util.Arrays;

/**
 * Small dense linear algebra for critical-point work (n is small: 2 in every figure of 004): solve, determinant,
 * eigenvalues of a symmetric matrix (a Hessian), real eigen-pairs of a matrix similar to a symmetric one (the
 * Jacobian J = −G⁻¹H of a gradient flow with a metric), norms.
 *
 * <h2>Matrix convention</h2>
 * Public signatures of the kit take and return matrices as {@code double[][]}, one array per row ({@code a[i][j]}
 * = row i, column j). Flat row-major {@code double[]} (entry (i, j) at {@code i·n + j}) stays inside kernels:
 * the caller-owned output arrays of {@link GradientSystem#hessian} and {@link GradientSystem#metricInverse} (hot
 * loops of Newton and the integrators), {@code hopfield.kernel}, and the package-private overloads here that
 * take {@code (n, flat)}. For larger problems use EJML ({@code CommonOps_DDRM}, {@code DecompositionFactory_DDRM})
 * directly.
 */
public final class Linear {
    private Linear() {}

    // ------------------------------------------------------------------------------------------ public tier

    /** Solves A x = b (A square, n×n; both read). Null when A is singular to working precision. */
    public static double[] solve(double[][] a, double[] b) {
        int n = square("a", a);
        Check.vector("b", b, "rows of a", n);
        return solve(n, flat(a), b);
    }

    /** det A (A square; read). */
    public static double det(double[][] a) {
        return det(square("a", a), flat(a));
    }

    /** Eigenvalues of the symmetric part ½(A + Aᵀ), ascending (A square; read). */
    public static double[] symmetricEigenvalues(double[][] a) {
        return symmetricEigenvalues(square("a", a), flat(a));
    }

    /**
     * Real eigen-pairs of A, eigenvalues ascending with unit eigenvectors as rows of {@link Eigen#vectors()}. Meant
     * for matrices with real spectra (symmetric ones, or J = −G⁻¹H with G symmetric positive definite); complex
     * parts are dropped.
     */
    public static Eigen eigen(double[][] a) {
        return realEigen(square("a", a), flat(a));
    }

    /** A·B for square matrices of one size (both read). */
    public static double[][] multiply(double[][] a, double[][] b) {
        int n = square("a", a);
        Check.sameSize("rows of b", square("b", b), "rows of a", n);
        return rows(n, multiply(n, flat(a), flat(b)));
    }

    /** Row-major flat copy of a rectangular matrix (the kernels' layout). */
    public static double[] flat(double[][] a) {
        Check.notNull("a", a);
        if (a.length == 0) return new double[0];
        int c = a[0].length;
        double[] f = new double[Check.arraySize("rows × columns", a.length, c)];
        for (int i = 0; i < a.length; i++) {
            if (a[i] == null || a[i].length != c)
                throw new IllegalArgumentException("a is ragged: row " + i + " has " + (a[i] == null ? "no" : a[i].length)
                        + " entries, row 0 has " + c);
            System.arraycopy(a[i], 0, f, i * c, c);
        }
        return f;
    }

    /** The n×n matrix of a flat row-major array of length n² (copied). */
    public static double[][] rows(int n, double[] flat) {
        Check.positive("n", n);
        Check.sameSize("flat.length", flat.length, "n²", Check.arraySize("n²", n, n));
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) System.arraycopy(flat, i * n, a[i], 0, n);
        return a;
    }

    private static int square(String name, double[][] a) {
        Check.notNull(name, a);
        if (a.length == 0) throw new IllegalArgumentException(name + " must have at least one row (got none)");
        for (int i = 0; i < a.length; i++)
            if (a[i] == null || a[i].length != a.length)
                throw new IllegalArgumentException(name + " must be square: row " + i + " has "
                        + (a[i] == null ? "no" : a[i].length) + " entries for " + a.length + " rows");
        return a.length;
    }

    // ------------------------------------------------------------------------------ kernel tier (flat, n×n)

    /** Solves A x = b by Gaussian elimination with partial pivoting; A (n×n) and b are read. Null if singular. */
    static double[] solve(int n, double[] a, double[] b) {
        double[] m = a.clone(), x = b.clone();
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]) > Math.abs(m[p * n + c])) p = r;
            if (m[p * n + c] == 0 || !Double.isFinite(m[p * n + c])) return null;
            if (p != c) {
                for (int k = 0; k < n; k++) { double t = m[c * n + k]; m[c * n + k] = m[p * n + k]; m[p * n + k] = t; }
                double t = x[c]; x[c] = x[p]; x[p] = t;
            }
            for (int r = c + 1; r < n; r++) {
                double f = m[r * n + c] / m[c * n + c];
                if (f == 0) continue;
                for (int k = c; k < n; k++) m[r * n + k] -= f * m[c * n + k];
                x[r] -= f * x[c];
            }
        }
        for (int r = n - 1; r >= 0; r--) {
            double s = x[r];
            for (int k = r + 1; k < n; k++) s -= m[r * n + k] * x[k];
            x[r] = s / m[r * n + r];
        }
        return x;
    }

    /** Determinant by elimination (a is read). */
    static double det(int n, double[] a) {
        if (n == 1) return a[0];
        if (n == 2) return a[0] * a[3] - a[1] * a[2];
        double[] m = a.clone();
        double d = 1;
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]) > Math.abs(m[p * n + c])) p = r;
            if (m[p * n + c] == 0) return 0;
            if (p != c) { d = -d; for (int k = 0; k < n; k++) { double t = m[c * n + k]; m[c * n + k] = m[p * n + k]; m[p * n + k] = t; } }
            d *= m[c * n + c];
            for (int r = c + 1; r < n; r++) {
                double f = m[r * n + c] / m[c * n + c];
                for (int k = c; k < n; k++) m[r * n + k] -= f * m[c * n + k];
            }
        }
        return d;
    }

    static double[] multiply(int n, double[] a, double[] b) {
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++) {
                double v = a[i * n + k];
                for (int j = 0; j < n; j++) c[i * n + j] += v * b[k * n + j];
            }
        return c;
    }

    /** Euclidean norm |v|. */
    public static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }

    /** Euclidean distance |a − b| (equal lengths). */
    public static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) { double d = a[i] - b[i]; s += d * d; }
        return Math.sqrt(s);
    }

    /** Eigenvalues of a symmetric matrix (symmetrised first), ascending. */
    static double[] symmetricEigenvalues(int n, double[] a) {
        if (n == 2) {
            double p = a[0], q = 0.5 * (a[1] + a[2]), r = a[3];
            double mean = 0.5 * (p + r), rad = Math.hypot(0.5 * (p - r), q);
            return new double[]{mean - rad, mean + rad};
        }
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) m.set(i, j, 0.5 * (a[i * n + j] + a[j * n + i]));
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(m)) throw new IllegalStateException("symmetric eigen decomposition failed");
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) ev[i] = eig.getEigenvalue(i).real;
        Arrays.sort(ev);
        return ev;
    }

    /**
     * Real eigen-pairs of a matrix that is similar to a symmetric one (J = −G⁻¹H): eigenvalues ascending (real
     * parts) and unit eigenvectors as rows of {@code vectors}.
     */
    public record Eigen(double[] values, double[][] vectors) {}

    static Eigen realEigen(int n, double[] a) {
        DMatrixRMaj m = new DMatrixRMaj(n, n, true, a);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, false);
        if (!eig.decompose(m)) throw new IllegalStateException("eigen decomposition failed");
        Integer[] order = new Integer[n];
        double[] re = new double[n];
        double[][] vec = new double[n][];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            Complex_F64 c = eig.getEigenvalue(i);
            re[i] = c.real;
            DMatrixRMaj v = eig.getEigenVector(i);
            double[] u = new double[n];
            if (v != null) for (int k = 0; k < n; k++) u[k] = v.get(k, 0);
            else u = nullVector(n, a, c.real);
            double nu = norm(u);
            for (int k = 0; k < n; k++) u[k] /= nu;
            vec[i] = u;
        }
        Arrays.sort(order, (p, q) -> Double.compare(re[p], re[q]));
        double[] values = new double[n];
        double[][] vectors = new double[n][];
        for (int i = 0; i < n; i++) { values[i] = re[order[i]]; vectors[i] = vec[order[i]]; }
        return new Eigen(values, vectors);
    }

    /** A null vector of (A − λI) by inverse iteration (fallback when the decomposition gives no vector). */
    private static double[] nullVector(int n, double[] a, double lambda) {
        double[] s = a.clone();
        double shift = lambda + 1e-10 * (1 + Math.abs(lambda));
        for (int i = 0; i < n; i++) s[i * n + i] -= shift;
        double[] v = new double[n];
        Arrays.fill(v, 1);
        for (int it = 0; it < 20; it++) {
            double[] w = solve(n, s, v);
            if (w == null) break;
            double nw = norm(w);
            for (int k = 0; k < n; k++) v[k] = w[k] / nw;
        }
        return v;
    }
}
