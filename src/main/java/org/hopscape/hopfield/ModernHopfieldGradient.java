package org.hopscape.hopfield;

import org.hopscape.dynamics.GradientSystem;
import org.hopscape.util.Blas;

import java.util.Map;

/**
 * The continuous 001 modern Hopfield flow dx/dt = Ξᵀσ(βm^(x)) − x as a {@link GradientSystem} (issue 8), so the
 * {@code dynamics} toolkit (critical points, Morse–Smale graph, basins, SDE, Gibbs) applies to it. Obtain it from
 * {@link ModernHopfield#asGradientSystem()}.
 *
 * <p>The model reads the state through the decorrelated order parameters m^ = g⁻¹Ξx/N = Ax (001 Eq. 9,
 * A = g⁻¹Ξ/N, g = ΞΞᵀ/N), and x = Ξᵀm^ + x⊥ (001 Eq. 16). In the coordinates (m^, x⊥) the flow splits into
 * dm^/dt = σ(βm^) − m^ (spec 001 §1(e)) and dx⊥/dt = −x⊥, the Euclidean gradient flow of
 * <pre>
 *   V(x) = Ẽ(m^) + ½|x⊥|²,   Ẽ(m^) = −β⁻¹ log Σ_μ exp(β m^μ) + ½ Σ_μ (m^μ)²   (spec 001 §1(e)).
 * </pre>
 * Back in x this is the gradient flow dx/dt = −G⁻¹∇V with the constant metric
 * <pre>
 *   G⁻¹ = ΞᵀΞ + (I − P),   ∇V = Aᵀ(m^ − σ) + x⊥,   ∇²V = Aᵀ(I − β(diag σ − σσᵀ))A + (I − P),
 * </pre>
 * P = ΞᵀA the projection onto the pattern span (001 Eq. 14), σ = σ(βm^). Check: G⁻¹∇V = Ξᵀ(m^ − σ) + x⊥ because
 * ΞᵀΞAᵀ = Ξᵀ, Ξx⊥ = 0 and (I − P)Aᵀ = 0, so −G⁻¹∇V = Ξᵀσ − x exactly — the model's own velocity, no rescaling.
 *
 * <p>The metric is the identity exactly when the patterns are orthonormal (ΞΞᵀ = I); then V is the 004 §5.4
 * energy −β⁻¹ log Σ exp(βξ_μ·x) + ½|x|² and the Hessian is I − βΞᵀ(diag σ − σσᵀ)Ξ. For other patterns the
 * Euclidean x-space expression −β⁻¹ lse(βm^) + ½|x|² is <em>not</em> a Lyapunov function of this flow
 * (spec 001 §1(e)), which is why the metric is needed. Critical points and their Morse indices do not depend on
 * the metric (Sylvester); the flow lines do.
 *
 * <p>Pure and thread-safe: every call allocates its own work arrays.
 */
public final class ModernHopfieldGradient implements GradientSystem {
    /** G⁻¹ counts as the identity (Euclidean flow) when no entry differs from I by more than this. */
    static final double IDENTITY_TOLERANCE = 1e-12;

    private final ModernHopfield model;
    private final PatternSpace space;
    private final double beta;
    private final int n, p;
    private final double[] a;            // A = g⁻¹Ξ/N, P×N row-major
    private final double[] perp;         // I − P, N×N
    private final double[] metricInverse; // ΞᵀΞ + I − P, N×N
    private final boolean euclidean;

    ModernHopfieldGradient(ModernHopfield model) {
        this.model = model;
        this.space = model.space();
        this.beta = model.beta();
        this.n = model.neurons();
        this.p = model.patternCount();
        double[] xi = space.flatPatterns();
        a = new double[p * n];
        Blas.gemm(false, false, p, n, p, 1.0 / n, space.flatInverse(), xi, 0, a);
        perp = space.projectionFlat();
        for (int i = 0; i < n * n; i++) perp[i] = -perp[i];
        for (int i = 0; i < n; i++) perp[i * n + i] += 1;
        metricInverse = perp.clone();
        Blas.gemm(true, false, n, n, p, 1.0, xi, xi, 1.0, metricInverse);
        boolean id = true;
        for (int i = 0; i < n && id; i++)
            for (int j = 0; j < n; j++)
                if (Math.abs(metricInverse[i * n + j] - (i == j ? 1 : 0)) > IDENTITY_TOLERANCE) { id = false; break; }
        euclidean = id;
    }

    /** The model this system adapts. */
    public ModernHopfield model() { return model; }

    @Override public int dimension() { return n; }

    /** V(x) = Ẽ(m^(x)) + ½|x⊥|² (spec 001 §1(e) plus the decaying perpendicular part). */
    @Override public double energy(double[] x) {
        double[] mh = space.orderParameters(x);
        double[] xp = perpendicular(x, mh);
        double sq = 0;
        for (double v : xp) sq += v * v;
        return ModernHopfield.lyapunov(beta, mh) + 0.5 * sq;
    }

    /** ∇V = Aᵀ(m^ − σ(βm^)) + x⊥. {@code x} read, {@code out} written. */
    @Override public void gradient(double[] x, double[] out) {
        double[] mh = space.orderParameters(x), s = new double[p];
        ModernHopfield.softmaxInto(beta, mh, s);
        double[] xp = perpendicular(x, mh);
        System.arraycopy(xp, 0, out, 0, n);
        for (int mu = 0; mu < p; mu++) {
            double c = mh[mu] - s[mu];
            int o = mu * n;
            for (int i = 0; i < n; i++) out[i] += c * a[o + i];
        }
    }

    /** ∇²V = Aᵀ(I − β(diag σ − σσᵀ))A + (I − P), row-major N×N. {@code x} read, {@code out} written. */
    @Override public void hessian(double[] x, double[] out) {
        double[] mh = space.orderParameters(x), s = new double[p];
        ModernHopfield.softmaxInto(beta, mh, s);
        double[] c = new double[p * p];       // I − β(diag σ − σσᵀ)
        for (int mu = 0; mu < p; mu++)
            for (int nu = 0; nu < p; nu++)
                c[mu * p + nu] = (mu == nu ? 1 - beta * s[mu] : 0) + beta * s[mu] * s[nu];
        double[] ca = new double[p * n];
        Blas.gemm(false, false, p, n, p, 1.0, c, a, 0, ca);
        System.arraycopy(perp, 0, out, 0, n * n);
        Blas.gemm(true, false, n, n, p, 1.0, a, ca, 1.0, out);
        for (int i = 0; i < n; i++) // exact symmetry (C is symmetric; rounding of the product is not)
            for (int j = i + 1; j < n; j++) {
                double v = 0.5 * (out[i * n + j] + out[j * n + i]);
                out[i * n + j] = v;
                out[j * n + i] = v;
            }
    }

    /** False for orthonormal patterns (G⁻¹ = I), true otherwise. */
    @Override public boolean hasMetric() { return !euclidean; }

    /** G⁻¹ = ΞᵀΞ + I − P (constant), row-major N×N. {@code out} written. */
    @Override public void metricInverse(double[] x, double[] out) {
        System.arraycopy(metricInverse, 0, out, 0, n * n);
    }

    /** dx/dt = Ξᵀσ(βm^) − x computed by the model itself (O(NP), equal to −G⁻¹∇V). */
    @Override public void velocity(double[] x, double[] out) {
        double[] v = model.velocity(x);
        System.arraycopy(v, 0, out, 0, n);
    }

    @Override public Map<String, Object> parameters() {
        return Map.of("model", "001 modern Hopfield", "beta", beta, "P", p, "N", n);
    }

    /** x⊥ = x − Ξᵀm^ (001 Eq. 15). */
    private double[] perpendicular(double[] x, double[] mh) {
        double[] xi = space.flatPatterns(), out = x.clone();
        for (int mu = 0; mu < p; mu++) {
            int o = mu * n;
            for (int i = 0; i < n; i++) out[i] -= mh[mu] * xi[o + i];
        }
        return out;
    }
}
