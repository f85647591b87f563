package org.hopscape.analysis;

import org.hopscape.util.Check;

import java.util.ArrayList;
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
 * <p>Numerics follow the authors' code: 1 − tanh² is computed directly, so it underflows to 0 for saturated
 * outputs (zero gradient), and (x/T)^n is {@code pow(x/T, n)}.
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

    /** Fig 5 Gram values of the digits 1 (row 21) and 4 (row 81) of the 200-set, as the paper gives them. */
    public static final double FIG5_GRAM_AA = 753, FIG5_GRAM_AB = 494, FIG5_GRAM_BB = 719;
    /** Fig 5 temperature T = 700 (T_r = 0.893). */
    public static final double FIG5_TEMPERATURE = 700;
    /** Fig 5 has two identical memories. */
    public static final int FIG5_MEMORIES = 2;
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

    /** The Fig 5 system: Gram (753, 494, 719), T = 700, two identical memories, order n. */
    public static TwoMemorySystem fig5(double n) {
        return new TwoMemorySystem(FIG5_GRAM_AA, FIG5_GRAM_AB, FIG5_GRAM_BB, FIG5_TEMPERATURE, FIG5_MEMORIES, n);
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

    /** ∇_ℓ at (α, β, ℓ): zero on the label nullcline. */
    public double labelGradient(double alpha, double beta, double ell) {
        double p = 2 * n - 1;
        double fA = Math.pow(Math.max(alpha * gramAA + beta * gramAB, 0) / effectiveTemperature, n);
        double fB = Math.pow(Math.max(alpha * gramAB + beta * gramBB, 0) / effectiveTemperature, n);
        return labelGradient(fA, fB, ell, p);
    }

    private static double labelGradient(double fA, double fB, double ell, double p) {
        double oA = Math.tanh(ell * fA), oB = Math.tanh(ell * fB);
        return Math.pow(1 - oA, p) * (1 - oA * oA) * fA - Math.pow(1 + oB, p) * (1 - oB * oB) * fB;
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
     * ℓ*(α): the label value where the label dynamics rest for the memory αA + βB — the root of ∇_ℓ in [−1, 1]
     * (Brent, tolerance 1e−13), or +1 if ∇_ℓ(+1) ≥ 0, or −1 if ∇_ℓ(−1) ≤ 0 (saturated label; spec §7.3).
     */
    public double restingLabel(double alpha, double beta) {
        double p = 2 * n - 1;
        double fA = Math.pow(Math.max(alpha * gramAA + beta * gramAB, 0) / effectiveTemperature, n);
        double fB = Math.pow(Math.max(alpha * gramAB + beta * gramBB, 0) / effectiveTemperature, n);
        double hi = labelGradient(fA, fB, 1, p);
        if (hi >= 0) return 1;
        double lo = labelGradient(fA, fB, -1, p);
        if (lo <= 0) return -1;
        return Roots.brent(l -> labelGradient(fA, fB, l, p), -1, 1, lo, hi, 1e-13);
    }

    // ---------------------------------------------------------------- fixed points

    /** Default α-grid size for the sign-change scan of h (spec §7.3: ≥ 4000). */
    public static final int DEFAULT_GRID = 4000;
    /** Central-difference step of the Jacobian (spec §7.3). */
    static final double JACOBIAN_STEP = 1e-7;
    /** A root of h is a fixed point only if |dα/dt| there is below this (rejects jumps of ℓ*(α)). */
    static final double RESIDUAL_TOLERANCE = 1e-7;

    /** All fixed points on both halves of the diamond, α-grid of {@link #DEFAULT_GRID} points. */
    public List<FixedPoint> fixedPoints() {
        return fixedPoints(DEFAULT_GRID);
    }

    /**
     * All fixed points (α, ℓ) with N > 0 on both halves of the diamond (spec §7.3): for each α on a grid of
     * {@code grid} points per half, ℓ*(α) from {@link #restingLabel}; the sign changes of H(α) = h(α, ℓ*(α))
     * are refined by Brent to 1e−12; stability from the 2×2 Jacobian of (dα/dt, dℓ/dt). Sorted by branch, then α.
     */
    public List<FixedPoint> fixedPoints(int grid) {
        Check.inRange("grid", grid, 10, 10_000_000);
        List<FixedPoint> out = new ArrayList<>();
        for (Branch b : Branch.values()) {
            double step = 2.0 / grid;
            double prevA = Double.NaN, prevH = Double.NaN;
            for (int i = 0; i < grid; i++) {
                double a = -1 + (i + 0.5) * step;
                double h = restedInvariance(a, b);
                if (i > 0 && Double.isFinite(prevH) && Double.isFinite(h) && prevA * a > 0
                        && Math.signum(prevH) * Math.signum(h) < 0) {
                    double root = Roots.brent(x -> restedInvariance(x, b), prevA, a, prevH, h, 1e-12);
                    FixedPoint fp = classify(root, b);
                    if (fp != null) out.add(fp);
                }
                prevA = a;
                prevH = h;
            }
        }
        return out;
    }

    private double restedInvariance(double alpha, Branch b) {
        double beta = b.beta(alpha);
        return invariance(alpha, beta, restingLabel(alpha, beta));
    }

    /** The fixed point at α on branch b (ℓ = ℓ*(α)), or null if N ≤ 0 or the residual is not ~0. */
    FixedPoint classify(double alpha, Branch b) {
        double beta = b.beta(alpha);
        double ell = restingLabel(alpha, beta);
        double[] g = new double[4], f = new double[3];
        gradients(alpha, beta, ell, g);
        flowFromGradients(alpha, beta, ell, g, f);
        if (!(f[2] > 0) || Math.abs(f[0]) > RESIDUAL_TOLERANCE) return null;
        boolean saturated = Math.abs(ell) == 1;
        double hstep = JACOBIAN_STEP;
        double[] fp = new double[3], fm = new double[3];
        flow(alpha + hstep, ell, b, fp);
        flow(alpha - hstep, ell, b, fm);
        double jaa = (fp[0] - fm[0]) / (2 * hstep), jla = (fp[1] - fm[1]) / (2 * hstep);
        double l1, l2, im = 0;
        if (saturated) {
            // ℓ is pinned at the wall (∇_ℓ pushes outwards): only the α-direction can be unstable
            l1 = jaa;
            l2 = Double.NEGATIVE_INFINITY;
        } else {
            flow(alpha, ell + hstep, b, fp);
            flow(alpha, ell - hstep, b, fm);
            double jal = (fp[0] - fm[0]) / (2 * hstep), jll = (fp[1] - fm[1]) / (2 * hstep);
            double tr = jaa + jll, det = jaa * jll - jal * jla, disc = tr * tr / 4 - det;
            if (disc >= 0) {
                l1 = tr / 2 + Math.sqrt(disc);
                l2 = tr / 2 - Math.sqrt(disc);
            } else {
                l1 = l2 = tr / 2;
                im = Math.sqrt(-disc);
            }
        }
        return new FixedPoint(n, b, alpha, beta, ell, saturated, l1, l2, im);
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
