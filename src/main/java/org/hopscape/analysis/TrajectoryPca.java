package org.hopscape.analysis;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.hopscape.util.Blas;
import org.hopscape.util.Check;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import java.util.Arrays;

/**
 * Centred principal component analysis of recorded network states (001 Figs 2C bottom, 3D–F; refs 1, 27):
 * covariance Σ = (X − x̄)ᵀ(X − x̄)/(n − 1) (OpenBLAS product), leading eigenvectors by EJML's symmetric
 * eigen-decomposition. Each component's sign is fixed so that its largest-magnitude entry is positive.
 *
 * @param mean       x̄, length N
 * @param components k×N, rows are unit principal directions in order of decreasing variance
 * @param variances  the k leading eigenvalues of Σ
 * @param totalVariance trace Σ
 */
public record TrajectoryPca(double[] mean, double[][] components, double[] variances, double totalVariance) {

    /** Fits k components to the rows of {@code states} (n × N, n ≥ 2). */
    public static TrajectoryPca fit(double[][] states, int k) {
        Check.finite("states", states);
        int n = states.length, d = states[0].length;
        if (n < 2) throw new IllegalArgumentException("states must have at least 2 rows (got " + n + ")");
        Check.inRange("k", k, 1, d);
        double[] mean = new double[d];
        for (double[] x : states) for (int j = 0; j < d; j++) mean[j] += x[j] / n;
        double[] xc = new double[n * d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) xc[i * d + j] = states[i][j] - mean[j];
        double[] cov = new double[d * d];
        Blas.gemm(true, false, d, d, n, 1.0 / (n - 1), xc, xc, 0, cov);
        double trace = 0;
        for (int j = 0; j < d; j++) trace += cov[j * d + j];
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(DMatrixRMaj.wrap(d, d, cov)))
            throw new IllegalStateException("eigen-decomposition of the " + d + "×" + d + " covariance failed");
        Integer[] order = new Integer[d];
        for (int j = 0; j < d; j++) order[j] = j;
        Arrays.sort(order, (a, b) -> Double.compare(eig.getEigenvalue(b).real, eig.getEigenvalue(a).real));
        double[][] comps = new double[k][d];
        double[] vars = new double[k];
        for (int c = 0; c < k; c++) {
            DMatrixRMaj v = eig.getEigenVector(order[c]);
            vars[c] = eig.getEigenvalue(order[c]).real;
            double norm = 0, big = 0;
            for (int j = 0; j < d; j++) {
                norm += v.data[j] * v.data[j];
                if (Math.abs(v.data[j]) > Math.abs(big)) big = v.data[j];
            }
            double s = Math.signum(big) / Math.sqrt(norm);
            for (int j = 0; j < d; j++) comps[c][j] = s * v.data[j];
        }
        return new TrajectoryPca(mean, comps, vars, trace);
    }

    public int dimensions() { return components.length; }

    /** Coordinates of one state: (x − x̄)·v_c for each component c. */
    public double[] project(double[] x) {
        Check.sameSize("x.length", x.length, "N", mean.length);
        double[] out = new double[components.length];
        for (int c = 0; c < components.length; c++) {
            double s = 0;
            for (int j = 0; j < mean.length; j++) s += (x[j] - mean[j]) * components[c][j];
            out[c] = s;
        }
        return out;
    }

    /** Coordinates of many states: column c of the result holds PC c+1 → result[c][row]. */
    public double[][] projectAll(double[][] xs) {
        double[][] out = new double[components.length][xs.length];
        for (int i = 0; i < xs.length; i++) {
            double[] p = project(xs[i]);
            for (int c = 0; c < p.length; c++) out[c][i] = p[c];
        }
        return out;
    }

    /** Fraction of the total variance along each kept component. */
    public double[] explainedVarianceRatio() {
        double[] r = new double[variances.length];
        for (int c = 0; c < r.length; c++) r[c] = variances[c] / totalVariance;
        return r;
    }

    /** Component, variance, explained ratio. */
    public Table toTable() {
        DoubleColumn pc = DoubleColumn.create("component"), v = DoubleColumn.create("variance"),
                r = DoubleColumn.create("explained ratio");
        double[] er = explainedVarianceRatio();
        for (int c = 0; c < variances.length; c++) { pc.append(c + 1); v.append(variances[c]); r.append(er[c]); }
        return Table.create("PCA", pc, v, r);
    }
}
