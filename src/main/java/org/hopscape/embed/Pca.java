package org.hopscape.embed;

import org.hopscape.util.RecordMaps;
import java.util.Map;
import org.hopscape.util.Check;
import smile.feature.extraction.PCA;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Principal component analysis of the rows of a data matrix (Smile's covariance PCA): the data are centred,
 * the components are the leading eigenvectors of the covariance, projections y = (x − μ) V_k.
 *
 * @param mean                     column means μ (length p)
 * @param components               k×p principal axes (rows, unit norm, by decreasing variance)
 * @param variances                variance along each of the k axes (covariance eigenvalues, divided by n − 1)
 * @param explainedVarianceRatio   variance of each axis / total variance
 * @param projections              n×k projections of the fitted rows
 */
public record Pca(double[] mean, double[][] components, double[] variances, double[] explainedVarianceRatio,
                  double[][] projections) {

    /**
     * PCA options.
     *
     * @param components number of components kept, ≥ 1
     */
    public record Options(int components) {
        /** Provenance map (round-trips through {@link #of(Map)}; listeners are left out). */
        public Map<String, String> toMap() {
            return RecordMaps.toMap(this);
        }

        /** Inverse of {@link #toMap()}: keys the map does not name keep the value of {@code twoD()}. */
        public static Options of(Map<String, ?> map) {
            return RecordMaps.of(map, twoD());
        }

        public Options {
            Check.positive("components", components);
        }

        /** Two components (for a scatter plot). */
        public static Options twoD() {
            return new Options(2);
        }

        public Options withComponents(int components) {
            return new Options(components);
        }
    }

    /** Fit on the rows of {@code x} (n ≥ 2 rows of p ≥ components columns). */
    public static Pca fit(double[][] x, Options options) {
        Check.notNull("options", options);
        Check.finite("x", x);
        int p = x[0].length, k = options.components();
        if (x.length < 2) throw new IllegalArgumentException("x must have >= 2 rows (got " + x.length + ")");
        if (k > p) throw new IllegalArgumentException("components = " + k + " must be <= columns = " + p);
        checkScatter(x);
        PCA pca = PCA.fit(x);
        double[] mean = pca.center().toArray(new double[0]);
        // Smile 6.3 reports eigenvalues of the scatter matrix (X − μ)ᵀ(X − μ); the covariance divides by n − 1
        double[] allVar = pca.variance().toArray(new double[0]);
        for (int i = 0; i < allVar.length; i++) allVar[i] /= x.length - 1;
        double total = 0;
        for (double v : allVar) total += v;
        var loadings = pca.loadings();
        double[][] comps = new double[k][p];
        double[] var = new double[k], ratio = new double[k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < p; j++) comps[c][j] = loadings.get(j, c);
            var[c] = allVar[c];
            ratio[c] = total > 0 ? allVar[c] / total : 0;
        }
        for (double v : allVar)
            if (!Double.isFinite(v)) throw new IllegalArgumentException("x is too large: the covariance overflows");
        Pca partial = new Pca(mean, comps, var, ratio, new double[0][]);
        return new Pca(mean, comps, var, ratio, partial.project(x));
    }

    /** Σ_i (x_ij − μ_j)² must be finite for every column j, else the covariance (and LAPACK) overflows. */
    private static void checkScatter(double[][] x) {
        int n = x.length, p = x[0].length;
        for (int j = 0; j < p; j++) {
            double mean = 0;
            for (double[] row : x) mean += row[j] / n;
            double ss = 0;
            for (double[] row : x) { double d = row[j] - mean; ss += d * d; }
            if (!Double.isFinite(mean) || !Double.isFinite(ss))
                throw new IllegalArgumentException("x is too large: column " + j + " has a sum of squared deviations that"
                        + " overflows (values up to " + maxAbs(x, j) + "); rescale the data");
        }
    }

    private static double maxAbs(double[][] x, int j) {
        double m = 0;
        for (double[] row : x) m = Math.max(m, Math.abs(row[j]));
        return m;
    }

    /** Projections (x − μ) V_k of new rows. */
    public double[][] project(double[][] x) {
        Check.finite("x", x);
        Check.sameSize("x columns", x[0].length, "fitted columns", mean.length);
        double[][] y = new double[x.length][components.length];
        for (int i = 0; i < x.length; i++)
            for (int c = 0; c < components.length; c++) {
                double s = 0;
                for (int j = 0; j < mean.length; j++) s += (x[i][j] - mean[j]) * components[c][j];
                y[i][c] = s;
            }
        return y;
    }

    /** Projection on component c of every fitted row. */
    public double[] scores(int c) {
        Check.inRange("c", c, 0, components.length - 1);
        double[] v = new double[projections.length];
        for (int i = 0; i < v.length; i++) v[i] = projections[i][c];
        return v;
    }

    /** Explained variance per component. */
    public Table toTable() {
        Table t = Table.create("PCA: explained variance");
        IntColumn c = IntColumn.create("component");
        DoubleColumn v = DoubleColumn.create("variance", variances), r = DoubleColumn.create("ratio", explainedVarianceRatio);
        for (int i = 0; i < variances.length; i++) c.append(i + 1);
        return t.addColumns(c, v, r);
    }
}
