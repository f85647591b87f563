package org.hopscape.embed;

import org.ejml.simple.SimpleMatrix;
import org.hopscape.data.Digits;
import org.hopscape.data.Mnist;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

import static org.junit.jupiter.api.Assertions.*;

class UmapLayoutTest {

    /** 2,000 npm digits spread over all ten classes (the npm file is sorted by label: every 5th digit). */
    static Digits digits2000() {
        Digits d = Mnist.load();
        int[] idx = new int[2000];
        for (int i = 0; i < idx.length; i++) idx[i] = i * (d.size() / idx.length);
        return d.subset(idx);
    }

    /** umap-learn's defaults: k = 15, min_dist 0.1, Euclidean, 500 epochs (its count for n ≤ 10,000). */
    static Umap.Options learnDefaults() {
        return Umap.Options.paper().withNeighbors(15).withMinDist(0.1).withEpochs(500)
                .withMetric(NearestNeighbors.Metric.EUCLIDEAN).withEngine(Umap.Engine.OWN);
    }

    @Test
    void ownLayoutOfDigitsKeepsLabelsTogetherAsWellAsSmileAndIsDeterministic() throws Exception {
        Digits d = digits2000();
        double[][] x = d.images01();
        Umap.Options o = learnDefaults().withSeed(42);
        double[][] y = Umap.fit(x, o).embedding();
        assertTrue(EmbeddingQuality.allFinite(y));
        // Smile's layout of the same digits and options, seeds 1–4: 0.8365, 0.8445, 0.8560, 0.8620 (mean 0.850);
        // ours, seeds 1–4: 0.8545–0.8695. Bound: Smile's mean minus 0.01
        double agreement = EmbeddingQuality.knnLabelAgreement(y, d.labels(), 15);
        assertTrue(agreement >= 0.84, "15-NN label agreement " + agreement);
        // same seed on one thread (the k-NN search is parallel): identical coordinates
        double[][] one;
        try (ForkJoinPool pool = new ForkJoinPool(1)) {
            one = pool.submit(() -> Umap.fit(x, o).embedding()).get();
        }
        for (int i = 0; i < y.length; i++) assertArrayEquals(y[i], one[i], 0.0, "point " + i);
        // another seed, another layout
        double[][] other = Umap.fit(x, o.withSeed(43)).embedding();
        assertFalse(Arrays.equals(y[0], other[0]));
    }

    @Test
    void fuzzyGraphIsTheSymmetricUnionOfTheDirectedMemberships() {
        double[][] x = EmbedTest.curve(5);
        NearestNeighbors knn = NearestNeighbors.of(x, 6, NearestNeighbors.Metric.EUCLIDEAN);
        double target = Math.log(7) / Math.log(2);
        UmapLayout.Graph g = UmapLayout.fuzzyGraph(knn, target);
        int n = x.length;
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] w = Umap.memberships(knn.distances()[i], target);
            double s = 0;
            for (int t = 0; t < w.length; t++) { v[i][knn.neighbors()[i][t]] = w[t]; s += w[t]; }
            assertEquals(target, s, 1e-4, "Σ memberships of row " + i);
        }
        double[][] dense = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int e = g.ptr()[i]; e < g.ptr()[i + 1]; e++) {
                if (e > g.ptr()[i]) assertTrue(g.col()[e] > g.col()[e - 1], "columns sorted in row " + i);
                dense[i][g.col()[e]] = g.weight()[e];
            }
        }
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                double expected = v[i][j] + v[j][i] - v[i][j] * v[j][i];
                assertEquals(expected, dense[i][j], 1e-15, "w(" + i + ", " + j + ")");
                assertEquals(dense[j][i], dense[i][j], 0.0);
                assertTrue(dense[i][j] <= 1.0);
            }
    }

    @Test
    void spectralStartIsTheSecondAndThirdEigenvectorOfTheNormalisedGraph() {
        double[][] x = EmbedTest.curve(7);
        UmapLayout.Graph g = UmapLayout.fuzzyGraph(NearestNeighbors.of(x, 9, NearestNeighbors.Metric.EUCLIDEAN),
                Math.log(10) / Math.log(2));
        int n = g.n();
        // dense reference: eigenvalues of D^{-1/2} W D^{-1/2}
        SimpleMatrix m = new SimpleMatrix(n, n);
        for (int j = 0; j < n; j++) {
            double[] unit = new double[n];
            unit[j] = 1;
            double[] col = UmapLayout.normalisedProduct(g, unit);
            for (int i = 0; i < n; i++) m.set(i, j, col[i]);
        }
        var eig = m.eig();
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) ev[i] = eig.getEigenvalue(i).getReal();
        Arrays.sort(ev);
        assertEquals(1.0, ev[n - 1], 1e-9, "trivial eigenvalue");
        double[][] v = UmapLayout.leadingEigenvectors(g, 3000, 1);
        for (int d = 0; d < 2; d++) {
            double[] mv = UmapLayout.normalisedProduct(g, v[d]);
            double lambda = 0, norm = 0;
            for (int i = 0; i < n; i++) { lambda += v[d][i] * mv[i]; norm += v[d][i] * v[d][i]; }
            assertEquals(1.0, norm, 1e-12);
            assertEquals(ev[n - 2 - d], lambda, 1e-6, "eigenvalue " + (d + 2));
            double residual = 0;
            for (int i = 0; i < n; i++) residual += (mv[i] - lambda * v[d][i]) * (mv[i] - lambda * v[d][i]);
            assertTrue(Math.sqrt(residual) < 1e-3, "residual of eigenvector " + (d + 2) + ": " + Math.sqrt(residual));
        }
        double[] start = UmapLayout.spectralStart(g, 100, 1);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) { lo = Math.min(lo, start[2 * i]); hi = Math.max(hi, start[2 * i]); }
        assertEquals(0.0, lo, 1e-3);
        assertEquals(10.0, hi, 1e-3);
    }

    @Test
    void smileEngineStaysAvailableAndOptionsCarryTheEngine() {
        int[] lab = new int[180];
        double[][] x = EmbedTest.clusters(lab, 4);
        Umap.Options o = Umap.Options.quick().withEpochs(100).withMetric(NearestNeighbors.Metric.EUCLIDEAN);
        assertEquals(Umap.Engine.OWN, o.engine());
        Umap smile = Umap.fit(x, o.withEngine(Umap.Engine.SMILE));
        assertTrue(EmbeddingQuality.knnLabelAgreement(smile.embedding(), lab, 10) > 0.95);
        assertEquals(o.withEngine(Umap.Engine.SMILE), Umap.Options.of(o.withEngine(Umap.Engine.SMILE).toMap()));
        var ex = assertThrows(IllegalArgumentException.class, () -> o.withEngine(null));
        assertTrue(ex.getMessage().contains("engine"));
        // the own engine wants k − 1 other points (umap-learn counts the point itself among its k)
        NearestNeighbors wrong = NearestNeighbors.of(x, 15, NearestNeighbors.Metric.EUCLIDEAN);
        var ex2 = assertThrows(IllegalArgumentException.class, () -> Umap.fit(x, wrong, o));
        assertTrue(ex2.getMessage().contains("knn.k"));
        assertEquals(14, Umap.neighbors(x, o).k());
    }
}
