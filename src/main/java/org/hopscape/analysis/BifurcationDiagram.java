package org.hopscape.analysis;

import org.hopscape.dynamics.Bifurcation;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.BooleanColumn;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Fixed points of the reduced two-memory system over a grid of n (000 Fig 5A) and every change of their number
 * between grid values, located by bisection and classified by kind. Built by {@link FixedPointContinuation#track}.
 *
 * @param system       the system at the first n (Gram values, T, K)
 * @param ns           the n grid
 * @param points       every fixed point at every grid n, in grid order
 * @param countChanges changes of the fixed-point count, in n order
 */
public record BifurcationDiagram(TwoMemorySystem system, double[] ns, List<TwoMemorySystem.FixedPoint> points,
                                 List<CountChange> countChanges) {

    /** What makes the number of fixed points change. */
    public enum Kind {
        /** A stable and an unstable point on the same half meet (one eigenvalue passes through zero) and vanish, or are born. */
        SADDLE_NODE("saddle-node"),
        /**
         * A point reaches the edge of the domain — a corner β = 0 of the diamond, the surface N = 0 where the
         * rescaling stops, or the label clip ℓ = ±1 — and leaves it (or enters it) there.
         */
        BOUNDARY_CROSSING("boundary crossing"),
        /** Anything else (e.g. points created at a kink d = 0 of the rectified overlap). */
        OTHER("other");

        private final String label;

        Kind(String label) { this.label = label; }

        /** "saddle-node", "boundary crossing", "other". */
        public String label() { return label; }

        /** The same event in the kit's one vocabulary ({@link Bifurcation}, shared with {@code dynamics.Families}). */
        public Bifurcation bifurcation() {
            return switch (this) {
                case SADDLE_NODE -> Bifurcation.FOLD;
                case BOUNDARY_CROSSING -> Bifurcation.BOUNDARY_CROSSING;
                case OTHER -> Bifurcation.OTHER;
            };
        }
    }

    /**
     * A change of the number of fixed points.
     *
     * @param kind         what happens
     * @param n            location in n (centre of the final bisection interval)
     * @param countBelow   fixed points just below n
     * @param countAbove   fixed points just above n
     * @param points       the points that appear or disappear, as found on the side of the last bisection
     *                     interval where they exist (for a saddle-node: the stable and the unstable point)
     * @param eigenvalue   among those points, the eigenvalue (larger real part λ₁) closest to zero; at a
     *                     saddle-node it tends to 0 with the bisection interval
     * @param edgeDistance the smallest distance of those points to the edge of the domain
     *                     ({@link TwoMemorySystem#edgeDistance})
     */
    public record CountChange(Kind kind, double n, int countBelow, int countAbove, List<TwoMemorySystem.FixedPoint> points,
                              double eigenvalue, double edgeDistance) {
        public CountChange {
            points = List.copyOf(points);
        }

        /** The kind in the kit's one vocabulary ({@link Bifurcation}). */
        public Bifurcation bifurcation() {
            return kind.bifurcation();
        }

        /** Mean α of the points involved (where the pair is born or dies). */
        public double alpha() {
            return points.stream().mapToDouble(TwoMemorySystem.FixedPoint::alpha).average().orElse(Double.NaN);
        }

        /** Mean ℓ of the points involved. */
        public double ell() {
            return points.stream().mapToDouble(TwoMemorySystem.FixedPoint::ell).average().orElse(Double.NaN);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s at n=%.4f: %d -> %d fixed points near (α=%.3f, ℓ=%.3f), eigenvalue %.3g",
                    kind.label(), n, countBelow, countAbove, alpha(), ell(), eigenvalue);
        }
    }

    public BifurcationDiagram {
        ns = Arrays.copyOf(ns, ns.length);
        points = List.copyOf(points);
        countChanges = List.copyOf(countChanges);
    }

    @Override
    public double[] ns() {
        return Arrays.copyOf(ns, ns.length);
    }

    /** The count changes that are true saddle-node bifurcations. */
    public List<CountChange> saddleNodes() {
        return countChanges.stream().filter(c -> c.kind() == Kind.SADDLE_NODE).toList();
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

    /**
     * One row per change of the fixed-point count: n, kind (saddle-node / boundary crossing / other), counts below
     * and above, mean α and ℓ of the points involved, the eigenvalue closest to zero, the distance to the domain
     * edge, and the points themselves.
     */
    public Table countChangeTable() {
        Table t = Table.create("changes of the number of fixed points", DoubleColumn.create("n"), StringColumn.create("kind"),
                IntColumn.create("fixed points below"), IntColumn.create("fixed points above"), DoubleColumn.create("alpha"),
                DoubleColumn.create("ell"), DoubleColumn.create("eigenvalue"), DoubleColumn.create("edge distance"),
                StringColumn.create("points"));
        for (CountChange c : countChanges) {
            t.doubleColumn("n").append(c.n());
            t.stringColumn("kind").append(c.kind().label());
            t.intColumn("fixed points below").append(c.countBelow());
            t.intColumn("fixed points above").append(c.countAbove());
            t.doubleColumn("alpha").append(c.alpha());
            t.doubleColumn("ell").append(c.ell());
            t.doubleColumn("eigenvalue").append(c.eigenvalue());
            t.doubleColumn("edge distance").append(c.edgeDistance());
            t.stringColumn("points").append(c.points().stream().map(p -> String.format(Locale.ROOT, "%s α=%.4f ℓ=%.4f %s",
                    p.branch(), p.alpha(), p.ell(), p.stable() ? "stable" : "unstable")).collect(Collectors.joining("; ")));
        }
        return t;
    }

    @Override
    public String toString() {
        return "BifurcationDiagram[" + system + ", n " + ns[0] + " … " + ns[ns.length - 1] + ", " + points.size()
                + " fixed points, " + countChanges + "]";
    }
}
