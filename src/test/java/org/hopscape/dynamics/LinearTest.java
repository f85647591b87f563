package org.hopscape.dynamics;

import org.hopscape.dynamics.examples.ContinuousHopfield;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The public tier of {@link Linear} (double[][] rows) against closed forms; overloads agree with the flat kernels. */
class LinearTest {
    private static final double EXACT = 1e-12;

    @Test
    void solveAndDetOfAThreeByThree() {
        double[][] a = {{2, 1, 0}, {1, 3, 1}, {0, 1, 4}};
        // det by cofactors: 2(12 − 1) − 1(4 − 0) = 18
        assertEquals(18, Linear.det(a), EXACT);
        double[] x = {1, -2, 0.5}, b = {2 - 2, 1 - 6 + 0.5, -2 + 2};
        assertArrayEquals(x, Linear.solve(a, b), EXACT);
        assertNull(Linear.solve(new double[][]{{1, 2}, {2, 4}}, new double[]{1, 1}), "singular");
        assertEquals(0, Linear.det(new double[][]{{1, 2}, {2, 4}}), EXACT);
    }

    @Test
    void symmetricEigenvaluesOfKnownSpectra() {
        // [[2, 1], [1, 2]]: 1 and 3; the 3×3 path Laplacian [[1,−1,0],[−1,2,−1],[0,−1,1]]: 0, 1, 3
        assertArrayEquals(new double[]{1, 3}, Linear.symmetricEigenvalues(new double[][]{{2, 1}, {1, 2}}), EXACT);
        assertArrayEquals(new double[]{0, 1, 3},
                Linear.symmetricEigenvalues(new double[][]{{1, -1, 0}, {-1, 2, -1}, {0, -1, 1}}), 1e-12);
    }

    @Test
    void eigenPairsOfAFlowWithAMetricAreReal() {
        // J = −G⁻¹H with G = diag(1, 4), H = [[2, 1], [1, 2]]: J = [[−2, −1], [−¼, −½]]; trace −5/2, det ¾
        double[][] j = {{-2, -1}, {-0.25, -0.5}};
        Linear.Eigen e = Linear.eigen(j);
        double disc = Math.sqrt(2.5 * 2.5 / 4 - 0.75);
        assertArrayEquals(new double[]{-1.25 - disc, -1.25 + disc}, e.values(), 1e-12);
        for (int k = 0; k < 2; k++) {
            double[] v = e.vectors()[k];
            assertEquals(1, Linear.norm(v), 1e-12);
            double[] jv = {j[0][0] * v[0] + j[0][1] * v[1], j[1][0] * v[0] + j[1][1] * v[1]};
            assertEquals(0, Linear.distance(jv, new double[]{e.values()[k] * v[0], e.values()[k] * v[1]}), 1e-12);
        }
    }

    @Test
    void rowsAndFlatRoundTripAndMultiply() {
        double[][] a = {{1, 2}, {3, 4}}, b = {{0, 1}, {1, 0}};
        assertArrayEquals(new double[]{1, 2, 3, 4}, Linear.flat(a));
        assertArrayEquals(a, Linear.rows(2, Linear.flat(a)));
        assertArrayEquals(new double[][]{{2, 1}, {4, 3}}, Linear.multiply(a, b));
    }

    @Test
    void raggedOrNonSquareIsRefusedWithTheRow() {
        var e = assertThrows(IllegalArgumentException.class, () -> Linear.det(new double[][]{{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Linear.solve(new double[][]{{1, 2}, {3, 4}}, new double[3]));
        assertTrue(e.getMessage().contains("b"), e.getMessage());
    }

    @Test
    void rowOverloadsAgreeWithTheFlatOnes() {
        double[][] w = {{1, -1}, {-1, 1}};
        assertArrayEquals(StructuralStability.hopfieldOrigin(new double[]{1, -1, -1, 1}, 0).hessianEigenvalues(),
                StructuralStability.hopfieldOrigin(w, 0).hessianEigenvalues(), 0);
        double[][] s = {{2, 1, 0}, {1, -1, 0.5}, {0, 0.5, -0.3}};
        var rows = StructuralStability.floorEigenvalues(s, 0.1);
        var flat = StructuralStability.floorEigenvalues(Linear.flat(s), 3, 0.1);
        assertArrayEquals(flat.floored(), rows.floored(), 0);
        assertArrayEquals(Linear.rows(3, flat.floored()), rows.flooredMatrix());
        // W̄ is symmetric with smallest eigenvalue ε (Remark 27)
        assertEquals(0.1, Linear.symmetricEigenvalues(rows.flooredMatrix())[0], 1e-12);
        assertArrayEquals(new double[]{1, -1, -1, 1}, ContinuousHopfield.of(w, 0.85).weights(), 0);
    }
}
