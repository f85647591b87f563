package org.hopscape.dynamics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.hopscape.dynamics.examples.ContinuousHopfield;
import org.hopscape.dynamics.examples.ModernHopfieldEnergy;
import org.hopscape.util.Check;

/**
 * Structural-stability statements of 004 §5.3–5.4 as checks: Proposition 26 (continuous Hopfield network with
 * R⁻¹ = 0 and singular W is not Morse), Remark 27 (eigenvalue flooring W̄ = Q max(Λ, ε) Qᵀ and its distance), and
 * the modern-Hopfield criterion about the update-map Jacobian D = βξ(diag p − ppᵀ)ξᵀ.
 */
public final class StructuralStability {
    private StructuralStability() {}

    /**
     * Prop. 26: the smallest |eigenvalue| of the Hessian of the continuous Hopfield energy at the origin
     * (= eigenvalues of −W + rI). Zero when r = 0 and W is singular ⇒ the origin is a degenerate critical point.
     */
    public static CriticalPoint hopfieldOrigin(double[][] weights, double leak) {
        return hopfieldOrigin(Linear.flat(weights), leak);
    }

    /** As {@link #hopfieldOrigin(double[][], double)} with W flat row-major (the kernel layout). */
    public static CriticalPoint hopfieldOrigin(double[] weights, double leak) {
        ContinuousHopfield net = new ContinuousHopfield(weights, leak);
        return CriticalPoint.classify(net, new double[net.dimension()]);
    }

    /**
     * Remark 27.
     *
     * @param floored         W̄ = Q max(Λ, ε) Qᵀ (full rank for ε > 0)
     * @param distance        ‖W − W̄‖_F measured
     * @param predicted       √Σ_{λⱼ<ε}(λⱼ − ε)²
     * @param minEigenvalue   smallest eigenvalue of W̄ (≥ ε)
     */
    public record Flooring(double[] floored, double distance, double predicted, double minEigenvalue) {
        /** W̄ as rows. */
        public double[][] flooredMatrix() {
            return Linear.rows((int) Math.round(Math.sqrt(floored.length)), floored);
        }
    }

    /** Eigenvalue flooring of a symmetric matrix (004 Remark 27; the paper's Σ̄ is Λ̄); W̄ is {@link Flooring#flooredMatrix()}. */
    public static Flooring floorEigenvalues(double[][] symmetric, double epsilon) {
        Check.notNull("symmetric", symmetric);
        return floorEigenvalues(Linear.flat(symmetric), symmetric.length, epsilon);
    }

    /** As {@link #floorEigenvalues(double[][], double)} with the matrix flat row-major n×n (the kernel layout). */
    public static Flooring floorEigenvalues(double[] symmetric, int n, double epsilon) {
        Check.positive("n", n);
        Check.finite("symmetric", symmetric);
        Check.sameSize("symmetric.length", symmetric.length, "n²", Check.arraySize("n²", n, n));
        Check.positive("epsilon", epsilon);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(new DMatrixRMaj(n, n, true, symmetric.clone())))
            throw new IllegalStateException("eigen decomposition failed");
        double[] out = new double[n * n];
        double pred = 0, min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            double l = eig.getEigenvalue(k).real, lf = Math.max(l, epsilon);
            if (l < epsilon) pred += (l - epsilon) * (l - epsilon);
            min = Math.min(min, lf);
            DMatrixRMaj q = eig.getEigenVector(k);
            double nq = 0;
            for (int i = 0; i < n; i++) nq += q.get(i, 0) * q.get(i, 0);
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) out[i * n + j] += lf * q.get(i, 0) * q.get(j, 0) / nq;
        }
        return new Flooring(out, Linear.distance(out, symmetric), Math.sqrt(pred), min);
    }

    /**
     * Modern Hopfield criterion (004 §5.4) at a point v: eigenvalues of the update-map Jacobian D (ascending),
     * its numerical rank (≤ M − 1 because the softmax Jacobian diag p − ppᵀ has the null vector 1), and the
     * Hessian of the energy I − D. The paper's claim "M ≤ d ⇒ non-hyperbolic" concerns D; the gradient flow is
     * degenerate only when D has eigenvalue exactly 1 (spec 004 §7 item 16) — reported, not asserted.
     */
    public record ModernCriterion(double[] updateEigenvalues, int updateRank, double[] hessianEigenvalues,
                                  int softmaxJacobianRank) {}

    public static ModernCriterion modernHopfield(ModernHopfieldEnergy system, double[] v) {
        Check.notNull("system", system);
        int d = system.dimension();
        Check.vector("v", v, "system.dimension()", d);
        double[] dm = system.updateJacobian(v);
        double[] ev = Linear.symmetricEigenvalues(d, dm);
        double[] h = new double[d * d];
        system.hessian(v, h);
        return new ModernCriterion(ev, rank(ev), Linear.symmetricEigenvalues(d, h),
                softmaxJacobianRank(system.weightsAt(v)));
    }

    /** Numerical rank of diag p − ppᵀ (= M − 1 for p in the open simplex). */
    public static int softmaxJacobianRank(double[] p) {
        Check.nonEmpty("p", p);
        for (int i = 0; i < p.length; i++) Check.nonNegative("p[" + i + "]", p[i]);
        int m = p.length;
        double[] a = new double[m * m];
        for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) a[i * m + j] = (i == j ? p[i] : 0) - p[i] * p[j];
        return rank(Linear.symmetricEigenvalues(m, a));
    }

    private static int rank(double[] ev) {
        double max = 0;
        for (double e : ev) max = Math.max(max, Math.abs(e));
        int r = 0;
        for (double e : ev) if (Math.abs(e) > 1e-12 * Math.max(max, 1e-300)) r++;
        return r;
    }
}
