package org.hopscape.papers.hierarchy;

import org.hopscape.analysis.CoarseGraining;
import org.hopscape.analysis.SeparatrixScan;
import org.hopscape.hopfield.GeneralizedHopfield;
import org.hopscape.learning.Annealing;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Grid;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

import org.hopscape.dynamics.CriticalPoint;
import org.hopscape.dynamics.CriticalPoints;
import org.hopscape.plot.CriticalPointStyle;
import org.hopscape.plot.Numbers;
import org.hopscape.plot.RawTrace;
import org.hopscape.plot.PanelLayout;
import org.hopscape.plot.PlotlyFigure;
import org.hopscape.plot.StreamArrows;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;

/**
 * Planar figures of 002: stream plots with patterns (black) and stable fixed points (red) for Fig 1 (original vs
 * coarse-grained below and above β_crit), Fig 2 (annealing with w₁ = 1) and appendix Figs 1–3. Stream lines are
 * forward flow lines from a seed grid (plotly has no stream plot).
 */
public final class HierarchyFigures {
    private HierarchyFigures() {}

    /** Plot box [−BOX, BOX]² (spec 002 Fig 1). */
    public static final double BOX = 1.3;
    static final int SEEDS = 13;
    static final double STREAM_STEP = 0.015;
    static final int STREAM_STEPS = 120;
    static final int PANEL = 300;
    /** Arc length from its seed at which a stream line gets its arrowhead: half the seed spacing 2·BOX/SEEDS. */
    static final double ARROW_AT = BOX / SEEDS;

    /** Flow lines of a planar model from a SEEDS×SEEDS grid, integrated at unit speed (arc length steps). */
    public static List<double[][]> streamLines(GeneralizedHopfield model) {
        List<double[][]> lines = new ArrayList<>();
        double[] f = new double[2];
        for (int a = 0; a < SEEDS; a++)
            for (int b = 0; b < SEEDS; b++) {
                double[] x = {-BOX + 2 * BOX * (a + 0.5) / SEEDS, -BOX + 2 * BOX * (b + 0.5) / SEEDS};
                double[] xs = new double[STREAM_STEPS + 1], ys = new double[STREAM_STEPS + 1];
                int n = 0;
                xs[n] = x[0]; ys[n++] = x[1];
                for (int s = 0; s < STREAM_STEPS; s++) {
                    model.velocity(x, f);
                    double speed = Math.hypot(f[0], f[1]);
                    if (speed < 1e-3) break;
                    x[0] += STREAM_STEP * f[0] / speed;
                    x[1] += STREAM_STEP * f[1] / speed;
                    xs[n] = x[0]; ys[n++] = x[1];
                }
                lines.add(new double[][] {java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ys, n)});
            }
        return lines;
    }

    /**
     * Traces of one stream panel on subplot axes (xa, ya): grey flow lines with an arrowhead near their seed (the flow
     * direction), black patterns, red stable points, saddles as {@link CriticalPointStyle} crosses (keyed on this
     * panel when {@code legend}).
     */
    static List<Trace> panel(GeneralizedHopfield model, String xa, String ya, boolean legend, String patternColor,
                             String pointColor, String suffix) {
        return panel(model, xa, ya, legend, patternColor, pointColor, suffix, new boolean[] {!legend});
    }

    /**
     * {@link #panel} with the saddle key shared across panels: the first panel that has a saddle while
     * {@code saddleKeyed[0]} is false keys it and sets the flag.
     */
    static List<Trace> panel(GeneralizedHopfield model, String xa, String ya, boolean legend, String patternColor,
                             String pointColor, String suffix, boolean[] saddleKeyed) {
        List<Trace> t = new ArrayList<>();
        List<double[][]> lines = streamLines(model);
        for (double[][] l : lines)
            t.add(ScatterTrace.builder(l[0], l[1]).mode(ScatterTrace.Mode.LINE).showLegend(false)
                    .line(Line.builder().color("rgba(120,120,120,0.45)").width(1).build()).xAxis(xa).yAxis(ya).build());
        t.add(StreamArrows.trace(lines, ARROW_AT, xa, ya, "rgba(90,90,90,0.8)", 7));
        t.add(points(model.memories(), "patterns" + suffix, patternColor, 9, xa, ya, legend));
        List<GeneralizedHopfield.FixedPoint> fps = model.stableFixedPoints2d();
        double[][] p = fps.stream().map(GeneralizedHopfield.FixedPoint::point).toArray(double[][]::new);
        if (p.length > 0) t.add(points(p, "stable points" + suffix, pointColor, 8, xa, ya, legend));
        double[][] s = saddles(model);
        if (s.length > 0) {
            t.addAll(saddleTraces(s, "saddles" + suffix, xa, ya, !saddleKeyed[0]));
            saddleKeyed[0] = true;
        }
        return t;
    }

    /** Saddles (Morse index 1) of a symmetric 2-D model inside the plot box; none for other models. */
    static double[][] saddles(GeneralizedHopfield model) {
        if (!model.isSymmetric() || model.dimension() != 2) return new double[0][];
        return CriticalPoints.find(model.asGradientSystem(), CriticalPoints.Options.box(2, BOX, 21)).ofIndex(1).stream()
                .map(CriticalPoint::position).toArray(double[][]::new);
    }

    /** A dark outline under a white cross (the critical-point style), so saddles read on the white page. */
    static List<Trace> saddleTraces(double[][] p, String name, String xa, String ya, boolean legend) {
        double[] x = new double[p.length], y = new double[p.length];
        for (int i = 0; i < p.length; i++) { x[i] = p[i][0]; y[i] = p[i][1]; }
        List<Trace> t = new ArrayList<>();
        for (Map<String, Object> marker : List.of(CriticalPointStyle.saddleOutline(1), CriticalPointStyle.marker(CriticalPointStyle.Kind.SADDLE))) {
            boolean top = marker.get("color").equals("white");
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("x", x);
            m.put("y", y);
            m.put("mode", "markers");
            m.put("name", name);
            m.put("legendgroup", name);
            m.put("showlegend", legend && top);
            m.put("xaxis", xa);
            m.put("yaxis", ya);
            m.put("marker", marker);
            t.add(RawTrace.of("scatter", m));
        }
        return t;
    }

    static Trace points(double[][] p, String name, String color, double size, String xa, String ya, boolean legend) {
        double[] x = new double[p.length], y = new double[p.length];
        for (int i = 0; i < p.length; i++) { x[i] = p[i][0]; y[i] = p[i][1]; }
        return ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.MARKERS).name(name).showLegend(legend)
                .legendGroup(name).marker(Marker.builder().color(color).size(size).build()).xAxis(xa).yAxis(ya).build();
    }

    static Trace line(double[] x, double[] y, String name, String color, Line.Dash dash, double width, String xa, String ya,
                      boolean legend) {
        return ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE).name(name).showLegend(legend).legendGroup(name)
                .line(Line.builder().color(color).width(width).dash(dash).build()).xAxis(xa).yAxis(ya).build();
    }

    /** The part of the line p0 + t·dir inside the plot box, as {xs, ys}. */
    static double[][] clip(double[] p0, double[] dir) {
        double lo = Double.NEGATIVE_INFINITY, hi = Double.POSITIVE_INFINITY;
        for (int j = 0; j < 2; j++) {
            if (Math.abs(dir[j]) < 1e-15) continue;
            double a = (-BOX - p0[j]) / dir[j], b = (BOX - p0[j]) / dir[j];
            lo = Math.max(lo, Math.min(a, b));
            hi = Math.min(hi, Math.max(a, b));
        }
        if (!(lo < hi)) return new double[][] {{}, {}};
        return new double[][] {{p0[0] + lo * dir[0], p0[0] + hi * dir[0]}, {p0[1] + lo * dir[1], p0[1] + hi * dir[1]}};
    }

    static String axis(String base, int index) {
        return index == 0 ? base : base + (index + 1);
    }

    /**
     * Stream panels on a {@link PanelLayout}: every panel the same box [−BOX, BOX]² with equal aspect, tick labels and
     * axis titles only on the outer panels (no doubled or ghost labels), each panel's parameter above it, the
     * legend at the right.
     */
    static Figure grid(String title, int rows, int cols, List<Trace> traces, String... panelTitles) {
        PanelLayout g = new PanelLayout(rows, cols).panelSize(PANEL, PANEL).sharedX("x₁").sharedY("x₂").equalAspect()
                .ranges(-BOX, BOX, -BOX, BOX).rightMargin(170);
        for (int k = 0; k < panelTitles.length && k < rows * cols; k++) g.title(k, panelTitles[k]);
        Map<String, Object> extra = g.layout(title);
        for (Map.Entry<String, Object> e : extra.entrySet())
            if (e.getKey().matches("[xy]axis\\d*") && e.getValue() instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked") Map<String, Object> a = (Map<String, Object>) m;
                a.put("zeroline", false);
                a.put("showgrid", false);
                a.put("showline", true);
                a.put("mirror", true);
                a.put("linecolor", "black");
                a.put("ticks", "outside");
                a.put("ticklen", 4);
            }
        extra.put("legend", Map.of("x", 1.02, "xanchor", "left", "y", 1, "yanchor", "top"));
        Layout layout = Layout.builder().title(title).width(g.width()).height(g.height()).build();
        return new PlotlyFigure(layout, extra, traces.toArray(new Trace[0]));
    }

    /** Spec 002 Fig 1 patterns: Ξ₁ = (cos15°, sin15°), Ξ₂ = (cos15°, −sin15°), Ξ₃ = (−1, 0). */
    public static double[][] fig1Patterns() {
        double c = Math.cos(Math.toRadians(15)), s = Math.sin(Math.toRadians(15));
        return new double[][] {{c, s}, {c, -s}, {-1, 0}};
    }

    /**
     * 002 Fig 1: upper row original Ξ (w = 0), lower row the two x₁ > 0 patterns replaced by their coarse-grained
     * pattern (Eq. 4), one column per β.
     */
    public static Figure fig1(double... betas) {
        double[][] xi = fig1Patterns();
        CoarseGraining.Result cg = CoarseGraining.coarseGrain(xi, new double[3], 0, 1);
        List<Trace> t = new ArrayList<>();
        boolean[] saddleKeyed = {false};
        for (int b = 0; b < betas.length; b++) {
            int top = b, bottom = betas.length + b;
            t.addAll(panel(GeneralizedHopfield.symmetric(xi, new double[3], betas[b]), axis("x", top), axis("y", top),
                    b == 0, "black", "red", "", saddleKeyed));
            t.addAll(panel(cg.model(betas[b]), axis("x", bottom), axis("y", bottom), false, "black", "red", "", saddleKeyed));
        }
        String[] titles = new String[2 * betas.length];
        for (int b = 0; b < betas.length; b++) {
            titles[b] = "original, β = " + Numbers.format(betas[b]);
            titles[betas.length + b] = "coarse-grained, β = " + Numbers.format(betas[b]);
        }
        // β_crit of the pair at angle μ: 2/(1 − cos μ) (002 Prop. E.1, K = 2)
        double betaCrit = CoarseGraining.betaCritEquiangular(2, CoarseGraining.angle(xi[0], xi[1]));
        return grid("Fig 1 — original (top) vs coarse-grained (bottom); β<sub>crit</sub> = " + Numbers.format(betaCrit, 4),
                2, betas.length, t, titles);
    }

    /**
     * Fig 1 numbers per β: stable points with x₁ > 0 for the original and the coarse-grained model, and the largest
     * distance from an original such point to the nearest coarse one.
     */
    public static tech.tablesaw.api.Table fig1Table(double... betas) {
        double[][] xi = fig1Patterns();
        CoarseGraining.Result cg = CoarseGraining.coarseGrain(xi, new double[3], 0, 1);
        var b = tech.tablesaw.api.DoubleColumn.create("beta");
        var no = tech.tablesaw.api.IntColumn.create("original stable (x1>0)");
        var nc = tech.tablesaw.api.IntColumn.create("coarse stable (x1>0)");
        var d = tech.tablesaw.api.DoubleColumn.create("max distance original-coarse");
        var pts = tech.tablesaw.api.StringColumn.create("original points");
        for (double beta : betas) {
            List<double[]> o = rightPoints(GeneralizedHopfield.symmetric(xi, new double[3], beta));
            List<double[]> c = rightPoints(cg.model(beta));
            double worst = 0;
            for (double[] p : o) {
                double best = Double.POSITIVE_INFINITY;
                for (double[] q : c) best = Math.min(best, Math.hypot(p[0] - q[0], p[1] - q[1]));
                worst = Math.max(worst, best);
            }
            b.append(beta); no.append(o.size()); nc.append(c.size()); d.append(worst);
            pts.append(String.join(" ", o.stream().map(HierarchyFigures::fmt).toList()));
        }
        return tech.tablesaw.api.Table.create("Fig 1 fixed points: original vs coarse-grained", b, no, nc, d, pts);
    }

    static List<double[]> rightPoints(GeneralizedHopfield m) {
        return m.stableFixedPoints2d().stream().map(GeneralizedHopfield.FixedPoint::point).filter(p -> p[0] > 0).toList();
    }

    /** Spec 002 Fig 2 patterns at 50° (Ξ₁), 10°, 190°, 230°. */
    public static double[][] fig2Patterns() {
        double[] deg = {50, 10, 190, 230};
        double[][] p = new double[4][];
        for (int i = 0; i < 4; i++) p[i] = SeparatrixScan.unit(deg[i]);
        return p;
    }

    /**
     * 002 Fig 2: stream lines at β = 50 with w = (1, 0, 0, 0); per pattern a deterministic path starting on it:
     * dashed = hold at β = 0 for 10 units (relaxation to x_MPP), solid = ramp 0 → 50 over t = 20.
     */
    public static Figure fig2() {
        double[][] xi = fig2Patterns();
        double[] w = {1, 0, 0, 0};
        GeneralizedHopfield m = GeneralizedHopfield.symmetric(xi, w, 50);
        List<Trace> t = new ArrayList<>(panel(m, "x", "y", true, "black", "red", ""));
        Annealing.Options hold = new Annealing.Options(0, 50, 20, 10, 0.005, 0, 1, null);
        for (int i = 0; i < 4; i++) {
            double[][] path = Annealing.path(m, xi[i], hold, 0.05, 0);
            int split = (int) Math.round(10 / 0.05);
            double[] hx = new double[split + 1], hy = new double[split + 1];
            double[] rx = new double[path.length - split], ry = new double[path.length - split];
            for (int s = 0; s <= split; s++) { hx[s] = path[s][0]; hy[s] = path[s][1]; }
            for (int s = split; s < path.length; s++) { rx[s - split] = path[s][0]; ry[s - split] = path[s][1]; }
            t.add(line(hx, hy, "β = 0 (hold)", "black", Line.Dash.DASH, 2, "x", "y", i == 0));
            t.add(line(rx, ry, "β ramp 0 → 50", "black", Line.Dash.SOLID, 2, "x", "y", i == 0));
        }
        return grid("Fig 2 — annealing with w₁ = 1", 1, 1, t, "w = (1, 0, 0, 0); streams at β = 50");
    }

    /**
     * Fig 2 deterministic paths: x_MPP (β = 0 fixed point, w = (1, 0, 0, 0)) and the largest distance of the four
     * path ends (start on each pattern, hold 10, ramp to β = 50, dt 0.005) from the β = 50 fixed point near Ξ₁.
     */
    public record Fig2Ends(double[] mpp, double[] target, double maxEndError) {}

    public static Fig2Ends fig2Ends() {
        double[][] xi = fig2Patterns();
        double[] w = {1, 0, 0, 0};
        GeneralizedHopfield m = GeneralizedHopfield.symmetric(xi, w, 0);
        double[] mpp = m.relax(new double[2], 0.01, 60);
        double[] target = m.withBeta(50).relax(xi[0], 0.01, 40);
        Annealing.Options hold = new Annealing.Options(0, 50, 20, 10, 0.005, 0, 1, null);
        double worst = 0;
        for (double[] start : xi) {
            double[][] path = Annealing.path(m, start, hold, 1, 0);
            double[] end = path[path.length - 1];
            worst = Math.max(worst, Math.hypot(end[0] - target[0], end[1] - target[1]));
        }
        return new Fig2Ends(mpp, target, worst);
    }

    /**
     * Appendix Fig 1 numbers per cluster: coarse pattern and w* (Eq. 5), the original stable point, the coarse
     * stable point, and distances of the magnitude rule (Eq. 5) and the equal-magnitude rule (Eq. 4).
     */
    public static tech.tablesaw.api.Table appendix1Table() {
        double beta = 3;
        double[][] xi = appendix1Patterns();
        CoarseGraining.Result mag = appendix1Coarse(beta);
        CoarseGraining.Result e1 = CoarseGraining.coarseGrain(xi, new double[6], 0, 1, 2);
        CoarseGraining.Result eq = CoarseGraining.coarseGrain(e1.memories(), e1.weights(), 0, 1, 2);
        var orig = GeneralizedHopfield.symmetric(xi, new double[6], beta).stableFixedPoints2d();
        var cm = mag.model(beta).stableFixedPoints2d();
        var ce = eq.model(beta).stableFixedPoints2d();
        var name = tech.tablesaw.api.StringColumn.create("cluster");
        var pat = tech.tablesaw.api.StringColumn.create("coarse pattern (Eq. 5)");
        var ws = tech.tablesaw.api.DoubleColumn.create("w*");
        var op = tech.tablesaw.api.StringColumn.create("original stable point");
        var cp = tech.tablesaw.api.StringColumn.create("coarse stable point");
        var dm = tech.tablesaw.api.DoubleColumn.create("distance magnitude rule");
        var de = tech.tablesaw.api.DoubleColumn.create("distance equal rule");
        for (int c = 0; c < 2; c++) {
            double[] o = orig.get(c).point();
            name.append(c == 0 ? "A (40-60°)" : "B (200-230°)");
            pat.append(fmt(mag.memories()[c]));
            ws.append(mag.weights()[c]);
            op.append(fmt(o));
            double[] near = nearest(cm, o);
            cp.append(fmt(near));
            dm.append(Math.hypot(near[0] - o[0], near[1] - o[1]));
            double[] ne = nearest(ce, o);
            de.append(Math.hypot(ne[0] - o[0], ne[1] - o[1]));
        }
        return tech.tablesaw.api.Table.create("appendix Fig 1: coarse-graining clusters of unequal magnitude (β = 3)",
                name, pat, ws, op, cp, dm, de);
    }

    static double[] nearest(List<GeneralizedHopfield.FixedPoint> fps, double[] x) {
        double[] best = null;
        double d = Double.POSITIVE_INFINITY;
        for (GeneralizedHopfield.FixedPoint p : fps) {
            double dd = Math.hypot(p.point()[0] - x[0], p.point()[1] - x[1]);
            if (dd < d) { d = dd; best = p.point(); }
        }
        return best;
    }

    /** A point as "(0.966, 0.248)": 3 decimals, no negative zero ("−0.000"). */
    static String fmt(double[] p) {
        return String.format(java.util.Locale.ROOT, "(%.3f, %.3f)", round3(p[0]), round3(p[1]));
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0 + 0.0;
    }

    /** Spec 002 appendix Fig 1 patterns: clusters at 40/50/60° (norms 1, 0.8, 1.2) and 200/215/230° (0.9, 1.1, 1). */
    public static double[][] appendix1Patterns() {
        double[] deg = {40, 50, 60, 200, 215, 230}, r = {1.0, 0.8, 1.2, 0.9, 1.1, 1.0};
        double[][] p = new double[6][];
        for (int i = 0; i < 6; i++) { p[i] = SeparatrixScan.unit(deg[i]); p[i][0] *= r[i]; p[i][1] *= r[i]; }
        return p;
    }

    /** Both clusters of appendix Fig 1 coarse-grained with the magnitude rule (App. Eq. 5) at β. */
    public static CoarseGraining.Result appendix1Coarse(double beta) {
        double[][] xi = appendix1Patterns();
        CoarseGraining.Result a = CoarseGraining.coarseGrainMagnitudes(xi, new double[6], beta, 0, 1, 2);
        return CoarseGraining.coarseGrainMagnitudes(a.memories(), a.weights(), beta, 0, 1, 2);
    }

    /** 002 appendix Fig 1 at β = 3: left original, right coarse-grained (grey = fine patterns, pink = original points). */
    public static Figure appendix1() {
        double beta = 3;
        double[][] xi = appendix1Patterns();
        GeneralizedHopfield orig = GeneralizedHopfield.symmetric(xi, new double[6], beta);
        CoarseGraining.Result cg = appendix1Coarse(beta);
        List<Trace> t = new ArrayList<>(panel(orig, "x", "y", true, "black", "red", ""));
        t.add(points(xi, "fine patterns", "grey", 7, "x2", "y2", true));
        double[][] op = orig.stableFixedPoints2d().stream().map(GeneralizedHopfield.FixedPoint::point).toArray(double[][]::new);
        double[] ox = new double[op.length], oy = new double[op.length];
        for (int i = 0; i < op.length; i++) { ox[i] = op[i][0]; oy[i] = op[i][1]; }
        t.add(ScatterTrace.builder(ox, oy).mode(ScatterTrace.Mode.MARKERS).name("original stable points")
                .marker(Marker.builder().color("rgba(0,0,0,0)").size(16).line(Line.builder().color("hotpink").width(2.5).build()).build())
                .xAxis("x2").yAxis("y2").build());
        t.addAll(panel(cg.model(beta), "x2", "y2", false, "black", "red", ""));
        return grid("Appendix Fig 1 — arbitrary-magnitude coarse-graining (Eq. 5)", 1, 2, t,
                "original, β = " + Numbers.format(beta), "coarse-grained clusters (Eq. 5), β = " + Numbers.format(beta));
    }

    /**
     * 002 appendix Fig 2: two patterns at μ, β, w = (w₁, 0); red dashed = the hyperplane s₁ = s₂,
     * x·(Ξ₁ − Ξ₂) = −w₁/β (paper estimate); blue = numerical boundary point on the segment.
     */
    public static Figure appendix2(double mu, double beta, double... w1s) {
        double[][] xi = SeparatrixScan.twoPatterns(mu);
        List<Trace> t = new ArrayList<>();
        int cols = Math.min(3, w1s.length), rows = (w1s.length + cols - 1) / cols;
        for (int i = 0; i < w1s.length; i++) {
            String xa = axis("x", i), ya = axis("y", i);
            GeneralizedHopfield m = GeneralizedHopfield.symmetric(xi, new double[] {w1s[i], 0}, beta);
            t.addAll(panel(m, xa, ya, i == 0, "black", "red", ""));
            double[] d = {xi[0][0] - xi[1][0], xi[0][1] - xi[1][1]};
            double dd = d[0] * d[0] + d[1] * d[1];
            double[] p0 = {-w1s[i] / beta * d[0] / dd, -w1s[i] / beta * d[1] / dd};
            double[] dir = {-d[1] / Math.sqrt(dd), d[0] / Math.sqrt(dd)};
            double[][] seg = clip(p0, dir);
            t.add(line(seg[0], seg[1], "paper estimate (s₁ = s₂)", "red", Line.Dash.DASH, 2, xa, ya, i == 0));
            double off = SeparatrixScan.twoPatternOffset(xi, w1s[i], beta);
            double[] mid = {(xi[0][0] + xi[1][0]) / 2, (xi[0][1] + xi[1][1]) / 2};
            double[] u = {-d[0] / Math.sqrt(dd), -d[1] / Math.sqrt(dd)};
            if (Double.isFinite(off))
                t.add(points(new double[][] {{mid[0] + off * u[0], mid[1] + off * u[1]}}, "numerical boundary", "blue", 9, xa, ya, i == 0));
        }
        String[] titles = new String[w1s.length];
        for (int i = 0; i < w1s.length; i++) titles[i] = "w₁ = " + Numbers.format(w1s[i]);
        return grid("Appendix Fig 2 — separatrix shift, μ = " + Math.round(Math.toDegrees(mu)) + "°, β = " + Numbers.format(beta),
                rows, cols, t, titles);
    }

    /**
     * 002 appendix Fig 3: Ξ₁ 60°, Ξ₂ 30°, Ξ₃ 150°, w = (w₁, 1, 0), β; grey = Ξ*₁₂ (Eq. 4), red dashed = the
     * hyperplane between the progenitor (w*) and Ξ₃ (paper estimate).
     */
    public static Figure appendix3(double beta, double... w1s) {
        double[][] xi = ProgenitorBasin.patterns();
        List<Trace> t = new ArrayList<>();
        int cols = Math.min(4, w1s.length), rows = (w1s.length + cols - 1) / cols;
        for (int i = 0; i < w1s.length; i++) {
            String xa = axis("x", i), ya = axis("y", i);
            double[] w = ProgenitorBasin.weights(w1s[i]);
            GeneralizedHopfield m = GeneralizedHopfield.symmetric(xi, w, beta);
            t.addAll(panel(m, xa, ya, i == 0, "black", "red", ""));
            CoarseGraining.Result cg = CoarseGraining.coarseGrain(xi, w, 0, 1);
            t.add(points(new double[][] {cg.progenitor()}, "progenitor Ξ*₁₂", "grey", 10, xa, ya, i == 0));
            double[] d = {cg.progenitor()[0] - xi[2][0], cg.progenitor()[1] - xi[2][1]};
            double dd = d[0] * d[0] + d[1] * d[1], c = (w[2] - cg.progenitorWeight()) / beta;
            double[] p0 = {c * d[0] / dd, c * d[1] / dd}, dir = {-d[1] / Math.sqrt(dd), d[0] / Math.sqrt(dd)};
            double[][] seg = clip(p0, dir);
            t.add(line(seg[0], seg[1], "paper estimate", "red", Line.Dash.DASH, 2, xa, ya, i == 0));
        }
        String[] titles = new String[w1s.length];
        for (int i = 0; i < w1s.length; i++) titles[i] = "w₁ = " + Numbers.format(w1s[i]);
        return grid("Appendix Fig 3 — progenitor basin vs w₁, β = " + Numbers.format(beta) + ", w = (w₁, 1, 0)",
                rows, cols, t, titles);
    }
}
