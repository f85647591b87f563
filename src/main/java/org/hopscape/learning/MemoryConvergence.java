package org.hopscape.learning;

import org.hopscape.util.Check;

/**
 * Closed forms for the cosine similarity of a memory row to its target under one-hot softmax synapses
 * (003 App. B.1, Eq. 33–40; exact forms from spec 003 §2.2–2.3).
 *
 * <p>With one-hot weights each row moves on the straight segment Ξ⁰_μ → ξ'_μ:
 * Ξ_μ(t) = a Ξ⁰_μ + (1 − a) ξ'_μ (Eq. 34), where a = e^{−t/τ_μ}, τ_μ = τ_Ξ/p_μ (Eq. 35) in the averaged
 * continuous picture, or a = (1 − dt/τ_Ξ)^{n_μ(t)} exactly for Euler steps (n_μ = presentations of row μ).
 */
public final class MemoryConvergence {
    private MemoryConvergence() {}

    /** a = e^{−t/τ_μ} (003 Eq. 34). */
    public static double decay(double t, double tauMu) {
        Check.nonNegative("t", t);
        return Math.exp(-t / Check.positive("tauMu", tauMu));
    }

    /** a = (1 − dt/τ_Ξ)^n: exact factor after n Euler presentations (spec 003 §2.3). */
    public static double discreteDecay(int presentations, double dt, double tau) {
        Check.nonNegative("presentations", presentations);
        Check.positive("dt", dt);
        Check.positive("tau", tau);
        if (dt > tau) throw new IllegalArgumentException("dt must be <= tau (got dt = " + dt + ", tau = " + tau + ")");
        return Math.pow(1 - dt / tau, presentations);
    }

    /**
     * 003 Eq. 40: sim = [a α + (1 − a)] / √(a² + (1 − a)² + 2a(1 − a)α), which assumes |Ξ⁰_μ| = |ξ'_μ|.
     *
     * @param initialOverlap α_μ = cos(Ξ⁰_μ, ξ'_μ) (Eq. 37), in [−1, 1]
     * @param a              decay factor in [0, 1]
     */
    public static double eq40(double initialOverlap, double a) {
        return cosine(initialOverlap, 1, a);
    }

    /** 003 Eq. 40 at time t with τ_μ = τ_Ξ/p_μ. */
    public static double eq40AtTime(double initialOverlap, double t, double tauMu) {
        return eq40(initialOverlap, decay(t, tauMu));
    }

    /**
     * Exact cosine of a Ξ⁰ + (1 − a) ξ' with ξ' for unequal norms (spec 003 §2.2):
     * [a α + (1 − a) r] / √(a² + (1 − a)² r² + 2a(1 − a) α r), r = |ξ'|/|Ξ⁰|. Eq. 40 is r = 1.
     */
    public static double cosine(double initialOverlap, double normRatio, double a) {
        Check.inRange("initialOverlap", initialOverlap, -1, 1);
        Check.nonNegative("normRatio", normRatio);
        Check.inRange("a", a, 0, 1);
        double b = 1 - a;
        double num = a * initialOverlap + b * normRatio;
        double den = Math.sqrt(a * a + b * b * normRatio * normRatio + 2 * a * b * initialOverlap * normRatio);
        return den == 0 ? 1 : num / den;
    }

    /**
     * Large-N_v law for Gaussian noise of variance σ² on orthogonal rows of norm √N_v (spec 003 §2.2):
     * (1 + (1 − a)σ²) / √((1 + σ²)(1 + (1 − a)²σ²)); α → 1/√(1 + σ²), r → √(1 + σ²).
     */
    public static double largeN(double sigma, double a) {
        Check.nonNegative("sigma", sigma);
        Check.inRange("a", a, 0, 1);
        double s2 = sigma * sigma, b = 1 - a;
        return (1 + b * s2) / Math.sqrt((1 + s2) * (1 + b * b * s2));
    }
}
