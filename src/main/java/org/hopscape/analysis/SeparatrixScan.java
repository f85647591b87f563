package org.hopscape.analysis;

import org.hopscape.hopfield.GeneralizedHopfield;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import java.util.List;

/**
 * Numerical basin boundaries of 002 App. D.2 (appendix Figs 2–3): the separatrix between two competing patterns
 * and between a progenitor and a third pattern, found by bisection of the fate along a segment
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

    /** Spec 002 appendix Fig 3 patterns: Ξ₁ at 60°, Ξ₂ at 30°, Ξ₃ at 150°. */
    public static double[][] progenitorPatterns() {
        return new double[][] {unit(60), unit(30), unit(150)};
    }

    /** w = (w₁, 1, 0) of spec 002 appendix Fig 3. */
    public static double[] progenitorWeights(double w1) {
        return new double[] {w1, 1, 0};
    }

    /**
     * Appendix Fig 3 scan.
     *
     * @param numeric    boundary offset from the midpoint of the segment progenitor fixed point → Ξ₃'s fixed
     *                   point, positive towards Ξ₃ (the progenitor basin grows)
     * @param paper      Eq. 23 estimate with w* = log(e^{w₁} + e¹), μ = ∠(Ξ*₁₂, Ξ₃)
     * @param progenitor the stable fixed point near the pair, per w₁
     * @param stableNearPair number of stable fixed points with x₁ > 0 (1 = one progenitor)
     */
    public record ProgenitorScan(double beta, double[] w1, double[] numeric, double[] paper, double[][] progenitor,
                                 int[] stableNearPair) {
        /** Offsets strictly increase with w₁ (w₁ given ascending). */
        public boolean monotone() {
            for (int i = 1; i < w1.length; i++) if (!(numeric[i] > numeric[i - 1])) return false;
            return true;
        }

        /** Slope of the offset over the last w₁ interval divided by the slope over the first. */
        public double slopeRatio() {
            int n = w1.length;
            double last = (numeric[n - 1] - numeric[n - 2]) / (w1[n - 1] - w1[n - 2]);
            double first = (numeric[1] - numeric[0]) / (w1[1] - w1[0]);
            return last / first;
        }

        public double minRatio() {
            double m = Double.POSITIVE_INFINITY;
            for (int i = 0; i < w1.length; i++) m = Math.min(m, numeric[i] / paper[i]);
            return m;
        }

        public double maxRatio() {
            double m = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < w1.length; i++) m = Math.max(m, numeric[i] / paper[i]);
            return m;
        }

        public Table toTable() {
            double[] px = new double[w1.length], py = new double[w1.length], n = new double[w1.length];
            for (int i = 0; i < w1.length; i++) { px[i] = progenitor[i][0]; py[i] = progenitor[i][1]; n[i] = stableNearPair[i]; }
            return Table.create("progenitor basin vs w1 (beta=" + beta + ", w=(w1,1,0))",
                    DoubleColumn.create("w1", w1), DoubleColumn.create("numeric offset", numeric),
                    DoubleColumn.create("paper Eq. 23", paper), DoubleColumn.create("progenitor x", px),
                    DoubleColumn.create("progenitor y", py), DoubleColumn.create("stable points near pair", n));
        }
    }

    public static ProgenitorScan progenitorScan(double[] w1s, double beta) {
        double[][] xi = progenitorPatterns();
        double[] num = new double[w1s.length], pap = new double[w1s.length];
        double[][] prog = new double[w1s.length][];
        int[] near = new int[w1s.length];
        for (int i = 0; i < w1s.length; i++) {
            double[] w = progenitorWeights(w1s[i]);
            GeneralizedHopfield m = GeneralizedHopfield.symmetric(xi, w, beta);
            List<GeneralizedHopfield.FixedPoint> fps = m.stableFixedPoints2d();
            double[] p = null, f3 = null;
            for (GeneralizedHopfield.FixedPoint fp : fps) {
                if (fp.point()[0] > 0) { near[i]++; if (p == null) p = fp.point(); } else if (f3 == null) f3 = fp.point();
            }
            if (p == null || f3 == null) throw new IllegalStateException("no progenitor/third attractor at w1=" + w1s[i]);
            prog[i] = p;
            double t = CoarseGraining.boundaryOnSegment(m, p, f3, f3, RADIUS, DT, TIME, ITERATIONS);
            num[i] = (t - 0.5) * distance(p, f3);
            CoarseGraining.Result cg = CoarseGraining.coarseGrain(xi, w, 0, 1);
            double mu = CoarseGraining.angle(cg.progenitor(), xi[2]);
            pap[i] = CoarseGraining.separatrixOffsetPaper(cg.progenitorWeight() - w[2], mu, beta);
        }
        return new ProgenitorScan(beta, w1s.clone(), num, pap, prog, near);
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
