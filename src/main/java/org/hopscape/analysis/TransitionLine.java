package org.hopscape.analysis;

import org.hopscape.util.Check;

/**
 * The analytic feature-to-prototype line of the two-sample system (000 Fig 6, white line; spec §6 Fig 6): the
 * temperature at which the score of a perfect mixture M = (A + B)/2 costs as much as a pure prototype,
 * 2(1 − tanh(u^n))^{2n} = 1 with u = ⟨M|A⟩/T, i.e.
 * <pre>
 *   T_line(n) = (⟨A|A⟩ + ⟨A|B⟩) / (2 [artanh(1 − 2^{−1/(2n)})]^{1/n}).
 * </pre>
 * T_line decreases with n towards (⟨A|A⟩ + ⟨A|B⟩)/2; above the line (higher T or n) the memory is a prototype.
 */
public final class TransitionLine {
    private TransitionLine() {}

    /** T_line(n) for the overlap sum s = ⟨A|A⟩ + ⟨A|B⟩ (> 0) and order n ≥ 1. */
    public static double temperature(double overlapSum, double n) {
        Check.positive("overlapSum", overlapSum);
        Check.inRange("n", n, 1, 1e6);
        double x = 1 - Math.pow(2, -1 / (2 * n));
        double artanh = 0.5 * Math.log((1 + x) / (1 - x));
        return overlapSum / (2 * Math.pow(artanh, 1 / n));
    }

    /** T_line(n) from the two Gram values ⟨A|A⟩ and ⟨A|B⟩ (their sum must be &gt; 0). */
    public static double temperature(double gramAA, double gramAB, double n) {
        Check.finite("gramAA", gramAA);
        Check.finite("gramAB", gramAB);
        return temperature(gramAA + gramAB, n);
    }

    /** The order n where T_line(n) = T, from the two Gram values ⟨A|A⟩ and ⟨A|B⟩; NaN when there is no crossing. */
    public static double order(double gramAA, double gramAB, double temperature) {
        Check.finite("gramAA", gramAA);
        Check.finite("gramAB", gramAB);
        return order(gramAA + gramAB, temperature);
    }

    /**
     * The order n where T_line(n) = T, by bisection on [1, 10⁶] to 1e−10; NaN when T is not above the
     * asymptote s/2 or not below T_line(1) (no crossing).
     */
    public static double order(double overlapSum, double temperature) {
        Check.positive("temperature", temperature);
        double lo = 1, hi = 1e6;
        if (!(temperature < temperature(overlapSum, lo)) || !(temperature > temperature(overlapSum, hi))) return Double.NaN;
        while (hi - lo > 1e-10 * Math.max(1, lo)) {
            double mid = 0.5 * (lo + hi);
            if (temperature(overlapSum, mid) > temperature) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }
}
