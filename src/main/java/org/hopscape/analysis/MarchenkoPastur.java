package org.hopscape.analysis;

import org.hopscape.util.Check;

import java.util.Arrays;

/**
 * The Marchenko–Pastur law of ΞᵀΞ for memories with i.i.d. N(0, 1/N_h) entries (003 §5.4), load
 * α = N_h / N_v, ratio q = 1/α = N_v / N_h (spec 003 §5.2):
 * <pre>
 *   λ± = (1 ± √q)²,   ρ(λ) = √((λ₊ − λ)(λ − λ₋)) / (2πλ) on [λ₋, λ₊],
 *   spectrum of ΞᵀΞ: (1 − α)₊ δ(λ) + α ρ(λ),   ∫ρ = min(1, q).
 * </pre>
 * Comparisons use the min(N_h, N_v) nonzero eigenvalues against ρ renormalised to mass 1
 * ({@link #nonzeroDensity}, {@link #nonzeroCdf}). Finite-N edge expectations come from the soft-edge
 * Tracy–Widom (β = 1) law (spec 003 §5.3).
 *
 * @param load α = N_h / N_v, > 0
 */
public record MarchenkoPastur(double load) {
    /** Mean of the Tracy–Widom β = 1 law. */
    public static final double TW1_MEAN = -1.2065335745820;
    /** Standard deviation of the Tracy–Widom β = 1 law (variance 1.6077810345). */
    public static final double TW1_SD = Math.sqrt(1.6077810345);

    public MarchenkoPastur {
        Check.positive("load", load);
    }

    /** The law for N_h memories of N_v neurons. */
    public static MarchenkoPastur of(int nHidden, int nVisible) {
        return new MarchenkoPastur((double) Check.positive("nHidden", nHidden) / Check.positive("nVisible", nVisible));
    }

    /** q = 1/α. */
    public double ratio() {
        return 1 / load;
    }

    /** λ₋ = (1 − √(1/α))² (003 §5.4, the paper's λ_min). */
    public double lowerEdge() {
        double s = Math.sqrt(ratio());
        return (1 - s) * (1 - s);
    }

    /** λ₊ = (1 + √(1/α))². */
    public double upperEdge() {
        double s = Math.sqrt(ratio());
        return (1 + s) * (1 + s);
    }

    /** ∫ρ = min(1, q): mass of the continuous part. */
    public double continuousMass() {
        return Math.min(1, ratio());
    }

    /** ρ(λ) (mass min(1, q)); 0 outside [λ₋, λ₊]. */
    public double density(double lambda) {
        Check.finite("lambda", lambda);
        double lo = lowerEdge(), hi = upperEdge();
        if (!(lambda > lo && lambda < hi) || lambda <= 0) return 0;
        return Math.sqrt((hi - lambda) * (lambda - lo)) / (2 * Math.PI * lambda);
    }

    /** ρ(λ) / min(1, q): density of the nonzero eigenvalues (mass 1). */
    public double nonzeroDensity(double lambda) {
        return density(lambda) / continuousMass();
    }

    /**
     * Mass of ρ above λ, in closed form (spec 003 §5.2): with c = 1 + q, r = 2√q,
     * θ = arccos((λ − c)/r) ∈ [0, π],
     * M(λ) = [cθ − r sin θ − 2|1 − q| arctan(√(λ₋/λ₊) tan(θ/2))] / (2π).
     */
    public double massAbove(double lambda) {
        Check.finite("lambda", lambda);
        double q = ratio(), lo = lowerEdge(), hi = upperEdge();
        if (lambda >= hi) return 0;
        if (lambda <= lo) return continuousMass();
        double c = 1 + q, r = 2 * Math.sqrt(q);
        double theta = Math.acos(Math.max(-1, Math.min(1, (lambda - c) / r)));
        double at = theta >= Math.PI ? Math.PI / 2 : Math.atan(Math.sqrt(lo / hi) * Math.tan(theta / 2));
        return (c * theta - r * Math.sin(theta) - 2 * Math.abs(1 - q) * at) / (2 * Math.PI);
    }

    /** F(λ) = 1 − M(λ)/min(1, q): CDF of the nonzero eigenvalues. */
    public double nonzeroCdf(double lambda) {
        return 1 - massAbove(lambda) / continuousMass();
    }

    /**
     * Kolmogorov–Smirnov distance sup |F_emp − F| between the given (nonzero) eigenvalues and {@link #nonzeroCdf}.
     */
    public double ksDistance(double[] eigenvalues) {
        Check.nonEmpty("eigenvalues", eigenvalues);
        double[] x = eigenvalues.clone();
        Arrays.sort(x);
        int n = x.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = nonzeroCdf(x[i]);
            d = Math.max(d, Math.max(Math.abs(f - (double) i / n), Math.abs((double) (i + 1) / n - f)));
        }
        return d;
    }

    /** Expected fraction of nonzero eigenvalues in each of {@code bins} equal bins on [λ₋, λ₊]. */
    public double[] binFractions(int bins) {
        Check.positive("bins", bins);
        double lo = lowerEdge(), w = (upperEdge() - lo) / bins;
        double[] f = new double[bins];
        for (int b = 0; b < bins; b++) f[b] = nonzeroCdf(lo + (b + 1) * w) - nonzeroCdf(lo + b * w);
        return f;
    }

    /** Fraction of the eigenvalues in each of {@code bins} equal bins on [λ₋, λ₊] (values outside are dropped). */
    public double[] empiricalBinFractions(double[] eigenvalues, int bins) {
        Check.nonEmpty("eigenvalues", eigenvalues);
        Check.positive("bins", bins);
        double lo = lowerEdge(), w = (upperEdge() - lo) / bins;
        double[] f = new double[bins];
        for (double x : eigenvalues) {
            int b = (int) Math.floor((x - lo) / w);
            if (b >= 0 && b < bins) f[b] += 1.0 / eigenvalues.length;
        }
        return f;
    }

    /** Total variation ½ Σ_b |empirical − expected| over {@code bins} equal bins on [λ₋, λ₊] (spec 003 §5.4). */
    public double totalVariation(double[] eigenvalues, int bins) {
        double[] e = empiricalBinFractions(eigenvalues, bins), t = binFractions(bins);
        double s = 0;
        for (int b = 0; b < bins; b++) s += Math.abs(e[b] - t[b]);
        // eigenvalues outside the support count fully against the fit
        return 0.5 * (s + outsideFraction(eigenvalues));
    }

    /** Fraction of the eigenvalues outside [λ₋, λ₊]. */
    public double outsideFraction(double[] eigenvalues) {
        Check.nonEmpty("eigenvalues", eigenvalues);
        double lo = lowerEdge(), hi = upperEdge();
        int k = 0;
        for (double x : eigenvalues) if (x < lo || x > hi) k++;
        return (double) k / eigenvalues.length;
    }

    // ---- finite-N edges (spec 003 §5.3): soft-edge Tracy–Widom β = 1 ----

    private static void sizes(int nVisible, int nHidden) {
        Check.positive("nVisible", nVisible);
        Check.positive("nHidden", nHidden);
    }

    /** Centre μ₋ = (√N_max − √N_min)² / N_h of the smallest nonzero eigenvalue. */
    public static double smallestCentre(int nVisible, int nHidden) {
        sizes(nVisible, nHidden);
        double a = Math.sqrt(Math.max(nVisible, nHidden)), b = Math.sqrt(Math.min(nVisible, nHidden));
        return (a - b) * (a - b) / nHidden;
    }

    /** Scale σ₋ = (√N_max − √N_min)(1/√N_min − 1/√N_max)^{1/3} / N_h. */
    public static double smallestScale(int nVisible, int nHidden) {
        sizes(nVisible, nHidden);
        double a = Math.sqrt(Math.max(nVisible, nHidden)), b = Math.sqrt(Math.min(nVisible, nHidden));
        return (a - b) * Math.cbrt(1 / b - 1 / a) / nHidden;
    }

    /** E[λ_min] ≈ μ₋ − E[TW₁] σ₋ = μ₋ + 1.2065 σ₋ (smallest nonzero eigenvalue; spec 003 §5.3). */
    public static double expectedSmallest(int nVisible, int nHidden) {
        return smallestCentre(nVisible, nHidden) - TW1_MEAN * smallestScale(nVisible, nHidden);
    }

    /** sd[λ_min] ≈ 1.268 σ₋. */
    public static double sdSmallest(int nVisible, int nHidden) {
        return TW1_SD * smallestScale(nVisible, nHidden);
    }

    /** E[λ_max] ≈ μ₊ + E[TW₁] σ₊ with μ₊ = (√N_v + √N_h)²/N_h, σ₊ = (√N_v + √N_h)(1/√N_v + 1/√N_h)^{1/3}/N_h. */
    public static double expectedLargest(int nVisible, int nHidden) {
        return largestCentre(nVisible, nHidden) + TW1_MEAN * largestScale(nVisible, nHidden);
    }

    /** sd[λ_max] ≈ 1.268 σ₊. */
    public static double sdLargest(int nVisible, int nHidden) {
        return TW1_SD * largestScale(nVisible, nHidden);
    }

    static double largestCentre(int nVisible, int nHidden) {
        sizes(nVisible, nHidden);
        double a = Math.sqrt(nVisible), b = Math.sqrt(nHidden);
        return (a + b) * (a + b) / nHidden;
    }

    static double largestScale(int nVisible, int nHidden) {
        sizes(nVisible, nHidden);
        double a = Math.sqrt(nVisible), b = Math.sqrt(nHidden);
        return (a + b) * Math.cbrt(1 / a + 1 / b) / nHidden;
    }
}
