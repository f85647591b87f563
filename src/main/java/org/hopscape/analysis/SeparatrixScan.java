package org.hopscape.analysis;

import org.hopscape.hopfield.GeneralizedHopfield;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import org.hopscape.util.Check;

import java.util.function.DoubleFunction;

/**
 * Numerical basin boundaries of 002 App. D.2 (appendix Figs 2–3): the separatrix between two competing patterns
 * and between the progenitor of a pair and a third pattern, for any planar patterns and weights, found by bisection of the fate along a segment
 * (30 halvings; each start relaxed by Euler dt 0.01 for t = 40 — spec 002 §3).
 */
public final class SeparatrixScan {
    private SeparatrixScan() {}

    static final double DT = 0.01, TIME = 40, RADIUS = 0.05;
    static final int ITERATIONS = 30;

    /**
     * Offset of the basin boundary from the midpoint of the segment Ξ₁ → Ξ₂ (positive towards Ξ₂) for two unit
     * patterns with w = (w₁, 0) at inverse temperature β.
     */
    public static double twoPatternOffset(double[][] memories, double w1, double beta) {
        if (memories.length != 2) throw new IllegalArgumentException("memories must have 2 rows (got " + memories.length + ")");
        GeneralizedHopfield m = GeneralizedHopfield.symmetric(memories, new double[] {w1, 0}, beta);
        double[] a = memories[0], b = memories[1];
        double[] target = m.relax(b, DT, TIME);
        double t = CoarseGraining.boundaryOnSegment(m, a, b, target, RADIUS, DT, TIME, ITERATIONS);
        return (t - 0.5) * distance(a, b);
    }

    /**
     * Appendix Fig 2 scan: numeric offset, exact middle-root prediction and the paper's Eq. 23 estimate per w₁.
     */
    public record TwoPatternScan(double mu, double beta, double[] w1, double[] numeric, double[] exact, double[] paper) {
        /** max |numeric − exact| over the w₁ with a finite exact offset. */
        public double maxExactError() {
            double m = 0;
            for (int i = 0; i < w1.length; i++) if (Double.isFinite(exact[i])) m = Math.max(m, Math.abs(numeric[i] - exact[i]));
            return m;
        }

        public Table toTable() {
            return Table.create("separatrix offset, two patterns (mu=" + Math.round(Math.toDegrees(mu)) + "°, beta=" + beta + ")",
                    DoubleColumn.create("w1", w1), DoubleColumn.create("numeric", numeric),
                    DoubleColumn.create("middle root (exact)", exact), DoubleColumn.create("paper Eq. 23", paper));
        }
    }

    /** Two unit patterns at ±μ/2 around the vertical (Ξ₁ left), w = (w₁, 0). */
    public static TwoPatternScan twoPatternScan(double mu, double beta, double... w1s) {
        double[][] xi = twoPatterns(mu);
        double[] num = new double[w1s.length], ex = new double[w1s.length], pa = new double[w1s.length];
        for (int i = 0; i < w1s.length; i++) {
            num[i] = twoPatternOffset(xi, w1s[i], beta);
            ex[i] = CoarseGraining.separatrixOffsetExact(w1s[i], mu, beta);
            pa[i] = CoarseGraining.separatrixOffsetPaper(w1s[i], mu, beta);
        }
        return new TwoPatternScan(mu, beta, w1s.clone(), num, ex, pa);
    }

    /** Ξ₁ = (−sin μ/2, cos μ/2), Ξ₂ = (sin μ/2, cos μ/2) (spec 002 appendix Fig 2). */
    public static double[][] twoPatterns(double mu) {
        return new double[][] {{-Math.sin(mu / 2), Math.cos(mu / 2)}, {Math.sin(mu / 2), Math.cos(mu / 2)}};
    }

    /**
     * A progenitor's basin along a scan of the weights (002 App. D.2, appendix Fig 3 for one choice of patterns).
     *
     * @param parameter      the scanned values (w₁ in 002's appendix Fig 3), ascending for {@link #monotone()}
     * @param numeric        boundary offset from the midpoint of the segment progenitor fixed point → the third
     *                       pattern's fixed point, positive towards the third pattern (the progenitor basin grows)
     * @param paper          Eq. 23 estimate with w* = log(e^{w_a} + e^{w_b}) − w_third, μ = ∠(Ξ*_ab, Ξ_third)
     * @param progenitor     the stable fixed point near the pair, per scanned value
     * @param stableNearPair number of stable fixed points whose nearest pattern is one of the pair (1 = one progenitor)
     */
    public record ProgenitorScan(double beta, double[] parameter, double[] numeric, double[] paper,
                                 double[][] progenitor, int[] stableNearPair) {
        /** The scanned values under 002's name (appendix Fig 3 scans w₁). */
        public double[] w1() { return parameter; }

        /** Offsets strictly increase with w₁ (w₁ given ascending). */
        public boolean monotone() {
            for (int i = 1; i < parameter.length; i++) if (!(numeric[i] > numeric[i - 1])) return false;
            return true;
        }

        /** Slope of the offset over the last w₁ interval divided by the slope over the first. */
        public double slopeRatio() {
            int n = parameter.length;
            double last = (numeric[n - 1] - numeric[n - 2]) / (parameter[n - 1] - parameter[n - 2]);
            double first = (numeric[1] - numeric[0]) / (parameter[1] - parameter[0]);
            return last / first;
        }

        public double minRatio() {
            double m = Double.POSITIVE_INFINITY;
            for (int i = 0; i < parameter.length; i++) m = Math.min(m, numeric[i] / paper[i]);
            return m;
        }

        public double maxRatio() {
            double m = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < parameter.length; i++) m = Math.max(m, numeric[i] / paper[i]);
            return m;
        }

        public Table toTable() {
            double[] px = new double[parameter.length], py = new double[parameter.length], n = new double[parameter.length];
            for (int i = 0; i < parameter.length; i++) { px[i] = progenitor[i][0]; py[i] = progenitor[i][1]; n[i] = stableNearPair[i]; }
            return Table.create("progenitor basin along the scan (beta=" + beta + ")",
                    DoubleColumn.create("parameter", parameter), DoubleColumn.create("numeric offset", numeric),
                    DoubleColumn.create("paper Eq. 23", paper), DoubleColumn.create("progenitor x", px),
                    DoubleColumn.create("progenitor y", py), DoubleColumn.create("stable points near pair", n));
        }
    }

    /**
     * The basin of the progenitor of patterns a and b against pattern {@code third} for each scanned value: the
     * stable fixed points of ẋ = Ξᵀ softmax(βΞx + w) − x (planar patterns, {@link GeneralizedHopfield#stableFixedPoints2d})
     * are sorted by their nearest pattern (largest overlap ξ·x); the progenitor is the first whose nearest pattern is
     * a or b, the competitor the first whose nearest pattern is {@code third}; the boundary between their basins is
     * bisected along the segment joining them (spec 002 §3) and set beside the Eq. 23 estimate of the coarse model.
     *
     * @param patterns  K×2 patterns Ξ
     * @param a         index of the first merged pattern
     * @param b         index of the second merged pattern (≠ a)
     * @param third     index of the competing pattern (≠ a, b)
     * @param parameter the scanned values (e.g. w₁)
     * @param weights   the weights w (length K) at a scanned value; called once per value
     * @param beta      inverse temperature β &gt; 0
     */
    public static ProgenitorScan progenitorScan(double[][] patterns, int a, int b, int third, double[] parameter,
                                                DoubleFunction<double[]> weights, double beta) {
        Check.finite("patterns", patterns);
        Check.rows("patterns", patterns, "2 (the plane)", 2);
        int k = patterns.length;
        Check.index("a", a, k);
        Check.index("b", b, k);
        Check.index("third", third, k);
        if (a == b || third == a || third == b)
            throw new IllegalArgumentException("a, b and third must be three different patterns (got " + a + ", " + b + ", " + third + ")");
        Check.nonEmpty("parameter", parameter);
        Check.notNull("weights", weights);
        Check.positive("beta", beta);
        double[] num = new double[parameter.length], pap = new double[parameter.length];
        double[][] prog = new double[parameter.length][];
        int[] near = new int[parameter.length];
        for (int i = 0; i < parameter.length; i++) {
            double[] w = weights.apply(parameter[i]);
            Check.vector("weights(" + parameter[i] + ")", w, "patterns", k);
            GeneralizedHopfield m = GeneralizedHopfield.symmetric(patterns, w, beta);
            double[] p = null, f3 = null;
            for (GeneralizedHopfield.FixedPoint fp : m.stableFixedPoints2d()) {
                int nearest = nearestPattern(patterns, fp.point());
                if (nearest == a || nearest == b) { near[i]++; if (p == null) p = fp.point(); }
                else if (nearest == third && f3 == null) f3 = fp.point();
            }
            if (p == null || f3 == null)
                throw new IllegalStateException("at parameter " + parameter[i] + " there is no stable point near "
                        + (p == null ? "patterns " + a + ", " + b : "pattern " + third) + ": no basin boundary to scan");
            prog[i] = p;
            double t = CoarseGraining.boundaryOnSegment(m, p, f3, f3, RADIUS, DT, TIME, ITERATIONS);
            num[i] = (t - 0.5) * distance(p, f3);
            CoarseGraining.Result cg = CoarseGraining.coarseGrain(patterns, w, a, b);
            double mu = CoarseGraining.angle(cg.progenitor(), patterns[third]);
            pap[i] = CoarseGraining.separatrixOffsetPaper(cg.progenitorWeight() - w[third], mu, beta);
        }
        return new ProgenitorScan(beta, parameter.clone(), num, pap, prog, near);
    }

    /** Index of the pattern with the largest overlap ξ·x. */
    static int nearestPattern(double[][] patterns, double[] x) {
        int best = 0;
        double bo = Double.NEGATIVE_INFINITY;
        for (int mu = 0; mu < patterns.length; mu++) {
            double o = 0;
            for (int i = 0; i < x.length; i++) o += patterns[mu][i] * x[i];
            if (o > bo) { bo = o; best = mu; }
        }
        return best;
    }

    /** The unit vector (cos θ, sin θ) of the plane at angle θ given in degrees. */
    public static double[] unit(double deg) {
        return new double[] {Math.cos(Math.toRadians(deg)), Math.sin(Math.toRadians(deg))};
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s);
    }
}
