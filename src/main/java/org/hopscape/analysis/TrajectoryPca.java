package org.hopscape.analysis;

import org.hopscape.embed.Pca;
import org.hopscape.util.Check;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import java.util.Arrays;

/**
 * Centred principal component analysis of recorded network states (001 Figs 2C bottom, 3D–F; refs 1, 27):
 * the leading eigenvectors of the covariance Σ = (X − x̄)ᵀ(X − x̄)/(n − 1), fitted by {@link Pca} (Smile), with
 * each component's sign fixed so that its largest-magnitude entry is positive.
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
        if (states.length < 2) throw new IllegalArgumentException("states must have at least 2 rows (got " + states.length + ")");
        Check.inRange("k", k, 1, states[0].length);
        Pca pca = Pca.fit(states, new Pca.Options(k));
        double[][] comps = new double[k][];
        for (int c = 0; c < k; c++) {
            double[] v = pca.components()[c];
            double big = 0;
            for (double e : v) if (Math.abs(e) > Math.abs(big)) big = e;
            double sign = big < 0 ? -1 : 1; // a fixed orientation, so figures do not flip between runs
            comps[c] = new double[v.length];
            for (int j = 0; j < v.length; j++) comps[c][j] = sign * v[j];
        }
        double total = 0;
        for (double[] row : states) for (int j = 0; j < row.length; j++) {
            double t = row[j] - pca.mean()[j];
            total += t * t;
        }
        return new TrajectoryPca(pca.mean(), comps, pca.variances().clone(), total / (states.length - 1));
    }

    public int dimensions() { return components.length; }

    /** Coordinates of one state: (x − x̄)·v_c for each component c. */
    public double[] project(double[] x) {
        Check.vector("x", x, "N", mean.length);
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
        Check.rows("xs", xs, "N", mean.length);
        double[][] out = new double[components.length][xs.length];
        for (int i = 0; i < xs.length; i++) {
            double[] p = project(xs[i]);
            for (int c = 0; c < p.length; c++) out[c][i] = p[c];
        }
        return out;
    }

    /** Fraction of the total variance along each kept component. */
    public double[] explainedVarianceRatio() {
        if (!(totalVariance > 0)) throw new IllegalStateException("the states do not vary (total variance " + totalVariance + ")");
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
