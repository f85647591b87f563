package org.hopscape.analysis;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Fixed points of the reduced two-memory system over a grid of n (000 Fig 5A) and the saddle-node
 * bifurcations between grid values. Built by {@link FixedPointContinuation#track}.
 *
 * @param system      the system at the first n (Gram values, T, K)
 * @param ns          the n grid
 * @param points      every fixed point at every grid n, in grid order
 * @param saddleNodes changes of the fixed-point count, located by bisection
 */
public record BifurcationDiagram(TwoMemorySystem system, double[] ns, List<TwoMemorySystem.FixedPoint> points,
                                 List<SaddleNode> saddleNodes) {

    /**
     * A change of the number of fixed points.
     *
     * @param n           location in n (centre of the final bisection interval)
     * @param countBelow  fixed points just below n
     * @param countAbove  fixed points just above n
     * @param alpha       α where the pair appears / disappears (mean of the two closest fixed points)
     * @param ell         ℓ there
     */
    public record SaddleNode(double n, int countBelow, int countAbove, double alpha, double ell) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "saddle-node at n=%.3f: %d -> %d fixed points near (α=%.3f, ℓ=%.3f)",
                    n, countBelow, countAbove, alpha, ell);
        }
    }

    public BifurcationDiagram {
        ns = Arrays.copyOf(ns, ns.length);
        points = List.copyOf(points);
        saddleNodes = List.copyOf(saddleNodes);
    }

    @Override
    public double[] ns() {
        return Arrays.copyOf(ns, ns.length);
    }

    /** Fixed points at the grid value n (exact match). */
    public List<TwoMemorySystem.FixedPoint> at(double n) {
        return points.stream().filter(p -> p.n() == n).toList();
    }

    /** Number of fixed points at each grid n. */
    public int[] counts() {
        int[] c = new int[ns.length];
        for (int i = 0; i < ns.length; i++) c[i] = at(ns[i]).size();
        return c;
    }

    /** One row per fixed point: n, branch, alpha, beta, ell, stable, saturated, lambda1, lambda2. */
    public Table toTable() {
        Table t = Table.create("fixed points of the two-memory system",
                DoubleColumn.create("n"), StringColumn.create("branch"), DoubleColumn.create("alpha"),
                DoubleColumn.create("beta"), DoubleColumn.create("ell"), BooleanColumn.create("stable"),
                BooleanColumn.create("saturated"), DoubleColumn.create("lambda1"), DoubleColumn.create("lambda2"));
        for (TwoMemorySystem.FixedPoint p : points) {
            t.doubleColumn("n").append(p.n());
            t.stringColumn("branch").append(p.branch().name());
            t.doubleColumn("alpha").append(p.alpha());
            t.doubleColumn("beta").append(p.beta());
            t.doubleColumn("ell").append(p.ell());
            t.booleanColumn("stable").append(p.stable());
            t.booleanColumn("saturated").append(p.saturated());
            t.doubleColumn("lambda1").append(p.lambda1());
            t.doubleColumn("lambda2").append(Double.isInfinite(p.lambda2()) ? Double.NaN : p.lambda2());
        }
        return t;
    }

    /** One row per saddle-node: n, count below, count above, alpha, ell. */
    public Table saddleNodeTable() {
        Table t = Table.create("saddle-node bifurcations", DoubleColumn.create("n"), IntColumn.create("fixed points below"),
                IntColumn.create("fixed points above"), DoubleColumn.create("alpha"), DoubleColumn.create("ell"));
        for (SaddleNode s : saddleNodes) {
            t.doubleColumn("n").append(s.n());
            t.intColumn("fixed points below").append(s.countBelow());
            t.intColumn("fixed points above").append(s.countAbove());
            t.doubleColumn("alpha").append(s.alpha());
            t.doubleColumn("ell").append(s.ell());
        }
        return t;
    }

    @Override
    public String toString() {
        return "BifurcationDiagram[" + system + ", n " + ns[0] + " … " + ns[ns.length - 1] + ", " + points.size()
                + " fixed points, " + saddleNodes + "]";
    }
}
