package org.hopscape.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent computation of the fixed points of the reduced two-memory system (spec 000 §7.2), for the tests
 * of {@link TwoMemorySystem#fixedPoints}: written from the spec, sharing no code with the library.
 *
 * <p>Detection: on each half of the diamond, a 2-D grid in (α, ℓ) (ℓ also at ±10^−k, k = 3 … 318, so that labels
 * of 1e−19 are bracketed), the signs of the two fixed-point equations R = β∇_A − α∇_B and ∇_ℓ evaluated from
 * log-magnitudes (no underflow at any saturation); a cell where both change sign is a candidate, as is an edge
 * cell at ℓ = ±1 where R changes sign with ∇_ℓ pushing outwards. Solution: Newton in 34-digit decimal arithmetic
 * ({@link BigDecimal}, with exp/log written here) from the cell centre. Stability: eigenvalues of the Jacobian of
 * the normalised flow dα/dt = (∇_A − αN)/(|∇_A| + |∇_B|), dℓ/dt = ∇_ℓ/max(|∇_ℓ|, |∇_γ|) at the point — central
 * differences of the two numerators divided by the normalisers (their own derivatives multiply zeros there) — in the
 * same arithmetic, each entry taken where two successive step sizes agree.
 */
final class TwoMemoryReference {
    static final MathContext MC = new MathContext(34, RoundingMode.HALF_EVEN);
    private static final MathContext WIDE = new MathContext(42, RoundingMode.HALF_EVEN);
    private static final BigDecimal TINY = new BigDecimal("1e-44");
    static final BigDecimal TWO = BigDecimal.valueOf(2), FOUR = BigDecimal.valueOf(4);
    static final BigDecimal LN2 = atanhInverse(3).multiply(TWO, WIDE);                          // ln 2 = 2 atanh(1/3)
    static final BigDecimal LN10 = LN2.multiply(BigDecimal.valueOf(3), WIDE)
            .add(atanhInverse(9).multiply(TWO, WIDE), WIDE);                                     // ln 10 = 3 ln 2 + ln 1.25

    /** A reference fixed point: α, ℓ (decimal), branch sign, saturated, eigenvalues (real parts, λ1 ≥ λ2). */
    record Point(int branch, BigDecimal alpha, BigDecimal ell, boolean saturated, double lambda1, double lambda2) {
        boolean stable() { return lambda1 < 0 && lambda2 < 0; }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%s α=%.12g ℓ=%.6g%s λ=(%.6g, %.6g)", branch > 0 ? "UPPER" : "LOWER",
                    alpha.doubleValue(), ell.doubleValue(), saturated ? " saturated" : "", lambda1, lambda2);
        }
    }

    final double gAA, gAB, gBB, n, p;
    final BigDecimal bAA, bAB, bBB, bn, bp, teff;
    final double teffD;

    TwoMemoryReference(double gAA, double gAB, double gBB, double temperature, int memories, double n) {
        this.gAA = gAA; this.gAB = gAB; this.gBB = gBB; this.n = n; this.p = 2 * n - 1;
        bAA = new BigDecimal(gAA); bAB = new BigDecimal(gAB); bBB = new BigDecimal(gBB);
        bn = new BigDecimal(n); bp = new BigDecimal(p);
        teff = new BigDecimal(temperature).multiply(exp(log(BigDecimal.valueOf(memories)).divide(bn, MC).negate()), MC);
        teffD = teff.doubleValue();
    }

    // ------------------------------------------------------------------ decimal exp / log

    /** Σ 1/((2k+1) m^(2k+1)) = atanh(1/m), to 42 digits. */
    private static BigDecimal atanhInverse(int m) {
        BigDecimal x = BigDecimal.ONE.divide(BigDecimal.valueOf(m), WIDE), x2 = x.multiply(x, WIDE), term = x, sum = BigDecimal.ZERO;
        for (int k = 0; term.abs().compareTo(TINY) > 0; k++) {
            sum = sum.add(term.divide(BigDecimal.valueOf(2L * k + 1), WIDE), WIDE);
            term = term.multiply(x2, WIDE);
        }
        return sum;
    }

    private static final BigDecimal[] INVERSE_FACTORIAL = new BigDecimal[24];
    static {
        INVERSE_FACTORIAL[0] = BigDecimal.ONE;
        for (int i = 1; i < INVERSE_FACTORIAL.length; i++)
            INVERSE_FACTORIAL[i] = INVERSE_FACTORIAL[i - 1].divide(BigDecimal.valueOf(i), WIDE);
    }

    /** e^x: x = k ln 2 + r, e^r = (e^{r/256})^256 with a Taylor series for the small argument. */
    static BigDecimal exp(BigDecimal x) {
        if (x.signum() < 0) return BigDecimal.ONE.divide(exp(x.negate()), MC);
        BigDecimal k = x.divide(LN2, WIDE).setScale(0, RoundingMode.FLOOR);
        BigDecimal r = x.subtract(k.multiply(LN2, WIDE), WIDE).divide(BigDecimal.valueOf(256), WIDE);   // < 0.0028
        BigDecimal sum = BigDecimal.ONE, power = BigDecimal.ONE;
        for (int i = 1; i < INVERSE_FACTORIAL.length; i++) {
            power = power.multiply(r, WIDE);
            BigDecimal term = power.multiply(INVERSE_FACTORIAL[i], WIDE);
            sum = sum.add(term, WIDE);
            if (term.compareTo(TINY) < 0) break;
        }
        for (int i = 0; i < 8; i++) sum = sum.multiply(sum, WIDE);
        return sum.multiply(TWO.pow(k.intValueExact(), WIDE), MC);
    }

    /** ln x = e·ln 10 + y₀ + ln(m e^{−y₀}), x = m·10^e, y₀ = ln m in double, the last by its series (argument ~1e−16). */
    static BigDecimal log(BigDecimal x) {
        if (x.signum() <= 0) throw new IllegalArgumentException("log of " + x);
        int e = x.precision() - x.scale() - 1;                                     // x = m · 10^e, 1 ≤ m < 10
        BigDecimal m = x.movePointLeft(e);
        BigDecimal y = BigDecimal.valueOf(Math.log(m.doubleValue()));              // shortest decimal of the double
        BigDecimal d = m.multiply(exp(y.negate()), WIDE).subtract(BigDecimal.ONE, WIDE);   // |d| ≲ 1e−15
        BigDecimal series = d.subtract(d.multiply(d, WIDE).divide(TWO, WIDE), WIDE)
                .add(d.multiply(d, WIDE).multiply(d, WIDE).divide(BigDecimal.valueOf(3), WIDE), WIDE);
        return y.add(series, WIDE).add(LN10.multiply(BigDecimal.valueOf(e), WIDE), MC);
    }

    static BigDecimal pow(BigDecimal x, BigDecimal y) {
        return x.signum() == 0 ? BigDecimal.ZERO : exp(y.multiply(log(x), WIDE));
    }

    // ------------------------------------------------------------------ the model in decimals (spec §7.2)

    /** {∇_A, ∇_B, ∇_ℓ, ∇_γ} at (α, β, ℓ). */
    BigDecimal[] gradients(BigDecimal alpha, BigDecimal beta, BigDecimal ell) {
        BigDecimal[] a = sample(alpha.multiply(bAA, MC).add(beta.multiply(bAB, MC), MC), ell, 1);
        BigDecimal[] b = sample(alpha.multiply(bAB, MC).add(beta.multiply(bBB, MC), MC), ell, -1);
        return new BigDecimal[] {a[0], b[0], a[1].subtract(b[1], MC), a[2].add(b[2], MC).negate()};
    }

    /** One sample: {d^{n−1}(s ℓ e + 4g), e·f, g·f} with e = (1 − sO)^p (1 − O²), O = tanh(ℓf), g likewise at u = f. */
    private BigDecimal[] sample(BigDecimal overlap, BigDecimal ell, int s) {
        if (overlap.signum() <= 0) return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        BigDecimal d = overlap.divide(teff, MC), f = pow(d, bn), dn1 = f.divide(d, MC);
        BigDecimal e = errorTerm(ell.multiply(f, MC), s), g = errorTerm(f, 1);
        BigDecimal grad = dn1.multiply(ell.multiply(e, MC).multiply(BigDecimal.valueOf(s), MC).add(FOUR.multiply(g, MC), MC), MC);
        return new BigDecimal[] {grad, e.multiply(f, MC), g.multiply(f, MC)};
    }

    /**
     * (1 − s tanh u)^p (1 − tanh² u) with w = e^{su}: 1 − s tanh u = 2/(1 + w²), 1 − tanh² u = 4w²/(1 + w²)², so the
     * whole term is exp(p·(ln 2 − ln(1 + w²))) · 4w²/(1 + w²)².
     */
    private BigDecimal errorTerm(BigDecimal u, int s) {
        BigDecimal w = exp(s > 0 ? u : u.negate()), w2 = w.multiply(w, MC), q = BigDecimal.ONE.add(w2, MC);
        BigDecimal logBase = LN2.subtract(log(q), MC);
        return exp(bp.multiply(logBase, MC)).multiply(FOUR.multiply(w2, MC).divide(q.multiply(q, MC), MC), MC);
    }

    BigDecimal beta(BigDecimal alpha, int branch) {
        return BigDecimal.ONE.subtract(alpha.abs(), MC).multiply(BigDecimal.valueOf(branch), MC);
    }

    /** The equations {R = β∇_A − α∇_B, ∇_ℓ}. */
    BigDecimal[] equations(BigDecimal alpha, BigDecimal ell, int branch) {
        BigDecimal beta = beta(alpha, branch);
        BigDecimal[] g = gradients(alpha, beta, ell);
        return new BigDecimal[] {beta.multiply(g[0], MC).subtract(alpha.multiply(g[1], MC), MC), g[2]};
    }

    /** The normalised flow {dα/dt, dℓ/dt} (spec §7.2), ℓ taken as given (no clip). */
    BigDecimal[] flow(BigDecimal alpha, BigDecimal ell, int branch) {
        BigDecimal beta = beta(alpha, branch);
        BigDecimal[] g = gradients(alpha, beta, ell);
        BigDecimal drive = g[0].multiply(BigDecimal.valueOf(alpha.signum()), MC).add(g[1].multiply(BigDecimal.valueOf(beta.signum()), MC), MC);
        BigDecimal da = g[0].subtract(alpha.multiply(drive, MC), MC).divide(g[0].abs().add(g[1].abs(), MC), MC);
        BigDecimal dl = g[2].divide(g[2].abs().max(g[3].abs()), MC);
        return new BigDecimal[] {da, dl, drive};
    }

    // ------------------------------------------------------------------ detection by signs of log-magnitudes

    /** Signs {sgn R, sgn ∇_ℓ} at (α, ℓ) on a half, each 0 when both sides agree to 1e−12 (no decision). */
    int[] signs(double alpha, double ell, int branch) {
        double beta = branch * (1 - Math.abs(alpha));
        double[] a = logSample(alpha * gAA + beta * gAB, ell, 1), b = logSample(alpha * gAB + beta * gBB, ell, -1);
        // R = β·dA^{n−1}(ℓ e_A + 4 g_A) − α·dB^{n−1}(−ℓ e_B + 4 g_B): four signed terms, summed by log-sum-exp per sign
        double pos = Double.NEGATIVE_INFINITY, neg = Double.NEGATIVE_INFINITY;
        double lb = Math.log(Math.abs(beta)), la = Math.log(Math.abs(alpha)), ll = Math.log(Math.abs(ell)), l4 = Math.log(4);
        if (beta != 0 && a != null) {
            if (ell != 0) { double t = lb + a[0] + ll + a[1]; if (beta * ell > 0) pos = logAdd(pos, t); else neg = logAdd(neg, t); }
            double t = lb + a[0] + l4 + a[2];
            if (beta > 0) pos = logAdd(pos, t); else neg = logAdd(neg, t);
        }
        if (alpha != 0 && b != null) {
            if (ell != 0) { double t = la + b[0] + ll + b[1]; if (alpha * ell > 0) pos = logAdd(pos, t); else neg = logAdd(neg, t); }
            double t = la + b[0] + l4 + b[2];
            if (alpha < 0) pos = logAdd(pos, t); else neg = logAdd(neg, t);
        }
        int sR = pos == neg || Math.abs(pos - neg) <= 1e-12 ? 0 : pos > neg ? 1 : -1;
        int sL;
        if (a == null && b == null) sL = 0;
        else if (b == null) sL = 1;
        else if (a == null) sL = -1;
        else {
            double x = a[1] + a[3], y = b[1] + b[3];                                  // log e_A f_A vs log e_B f_B
            sL = Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x)) ? 0 : x > y ? 1 : -1;
        }
        return new int[] {sR, sL};
    }

    /** {log d^{n−1}, log e, log g, log f} of a sample with overlap x, or null if x ≤ 0. */
    private double[] logSample(double x, double ell, int s) {
        if (!(x > 0)) return null;
        double logd = Math.log(x / teffD), logf = n * logd, f = Math.exp(logf), u = ell * f;
        double logE = p * (Math.log(2) - softplus(2 * s * u)) + logSech2(u);
        double logG = p * (Math.log(2) - softplus(2 * f)) + logSech2(f);
        return new double[] {(n - 1) * logd, logE, logG, logf};
    }

    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    private static double logSech2(double u) {
        double a = Math.abs(u);
        return 2 * Math.log(2) - 2 * a - 2 * Math.log1p(Math.exp(-2 * a));
    }

    private static double logAdd(double x, double y) {
        if (x == Double.NEGATIVE_INFINITY) return y;
        if (y == Double.NEGATIVE_INFINITY) return x;
        double m = Math.max(x, y);
        return m + Math.log1p(Math.exp(-Math.abs(x - y)));
    }

    // ------------------------------------------------------------------ fixed points

    /** The ℓ grid: 0, ±10^−k (k = 318, 315, …, 3) and ±j/ellCells (j = 1 … ellCells). */
    static double[] ellGrid(int ellCells) {
        List<Double> l = new ArrayList<>();
        l.add(0.0);
        for (int k = 3; k <= 318; k += 3) { l.add(Math.pow(10, -k)); l.add(-Math.pow(10, -k)); }
        for (int j = 1; j <= ellCells; j++) { l.add((double) j / ellCells); l.add(-(double) j / ellCells); }
        return l.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
    }

    /** Every fixed point with N > 0 on both halves; α grid of {@code alphaCells} cells per half, ℓ grid {@link #ellGrid}. */
    List<Point> fixedPoints(int alphaCells, int ellCells) {
        double[] ls = ellGrid(ellCells);
        double[] as = new double[alphaCells + 1];
        for (int i = 0; i <= alphaCells; i++) as[i] = Math.max(-1 + 1e-12, Math.min(1 - 1e-12, -1 + 2.0 * i / alphaCells));
        List<Point> found = new ArrayList<>();
        for (int branch : new int[] {1, -1}) {
            int[][][] sg = new int[as.length][ls.length][];
            for (int i = 0; i < as.length; i++) for (int j = 0; j < ls.length; j++) sg[i][j] = signs(as[i], ls[j], branch);
            for (int i = 0; i + 1 < as.length; i++) {
                for (int j = 0; j + 1 < ls.length; j++)
                    if (changes(sg, i, j, 0) && changes(sg, i, j, 1))
                        add(found, solve(found, branch, 0.5 * (as[i] + as[i + 1]), 0.5 * (ls[j] + ls[j + 1]), as[i], as[i + 1], false));
                for (int edge : new int[] {0, ls.length - 1}) {                       // saturated labels ℓ = ±1
                    int push = edge == 0 ? -1 : 1;
                    int r0 = sg[i][edge][0], r1 = sg[i + 1][edge][0];
                    if (r0 * r1 < 0 && (sg[i][edge][1] == push || sg[i + 1][edge][1] == push))
                        add(found, solve(found, branch, 0.5 * (as[i] + as[i + 1]), push, as[i], as[i + 1], true));
                }
            }
        }
        return found;
    }

    private static boolean changes(int[][][] sg, int i, int j, int k) {
        boolean pos = false, neg = false;
        for (int di = 0; di < 2; di++)
            for (int dj = 0; dj < 2; dj++) {
                int s = sg[i + di][j + dj][k];
                pos |= s >= 0;
                neg |= s <= 0;
            }
        return pos && neg;
    }

    private static void add(List<Point> found, Point p) {
        if (p != null && !known(found, p.branch(), p.alpha().doubleValue(), p.ell().doubleValue(), 1e-40)) found.add(p);
    }

    /** A point of {@code found} within 1e−10 in α and 1e−8|ℓ| + floor in ℓ. */
    private static boolean known(List<Point> found, int branch, double alpha, double ell, double floor) {
        for (Point q : found)
            if (q.branch() == branch && Math.abs(q.alpha().doubleValue() - alpha) < 1e-10
                    && Math.abs(q.ell().doubleValue() - ell) <= 1e-8 * Math.abs(ell) + floor)
                return true;
        return false;
    }

    // ------------------------------------------------------------------ the model in doubles (first Newton steps)

    /** {R, ∇_ℓ} in double precision, 1 ∓ tanh and sech² from e^{−2|u|} (no cancellation). */
    double[] equationsD(double alpha, double ell, int branch) {
        double beta = branch * (1 - Math.abs(alpha));
        double[] a = sampleD(alpha * gAA + beta * gAB, ell, 1), b = sampleD(alpha * gAB + beta * gBB, ell, -1);
        return new double[] {beta * a[0] - alpha * b[0], a[1] - b[1]};
    }

    private double[] sampleD(double x, double ell, int s) {
        if (!(x > 0)) return new double[2];
        double d = x / teffD, f = Math.pow(d, n), e = errorTermD(ell * f, s), g = errorTermD(f, 1);
        return new double[] {Math.pow(d, n - 1) * (s * ell * e + 4 * g), e * f};
    }

    private double errorTermD(double u, int s) {
        double e = Math.exp(-2 * Math.abs(u)), q = 1 + e;
        return Math.pow((s * u >= 0 ? 2 * e : 2) / q, p) * 4 * e / (q * q);
    }

    /**
     * Newton from (α, ℓ): first in doubles (finite-difference Jacobian), then polished in decimals until the step is
     * below 1e−28 in α and 1e−26|ℓ| + 1e−40 in ℓ; a saturated point keeps ℓ = ±1 and needs ∇_ℓ pushing outwards. Null unless it
     * converges with α in [lo − 2w, hi + 2w], |ℓ| ≤ 1, N > 0, or if it is a point already found.
     */
    Point solve(List<Point> found, int branch, double alpha0, double ell0, double lo, double hi, boolean saturated) {
        double a = alpha0, l = ell0, w = hi - lo;
        for (int it = 0; it < 60; it++) {
            // R and ∇_ℓ are close to linear in ℓ while |ℓ f| ≪ 1, so a step of 1e−15 resolves labels of 1e−23 as well
            double ha = 1e-7 * Math.max(Math.abs(a), 1e-3), hl = 1e-7 * Math.max(Math.abs(l), 1e-8);
            double[] f = equationsD(a, l, branch), fa = equationsD(a + ha, l, branch);
            double da, dl = 0;
            if (saturated) {
                da = -f[0] * ha / (fa[0] - f[0]);
            } else {
                double[] fl = equationsD(a, l + hl, branch);
                double j11 = (fa[0] - f[0]) / ha, j21 = (fa[1] - f[1]) / ha, j12 = (fl[0] - f[0]) / hl, j22 = (fl[1] - f[1]) / hl;
                double det = j11 * j22 - j12 * j21;
                da = (f[1] * j12 - f[0] * j22) / det;
                dl = (f[0] * j21 - f[1] * j11) / det;
            }
            if (!Double.isFinite(da) || !Double.isFinite(dl)) return null;
            for (int half = 0; half < 40 && (Math.abs(a + da) >= 1 || Math.abs(l + dl) > 1); half++) { da /= 2; dl /= 2; }
            a += da;
            l += dl;
            if (a < lo - 2 * w || a > hi + 2 * w || Math.abs(a) >= 1 || Math.abs(l) > 1) return null;
            if (Math.abs(da) < 1e-14 && Math.abs(dl) <= 1e-14 * Math.abs(l) + 1e-30) break;
            if (it == 59) return null;
        }
        if (known(found, branch, a, l, 1e-29)) return null;                    // the double stage resolves ℓ to ~1e−30
        BigDecimal ba = new BigDecimal(a), bl = saturated ? BigDecimal.valueOf((long) l) : new BigDecimal(l);
        // steps: 1e−20 in α; in ℓ, 1e−10·max(|ℓ|, 1e−30) for R (linear in ℓ on the scale of ℓ or of 4g/e) and 1e−12 for ∇_ℓ
        BigDecimal h = new BigDecimal("1e-20"), hl = new BigDecimal("1e-12");
        for (int it = 0; it < 6; it++) {
            BigDecimal hr = bl.abs().max(new BigDecimal("1e-30")).multiply(new BigDecimal("1e-10"), MC);
            BigDecimal[] f = equations(ba, bl, branch), fa = equations(ba.add(h, MC), bl, branch);
            BigDecimal j11 = fa[0].subtract(f[0], MC).divide(h, MC), da, dl = BigDecimal.ZERO;
            if (saturated) {
                da = f[0].negate().divide(j11, MC);
            } else {
                BigDecimal j21 = fa[1].subtract(f[1], MC).divide(h, MC);
                BigDecimal j12 = equations(ba, bl.add(hr, MC), branch)[0].subtract(f[0], MC).divide(hr, MC);
                BigDecimal j22 = equations(ba, bl.add(hl, MC), branch)[1].subtract(f[1], MC).divide(hl, MC);
                BigDecimal det = j11.multiply(j22, MC).subtract(j12.multiply(j21, MC), MC);
                if (det.signum() == 0) return null;
                da = f[1].multiply(j12, MC).subtract(f[0].multiply(j22, MC), MC).divide(det, MC);
                dl = f[0].multiply(j21, MC).subtract(f[1].multiply(j11, MC), MC).divide(det, MC);
            }
            ba = ba.add(da, MC);
            bl = bl.add(dl, MC);
            if (da.abs().compareTo(new BigDecimal("1e-28")) < 0
                    && dl.abs().compareTo(bl.abs().multiply(new BigDecimal("1e-26")).add(new BigDecimal("1e-40"))) <= 0) {
                if (saturated && equations(ba, bl, branch)[1].signum() * bl.signum() < 0) return null;   // label moves inwards
                return point(branch, ba, bl, saturated);
            }
        }
        return null;
    }

    /** The point with its eigenvalues, or null if N ≤ 0 there. */
    private Point point(int branch, BigDecimal a, BigDecimal l, boolean saturated) {
        if (flow(a, l, branch)[2].signum() <= 0) return null;
        // each entry from the first two successive steps (shrinking by 1e−4) that agree to 1e−7 with a non-zero value
        double[] j = new double[4], previous = null;
        boolean[] done = new boolean[4];
        for (int k = 6; k <= 34; k += 4) {
            double[] next = jacobian(a, l, branch, new BigDecimal("1e-" + k));
            for (int q = 0; q < 4; q++)
                if (!done[q] && previous != null && next[q] != 0 && Math.abs(next[q] - previous[q]) <= 1e-7 * Math.abs(next[q])) {
                    j[q] = next[q];
                    done[q] = true;
                }
            previous = next;
        }
        if (saturated) return new Point(branch, a, l, true, j[0], Double.NEGATIVE_INFINITY);
        double tr = j[0] + j[3], det = j[0] * j[3] - j[1] * j[2], disc = tr * tr / 4 - det;
        double l1 = disc >= 0 ? tr / 2 + Math.sqrt(disc) : tr / 2, l2 = disc >= 0 ? tr / 2 - Math.sqrt(disc) : tr / 2;
        return new Point(branch, a, l, false, l1, l2);
    }

    /**
     * {∂α̇/∂α, ∂α̇/∂ℓ, ∂ℓ̇/∂α, ∂ℓ̇/∂ℓ} at a fixed point. There ∇_A − αN = 0 and ∇_ℓ = 0, so the derivatives of the
     * normalisers |∇_A| + |∇_B| and max(|∇_ℓ|, |∇_γ|) = |∇_γ| multiply zeros: the rows are central differences of
     * ∇_A − αN and of ∇_ℓ divided by them. Step h in α; in ℓ, h·max(|ℓ|, 1e−30) for ∇_A − αN (∇_A ∝ ℓe + 4g changes
     * on the scale of ℓ itself when ℓ is tiny) and h for ∇_ℓ (which changes on a scale ~1/(pf)).
     */
    private double[] jacobian(BigDecimal a, BigDecimal l, int branch, BigDecimal h) {
        BigDecimal hr = h.multiply(l.abs().max(new BigDecimal("1e-30")).min(BigDecimal.ONE), MC);
        BigDecimal[] g = gradients(a, beta(a, branch), l);
        BigDecimal memoryNorm = g[0].abs().add(g[1].abs(), MC), labelNorm = g[3].abs();
        BigDecimal h2 = h.multiply(TWO, MC), hr2 = hr.multiply(TWO, MC);
        return new double[] {
                memory(a.add(h, MC), l, branch, a).subtract(memory(a.subtract(h, MC), l, branch, a), MC).divide(h2, MC).divide(memoryNorm, MC).doubleValue(),
                memory(a, l.add(hr, MC), branch, a).subtract(memory(a, l.subtract(hr, MC), branch, a), MC).divide(hr2, MC).divide(memoryNorm, MC).doubleValue(),
                label(a.add(h, MC), l, branch).subtract(label(a.subtract(h, MC), l, branch), MC).divide(h2, MC).divide(labelNorm, MC).doubleValue(),
                label(a, l.add(h, MC), branch).subtract(label(a, l.subtract(h, MC), branch), MC).divide(h2, MC).divide(labelNorm, MC).doubleValue()};
    }

    /** ∇_A − αN with the signs sgn(α), sgn(β) of the point {@code at} (constant near it). */
    private BigDecimal memory(BigDecimal a, BigDecimal l, int branch, BigDecimal at) {
        BigDecimal[] g = gradients(a, beta(a, branch), l);
        BigDecimal drive = g[0].multiply(BigDecimal.valueOf(at.signum()), MC).add(g[1].multiply(BigDecimal.valueOf(branch), MC), MC);
        return g[0].subtract(a.multiply(drive, MC), MC);
    }

    private BigDecimal label(BigDecimal a, BigDecimal l, int branch) {
        return gradients(a, beta(a, branch), l)[2];
    }
}
