package org.hopscape.embed;

import org.hopscape.util.Blas;
import org.hopscape.util.Check;
import org.hopscape.util.Parallel;


/**
 * Exact k-nearest neighbours by Gram blocks (foundation-notes §12): one {@code cblas_dgemm} per block of query rows
 * gives all dot products with the reference rows, from which the distances follow —
 * Euclidean d² = ‖x‖² + ‖y‖² − 2 x·y, correlation d = 1 − z_x·z_y with z the centred, unit-norm rows —
 * then a k-slot insertion buffer per row (rows in parallel). Ties are broken by the lower reference index, so the
 * result does not depend on the thread count.
 *
 * @param neighbors k reference indices per query row, nearest first
 * @param distances the matching distances (Euclidean, not squared; or 1 − Pearson correlation)
 */
public record NearestNeighbors(int[][] neighbors, double[][] distances) {

    /** Distance between digit images. */
    public enum Metric {
        /** ‖x − y‖. */
        EUCLIDEAN,
        /** 1 − Pearson correlation of the pixel vectors (the authors' UMAP metric, spec 000 §4). */
        CORRELATION
    }

    /** Doubles per Gram block (32 MB). */
    static final int BLOCK_DOUBLES = 1 << 22;

    public int k() {
        return neighbors.length == 0 ? 0 : neighbors[0].length;
    }

    /** k nearest other rows of {@code data} for every row (the row itself excluded). */
    public static NearestNeighbors of(double[][] data, int k, Metric metric) {
        Check.notNull("metric", metric);
        Check.finite("data", data);
        if (data.length < 2)
            throw new IllegalArgumentException("data must have at least 2 rows: a row's neighbours are the other rows (got "
                    + data.length + ")");
        Check.inRange("k", k, 1, data.length - 1);
        Check.arraySize("data rows × columns", data.length, data[0].length);
        double[] ref = prepare(data, metric);
        return search(ref, data.length, ref, data.length, data[0].length, k, metric, true);
    }

    /** k nearest rows of {@code reference} for every query row. */
    public static NearestNeighbors query(double[][] reference, double[][] queries, int k, Metric metric) {
        Check.notNull("metric", metric);
        Check.finite("reference", reference);
        Check.finite("queries", queries);
        Check.sameSize("queries columns", queries[0].length, "reference columns", reference[0].length);
        Check.inRange("k", k, 1, reference.length);
        return search(prepare(reference, metric), reference.length, prepare(queries, metric), queries.length,
                reference[0].length, k, metric, false);
    }

    /** Row-major copy; for CORRELATION each row centred and scaled to unit norm (a constant row stays 0). */
    static double[] prepare(double[][] x, Metric metric) {
        int p = x[0].length;
        double[] f = new double[x.length * p];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, f, i * p, p);
            if (metric == Metric.CORRELATION) {
                double mean = 0;
                for (int j = 0; j < p; j++) mean += x[i][j];
                mean /= p;
                double norm = 0;
                for (int j = 0; j < p; j++) {
                    double v = x[i][j] - mean;
                    f[i * p + j] = v;
                    norm += v * v;
                }
                norm = Math.sqrt(norm);
                if (norm > 0) for (int j = 0; j < p; j++) f[i * p + j] /= norm;
            }
        }
        return f;
    }

    private static NearestNeighbors search(double[] ref, int n, double[] q, int m, int p, int k, Metric metric,
                                           boolean self) {
        double[] refNorm = new double[n], qNorm = new double[m];
        if (metric == Metric.EUCLIDEAN) {
            for (int i = 0; i < n; i++) refNorm[i] = dot(ref, i * p, ref, i * p, p);
            for (int i = 0; i < m; i++) qNorm[i] = self ? refNorm[i] : dot(q, i * p, q, i * p, p);
        }
        int[][] nb = new int[m][k];
        double[][] dist = new double[m][k];
        int block = Math.max(1, Math.min(m, BLOCK_DOUBLES / n));
        double[] gram = new double[block * n];
        double[] qBlock = new double[block * p];
        for (int start = 0; start < m; start += block) {
            int rows = Math.min(block, m - start);
            System.arraycopy(q, start * p, qBlock, 0, rows * p);
            Blas.gemm(false, true, rows, n, p, 1.0, qBlock, ref, 0.0, gram);
            final int s0 = start;
            Parallel.forEach("k-NN search", rows, Parallel.defaultThreads(), r -> {
                int qi = s0 + r;
                int[] idx = nb[qi];
                double[] d = dist[qi];
                java.util.Arrays.fill(d, Double.POSITIVE_INFINITY);
                java.util.Arrays.fill(idx, Integer.MAX_VALUE);
                for (int j = 0; j < n; j++) {
                    if (self && j == qi) continue;
                    double g = gram[r * n + j];
                    double v = metric == Metric.EUCLIDEAN ? Math.max(0, qNorm[qi] + refNorm[j] - 2 * g) : 1 - g;
                    if (v > d[k - 1] || (v == d[k - 1] && j > idx[k - 1])) continue;
                    int pos = k - 1;
                    while (pos > 0 && (d[pos - 1] > v || (d[pos - 1] == v && idx[pos - 1] > j))) {
                        d[pos] = d[pos - 1];
                        idx[pos] = idx[pos - 1];
                        pos--;
                    }
                    d[pos] = v;
                    idx[pos] = j;
                }
                if (metric == Metric.EUCLIDEAN) for (int t = 0; t < k; t++) d[t] = Math.sqrt(d[t]);
                else for (int t = 0; t < k; t++) d[t] = Math.max(0, d[t]);
            });
        }
        return new NearestNeighbors(nb, dist);
    }

    private static double dot(double[] a, int ao, double[] b, int bo, int p) {
        double s = 0;
        for (int j = 0; j < p; j++) s += a[ao + j] * b[bo + j];
        return s;
    }

    /** Plain O(n²p) search without BLAS: the reference for tests. */
    static NearestNeighbors bruteForce(double[][] data, int k, Metric metric) {
        int n = data.length;
        int[][] nb = new int[n][k];
        double[][] dist = new double[n][k];
        for (int i = 0; i < n; i++) {
            Integer[] order = new Integer[n - 1];
            double[] d = new double[n];
            for (int j = 0, t = 0; j < n; j++) if (j != i) { order[t++] = j; d[j] = distance(data[i], data[j], metric); }
            java.util.Arrays.sort(order, (a, b) -> d[a] != d[b] ? Double.compare(d[a], d[b]) : Integer.compare(a, b));
            for (int t = 0; t < k; t++) { nb[i][t] = order[t]; dist[i][t] = d[order[t]]; }
        }
        return new NearestNeighbors(nb, dist);
    }

    /** Distance between two non-empty, finite vectors of the same length. */
    public static double distance(double[] x, double[] y, Metric metric) {
        Check.nonEmpty("x", x);
        Check.vector("y", y, "x.length", x.length);
        Check.notNull("metric", metric);
        if (metric == Metric.EUCLIDEAN) {
            double s = 0;
            for (int j = 0; j < x.length; j++) s += (x[j] - y[j]) * (x[j] - y[j]);
            return Math.sqrt(s);
        }
        double mx = 0, my = 0;
        for (int j = 0; j < x.length; j++) { mx += x[j]; my += y[j]; }
        mx /= x.length;
        my /= y.length;
        double sxy = 0, sxx = 0, syy = 0;
        for (int j = 0; j < x.length; j++) {
            double a = x[j] - mx, b = y[j] - my;
            sxy += a * b; sxx += a * a; syy += b * b;
        }
        if (sxx == 0 || syy == 0) return 1;
        return 1 - sxy / Math.sqrt(sxx * syy);
    }
}
