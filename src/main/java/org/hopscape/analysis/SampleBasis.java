package org.hopscape.analysis;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.hopscape.util.Check;

/**
 * Coefficients of a memory in a basis of training samples (000 Eq. 1): α = M Xᵀ (X Xᵀ)⁻¹, the least-squares
 * (Moore–Penrose) coordinates when the S samples (rows of X) are linearly independent (spec §3).
 */
public final class SampleBasis {
    /** Smallest / largest Cholesky pivot below which the Gram matrix counts as singular. */
    static final double MIN_PIVOT_RATIO = 1e-7;
    private final double[][] samples;
    private final DMatrixRMaj gramInverse;

    /** @param samples basis rows X (S × P), linearly independent; not copied, must not change */
    public SampleBasis(double[][] samples) {
        Check.finite("samples", samples);
        this.samples = samples;
        int s = samples.length;
        DMatrixRMaj g = new DMatrixRMaj(s, s);
        for (int i = 0; i < s; i++)
            for (int j = i; j < s; j++) {
                double v = dot(samples[i], samples[j]);
                g.set(i, j, v);
                g.set(j, i, v);
            }
        gramInverse = new DMatrixRMaj(s, s);
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(s, true);
        if (!chol.decompose(g.copy()))
            throw new IllegalArgumentException("samples are linearly dependent: their Gram matrix is not positive definite");
        DMatrixRMaj lower = chol.getT(null);
        double min = Double.POSITIVE_INFINITY, max = 0;
        for (int i = 0; i < s; i++) { min = Math.min(min, lower.get(i, i)); max = Math.max(max, lower.get(i, i)); }
        if (!(min > MIN_PIVOT_RATIO * max))
            throw new IllegalArgumentException("samples are linearly dependent: their Gram matrix is singular"
                    + " (Cholesky pivot ratio " + min / max + ")");
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(s);
        solver.setA(g);
        solver.invert(gramInverse);
    }

    /** Number of basis samples S. */
    public int size() {
        return samples.length;
    }

    /** Gram value ⟨X_i|X_j⟩. */
    public double gram(int i, int j) {
        Check.index("i", i, samples.length);
        Check.index("j", j, samples.length);
        return dot(samples[i], samples[j]);
    }

    /** α (length S) of one memory (length P). */
    public double[] coefficients(double[] memory) {
        Check.vector("memory", memory, "sample length", samples[0].length);
        int s = samples.length;
        double[] proj = new double[s], alpha = new double[s];
        for (int i = 0; i < s; i++) proj[i] = dot(memory, samples[i]);
        for (int i = 0; i < s; i++) {
            double a = 0;
            for (int j = 0; j < s; j++) a += gramInverse.get(i, j) * proj[j];
            alpha[i] = a;
        }
        return alpha;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
