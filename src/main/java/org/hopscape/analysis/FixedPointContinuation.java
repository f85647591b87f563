package org.hopscape.analysis;

import org.hopscape.util.RecordMaps;
import java.util.Map;
import org.hopscape.util.Check;
import org.hopscape.util.Interrupts;
import org.hopscape.util.Parallel;
import org.hopscape.util.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Continuation of the fixed points of the reduced two-memory system in the order n (000 Fig 5A; spec §7.3):
 * at every n of a grid, all fixed points by {@link TwoMemorySystem#fixedPoints(int)}; wherever the number of
 * fixed points changes between two grid values, the change is located by bisection and classified: a saddle-node
 * bifurcation, a point crossing the edge of the domain, or other ({@link BifurcationDiagram.Kind}).
 */
public final class FixedPointContinuation {
    private FixedPointContinuation() {}

    /**
     * @param nMin               first n (≥ 1)
     * @param nMax               last n (≥ nMin)
     * @param nStep              grid step in n (> 0)
     * @param grid               α-grid size of the fixed-point scan per diamond half (spec: ≥ 4000)
     * @param bisectionTolerance width in n to which a change of the fixed-point count is located
     * @param threads            worker threads (results do not depend on it)
     * @param progress           reports each finished n
     */
    public record Options(double nMin, double nMax, double nStep, int grid, double bisectionTolerance, int threads,
                          Progress progress) {
        /** Provenance map (round-trips through {@link #of(Map)}; listeners are left out). */
        public Map<String, String> toMap() {
            return RecordMaps.toMap(this);
        }

        /** Inverse of {@link #toMap()}: keys the map does not name keep the value of {@code paper()}. */
        public static Options of(Map<String, ?> map) {
            return RecordMaps.of(map, paper());
        }

        public Options {
            Check.inRange("nMin", nMin, 1, 1000);
            Check.inRange("nMax", nMax, nMin, 1000);
            Check.positive("nStep", nStep);
            Check.inRange("grid", grid, 10, 10_000_000);
            Check.positive("bisectionTolerance", bisectionTolerance);
            Check.positive("threads", threads);
            if (!(Math.floor((nMax - nMin) / nStep + 1e-9) + 1 <= Check.MAX_ARRAY))
                throw new IllegalArgumentException("(nMax − nMin) / nStep = " + (nMax - nMin) / nStep
                        + " grid values exceed the largest array; enlarge nStep");
            if (progress == null) progress = Progress.NONE;
        }

        /** The authors' scan: n = 1.2 … 71.9 step 0.1, α-grid 4000, count changes located to 1e−3. */
        public static Options paper() {
            return new Options(1.2, 71.9, 0.1, TwoMemorySystem.DEFAULT_GRID, 1e-3, defaultThreads(), Progress.NONE);
        }

        /** Quick tier (spec §8): n = 2 … 60 step 0.5. */
        public static Options quick() {
            return new Options(2, 60, 0.5, TwoMemorySystem.DEFAULT_GRID, 1e-3, defaultThreads(), Progress.NONE);
        }

        public Options withProgress(Progress p) {
            return new Options(nMin, nMax, nStep, grid, bisectionTolerance, threads, p);
        }

        public Options withThreads(int t) {
            return new Options(nMin, nMax, nStep, grid, bisectionTolerance, t, progress);
        }

        public Options withRange(double min, double max, double step) {
            return new Options(min, max, step, grid, bisectionTolerance, threads, progress);
        }

        /** The n grid: nMin + i·nStep up to nMax (inclusive, rounded to 1e−9 against drift). */
        public double[] ns() {
            int count = (int) Math.floor((nMax - nMin) / nStep + 1e-9) + 1;
            double[] ns = new double[count];
            for (int i = 0; i < count; i++) ns[i] = Math.round((nMin + i * nStep) * 1e9) / 1e9;
            return ns;
        }

        public Options withNMin(double nMin) {
            return new Options(nMin, nMax, nStep, grid, bisectionTolerance, threads, progress);
        }

        public Options withNMax(double nMax) {
            return new Options(nMin, nMax, nStep, grid, bisectionTolerance, threads, progress);
        }

        public Options withNStep(double nStep) {
            return new Options(nMin, nMax, nStep, grid, bisectionTolerance, threads, progress);
        }

        public Options withGrid(int grid) {
            return new Options(nMin, nMax, nStep, grid, bisectionTolerance, threads, progress);
        }

        public Options withBisectionTolerance(double bisectionTolerance) {
            return new Options(nMin, nMax, nStep, grid, bisectionTolerance, threads, progress);
        }
    }

    /** Default worker threads: every available processor (results do not depend on it). */
    static int defaultThreads() {
        return org.hopscape.hopfield.kernel.Runs.defaultThreads();
    }

    /**
     * Halvings of the bisection interval beyond {@link Options#bisectionTolerance()} before a count change is
     * classified, so that the points involved are seen where they are about to meet or leave (interval width
     * tolerance / 2^this).
     */
    static final int CLASSIFY_HALVINGS = 10;
    /** A point closer than this to the edge of the domain ({@link TwoMemorySystem#edgeDistance}) is at the edge. */
    static final double EDGE = 1e-3;

    /** Fixed points of {@code system.withN(n)} for every n of the grid, plus every change of their number, classified. */
    public static BifurcationDiagram track(TwoMemorySystem system, Options options) {
        Check.notNull("system", system);
        Check.notNull("options", options);
        double[] ns = options.ns();
        @SuppressWarnings("unchecked")
        List<TwoMemorySystem.FixedPoint>[] perN = new List[ns.length];
        AtomicLong done = new AtomicLong();
        Parallel.forEach("fixed points over n", ns.length, options.threads(), i -> {
            perN[i] = system.withN(ns[i]).fixedPoints(options.grid());
            options.progress().report("fixed points over n", done.incrementAndGet(), ns.length);
        });
        List<TwoMemorySystem.FixedPoint> all = new ArrayList<>();
        for (List<TwoMemorySystem.FixedPoint> l : perN) all.addAll(l);
        List<BifurcationDiagram.CountChange> changes = new ArrayList<>();
        for (int i = 1; i < ns.length; i++)
            if (perN[i].size() != perN[i - 1].size())
                changes.add(locate(system, ns[i - 1], perN[i - 1], ns[i], perN[i], options));
        return new BifurcationDiagram(system, ns, all, changes);
    }

    /**
     * Bisection on the fixed-point count between two n values with different counts, then classification. The
     * points on the side with more of them that have no partner on the other side are the ones that appear or
     * disappear; they are compared with themselves at a probe 100 times farther from the change (same side):
     * <ul>
     *   <li>saddle-node: two of them, one stable and one unstable on the same half, whose eigenvalue λ₁ shrinks
     *   towards the change (a fold: λ₁ ∝ √|n − n*|, so by ~10 over the probe's factor 100);</li>
     *   <li>boundary crossing: each of them is at the edge of the domain ({@link TwoMemorySystem#edgeDistance}
     *   ≤ {@value #EDGE}) or approaching it (its distance shrinks by more than 3 towards the change) — e.g. a
     *   stable point leaving through a corner, or a pair born on the label clip without a zero eigenvalue;</li>
     *   <li>other: anything else.</li>
     * </ul>
     */
    static BifurcationDiagram.CountChange locate(TwoMemorySystem system, double lo, List<TwoMemorySystem.FixedPoint> atLo,
                                                 double hi, List<TwoMemorySystem.FixedPoint> atHi, Options options) {
        double gridLo = lo, gridHi = hi;
        int countLo = atLo.size(), countHi = atHi.size();
        List<TwoMemorySystem.FixedPoint> loPoints = atLo, hiPoints = atHi;
        double tolerance = Math.scalb(options.bisectionTolerance(), -CLASSIFY_HALVINGS);
        while (hi - lo > tolerance) {
            Interrupts.check("saddle-node bisection");
            double mid = 0.5 * (lo + hi);
            List<TwoMemorySystem.FixedPoint> m = system.withN(mid).fixedPoints(options.grid());
            if (m.size() == countLo) { lo = mid; loPoints = m; }
            else if (m.size() == countHi) { hi = mid; hiPoints = m; }
            else { hi = mid; hiPoints = m; countHi = m.size(); }        // a third count: follow the nearer change
        }
        boolean moreBelow = loPoints.size() > hiPoints.size();
        List<TwoMemorySystem.FixedPoint> more = moreBelow ? loPoints : hiPoints, fewer = moreBelow ? hiPoints : loPoints;
        List<TwoMemorySystem.FixedPoint> involved = unmatched(more, fewer);
        TwoMemorySystem at = system.withN(moreBelow ? lo : hi);
        // the same points 100 times farther from the change, if the count there is the same
        double probeN = moreBelow ? lo - 99 * (hi - lo) : hi + 99 * (hi - lo);
        List<TwoMemorySystem.FixedPoint> probe = probeN >= gridLo && probeN <= gridHi
                ? system.withN(probeN).fixedPoints(options.grid()) : List.of();
        if (probe.size() != more.size()) probe = List.of();
        TwoMemorySystem atProbe = system.withN(probeN);
        double eigenvalue = Double.NaN, edge = Double.POSITIVE_INFINITY;
        boolean shrinking = !probe.isEmpty(), atEdge = !involved.isEmpty();
        for (TwoMemorySystem.FixedPoint p : involved) {
            if (Double.isNaN(eigenvalue) || Math.abs(p.lambda1()) < Math.abs(eigenvalue)) eigenvalue = p.lambda1();
            double e = at.edgeDistance(p);
            edge = Math.min(edge, e);
            TwoMemorySystem.FixedPoint q = probe.isEmpty() ? null : nearest(probe, p);
            shrinking &= q != null && Math.abs(p.lambda1()) < Math.abs(q.lambda1()) / 3;
            atEdge &= e <= EDGE || (q != null && e < atProbe.edgeDistance(q) / 3);
        }
        BifurcationDiagram.Kind kind = BifurcationDiagram.Kind.OTHER;
        if (involved.size() == 2 && involved.get(0).branch() == involved.get(1).branch()
                && involved.get(0).stable() != involved.get(1).stable() && shrinking)
            kind = BifurcationDiagram.Kind.SADDLE_NODE;
        else if (atEdge)
            kind = BifurcationDiagram.Kind.BOUNDARY_CROSSING;
        return new BifurcationDiagram.CountChange(kind, 0.5 * (lo + hi), loPoints.size(), hiPoints.size(), involved,
                eigenvalue, edge);
    }

    private static TwoMemorySystem.FixedPoint nearest(List<TwoMemorySystem.FixedPoint> points, TwoMemorySystem.FixedPoint p) {
        TwoMemorySystem.FixedPoint best = null;
        for (TwoMemorySystem.FixedPoint q : points) if (best == null || distance(p, q) < distance(p, best)) best = q;
        return best;
    }

    /** The points of {@code more} left over after pairing every point of {@code fewer} with its nearest one. */
    static List<TwoMemorySystem.FixedPoint> unmatched(List<TwoMemorySystem.FixedPoint> more, List<TwoMemorySystem.FixedPoint> fewer) {
        List<TwoMemorySystem.FixedPoint> left = new ArrayList<>(more);
        List<TwoMemorySystem.FixedPoint> todo = new ArrayList<>(fewer);
        while (!todo.isEmpty() && !left.isEmpty()) {     // globally closest pair first
            int bi = 0, bj = 0;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < todo.size(); i++)
                for (int j = 0; j < left.size(); j++) {
                    double d = distance(todo.get(i), left.get(j));
                    if (d < best) { best = d; bi = i; bj = j; }
                }
            todo.remove(bi);
            left.remove(bj);
        }
        return left;
    }

    /** Euclidean distance in (α, β, ℓ), so that a point crossing a corner β = 0 to the other half stays close. */
    static double distance(TwoMemorySystem.FixedPoint p, TwoMemorySystem.FixedPoint q) {
        double da = p.alpha() - q.alpha(), db = p.beta() - q.beta(), dl = p.ell() - q.ell();
        return Math.sqrt(da * da + db * db + dl * dl);
    }

}
