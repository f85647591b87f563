package org.hopscape.analysis;

import org.hopscape.util.Check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The reduced two-memory learning dynamics of 000 ("Properties of the two-memory system", Eq. 3–4; spec §7).
 *
 * <p>Two training samples A (class a) and B (class b) with Gram values ⟨A|A⟩, ⟨A|B⟩, ⟨B|B⟩; K identical memories
 * M = αA + βB with labels l_a = ℓ, l_b = −ℓ and the eight other labels at −1. Identical memories add up, so the
 * system equals one memory at the effective temperature T_eff = T / K^{1/n}. With d_A = (αG_AA + βG_AB)⁺/T_eff,
 * d_B = (αG_AB + βG_BB)⁺/T_eff, O = tanh(ℓ d^n), Γ = tanh(d^n), p = 2m − 1 and m = n (spec §7.2):
 * <pre>
 *   ∇_A = d_A^{n−1} [ ℓ (1 − O_A)^p (1 − O_A²) + 4 (1 − Γ_A)^p (1 − Γ_A²) ]
 *   ∇_B = d_B^{n−1} [ −ℓ (1 + O_B)^p (1 − O_B²) + 4 (1 − Γ_B)^p (1 − Γ_B²) ]
 *   ∇_ℓ = (1 − O_A)^p (1 − O_A²) d_A^n − (1 + O_B)^p (1 − O_B²) d_B^n
 *   ∇_γ = −(1 − Γ_A)^p (1 − Γ_A²) d_A^n − (1 − Γ_B)^p (1 − Γ_B²) d_B^n
 * </pre>
 * are the negative cost gradients (000 Eq. 5–7) up to positive factors that the per-memory max-abs
 * normalisation removes. Because MNIST pixels take the values ±1 in both sign patterns, the L∞ normalisation of
 * the update becomes an L1 normalisation in (α, β), and the memory rescaling keeps |α| + |β| ≤ 1 (000 Eq. 4).
 * On the diamond |α| + |β| = 1, where N = sgn(α)∇_A + sgn(β)∇_B > 0 keeps the rescaling active, one epoch of
 * rate η advances the flow by η time units:
 * <pre>
 *   dα/dt = (∇_A − αN)/(|∇_A| + |∇_B|),   dℓ/dt = ∇_ℓ / max(|∇_ℓ|, |∇_γ|)   (ℓ clipped to [−1, 1]).
 * </pre>
 * Fixed points are the invariant vectors of the normalisation (ΔM ∥ M): h = ∇_A/α − ∇_B/β = 0 with N > 0 and
 * ∇_ℓ = 0 (or ℓ = ±1 with ∇_ℓ pushing outwards).
 *
 * <p>Numerics: the learning map ({@link #gradients}, {@link #flow}, {@link #iterate}) follows the authors' code —
 * 1 − tanh² is computed directly, so it underflows to 0 for saturated outputs (zero gradient), and (x/T)^n is
 * {@code pow(x/T, n)}. The fixed-point search ({@link #fixedPoints}, {@link #restingLabels}, {@link #labelGradient})
 * evaluates 1 ∓ tanh and 1 − tanh² without cancellation ({@link #errorFactor}); the two agree to rounding wherever
 * the authors' form keeps its digits, and where it does not the fixed points are those of the exact equations.
 * A fixed point whose label lies below the double range (|ℓ| &lt; 1e−308: the unstable point between two nearly
 * identical images at low T) cannot be represented and is not reported.
 *
 * <p><b>Not a gradient system</b> (issue 8), so this class does not offer a {@code dynamics.GradientSystem} view;
 * use {@link #fixedPoints()}. The fixed points are the invariant vectors of the normalisation (ΔM ∥ M), not
 * critical points of the cost on the diamond: the memory step is the pixel-space cost gradient written in the
 * non-orthogonal basis (A, B), divided by its L1 norm and retracted radially onto |α| + |β| = 1, and the label
 * step is normalised separately. Measured at the Fig 5 parameters (TwoMemorySystemGradientTest): the Jacobian of
 * (dα/dt, dℓ/dt) is far from symmetric at every fixed point, |J_αℓ − J_ℓα| / (|J_αℓ| + |J_ℓα|) = 0.35 … 1.0 at
 * n ∈ {2, 6, 15, 20, 30, 39, 40}, so it is no Euclidean gradient flow in (α, ℓ). At n = 40 both stable points
 * have off-diagonal entries of opposite sign (J_αℓ = +0.033, J_ℓα = −1.42 and +0.022, −3.19), impossible for
 * J = −diag(g_α, g_ℓ)⁻¹∇²V, so no per-coordinate rescaling of a gradient (the form separate normalisations would
 * give) produces this flow either. The fixed-point eigenvalues are real, so this local test does not exclude a
 * general non-diagonal metric.
 */
public final class TwoMemorySystem {

    /** Number of classes of the full classifier; 8 = classes other than a and b. */
    static final double OTHER_CLASS_WEIGHT = 4; // 8 other classes / 2 label terms per sample

    /** Upper (β = 1 − |α|) or lower (β = −(1 − |α|)) half of the diamond |α| + |β| = 1. */
    public enum Branch {
        UPPER(1), LOWER(-1);
        public final int sign;

        Branch(int sign) { this.sign = sign; }

        /** β on this half of the diamond. */
        public double beta(double alpha) { return sign * (1 - Math.abs(alpha)); }
    }

    /**
     * A fixed point of the reduced flow.
     *
     * @param n         order of the system it belongs to
     * @param branch    half of the diamond
     * @param alpha     α (coefficient of A)
     * @param beta      β = ±(1 − |α|)
     * @param ell       label ℓ = l_a = −l_b
     * @param saturated ℓ = ±1 with ∇_ℓ pushing outwards (the label sits on its clip)
     * @param lambda1   larger real part of the Jacobian eigenvalues (per unit time; one epoch = η)
     * @param lambda2   smaller real part (−∞ for a saturated label, whose direction is pinned)
     * @param imaginary |imaginary part| of the complex pair, 0 if real
     */
    public record FixedPoint(double n, Branch branch, double alpha, double beta, double ell, boolean saturated,
                             double lambda1, double lambda2, double imaginary) {
        /** Both eigenvalues have negative real part. */
        public boolean stable() {
            return lambda1 < 0 && lambda2 < 0;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "n=%.3f %s α=%.4f β=%.4f ℓ=%.4f %s%s", n, branch, alpha, beta,
                    ell, stable() ? "stable" : "unstable", saturated ? " (ℓ saturated)" : "");
        }
    }

    private final double gramAA, gramAB, gramBB, temperature, n, effectiveTemperature;
    private final int identicalMemories;

    /**
     * @param gramAA            ⟨A|A⟩ (> 0)
     * @param gramAB            ⟨A|B⟩ (finite)
     * @param gramBB            ⟨B|B⟩ (> 0)
     * @param temperature       T (> 0), T_r = T/784
     * @param identicalMemories K identical memories (≥ 1); T_eff = T / K^{1/n}
     * @param n                 rectified-polynomial order (≥ 1), cost exponent m = n
     */
    public TwoMemorySystem(double gramAA, double gramAB, double gramBB, double temperature, int identicalMemories, double n) {
        this.gramAA = Check.positive("gramAA", gramAA);
        this.gramAB = Check.finite("gramAB", gramAB);
        this.gramBB = Check.positive("gramBB", gramBB);
        // Cauchy–Schwarz: |⟨A|B⟩| ≤ ‖A‖‖B‖ for every pair of images
        if (Math.abs(gramAB) > Math.sqrt(gramAA) * Math.sqrt(gramBB) * (1 + 1e-12))
            throw new IllegalArgumentException("gramAB = " + gramAB + " is not a Gram value: |gramAB| must be <= √(gramAA·gramBB) = "
                    + Math.sqrt(gramAA) * Math.sqrt(gramBB) + " (Cauchy–Schwarz)");
        this.temperature = Check.positive("temperature", temperature);
        this.identicalMemories = Check.positive("identicalMemories", identicalMemories);
        this.n = Check.inRange("n", n, 1, 1000);
        this.effectiveTemperature = temperature / Math.pow(identicalMemories, 1 / n);
    }

    /** The same system at another order n. */
    public TwoMemorySystem withN(double n) {
        return new TwoMemorySystem(gramAA, gramAB, gramBB, temperature, identicalMemories, n);
    }

    public double gramAA() { return gramAA; }
    public double gramAB() { return gramAB; }
    public double gramBB() { return gramBB; }
    public double temperature() { return temperature; }
    public int identicalMemories() { return identicalMemories; }
    public double n() { return n; }
    /** Cost exponent m; m = n in every figure (spec §1.1). */
    public double m() { return n; }
    /** T_eff = T / K^{1/n} (spec §7.1). */
    public double effectiveTemperature() { return effectiveTemperature; }

    // ---------------------------------------------------------------- gradients (kernel tier)

    /**
     * The four reduced gradients at (α, β, ℓ).
     *
     * @param out written: {∇_A, ∇_B, ∇_ℓ, ∇_γ} (length ≥ 4)
     */
    public void gradients(double alpha, double beta, double ell, double[] out) {
        Check.finite("alpha", alpha);
        Check.finite("beta", beta);
        Check.finite("ell", ell);
        if (out == null || out.length < 4) throw new IllegalArgumentException("out must hold 4 gradients");
        double p = 2 * n - 1;
        double dA = Math.max(alpha * gramAA + beta * gramAB, 0) / effectiveTemperature;
        double dB = Math.max(alpha * gramAB + beta * gramBB, 0) / effectiveTemperature;
        double fA = Math.pow(dA, n), fB = Math.pow(dB, n);
        double oA = Math.tanh(ell * fA), oB = Math.tanh(ell * fB);
        double gA = Math.tanh(fA), gB = Math.tanh(fB);
        // spec §7.2: error terms of sample A for class a (target +1), sample B for class a (target −1), others
        double eA = Math.pow(1 - oA, p) * (1 - oA * oA);
        double eB = Math.pow(1 + oB, p) * (1 - oB * oB);
        double gAe = Math.pow(1 - gA, p) * (1 - gA * gA);
        double gBe = Math.pow(1 - gB, p) * (1 - gB * gB);
        out[0] = Math.pow(dA, n - 1) * (ell * eA + OTHER_CLASS_WEIGHT * gAe);
        out[1] = Math.pow(dB, n - 1) * (-ell * eB + OTHER_CLASS_WEIGHT * gBe);
        out[2] = eA * fA - eB * fB;
        out[3] = -(gAe * fA + gBe * fB);
    }

    /**
     * ∇_ℓ at (α, β, ℓ), zero on the label nullcline, evaluated without cancellation ({@link #errorFactor}), as the
     * fixed-point search uses it.
     */
    public double labelGradient(double alpha, double beta, double ell) {
        double p = 2 * n - 1;
        double fA = Math.pow(Math.max(alpha * gramAA + beta * gramAB, 0) / effectiveTemperature, n);
        double fB = Math.pow(Math.max(alpha * gramAB + beta * gramBB, 0) / effectiveTemperature, n);
        return labelGradient(fA, fB, ell, p);
    }

    private static double labelGradient(double fA, double fB, double ell, double p) {
        return errorFactor(ell * fA, +1, p) * fA - errorFactor(ell * fB, -1, p) * fB;
    }

    /**
     * (1 − s·tanh u)^p (1 − tanh² u) without the cancellation of 1 − tanh: with E = e^{−2|u|}, 1 ∓ tanh u is
     * 2E/(1 + E) or 2/(1 + E) and 1 − tanh² u = 4E/(1 + E)², each to a few ulps for any u. s = +1 is the error
     * term of a target +1 (sample A, and Γ = tanh f for the other classes with u = f), s = −1 of a target −1
     * (sample B). The authors' form (used by {@link #gradients}, so that the learning map freezes where theirs
     * does) agrees with this to rounding wherever 1 − tanh keeps its digits.
     */
    static double errorFactor(double u, int s, double p) {
        double e = Math.exp(-2 * Math.abs(u)), q = 1 + e;
        double base = (s * u >= 0 ? 2 * e : 2) / q;
        return Math.pow(base, p) * (4 * e / (q * q));
    }

    /** {∇_A, ∇_B} at (α, β, ℓ) in the cancellation-free form of {@link #errorFactor}. */
    void exactMemoryGradients(double alpha, double beta, double ell, double[] out) {
        double p = 2 * n - 1;
        double dA = Math.max(alpha * gramAA + beta * gramAB, 0) / effectiveTemperature;
        double dB = Math.max(alpha * gramAB + beta * gramBB, 0) / effectiveTemperature;
        double fA = Math.pow(dA, n), fB = Math.pow(dB, n);
        out[0] = dA > 0 ? Math.pow(dA, n - 1) * (ell * errorFactor(ell * fA, +1, p) + OTHER_CLASS_WEIGHT * errorFactor(fA, +1, p)) : 0;
        out[1] = dB > 0 ? Math.pow(dB, n - 1) * (-ell * errorFactor(ell * fB, -1, p) + OTHER_CLASS_WEIGHT * errorFactor(fB, +1, p)) : 0;
    }

    /**
     * The flow on one half of the diamond, one epoch = η time units.
     *
     * @param out written: {dα/dt, dℓ/dt, N}; the flow is meaningful only where N > 0 (rescaling active)
     */
    public void flow(double alpha, double ell, Branch branch, double[] out) {
        double beta = branch.beta(alpha);
        double[] g = new double[4];
        gradients(alpha, beta, ell, g);
        flowFromGradients(alpha, beta, ell, g, out);
    }

    static void flowFromGradients(double alpha, double beta, double ell, double[] g, double[] out) {
        double norm = Math.abs(g[0]) + Math.abs(g[1]);
        double drive = Math.signum(alpha) * g[0] + Math.signum(beta) * g[1];
        out[0] = norm == 0 ? 0 : (g[0] - alpha * drive) / norm;
        double lnorm = Math.max(Math.abs(g[2]), Math.abs(g[3]));
        double dl = lnorm == 0 ? 0 : g[2] / lnorm;
        if ((ell >= 1 && dl > 0) || (ell <= -1 && dl < 0)) dl = 0; // label clip at ±1
        out[1] = dl;
        out[2] = drive;
    }

    /** N = sgn(α)∇_A + sgn(β)∇_B; N > 0 means the update pushes outwards so the rescaling is active. */
    public double normalisationDrive(double alpha, double beta, double ell) {
        double[] g = new double[4];
        gradients(alpha, beta, ell, g);
        return Math.signum(alpha) * g[0] + Math.signum(beta) * g[1];
    }

    /** h = ∇_A/α − ∇_B/β: zero where the update is parallel to the memory (fixed point of the normalised flow). */
    public double invariance(double alpha, double beta, double ell) {
        double[] g = new double[4];
        gradients(alpha, beta, ell, g);
        return g[0] / alpha - g[1] / beta;
    }

    /**
     * ℓ*(α): where the label dynamics come to rest from ℓ = 0 for the memory αA + βB — the nearest rest point of
     * {@link #restingLabels} in the direction ∇_ℓ(0) points. Where ∇_ℓ is monotone in ℓ (the usual case, e.g. every
     * Fig 5 parameter) this is the one root of ∇_ℓ in [−1, 1], or +1 if ∇_ℓ(+1) ≥ 0, or −1 if ∇_ℓ(−1) ≤ 0
     * (saturated label; spec §7.3). Roots are located by Brent to full double precision, i.e. relative to ℓ*
     * itself, so a resting label of 1e−19 is resolved.
     */
    public double restingLabel(double alpha, double beta) {
        double[] rest = restingLabels(alpha, beta);
        if (rest.length == 1) return rest[0];
        double g0 = labelGradient(alpha, beta, 0);
        if (g0 == 0) return 0;
        double best = g0 > 0 ? 1 : -1;
        for (double l : rest) if (g0 > 0 ? l > 0 && l < best : l < 0 && l > best) best = l;
        return best;
    }

    /**
     * Every rest point of the label dynamics for the memory αA + βB, ascending: the roots of ∇_ℓ in (−1, 1) and the
     * clips ±1 where ∇_ℓ pushes outwards. ∇_ℓ = e_A f_A − e_B f_B has the sign of φ = log(e_A f_A) − log(e_B f_B),
     * and (e = (1 ∓ O)^p (1 − O²), spec §7.2)
     * <pre>
     *   φ'  = −p(f_A + f_B) − (p + 2)(f_A tanh(ℓf_A) − f_B tanh(ℓf_B)),
     *   φ'' = −(p + 2)(f_A² sech²(ℓf_A) − f_B² sech²(ℓf_B)).
     * </pre>
     * φ'' vanishes only at ±ℓ_c, where log cosh(ℓf_A) − log cosh(ℓf_B) = log(f_A/f_B) (the left side is even and
     * monotone in |ℓ|), so φ' has at most three zeros and φ at most four monotone pieces, each with at most one
     * root: the pieces are found exactly and every root by Brent to full precision. When
     * (p + 2)(f_A tanh f_A + f_B tanh f_B) < p(f_A + f_B), φ' < 0 on all of [−1, 1] (the usual case, e.g. every
     * Fig 5 parameter) and one search suffices.
     */
    public double[] restingLabels(double alpha, double beta) {
        double p = 2 * n - 1;
        double fA = Math.pow(Math.max(alpha * gramAA + beta * gramAB, 0) / effectiveTemperature, n);
        double fB = Math.pow(Math.max(alpha * gramAB + beta * gramBB, 0) / effectiveTemperature, n);
        if (fA == 0 && fB == 0) return new double[] {0};                       // no label gradient at all
        double hi = labelGradient(fA, fB, 1, p), lo = labelGradient(fA, fB, -1, p);
        double[] cuts;                                                          // ends of the monotone pieces of φ
        if (fA == 0 || fB == 0 || (p + 2) * (fA * Math.tanh(fA) + fB * Math.tanh(fB)) < p * (fA + fB))
            cuts = new double[] {-1, 1};                                        // ∇_ℓ of one sign, or φ' < 0
        else
            cuts = monotonePieces(fA, fB, p);
        double[] out = new double[cuts.length + 1];
        int k = 0;
        if (lo <= 0) out[k++] = -1;
        double prevL = -1, prevG = lo;
        for (int j = 1; j < cuts.length; j++) {
            double l = cuts[j], g = j == cuts.length - 1 ? hi : labelGradient(fA, fB, l, p);
            if (g == 0 && j < cuts.length - 1) { out[k++] = l; prevL = l; prevG = 0; continue; }
            if (prevG != 0 && g != 0 && Math.signum(g) != Math.signum(prevG))
                out[k++] = Roots.brent(x -> labelGradient(fA, fB, x, p), prevL, l, prevG, g, 0);
            prevL = l;
            prevG = g;
        }
        if (hi >= 0 && (k == 0 || out[k - 1] < 1)) out[k++] = 1;
        return java.util.Arrays.copyOf(out, k);
    }

    /** −1, the zeros of φ' in (−1, 1) (see {@link #restingLabels}), 1. */
    private static double[] monotonePieces(double fA, double fB, double p) {
        double target = Math.log(fA / fB);
        java.util.function.DoubleUnaryOperator chi = l -> logCosh(l * fA) - logCosh(l * fB) - target;
        java.util.function.DoubleUnaryOperator dphi = l -> -p * (fA + fB) - (p + 2) * (fA * Math.tanh(l * fA) - fB * Math.tanh(l * fB));
        double[] bends = {-1, 1};                                              // pieces where φ' is monotone
        double c0 = chi.applyAsDouble(0), c1 = chi.applyAsDouble(1);
        if (c0 != 0 && c1 != 0 && Math.signum(c0) != Math.signum(c1)) {
            double lc = Roots.brent(chi, 0, 1, c0, c1, 0);
            bends = new double[] {-1, -lc, lc, 1};
        }
        double[] cuts = new double[bends.length + 1];
        int k = 0;
        cuts[k++] = -1;
        for (int j = 1; j < bends.length; j++) {
            double a = bends[j - 1], b = bends[j], da = dphi.applyAsDouble(a), db = dphi.applyAsDouble(b);
            if (da != 0 && db != 0 && Math.signum(da) != Math.signum(db)) cuts[k++] = Roots.brent(dphi, a, b, da, db, 0);
        }
        cuts[k++] = 1;
        return java.util.Arrays.copyOf(cuts, k);
    }

    /** log cosh x without overflow. */
    private static double logCosh(double x) {
        double ax = Math.abs(x);
        return ax + Math.log1p(Math.exp(-2 * ax)) - Math.log(2);
    }

    /** Index of the element of {@code values} nearest to x. */
    private static int nearest(double[] values, double x) {
        int best = 0;
        for (int i = 1; i < values.length; i++) if (Math.abs(values[i] - x) < Math.abs(values[best] - x)) best = i;
        return best;
    }

    /** The rest point of the label dynamics at (α, β) nearest to {@code ell}. */
    private double nearestRestingLabel(double alpha, double beta, double ell) {
        double best = Double.NaN;
        for (double l : restingLabels(alpha, beta)) if (!(Math.abs(l - ell) >= Math.abs(best - ell))) best = l;
        return best;
    }

    /** R(α, ℓ) = ∇_A − αN = (1 − |α|)∇_A − α sgn(β)∇_B on half b: zero where the memory update is parallel to the memory. */
    private double memoryResidual(double alpha, double ell, Branch b, double[] g) {
        exactMemoryGradients(alpha, b.beta(alpha), ell, g);
        return (1 - Math.abs(alpha)) * g[0] - alpha * b.sign * g[1];
    }

    // ---------------------------------------------------------------- fixed points

    /** Default α-grid size for the sign-change scan (spec §7.3: ≥ 4000). */
    public static final int DEFAULT_GRID = 4000;
    /**
     * Extra scan points at distances step/2 · 2^−k (k = 1 … this) from the ends α = ±1 of each half, so that a
     * fixed point close to a corner β = 0 is bracketed down to ~1e−15 from it.
     */
    static final int CORNER_POINTS = 40;
    /** Newton iterations of the refinement before a candidate is rejected. */
    static final int NEWTON_ITERATIONS = 40;
    /**
     * Safety factor of the scale-aware acceptance: a residual is at rounding level if it is below this many times
     * the bound on its rounding error (see {@link Equations#memoryTolerance()}).
     */
    static final double ACCEPT_FACTOR = 8;
    private static final double EPS = Math.ulp(1.0) / 2;

    /** All fixed points on both halves of the diamond, α-grid of {@link #DEFAULT_GRID} points. */
    public List<FixedPoint> fixedPoints() {
        return fixedPoints(DEFAULT_GRID);
    }

    /**
     * All fixed points (α, ℓ) with N > 0 on both halves of the diamond (spec §7.3), sorted by branch, then α.
     *
     * <p>Scan: on each half, at {@code grid} evenly spaced α plus {@link #CORNER_POINTS} points approaching each
     * corner β = 0 geometrically, the memory residual R = ∇_A − αN = sgn(β)(β∇_A − α∇_B) at every rest point of
     * the label dynamics ({@link #restingLabels}; usually one, ℓ*(α)), followed along each branch of the label
     * nullcline (rest labels at neighbouring α paired as mutually nearest). R is h = ∇_A/α − ∇_B/β times αβ, so it has the same roots but no pole at the corner α = 0: a fixed
     * point crossing that corner stays bracketed. Each sign change is located by Brent to full precision, then
     * <em>confirmed by refinement</em>: Newton on the two unnormalised equations (R, ∇_ℓ) = 0 in (α, ℓ) (R alone
     * at a saturated label), which also resolves fixed points whose ℓ* varies faster in α than α can be
     * represented. A candidate is accepted only if Newton stays in its grid cell and ends with both residuals at
     * rounding level — below a bound on their rounding error propagated through every factor, which is itself
     * below 1% of the terms that cancel ({@link Equations}) — with N > 0 and |ℓ| ≤ 1. Sign changes where the
     * label jumps between nullcline branches are no roots and fail this test, and so do candidates in regions
     * where saturated outputs leave the terms without correct digits.
     *
     * <p>Stability: at a fixed point the Jacobian of the normalised flow is diag(1/(|∇_A| + |∇_B|),
     * 1/max(|∇_ℓ|, |∇_γ|)) times the Jacobian of (R, ∇_ℓ), computed analytically.
     */
    public List<FixedPoint> fixedPoints(int grid) {
        Check.inRange("grid", grid, 10, 10_000_000);
        List<FixedPoint> out = new ArrayList<>();
        double[] g = new double[4];
        double[] alphas = scanPoints(grid);
        int m = alphas.length;
        for (Branch b : Branch.values()) {
            double[][] ls = new double[m][], rs = new double[m][];
            int[][] link = new int[m][];                 // link[i][k]: the same label-nullcline branch at i − 1, or −1
            for (int i = 0; i < m; i++) {
                double a = alphas[i];
                ls[i] = restingLabels(a, b.beta(a));
                rs[i] = new double[ls[i].length];
                link[i] = new int[ls[i].length];
                for (int k = 0; k < ls[i].length; k++) {
                    rs[i][k] = memoryResidual(a, ls[i][k], b, g);
                    // mutually nearest rest labels (branches may be born or end in a fold between two grid points)
                    int j = i == 0 ? -1 : nearest(ls[i - 1], ls[i][k]);
                    link[i][k] = j >= 0 && nearest(ls[i], ls[i - 1][j]) == k ? j : -1;
                }
            }
            for (int i = 1; i < m; i++)
                for (int k = 0; k < ls[i].length; k++) {
                    int j = link[i][k];
                    if (j < 0) continue;
                    double r0 = rs[i - 1][j], r1 = rs[i][k];
                    if (!(r0 != 0 && r1 != 0 && Double.isFinite(r0) && Double.isFinite(r1))) continue;
                    if (Math.signum(r0) != Math.signum(r1)) {
                        add(out, bracketed(b, alphas[i - 1], alphas[i], ls[i - 1][j], ls[i][k], r0, r1));
                    } else if (i >= 2 && link[i - 1][j] >= 0) {
                        // |R| smallest at the middle of three grid points of one sign: R may dip through zero and
                        // back inside (two roots closer than the grid, e.g. just past a saddle-node)
                        int h = link[i - 1][j];
                        double rm = rs[i - 2][h];
                        if (Math.signum(rm) == Math.signum(r0) && Math.abs(r0) < Math.abs(rm) && Math.abs(r0) <= Math.abs(r1))
                            for (FixedPoint fp : dip(b, alphas[i - 2], alphas[i], ls[i - 2][h], ls[i][k], rm, r1)) add(out, fp);
                    }
                }
        }
        out.sort(Comparator.comparing(FixedPoint::branch).thenComparingDouble(FixedPoint::alpha));
        return out;
    }

    private static void add(List<FixedPoint> found, FixedPoint p) {
        if (p != null && !duplicate(found, p)) found.add(p);
    }

    /** Golden-section iterations of the dip search (interval shrinks by 0.618 each). */
    static final int DIP_ITERATIONS = 60;

    /**
     * The roots of R along a label-nullcline branch on [lo, hi] (ℓ = lLo … lHi) where R has one sign at both ends
     * but may dip through zero between: the extremum of R towards zero is located by golden section and, if R
     * changes sign there, each of the two brackets is solved by {@link #bracketed}.
     */
    private List<FixedPoint> dip(Branch b, double lo, double hi, double lLo, double lHi, double rLo, double rHi) {
        double s = Math.signum(rLo);
        double[] g = new double[4];
        java.util.function.DoubleUnaryOperator ellAt = x -> nearestRestingLabel(x, b.beta(x), lLo + (lHi - lLo) * (x - lo) / (hi - lo));
        java.util.function.DoubleUnaryOperator q = x -> s * memoryResidual(x, ellAt.applyAsDouble(x), b, g);
        double invPhi = (Math.sqrt(5) - 1) / 2, a = lo, c = hi;
        double x1 = c - invPhi * (c - a), x2 = a + invPhi * (c - a), q1 = q.applyAsDouble(x1), q2 = q.applyAsDouble(x2);
        for (int it = 0; it < DIP_ITERATIONS && q1 > 0 && q2 > 0; it++) {
            if (q1 < q2) { c = x2; x2 = x1; q2 = q1; x1 = c - invPhi * (c - a); q1 = q.applyAsDouble(x1); }
            else { a = x1; x1 = x2; q1 = q2; x2 = a + invPhi * (c - a); q2 = q.applyAsDouble(x2); }
        }
        double xm = q1 <= q2 ? x1 : x2, qm = Math.min(q1, q2);
        if (!(qm < 0)) return List.of();
        double lm = ellAt.applyAsDouble(xm), rm = s * qm;
        List<FixedPoint> found = new ArrayList<>(2);
        FixedPoint left = bracketed(b, lo, xm, lLo, lm, rLo, rm), right = bracketed(b, xm, hi, lm, lHi, rm, rHi);
        if (left != null) found.add(left);
        if (right != null) found.add(right);
        return found;
    }

    /**
     * The root of R along one branch of the label nullcline through the cell [lo, hi] (ℓ = lLo at lo, lHi at hi):
     * Brent on α ↦ R(α, ℓ(α)), ℓ(α) the rest label nearest to the linear interpolation, then {@link #confirm}.
     */
    private FixedPoint bracketed(Branch b, double lo, double hi, double lLo, double lHi, double rLo, double rHi) {
        double[] g = new double[4];
        java.util.function.DoubleUnaryOperator ellAt = x -> x == lo ? lLo : x == hi ? lHi
                : nearestRestingLabel(x, b.beta(x), lLo + (lHi - lLo) * (x - lo) / (hi - lo));
        double root = Roots.brent(x -> memoryResidual(x, ellAt.applyAsDouble(x), b, g), lo, hi, rLo, rHi, 0);
        return confirm(root, ellAt.applyAsDouble(root), lo, hi, b);
    }

    /**
     * How far a fixed point of this system is from the edge of the domain where fixed points live, as the smallest
     * of: |β| (distance to the corner β = 0 where the half ends), N/(|∇_A| + |∇_B|) (the normalised drive; at 0
     * the rescaling stops and the memory leaves the diamond inwards) and, for a free label, 1 − |ℓ| (the clip) or,
     * for a saturated one, |∇_ℓ|/max(|∇_ℓ|, |∇_γ|) (where the label would leave the clip). Each lies in [0, 1].
     */
    public double edgeDistance(FixedPoint p) {
        Equations e = equations(p.alpha(), p.ell(), p.branch());
        double drive = e.memoryNorm() > 0 ? e.drive() / e.memoryNorm() : 0;
        double label = p.saturated() ? Math.abs(e.label()) / Math.max(Math.abs(e.label()), e.labelNorm()) : 1 - Math.abs(p.ell());
        return Math.min(Math.abs(p.beta()), Math.min(drive, label));
    }

    /** The scan's α values on a half: {@code grid} cell centres plus geometric points towards α = ±1, ascending. */
    static double[] scanPoints(int grid) {
        double step = 2.0 / grid;
        double[] a = new double[grid + 2 * CORNER_POINTS];
        int k = 0;
        for (int j = CORNER_POINTS; j >= 1; j--) a[k++] = -1 + 0.5 * step * Math.scalb(1.0, -j);
        for (int i = 0; i < grid; i++) a[k++] = -1 + (i + 0.5) * step;
        for (int j = 1; j <= CORNER_POINTS; j++) a[k++] = 1 - 0.5 * step * Math.scalb(1.0, -j);
        return a;
    }

    private static boolean duplicate(List<FixedPoint> found, FixedPoint p) {
        for (FixedPoint q : found)
            if (q.branch() == p.branch() && Math.abs(q.alpha() - p.alpha()) <= 1e-12
                    && Math.abs(q.ell() - p.ell()) <= 1e-9 * Math.max(Math.abs(p.ell()), Math.abs(q.ell())) + 1e-300)
                return true;
        return false;
    }

    /**
     * Refines the bracketed root α of R on half b (grid cell [lo, hi]; ℓ the rest label there) and returns the
     * fixed point, or null if refinement does not confirm it (see {@link #fixedPoints(int)}).
     */
    FixedPoint confirm(double alpha, double ell, double lo, double hi, Branch b) {
        FixedPoint fp = Math.abs(ell) == 1 ? confirmSaturated(alpha, ell, lo, hi, b) : newton(alpha, ell, lo, hi, b);
        if (fp != null) return fp;
        // where ℓ*(α) changes faster in α than α can be represented (the label nullcline runs almost along the
        // ℓ axis), the bracketed α carries an arbitrary ℓ*: start again from the memory nullcline, R(α, ℓ) = 0
        double ellM = memoryNullclineLabel(alpha, b);
        return Double.isNaN(ellM) ? null : newton(alpha, ellM, lo, hi, b);
    }

    /** Newton on (R, ∇_ℓ) = 0 from (α, ℓ), confined to α ∈ [lo, hi]; hands over to the clip if |ℓ| reaches 1. */
    private FixedPoint newton(double alpha, double ell, double lo, double hi, Branch b) {
        for (int it = 0; it < NEWTON_ITERATIONS; it++) {
            Equations e = equations(alpha, ell, b);
            if (e.converged()) return e.drive() > 0 ? fixedPoint(e, false) : null;
            double det = e.memoryDAlpha() * e.labelDEll() - e.memoryDEll() * e.labelDAlpha();
            double da = (-e.memory() * e.labelDEll() + e.label() * e.memoryDEll()) / det;
            double dl = (-e.memoryDAlpha() * e.label() + e.labelDAlpha() * e.memory()) / det;
            if (!Double.isFinite(da) || !Double.isFinite(dl)) return null;
            alpha += da;
            ell += dl;
            if (alpha < lo || alpha > hi) return null;                  // left its cell: another root's business
            if (Math.abs(ell) >= 1) return confirmSaturated(alpha, Math.signum(ell), lo, hi, b);
        }
        return null;
    }

    /** ℓ in [−1, 1] with R(α, ℓ) = 0 (Brent to full precision), or NaN if R does not change sign there. */
    private double memoryNullclineLabel(double alpha, Branch b) {
        double beta = b.beta(alpha), w = 1 - Math.abs(alpha);
        double[] g = new double[4];
        java.util.function.DoubleUnaryOperator r = l -> {
            exactMemoryGradients(alpha, beta, l, g);
            return w * g[0] - alpha * b.sign * g[1];
        };
        double lo = r.applyAsDouble(-1), hi = r.applyAsDouble(1);
        if (!(lo * hi < 0)) return Double.NaN;
        return Roots.brent(r, -1, 1, lo, hi, 0);
    }

    /** A fixed point with ℓ = ±1 on the clip: R(α, ±1) = 0 and ∇_ℓ pushing outwards; Newton in α on [lo, hi]. */
    private FixedPoint confirmSaturated(double alpha, double ell, double lo, double hi, Branch b) {
        for (int it = 0; it < NEWTON_ITERATIONS; it++) {
            Equations e = equations(alpha, ell, b);
            if (!(e.label() * ell >= -e.labelTolerance())) return null;  // the label would move inwards
            if (e.memoryResolved() && Math.abs(e.memory()) <= e.memoryTolerance())
                return e.drive() > 0 ? fixedPoint(e, true) : null;
            double da = -e.memory() / e.memoryDAlpha();
            if (!Double.isFinite(da)) return null;
            alpha += da;
            if (alpha < lo || alpha > hi) return null;
        }
        return null;
    }

    private FixedPoint fixedPoint(Equations e, boolean saturated) {
        // J = diag(1/(|∇_A| + |∇_B|), 1/|∇_γ|) · ∂(R, ∇_ℓ)/∂(α, ℓ): R and ∇_ℓ vanish at the point, so the
        // derivatives of the normalisers drop out and max(|∇_ℓ|, |∇_γ|) = |∇_γ|
        double d1 = 1 / Math.max(e.memoryNorm(), Double.MIN_NORMAL), d2 = 1 / Math.max(e.labelNorm(), Double.MIN_NORMAL);
        double[] lambda = saturated
                // ℓ is pinned at the clip (∇_ℓ pushes outwards): only the α-direction can be unstable
                ? new double[] {e.memoryDAlpha() * d1, Double.NEGATIVE_INFINITY, 0}
                : eigenvalues(d1, d2, e.memoryDAlpha(), e.memoryDEll(), e.labelDAlpha(), e.labelDEll());
        return new FixedPoint(n, e.branch(), e.alpha(), e.branch().beta(e.alpha()), e.ell(), saturated,
                lambda[0], lambda[1], lambda[2]);
    }

    /**
     * Eigenvalues of diag(d1, d2)·[[a, b], [c, d]] (d1, d2 > 0), as {larger real part, smaller real part,
     * |imaginary part|}. The matrix is scaled to entries ≤ 1 first and the smaller root of a real pair is det/λ_big,
     * so a timescale ratio d2/d1 of 1e20 (a label normaliser |∇_γ| far below the memory one) or an eigenvalue near
     * zero (at a saddle-node) keeps its sign and digits; magnitudes beyond the double range become ±∞.
     */
    static double[] eigenvalues(double d1, double d2, double a, double b, double c, double d) {
        double s = Math.max(d1, d2);
        double x1 = d1 / s, x2 = d2 / s;
        double m11 = x1 * a, m12 = x1 * b, m21 = x2 * c, m22 = x2 * d;
        double m = Math.max(Math.max(Math.abs(m11), Math.abs(m12)), Math.max(Math.abs(m21), Math.abs(m22)));
        if (m == 0) return new double[] {0, 0, 0};
        m11 /= m; m12 /= m; m21 /= m; m22 /= m;
        double half = (m11 + m22) / 2, det = m11 * m22 - m12 * m21, disc = half * half - det;
        double scale = s * m;
        if (disc < 0) return new double[] {half * scale, half * scale, Math.sqrt(-disc) * scale};
        double big = half + Math.copySign(Math.sqrt(disc), half), small = big == 0 ? 0 : det / big;
        double hi = Math.max(big, small), lo = Math.min(big, small);
        return new double[] {hi * scale, lo * scale, 0};
    }

    /**
     * The two fixed-point equations of one half of the diamond at (α, ℓ), unnormalised: the memory residual
     * R = ∇_A − αN = (1 − |α|)∇_A − α sgn(β)∇_B (zero iff h = 0) and the label gradient ∇_ℓ = e_A f_A − e_B f_B,
     * with their analytic derivatives along the half (β = ±(1 − |α|)), the sizes of the terms that cancel in them,
     * and bounds on their rounding errors.
     *
     * @param memoryTerms Σ |terms| of R: (1 − |α|) d_A^{n−1}(|ℓ| e_A + 4g_A) + |α| d_B^{n−1}(|ℓ| e_B + 4g_B)
     * @param memoryError bound on the rounding error of R, propagated through every factor (pow multiplies the
     *                    relative error of d by n; 1 − tanh loses digits as tanh → 1)
     * @param labelTerms  e_A f_A + e_B f_B
     * @param labelError  bound on the rounding error of ∇_ℓ
     * @param drive       N = sgn(α)∇_A + sgn(β)∇_B, evaluated as ∇_A/α (or ∇_B/β), which equals it at a root
     *                    and has no cancellation
     * @param memoryNorm  |∇_A| + |∇_B|, the normaliser of dα/dt
     * @param labelNorm   |∇_γ|, the normaliser max(|∇_ℓ|, |∇_γ|) of dℓ/dt where ∇_ℓ = 0 (at the exact root; the
     *                    rounding left in ∇_ℓ at a representable point can exceed a tiny |∇_γ| by far)
     */
    record Equations(Branch branch, double alpha, double ell, double memory, double label,
                     double memoryDAlpha, double memoryDEll, double labelDAlpha, double labelDEll,
                     double memoryTerms, double memoryError, double labelTerms, double labelError,
                     double drive, double memoryNorm, double labelNorm) {

        /**
         * Largest |R| that is rounding: {@value #ACCEPT_FACTOR}·(memoryError + |∂R/∂α|·ulp(α) + |∂R/∂ℓ|·ulp(ℓ)) —
         * the evaluation error of R plus what the representable (α, ℓ) nearest to the exact root leaves.
         */
        double memoryTolerance() {
            return ACCEPT_FACTOR * (memoryError + Math.abs(memoryDAlpha) * Math.ulp(alpha)
                    + Math.abs(memoryDEll) * Math.ulp(ell));
        }

        /** The same for ∇_ℓ. */
        double labelTolerance() {
            return ACCEPT_FACTOR * (labelError + Math.abs(labelDAlpha) * Math.ulp(alpha)
                    + Math.abs(labelDEll) * Math.ulp(ell));
        }

        /**
         * R's terms are evaluated to at least {@link #MIN_DIGITS} correct digits, so a residual at rounding level
         * means they cancel (where they do not — outputs saturated so far that 1 − tanh has no correct digits —
         * no root can be confirmed in double precision).
         */
        boolean memoryResolved() {
            return memoryError <= Math.pow(10, -MIN_DIGITS) * memoryTerms && memoryTerms > 0;
        }

        boolean labelResolved() {
            return labelError <= Math.pow(10, -MIN_DIGITS) * labelTerms && labelTerms > 0;
        }

        /** Both residuals at rounding level, and the rounding small against the terms. */
        boolean converged() {
            return memoryResolved() && labelResolved() && Math.abs(memory) <= memoryTolerance()
                    && Math.abs(label) <= labelTolerance();
        }
    }

    /** Correct digits the terms of an equation must carry for a root of it to be confirmed. */
    static final int MIN_DIGITS = 2;

    /** The fixed-point equations at (α, ℓ) on half b, with derivatives and error bounds. */
    Equations equations(double alpha, double ell, Branch b) {
        double beta = b.beta(alpha), sa = Math.signum(alpha), sb = b.sign;
        double dbeta = -sb * sa;                                              // dβ/dα along the half
        double p = 2 * n - 1;
        double[] sA = sample(alpha * gramAA + beta * gramAB, Math.abs(alpha) * gramAA + Math.abs(beta) * Math.abs(gramAB),
                (gramAA + dbeta * gramAB) / effectiveTemperature, ell, +1, p);
        double[] sB = sample(alpha * gramAB + beta * gramBB, Math.abs(alpha) * Math.abs(gramAB) + Math.abs(beta) * gramBB,
                (gramAB + dbeta * gramBB) / effectiveTemperature, ell, -1, p);
        double gA = sA[0], gB = sB[0];                                        // ∇_A, ∇_B
        double w = 1 - Math.abs(alpha);
        double memory = w * gA - alpha * sb * gB;
        double memoryDAlpha = -sa * gA + w * sA[1] - sb * gB - alpha * sb * sB[1];
        double memoryDEll = w * sA[2] - alpha * sb * sB[2];
        double memoryTerms = w * sA[6] + Math.abs(alpha) * sB[6];
        double memoryError = w * sA[7] + Math.abs(alpha) * sB[7] + 3 * EPS * memoryTerms;
        double label = sA[3] - sB[3];
        double labelTerms = Math.abs(sA[3]) + Math.abs(sB[3]);
        double labelError = sA[8] + sB[8] + EPS * labelTerms;
        double drive = Math.abs(alpha) >= Math.abs(beta) ? gA / alpha : gB / beta;
        double labelNorm = sA[9] + sB[9];
        return new Equations(b, alpha, ell, memory, label, memoryDAlpha, memoryDEll, sA[4] - sB[4], sA[5] - sB[5],
                memoryTerms, memoryError, labelTerms, labelError, drive, Math.abs(gA) + Math.abs(gB), labelNorm);
    }

    /**
     * One sample's contributions (spec §7.2) with derivatives and rounding-error bounds. Sample A (target +1 for
     * class a, sign +1): ∇ = d^{n−1}[ℓ e + 4g], e = (1 − O)^p (1 − O²); sample B (target −1, sign −1):
     * ∇ = d^{n−1}[−ℓ e + 4g], e = (1 + O)^p (1 − O²); O = tanh(ℓ f), Γ = tanh(f), g = (1 − Γ)^p (1 − Γ²),
     * f = d^n, d = x⁺/T_eff; 1 ± tanh and 1 − tanh² in the cancellation-free form of {@link #errorFactor}. Errors
     * are bounds on the relative rounding of each factor, propagated from ε per operation.
     *
     * @param x      ⟨M|σ⟩ = αG_σA + βG_σB
     * @param xAbs   |α||G_σA| + |β||G_σB| (x loses digits when the two products cancel)
     * @param dPrime ∂d/∂α where x > 0
     * @param sign   +1 for sample A, −1 for sample B
     * @return {∇, ∂∇/∂α, ∂∇/∂ℓ, e·f, ∂(e·f)/∂α, ∂(e·f)/∂ℓ, |terms of ∇|, err(∇), err(e·f), g·f}
     */
    private double[] sample(double x, double xAbs, double dPrime, double ell, int sign, double p) {
        if (!(x > 0)) return new double[10];                                  // rectified: no contribution
        double d = x / effectiveTemperature;
        double dn1 = Math.pow(d, n - 1), f = Math.pow(d, n);
        double dn1Prime = n == 1 ? 0 : (n - 1) * Math.pow(d, n - 2) * dPrime, fPrime = n * dn1 * dPrime;
        // O = tanh(u), u = ℓf: 1 − O, 1 + O, 1 − O² from E = e^{−2|u|} (no cancellation)
        double u = ell * f, eu = Math.exp(-2 * Math.abs(u)), qu = 1 + eu;
        double oneMinusO = (u >= 0 ? 2 * eu : 2) / qu, onePlusO = (u >= 0 ? 2 : 2 * eu) / qu;
        double o = Math.copySign((1 - eu) / qu, u), sech2 = 4 * eu / (qu * qu);
        double base = sign > 0 ? oneMinusO : onePlusO, other = sign > 0 ? onePlusO : oneMinusO;   // 1 − sO, 1 + sO
        double basePowP = Math.pow(base, p);
        double e = basePowP * sech2;
        double dedO = -sign * basePowP * (p * other + 2 * sign * o);         // de/dO
        double oPrimeEll = sech2 * f, oPrimeAlpha = sech2 * ell * fPrime;     // ∂O/∂ℓ, ∂O/∂α
        double ef1 = Math.exp(-2 * f), qf = 1 + ef1;
        double gamma = (1 - ef1) / qf, gBase = 2 * ef1 / qf, gSech2 = 4 * ef1 / (qf * qf);
        double gPowP = Math.pow(gBase, p), g = gPowP * gSech2;
        double dgdG = -gPowP * (p * (2 / qf) + 2 * gamma);                  // dg/dΓ, 1 + Γ = 2/(1 + e^{−2f})
        double gPrime = dgdG * gSech2 * fPrime;
        double terms = dn1 * (Math.abs(ell) * e + OTHER_CLASS_WEIGHT * g);
        double grad = dn1 * (sign * ell * e + OTHER_CLASS_WEIGHT * g);
        double gradDAlpha = dn1Prime * (sign * ell * e + OTHER_CLASS_WEIGHT * g)
                + dn1 * (sign * ell * dedO * oPrimeAlpha + OTHER_CLASS_WEIGHT * gPrime);
        double gradDEll = dn1 * sign * (e + ell * dedO * oPrimeEll);
        double ef = e * f;
        double efDAlpha = dedO * oPrimeAlpha * f + e * fPrime;
        double efDEll = dedO * oPrimeEll * f;
        // relative rounding-error bounds, factor by factor (pow, exp: 1 ulp = 2ε)
        double relD = (2 + xAbs / x) * EPS;
        double relF = n * relD + 2 * EPS, relDn1 = Math.abs(n - 1) * relD + 2 * EPS;
        double relEu = 2 * Math.abs(u) * (relF + EPS) + 2 * EPS, relQu = relEu + EPS;
        double relBase = (sign * u >= 0 ? relEu : 0) + relQu + 2 * EPS;
        double relE = p * relBase + 2 * EPS + (relEu + 2 * relQu + 3 * EPS) + EPS;
        double relEf1 = 2 * f * relF + 2 * EPS, relQf = relEf1 + EPS;
        double relG = p * (relEf1 + relQf + 2 * EPS) + 2 * EPS + (relEf1 + 2 * relQf + 3 * EPS) + EPS;
        double errGrad = dn1 * (Math.abs(ell) * e * (relDn1 + relE) + OTHER_CLASS_WEIGHT * g * (relDn1 + relG))
                + 3 * EPS * terms;
        double errEf = ef * (relE + relF + EPS);
        return new double[] {grad, gradDAlpha, gradDEll, ef, efDAlpha, efDEll, terms, errGrad, errEf, g * f};
    }

    // ---------------------------------------------------------------- discrete learning map

    /**
     * The learning map of the identical-memory system, one epoch at rate η per step (spec §2.3 in
     * α-coordinates): α' = α + η∇_A/(|∇_A| + |∇_B|), β' likewise, then (α', β') ← (α', β')/max(1, |α'| + |β'|);
     * ℓ' = clip(ℓ + η∇_ℓ / max(|∇_ℓ|, |∇_γ|), −1, 1). Valid inside the ball too (no rescaling there).
     *
     * @return rows {α, β, ℓ} for epochs 0 … epochs
     */
    public double[][] iterate(double alpha, double beta, double ell, double rate, int epochs) {
        Check.finite("alpha", alpha);
        Check.finite("beta", beta);
        Check.inRange("ell", ell, -1, 1);
        if (Math.abs(alpha) + Math.abs(beta) > 1 + 1e-12)
            throw new IllegalArgumentException("alpha, beta must lie in the diamond |alpha| + |beta| <= 1 (got " + alpha + ", "
                    + beta + ")");
        Check.positive("rate", rate);
        Check.nonNegative("epochs", epochs);
        Check.fitsInMemory("iterates (epochs + 1 rows of 3)", Check.product("iterates", epochs + 1L, 40));
        double[][] out = new double[Check.arraySize("epochs + 1", epochs + 1L)][];
        out[0] = new double[] {alpha, beta, ell};
        double[] g = new double[4];
        for (int e = 1; e <= epochs; e++) {
            org.hopscape.util.Interrupts.checkEvery(e, 1023, "two-memory learning map");
            gradients(alpha, beta, ell, g);
            double norm = Math.abs(g[0]) + Math.abs(g[1]);
            if (norm > 0) {
                alpha += rate * g[0] / norm;
                beta += rate * g[1] / norm;
                double scale = Math.max(1, Math.abs(alpha) + Math.abs(beta));
                alpha /= scale;
                beta /= scale;
            }
            double lnorm = Math.max(Math.abs(g[2]), Math.abs(g[3]));
            if (lnorm > 0) ell = Math.max(-1, Math.min(1, ell + rate * g[2] / lnorm));
            out[e] = new double[] {alpha, beta, ell};
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "TwoMemorySystem[G=(%.4g, %.4g, %.4g), T=%.4g, K=%d, n=%.4g, T_eff=%.4g]",
                gramAA, gramAB, gramBB, temperature, identicalMemories, n, effectiveTemperature);
    }
}
