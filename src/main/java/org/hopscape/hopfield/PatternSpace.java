package org.hopscape.hopfield;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.hopscape.util.Blas;
import org.hopscape.util.Check;

/**
 * The geometry of the stored patterns (001 §2.3, §3.2, with the corrections of spec 001 §1(a)–(d)):
 * overlap matrix g = ΞΞᵀ/N, its inverse, magnetisations m = Ξx/N (Eq. 4), decorrelated order parameters
 * m^ = g⁻¹m (Eq. 9) and the projection P = Ξᵀg⁻¹Ξ/N onto the pattern span (Eq. 14 with 1/N).
 *
 * <p>g is inverted once by Cholesky (it is SPD exactly when the patterns are linearly independent); patterns
 * that are dependent, or more patterns than neurons, are rejected.
 */
public final class PatternSpace {
    /**
     * Patterns count as linearly dependent when some ξ_k keeps less than this fraction of its squared norm
     * outside the span of the patterns before it (Cholesky pivot L_kk² / g_kk).
     */
    public static final double DEPENDENCE_PIVOT = 1e-10;

    private final int p, n;
    private final double[] xi;        // P×N row-major
    private final double[] overlap;   // g, P×P
    private final double[] inverse;   // g⁻¹, P×P

    private PatternSpace(double[] xi, int p, int n) {
        this.xi = xi;
        this.p = p;
        this.n = n;
        this.overlap = new double[p * p];
        // g = Ξ Ξᵀ / N (spec 001 §1(a): the printed Eq. 6 lacks the 1/N and sums over i ≠ j)
        Blas.gemm(false, true, p, p, n, 1.0 / n, xi, xi, 0, overlap);
        for (double g : overlap)
            if (!Double.isFinite(g))
                throw new IllegalArgumentException("patterns are too large: the overlap g = ΞΞᵀ/N overflows (entries must"
                        + " keep Σ_i ξ_μi ξ_νi below 1.8e308)");
        CholeskyDecomposition_F64<DMatrixRMaj> dec = DecompositionFactory_DDRM.chol(p, true);
        if (!dec.decompose(DMatrixRMaj.wrap(p, p, overlap.clone())) || minPivot(dec.getT(null)) < DEPENDENCE_PIVOT)
            throw new IllegalArgumentException("patterns are linearly dependent: the overlap matrix g (p=" + p
                    + ") is singular, so g⁻¹ and the projection rule are undefined");
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(p);
        chol.setA(DMatrixRMaj.wrap(p, p, overlap.clone()));
        DMatrixRMaj inv = new DMatrixRMaj(p, p);
        chol.invert(inv);
        this.inverse = inv.data;
    }

    /** min_k L_kk² / g_kk: the fraction of pattern k's norm outside the span of patterns 0..k−1. */
    private double minPivot(DMatrixRMaj lower) {
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < p; k++) {
            double l = lower.get(k, k);
            min = Math.min(min, l * l / overlap[k * p + k]);
        }
        return min;
    }

    /**
     * The pattern space of P patterns ξ_μ (rows, each of length N).
     *
     * @throws IllegalArgumentException for ragged or non-finite patterns, P &gt; N, or dependent patterns
     */
    public static PatternSpace of(double[][] patterns) {
        Check.finite("patterns", patterns);
        int p = patterns.length, n = patterns[0].length;
        if (p > n)
            throw new IllegalArgumentException("p=" + p + " memories exceed n=" + n
                    + " neurons: the overlap matrix g is singular and the projection rule is undefined");
        return new PatternSpace(Patterns.flat(patterns), p, n);
    }

    public int patternCount() { return p; }

    public int neurons() { return n; }

    /** ξ_μ (a copy). */
    public double[] pattern(int mu) {
        Check.index("mu", mu, p);
        double[] out = new double[n];
        System.arraycopy(xi, mu * n, out, 0, n);
        return out;
    }

    /** All patterns, P×N (a copy). */
    public double[][] patterns() {
        double[][] out = new double[p][];
        for (int mu = 0; mu < p; mu++) out[mu] = pattern(mu);
        return out;
    }

    /** Row-major Ξ, read only (for kernels in this package). */
    double[] flatPatterns() { return xi; }

    /** g⁻¹ row-major, read only. */
    double[] flatInverse() { return inverse; }

    /** g_μν = (1/N) Σ_i ξ_μi ξ_νi (spec 001 §1(a)). */
    public double[][] overlapMatrix() { return square(overlap, p); }

    /** g^μν = (g⁻¹)_μν (001 Eq. 7). */
    public double[][] inverseOverlapMatrix() { return square(inverse, p); }

    /** m_μ = (1/N) Σ_j ξ_μj x_j (001 Eq. 4). */
    public double[] magnetizations(double[] x) {
        checkState(x);
        double[] m = new double[p];
        magnetizationsInto(x, m);
        return m;
    }

    /** m^μ = Σ_ν g^μν m_ν (001 Eq. 9). */
    public double[] orderParameters(double[] x) {
        checkState(x);
        double[] m = new double[p], mh = new double[p];
        magnetizationsInto(x, m);
        decorrelateInto(m, mh);
        return mh;
    }

    /** m written: m_μ = ξ_μ·x/N. */
    void magnetizationsInto(double[] x, double[] m) {
        for (int mu = 0; mu < p; mu++) {
            double s = 0;
            int o = mu * n;
            for (int j = 0; j < n; j++) s += xi[o + j] * x[j];
            m[mu] = s / n;
        }
    }

    /** mh written: mh = g⁻¹ m. */
    void decorrelateInto(double[] m, double[] mh) {
        for (int a = 0; a < p; a++) {
            double s = 0;
            for (int b = 0; b < p; b++) s += inverse[a * p + b] * m[b];
            mh[a] = s;
        }
    }

    /** P_ij = (1/N) Σ_μν ξ_μi g^μν ξ_νj (001 Eq. 14, corrected per spec §1(b)); N×N row-major. */
    public double[] projectionFlat() {
        double[] b = new double[p * n];
        Blas.gemm(false, false, p, n, p, 1.0, inverse, xi, 0, b);      // g⁻¹Ξ
        double[] proj = new double[n * n];
        Blas.gemm(true, false, n, n, p, 1.0 / n, xi, b, 0, proj);        // Ξᵀ g⁻¹ Ξ / N
        return proj;
    }

    /** The projection matrix as N×N rows. */
    public double[][] projection() { return square(projectionFlat(), n); }

    /** P x = Σ_μ m^μ ξ_μ, the component of x in the pattern span (001 Eqs. 15–16). */
    public double[] project(double[] x) {
        double[] mh = orderParameters(x);
        double[] out = new double[n];
        for (int mu = 0; mu < p; mu++)
            for (int i = 0; i < n; i++) out[i] += mh[mu] * xi[mu * n + i];
        return out;
    }

    /** x⊥ = (I − P) x (001 Eq. 15). */
    public double[] perpendicular(double[] x) {
        double[] px = project(x);
        for (int i = 0; i < n; i++) px[i] = x[i] - px[i];
        return px;
    }

    /** E^quad = −(N/2) Σ_μ m_μ m^μ (001 Eq. 18; = −½ xᵀPx). */
    public double quadraticEnergy(double[] x) {
        double[] m = magnetizations(x), mh = new double[p];
        decorrelateInto(m, mh);
        double s = 0;
        for (int mu = 0; mu < p; mu++) s += m[mu] * mh[mu];
        return -0.5 * n * s;
    }

    /** x: a finite state of length N. */
    void checkState(double[] x) {
        Check.vector("x", x, "N (neurons)", n);
    }

    static double[][] square(double[] flat, int k) {
        double[][] out = new double[k][k];
        for (int i = 0; i < k; i++) System.arraycopy(flat, i * k, out[i], 0, k);
        return out;
    }
}
