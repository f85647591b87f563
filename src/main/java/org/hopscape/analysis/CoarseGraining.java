package org.hopscape.analysis;

import org.hopscape.hopfield.GeneralizedHopfield;
import org.hopscape.util.Check;

import java.util.Arrays;

/**
 * The coarse-graining transformation of 002 (Eq. 4; App. A.4 Eq. 5), progenitor patterns Ξ*_L, persistence
 * lengths 1/μ_L², the equiangular bifurcation point β_crit (App. E) and the separatrix offset between two
 * patterns (App. D.2, plus the exact middle-root form derived in spec 002 §1.4).
 */
public final class CoarseGraining {
    private CoarseGraining() {}

    /**
     * A coarse-grained pattern set: the rows of Ξ not in L (original order) followed by Ξ*_L as the last row;
     * w likewise, w*_L last.
     *
     * @param memories  Ξ' (K − |L| + 1 rows)
     * @param weights   w'
     * @param progenitor Ξ*_L
     * @param composition softmax weights p_i of the rows of L (in the order of {@code subset})
     */
    public record Result(double[][] memories, double[] weights, double[] progenitor, double progenitorWeight,
                         int[] subset, double[] composition) {
        /** The symmetric model with these patterns at inverse temperature β. */
        public GeneralizedHopfield model(double beta) {
            return GeneralizedHopfield.symmetric(memories, weights, beta);
        }
    }

    /**
     * Equal-magnitude coarse-graining (002 Eq. 4): Ξ*_L = Σ_{i∈L} e^{w_i} Ξ_i / Σ_{i∈L} e^{w_i},
     * w*_L = log Σ_{i∈L} e^{w_i}.
     */
    public static Result coarseGrain(double[][] memories, double[] w, int... subset) {
        checkSubset(memories, w, subset);
        double[] logits = new double[subset.length];
        for (int a = 0; a < subset.length; a++) logits[a] = w[subset[a]];
        double lse = logSumExp(logits);
        double[] p = new double[subset.length];
        for (int a = 0; a < subset.length; a++) p[a] = Math.exp(logits[a] - lse);
        return assemble(memories, w, subset, p, lse);
    }

    /**
     * Arbitrary-magnitude coarse-graining (002 App. A.4 Eq. 5), u_i = |Ξ_i|: p = softmax(w_L + βu_L),
     * Ξ*_L = Σ p_i Ξ_i, w*_L = −β Σ p_i u_i + log Σ_{i∈L} e^{w_i + βu_i}.
     */
    public static Result coarseGrainMagnitudes(double[][] memories, double[] w, double beta, int... subset) {
        checkSubset(memories, w, subset);
        Check.nonNegative("beta", beta);
        double[] logits = new double[subset.length], u = new double[subset.length];
        for (int a = 0; a < subset.length; a++) {
            u[a] = norm(memories[subset[a]]);
            logits[a] = w[subset[a]] + beta * u[a];
        }
        double lse = logSumExp(logits);
        double[] p = new double[subset.length];
        double meanU = 0;
        for (int a = 0; a < subset.length; a++) {
            p[a] = Math.exp(logits[a] - lse);
            meanU += p[a] * u[a];
        }
        return assemble(memories, w, subset, p, -beta * meanU + lse);
    }

    private static Result assemble(double[][] memories, double[] w, int[] subset, double[] p, double wStar) {
        int n = memories[0].length;
        double[] star = new double[n];
        for (int a = 0; a < subset.length; a++)
            for (int j = 0; j < n; j++) star[j] += p[a] * memories[subset[a]][j];
        boolean[] in = new boolean[memories.length];
        for (int i : subset) in[i] = true;
        int kk = memories.length - subset.length + 1;
        double[][] m = new double[kk][];
        double[] ww = new double[kk];
        int r = 0;
        for (int i = 0; i < memories.length; i++)
            if (!in[i]) { m[r] = memories[i].clone(); ww[r++] = w[i]; }
        m[r] = star;
        ww[r] = wStar;
        return new Result(m, ww, star.clone(), wStar, subset.clone(), p);
    }

    /** μ_L = the largest pairwise angle (radians) among the patterns in L (0 for |L| = 1). */
    public static double maxAngle(double[][] memories, int... subset) {
        double mu = 0;
        for (int a = 0; a < subset.length; a++)
            for (int b = a + 1; b < subset.length; b++)
                mu = Math.max(mu, angle(memories[subset[a]], memories[subset[b]]));
        return mu;
    }

    /** Persistence length ℓ_L = 1/μ_L² (002 Fig 3F caption); +∞ for a single pattern. */
    public static double persistenceLength(double[][] memories, int... subset) {
        double mu = maxAngle(memories, subset);
        return 1.0 / (mu * mu);
    }

    /** Angle between two vectors in radians, in [0, π]. */
    public static double angle(double[] a, double[] b) {
        double c = dot(a, b) / (norm(a) * norm(b));
        return Math.acos(Math.max(-1, Math.min(1, c)));
    }

    /**
     * β_crit = K/(1 − cos μ): the inverse temperature where the mean of K equiangular unit patterns loses
     * stability (002 App. E Prop. E.1); ≈ 2K/μ² for small μ.
     */
    public static double betaCritEquiangular(int k, double mu) {
        Check.inRange("k", k, 2, Integer.MAX_VALUE);
        Check.inRange("mu", mu, 1e-12, Math.PI);
        return k / (1 - Math.cos(mu));
    }

    /**
     * K unit patterns with pairwise angle μ (rows of the Cholesky factor of G = (1 − cos μ)I + cos μ 11ᵀ),
     * needs cos μ > −1/(K − 1). K×K.
     */
    public static double[][] equiangularPatterns(int k, double mu) {
        Check.inRange("k", k, 1, 10_000);
        double c = Math.cos(mu);
        if (k > 1 && !(c > -1.0 / (k - 1)))
            throw new IllegalArgumentException("mu = " + mu + " too wide for k = " + k + ": need cos(mu) > " + (-1.0 / (k - 1)));
        double[][] g = new double[k][k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) g[i][j] = i == j ? 1 : c;
        return cholesky(g);
    }

    /** Lower Cholesky factor L of a symmetric positive definite matrix (G = L Lᵀ; rows of L have Gram G). */
    static double[][] cholesky(double[][] g) {
        int k = g.length;
        double[][] l = new double[k][k];
        for (int i = 0; i < k; i++)
            for (int j = 0; j <= i; j++) {
                double s = g[i][j];
                for (int m = 0; m < j; m++) s -= l[i][m] * l[j][m];
                if (i == j) {
                    if (!(s > 0)) throw new IllegalArgumentException("matrix is not positive definite (pivot " + i + ")");
                    l[i][i] = Math.sqrt(s);
                } else l[i][j] = s / l[j][j];
            }
        return l;
    }

    /**
     * Paper estimate of the separatrix offset between two unit patterns at angle μ (002 Eq. 23 / main text):
     * Δ = Δw sin(μ/2) / (β(1 − cos μ)), Δw = w_i − w_k, displacement from the midpoint towards Ξ_k.
     */
    public static double separatrixOffsetPaper(double deltaW, double mu, double beta) {
        Check.positive("beta", beta);
        return deltaW * Math.sin(mu / 2) / (beta * (1 - Math.cos(mu)));
    }

    /**
     * Exact separatrix offset on the segment between two unit patterns at angle μ in a two-pattern system
     * (spec 002 §1.4, derived): |u| sin(μ/2) with u the middle root of u = tanh((a u + Δw)/2), a = β(1 − cos μ);
     * positive = towards Ξ_k when Δw = w_i − w_k > 0. Needs a > 2 (β above the pair's β_crit) and a middle
     * root (otherwise one basin has vanished: NaN).
     */
    public static double separatrixOffsetExact(double deltaW, double mu, double beta) {
        double a = beta * (1 - Math.cos(mu));
        double u = middleRoot(a, deltaW);
        return -u * Math.sin(mu / 2);
    }

    /** Middle root of h(u) = tanh((a u + d)/2) − u on (−1, 1), NaN when there are fewer than three roots. */
    static double middleRoot(double a, double d) {
        if (!(a > 2)) return Double.NaN;
        // h' = 0 where sech²((au+d)/2) = 2/a: the two turning points bracket the middle root
        double c = 2 * acosh(Math.sqrt(a / 2));  // a u + d = ±c
        double lo = (-c - d) / a, hi = (c - d) / a;
        double hLo = h(a, d, lo), hHi = h(a, d, hi);
        if (!(hLo < 0 && hHi > 0)) return Double.NaN;
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            if (h(a, d, mid) < 0) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    private static double h(double a, double d, double u) {
        return Math.tanh((a * u + d) / 2) - u;
    }

    private static double acosh(double x) {
        return Math.log(x + Math.sqrt(x * x - 1));
    }

    /**
     * Numerical basin boundary on the segment a → b: the fraction t ∈ [0, 1] where relaxing from a + t(b − a)
     * (Euler, dt, time) switches between ending within {@code radius} of {@code target} and not. Bisection with
     * {@code iterations} halvings; a must be on the non-target side and b on the target side (else NaN).
     */
    public static double boundaryOnSegment(GeneralizedHopfield model, double[] a, double[] b, double[] target,
                                           double radius, double dt, double time, int iterations) {
        double lo = 0, hi = 1;
        if (endsAt(model, a, target, radius, dt, time) || !endsAt(model, b, target, radius, dt, time))
            return Double.NaN;
        for (int it = 0; it < iterations; it++) {
            double mid = 0.5 * (lo + hi);
            double[] x = lerp(a, b, mid);
            if (endsAt(model, x, target, radius, dt, time)) hi = mid; else lo = mid;
        }
        return 0.5 * (lo + hi);
    }

    private static boolean endsAt(GeneralizedHopfield model, double[] x0, double[] target, double radius,
                                  double dt, double time) {
        double[] x = model.relax(x0, dt, time);
        double d = 0;
        for (int j = 0; j < x.length; j++) d += (x[j] - target[j]) * (x[j] - target[j]);
        return Math.sqrt(d) < radius;
    }

    /**
     * Numerical bifurcation point of the equiangular mean Ξ* (002 App. E): bisection on β in [lo, hi] of
     * "a 1e-6 perturbation of Ξ* along Ξ_1 − Ξ* has not decayed after t = 40 (Euler dt 0.01)", w = 0.
     */
    public static double betaCritNumeric(double[][] memories, double lo, double hi, double relTol) {
        int k = memories.length, n = memories[0].length;
        double[] mean = new double[n];
        for (double[] m : memories) for (int j = 0; j < n; j++) mean[j] += m[j] / k;
        double[] dir = new double[n];
        for (int j = 0; j < n; j++) dir[j] = memories[0][j] - mean[j];
        double dn = norm(dir);
        double eps = 1e-6;   // small enough that the quadratic terms (K ≥ 3) do not shift the threshold
        double[] x0 = new double[n];
        for (int j = 0; j < n; j++) x0[j] = mean[j] + eps * dir[j] / dn;
        GeneralizedHopfield model = GeneralizedHopfield.symmetric(memories, new double[k], lo);
        while ((hi - lo) > relTol * lo) {
            double mid = 0.5 * (lo + hi);
            double[] x = model.withBeta(mid).relax(x0, 0.01, 40);
            double d = 0;
            for (int j = 0; j < n; j++) d += (x[j] - mean[j]) * (x[j] - mean[j]);
            if (Math.sqrt(d) >= eps) hi = mid; else lo = mid;
        }
        return 0.5 * (lo + hi);
    }

    /**
     * The β at which the merged fixed point of a cluster loses stability, for any patterns and weights (002 §2,
     * App. E without its equal-angle, w = 0 assumptions): the stable fixed point reached from the cluster's progenitor
     * Ξ*_S (Eq. 4) at β = lo is continued in β by Newton (the merged point persists as a saddle past the
     * bifurcation), and β is bisected on the sign of the largest Jacobian eigenvalue of ẋ = Ξᵀσ(βΞx + w) − x there.
     *
     * @param memories K×N patterns
     * @param w        weights (length K)
     * @param cluster  indices of the merged patterns (≥ 2, distinct)
     * @param lo       a β where the merged point is stable (&gt; 0)
     * @param hi       a β &gt; lo where it is not
     * @param relTol   relative width of the final bracket (&gt; 0)
     */
    public static double betaCrit(double[][] memories, double[] w, int[] cluster, double lo, double hi, double relTol) {
        Check.positive("lo", lo);
        if (!(hi > lo)) throw new IllegalArgumentException("hi must be > lo (got hi = " + hi + ", lo = " + lo + ")");
        Check.positive("relTol", relTol);
        if (cluster == null || cluster.length < 2)
            throw new IllegalArgumentException("cluster must name at least two patterns (got " + java.util.Arrays.toString(cluster) + ")");
        Result cg = coarseGrain(memories, w, cluster);
        GeneralizedHopfield model = GeneralizedHopfield.symmetric(memories, w, lo);
        int n = model.dimension();
        double radius = 1;
        for (double[] m : memories) radius = Math.max(radius, 2 * norm(m));
        org.hopscape.dynamics.CriticalPoints.Options newton = org.hopscape.dynamics.CriticalPoints.Options.box(n, radius, 2);
        org.hopscape.dynamics.CriticalPoint start = org.hopscape.dynamics.CriticalPoints.refine(model.asGradientSystem(),
                model.relax(cg.progenitor(), 0.01, 200), newton);
        if (start == null || !(model.maxJacobianEigenvalue(start.position()) < 0))
            throw new IllegalArgumentException("lo = " + lo + ": the merged fixed point of the cluster is not stable there;"
                    + " choose a smaller lo");
        double[] x = start.position();
        double top = hi;
        while (hi - lo > relTol * lo) {
            double mid = 0.5 * (lo + hi);
            GeneralizedHopfield m = model.withBeta(mid);
            org.hopscape.dynamics.CriticalPoint c = org.hopscape.dynamics.CriticalPoints.refine(m.asGradientSystem(), x, newton);
            if (c != null && m.maxJacobianEigenvalue(c.position()) < 0) { lo = mid; x = c.position(); }
            else hi = mid;
        }
        if (hi == top)
            throw new IllegalArgumentException("the merged fixed point is still stable at hi = " + top + " (an imperfect"
                    + " bifurcation, e.g. unequal weights in the cluster, may never destabilise it); enlarge hi");
        return 0.5 * (lo + hi);
    }

    /**
     * Appendix E table: for each K and μ (degrees) the formula K/(1 − cos μ), the numerical bifurcation
     * ({@link #betaCritNumeric}, relative tolerance 1e-6), their relative difference and the small-angle 2K/μ².
     */
    public static tech.tablesaw.api.Table betaCritTable(int[] ks, double[] degrees) {
        var k = tech.tablesaw.api.IntColumn.create("K");
        var mu = tech.tablesaw.api.DoubleColumn.create("mu deg");
        var formula = tech.tablesaw.api.DoubleColumn.create("K/(1-cos mu)");
        var numeric = tech.tablesaw.api.DoubleColumn.create("numeric");
        var rel = tech.tablesaw.api.DoubleColumn.create("rel. difference");
        var small = tech.tablesaw.api.DoubleColumn.create("2K/mu^2");
        for (int kk : ks)
            for (double deg : degrees) {
                double m = Math.toRadians(deg), exact = betaCritEquiangular(kk, m);
                double num = betaCritNumeric(equiangularPatterns(kk, m), 0.5 * exact, 2 * exact, 1e-6);
                k.append(kk); mu.append(deg); formula.append(exact); numeric.append(num);
                rel.append(Math.abs(num - exact) / exact); small.append(2 * kk / (m * m));
            }
        return tech.tablesaw.api.Table.create("beta_crit of K equiangular patterns (002 App. E)", k, mu, formula, numeric, rel, small);
    }

    static double[] lerp(double[] a, double[] b, double t) {
        double[] x = new double[a.length];
        for (int j = 0; j < a.length; j++) x[j] = a[j] + t * (b[j] - a[j]);
        return x;
    }

    static double logSumExp(double[] z) {
        double max = Arrays.stream(z).max().orElseThrow();
        double s = 0;
        for (double v : z) s += Math.exp(v - max);
        return max + Math.log(s);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static double norm(double[] a) { return Math.sqrt(dot(a, a)); }

    private static void checkSubset(double[][] memories, double[] w, int[] subset) {
        Check.finite("memories", memories);
        Check.sameSize("w.length", w.length, "K (patterns)", memories.length);
        if (subset == null || subset.length == 0) throw new IllegalArgumentException("subset must not be empty");
        boolean[] seen = new boolean[memories.length];
        for (int i : subset) {
            Check.inRange("subset index", i, 0, memories.length - 1);
            if (seen[i]) throw new IllegalArgumentException("subset index " + i + " appears twice");
            seen[i] = true;
        }
    }
}
