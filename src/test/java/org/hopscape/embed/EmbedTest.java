package org.hopscape.embed;

import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class EmbedTest {

    /** Three well separated Gaussian clusters in 30-D, 60 points each; label = cluster. */
    static double[][] clusters(int[] labels, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] centre = new double[3][30];
        for (double[] c : centre) for (int j = 0; j < 30; j++) c[j] = r.nextGaussian() * 4;
        double[][] x = new double[180][30];
        for (int i = 0; i < 180; i++) {
            labels[i] = i % 3;
            for (int j = 0; j < 30; j++) x[i][j] = centre[i % 3][j] + r.nextGaussian();
        }
        return x;
    }

    /** 200 points along a smooth closed curve in 30-D (a 1-D manifold with local structure), small noise. */
    static double[][] curve(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] f = new double[30], ph = new double[30];
        for (int j = 0; j < 30; j++) { f[j] = 1 + r.nextInt(3); ph[j] = r.nextDouble() * 2 * Math.PI; }
        double[][] x = new double[200][30];
        for (int i = 0; i < 200; i++) {
            double t = 2 * Math.PI * i / 200;
            for (int j = 0; j < 30; j++) x[i][j] = Math.sin(f[j] * t + ph[j]) + 0.01 * r.nextGaussian();
        }
        return x;
    }

    @Test
    void exactKnnMatchesBruteForce() {
        int[] lab = new int[180];
        double[][] x = clusters(lab, 1);
        for (var metric : NearestNeighbors.Metric.values()) {
            var fast = NearestNeighbors.of(x, 7, metric);
            var slow = NearestNeighbors.bruteForce(x, 7, metric);
            for (int i = 0; i < x.length; i++) {
                assertArrayEquals(slow.distances()[i], fast.distances()[i], 1e-9, metric + " row " + i);
                assertArrayEquals(slow.neighbors()[i], fast.neighbors()[i], metric + " row " + i);
            }
        }
        var q = NearestNeighbors.query(x, new double[][] {x[5]}, 3, NearestNeighbors.Metric.EUCLIDEAN);
        assertEquals(5, q.neighbors()[0][0]);
        assertEquals(0.0, q.distances()[0][0], 1e-6);
        assertEquals(1 - 0.5, NearestNeighbors.distance(new double[] {1, 2, 3}, new double[] {2, 1, 3}, NearestNeighbors.Metric.CORRELATION), 1e-12);
        var ex = assertThrows(IllegalArgumentException.class, () -> NearestNeighbors.of(x, 180, NearestNeighbors.Metric.EUCLIDEAN));
        assertTrue(ex.getMessage().contains("k"));
    }

    @Test
    void umapSeparatesClustersIsSeededAndTransformsTrainingPointsNextToThemselves() {
        int[] lab = new int[180];
        double[][] x = clusters(lab, 2);
        var opt = Umap.Options.quick().withEpochs(200).withMetric(NearestNeighbors.Metric.EUCLIDEAN);
        Umap u = Umap.fit(x, opt);
        double[][] y = u.embedding();
        // neighbourhood fact: the 10 embedded neighbours of almost every point share its cluster
        int agree = 0, total = 0;
        for (int i = 0; i < y.length; i++) {
            var nb = NearestNeighbors.query(y, new double[][] {y[i]}, 11, NearestNeighbors.Metric.EUCLIDEAN).neighbors()[0];
            for (int j : nb) if (j != i) { total++; if (lab[j] == lab[i]) agree++; }
        }
        assertTrue(agree > 0.95 * total, "cluster agreement " + agree + "/" + total);
        // same seed, same layout
        assertArrayEquals(y[17], Umap.fit(x, opt).embedding()[17], 1e-9);
        // transform of training points lands next to their own embedding: on a manifold with local structure each
        // lands among the 10 embedded points nearest to its own embedding
        double[][] xc = curve(3);
        Umap uc = Umap.fit(xc, opt);
        double[][] yc = uc.embedding(), tc = uc.transform(xc);
        int near = 0;
        double diameter = 0;
        for (double[] a : yc) for (double[] b : yc) diameter = Math.max(diameter, Math.hypot(a[0] - b[0], a[1] - b[1]));
        double[] dOwn = new double[xc.length];
        for (int i = 0; i < xc.length; i++) {
            dOwn[i] = Math.hypot(tc[i][0] - yc[i][0], tc[i][1] - yc[i][1]);
            var nb = NearestNeighbors.query(yc, new double[][] {tc[i]}, 10, NearestNeighbors.Metric.EUCLIDEAN).neighbors()[0];
            for (int j : nb) if (j == i) { near++; break; }
        }
        java.util.Arrays.sort(dOwn);
        assertTrue(near >= 0.9 * xc.length, "own embedding among 10 nearest for " + near + "/" + xc.length);
        assertTrue(dOwn[xc.length / 2] < 0.03 * diameter, "median distance " + dOwn[xc.length / 2] + " vs diameter " + diameter);
        // clusters: a transformed point's 10 nearest embedded reference points share its cluster
        double[][] t = u.transform(x);
        int same = 0, all = 0;
        for (int i = 0; i < x.length; i++)
            for (int j : NearestNeighbors.query(y, new double[][] {t[i]}, 10, NearestNeighbors.Metric.EUCLIDEAN).neighbors()[0]) {
                all++;
                if (lab[j] == lab[i]) same++;
            }
        assertTrue(same > 0.95 * all, "transformed cluster agreement " + same + "/" + all);
        // transform is deterministic and independent of batch composition
        double[][] t2 = u.transform(new double[][] {x[3], x[4]});
        assertArrayEquals(t[3], u.transform(new double[][] {x[3]})[0], 0.0);
        assertEquals(2, t2.length);
    }

    @Test
    void optionsValidateAndRoundTrip() {
        var o = Umap.Options.paper();
        assertEquals(o, Umap.Options.of(o.toMap()));
        assertEquals(66, o.effectiveTransformEpochs());
        var ex = assertThrows(IllegalArgumentException.class, () -> o.withNeighbors(1));
        assertTrue(ex.getMessage().contains("neighbors"));
        assertThrows(IllegalArgumentException.class, () -> Umap.fit(new double[10][3], o));
    }

    @Test
    void curveMatchesTheOffsetExponential() {
        double[] ab = Umap.fitCurve(1.0, 0.1);
        // umap-learn's published values for spread 1, min_dist 0.1: a ≈ 1.577, b ≈ 0.895
        assertEquals(1.577, ab[0], 0.05);
        assertEquals(0.895, ab[1], 0.02);
    }

    @Test
    void membershipsSumToLog2K() {
        double[] d = {0.5, 0.7, 0.9, 1.0, 1.4, 2.0, 2.2, 3.0};
        double[] w = Umap.memberships(d);
        double s = 0;
        for (double v : w) s += v;
        assertEquals(3.0, s, 1e-4);
        assertEquals(1.0, w[0], 0.0);
    }

    @Test
    void pcaAgreesWithSvdOfCentredData() {
        int[] lab = new int[180];
        double[][] x = clusters(lab, 3);
        Pca p = Pca.fit(x, new Pca.Options(3));
        // reference: SVD of the centred matrix
        int n = x.length, d = x[0].length;
        double[] mean = new double[d];
        for (double[] r : x) for (int j = 0; j < d; j++) mean[j] += r[j] / n;
        SimpleMatrix c = new SimpleMatrix(n, d);
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) c.set(i, j, x[i][j] - mean[j]);
        var svd = c.svd(true);
        double[] sv = svd.getSingularValues();
        Integer[] order = new Integer[sv.length];
        for (int i = 0; i < sv.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(sv[b], sv[a]));
        double total = 0;
        for (double s : sv) total += s * s;
        for (int k = 0; k < 3; k++) {
            int o = order[k];
            assertEquals(sv[o] * sv[o] / total, p.explainedVarianceRatio()[k], 1e-9, "ratio " + k);
            assertEquals(sv[o] * sv[o] / (n - 1), p.variances()[k], 1e-9 * sv[o] * sv[o], "variance " + k);
            double dot = 0;
            for (int j = 0; j < d; j++) dot += svd.getV().get(j, o) * p.components()[k][j];
            assertEquals(1.0, Math.abs(dot), 1e-9, "axis " + k + " (up to sign)");
        }
        assertArrayEquals(p.projections()[7], p.project(new double[][] {x[7]})[0], 1e-12);
        assertEquals(3, p.toTable().rowCount());
        assertThrows(IllegalArgumentException.class, () -> new Pca.Options(0));
    }
}
