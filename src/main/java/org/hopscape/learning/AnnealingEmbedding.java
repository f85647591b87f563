package org.hopscape.learning;

import org.hopscape.embed.EmbeddingQuality;
import org.hopscape.embed.NearestNeighbors;
import org.hopscape.embed.Pca;
import org.hopscape.embed.Umap;
import org.hopscape.util.Check;

import java.util.Arrays;

/**
 * 2-D embedding of annealing trajectories for 002 Fig 3A/C: every stored reduced state y(t) of every recorded
 * cell becomes one point, labelled by the cell's terminal type. UMAP with k = 15, min_dist 0.1, Euclidean (spec 002
 * §3) through the kit's {@link Umap}; PCA ({@link Pca}) as the instant alternative.
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

    /** UMAP of a run's stored trajectories, seeded. */
    public static AnnealingEmbedding umap(Annealing.Run run, long seed) {
        Check.notNull("run", run);
        int n = run.trajectories().length * run.trajectoryTimes().length;
        if (n < NEIGHBOURS + 2) throw new IllegalArgumentException("need > " + (NEIGHBOURS + 1) + " stored points (got " + n + ")");
        int[] cell = new int[n], fate = new int[n];
        double[] time = new double[n];
        double[][] x = points(run, cell, time, fate);
        Umap.Options options = Umap.Options.paper().withNeighbors(NEIGHBOURS).withMinDist(0.1)
                .withMetric(NearestNeighbors.Metric.EUCLIDEAN).withSeed(seed);
        return new AnnealingEmbedding(Umap.fit(x, options).embedding(), cell, time, fate, "UMAP");
    }

    /** Projection on the first two principal components (deterministic, instant). */
    public static AnnealingEmbedding pca(Annealing.Run run) {
        Check.notNull("run", run);
        int n = run.trajectories().length * run.trajectoryTimes().length;
        Check.positive("stored points", n);
        int[] cell = new int[n], fate = new int[n];
        double[] time = new double[n];
        double[][] x = points(run, cell, time, fate);
        return new AnnealingEmbedding(Pca.fit(x, Pca.Options.twoD()).projections(), cell, time, fate, "PCA");
    }

    /** Leave-one-out k-NN accuracy of the terminal type among the points at the final time (spec 002 Fig 3A check). */
    public double finalKnnAccuracy(int k) {
        Check.positive("k", k);
        double tEnd = Arrays.stream(time).max().orElseThrow();
        int[] idx = java.util.stream.IntStream.range(0, time.length).filter(i -> time[i] == tEnd).toArray();
        double[][] y = new double[idx.length][];
        int[] f = new int[idx.length];
        for (int a = 0; a < idx.length; a++) { y[a] = coordinates[idx[a]]; f[a] = fate[idx[a]]; }
        return EmbeddingQuality.knnLabelAgreement(y, f, Math.min(k, idx.length - 1));
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
