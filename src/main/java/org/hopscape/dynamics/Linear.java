package org.hopscape.dynamics;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import java.util.Arrays;

/** Small dense algebra on row-major double[] used by the dynamics analyses (n is small: 2 in every figure). */
final class Linear {
    private Linear() {}

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

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }

    static double distance(double[] a, double[] b) {
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
    record Eigen(double[] values, double[][] vectors) {}

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
