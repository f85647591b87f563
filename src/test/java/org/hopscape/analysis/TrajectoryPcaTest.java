package org.hopscape.analysis;

import org.ejml.simple.SimpleMatrix;
import org.ejml.simple.SimpleSVD;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class TrajectoryPcaTest {

    @Test
    void agreesWithSvdOfCentredData() {
        SplittableRandom r = new SplittableRandom(4);
        int n = 300, d = 12;
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            double a = 3 * r.nextGaussian(), b = 1.5 * r.nextGaussian();
            for (int j = 0; j < d; j++) x[i][j] = a * Math.cos(j) + b * Math.sin(2 * j) + 0.1 * r.nextGaussian() + 5;
        }
        TrajectoryPca pca = TrajectoryPca.fit(x, 3);
        SimpleMatrix m = new SimpleMatrix(x);
        SimpleMatrix mean = new SimpleMatrix(1, d);
        for (int j = 0; j < d; j++) mean.set(0, j, pca.mean()[j]);
        SimpleMatrix c = m.copy();
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) c.set(i, j, c.get(i, j) - pca.mean()[j]);
        SimpleSVD<SimpleMatrix> svd = c.svd();
        double[] sv = svd.getW().diag().getDDRM().data.clone();
        java.util.Arrays.sort(sv);
        for (int k = 0; k < 3; k++) {
            double s = sv[d - 1 - k];
            assertEquals(s * s / (n - 1), pca.variances()[k], 1e-9);
        }
        // components are unit, orthogonal, and eigenvectors: |v·v_svd| = 1 (up to sign)
        SimpleMatrix v = svd.getV();
        for (int k = 0; k < 3; k++) {
            int col = -1;
            for (int j = 0; j < d; j++) if (Math.abs(svd.getW().get(j, j) - sv[d - 1 - k]) < 1e-12) col = j;
            double dot = 0;
            for (int j = 0; j < d; j++) dot += pca.components()[k][j] * v.get(j, col);
            assertEquals(1, Math.abs(dot), 1e-9);
        }
        double dot01 = 0;
        for (int j = 0; j < d; j++) dot01 += pca.components()[0][j] * pca.components()[1][j];
        assertEquals(0, dot01, 1e-12);
    }

    @Test
    void pointsOnALineHaveOneComponent() {
        double[][] x = new double[50][3];
        for (int i = 0; i < 50; i++) { x[i][0] = i; x[i][1] = 2 * i; x[i][2] = -1; }
        TrajectoryPca pca = TrajectoryPca.fit(x, 2);
        assertEquals(1, pca.explainedVarianceRatio()[0], 1e-12);
        assertEquals(1 / Math.sqrt(5), pca.components()[0][0], 1e-12);   // sign: largest entry positive
        assertEquals(0, pca.project(pca.mean())[0], 1e-12);
        assertEquals(Math.sqrt(5) * (10 - 24.5), pca.project(x[10])[0], 1e-9);
        assertEquals(50, pca.projectAll(x)[0].length);
    }

    @Test
    void badInputNamesTheParameter() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TrajectoryPca.fit(new double[][]{{1, 2}}, 1))
                .getMessage().contains("at least 2 rows"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TrajectoryPca.fit(new double[][]{{1, 2}, {3, 4}}, 3))
                .getMessage().contains("k"));
        TrajectoryPca p = TrajectoryPca.fit(new double[][]{{1, 2}, {3, 5}}, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.project(new double[3]))
                .getMessage().contains("x.length = 3"));
    }
}
