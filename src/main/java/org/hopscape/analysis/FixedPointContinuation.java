package org.hopscape.analysis;

import org.hopscape.util.Check;
import org.hopscape.util.Interrupts;
import org.hopscape.util.Parallel;
import org.hopscape.util.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Continuation of the fixed points of the reduced two-memory system in the order n (000 Fig 5A; spec §7.3):
 * at every n of a grid, all fixed points by {@link TwoMemorySystem#fixedPoints(int)}; wherever the number of
 * fixed points changes between two grid values, the change (a saddle-node bifurcation) is located by bisection.
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

        /** The authors' scan: n = 1.2 … 71.9 step 0.1, α-grid 4000, saddle-nodes to 1e−3. */
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
    }

    /** Default worker threads: every available processor (results do not depend on it). */
    static int defaultThreads() {
        return org.hopscape.hopfield.kernel.Runs.defaultThreads();
    }

    /** Fixed points of {@code system.withN(n)} for every n of the grid, plus the located saddle-nodes. */
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
        List<BifurcationDiagram.SaddleNode> nodes = new ArrayList<>();
        for (int i = 1; i < ns.length; i++)
            if (perN[i].size() != perN[i - 1].size())
                nodes.add(locate(system, ns[i - 1], perN[i - 1], ns[i], perN[i], options));
        return new BifurcationDiagram(system, ns, all, nodes);
    }

    /** Bisection on the fixed-point count between two n values with different counts. */
    static BifurcationDiagram.SaddleNode locate(TwoMemorySystem system, double lo, List<TwoMemorySystem.FixedPoint> atLo,
                                                double hi, List<TwoMemorySystem.FixedPoint> atHi, Options options) {
        int countLo = atLo.size(), countHi = atHi.size();
        List<TwoMemorySystem.FixedPoint> loPoints = atLo, hiPoints = atHi;
        while (hi - lo > options.bisectionTolerance()) {
            Interrupts.check("saddle-node bisection");
            double mid = 0.5 * (lo + hi);
            List<TwoMemorySystem.FixedPoint> m = system.withN(mid).fixedPoints(options.grid());
            if (m.size() == countLo) { lo = mid; loPoints = m; }
            else { hi = mid; hiPoints = m; }
        }
        // where the pair is born or dies: the two closest fixed points on the side that has more of them
        List<TwoMemorySystem.FixedPoint> more = countLo > countHi ? loPoints : hiPoints;
        double alpha = Double.NaN, ell = Double.NaN, best = Double.POSITIVE_INFINITY;
        for (int a = 0; a < more.size(); a++)
            for (int b = a + 1; b < more.size(); b++) {
                TwoMemorySystem.FixedPoint p = more.get(a), q = more.get(b);
                if (p.branch() != q.branch()) continue;
                double d = Math.hypot(p.alpha() - q.alpha(), p.ell() - q.ell());
                if (d < best) { best = d; alpha = 0.5 * (p.alpha() + q.alpha()); ell = 0.5 * (p.ell() + q.ell()); }
            }
        return new BifurcationDiagram.SaddleNode(0.5 * (lo + hi), countLo, countHi, alpha, ell);
    }

}
