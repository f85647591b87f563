package org.hopscape.analysis;

import java.util.function.DoubleUnaryOperator;

/** Bracketed scalar root finding (Brent's method: bisection safeguarded by secant / inverse quadratic steps). */
final class Roots {
    private Roots() {}

    /** Iteration cap; Brent needs ≤ ~100 steps for any double bracket. */
    static final int MAX_ITERATIONS = 200;

    /**
     * A root of f in [a, b] given f(a)·f(b) ≤ 0, to absolute tolerance {@code tol} in x.
     *
     * @param fa f(a), already known to the caller (saves one evaluation)
     * @param fb f(b)
     */
    static double brent(DoubleUnaryOperator f, double a, double b, double fa, double fb, double tol) {
        if (fa == 0) return a;
        if (fb == 0) return b;
        if (Math.signum(fa) == Math.signum(fb))
            throw new IllegalArgumentException("root not bracketed: f(" + a + ") = " + fa + ", f(" + b + ") = " + fb);
        double c = a, fc = fa, d = b - a, e = d;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            if (Math.signum(fb) == Math.signum(fc)) { // keep the root between b and c
                c = a; fc = fa; d = b - a; e = d;
            }
            if (Math.abs(fc) < Math.abs(fb)) { // b is the best estimate
                a = b; b = c; c = a;
                fa = fb; fb = fc; fc = fa;
            }
            double tol1 = 2 * Math.ulp(b) + 0.5 * tol;
            double xm = 0.5 * (c - b);
            if (Math.abs(xm) <= tol1 || fb == 0) return b;
            if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
                double s = fb / fa, p, q;
                if (a == c) { // secant
                    p = 2 * xm * s;
                    q = 1 - s;
                } else { // inverse quadratic interpolation
                    double qq = fa / fc, r = fb / fc;
                    p = s * (2 * xm * qq * (qq - r) - (b - a) * (r - 1));
                    q = (qq - 1) * (r - 1) * (s - 1);
                }
                if (p > 0) q = -q; else p = -p;
                if (2 * p < Math.min(3 * xm * q - Math.abs(tol1 * q), Math.abs(e * q))) {
                    e = d; d = p / q;
                } else { // interpolation would leave the bracket or converge slowly: bisect
                    d = xm; e = d;
                }
            } else {
                d = xm; e = d;
            }
            a = b; fa = fb;
            b += Math.abs(d) > tol1 ? d : Math.copySign(tol1, xm);
            fb = f.applyAsDouble(b);
        }
        return b;
    }
}
