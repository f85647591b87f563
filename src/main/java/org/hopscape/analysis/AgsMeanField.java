package org.hopscape.analysis;

import org.hopscape.util.RecordMaps;
import java.util.Map;
import org.hopscape.util.Check;

/**
 * Replica-symmetric mean-field theory of the Hebbian Hopfield network with heat-bath temperature T = 1/β
 * (Amit, Gutfreund &amp; Sompolinsky 1985/87; 001 Fig 2C top; spec 001 §2 "Fig 2C top").
 *
 * <p>With z ~ N(0,1), ⟨·⟩ the Gaussian average and h = m + √(αr) z:
 * m = ⟨tanh βh⟩, q = ⟨tanh² βh⟩, r = q/(1 − β(1 − q))². Solved in the stable unknowns (m, C), C = β(1 − q):
 * q = 1 − CT, r = q/(1 − C)², C = ⟨z tanh βh⟩/√(αr) (Gaussian integration by parts), by Newton with the
 * analytic Jacobian. Free energy per neuron (up to α/2):
 * f = ½m² + (α/2β)[ln(1 − C) − βq/(1 − C)] + (α/2) r C − β⁻¹⟨ln 2cosh βh⟩.
 * T = 0 uses the closed forms with y = m/√(2αr): erf y = y(√(2α) + (2/√π)e^{−y²}).
 *
 * <p>Curves are traced as α(T), which is single-valued (the RS T_c(α), T_M(α) curves are slightly re-entrant):
 * α_M(T) = largest α with a retrieval solution, α_c(T) = root of f_retrieval − f_spinglass.
 */
public final class AgsMeanField {
    /** A retrieval solution counts as lost below this overlap. */
    public static final double M_MIN = 1e-3;
    /** Newton iterations before a solve counts as failed (converged solves take 3–8 from a continuation guess). */
    static final int MAX_NEWTON = 30;

    /**
     * Numerical options.
     *
     * @param gridPoints trapezoid points on z ∈ [−zMax, zMax] (odd, ≥ 101); the paper-quality value 40 001
     *                   resolves the tanh step of width ~T/√(αr) at T = 0.01
     * @param zMax       half-width of the z grid
     * @param tolerance  Newton stops when max |residual| is below this
     * @param alphaTolerance resolution of α_M and α_c (and T_M, T_c)
     */
    public record Options(int gridPoints, double zMax, double tolerance, double alphaTolerance) {
        /** Provenance map (round-trips through {@link #of(Map)}; listeners are left out). */
        public Map<String, String> toMap() {
            return RecordMaps.toMap(this);
        }

        /** Inverse of {@link #toMap()}: keys the map does not name keep the value of {@code paper()}. */
        public static Options of(Map<String, ?> map) {
            return RecordMaps.of(map, paper());
        }

        public Options {
            Check.inRange("gridPoints", gridPoints, 101, 10_000_001);
            if (gridPoints % 2 == 0) throw new IllegalArgumentException("gridPoints must be odd (got " + gridPoints + ")");
            Check.positive("zMax", zMax);
            Check.positive("tolerance", tolerance);
            Check.positive("alphaTolerance", alphaTolerance);
        }

        /** Spec 001: 40 001 points on [−10, 10]. */
        public static Options paper() { return new Options(40_001, 10, 1e-12, 1e-6); }

        /** Coarser grid (agrees with paper() to ~1e-5 for T ≥ 0.01). */
        public static Options quick() { return new Options(8_001, 10, 1e-11, 1e-5); }

        public Options withGridPoints(int gridPoints) {
            return new Options(gridPoints, zMax, tolerance, alphaTolerance);
        }

        public Options withZMax(double zMax) {
            return new Options(gridPoints, zMax, tolerance, alphaTolerance);
        }

        public Options withTolerance(double tolerance) {
            return new Options(gridPoints, zMax, tolerance, alphaTolerance);
        }

        public Options withAlphaTolerance(double alphaTolerance) {
            return new Options(gridPoints, zMax, tolerance, alphaTolerance);
        }
    }

    /**
     * One RS solution.
     *
     * @param m          retrieval overlap
     * @param c          C = β(1 − q) (at T = 0 the limit of β(1 − q))
     * @param q          Edwards–Anderson parameter
     * @param r          noise parameter
     * @param freeEnergy f per neuron (without the constant α/2)
     */
    public record Solution(double alpha, double temperature, double m, double c, double q, double r, double freeEnergy) {}

    private final Options options;
    private final double[] z, w;

    public AgsMeanField(Options options) {
        this.options = options;
        int n = options.gridPoints();
        z = new double[n];
        w = new double[n];
        double dz = 2 * options.zMax() / (n - 1), norm = 1 / Math.sqrt(2 * Math.PI);
        for (int k = 0; k < n; k++) {
            z[k] = -options.zMax() + k * dz;
            w[k] = dz * norm * Math.exp(-0.5 * z[k] * z[k]) * (k == 0 || k == n - 1 ? 0.5 : 1);
        }
    }

    public Options options() { return options; }

    /** T_g(α) = 1 + √α, the spin-glass transition (closed form). */
    public static double spinGlassTemperature(double alpha) {
        Check.nonNegative("alpha", alpha);
        return 1 + Math.sqrt(alpha);
    }

    // ---- Gaussian averages ------------------------------------------------------------------------------------

    /** out = {⟨t⟩, ⟨z t⟩, ⟨1−t²⟩, ⟨z(1−t²)⟩, ⟨z²(1−t²)⟩}, t = tanh u, u = β(m + s z). */
    private void averages(double beta, double m, double s, double[] out) {
        double a = 0, b = 0, d0 = 0, d1 = 0, d2 = 0;
        for (int k = 0; k < z.length; k++) {
            double u = beta * (m + s * z[k]);
            double e = Math.exp(-2 * Math.abs(u));            // ≤ 1, never overflows
            double t = Math.copySign((1 - e) / (1 + e), u);
            double d = 4 * e / ((1 + e) * (1 + e));            // 1 − tanh², accurate in the tails
            double wk = w[k], zk = z[k];
            a += wk * t;
            b += wk * zk * t;
            d0 += wk * d;
            d1 += wk * zk * d;
            d2 += wk * zk * zk * d;
        }
        out[0] = a; out[1] = b; out[2] = d0; out[3] = d1; out[4] = d2;
    }

    /** ⟨ln 2cosh β(m + s z)⟩ = ⟨|u| + ln(1 + e^{−2|u|})⟩ + ln 2. */
    private double logCosh(double beta, double m, double s) {
        double lc = 0;
        for (int k = 0; k < z.length; k++) {
            double u = Math.abs(beta * (m + s * z[k]));
            lc += w[k] * (u + Math.log1p(Math.exp(-2 * u)));
        }
        return lc + Math.log(2);
    }

    /** f at T &gt; 0 for given (m, C). */
    private double freeEnergy(double alpha, double t, double m, double c) {
        double beta = 1 / t, q = 1 - c * t, r = q / ((1 - c) * (1 - c));
        return 0.5 * m * m + alpha / (2 * beta) * (Math.log(1 - c) - beta * q / (1 - c)) + 0.5 * alpha * r * c
                - t * logCosh(beta, m, Math.sqrt(alpha * r));
    }

    private Solution solution(double alpha, double t, double m, double c) {
        double f = freeEnergy(alpha, t, m, c);
        double q = 1 - c * t;
        return new Solution(alpha, t, m, c, q, q / ((1 - c) * (1 - c)), f);
    }

    // ---- T > 0 solvers ----------------------------------------------------------------------------------------

    /**
     * Newton on F = (⟨tanh βh⟩ − m, ⟨z tanh βh⟩/s − C) from (m0, c0), analytic Jacobian, step halving that keeps
     * 0 ≤ C &lt; min(1, β). Returns null when it does not converge.
     */
    private double[] newton(double alpha, double t, double m0, double c0, boolean fixM0) {
        double beta = 1 / t, m = m0, c = c0;
        double cMax = Math.min(1, beta);
        double[] av = new double[5], res = new double[2], jac = new double[4];
        double norm = residual(alpha, t, beta, m, c, fixM0, av, res, jac);
        for (int it = 0; it < MAX_NEWTON; it++) {
            if (norm < options.tolerance()) return new double[]{m, c};
            if (!fixM0 && m < M_MIN) return null;          // fell onto the m = 0 branch
            double dm, dc;
            if (fixM0) {
                dm = 0;
                dc = -res[1] / jac[3];
            } else {
                double det = jac[0] * jac[3] - jac[1] * jac[2];
                if (det == 0 || !Double.isFinite(det)) return null;
                dm = -(jac[3] * res[0] - jac[1] * res[1]) / det;
                dc = -(-jac[2] * res[0] + jac[0] * res[1]) / det;
            }
            double lambda = 1;
            boolean improved = false;
            for (int ls = 0; ls < 12; ls++) {
                double mt = m + lambda * dm, ct = c + lambda * dc;
                if (ct >= 0 && ct < cMax && Double.isFinite(mt)) {
                    double[] r2 = new double[2], j2 = new double[4];
                    double nt = residual(alpha, t, beta, mt, ct, fixM0, av, r2, j2);
                    if (nt < norm || nt < options.tolerance()) {
                        m = mt; c = ct; norm = nt;
                        System.arraycopy(r2, 0, res, 0, 2);
                        System.arraycopy(j2, 0, jac, 0, 4);
                        improved = true;
                        break;
                    }
                }
                lambda *= 0.5;
            }
            if (!improved) return norm < 1e3 * options.tolerance() ? new double[]{m, c} : null;
        }
        return null;
    }

    private double residual(double alpha, double t, double beta, double m, double c, boolean fixM0,
                            double[] av, double[] res, double[] jac) {
        double q = 1 - c * t, omc = 1 - c;
        double r = q / (omc * omc), s = Math.sqrt(alpha * r);
        averages(beta, m, s, av);
        double drdc = -t / (omc * omc) + 2 * q / (omc * omc * omc);
        double dsdc = alpha * drdc / (2 * s);
        res[0] = fixM0 ? 0 : av[0] - m;
        res[1] = av[1] / s - c;
        jac[0] = beta * av[2] - 1;
        jac[1] = beta * av[3] * dsdc;
        jac[2] = beta * av[3] / s;
        jac[3] = (beta * av[4] / s - av[1] / (s * s)) * dsdc - 1;
        return Math.max(Math.abs(res[0]), Math.abs(res[1]));
    }

    /** The retrieval solution near (mGuess, cGuess) at (α, T &gt; 0), or null when none is found (or m &lt; M_MIN). */
    public Solution retrieval(double alpha, double temperature, double mGuess, double cGuess) {
        Check.positive("alpha", alpha);
        Check.positive("temperature", temperature);
        double[] mc = newton(alpha, temperature, mGuess, cGuess, false);
        if (mc == null || mc[0] < M_MIN) return null;
        return solution(alpha, temperature, mc[0], mc[1]);
    }

    /**
     * The retrieval branch at (α, T) without a starting guess: continued in α at fixed T from the Curie–Weiss
     * magnetisation m = tanh(m/T) at α → 0 (AGS 1987: the retrieval state is the continuation of the pure-pattern
     * state), adaptive steps as in {@link #boundaries}. Null when (α, T) lies beyond the branch's end α_M(T)
     * (no retrieval state) or T ≥ 1. T = 0 uses the closed form.
     */
    public Solution retrieval(double alpha, double temperature) {
        Check.positive("alpha", alpha);
        Check.nonNegative("temperature", temperature);
        if (temperature == 0)
            return alpha <= zeroTemperatureCapacity() ? retrievalZeroTemperature(alpha) : null;
        if (temperature >= 1) return null;
        Solution cur = branchStart(temperature, alpha);
        double h = cur == null ? 0 : cur.alpha();
        while (cur != null && cur.alpha() < alpha) {
            if (h <= options.alphaTolerance() * 1e-3) return null;       // the branch ends before α
            double a = Math.min(alpha, cur.alpha() + h);
            Solution next = retrieval(a, temperature, cur.m(), cur.c());
            if (next == null || next.m() > cur.m() + 1e-9) { h *= 0.5; continue; }
            cur = next;
            h = Math.min(h * 1.5, 0.01);
        }
        return cur;
    }

    /** The first point of the retrieval branch at temperature t ∈ (0, 1): α = min(1e-3, 0.01(1 − t)², cap). */
    private Solution branchStart(double t, double cap) {
        double m0 = curieWeiss(t);
        double alpha = Math.min(cap, Math.min(1e-3, 0.01 * (1 - t) * (1 - t)));
        return retrieval(alpha, t, m0, Math.min(0.999, (1 - m0 * m0) / t));
    }

    /**
     * The spin-glass solution (m = 0, q &gt; 0) at (α, T &lt; 1): the root of ⟨z tanh β√(αr)z⟩/√(αr) − C in
     * C ∈ (0, 1), bracketed (the residual is negative at C → 0 and positive at C → 1).
     */
    public Solution spinGlass(double alpha, double temperature) {
        Check.positive("alpha", alpha);
        Check.inRange("temperature", temperature, Double.MIN_NORMAL, 1 - 1e-9);
        double beta = 1 / temperature;
        double[] av = new double[5], res = new double[2], jac = new double[4];
        double lo = 1e-12, hi = 1 - 1e-12;
        double flo = residual(alpha, temperature, beta, 0, lo, true, av, res, jac) * Math.signum(res[1]);
        double c = 0.5;
        // bisection to a good bracket, then Newton polish
        for (int it = 0; it < 200 && hi - lo > 1e-14; it++) {
            c = 0.5 * (lo + hi);
            residual(alpha, temperature, beta, 0, c, true, av, res, jac);
            if (Math.abs(res[1]) < options.tolerance()) break;
            if (Math.signum(res[1]) == Math.signum(flo)) lo = c; else hi = c;
            if (hi - lo < 1e-3) {
                double[] mc = newton(alpha, temperature, 0, c, true);
                if (mc != null && mc[1] > lo - 1e-9 && mc[1] < hi + 1e-9) { c = mc[1]; break; }
            }
        }
        return solution(alpha, temperature, 0, c);
    }

    // ---- T = 0 closed forms -----------------------------------------------------------------------------------

    private static double g0(double y) { return erf(y) / y - 2 / Math.sqrt(Math.PI) * Math.exp(-y * y); }

    /** argmax_y of erf(y)/y − (2/√π)e^{−y²} (golden section), the fold of the T = 0 retrieval branch. */
    private static double foldY() {
        double a = 0.1, b = 5, gr = (Math.sqrt(5) - 1) / 2;
        double c = b - gr * (b - a), d = a + gr * (b - a);
        while (b - a > 1e-13) {
            if (g0(c) > g0(d)) b = d; else a = c;
            c = b - gr * (b - a);
            d = a + gr * (b - a);
        }
        return 0.5 * (a + b);
    }

    /** α_c(T = 0) = max_y (erf(y)/y − (2/√π)e^{−y²})² / 2, the T = 0 storage capacity (≈ 0.138). */
    public static double zeroTemperatureCapacity() {
        double g = g0(foldY());
        return 0.5 * g * g;
    }

    /** The T = 0 retrieval solution (largest root y), or null above the capacity. */
    public static Solution retrievalZeroTemperature(double alpha) {
        Check.positive("alpha", alpha);
        double target = Math.sqrt(2 * alpha), yf = foldY();
        if (g0(yf) < target) return null;
        double lo = yf, hi = Math.max(8, 3 / target);
        while (g0(hi) > target) hi *= 2;
        for (int it = 0; it < 200 && hi - lo > 1e-15 * hi; it++) {
            double mid = 0.5 * (lo + hi);
            if (g0(mid) > target) lo = mid; else hi = mid;
        }
        double y = 0.5 * (lo + hi), m = erf(y);
        double c = 2 / Math.sqrt(Math.PI) * (y / m) * Math.exp(-y * y);
        return new Solution(alpha, 0, m, c, 1, 1 / ((1 - c) * (1 - c)), zeroTemperatureFreeEnergy(alpha, m, c, y));
    }

    /** The T = 0 spin-glass solution: m = 0, C = k/(1 + k), k = √(2/(πα)). */
    public static Solution spinGlassZeroTemperature(double alpha) {
        Check.positive("alpha", alpha);
        double k = Math.sqrt(2 / (Math.PI * alpha)), c = k / (1 + k);
        return new Solution(alpha, 0, 0, c, 1, 1 / ((1 - c) * (1 - c)), zeroTemperatureFreeEnergy(alpha, 0, c, 0));
    }

    /** f₀ = ½m² + (α/2)(2C − 1)/(1 − C)² − m erf(y) − s√(2/π) e^{−y²}, s = √α/(1 − C). */
    private static double zeroTemperatureFreeEnergy(double alpha, double m, double c, double y) {
        double s = Math.sqrt(alpha) / (1 - c);
        return 0.5 * m * m + 0.5 * alpha * (2 * c - 1) / ((1 - c) * (1 - c)) - m * erf(y)
                - s * Math.sqrt(2 / Math.PI) * Math.exp(-y * y);
    }

    /** α where f_retrieval = f_spinglass at T = 0 (the T = 0 end of the T_c curve, ≈ 0.0518). */
    public static double zeroTemperatureAlphaC() {
        double lo = 1e-4, hi = zeroTemperatureCapacity() - 1e-9;
        for (int it = 0; it < 100; it++) {
            double mid = 0.5 * (lo + hi);
            double df = retrievalZeroTemperature(mid).freeEnergy() - spinGlassZeroTemperature(mid).freeEnergy();
            if (df < 0) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    // ---- curves -----------------------------------------------------------------------------------------------

    /** α_M and α_c at one temperature. alphaC = 0 when the retrieval state is nowhere the global minimum. */
    public record Boundaries(double temperature, double alphaM, double alphaC) {}

    /** Curie–Weiss overlap m = tanh(m/T) (the α → 0 retrieval state), T &lt; 1. */
    static double curieWeiss(double t) {
        double m = 1;
        for (int it = 0; it < 10_000; it++) {
            double next = Math.tanh(m / t);
            if (Math.abs(next - m) < 1e-15) return next;
            m = next;
        }
        return m;
    }

    /**
     * α_M(T) and α_c(T) by continuation of the retrieval branch in α at fixed T (adaptive steps, halved on
     * failure until below alphaTolerance) and bisection of f_ret − f_SG. T = 0 uses the closed forms.
     */
    public Boundaries boundaries(double temperature) {
        Check.nonNegative("temperature", temperature);
        if (temperature == 0) return new Boundaries(0, zeroTemperatureCapacity(), zeroTemperatureAlphaC());
        if (temperature >= 1) return new Boundaries(temperature, 0, 0);
        double t = temperature;
        Solution cur = branchStart(t, 1);
        if (cur == null) return new Boundaries(t, 0, 0);
        double alpha = cur.alpha();
        double h = alpha, dfPrev = cur.freeEnergy() - spinGlass(alpha, t).freeEnergy();
        Solution belowCross = dfPrev < 0 ? cur : null;
        double alphaC = dfPrev < 0 ? Double.NaN : 0;
        boolean crossed = dfPrev >= 0;
        while (h > options.alphaTolerance()) {
            Solution next = retrieval(cur.alpha() + h, t, cur.m(), cur.c());
            if (next == null || next.m() > cur.m() + 1e-9) { h *= 0.5; continue; }
            if (!crossed) {
                double df = next.freeEnergy() - spinGlass(next.alpha(), t).freeEnergy();
                if (df >= 0) {
                    alphaC = bisectCrossing(cur, next.alpha(), t);
                    crossed = true;
                }
            }
            cur = next;
            h = Math.min(h * 1.5, 0.01);
        }
        if (!crossed) alphaC = cur.alpha();   // never crossed before the fold: T_c and T_M meet (does not happen in RS)
        return new Boundaries(t, cur.alpha() + 0.5 * h, alphaC);
    }

    private double bisectCrossing(Solution below, double aboveAlpha, double t) {
        double lo = below.alpha(), hi = aboveAlpha;
        Solution s = below;
        while (hi - lo > options.alphaTolerance()) {
            double mid = 0.5 * (lo + hi);
            Solution r = retrieval(mid, t, s.m(), s.c());
            if (r == null) { hi = mid; continue; }
            if (r.freeEnergy() - spinGlass(mid, t).freeEnergy() < 0) { lo = mid; s = r; } else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /** Both temperatures at fixed α: T_M(α) = highest T with retrieval, T_c(α) = upper crossing (0 if none). */
    public record Temperatures(double alpha, double tM, double tC, double tG) {}

    /**
     * T_M(α) and T_c(α) by continuation in T at fixed α from T = 0.01 (started at the T = 0 root), step 0.005,
     * halved on failure. T_c is the largest T where f_ret − f_SG changes from negative (below) to positive.
     */
    public Temperatures temperatures(double alpha) {
        Check.positive("alpha", alpha);
        Solution zero = retrievalZeroTemperature(alpha);
        double t0 = 0.01;
        Solution cur = zero == null ? null : retrieval(alpha, t0, zero.m(), Math.min(zero.c(), 0.999));
        if (cur == null) return new Temperatures(alpha, 0, 0, spinGlassTemperature(alpha));
        double df = cur.freeEnergy() - spinGlass(alpha, t0).freeEnergy();
        double tC = 0;
        double h = 0.005;
        while (h > options.alphaTolerance()) {
            double tn = cur.temperature() + h;
            Solution next = tn < 1 ? retrieval(alpha, tn, cur.m(), cur.c()) : null;
            if (next == null) { h *= 0.5; continue; }
            double dfn = next.freeEnergy() - spinGlass(alpha, tn).freeEnergy();
            if (df < 0 && dfn >= 0) tC = bisectCrossingInT(cur, tn, alpha);
            cur = next;
            df = dfn;
            h = Math.min(h * 1.5, 0.02);
        }
        return new Temperatures(alpha, cur.temperature() + 0.5 * h, tC, spinGlassTemperature(alpha));
    }

    private double bisectCrossingInT(Solution below, double aboveT, double alpha) {
        double lo = below.temperature(), hi = aboveT;
        Solution s = below;
        while (hi - lo > options.alphaTolerance()) {
            double mid = 0.5 * (lo + hi);
            Solution r = retrieval(alpha, mid, s.m(), s.c());
            if (r == null) { hi = mid; continue; }
            if (r.freeEnergy() - spinGlass(alpha, mid).freeEnergy() < 0) { lo = mid; s = r; } else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    // ---- special functions ------------------------------------------------------------------------------------

    /** erf to ~1e-15 (series for |x| &lt; 2.5, continued fraction for erfc beyond). */
    static double erf(double x) {
        double ax = Math.abs(x);
        double r;
        if (ax < 2.5) {
            double term = ax, sum = ax, x2 = ax * ax;
            for (int k = 1; k < 200; k++) {
                term *= -x2 / k;
                double add = term / (2 * k + 1);
                sum += add;
                if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
            }
            r = 2 / Math.sqrt(Math.PI) * sum;
        } else {
            r = 1 - erfcLarge(ax);
        }
        return Math.copySign(r, x);
    }

    /** erfc(x) = 1 − erf(x) for any x. */
    static double erfc(double x) {
        return x >= 2.5 ? erfcLarge(x) : 1 - erf(x);
    }

    /** erfc for x ≥ 2.5 by the Lentz continued fraction erfc x = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))). */
    private static double erfcLarge(double x) {
        double tiny = 1e-300, f = x, c = x, d = 0;
        for (int k = 1; k < 500; k++) {
            double a = k * 0.5;
            d = x + a * d;
            d = d == 0 ? tiny : d;
            c = x + a / c;
            c = c == 0 ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) break;
        }
        return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
    }
}
