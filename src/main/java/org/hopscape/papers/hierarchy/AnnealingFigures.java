package org.hopscape.papers.hierarchy;

import org.hopscape.learning.Annealing;
import org.hopscape.learning.AnnealingEmbedding;
import org.hopscape.learning.AnnealingFeedback;
import org.hopscape.analysis.PersistenceLength;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Grid;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

import org.hopscape.plot.Keys;
import org.hopscape.plot.Numbers;
import org.hopscape.plot.PanelGrid;
import org.hopscape.plot.Pies;
import org.hopscape.plot.PlotlyFigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures of 002 Fig 3: embedded annealing trajectories coloured by fate (A/C), mean softmax contributions of
 * erythrocyte-bound cells over time (B/D), feedback history, the progenitor sequence by persistence length (E)
 * and the persistence-length map of all progenitor subsets (F). Titles carry the data label ("synthetic …").
 */
public final class AnnealingFigures {
    private AnnealingFigures() {}

    /** One colour per lineage (Ery, Mk, Baso, Mast, Eos, Neut, Mac, DC, B, T, NK). */
    public static final String[] COLORS = {"#d62728", "#ff7f0e", "#8c564b", "#e377c2", "#bcbd22", "#17becf",
            "#2ca02c", "#9467bd", "#1f77b4", "#393b79", "#7f7f7f"};

    static String color(int i) { return COLORS[i % COLORS.length]; }

    /**
     * Fig 3A/C: embedded trajectory points coloured by terminal type; the title carries the number of cells and
     * points, the key shows every lineage at a readable marker size.
     */
    public static Figure embedding(AnnealingEmbedding e, List<String> names, String title) {
        List<Trace> t = new ArrayList<>();
        for (int f = 0; f < names.size(); f++) {
            int ff = f;
            int[] idx = java.util.stream.IntStream.range(0, e.fate().length).filter(i -> e.fate()[i] == ff).toArray();
            if (idx.length == 0) continue;
            double[] x = new double[idx.length], y = new double[idx.length];
            for (int a = 0; a < idx.length; a++) { x[a] = e.coordinates()[idx[a]][0]; y[a] = e.coordinates()[idx[a]][1]; }
            t.add(ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.MARKERS).name(names.get(f))
                    .marker(Marker.builder().size(3).color(color(f)).opacity(0.6).build()).build());
        }
        long cells = java.util.Arrays.stream(e.cell()).distinct().count();
        double[] times = java.util.Arrays.stream(e.time()).distinct().sorted().toArray();
        String full = title + "<br><span style=\"font-size:12px\">" + cells + " cells × " + times.length + " times t = "
                + Numbers.format(times[0]) + "…" + Numbers.format(times[times.length - 1]) + " (" + e.coordinates().length + " points)</span>";
        Layout layout = Layout.builder().title(title).width(760).height(600).build();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("title", Map.of("text", full)); // jsplot would escape the span
        extra.put("legend", Keys.legend(names.size(), 12));
        extra.put("xaxis", Map.of("title", Map.of("text", e.method() + " 1"), "zeroline", false, "showline", true, "mirror", true, "linecolor", "black", "ticks", "outside"));
        extra.put("yaxis", Map.of("title", Map.of("text", e.method() + " 2"), "zeroline", false, "showline", true, "mirror", true, "linecolor", "black", "ticks", "outside"));
        return new PlotlyFigure(layout, extra, t.toArray(new Trace[0]));
    }

    /**
     * Fig 3B/D: stacked mean softmax shares s<sub>i</sub> of cells of type {@code fate} versus β (= 2.5 t), one colour
     * per lineage (keyed above the panel), ticks outside the axes.
     */
    public static Figure shares(Annealing.Run run, int fate, List<String> names, String title) {
        double[][] m = run.meanSoftmax(fate);
        double[] beta = run.snapshotBetas();
        double[] cum = new double[beta.length];
        PanelGrid g = new PanelGrid(title + " (n = " + run.fateCounts()[fate] + " cells)", 1, 1, 0.5).panelWidth(760);
        int n = beta.length;
        for (int i = 0; i < names.size(); i++) {
            // band i as a closed polygon: its upper edge left to right, its lower edge back (no "tonexty", so the
            // key keeps the lineage order)
            double[] x = new double[2 * n], y = new double[2 * n];
            for (int s = 0; s < n; s++) {
                double lower = Math.min(1, cum[s]);
                cum[s] += m[s][i];
                x[s] = beta[s];
                y[s] = Math.min(1, cum[s]);
                x[2 * n - 1 - s] = beta[s];
                y[2 * n - 1 - s] = lower;
            }
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("mode", "lines");
            t.put("x", x);
            t.put("y", y);
            t.put("fill", "toself");
            t.put("fillcolor", color(i));
            t.put("line", Map.of("color", color(i), "width", 0.5));
            t.put("name", names.get(i));
            t.put("hoveron", "fills");
            t.put("hoverinfo", "name");
            g.trace(0, "scatter", t);
        }
        lineageKeys(g, names);
        g.axes(0, "β = 2.5 t", "mean softmax share s<sub>i</sub>", 0, beta[beta.length - 1], 0, 1);
        return g.build();
    }

    /** Feedback history (002 Eq. 36): w<sub>i</sub> per round, one line per lineage. */
    public static Figure feedback(AnnealingFeedback.Result r, String title) {
        int n = r.history().length;
        double[] rounds = new double[n];
        for (int i = 0; i < n; i++) rounds[i] = i;
        double lo = 0, hi = 0;
        for (double[] h : r.history()) for (double v : h) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        double pad = 0.05 * (hi - lo + 1e-9);
        PanelGrid g = new PanelGrid(title, 1, 1, 0.5).panelWidth(760);
        for (int i = 0; i < r.weights().length; i++) {
            double[] w = new double[n];
            for (int s = 0; s < n; s++) w[s] = r.history()[s][i];
            g.lines(0, List.<double[][]>of(new double[][] {rounds, w}), color(i), 1.5, r.names().get(i));
            g.key(r.names().get(i), "lines", null, Map.of("color", color(i), "width", 2));
        }
        g.axes(0, "feedback round", "w<sub>i</sub>", 0, Math.max(1, n - 1), lo - pad, hi + pad);
        return g.build();
    }

    /** One key entry (a square in the lineage colour) per lineage. */
    static void lineageKeys(PanelGrid g, List<String> names) {
        for (int i = 0; i < names.size(); i++)
            g.key(names.get(i), "markers", Map.of("symbol", "square", "size", 11, "color", color(i)), null);
    }

    /**
     * Names of the progenitors of spec 002 Fig 3F (CMP, MEP, GMP, CLP, LMPP, MDP, BMCP; newly described BMkE, EoN),
     * "MPP" for all lineages, the lineage itself for one; otherwise the members joined by "/".
     */
    public static String progenitorName(java.util.Collection<String> members, int lineages) {
        java.util.Set<String> set = new java.util.HashSet<>(members);
        if (set.size() == lineages) return "MPP";
        if (set.size() == 1) return set.iterator().next();
        String name = PROGENITOR_NAMES.get(set);
        return name != null ? name : String.join("/", members);
    }

    private static final Map<java.util.Set<String>, String> PROGENITOR_NAMES = Map.of(
            java.util.Set.of("Ery", "Mk", "Baso", "Mast", "Eos", "Neut", "Mac", "DC"), "CMP",
            java.util.Set.of("Ery", "Mk"), "MEP",
            java.util.Set.of("Neut", "Mac"), "GMP",
            java.util.Set.of("B", "T", "NK"), "CLP",
            java.util.Set.of("Neut", "Mac", "DC", "B", "T", "NK"), "LMPP",
            java.util.Set.of("Mac", "DC"), "MDP",
            java.util.Set.of("Baso", "Mast"), "BMCP",
            java.util.Set.of("Baso", "Mk", "Ery"), "BMkE",
            java.util.Set.of("Eos", "Neut"), "EoN");

    /**
     * Fig 3E: the selected progenitor at each persistence-length step, as a pie of its composition softmax(w<sub>L</sub>)
     * (002 Eq. 4), named (MPP, CMP, …, MEP) with its ℓ<sub>L</sub> under it; one row per weight vector, ℓ increasing
     * from left to right; one colour per lineage keyed above.
     */
    public static Figure progenitorSequence(List<PersistenceLength.Step> top, List<PersistenceLength.Step> bottom,
                                            List<String> names, String topTitle, String bottomTitle, String title) {
        int n = Math.max(top.size(), bottom.size());
        double r = 0.36, x1 = n - 1 + 0.62, y0 = -0.72, y1 = 0.42;
        PanelGrid g = new PanelGrid(title, 2, 1, (y1 - y0) / (x1 + 0.62)).panelWidth(1000);
        Pies pies0 = null;
        for (int row = 0; row < 2; row++) {
            List<PersistenceLength.Step> seq = row == 0 ? top : bottom;
            Pies pies = new Pies(names, colors(names.size()));
            double[] tx = new double[seq.size()], ty = new double[seq.size()];
            String[] text = new String[seq.size()];
            for (int s = 0; s < seq.size(); s++) {
                PersistenceLength.Step st = seq.get(s);
                List<String> members = List.of(st.label().split("\\+"));
                String name = progenitorName(members, names.size());
                pies.add(s, 0, r, st.composition(), "black", 1, name + " (" + st.label().replace("+", ", ") + ")");
                tx[s] = s;
                ty[s] = -r - 0.08;
                text[s] = "<b>" + name + "</b><br>ℓ<sub>L</sub> = " + Numbers.format(st.length());
            }
            pies.draw(g, row);
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("mode", "text");
            t.put("x", tx);
            t.put("y", ty);
            t.put("text", text);
            t.put("textposition", "bottom center");
            t.put("textfont", Map.of("size", 12));
            t.put("hoverinfo", "skip");
            g.trace(row, "scatter", t);
            g.axes(row, "", "", -0.62, x1, y0, y1).equalAspect(row).hideAxes(row)
                    .panelTitle(row, (row == 0 ? topTitle : bottomTitle) + " — persistence length ℓ<sub>L</sub> increases →");
            if (pies0 == null) pies0 = pies;
        }
        pies0.keys(g);
        return g.build();
    }

    static String[] colors(int n) {
        String[] c = new String[n];
        for (int i = 0; i < n; i++) c[i] = color(i);
        return c;
    }

    /**
     * Fig 3F: every progenitor subset at radius ℓ<sub>L</sub> = 1/μ<sub>L</sub>² and the angle of its composition
     * (spec 002 §3 Fig 3F layout): unobserved subsets as grey dots, observed progenitors as named pies of their
     * composition with a black rim, newly described ones with a red rim; lineages on the outer ring, dotted circles at
     * round ℓ. Equal aspect: the rings are circles.
     */
    public static Figure persistenceMap(PersistenceLength pl, double[] w, List<String> order, List<List<String>> observed,
                                        List<List<String>> newlyDescribed, String title) {
        List<String> names = pl.names();
        int[] masks = pl.progenitorSubsets();
        double[] x = new double[masks.length], y = new double[masks.length];
        String[] hover = new String[masks.length];
        double rMax = 0;
        for (int a = 0; a < masks.length; a++) {
            double[] p = pl.position(masks[a], w, order);
            x[a] = p[0]; y[a] = p[1];
            hover[a] = pl.label(masks[a]).replace("+", ", ") + "<br>ℓ<sub>L</sub> = " + Numbers.format(pl.length(masks[a]));
            rMax = Math.max(rMax, Math.hypot(p[0], p[1]));
        }
        double step = rMax > 4 ? 1 : rMax > 2 ? 0.5 : 0.25, outer = Math.ceil(rMax / step - 1e-9) * step;
        double ring = Math.max(1.1 * rMax, outer + 0.5 * step), half = ring + 0.12 * rMax, pieR = 0.055 * rMax;
        PanelGrid g = new PanelGrid(title, 1, 1, 1).panelWidth(680);
        g.axes(0, "", "", -half, half, -half, half).equalAspect(0).hideAxes(0);
        // dotted reference circles at round ℓ, labelled along the ray between the first and the last lineage
        List<double[][]> circles = new ArrayList<>();
        List<Double> lx = new ArrayList<>(), ly = new ArrayList<>();
        List<String> lt = new ArrayList<>();
        double ray = -Math.PI / order.size();
        for (double l = step; l <= outer + 1e-9; l += step) {
            double[][] c = Pies.circle(0, 0, l);
            circles.add(c);
            lx.add(l * Math.cos(ray)); ly.add(l * Math.sin(ray)); lt.add("ℓ = " + Numbers.format(l));
        }
        g.lines(0, circles, Map.of("color", "rgba(0,0,0,0.25)", "width", 0.8, "dash", "dot"), "ℓ circles");
        g.markers(0, x, y, Map.of("size", 4, "color", "rgba(120,120,120,0.55)"), "other subsets", hover);
        Pies pies = new Pies(names, colors(names.size()));
        List<Double> nx = new ArrayList<>(), ny = new ArrayList<>();
        List<String> nt = new ArrayList<>(), pos = new ArrayList<>();
        for (int kind = 0; kind < 2; kind++)
            for (List<String> set : kind == 0 ? observed : newlyDescribed) {
                int m = pl.mask(set.toArray(new String[0]));
                double[] p = pl.position(m, w, order);
                String name = progenitorName(set, names.size());
                pies.add(p[0], p[1], pieR, pl.composition(m, w), kind == 0 ? "black" : "red", 2,
                        name + " (" + String.join(", ", set) + "), ℓ<sub>L</sub> = " + Numbers.format(pl.length(m)));
                double ang = Math.atan2(p[1], p[0]), d = Math.hypot(p[0], p[1]) + pieR * 1.15;
                nx.add(d * Math.cos(ang)); ny.add(d * Math.sin(ang)); nt.add("<b>" + name + "</b>");
                pos.add((Math.sin(ang) >= 0 ? "top " : "bottom ") + (Math.cos(ang) >= 0 ? "right" : "left"));
            }
        pies.draw(g, 0);
        text(g, nx, ny, nt, pos, 11, "black");
        List<Double> ox = new ArrayList<>(), oy = new ArrayList<>();
        List<String> ot = new ArrayList<>(), opos = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            double th = 2 * Math.PI * i / order.size();
            ox.add(ring * Math.cos(th)); oy.add(ring * Math.sin(th)); ot.add("<b>" + order.get(i) + "</b>");
            opos.add("middle center");
        }
        text(g, ox, oy, ot, opos, 12, null);
        List<String> lpos = new ArrayList<>();
        for (int i = 0; i < lt.size(); i++) lpos.add("bottom center");
        text(g, lx, ly, lt, lpos, 10, "rgb(90,90,90)");
        lineageKeys(g, names);
        g.key("other subsets", "markers", Map.of("size", 6, "color", "rgba(120,120,120,0.7)"), null);
        g.key("observed progenitor", "markers", Map.of("size", 12, "color", "white", "line", Map.of("color", "black", "width", 2)), null);
        g.key("newly described", "markers", Map.of("size", 12, "color", "white", "line", Map.of("color", "red", "width", 2)), null);
        return g.build();
    }

    /** Text marks at data points (per point its position and, if {@code color} is null, its lineage colour by order). */
    private static void text(PanelGrid g, List<Double> x, List<Double> y, List<String> text, List<String> position,
                             int size, String color) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("mode", "text");
        t.put("x", x.stream().mapToDouble(Double::doubleValue).toArray());
        t.put("y", y.stream().mapToDouble(Double::doubleValue).toArray());
        t.put("text", text.toArray(new String[0]));
        t.put("textposition", position.toArray(new String[0]));
        t.put("textfont", Map.of("size", size, "color", color != null ? color : "black"));
        t.put("hoverinfo", "skip");
        g.trace(0, "scatter", t);
    }
}
