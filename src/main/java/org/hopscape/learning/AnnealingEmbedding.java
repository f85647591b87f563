package org.hopscape.learning;

import org.hopscape.util.Check;
import smile.manifold.UMAP;
import smile.math.MathEx;

import java.util.Arrays;

/**
 * 2-D embedding of annealing trajectories for 002 Fig 3A/C: every stored reduced state y(t) of every recorded
 * cell becomes one point, labelled by the cell's terminal type. UMAP through Smile directly (k = 15, 2 dims,
 * min_dist 0.1 — Smile's defaults; spec 002 §3) until the shared {@code embed} package lands; PCA as a fast,
 * deterministic alternative.
 *
 * @param coordinates n×2 embedding
 * @param cell        cell index per point
 * @param time        time per point
 * @param fate        terminal type per point
 * @param method      "UMAP" or "PCA"
 */
public record AnnealingEmbedding(double[][] coordinates, int[] cell, double[] time, int[] fate, String method) {

    /** Default number of neighbours (Smile's UMAP default, spec 002 §3). */
    public static final int NEIGHBOURS = 15;

    /** Stack a run's stored trajectories into points (cells × snapshots) × r. */
    static double[][] points(Annealing.Run run, int[] cell, double[] time, int[] fate) {
        double[][][] tr = run.trajectories();
        int nt = run.trajectoryTimes().length, r = tr.length == 0 ? 0 : tr[0][0].length;
        double[][] x = new double[tr.length * nt][];
        int p = 0;
        for (int c = 0; c < tr.length; c++)
            for (int t = 0; t < nt; t++, p++) {
                x[p] = Arrays.copyOf(tr[c][t], r);
                cell[p] = c;
                time[p] = run.trajectoryTimes()[t];
                fate[p] = run.fates()[c];
            }
        return x;
    }

    /** UMAP of a run's stored trajectories; Smile's RNG is seeded on the calling thread first. */
    public static AnnealingEmbedding umap(Annealing.Run run, long seed) {
        int n = run.trajectories().length * run.trajectoryTimes().length;
        if (n < NEIGHBOURS + 2) throw new IllegalArgumentException("need > " + (NEIGHBOURS + 1) + " stored points (got " + n + ")");
        int[] cell = new int[n], fate = new int[n];
        double[] time = new double[n];
        double[][] x = points(run, cell, time, fate);
        MathEx.setSeed(seed);
        double[][] y = UMAP.fit(x, new UMAP.Options(NEIGHBOURS));
        return new AnnealingEmbedding(y, cell, time, fate, "UMAP");
    }

    /** Projection on the first two principal components (deterministic, instant). */
    public static AnnealingEmbedding pca(Annealing.Run run) {
        int n = run.trajectories().length * run.trajectoryTimes().length;
        Check.positive("stored points", n);
        int[] cell = new int[n], fate = new int[n];
        double[] time = new double[n];
        double[][] x = points(run, cell, time, fate);
        int r = x[0].length;
        double[] mean = new double[r];
        for (double[] p : x) for (int j = 0; j < r; j++) mean[j] += p[j] / n;
        double[][] cov = new double[r][r];
        for (double[] p : x) for (int a = 0; a < r; a++) for (int b = 0; b < r; b++) cov[a][b] += (p[a] - mean[a]) * (p[b] - mean[b]);
        var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(r, true, true);
        eig.decompose(new org.ejml.data.DMatrixRMaj(cov));
        Integer[] order = new Integer[r];
        for (int i = 0; i < r; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(eig.getEigenvalue(b).getReal(), eig.getEigenvalue(a).getReal()));
        double[][] y = new double[n][2];
        for (int d = 0; d < 2; d++) {
            var v = eig.getEigenVector(order[d]);
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < r; j++) s += (x[i][j] - mean[j]) * v.get(j);
                y[i][d] = s;
            }
        }
        return new AnnealingEmbedding(y, cell, time, fate, "PCA");
    }

    /** Leave-one-out k-NN accuracy of the terminal type among the points at the final time (spec 002 Fig 3A check). */
    public double finalKnnAccuracy(int k) {
        double tEnd = Arrays.stream(time).max().orElseThrow();
        int[] idx = java.util.stream.IntStream.range(0, time.length).filter(i -> time[i] == tEnd).toArray();
        int correct = 0;
        for (int i : idx) {
            double[] d = new double[idx.length];
            Integer[] o = new Integer[idx.length];
            for (int a = 0; a < idx.length; a++) {
                o[a] = a;
                d[a] = idx[a] == i ? Double.POSITIVE_INFINITY
                        : Math.hypot(coordinates[idx[a]][0] - coordinates[i][0], coordinates[idx[a]][1] - coordinates[i][1]);
            }
            Arrays.sort(o, (a, b) -> Double.compare(d[a], d[b]));
            int[] votes = new int[Arrays.stream(fate).max().orElse(0) + 1];
            for (int a = 0; a < Math.min(k, idx.length - 1); a++) votes[fate[idx[o[a]]]]++;
            int best = 0;
            for (int f = 1; f < votes.length; f++) if (votes[f] > votes[best]) best = f;
            if (best == fate[i]) correct++;
        }
        return (double) correct / idx.length;
    }

    /** Diameter of the t = 0 points divided by the diameter of all points (small = one starting region). */
    public double initialSpreadRatio() {
        return diameter(true) / diameter(false);
    }

    private double diameter(boolean initialOnly) {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY, minY = minX, maxY = maxX;
        for (int i = 0; i < time.length; i++) {
            if (initialOnly && time[i] != 0) continue;
            minX = Math.min(minX, coordinates[i][0]); maxX = Math.max(maxX, coordinates[i][0]);
            minY = Math.min(minY, coordinates[i][1]); maxY = Math.max(maxY, coordinates[i][1]);
        }
        return Math.hypot(maxX - minX, maxY - minY);
    }
}
