package org.hopscape.papers.review;

import org.hopscape.analysis.AgsMeanField;
import org.hopscape.analysis.PhaseDiagram;
import org.hopscape.analysis.SignalToNoise;
import org.hopscape.analysis.TrajectoryPca;
import org.hopscape.hopfield.ModernHopfield;
import org.hopscape.hopfield.Trajectories;
import org.hopscape.plot.Figures;
import org.hopscape.plot.Notation;
import org.hopscape.plot.Numbers;
import org.hopscape.plot.PlotlyFigure;
import org.hopscape.plot.RawTrace;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.components.threeD.Scene;
import tech.tablesaw.plotly.traces.Scatter3DTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The figures of notebook 01 (paper 001, Yampolskaya &amp; Mehta): canned builders over tablesaw-jsplot. */
public final class HopfieldReviewFigures {
    private HopfieldReviewFigures() {}

    /** Scatter figures keep at most this many trajectory points (every k-th record) to keep pages small. */
    public static final int MAX_POINTS = 20_000;
    /** Marker size of stored patterns. */
    public static final double PATTERN_SIZE = 11;
    /** Tick marks outside both axes: they keep the corner tick labels of x and y apart. */
    static final Map<String, Object> OUTSIDE_TICKS = Map.of("xaxis", Map.of("ticks", "outside", "ticklen", 6),
            "yaxis", Map.of("ticks", "outside", "ticklen", 6));
    static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"};

    // ---- Fig 1D -----------------------------------------------------------------------------------------------

    /** 001 Fig 1D: mean m^μ(t) over runs, with ±1 s.d. as dotted lines. */
    public static Figure orderParametersVsTime(Trajectories t, String title) {
        double[][] mean = t.meanOrderParameters(), sd = t.sdOrderParameters();
        List<Trace> traces = new ArrayList<>();
        for (int mu = 0; mu < t.patternCount(); mu++) {
            double[] m = column(mean, mu), lo = new double[m.length], hi = new double[m.length];
            for (int k = 0; k < m.length; k++) { lo[k] = m[k] - sd[k][mu]; hi[k] = m[k] + sd[k][mu]; }
            String c = COLORS[mu % COLORS.length];
            traces.add(ScatterTrace.builder(t.times(), m).mode(ScatterTrace.Mode.LINE).name(Notation.sup("m", Integer.toString(mu)))
                    .line(Line.builder().color(c).width(2.5).build()).build());
            for (double[] band : new double[][]{lo, hi})
                traces.add(ScatterTrace.builder(t.times(), band).mode(ScatterTrace.Mode.LINE).showLegend(false)
                        .line(Line.builder().color(c).width(1).dash(Line.Dash.DOT).build()).build());
        }
        return new Figure(Figures.layout(Notation.tex(title), "time (sweeps)", "mean generalised order parameter m<sup>μ</sup>"),
                traces.toArray(new Trace[0]));
    }

    // ---- Fig 2A–B ---------------------------------------------------------------------------------------------

    /** 001 Fig 2A: e(m₀) = −½ m₀² (orthonormal patterns), |m₀| ≤ 1 as dashed lines, ±ξ₀ as markers. */
    public static Figure parabola1d() {
        int n = 241;
        double[] m = new double[n], e = new double[n];
        for (int k = 0; k < n; k++) { m[k] = -1.2 + 2.4 * k / (n - 1); e[k] = -0.5 * m[k] * m[k]; }
        List<Trace> traces = new ArrayList<>();
        traces.add(ScatterTrace.builder(m, e).mode(ScatterTrace.Mode.LINE).name("E/N = −½ m₀²")
                .line(Line.builder().color("#444").width(2).build()).build());
        for (double x : new double[]{-1, 1})
            traces.add(ScatterTrace.builder(new double[]{x, x}, new double[]{-0.8, 0.05}).mode(ScatterTrace.Mode.LINE)
                    .showLegend(false).line(Line.builder().color("grey").dash(Line.Dash.DASH).build()).build());
        traces.add(patternMarkers(new double[]{1}, new double[]{-0.5}, true, "ξ₀"));
        traces.add(patternMarkers(new double[]{-1}, new double[]{-0.5}, false, "−ξ₀"));
        return new Figure(Figures.layout("Fig 2A — energy vs m₀ (m<sub>μ≠0</sub> = 0)", "m₀", "E/N"), traces.toArray(new Trace[0]));
    }

    /** 001 Fig 2B: contours of e(m₀, m₁) = −½(m₀² + m₁²) with the four pattern markers (±1, 0), (0, ±1). */
    public static Figure parabola2d() {
        int n = 121;
        double[] g = new double[n];
        for (int k = 0; k < n; k++) g[k] = -1.2 + 2.4 * k / (n - 1);
        double[][] z = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) z[i][j] = -0.5 * (g[i] * g[i] + g[j] * g[j]);
        List<Trace> traces = new ArrayList<>();
        traces.add(contour(g, z, "E/N"));
        traces.add(patternMarkers(new double[]{1, 0}, new double[]{0, 1}, true, "patterns ξ₀, ξ₁"));
        traces.add(patternMarkers(new double[]{-1, 0}, new double[]{0, -1}, false, "negatives −ξ₀, −ξ₁"));
        return square(square("Fig 2B — E/N = −½(m₀² + m₁²)", "m₀", "m₁"), traces.toArray(new Trace[0]));
    }

    // ---- Fig 2C -----------------------------------------------------------------------------------------------

    /** 001 Fig 2C top: T_M, T_c and T_g lines in the (α, T) plane with the four regions labelled. */
    public static Figure phaseDiagram(PhaseDiagram d) {
        List<AgsMeanField.Boundaries> b = d.boundaries();
        double[] t = new double[b.size()], am = new double[b.size()], ac = new double[b.size()];
        for (int k = 0; k < b.size(); k++) { t[k] = b.get(k).temperature(); am[k] = b.get(k).alphaM(); ac[k] = b.get(k).alphaC(); }
        int n = 151;
        double[] ag = new double[n], tg = new double[n];
        for (int k = 0; k < n; k++) { ag[k] = 0.15 * k / (n - 1); tg[k] = AgsMeanField.spinGlassTemperature(ag[k]); }
        List<Trace> traces = new ArrayList<>();
        traces.add(line(close(am, 0), close(t, 1), "T<sub>M</sub>", "#d62728"));
        traces.add(line(close(ac, 0), close(t, 1), "T<sub>c</sub>", "#1f77b4"));
        traces.add(line(ag, tg, "T<sub>g</sub> = 1 + √α", "#2ca02c"));
        traces.add(ScatterTrace.builder(new double[]{0.11, 0.12, 0.09, 0.015}, new double[]{1.2, 0.6, 0.18, 0.25})
                .mode(ScatterTrace.Mode.TEXT).showLegend(false)
                .text(new String[]{"paramagnet", "spin glass", "retrieval metastable", "retrieval stable"}).build());
        Layout layout = Layout.builder().title("Fig 2C (top) — AGS replica-symmetric phase diagram")
                .width(Figures.WIDTH).height(Figures.HEIGHT)
                .xAxis(Axis.builder().title("α = P/N").range(0, 0.15).build())
                .yAxis(Axis.builder().title("T").range(0, 1.4).build()).build();
        return new PlotlyFigure(layout, OUTSIDE_TICKS, traces.toArray(new Trace[0]));
    }

    /**
     * 001 Figs 2C bottom and 3D–F: recorded states on PC1–PC2 coloured by an energy, with ±ξ_μ projected onto the
     * same components (ξ black with a white rim, −ξ white with a black rim).
     */
    public static Figure pcaLandscape(String title, Trajectories t, TrajectoryPca pca, double[][] patterns,
                                      boolean negatives, double[] colour, String colourName) {
        return pcaLandscape(title, t, pca, patterns, negatives, colour, colourName, Double.NaN, Double.NaN);
    }

    /**
     * {@link #pcaLandscape} with the colour scale fixed to [cmin, cmax], so panels drawn with the same range share one
     * scale and can be compared (001 Fig 2C bottom); NaN bounds: the scale of this panel's own values.
     */
    public static Figure pcaLandscape(String title, Trajectories t, TrajectoryPca pca, double[][] patterns,
                                      boolean negatives, double[] colour, String colourName, double cmin, double cmax) {
        if (Double.isNaN(cmin) != Double.isNaN(cmax) || (!Double.isNaN(cmin) && !(cmin < cmax)))
            throw new IllegalArgumentException("cmin < cmax (both finite) or both NaN, got cmin = " + cmin + ", cmax = " + cmax);
        if (t.states() == null) throw new IllegalArgumentException("trajectories were run without keepStates");
        int stride = Math.max(1, (t.states().length + MAX_POINTS - 1) / MAX_POINTS);
        int count = (t.states().length + stride - 1) / stride;
        double[] x = new double[count], y = new double[count], c = new double[count];
        for (int i = 0, k = 0; i < t.states().length; i += stride, k++) {
            double[] pc = pca.project(t.states()[i]);
            x[k] = pc[0]; y[k] = pc[1]; c[k] = colour[i];
        }
        List<Trace> traces = new ArrayList<>();
        traces.add(Double.isNaN(cmin) ? valueScatter(x, y, c, colourName) : valueScatter(x, y, c, colourName, cmin, cmax));
        double[][] pp = pca.projectAll(patterns);
        traces.add(patternMarkers(pp[0], pp[1], true, "stored patterns ξ<sub>μ</sub>"));
        if (negatives) {
            double[] nx = pp[0].clone(), ny = pp[1].clone();
            for (int k = 0; k < nx.length; k++) {
                double[] neg = patterns[k].clone();
                for (int j = 0; j < neg.length; j++) neg[j] = -neg[j];
                double[] q = pca.project(neg);
                nx[k] = q[0]; ny[k] = q[1];
            }
            traces.add(patternMarkers(nx, ny, false, "negatives −ξ<sub>μ</sub>"));
        }
        double[] ev = pca.explainedVarianceRatio();
        Layout layout = Layout.builder().title(Notation.tex(title)).width(Figures.WIDTH).height(Figures.HEIGHT + LEGEND_BAND)
                .xAxis(Axis.builder().title(String.format("PC1 (%.0f%% of variance)", 100 * ev[0])).build())
                .yAxis(Axis.builder().title(String.format("PC2 (%.0f%% of variance)", 100 * ev[1])).build()).build();
        Map<String, Object> extra = new java.util.LinkedHashMap<>(OUTSIDE_TICKS);
        extra.putAll(LEGEND_BELOW);
        return new PlotlyFigure(layout, extra, traces.toArray(new Trace[0]));
    }

    // ---- Fig 3 ------------------------------------------------------------------------------------------------

    /** 001 Fig 3A: contours of Ẽ(m¹, m²) = −β⁻¹ log(e^{βm¹} + e^{βm²}) + ½|m|² with the vertices and m¹ + m² = 1. */
    public static Figure logSumExpLandscape(double beta) {
        int n = 161;
        double[] g = new double[n];
        for (int k = 0; k < n; k++) g[k] = -0.5 + 2.0 * k / (n - 1);
        double[][] z = new double[n][n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) z[i][j] = ModernHopfield.lyapunov(beta, new double[]{g[j], g[i]});
        List<Trace> traces = new ArrayList<>();
        traces.add(contour(g, z, "Ẽ(m̂)"));
        traces.add(RawTrace.of("scatter", Map.of("x", new double[]{-0.5, 1.5}, "y", new double[]{1.5, -0.5}, "mode", "lines",
                "name", "m̂¹ + m̂² = 1", "line", Map.of("color", "white", "dash", "dash", "width", 2))));
        traces.add(patternMarkers(new double[]{1, 0}, new double[]{0, 1}, true, "stored patterns ξ₁, ξ₂"));
        // the white dashed line needs a dark legend background to be seen in the key
        return square(square("Fig 3A — log-sum-exp energy Ẽ(m̂), β = " + Numbers.format(beta), "m̂¹", "m̂²"),
                Map.of("bgcolor", "#bbbbbb"), traces.toArray(new Trace[0]));
    }

    /** 001 Fig 3B: (m^μ, m^ν) of every recorded point, coloured by E^quad/N, with the simplex vertices. */
    public static Figure orderParameterPlane(String title, Trajectories t, int mu, int nu) {
        int stride = Math.max(1, (t.orderParameters().length + MAX_POINTS - 1) / MAX_POINTS);
        int count = (t.orderParameters().length + stride - 1) / stride;
        double[] x = new double[count], y = new double[count], c = new double[count];
        for (int i = 0, k = 0; i < t.orderParameters().length; i += stride, k++) {
            x[k] = t.orderParameters()[i][mu]; y[k] = t.orderParameters()[i][nu]; c[k] = t.quadraticEnergy()[i];
        }
        // the stored patterns in the (m^μ, m^ν) plane: ξ^μ at (1, 0), ξ^ν at (0, 1), every other pattern at (0, 0)
        int p = t.patternCount();
        String others = p == 3 ? "ξ" + sup(3 - mu - nu + 1) : "other ξ";
        Trace marks = RawTrace.of("scatter", Map.of("x", new double[]{1, 0, 0}, "y", new double[]{0, 1, 0},
                "mode", "markers", "showlegend", false, "hoverinfo", "skip",
                "marker", Map.of("size", PATTERN_SIZE, "color", "black", "line", Map.of("color", "white", "width", 2))));
        // labels on white boxes: the origin is where the trajectories and both zero lines cross, so its label sits in
        // the empty quadrant up left with a pointer to the marker
        List<Map<String, Object>> labels = List.of(
                patternLabel(1, 0, "ξ" + sup(mu + 1), 18, 14),
                patternLabel(0, 1, "ξ" + sup(nu + 1), 20, -14),
                patternLabel(0, 0, others, -44, -34));
        return square(square(Notation.tex(title), "m" + sup(mu + 1), "m" + sup(nu + 1)), Map.of(), labels,
                valueScatter(x, y, c, "E^{quad}/N"), marks,
                patternMarkers(new double[]{Double.NaN}, new double[]{Double.NaN}, true, "stored patterns (labelled)"));
    }

    /**
     * The label of a stored pattern at (x, y) in data units, centred (dx, dy) pixels away (x right, y down) on a white
     * box, with a pointer line to the marker when it is farther than three times the marker's size.
     */
    static Map<String, Object> patternLabel(double x, double y, String text, int dx, int dy) {
        Map<String, Object> a = new java.util.LinkedHashMap<>();
        a.put("x", x);
        a.put("y", y);
        a.put("xref", "x");
        a.put("yref", "y");
        a.put("text", text);
        a.put("font", Map.of("size", 14, "color", "black"));
        a.put("bgcolor", "rgba(255,255,255,0.85)");
        a.put("borderpad", 1);
        if (Math.hypot(dx, dy) > 3 * PATTERN_SIZE) {
            a.put("showarrow", true);
            a.put("arrowhead", 0);
            a.put("arrowwidth", 1);
            a.put("arrowcolor", "black");
            a.put("standoff", PATTERN_SIZE / 2 + 1);
            a.put("ax", dx);
            a.put("ay", dy);
        } else {
            a.put("showarrow", false);
            a.put("xshift", dx);
            a.put("yshift", -dy);
        }
        return a;
    }

    /** 001 Fig 3C: (m^1, m^2, m^3) in 3D, coloured by E^quad/N. */
    public static Figure orderParameterSpace(String title, Trajectories t) {
        int stride = Math.max(1, (t.orderParameters().length + MAX_POINTS - 1) / MAX_POINTS);
        int count = (t.orderParameters().length + stride - 1) / stride;
        double[] x = new double[count], y = new double[count], z = new double[count], c = new double[count];
        for (int i = 0, k = 0; i < t.orderParameters().length; i += stride, k++) {
            double[] m = t.orderParameters()[i];
            x[k] = m[0]; y[k] = m[1]; z[k] = m[2]; c[k] = t.quadraticEnergy()[i];
        }
        Trace pts = RawTrace.of("scatter3d", Map.of("x", x, "y", y, "z", z, "mode", "markers", "name", "recorded states",
                "showlegend", false, "marker", Map.of("size", 2, "color", c, "colorscale", "Viridis", "showscale", true,
                        "colorbar", colorBar("E^{quad}/N"))));
        Trace vertices = Scatter3DTrace.builder(new double[]{1, 0, 0}, new double[]{0, 1, 0}, new double[]{0, 0, 1})
                .mode(Scatter3DTrace.Mode.MARKERS).name("stored patterns")
                .marker(Marker.builder().size(7).color("black").build()).build();
        Layout layout = Layout.builder().title(Notation.tex(title))
                .width(Figures.WIDTH).height(Figures.HEIGHT + LEGEND_BAND)
                .scene(Scene.sceneBuilder().xAxis(Axis.builder().title("m¹").build())
                        .yAxis(Axis.builder().title("m²").build()).zAxis(Axis.builder().title("m³").build()).build())
                .build();
        return new PlotlyFigure(layout, LEGEND_BELOW, pts, vertices);
    }

    // ---- signal to noise --------------------------------------------------------------------------------------

    /** Unstable-bit fraction at stored patterns vs α, measured and ½erfc(√(N/2(P−1))) (log scale). */
    public static Figure crosstalk(SignalToNoise.Point[] pts) {
        double[] a = new double[pts.length], e = new double[pts.length], pe = new double[pts.length],
                sd = new double[pts.length], psd = new double[pts.length];
        for (int k = 0; k < pts.length; k++) {
            a[k] = pts[k].alpha(); e[k] = pts[k].errorFraction(); pe[k] = pts[k].predictedErrorFraction();
            sd[k] = pts[k].noiseSd(); psd[k] = Math.sqrt(pts[k].alpha());
        }
        Layout layout = Layout.builder().title("Signal to noise — one-step errors at a stored pattern (N = " + pts[0].n() + ")")
                .width(Figures.WIDTH).height(Figures.HEIGHT)
                .xAxis(Axis.builder().title("α = P/N").build())
                .yAxis(Axis.builder().title("fraction of unstable bits").type(Axis.Type.LOG).build()).build();
        // a dimensionless log axis: ticks as powers of ten (10⁻⁴), not SI prefixes ("100μ")
        return new PlotlyFigure(layout, Map.of("yaxis", Map.of("exponentformat", "power", "dtick", 1)),
                ScatterTrace.builder(a, e).mode(ScatterTrace.Mode.MARKERS).name("measured")
                        .marker(Marker.builder().size(9).color("black").build()).build(),
                ScatterTrace.builder(a, pe).mode(ScatterTrace.Mode.LINE).name("Φ(−1/√α) (Gaussian crosstalk, s.d. √(P/N))")
                        .line(Line.builder().color("#d62728").build()).build());
    }

    /** Crosstalk standard deviation vs √(P/N). */
    public static Figure crosstalkNoise(SignalToNoise.Point[] pts) {
        double[] r = new double[pts.length], sd = new double[pts.length];
        for (int k = 0; k < pts.length; k++) { r[k] = Math.sqrt(pts[k].alpha()); sd[k] = pts[k].noiseSd(); }
        return new Figure(Figures.layout("Crosstalk noise s.d. vs √(P/N)", "√(P/N)", "s.d. of h<sub>i</sub> − ξ<sub>νi</sub>"),
                ScatterTrace.builder(r, sd).mode(ScatterTrace.Mode.MARKERS).name("measured")
                        .marker(Marker.builder().size(9).color("black").build()).build(),
                ScatterTrace.builder(new double[]{0, 1}, new double[]{0, 1}).mode(ScatterTrace.Mode.LINE)
                        .name("√(P/N)").line(Line.builder().color("#d62728").build()).build());
    }

    /** Final overlap after zero-T retrieval from stored patterns vs α, with the RS T = 0 overlap. */
    public static Figure retrievalVsLoading(SignalToNoise.Retrieval[] r) {
        double[] a = new double[r.length], m = new double[r.length];
        for (int k = 0; k < r.length; k++) { a[k] = r[k].alpha(); m[k] = r[k].meanOverlap(); }
        int n = 141;
        double[] ar = new double[n], mr = new double[n];
        for (int k = 0; k < n; k++) {
            ar[k] = 0.005 + 0.295 * k / (n - 1);
            var s = AgsMeanField.retrievalZeroTemperature(ar[k]);
            mr[k] = s == null ? 0 : s.m();
        }
        double[] below = new double[r.length];
        for (int k = 0; k < r.length; k++) below[k] = r[k].meanOverlap() - r[k].minOverlap();
        // few points, each an average over runs: markers with the range down to the worst run, no line through them
        Trace sim = RawTrace.of("scatter", Map.of("x", a, "y", m, "mode", "markers", "name", "simulation: mean, bar to the lowest run",
                "marker", Map.of("size", 9, "color", "black"),
                "error_y", Map.of("type", "data", "symmetric", false, "array", new double[r.length], "arrayminus", below,
                        "color", "#555", "thickness", 1.5, "width", 4)));
        return new Figure(Figures.layout("Retrieval from stored patterns (T = 0, N = " + r[0].n() + ")", "α = P/N",
                "final overlap m<sub>ν</sub>"), sim,
                ScatterTrace.builder(ar, mr).mode(ScatterTrace.Mode.LINE).name("AGS RS, T = 0 (α<sub>c</sub> ≈ 0.138)")
                        .line(Line.builder().color("#d62728").build()).build());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    static Trace patternMarkers(double[] x, double[] y, boolean filled, String name) {
        return ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.MARKERS).name(name)
                .marker(Marker.builder().size(PATTERN_SIZE).color(filled ? "black" : "white")
                        .line(Line.builder().color(filled ? "white" : "black").width(2).build()).build()).build();
    }

    /**
     * {@link #valueScatter} on the fixed colour range [cmin, cmax] shared with other panels, ticks with two decimals (a
     * tick at 0 reads "0.00", never a rounding residue such as "−8.88e−17").
     */
    static Trace valueScatter(double[] x, double[] y, double[] c, String name, double cmin, double cmax) {
        Map<String, Object> bar = colorBar(name);
        bar.put("tickformat", ".2f");
        Map<String, Object> marker = new java.util.LinkedHashMap<>();
        marker.put("size", 3);
        marker.put("color", c);
        marker.put("colorscale", org.hopscape.plot.Keys.SEQUENTIAL);
        marker.put("cmin", cmin);
        marker.put("cmax", cmax);
        marker.put("showscale", true);
        marker.put("colorbar", bar);
        return RawTrace.of("scatter", Map.of("x", x, "y", y, "mode", "markers", "name", Notation.tex(name), "showlegend", false,
                "marker", marker));
    }

    /** Points coloured by a value on the sequential map, with a colour bar titled {@code name} (TeX subset); no legend entry. */
    static Trace valueScatter(double[] x, double[] y, double[] c, String name) {
        return RawTrace.of("scatter", Map.of("x", x, "y", y, "mode", "markers", "name", Notation.tex(name), "showlegend", false,
                "marker", Map.of("size", 3, "color", c, "colorscale", org.hopscape.plot.Keys.SEQUENTIAL, "showscale", true,
                        "colorbar", colorBar(name))));
    }

    /**
     * {@link org.hopscape.plot.Keys#colorBar} with its title on top of the bar, read horizontally (the key of the marks
     * is under the plot, so nothing is above the bar).
     */
    static Map<String, Object> colorBar(String title) {
        Map<String, Object> bar = new java.util.LinkedHashMap<>(org.hopscape.plot.Keys.colorBar(title));
        Map<String, Object> label = new java.util.LinkedHashMap<>(); // Map.of's order changes from one JVM to the next
        label.put("text", Notation.tex(title));
        label.put("side", "top");
        bar.put("title", label);
        bar.put("len", 0.8);
        bar.put("ticklabelposition", "outside bottom"); // a tick at the bar's top end stays clear of the title
        bar.put("y", 0.45);
        return bar;
    }

    /** Filled contours of z on the square grid g × g with a colour bar titled {@code name} (TeX subset). */
    static Trace contour(double[] g, double[][] z, String name) {
        return RawTrace.of("contour", Map.of("x", g, "y", g, "z", z, "name", name, "showlegend", false,
                "colorscale", org.hopscape.plot.Keys.SEQUENTIAL, "colorbar", colorBar(name)));
    }

    static Trace line(double[] x, double[] y, String name, String colour) {
        return ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE).name(name)
                .line(Line.builder().color(colour).width(2.5).build()).build();
    }

    /** A figure on {@link #square} axes with one unit of m¹ as long as one of m² (circles drawn as circles). */
    static Figure square(Layout layout, Trace... traces) {
        return square(layout, Map.of(), traces);
    }

    /** {@link #square(Layout, Trace...)} with more legend attributes (e.g. its background). */
    static Figure square(Layout layout, Map<String, Object> legend, Trace... traces) {
        return square(layout, legend, List.of(), traces);
    }

    /** {@link #square(Layout, Map, Trace...)} with layout annotations (labels in data coordinates). */
    @SuppressWarnings("unchecked")
    static Figure square(Layout layout, Map<String, Object> legend, List<Map<String, Object>> annotations, Trace... traces) {
        Map<String, Object> extra = new java.util.LinkedHashMap<>(LEGEND_BELOW);
        Map<String, Object> l = new java.util.LinkedHashMap<>((Map<String, Object>) LEGEND_BELOW.get("legend"));
        l.putAll(legend);
        extra.put("legend", l);
        extra.put("yaxis", Map.of("scaleanchor", "x", "scaleratio", 1));
        if (!annotations.isEmpty()) extra.put("annotations", annotations);
        return new PlotlyFigure(layout, extra, traces);
    }

    /** Extra height for a legend row under the x-axis title. */
    static final int LEGEND_BAND = 40;
    /**
     * The key of the marks in one row at the bottom of the figure (the colour bar takes the right side); the bottom
     * margin leaves the x-axis title above it.
     */
    static final Map<String, Object> LEGEND_BELOW = Map.of(
            "showlegend", true,
            "legend", Map.of("orientation", "h", "x", 0, "xanchor", "left", "y", 0, "yref", "container", "yanchor", "bottom",
                    "font", Map.of("size", 12)),
            "margin", Map.of("b", 80 + LEGEND_BAND));

    static String sup(int k) {
        return Numbers.superscript(k);
    }

    static Layout square(String title, String xTitle, String yTitle) {
        return Layout.builder().title(title).width(Figures.HEIGHT + 120).height(Figures.HEIGHT + LEGEND_BAND)
                .xAxis(Axis.builder().title(xTitle).build())
                .yAxis(Axis.builder().title(yTitle).scaleRatio(1).build()).build();
    }

    /** Appends a final value (closes a curve at its α = 0 / T = 1 end). */
    static double[] close(double[] v, double end) {
        double[] out = java.util.Arrays.copyOf(v, v.length + 1);
        out[v.length] = end;
        return out;
    }

    static double[] column(double[][] m, int c) {
        double[] out = new double[m.length];
        for (int k = 0; k < m.length; k++) out[k] = m[k][c];
        return out;
    }
}
