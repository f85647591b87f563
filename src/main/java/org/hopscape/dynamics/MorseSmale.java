package org.hopscape.dynamics;

import org.hopscape.util.RecordMaps;
import java.util.Map;
import org.hopscape.util.Check;
import org.hopscape.util.Parallel;
import org.hopscape.util.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Morse–Smale structure of a gradient system (004 §2.3, Def. 6; spec 004 §1.3–1.5): the graph of connections
 * from the saddles' invariant branches, the partition of a 2-D box into stable manifolds (basins), and the
 * Morse–Smale check (non-degenerate critical points, no saddle–saddle connection, inward flow on a circle).
 */
public final class MorseSmale {
    private MorseSmale() {}

    /**
     * Branch integration settings.
     *
     * @param offset           start distance h from the saddle along the eigenvector (1e-6)
     * @param arrivalRadius    a branch ends when within this distance of a sink/source (1e-6)
     * @param connectionRadius a branch passing within this distance of another saddle is a saddle connection
     *                         (1e-5: a transverse branch misses by ≫ this except within ~1e-6 of η*)
     * @param escapeRadius     a branch ends at the "boundary" when |x| exceeds this
     * @param ode              integrator settings (spec: rtol 1e-10, atol 1e-12, max step 0.5, T 2 000)
     */
    public record Options(double offset, double arrivalRadius, double connectionRadius, double escapeRadius,
                          Ode.Options ode) {
        /** Provenance map (round-trips through {@link #of(Map)}; listeners are left out). */
        public Map<String, String> toMap() {
            return RecordMaps.toMap(this);
        }

        /** Inverse of {@link #toMap()}: keys the map does not name keep the value of {@code paper(10)}. */
        public static Options of(Map<String, ?> map) {
            return RecordMaps.of(map, paper(10));
        }

        public Options {
            Check.positive("offset", offset);
            Check.positive("arrivalRadius", arrivalRadius);
            Check.positive("connectionRadius", connectionRadius);
            Check.positive("escapeRadius", escapeRadius);
        }

        /** Spec 004 §1.3 values with a given escape radius (e.g. 1.5× the box half-width). */
        public static Options paper(double escapeRadius) {
            return new Options(1e-6, 1e-6, 1e-5, escapeRadius, Ode.Options.paper());
        }

        public Options withOde(Ode.Options o) {
            return new Options(offset, arrivalRadius, connectionRadius, escapeRadius, o);
        }

        public Options withOffset(double offset) {
            return new Options(offset, arrivalRadius, connectionRadius, escapeRadius, ode);
        }

        public Options withArrivalRadius(double arrivalRadius) {
            return new Options(offset, arrivalRadius, connectionRadius, escapeRadius, ode);
        }

        public Options withConnectionRadius(double connectionRadius) {
            return new Options(offset, arrivalRadius, connectionRadius, escapeRadius, ode);
        }

        public Options withEscapeRadius(double escapeRadius) {
            return new Options(offset, arrivalRadius, connectionRadius, escapeRadius, ode);
        }
    }

    /** The connection graph: unstable branches of every index-1 point forward, stable branches (2-D) backward. */
    public static ConnectionGraph graph(GradientSystem system, CriticalSet points, Options o) {
        checkPoints(system, points);
        Check.notNull("o", o);
        int n = system.dimension();
        List<ConnectionGraph.Edge> edges = new ArrayList<>();
        List<ConnectionGraph.Branch> branches = new ArrayList<>();
        for (int s = 0; s < points.size(); s++) {
            CriticalPoint p = points.get(s);
            if (p.morseIndex() != 1) continue;
            for (int sign : new int[]{1, -1}) {
                ConnectionGraph.Branch b = branch(system, points, s, true, sign, o);
                branches.add(b);
                boolean conn = b.end() >= 0 && points.get(b.end()).morseIndex() == 1;
                addEdge(edges, new ConnectionGraph.Edge(s, b.end(), conn));
            }
            if (n == 2) for (int sign : new int[]{1, -1}) {
                ConnectionGraph.Branch b = branch(system, points, s, false, sign, o);
                branches.add(b);
                if (b.end() >= 0 && points.get(b.end()).isSource())
                    addEdge(edges, new ConnectionGraph.Edge(b.end(), s, false));
            }
        }
        return new ConnectionGraph(points, edges, branches);
    }

    private static void addEdge(List<ConnectionGraph.Edge> edges, ConnectionGraph.Edge e) {
        if (!edges.contains(e)) edges.add(e);
    }

    /** One branch of saddle {@code s}: unstable (forward) or stable (backward), on side {@code sign}. */
    public static ConnectionGraph.Branch branch(GradientSystem system, CriticalSet points, int s, boolean unstable,
                                                int sign, Options o) {
        checkPoints(system, points);
        Check.index("s", s, points.size());
        if (sign != 1 && sign != -1) throw new IllegalArgumentException("sign must be +1 or −1 (got " + sign + ")");
        Check.notNull("o", o);
        CriticalPoint p = points.get(s);
        double[] dir = unstable ? p.unstableDirection() : p.stableDirection();
        int n = dir.length;
        double[] x0 = new double[n];
        for (int i = 0; i < n; i++) x0[i] = p.x(i) + sign * o.offset() * dir[i];
        int wanted = unstable ? 0 : n; // index of the nodes a branch ends at
        double[] closest = {Double.POSITIVE_INFINITY};
        int[] closestIdx = {-1};
        double[] v = new double[n];
        Ode.Stop stop = (t, x) -> {
            if (Linear.norm(x) > o.escapeRadius()) return true;
            for (int k = 0; k < points.size(); k++) {
                CriticalPoint q = points.get(k);
                double d = Linear.distance(q.position(), x);
                if (q.morseIndex() == wanted && d < o.arrivalRadius()) return true;
                if (k != s && q.morseIndex() == 1 && d < closest[0]) { closest[0] = d; closestIdx[0] = k; }
            }
            system.velocity(x, v);
            return Linear.norm(v) < 1e-10 && t > 1;
        };
        Ode.Field f = unstable ? Ode.Field.of(system) : Ode.Field.backward(system);
        Ode.Orbit orbit = Ode.dopri(f, 0, x0, o.ode(), stop);
        double[] end = orbit.end();
        int target = -1;
        if (unstable && closest[0] < o.connectionRadius()) target = closestIdx[0];
        else if (Linear.norm(end) <= o.escapeRadius()) {
            int k = points.nearest(end, 1e-4);
            if (k >= 0 && k != s) target = k;
        }
        return new ConnectionGraph.Branch(s, unstable, sign, orbit, target, closestIdx[0], closest[0]);
    }

    /**
     * Signed miss of a branch at another saddle (spec 004 §2.2): integrate the unstable branch of {@code saddle}
     * (side {@code sign}) until it enters the circle |x − s̃| = ρ around {@code other}; m = ⟨x_entry − s̃, e⟩ with
     * {@code orientation} the (fixed) unstable direction of s̃. If it never enters, ±(ρ + closest distance) with
     * the sign of the component along e at closest approach. m changes sign at a heteroclinic flip.
     */
    public static double signedMiss(GradientSystem system, double[] saddle, double[] unstableDir, double[] other,
                                    double[] orientation, double rho, Options o) {
        Check.notNull("system", system);
        int dim = system.dimension();
        Check.vector("saddle", saddle, "system.dimension()", dim);
        Check.vector("unstableDir", unstableDir, "system.dimension()", dim);
        Check.vector("other", other, "system.dimension()", dim);
        Check.vector("orientation", orientation, "system.dimension()", dim);
        Check.positive("rho", rho);
        Check.notNull("o", o);
        int n = saddle.length;
        double[] x0 = new double[n];
        for (int i = 0; i < n; i++) x0[i] = saddle[i] + o.offset() * unstableDir[i];
        double[] best = {Double.POSITIVE_INFINITY, 0};
        double[] entry = new double[n];
        boolean[] entered = {false};
        double[] prev = x0.clone();
        Ode.Field field = Ode.Field.of(system);
        Ode.Stop stop = (t, x) -> {
            double d = Linear.distance(x, other);
            double comp = 0;
            for (int i = 0; i < n; i++) comp += (x[i] - other[i]) * orientation[i];
            if (d < best[0]) { best[0] = d; best[1] = comp; }
            if (d < rho) {
                // locate the crossing of the circle smoothly: bisection on the length of one RK4 step from prev
                double lo = 0, hi = Linear.distance(prev, x) / Math.max(1e-300, speed(system, prev));
                double[] y = x.clone();
                for (int it = 0; it < 60 && hi > 0; it++) {
                    double mid = 0.5 * (lo + hi);
                    if (mid == 0) break;
                    y = Ode.rk4(field, 0, prev, mid, 1, 0, null).end();
                    if (Linear.distance(y, other) < rho) hi = mid; else lo = mid;
                }
                System.arraycopy(y, 0, entry, 0, n);
                entered[0] = true;
                return true;
            }
            System.arraycopy(x, 0, prev, 0, n);
            return Linear.norm(x) > o.escapeRadius() || (t > 1 && speed(system, x) < 1e-9);
        };
        // small max step so the entry point is resolved on the circle
        Ode.dopri(Ode.Field.of(system), 0, x0, o.ode().withMaxStep(Math.min(o.ode().maxStep(), rho / 20)), stop);
        if (entered[0]) {
            double m = 0;
            for (int i = 0; i < n; i++) m += (entry[i] - other[i]) * orientation[i];
            return m;
        }
        return Math.signum(best[1] == 0 ? 1 : best[1]) * (rho + best[0]);
    }

    private static double speed(GradientSystem s, double[] x) {
        double[] v = new double[x.length];
        s.velocity(x, v);
        return Linear.norm(v);
    }

    /**
     * Basins of attraction on a regular grid (spec 004 §1.4).
     *
     * @param lower1 box corner (x₁)  @param upper1 box corner (x₁)
     * @param resolution grid points per axis (201 full, 101 quick)
     * @param dt RK4 step (0.02), tMax horizon (200), captureRadius r_c (1e-3)
     * @param discRadius fractions are over the disc |x| ≤ R when R > 0, else over the box
     */
    public record BasinOptions(double lower1, double upper1, double lower2, double upper2, int resolution, double dt,
                               double tMax, double captureRadius, double discRadius) {
        public BasinOptions {
            Check.interval("lower1", lower1, "upper1", upper1);
            Check.interval("lower2", lower2, "upper2", upper2);
            Check.inRange("resolution", resolution, 2, 4001);
            Check.positive("dt", dt);
            Check.positive("tMax", tMax);
            Check.steps("tMax", tMax, "dt", dt);
            Check.positive("captureRadius", captureRadius);
            Check.nonNegative("discRadius", discRadius);
        }

        public static BasinOptions square(double a, int resolution, double discRadius) {
            return new BasinOptions(-a, a, -a, a, resolution, 0.02, 200, 1e-3, discRadius);
        }

        public BasinOptions withLower1(double lower1) {
            return new BasinOptions(lower1, upper1, lower2, upper2, resolution, dt, tMax, captureRadius, discRadius);
        }

        public BasinOptions withUpper1(double upper1) {
            return new BasinOptions(lower1, upper1, lower2, upper2, resolution, dt, tMax, captureRadius, discRadius);
        }

        public BasinOptions withLower2(double lower2) {
            return new BasinOptions(lower1, upper1, lower2, upper2, resolution, dt, tMax, captureRadius, discRadius);
        }

        public BasinOptions withUpper2(double upper2) {
            return new BasinOptions(lower1, upper1, lower2, upper2, resolution, dt, tMax, captureRadius, discRadius);
        }

        public BasinOptions withResolution(int resolution) {
            return new BasinOptions(lower1, upper1, lower2, upper2, resolution, dt, tMax, captureRadius, discRadius);
        }

        public BasinOptions withDt(double dt) {
            return new BasinOptions(lower1, upper1, lower2, upper2, resolution, dt, tMax, captureRadius, discRadius);
        }

        public BasinOptions withTMax(double tMax) {
            return new BasinOptions(lower1, upper1, lower2, upper2, resolution, dt, tMax, captureRadius, discRadius);
        }

        public BasinOptions withCaptureRadius(double captureRadius) {
            return new BasinOptions(lower1, upper1, lower2, upper2, resolution, dt, tMax, captureRadius, discRadius);
        }

        public BasinOptions withDiscRadius(double discRadius) {
            return new BasinOptions(lower1, upper1, lower2, upper2, resolution, dt, tMax, captureRadius, discRadius);
        }

        /** Inverse of {@link #toMap()}: keys the map does not name keep the value of {@code square(2, 101, 0)}. */
        public static BasinOptions of(java.util.Map<String, ?> map) {
            return org.hopscape.util.RecordMaps.of(map, square(2, 101, 0));
        }

        /** Every component as text (style.md #7; listeners left out); {@link #of} reads it back. */
        public java.util.Map<String, String> toMap() {
            return org.hopscape.util.RecordMaps.toMap(this);
        }
    }

    /**
     * Labels every grid start with the sink its forward orbit reaches (node index in {@code points}; −1 when
     * not captured within tMax — such starts lie on stable manifolds of saddles, measure zero).
     */
    public static BasinMap basins(GradientSystem system, CriticalSet points, BasinOptions o, Progress progress) {
        checkPoints(system, points);
        Check.notNull("o", o);
        Check.notNull("progress", progress);
        Check.sameSize("system.dimension()", system.dimension(), "2 (basin maps are 2-D)", 2);
        int r = o.resolution();
        double[] xs = new double[r], ys = new double[r];
        for (int i = 0; i < r; i++) {
            xs[i] = o.lower1() + (o.upper1() - o.lower1()) * i / (r - 1);
            ys[i] = o.lower2() + (o.upper2() - o.lower2()) * i / (r - 1);
        }
        List<Integer> sinkIdx = new ArrayList<>();
        for (int k = 0; k < points.size(); k++) if (points.get(k).isSink()) sinkIdx.add(k);
        double[][] sinks = sinkIdx.stream().map(k -> points.get(k).position()).toArray(double[][]::new);
        int[][] labels = new int[r][r];
        int steps = (int) Math.ceil(o.tMax() / o.dt());
        double rc2 = o.captureRadius() * o.captureRadius();
        AtomicLong done = new AtomicLong();
        Ode.Field f = Ode.Field.of(system);
        Parallel.forEach("basin rows", r, Parallel.defaultThreads(), j -> {
            for (int i = 0; i < r; i++) {
                int[] hit = {-1};
                Ode.rk4(f, 0, new double[]{xs[i], ys[j]}, o.dt(), steps, 0, (t, x) -> {
                    for (int k = 0; k < sinks.length; k++) {
                        double d0 = x[0] - sinks[k][0], d1 = x[1] - sinks[k][1];
                        if (d0 * d0 + d1 * d1 < rc2) { hit[0] = sinkIdx.get(k); return true; }
                    }
                    return !(Math.abs(x[0]) < 1e6 && Math.abs(x[1]) < 1e6);
                });
                labels[j][i] = hit[0];
            }
            progress.report("basins", done.incrementAndGet(), r);
        });
        return new BasinMap(points, xs, ys, labels, o.discRadius());
    }

    /** The Morse–Smale check of a 2-D system on the disc |x| ≤ R (spec 004 §1.5). */
    public static MorseSmaleCheck check(GradientSystem system, ConnectionGraph graph, double discRadius) {
        Check.notNull("system", system);
        Check.notNull("graph", graph);
        Check.positive("discRadius", discRadius);
        return new MorseSmaleCheck(graph.points().morse(), !graph.hasSaddleConnection(),
                maxRadialVelocity(system, discRadius, 3600), graph.points().eulerCount());
    }

    /** max over |x| = R of ⟨X(x), x⟩ at {@code samples} points (negative ⇒ inward flow, 004 Prop. 23). */
    public static double maxRadialVelocity(GradientSystem system, double radius, int samples) {
        Check.notNull("system", system);
        Check.sameSize("system.dimension()", system.dimension(), "2", 2);
        Check.positive("radius", radius);
        Check.positive("samples", samples);
        double max = Double.NEGATIVE_INFINITY;
        double[] x = new double[2], v = new double[2];
        for (int k = 0; k < samples; k++) {
            double a = 2 * Math.PI * k / samples;
            x[0] = radius * Math.cos(a);
            x[1] = radius * Math.sin(a);
            system.velocity(x, v);
            max = Math.max(max, v[0] * x[0] + v[1] * x[1]);
        }
        return max;
    }

    /** Non-null system and points, every point of the system's dimension. */
    private static void checkPoints(GradientSystem system, CriticalSet points) {
        Check.notNull("system", system);
        Check.notNull("points", points);
        int n = system.dimension();
        for (int k = 0; k < points.size(); k++)
            if (points.get(k).dimension() != n)
                throw new IllegalArgumentException("points[" + k + "] has dimension " + points.get(k).dimension()
                        + " but system.dimension() = " + n + ": the points belong to another system");
    }
}
