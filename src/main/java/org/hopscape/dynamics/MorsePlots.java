package org.hopscape.dynamics;

import org.hopscape.plot.CriticalPointStyle;
import org.hopscape.plot.DirectedGraph;
import org.hopscape.plot.PanelGrid;
import org.hopscape.util.Check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Phase-plane panels of any planar gradient system on a {@link PanelGrid}, drawn in the conventions of 004's
 * figures ({@link CriticalPointStyle}): background = V (filled contours on a colour scale shared by the panels of a
 * figure), light grey = trajectories from a grid of starts with direction marks, black discs = sinks, white crosses =
 * saddles, hollow circles = sources, blue = unstable branches, red = a saddle connection, labels on white boxes;
 * basin maps; Gibbs densities; SDE paths; the graph of connections as a layered directed graph.
 */
public final class MorsePlots {
    private MorsePlots() {}

    /** Energy colour scale (dark = low). */
    public static final String ENERGY_SCALE = "Viridis";
    /** Density colour scale. */
    public static final String DENSITY_SCALE = "Hot";
    /** Basin colours (red, green, blue shades as in 004 Fig. 2b; more sinks cycle). */
    public static final String[] BASIN_COLORS = {"#e8a0a0", "#a0d8a0", "#a0b8e8", "#e8d890", "#d0a0e0", "#90d8d8"};
    /** Fraction of a box's values below the colour cap: the quartic walls would wash out the picture. */
    public static final double ENERGY_CAP_QUANTILE = 0.9;
    /** Resolution of landscape grids. */
    public static final int LANDSCAPE_RESOLUTION = 81;

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

        /** Height / width. */
        public double aspect() { return (hi2 - lo2) / (hi1 - lo1); }

        /** The box with its axes exchanged (what a {@code swap} panel shows). */
        public Box swapped() { return new Box(lo2, hi2, lo1, hi1); }
    }

    static double[] lin(double a, double b, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = a + (b - a) * i / (n - 1);
        return v;
    }

    /**
     * V on a res×res grid over the box: z[j][i] = V at (grid1[i], grid2[j]), with {@code swap} the state is
     * (grid2[j], grid1[i]) (the first state coordinate drawn vertically). Not clipped.
     */
    public static double[][] energyGrid(GradientSystem s, Box b, int res, boolean swap) {
        double[] xs = b.grid1(res), ys = b.grid2(res);
        double[][] z = new double[res][res];
        for (int j = 0; j < res; j++)
            for (int i = 0; i < res; i++) z[j][i] = s.energy(swap ? new double[]{ys[j], xs[i]} : new double[]{xs[i], ys[j]});
        return z;
    }

    /** A landscape ready to draw: grid coordinates and V (or V − min V). */
    public record Landscape(double[] x, double[] y, double[][] z) {
        /** The value below which {@link #ENERGY_CAP_QUANTILE} of the grid lies. */
        public double cap() {
            double[] all = Arrays.stream(z).flatMapToDouble(Arrays::stream).sorted().toArray();
            return all[(int) (ENERGY_CAP_QUANTILE * (all.length - 1))];
        }

        public double min() {
            return Arrays.stream(z).flatMapToDouble(Arrays::stream).min().orElse(0);
        }
    }

    /** V over the drawn box; with {@code relative} V − min_box V (for figures whose panels differ by an offset or scale). */
    public static Landscape landscape(GradientSystem s, Box drawn, int res, boolean swap, boolean relative) {
        double[][] z = energyGrid(s, drawn, res, swap);
        if (relative) {
            double m = Arrays.stream(z).flatMapToDouble(Arrays::stream).min().orElse(0);
            for (double[] row : z) for (int i = 0; i < row.length; i++) row[i] -= m;
        }
        return new Landscape(drawn.grid1(res), drawn.grid2(res), z);
    }

    /**
     * One colour axis for several landscapes: from the lowest value to the highest of their caps (so every panel is
     * on the same scale and the walls do not wash it out); the bar is titled {@code title}.
     */
    public static PanelGrid.ColorAxis energyAxis(PanelGrid g, List<Landscape> ls, String title, int row) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Landscape l : ls) { lo = Math.min(lo, l.min()); hi = Math.max(hi, l.cap()); }
        if (!(hi > lo)) hi = lo + 1;
        return g.colorAxis(title, ENERGY_SCALE, lo, hi, row);
    }

    /** Filled contours of a landscape on a shared axis (values above the axis' max show in its top colour). */
    public static void contours(PanelGrid g, int k, Landscape l, PanelGrid.ColorAxis axis) {
        double[][] z = new double[l.z().length][];
        for (int j = 0; j < z.length; j++) {
            z[j] = l.z()[j].clone();
            for (int i = 0; i < z[j].length; i++) z[j][i] = Math.min(z[j][i], axis.max());
        }
        g.contour(k, l.x(), l.y(), z, axis, 20);
    }

    /** Forward orbits (RK4 until tEnd or convergence) from a starts×starts grid of the box, in drawn coordinates. */
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

    /**
     * Trajectories with a direction mark where each has run 30 % of its drawn length (skipped for paths shorter
     * than 15 % of the box).
     */
    public static void streamlines(PanelGrid g, int k, List<double[][]> paths, Box drawn, String color, double width) {
        g.lines(k, paths, color, width, "trajectories");
        List<double[]> marks = new ArrayList<>();
        double scale = Math.max(drawn.hi1() - drawn.lo1(), drawn.hi2() - drawn.lo2());
        for (double[][] p : paths) {
            int n = p[0].length;
            double total = 0;
            for (int i = 1; i < n; i++) total += Math.hypot(p[0][i] - p[0][i - 1], p[1][i] - p[1][i - 1]);
            if (total < 0.15 * scale) continue;
            double run = 0;
            for (int i = 1; i < n; i++) {
                run += Math.hypot(p[0][i] - p[0][i - 1], p[1][i] - p[1][i - 1]);
                if (run >= 0.3 * total) {
                    if (inside(drawn, p[0][i], p[1][i]))
                        marks.add(new double[]{p[0][i], p[1][i], p[0][i] - p[0][i - 1], p[1][i] - p[1][i - 1]});
                    break;
                }
            }
        }
        if (marks.isEmpty()) return;
        g.directionMarks(k, marks.stream().mapToDouble(m -> m[0]).toArray(), marks.stream().mapToDouble(m -> m[1]).toArray(),
                marks.stream().mapToDouble(m -> m[2]).toArray(), marks.stream().mapToDouble(m -> m[3]).toArray(),
                "rgb(225,225,225)", 6);
    }

    static boolean inside(Box b, double x, double y) {
        return x >= b.lo1() && x <= b.hi1() && y >= b.lo2() && y <= b.hi2();
    }

    /**
     * Landscape + trajectories + branches + critical points in panel k (equal aspect; the caller titles the panel).
     *
     * @param drawn the box in drawn coordinates (for {@code swap}: first state coordinate vertical)
     */
    public static void phasePortrait(PanelGrid g, int k, GradientSystem s, Box drawn, Landscape l, PanelGrid.ColorAxis axis,
                                     CriticalSet pts, ConnectionGraph graph, int starts, boolean swap, String xName,
                                     String yName) {
        contours(g, k, l, axis);
        if (starts > 0) streamlines(g, k, trajectories(s, swap ? drawn.swapped() : drawn, starts, 20, swap), drawn,
                CriticalPointStyle.TRAJECTORY, 0.8);
        if (graph != null) branches(g, k, graph, swap);
        if (pts != null) criticalPoints(g, k, pts, swap, true);
        g.axes(k, xName, yName, drawn.lo1(), drawn.hi1(), drawn.lo2(), drawn.hi2());
        g.equalAspect(k);
    }

    /**
     * The unstable branches (blue; red when they form a saddle connection), each over a white casing 1 px wider on
     * either side, so a branch stays visible where the map under it is itself blue (a diverging map's negative side).
     */
    public static void branches(PanelGrid g, int k, ConnectionGraph graph, boolean swap) {
        List<double[][]> normal = new ArrayList<>(), conn = new ArrayList<>();
        for (ConnectionGraph.Branch br : graph.branches()) {
            if (!br.unstable()) continue;
            boolean c = br.end() >= 0 && graph.points().get(br.end()).isSaddle();
            double[][] path = xy(br.orbit(), swap);
            if (c) path = cutAtClosest(path, graph.points().get(br.end()).position(), swap);
            (c ? conn : normal).add(path);
        }
        if (!normal.isEmpty()) {
            g.lines(k, normal, CriticalPointStyle.BRANCH_CASING, 4, "unstable branches (casing)");
            g.lines(k, normal, CriticalPointStyle.UNSTABLE_BRANCH, 2, "unstable branches");
        }
        if (!conn.isEmpty()) {
            g.lines(k, conn, CriticalPointStyle.BRANCH_CASING, 5, "saddle connection (casing)");
            g.lines(k, conn, CriticalPointStyle.CONNECTION, 3, "saddle connection");
        }
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

    /** Sinks, saddles, sources in the 004 symbols; with {@code labels} their names on white boxes. */
    public static void criticalPoints(PanelGrid g, int k, CriticalSet pts, boolean swap, boolean labels) {
        for (CriticalPointStyle.Kind kind : CriticalPointStyle.Kind.values()) {
            List<double[]> xs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < pts.size(); i++) {
                CriticalPoint c = pts.get(i);
                if (kind(c) != kind) continue;
                xs.add(swap ? new double[]{c.x(1), c.x(0)} : new double[]{c.x(0), c.x(1)});
                names.add(pts.label(i));
            }
            if (xs.isEmpty()) continue;
            double[] a = xs.stream().mapToDouble(v -> v[0]).toArray(), b = xs.stream().mapToDouble(v -> v[1]).toArray();
            String[] t = names.toArray(new String[0]);
            if (kind == CriticalPointStyle.Kind.SADDLE) g.markers(k, a, b, CriticalPointStyle.saddleOutline(1), "saddle outline", null);
            g.markers(k, a, b, CriticalPointStyle.marker(kind), kind.label(), t);
            if (labels) for (int i = 0; i < a.length; i++) g.label(k, a[i], b[i], t[i]);
        }
    }

    static CriticalPointStyle.Kind kind(CriticalPoint c) {
        return CriticalPointStyle.Kind.of(c.morseIndex(), c.dimension());
    }

    /** Basin map (one colour per sink) with the saddles' stable branches as boundaries. */
    public static void basins(PanelGrid g, int k, BasinMap m, ConnectionGraph graph) {
        int n = m.points().size();
        List<Object> scale = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String c = BASIN_COLORS[i % BASIN_COLORS.length];
            scale.add(List.of(n == 1 ? 0 : (double) i / n, c));
            scale.add(List.of(n == 1 ? 1 : (double) (i + 1) / n, c));
        }
        double[][] z = m.grid();
        for (double[] row : z) for (int i = 0; i < row.length; i++) if (!Double.isNaN(row[i])) row[i] += 0.5;
        g.categories(k, m.x1(), m.x2(), z, scale, 0, n);
        if (graph != null) {
            List<double[][]> stable = new ArrayList<>();
            for (ConnectionGraph.Branch br : graph.branches()) if (!br.unstable()) stable.add(xy(br.orbit(), false));
            g.lines(k, stable, Map.of("color", "black", "width", 1.5, "dash", "dot"), "stable branches");
        }
        criticalPoints(g, k, m.points(), false, true);
        double[] a = m.x1(), b = m.x2();
        g.axes(k, "x₁", "x₂", a[0], a[a.length - 1], b[0], b[b.length - 1]);
        g.equalAspect(k);
    }

    /**
     * Gibbs density heat map on a shared colour axis; with {@code normalise} the density is divided by its maximum
     * (panels of different ε compared by shape); with {@code swap} x₂ is drawn horizontally and x₁ vertically.
     */
    public static void density(PanelGrid g, int k, Gibbs gibbs, PanelGrid.ColorAxis axis, boolean normalise, boolean swap) {
        double[] h = swap ? gibbs.x2() : gibbs.x1(), v = swap ? gibbs.x1() : gibbs.x2();
        double[][] z = gibbs.density();
        if (swap) {
            double[][] t = new double[z[0].length][z.length];
            for (int j = 0; j < z.length; j++) for (int i = 0; i < z[0].length; i++) t[i][j] = z[j][i];
            z = t;
        } else z = Arrays.stream(z).map(double[]::clone).toArray(double[][]::new);
        if (normalise) {
            double max = Arrays.stream(z).flatMapToDouble(Arrays::stream).max().orElse(1);
            for (double[] row : z) for (int i = 0; i < row.length; i++) row[i] /= max;
        }
        g.heatmap(k, h, v, z, axis);
        g.axes(k, swap ? "x₂" : "x₁", swap ? "x₁" : "x₂", h[0], h[h.length - 1], v[0], v[v.length - 1]);
        g.equalAspect(k);
    }

    /** Largest density value of a Gibbs grid. */
    public static double maxDensity(Gibbs gibbs) {
        return Arrays.stream(gibbs.density()).flatMapToDouble(Arrays::stream).max().orElse(0);
    }

    /** SDE (or ODE) paths over the landscape, starts as white circles, sinks as black discs. */
    public static void paths(PanelGrid g, int k, Landscape l, PanelGrid.ColorAxis axis, Box b, List<Ode.Orbit> paths,
                             CriticalSet pts) {
        contours(g, k, l, axis);
        List<double[][]> all = new ArrayList<>();
        for (Ode.Orbit o : paths) all.add(xy(o, false));
        g.lines(k, all, "rgba(255,255,255,0.8)", 0.9, "paths");
        double[] a = paths.stream().mapToDouble(o -> o.path()[0][0]).toArray(), c = paths.stream().mapToDouble(o -> o.path()[0][1]).toArray();
        g.markers(k, a, c, Map.of("symbol", "circle", "color", "white", "size", 8, "line", Map.of("color", "black", "width", 1)),
                "starts", null);
        if (pts != null) criticalPoints(g, k, pts, false, false);
        g.axes(k, "x₁", "x₂", b.lo1(), b.hi1(), b.lo2(), b.hi2());
        g.equalAspect(k);
    }

    /** The connection graph as a {@link DirectedGraph}: layers by Morse index, ordered by the drawn horizontal coordinate. */
    public static DirectedGraph graph(ConnectionGraph g, boolean swap) {
        CriticalSet pts = g.points();
        DirectedGraph d = new DirectedGraph();
        for (int i = 0; i < pts.size(); i++) {
            CriticalPoint c = pts.get(i);
            d.node(pts.label(i), c.morseIndex(), swap ? c.x(1) : c.x(0), kind(c));
        }
        for (ConnectionGraph.Edge e : g.edges()) if (e.to() >= 0) d.edge(e.from(), e.to(), e.saddleConnection());
        return d;
    }

    /** The graph of connections in panel k (full size, layers named "index k"). */
    public static void dag(PanelGrid g, int k, ConnectionGraph graph) {
        graph(graph, false).draw(g, k, false);
    }

    /**
     * The graph of connections as an inset in the corner of panel {@code host} that holds the fewest critical points.
     *
     * @param width  inset width as a fraction of the panel
     * @param height inset height as a fraction of the panel
     * @return the inset's panel index
     */
    public static int dagInset(PanelGrid g, int host, ConnectionGraph graph, Box drawn, boolean swap, double width,
                               double height) {
        String[] corners = {"top right", "top left", "bottom right", "bottom left"};
        String best = corners[0];
        double bestScore = Double.POSITIVE_INFINITY;
        double w = drawn.hi1() - drawn.lo1(), h = drawn.hi2() - drawn.lo2();
        for (String c : corners) {
            boolean top = c.startsWith("top"), right = c.endsWith("right");
            double x0 = right ? drawn.hi1() - width * w : drawn.lo1(), x1 = x0 + width * w;
            double y0 = top ? drawn.hi2() - height * h : drawn.lo2(), y1 = y0 + height * h;
            double score = 0; // critical points under the inset, weighted by how deep inside they sit
            for (CriticalPoint p : graph.points().points()) {
                double a = swap ? p.x(1) : p.x(0), b = swap ? p.x(0) : p.x(1);
                double dx = Math.max(x0 - a, a - x1) / w, dy = Math.max(y0 - b, b - y1) / h;
                double outside = Math.max(dx, dy);
                if (outside < 0.06) score += 1 + (0.06 - outside);
            }
            if (score < bestScore - 1e-12) { bestScore = score; best = c; }
        }
        int k = g.inset(host, best, width, height);
        graph(graph, swap).draw(g, k, true);
        return k;
    }

    /** "2 sinks, 1 saddle" (sources only when present). */
    public static String counts(CriticalSet pts) {
        String s = pts.sinks() + (pts.sinks() == 1 ? " sink" : " sinks") + ", " + pts.saddles()
                + (pts.saddles() == 1 ? " saddle" : " saddles");
        if (pts.sources() > 0) s += ", " + pts.sources() + (pts.sources() == 1 ? " source" : " sources");
        return s;
    }
}
