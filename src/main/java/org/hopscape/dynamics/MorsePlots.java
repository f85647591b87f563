package org.hopscape.dynamics;

import org.hopscape.plot.Panels;
import org.hopscape.util.Check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Phase-plane panels of any planar gradient system on a {@link Panels} grid, drawn in the conventions of 004's
 * figures: background = V (filled contours), grey = trajectories from a grid of starts, black dots = sinks, white
 * crosses = saddles, hollow circles = sources, blue = unstable branches of the saddles, red = a saddle connection;
 * basin maps; Gibbs densities; SDE paths.
 */
public final class MorsePlots {
    private MorsePlots() {}

    /** Energy colour scale (dark = low). */
    public static final String ENERGY_SCALE = "Viridis";
    /** Density colour scale. */
    public static final String DENSITY_SCALE = "Hot";

    /** A plotting box [lo₁, hi₁] × [lo₂, hi₂]. */
    public record Box(double lo1, double hi1, double lo2, double hi2) {
        public Box {
            if (!(hi1 > lo1)) throw new IllegalArgumentException("hi1 must be > lo1 (got " + hi1 + " ≤ " + lo1 + ")");
            if (!(hi2 > lo2)) throw new IllegalArgumentException("hi2 must be > lo2 (got " + hi2 + " ≤ " + lo2 + ")");
        }

        public static Box square(double a) {
            return new Box(-a, a, -a, a);
        }

        public double[] grid1(int n) { return lin(lo1, hi1, n); }

        public double[] grid2(int n) { return lin(lo2, hi2, n); }
    }

    static double[] lin(double a, double b, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = a + (b - a) * i / (n - 1);
        return v;
    }

    /** V on a res×res grid, clipped at its 90th percentile so that the quartic walls do not wash out the picture. */
    public static double[][] energyGrid(GradientSystem s, Box b, int res, boolean swap) {
        double[] xs = b.grid1(res), ys = b.grid2(res);
        double[][] z = new double[res][res];
        double[] all = new double[res * res];
        for (int j = 0; j < res; j++)
            for (int i = 0; i < res; i++) {
                double[] x = swap ? new double[]{ys[j], xs[i]} : new double[]{xs[i], ys[j]};
                z[j][i] = s.energy(x);
                all[j * res + i] = z[j][i];
            }
        Arrays.sort(all);
        double cap = all[(int) (0.9 * (all.length - 1))];
        for (double[] row : z) for (int i = 0; i < row.length; i++) row[i] = Math.min(row[i], cap);
        return z;
    }

    /** Forward orbits (RK4, dt 0.02, until tEnd or convergence) from a starts×starts grid of the box. */
    public static List<double[][]> trajectories(GradientSystem s, Box b, int starts, double tEnd, boolean swap) {
        Check.positive("starts", starts);
        List<double[][]> out = new ArrayList<>();
        double[] a = lin(b.lo1(), b.hi1(), starts + 2), c = lin(b.lo2(), b.hi2(), starts + 2);
        Ode.Field f = Ode.Field.of(s);
        double[] v = new double[2];
        double w = Math.max(b.hi1() - b.lo1(), b.hi2() - b.lo2());
        for (int j = 1; j <= starts; j++)
            for (int i = 1; i <= starts; i++) {
                double[] x0 = swap ? new double[]{c[j], a[i]} : new double[]{a[i], c[j]};
                Ode.Orbit o = Ode.rk4(f, 0, x0, 0.01 * w / 4, (int) Math.ceil(tEnd / (0.01 * w / 4)), 4, (t, x) -> {
                    s.velocity(x, v);
                    return Linear.norm(v) < 1e-4 || Linear.norm(x) > 10 * w;
                });
                out.add(xy(o, swap));
            }
        return out;
    }

    static double[][] xy(Ode.Orbit o, boolean swap) {
        return swap ? new double[][]{o.coordinate(1), o.coordinate(0)} : new double[][]{o.coordinate(0), o.coordinate(1)};
    }

    /** Landscape + trajectories + branches + critical points in panel k. */
    public static void phasePortrait(Panels p, int k, GradientSystem s, Box b, CriticalSet pts, ConnectionGraph g,
                                     int starts, boolean swap, String title) {
        phasePortrait(p, k, s, b, pts, g, starts, swap, title, "x₁", "x₂");
    }

    /** As above with the names of the two state coordinates (e.g. "y₁", "y₂" or "u₅", "u₁₁"). */
    public static void phasePortrait(Panels p, int k, GradientSystem s, Box b, CriticalSet pts, ConnectionGraph g,
                                     int starts, boolean swap, String title, String name1, String name2) {
        int res = 81;
        p.contour(k, b.grid1(res), b.grid2(res), energyGrid(s, b, res, swap), ENERGY_SCALE, 24);
        if (starts > 0) p.lines(k, trajectories(s, b, starts, 20, swap), "rgba(220,220,220,0.55)", 0.8, "trajectories");
        if (g != null) branches(p, k, g, swap);
        if (pts != null) criticalPoints(p, k, pts, swap);
        p.panelTitle(k, title);
        String x1 = swap ? name2 : name1, x2 = swap ? name1 : name2;
        p.axes(k, x1, x2, b.lo1(), b.hi1(), b.lo2(), b.hi2());
    }

    /** The unstable branches (blue; red when they form a saddle connection). */
    public static void branches(Panels p, int k, ConnectionGraph g, boolean swap) {
        List<double[][]> normal = new ArrayList<>(), conn = new ArrayList<>();
        for (ConnectionGraph.Branch br : g.branches()) {
            if (!br.unstable()) continue;
            boolean c = br.end() >= 0 && g.points().get(br.end()).isSaddle();
            double[][] path = xy(br.orbit(), swap);
            if (c) path = cutAtClosest(path, g.points().get(br.end()).position(), swap);
            (c ? conn : normal).add(path);
        }
        if (!normal.isEmpty()) p.lines(k, normal, "rgb(70,150,255)", 2, "unstable branches");
        if (!conn.isEmpty()) p.lines(k, conn, "red", 3, "saddle connection");
    }

    /** A connecting branch drawn only up to its closest approach to the saddle it runs into. */
    private static double[][] cutAtClosest(double[][] path, double[] target, boolean swap) {
        double t0 = swap ? target[1] : target[0], t1 = swap ? target[0] : target[1];
        int best = 0;
        double bd = Double.POSITIVE_INFINITY;
        for (int i = 0; i < path[0].length; i++) {
            double d = Math.hypot(path[0][i] - t0, path[1][i] - t1);
            if (d < bd) { bd = d; best = i; }
        }
        double[] a = Arrays.copyOf(path[0], best + 2), b = Arrays.copyOf(path[1], best + 2);
        a[best + 1] = t0;
        b[best + 1] = t1;
        return new double[][]{a, b};
    }

    /** Sinks (black dots), saddles (white crosses), sources (hollow circles), labelled. */
    public static void criticalPoints(Panels p, int k, CriticalSet pts, boolean swap) {
        for (int kind = 0; kind < 3; kind++) {
            List<double[]> xs = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < pts.size(); i++) {
                CriticalPoint c = pts.get(i);
                int kk = c.isSink() ? 0 : c.isSource() ? 2 : 1;
                if (kk != kind) continue;
                xs.add(swap ? new double[]{c.x(1), c.x(0)} : c.position());
                labels.add(pts.label(i));
            }
            if (xs.isEmpty()) continue;
            double[] a = xs.stream().mapToDouble(v -> v[0]).toArray(), b = xs.stream().mapToDouble(v -> v[1]).toArray();
            String[] t = labels.toArray(new String[0]);
            switch (kind) {
                case 0 -> p.markers(k, a, b, "circle", "black", 9, "white", "sinks", t);
                case 1 -> p.markers(k, a, b, "x", "white", 10, "black", "saddles", t);
                default -> p.markers(k, a, b, "circle-open", "white", 11, "white", "sources", t);
            }
        }
    }

    /** Basin map (one colour per sink) with the saddles' stable branches as boundaries. */
    public static void basins(Panels p, int k, BasinMap m, ConnectionGraph g, String title) {
        p.heatmap(k, m.x1(), m.x2(), m.grid(), "Portland", false);
        if (g != null) {
            List<double[][]> stable = new ArrayList<>();
            for (ConnectionGraph.Branch br : g.branches()) if (!br.unstable()) stable.add(xy(br.orbit(), false));
            p.lines(k, stable, "white", 2, "stable branches");
        }
        criticalPoints(p, k, m.points(), false);
        p.panelTitle(k, title);
        double[] a = m.x1(), b = m.x2();
        p.axes(k, "x₁", "x₂", a[0], a[a.length - 1], b[0], b[b.length - 1]);
    }

    /** Gibbs density heat map. */
    public static void density(Panels p, int k, Gibbs g, String title) {
        density(p, k, g, title, false);
    }

    /** Gibbs density heat map; with {@code swap} x₂ is drawn horizontally and x₁ vertically. */
    public static void density(Panels p, int k, Gibbs g, String title, boolean swap) {
        double[] h = swap ? g.x2() : g.x1(), v = swap ? g.x1() : g.x2();
        double[][] z = g.density();
        if (swap) {
            double[][] t = new double[z[0].length][z.length];
            for (int j = 0; j < z.length; j++) for (int i = 0; i < z[0].length; i++) t[i][j] = z[j][i];
            z = t;
        }
        p.heatmap(k, h, v, z, DENSITY_SCALE, false);
        p.panelTitle(k, title);
        p.axes(k, swap ? "x₂" : "x₁", swap ? "x₁" : "x₂", h[0], h[h.length - 1], v[0], v[v.length - 1]);
    }

    /** SDE (or ODE) paths over the energy contours, starts as hollow circles. */
    public static void paths(Panels p, int k, GradientSystem s, Box b, List<Ode.Orbit> paths, String title) {
        int res = 101;
        p.contour(k, b.grid1(res), b.grid2(res), energyGrid(s, b, res, false), ENERGY_SCALE, 20);
        String[] colors = {"#ffd166", "#ef476f", "#06d6a0", "#118ab2", "#f78c6b", "#ffffff"};
        for (int i = 0; i < paths.size(); i++)
            p.lines(k, List.<double[][]>of(xy(paths.get(i), false)), colors[i % colors.length], 1, "path " + i);
        double[] a = paths.stream().mapToDouble(o -> o.path()[0][0]).toArray(), c = paths.stream().mapToDouble(o -> o.path()[0][1]).toArray();
        p.markers(k, a, c, "circle-open", "white", 10, "white", "starts", null);
        p.panelTitle(k, title);
        p.axes(k, "x₁", "x₂", b.lo1(), b.hi1(), b.lo2(), b.hi2());
    }

    /**
     * The connection graph as a Hasse diagram: nodes in rows by Morse index (sinks at the bottom), ordered by x₁,
     * edges as lines (red for a saddle connection).
     */
    public static void dag(Panels p, int k, ConnectionGraph g, String title) {
        CriticalSet pts = g.points();
        int n = pts.size();
        double[][] pos = new double[n][2];
        int maxIndex = 0;
        for (int i = 0; i < n; i++) maxIndex = Math.max(maxIndex, pts.get(i).morseIndex());
        for (int idx = 0; idx <= maxIndex; idx++) {
            List<Integer> row = new ArrayList<>();
            for (int i = 0; i < n; i++) if (pts.get(i).morseIndex() == idx) row.add(i);
            for (int r = 0; r < row.size(); r++) { pos[row.get(r)][0] = (r + 1.0) / (row.size() + 1); pos[row.get(r)][1] = idx; }
        }
        List<double[][]> edges = new ArrayList<>(), red = new ArrayList<>();
        for (ConnectionGraph.Edge e : g.edges()) {
            if (e.to() < 0) continue;
            double[][] seg = {{pos[e.from()][0], pos[e.to()][0]}, {pos[e.from()][1], pos[e.to()][1]}};
            (e.saddleConnection() ? red : edges).add(seg);
        }
        if (!edges.isEmpty()) p.lines(k, edges, "black", 1.5, "edges");
        if (!red.isEmpty()) p.lines(k, red, "red", 2.5, "connection");
        String[] labels = pts.labels().toArray(new String[0]);
        double[] a = Arrays.stream(pos).mapToDouble(v -> v[0]).toArray(), b = Arrays.stream(pos).mapToDouble(v -> v[1]).toArray();
        p.markers(k, a, b, "circle", "lightgrey", 14, "black", "nodes", labels);
        p.panelTitle(k, title);
        p.axes(k, "", "Morse index", 0, 1, -0.5, maxIndex + 0.5);
    }
}
