package org.hopscape.papers.hierarchy;

import org.hopscape.analysis.SeparatrixScan;

/**
 * 002 appendix Fig 3 as the paper sets it up (spec 002 §3): Ξ₁ at 60°, Ξ₂ at 30°, Ξ₃ at 150°, w = (w₁, 1, 0); the
 * progenitor Ξ*₁₂ of the pair (1, 2) competes with Ξ₃ while w₁ is scanned. The scan itself is
 * {@link SeparatrixScan#progenitorScan(double[][], int, int, int, double[], java.util.function.DoubleFunction, double)},
 * which takes any patterns and weights.
 */
public final class ProgenitorBasin {
    private ProgenitorBasin() {}

    /** Spec 002 appendix Fig 3 patterns: Ξ₁ at 60°, Ξ₂ at 30°, Ξ₃ at 150°. */
    public static double[][] patterns() {
        return new double[][] {SeparatrixScan.unit(60), SeparatrixScan.unit(30), SeparatrixScan.unit(150)};
    }

    /** w = (w₁, 1, 0) of spec 002 appendix Fig 3. */
    public static double[] weights(double w1) {
        return new double[] {w1, 1, 0};
    }

    /** The appendix Fig 3 scan over w₁ at inverse temperature β (the paper: β = 7). */
    public static SeparatrixScan.ProgenitorScan scan(double[] w1s, double beta) {
        return SeparatrixScan.progenitorScan(patterns(), 0, 1, 2, w1s, ProgenitorBasin::weights, beta);
    }
}
