package org.hopscape.dynamics;

import org.hopscape.util.RecordMaps;
import org.hopscape.util.Check;
import org.hopscape.util.Parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Critical points of a gradient system by grid-seeded damped Newton (spec 004 §1.2): Newton on ∇V = 0 with the
 * Hessian (Euclidean metric) or on X = −G⁻¹∇V = 0 with a finite-difference Jacobian (systems with a metric, e.g.
 * the Hopfield hidden-state flow); steps capped, iterates that leave the box rejected, polished and merged.
 * Newton converges to saddles and sources as well as sinks, so the grid finds every index; the Poincaré–Hopf
 * count Σ(−1)^index = 1 certifies completeness on a disc with inward flow, and the grid is refined while it fails.
 */
public final class CriticalPoints {
    private CriticalPoints() {}

    /**
     * @param lower          lower corner of the search box (one entry per coordinate)
     * @param upper          upper corner
     * @param seedsPerAxis   grid seeds per axis (spec: 41 default, 21 quick)
     * @param tolerance      accept a point when |F| < tolerance after Newton (absolute; potentials are O(1))
     * @param maxIterations  Newton iterations per seed (60)
     * @param stepCap        largest Newton step as a fraction of the box width (0.05)
     * @param refineToEuler  double the grid (up to {@code maxSeedsPerAxis}) while Σ(−1)^index ≠ 1
     * @param maxSeedsPerAxis grid size limit of the refinement (161)
     * @param threads        worker threads of the grid search (results do not depend on it)
     */
    public record Options(double[] lower, double[] upper, int seedsPerAxis, double tolerance, int maxIterations,
                          double stepCap, boolean refineToEuler, int maxSeedsPerAxis, int threads) {
        /** Inverse of {@link #toMap()}: keys the map does not name keep the value of {@code box(2, 2, 21)}. */
        public static Options of(Map<String, ?> map) {
            return RecordMaps.of(map, box(2, 2, 21));
        }

        public Options {
            Check.nonEmpty("lower", lower);
            Check.finite("upper", upper);
            Check.sameSize("lower.length", lower.length, "upper.length", upper.length);
            for (int i = 0; i < lower.length; i++) Check.interval("lower[" + i + "]", lower[i], "upper[" + i + "]", upper[i]);
            Check.inRange("seedsPerAxis", seedsPerAxis, 2, 2001);
            Check.positive("tolerance", tolerance);
            Check.positive("maxIterations", maxIterations);
            Check.inRange("stepCap", stepCap, 1e-6, 1);
            Check.inRange("maxSeedsPerAxis", maxSeedsPerAxis, seedsPerAxis, 4001);
            Check.positive("threads", threads);
            gridSize("seedsPerAxis", seedsPerAxis, lower.length);
            if (refineToEuler) gridSize("maxSeedsPerAxis", maxSeedsPerAxis, lower.length);
            lower = lower.clone();
            upper = upper.clone();
        }

        /** The same options without the thread count (the default: available processors). */
        public Options(double[] lower, double[] upper, int seedsPerAxis, double tolerance, int maxIterations,
                       double stepCap, boolean refineToEuler, int maxSeedsPerAxis) {
            this(lower, upper, seedsPerAxis, tolerance, maxIterations, stepCap, refineToEuler, maxSeedsPerAxis,
                    Parallel.defaultThreads());
        }

        /** Square box [−a, a]ⁿ with the spec's defaults (41 seeds per axis, refinement to 161 or the grid limit). */
        public static Options box(int n, double a, int seedsPerAxis) {
            Check.positive("n", n);
            Check.positive("a", a);
            double[] lo = new double[n], hi = new double[n];
            Arrays.fill(lo, -a);
            Arrays.fill(hi, a);
            return new Options(lo, hi, seedsPerAxis, 1e-9, 60, 0.05, true, refinementLimit(n, seedsPerAxis));
        }

        /** Box [lo₁, hi₁] × [lo₂, hi₂] with the spec's defaults. */
        public static Options box2(double lo1, double hi1, double lo2, double hi2, int seedsPerAxis) {
            return new Options(new double[]{lo1, lo2}, new double[]{hi1, hi2}, seedsPerAxis, 1e-9, 60, 0.05, true,
                    refinementLimit(2, seedsPerAxis));
        }

        /** 161 seeds per axis (spec), fewer in high dimension so that the refined grid stays within {@link #MAX_GRID}. */
        private static int refinementLimit(int n, int seedsPerAxis) {
            int m = 161;
            while (m > seedsPerAxis && Math.pow(m, n) > MAX_GRID) m--;
            return Math.max(m, seedsPerAxis);
        }

        public Options withSeeds(int s) {
            return new Options(lower, upper, s, tolerance, maxIterations, stepCap, refineToEuler,
                    Math.max(maxSeedsPerAxis, s), threads);
        }

        public Options withRefinement(boolean refine) {
            return new Options(lower, upper, seedsPerAxis, tolerance, maxIterations, stepCap, refine, maxSeedsPerAxis,
                    threads);
        }

        public Options withTolerance(double tol) {
            return new Options(lower, upper, seedsPerAxis, tol, maxIterations, stepCap, refineToEuler, maxSeedsPerAxis,
                    threads);
        }

        public Options withThreads(int t) {
            return new Options(lower, upper, seedsPerAxis, tolerance, maxIterations, stepCap, refineToEuler,
                    maxSeedsPerAxis, t);
        }

        public double width() {
            double w = 0;
            for (int i = 0; i < lower.length; i++) w = Math.max(w, upper[i] - lower[i]);
            return w;
        }

        public Map<String, Object> toMap() {
            return Map.of("lower", Arrays.toString(lower), "upper", Arrays.toString(upper), "seedsPerAxis",
                    seedsPerAxis, "tolerance", tolerance, "maxIterations", maxIterations, "stepCap", stepCap,
                    "refineToEuler", refineToEuler, "maxSeedsPerAxis", maxSeedsPerAxis);
        }

        public Options withLower(double... lower) {
            return new Options(lower, upper, seedsPerAxis, tolerance, maxIterations, stepCap, refineToEuler, maxSeedsPerAxis, threads);
        }

        public Options withUpper(double... upper) {
            return new Options(lower, upper, seedsPerAxis, tolerance, maxIterations, stepCap, refineToEuler, maxSeedsPerAxis, threads);
        }

        public Options withSeedsPerAxis(int seedsPerAxis) {
            return new Options(lower, upper, seedsPerAxis, tolerance, maxIterations, stepCap, refineToEuler, maxSeedsPerAxis, threads);
        }

        public Options withMaxIterations(int maxIterations) {
            return new Options(lower, upper, seedsPerAxis, tolerance, maxIterations, stepCap, refineToEuler, maxSeedsPerAxis, threads);
        }

        public Options withStepCap(double stepCap) {
            return new Options(lower, upper, seedsPerAxis, tolerance, maxIterations, stepCap, refineToEuler, maxSeedsPerAxis, threads);
        }

        public Options withRefineToEuler(boolean refineToEuler) {
            return new Options(lower, upper, seedsPerAxis, tolerance, maxIterations, stepCap, refineToEuler, maxSeedsPerAxis, threads);
        }

        public Options withMaxSeedsPerAxis(int maxSeedsPerAxis) {
            return new Options(lower, upper, seedsPerAxis, tolerance, maxIterations, stepCap, refineToEuler, maxSeedsPerAxis, threads);
        }
    }

    /** Most grid seeds of one search (seedsPerAxisⁿ): 2³¹ − 1 Newton runs already take hours to days. */
    public static final long MAX_GRID = Integer.MAX_VALUE;

    /** Seeds per parallel batch (memory stays O(batch) whatever the grid size). */
    static final int BATCH = 1 << 16;

    private static long gridSize(String name, int perAxis, int n) {
        long total = 1;
        for (int i = 0; i < n; i++) {
            total *= perAxis;
            if (total > MAX_GRID)
                throw new IllegalArgumentException(name + " = " + perAxis + " in n = " + n + " dimensions gives "
                        + String.format(java.util.Locale.ROOT, "%.3g", Math.pow(perAxis, n)) + " grid seeds, more than "
                        + MAX_GRID + " (days of Newton runs); use fewer seeds per axis");
        }
        return total;
    }

    /** All critical points of {@code system} in the options' box. */
    public static CriticalSet find(GradientSystem system, Options options) {
        return find(system, options, List.of());
    }

    /**
     * All critical points, Newton-continuing the {@code extraSeeds} first (e.g. the points of the previous
     * parameter value in a sweep), then the grid; the grid is doubled while the Poincaré–Hopf count is not 1
     * (when {@code refineToEuler}).
     */
    public static CriticalSet find(GradientSystem system, Options options, List<double[]> extraSeeds) {
        Check.notNull("system", system);
        Check.notNull("options", options);
        Check.notNull("extraSeeds", extraSeeds);
        int n = system.dimension();
        Check.sameSize("options.lower.length", options.lower().length, "system.dimension()", n);
        for (int i = 0; i < extraSeeds.size(); i++)
            Check.vector("extraSeeds[" + i + "]", extraSeeds.get(i), "system.dimension()", n);
        int s = options.seedsPerAxis();
        List<CriticalPoint> found = new ArrayList<>();
        for (double[] seed : extraSeeds) addIfNew(found, newton(system, seed, options), system, options);
        while (true) {
            long total = gridSize("seedsPerAxis", s, n);
            for (long start = 0; start < total; start += BATCH) {
                int m = (int) Math.min(BATCH, total - start);
                double[][] roots = new double[m][];
                final long first = start;
                final int perAxis = s;
                Parallel.forEach("critical-point search", m, options.threads(),
                        i -> roots[i] = newton(system, seed(options, perAxis, first + i), options));
                for (double[] r : roots) addIfNew(found, r, system, options);
            }
            CriticalSet set = CriticalSet.of(found);
            if (!options.refineToEuler() || set.eulerCount() == 1 || s >= options.maxSeedsPerAxis()) return set;
            s = Math.min(options.maxSeedsPerAxis(), 2 * s - 1);
        }
    }

    /** One point from one seed (null if Newton fails or leaves the box). */
    public static CriticalPoint refine(GradientSystem system, double[] seed, Options options) {
        Check.notNull("system", system);
        Check.notNull("options", options);
        Check.vector("seed", seed, "system.dimension()", system.dimension());
        double[] r = newton(system, seed, options);
        return r == null ? null : CriticalPoint.classify(system, r);
    }

    private static void addIfNew(List<CriticalPoint> found, double[] r, GradientSystem system, Options o) {
        if (r == null) return;
        double merge = 1e-6 * o.width();
        for (CriticalPoint p : found) if (Linear.distance(p.position(), r) < merge) return;
        found.add(CriticalPoint.classify(system, r));
    }

    /** Seed k of the s-per-axis grid (coordinate 0 varies fastest). */
    static double[] seed(Options o, int s, long k) {
        int n = o.lower().length;
        double[] x = new double[n];
        long rem = k;
        for (int i = 0; i < n; i++) {
            int j = (int) (rem % s);
            rem /= s;
            x[i] = o.lower()[i] + (o.upper()[i] - o.lower()[i]) * j / (s - 1);
        }
        return x;
    }

    /** The whole s-per-axis grid (for tests and small grids). */
    static double[][] grid(Options o, int s) {
        int total = Check.arraySize("grid seeds", gridSize("seedsPerAxis", s, o.lower().length));
        double[][] seeds = new double[total][];
        for (int k = 0; k < total; k++) seeds[k] = seed(o, s, k);
        return seeds;
    }

    /** Damped Newton from {@code seed}; null when it does not converge inside the (10 %-enlarged) box. */
    static double[] newton(GradientSystem system, double[] seed, Options o) {
        int n = system.dimension();
        double[] x = seed.clone(), f = new double[n], jac = new double[n * n];
        double cap = o.stepCap() * o.width();
        int polish = -1;
        for (int it = 0; it < o.maxIterations() + 3; it++) {
            residual(system, x, f);
            double norm = Linear.norm(f);
            if (!Double.isFinite(norm)) return null;
            if (polish < 0 && norm < o.tolerance() * 1e-3) polish = 0;
            if (polish >= 3 || (polish >= 0 && norm == 0)) break;
            if (polish < 0 && it >= o.maxIterations()) break;
            jacobian(system, x, f, jac);
            double[] step = Linear.solve(n, jac, f);
            if (step == null) return null;
            double len = Linear.norm(step);
            if (!Double.isFinite(len)) return null;
            double scale = len > cap ? cap / len : 1;
            for (int i = 0; i < n; i++) x[i] -= scale * step[i];
            for (int i = 0; i < n; i++) {
                double w = o.upper()[i] - o.lower()[i];
                if (x[i] < o.lower()[i] - 0.1 * w || x[i] > o.upper()[i] + 0.1 * w) return null;
            }
            if (polish >= 0) polish++;
            else if (len < 1e-15 * (1 + Linear.norm(x))) polish = 0;
        }
        residual(system, x, f);
        if (!(Linear.norm(f) < o.tolerance())) return null;
        for (int i = 0; i < n; i++) {
            double w = o.upper()[i] - o.lower()[i];
            if (x[i] < o.lower()[i] - 0.1 * w || x[i] > o.upper()[i] + 0.1 * w) return null;
        }
        return x;
    }

    /** F = ∇V (Euclidean) or F = −X = G⁻¹∇V (metric). */
    private static void residual(GradientSystem system, double[] x, double[] f) {
        if (system.hasMetric()) {
            system.velocity(x, f);
            for (int i = 0; i < f.length; i++) f[i] = -f[i];
        } else system.gradient(x, f);
    }

    private static void jacobian(GradientSystem system, double[] x, double[] f, double[] jac) {
        int n = x.length;
        if (!system.hasMetric()) {
            system.hessian(x, jac);
            return;
        }
        double scale = 1;
        for (double v : x) scale = Math.max(scale, Math.abs(v));
        double h = 1e-6 * scale;
        double[] xp = x.clone(), fp = new double[n], fm = new double[n];
        for (int j = 0; j < n; j++) {
            xp[j] = x[j] + h;
            residual(system, xp, fp);
            xp[j] = x[j] - h;
            residual(system, xp, fm);
            xp[j] = x[j];
            for (int i = 0; i < n; i++) jac[i * n + j] = (fp[i] - fm[i]) / (2 * h);
        }
    }
}
