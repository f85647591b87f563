package org.hopscape.papers.waddington;

import org.hopscape.analysis.BifurcationDiagram;
import org.hopscape.analysis.FewMemoryTraining;
import org.hopscape.analysis.PhasePlane;
import org.hopscape.analysis.TwoMemorySystem;
import org.hopscape.plot.Attrs;
import org.hopscape.plot.Figures;
import org.hopscape.plot.RawTrace;
import org.hopscape.util.Check;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.threeD.Scene;
import tech.tablesaw.plotly.traces.Trace;

import org.hopscape.plot.Keys;
import org.hopscape.plot.MemoryImages;
import org.hopscape.plot.Notation;
import org.hopscape.plot.Numbers;
import org.hopscape.plot.PlotlyFigure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Figures of 000 part 2 (Figs 5–8): bifurcation diagram, phase planes, splitting paths, transition maps. */
public final class TwoMemoryFigures {
    private TwoMemoryFigures() {}

    /** Colours of the paper's Fig 5: memory nullcline purple, label nullcline orange, stable green, unstable red. */
    public static final String MEMORY_COLOUR = "#7b2cbf", LABEL_COLOUR = "#f77f00", STABLE_COLOUR = "#2a9d3c",
            UNSTABLE_COLOUR = "#d62828", STREAM_COLOUR = "#c8c8c8";
    /** Memory 1 of the splitting figures: blue, apart from the red of unstable fixed points. */
    public static final String MEMORY1_COLOUR = "#1f77b4";
    static final String[] TAB10 = org.hopscape.plot.DigitColors.all();
    static final int PANEL_WIDTH = 300, PANEL_HEIGHT = 340;
    /** Narrowest panel grid: room for its title when the quick setting has a single panel. */
    static final int MIN_GRID_WIDTH = 620;

    /** A result column's name as a label: "alpha_a" → α<sub>a</sub>, "m1_alpha_b" → α<sub>b</sub> of memory 1. */
    static String label(String column) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:m(\\d+)_)?alpha_([ab])").matcher(column);
        if (!m.matches()) return Notation.tex(column);
        return "α<sub>" + m.group(2) + "</sub>" + (m.group(1) == null ? "" : " of memory " + m.group(1));
    }

    // ------------------------------------------------------------------ Fig 5A

    /** Fig 5A centre: fixed points in (α, ℓ, n), colour = n; circles stable, crosses unstable. */
    public static Figure bifurcation3d(BifurcationDiagram d) {
        List<Trace> traces = new ArrayList<>();
        for (boolean stable : new boolean[] {true, false}) {
            List<TwoMemorySystem.FixedPoint> ps = d.points().stream().filter(p -> p.stable() == stable).toList();
            Map<String, Object> marker = new LinkedHashMap<>();
            marker.put("size", stable ? 2.5 : 2.5);
            marker.put("color", ps.stream().mapToDouble(TwoMemorySystem.FixedPoint::n).toArray());
            marker.put("colorscale", "Viridis");
            marker.put("symbol", stable ? "circle" : "x");
            if (stable) marker.put("colorbar", Attrs.of("title", "n"));
            traces.add(RawTrace.of("scatter3d", Attrs.of("mode", "markers", "name", stable ? "stable" : "unstable",
                    "x", ps.stream().mapToDouble(TwoMemorySystem.FixedPoint::alpha).toArray(),
                    "y", ps.stream().mapToDouble(TwoMemorySystem.FixedPoint::ell).toArray(),
                    "z", ps.stream().mapToDouble(TwoMemorySystem.FixedPoint::n).toArray(), "marker", marker)));
        }
        Layout layout = Layout.builder().title("Fixed points of the two-memory system (T<sub>r</sub> = "
                        + fmt(d.system().temperature() / 784) + ")").width(Figures.WIDTH).height(560)
                .scene(Scene.sceneBuilder().xAxis(Axis.builder().title("α").build())
                        .yAxis(Axis.builder().title("ℓ").build()).zAxis(Axis.builder().title("n").build()).build())
                .build();
        // the legend below the scene, clear of the colour bar's title and ticks
        return new PlotlyFigure(layout, Attrs.of("legend", Keys.legend(2, 0)), traces.toArray(new Trace[0]));
    }

    /** Line colour of each kind of count change in the bifurcation projections. */
    static final Map<BifurcationDiagram.Kind, String> KIND_COLOUR = Map.of(BifurcationDiagram.Kind.SADDLE_NODE, "#555555",
            BifurcationDiagram.Kind.BOUNDARY_CROSSING, "#1f77b4", BifurcationDiagram.Kind.OTHER, "#e377c2");

    /**
     * Fig 5A left/right: α and ℓ of the fixed points vs n; a vertical line at every change of the fixed-point
     * count, coloured and named by its kind (saddle-node grey, boundary crossing blue, other pink).
     */
    public static Figure bifurcationProjections(BifurcationDiagram d) {
        List<Trace> traces = new ArrayList<>();
        for (int panel = 0; panel < 2; panel++) {
            for (boolean stable : new boolean[] {true, false}) {
                List<TwoMemorySystem.FixedPoint> ps = d.points().stream().filter(p -> p.stable() == stable).toList();
                double[] y = ps.stream().mapToDouble(panel == 0 ? TwoMemorySystem.FixedPoint::alpha : TwoMemorySystem.FixedPoint::ell).toArray();
                traces.add(scatter(ps.stream().mapToDouble(TwoMemorySystem.FixedPoint::n).toArray(), y, "markers",
                        stable ? STABLE_COLOUR : UNSTABLE_COLOUR, (stable ? "stable" : "unstable") + (panel == 0 ? " α" : " ℓ"),
                        panel + 1, panel == 0));
            }
            for (BifurcationDiagram.CountChange s : d.countChanges())
                traces.add(scatter(new double[] {s.n(), s.n()}, panel == 0 ? new double[] {-0.1, 1} : new double[] {-1, 1},
                        "lines", KIND_COLOUR.get(s.kind()), String.format(java.util.Locale.ROOT, "%s n=%.2f", s.kind().label(), s.n()),
                        panel + 1, panel == 0));
        }
        return grid("Fixed points vs n: α (left), ℓ (right); green stable, red unstable", 1, 2, new String[] {"n"},
                new String[] {"α", "ℓ"}, traces, 900, 420);
    }

    // ------------------------------------------------------------------ Fig 5B

    /** Fig 5B: one phase plane per panel: nullclines, stream lines (where N > 0), fixed points; x = ℓ, y = α. */
    public static Figure phasePlanes(List<PhasePlane> planes) {
        List<Trace> traces = new ArrayList<>();
        for (int k = 0; k < planes.size(); k++) traces.addAll(phaseTraces(planes.get(k), k + 1, k == 0));
        String[] panels = planes.stream().map(p -> "n = " + fmt(p.system().n())).toArray(String[]::new); // each panel's n
        return grid("Nullclines (memory purple, label orange) and flow", 1, planes.size(), new String[] {"ℓ"},
                new String[] {"α"}, panels, traces, Math.max(MIN_GRID_WIDTH, PANEL_WIDTH * planes.size()), PANEL_HEIGHT + 40);
    }

    static List<Trace> phaseTraces(PhasePlane p, int axis, boolean legend) {
        List<Trace> t = new ArrayList<>();
        t.add(scatter(p.streamEll(), p.streamAlpha(), "lines", STREAM_COLOUR, "flow", axis, legend));
        t.add(contour(p.ell(), p.alpha(), p.memoryField(), MEMORY_COLOUR, "memory nullcline", axis, legend));
        t.add(contour(p.ell(), p.alpha(), p.labelField(), LABEL_COLOUR, "label nullcline", axis, legend));
        for (boolean stable : new boolean[] {true, false}) {
            List<TwoMemorySystem.FixedPoint> fs = p.fixedPoints().stream().filter(f -> f.stable() == stable).toList();
            if (fs.isEmpty()) continue;
            t.add(scatterSized(fs.stream().mapToDouble(TwoMemorySystem.FixedPoint::ell).toArray(),
                    fs.stream().mapToDouble(TwoMemorySystem.FixedPoint::alpha).toArray(), stable ? STABLE_COLOUR : UNSTABLE_COLOUR,
                    stable ? "stable fixed point" : "unstable fixed point", axis, legend, 9));
        }
        return t;
    }

    /**
     * Images αA + βB of the fixed points of each plane: one row per plane labelled with its n, each image captioned
     * stable or unstable (memory colour scale of {@link MemoryImages}).
     */
    public static Figure fixedPointImages(List<PhasePlane> planes) {
        double[] a = Set200.row(SplittingDynamics.FIG5_ROW_A), b = Set200.row(SplittingDynamics.FIG5_ROW_B);
        int columns = Math.max(1, planes.stream().mapToInt(p -> p.fixedPoints().size()).max().orElse(1));
        List<double[]> images = new ArrayList<>();
        List<String> captions = new ArrayList<>(), rows = new ArrayList<>();
        for (PhasePlane p : planes) {
            rows.add("n = " + fmt(p.system().n()));
            List<TwoMemorySystem.FixedPoint> fs = p.fixedPoints();
            for (int k = 0; k < columns; k++) {
                images.add(k < fs.size() ? combine(a, b, fs.get(k).alpha(), fs.get(k).beta()) : null);
                captions.add(k < fs.size() ? (fs.get(k).stable() ? "stable" : "unstable") : null);
            }
        }
        return MemoryImages.grid("Fixed-point memories αA + βB, one row per n", images.toArray(new double[0][]), 28, 28,
                columns, rows, null, captions);
    }

    static double[] combine(double[] a, double[] b, double alpha, double beta) {
        double[] m = new double[a.length];
        for (int i = 0; i < a.length; i++) m[i] = alpha * a[i] + beta * b[i];
        return m;
    }

    // ------------------------------------------------------------------ Fig 5C/D

    /**
     * Fig 5C/D: at each epoch of {@code epochs} a panel with the reduced phase plane and the two memories' paths
     * over the preceding {@code window} epochs (memory 1 red, memory 2 black).
     */
    public static Figure splitting(SplittingDynamics s, PhasePlane plane, int[] epochs, int window) {
        List<Trace> traces = new ArrayList<>();
        for (int k = 0; k < epochs.length; k++) {
            int e = Check.inRange("epoch", epochs[k], 0, s.alpha()[0].length - 1);
            traces.addAll(phaseTraces(plane, k + 1, k == 0));
            int from = Math.max(0, e - window);
            for (int mu = 0; mu < 2; mu++) {
                double[] l = Arrays.copyOfRange(s.ell()[mu], from, e + 1), a = Arrays.copyOfRange(s.alpha()[mu], from, e + 1);
                String c = mu == 0 ? MEMORY1_COLOUR : "#111111"; // not the red of unstable fixed points
                traces.add(scatter(l, a, "lines", c, "memory " + (mu + 1), k + 1, k == 0));
                traces.add(scatterSized(new double[] {l[l.length - 1]}, new double[] {a[a.length - 1]}, c, "memory " + (mu + 1) + " now", k + 1, false, 7));
            }
        }
        String[] panels = Arrays.stream(epochs).mapToObj(e -> "epoch " + e).toArray(String[]::new); // each panel's epoch
        return grid("Two memories splitting at n = " + fmt(s.options().n()) + " (paths over the preceding " + window
                + " epochs)", 1, epochs.length, new String[] {"ℓ"}, new String[] {"α"}, panels, traces,
                Math.max(MIN_GRID_WIDTH, PANEL_WIDTH * epochs.length), PANEL_HEIGHT + 40);
    }

    /** The two memories at each stored snapshot (columns: snapshots, rows: memory 1, memory 2). */
    public static Figure splittingImages(SplittingDynamics s) {
        double[][][] snaps = s.snapshots();
        double[][] images = new double[2 * snaps.length][];
        for (int k = 0; k < snaps.length; k++) {
            images[k] = snaps[k][0];
            images[snaps.length + k] = snaps[k][1];
        }
        List<String> epochs = new ArrayList<>();
        for (int k = 0; k < snaps.length; k++) epochs.add(Integer.toString(k * s.options().snapshotEvery()));
        epochs.set(0, "epoch " + epochs.get(0));
        return MemoryImages.grid("Memories 1 and 2 every " + s.options().snapshotEvery() + " epochs, n = "
                + fmt(s.options().n()), images, 28, 28, snaps.length, List.of("memory 1", "memory 2"), epochs, null);
    }

    /** α^μ and ℓ^μ vs epoch for both memories, with the reduced identical-memory map. */
    public static Figure splittingTimeSeries(SplittingDynamics s) {
        int e = s.alpha()[0].length;
        double[] x = new double[e];
        for (int i = 0; i < e; i++) x[i] = i;
        double[] ra = new double[e], rl = new double[e];
        for (int i = 0; i < e; i++) { ra[i] = s.reduced()[i][0]; rl[i] = s.reduced()[i][2]; }
        return Figures.lines("Full two-memory training vs reduced map, n = " + fmt(s.options().n()), "epoch", "α, ℓ", List.of(
                new Figures.Series("α¹", x, s.alpha()[0]), new Figures.Series("α²", x, s.alpha()[1]),
                new Figures.Series("α reduced", x, ra), new Figures.Series("ℓ¹", x, s.ell()[0]),
                new Figures.Series("ℓ²", x, s.ell()[1]), new Figures.Series("ℓ reduced", x, rl)));
    }

    // ------------------------------------------------------------------ Fig 6

    /**
     * Fig 6 E/F: heat map of a coefficient over (n, T_r), T_r increasing downwards, with the analytic line
     * T_line(n)/784 in white.
     */
    public static Figure transitionMap(PrototypeTransition p, String column, int memory, double zmin, double zmax) {
        double[] ns = p.options().ns(), ts = p.options().temperatures();
        double[] tr = Arrays.stream(ts).map(t -> t / 784).toArray();
        Map<String, Object> heat = new LinkedHashMap<>();
        heat.put("x", ns);
        heat.put("y", tr);
        heat.put("z", p.grid(column));
        // a signed range gets the diverging memory map centred on 0 (the sign change is the point, 000 Fig 6F)
        boolean signed = zmin < 0 && zmax > 0;
        heat.put("colorscale", signed ? MemoryImages.COLORSCALE : Keys.SEQUENTIAL);
        heat.put("zmin", zmin);
        heat.put("zmax", zmax);
        if (signed) heat.put("zmid", 0.0);
        heat.put("colorbar", Keys.colorBar(label(column).replace("<sub>", "_").replace("</sub>", ""))); // colorBar applies Notation.tex
        heat.put("name", label(column));
        double[] lineN = PrototypeTransition.range(ns[0], ns[ns.length - 1], 0.1);
        double[] lineT = Arrays.stream(lineN).map(n -> p.lineTemperature(memory, n) / 784).toArray();
        for (int i = 0; i < lineT.length; i++) if (lineT[i] > tr[tr.length - 1] || lineT[i] < tr[0]) lineT[i] = Double.NaN;
        Trace white = RawTrace.of("scatter", Attrs.of("x", lineN, "y", lineT, "mode", "lines", "name", "analytic line",
                "line", Attrs.of("color", "white", "width", 3)));
        Layout layout = Layout.builder().title((p.kind() == PrototypeTransition.Kind.INTRA ? "Intra-digit " : "Inter-digit ")
                        + label(column) + " after " + p.options().epochs() + " epochs; white: mixture and prototype score alike"
                        + quickNote(isQuick(p.options())))
                .width(Figures.WIDTH).height(Figures.HEIGHT)
                .xAxis(Axis.builder().title("n").build())
                .yAxis(Axis.builder().title("T<sub>r</sub>").autoRange(Axis.AutoRange.REVERSED).build()).build();
        return new Figure(layout, RawTrace.of("heatmap", heat), white);
    }

    /** Fig 6 G/H: a coefficient vs n at a few temperatures. */
    public static Figure transitionCurves(PrototypeTransition p, String column, double... temperatures) {
        List<Figures.Series> series = new ArrayList<>();
        double[] ns = p.options().ns();
        for (double t : temperatures)
            series.add(new Figures.Series("T<sub>r</sub> = " + fmt(t / 784), ns, Arrays.stream(ns).map(n -> p.at(column, n, t)).toArray()));
        return Figures.lines(label(column) + " vs n" + quickNote(isQuick(p.options())), "n", label(column), series);
    }

    /**
     * Fig 6 C/D: final memories α_a A + α_b B (the part of the memory in the span of the two samples) on a
     * sub-grid (every {@code nStride}-th n, every {@code tStride}-th T), rows = T (increasing downwards),
     * columns = n. For the inter case {@code memory} selects memory 1 or 2.
     */
    public static Figure transitionImages(PrototypeTransition p, int memory, int nStride, int tStride) {
        double[] a, b;
        String ca, cb;
        if (p.kind() == PrototypeTransition.Kind.INTRA) {
            a = Set200.row(PrototypeTransition.INTRA_ROW_A);
            b = Set200.row(PrototypeTransition.INTRA_ROW_B);
            ca = "alpha_a";
            cb = "alpha_b";
        } else {
            a = Set200.mean(PrototypeTransition.INTER_DIGIT_A);
            b = Set200.mean(PrototypeTransition.INTER_DIGIT_B);
            ca = "m" + memory + "_alpha_a";
            cb = "m" + memory + "_alpha_b";
        }
        double[] ns = p.options().ns(), ts = p.options().temperatures();
        List<double[]> images = new ArrayList<>();
        int cols = 0;
        for (int i = 0; i < ts.length; i += tStride) {
            cols = 0;
            for (int j = 0; j < ns.length; j += nStride, cols++)
                images.add(combine(a, b, p.at(ca, ns[j], ts[i]), p.at(cb, ns[j], ts[i])));
        }
        List<String> rows = new ArrayList<>(), columns = new ArrayList<>();
        for (int i = 0; i < ts.length; i += tStride) rows.add("T<sub>r</sub> = " + fmt(ts[i] / 784));
        for (int j = 0; j < ns.length; j += nStride) columns.add("n = " + fmt(ns[j]));
        return MemoryImages.grid("Final memories α<sub>a</sub>A + α<sub>b</sub>B" + (p.kind() == PrototypeTransition.Kind.INTRA ? ""
                        : " of memory " + memory) + quickNote(isQuick(p.options())), images.toArray(new double[0][]), 28, 28, cols, rows, columns, null);
    }

    // ------------------------------------------------------------------ Fig 7

    /** Orange for the initial condition near the first digit, grey for the other (000 Fig 7). */
    static final String IC_A_COLOUR = "#f4a261", IC_B_COLOUR = "#8d99ae";

    /** Fig 7 middle column: ᾱ of the first digit at the saddle vs n, one panel per T, one curve per initial condition. */
    public static Figure saddleCurves(SaddleProportions.Saddles s) {
        SaddleProportions.Options o = s.options();
        int a = o.digits()[0];
        double[] ts = o.saddleTemperatures(), ns = o.saddleNs();
        List<Trace> traces = new ArrayList<>();
        String[] panels = new String[ts.length];
        for (int k = 0; k < ts.length; k++) {
            double t = ts[k];
            panels[k] = "T<sub>r</sub> = " + fmt(t / 784); // each panel's temperature
            for (int j = 0; j < o.initialDigits().length; j++) {
                int ic = o.initialDigits()[j];
                double[] y = Arrays.stream(ns).map(n -> s.alphaBar(a, n, t, ic)).toArray();
                traces.add(scatter(ns, y, "lines+markers", j == 0 ? IC_A_COLOUR : IC_B_COLOUR, "initialised near " + ic, k + 1, k == 0));
            }
        }
        return grid("ᾱ<sub>" + a + "</sub> of the saddle reached, digits " + Numbers.list(o.digits()) + quickNote(isQuickSaddles(o)),
                1, ts.length, new String[] {"n"}, new String[] {"ᾱ<sub>" + a + "</sub>"}, panels, traces,
                Math.max(MIN_GRID_WIDTH, PANEL_WIDTH * ts.length), PANEL_HEIGHT + 40);
    }

    /** Fig 7 right column: proportion of the first digit among the final memories vs n, per T and initial condition. */
    public static Figure proportionCurves(SaddleProportions.Populations p) {
        SaddleProportions.Options o = p.options();
        double[] ts = o.populationTemperatures(), ns = o.populationNs();
        List<Trace> traces = new ArrayList<>();
        String[] panels = new String[ts.length];
        for (int k = 0; k < ts.length; k++) {
            double t = ts[k];
            panels[k] = "T<sub>r</sub> = " + fmt(t / 784); // each panel's temperature
            for (int j = 0; j < o.initialDigits().length; j++) {
                int ic = o.initialDigits()[j];
                double[] y = Arrays.stream(ns).map(n -> p.proportion(n, t, ic)).toArray();
                traces.add(scatterSized(ns, y, j == 0 ? IC_A_COLOUR : IC_B_COLOUR, "initialised near " + ic, k + 1, k == 0, 9));
            }
        }
        return grid("Proportion of " + o.digits()[0] + "s among final " + o.digits()[0] + "/" + o.digits()[1] + " memories ("
                + o.runs() + (o.runs() == 1 ? " run)" : " runs)") + quickNote(isQuickPopulations(o)), 1, ts.length,
                new String[] {"n"}, new String[] {"proportion"}, panels, traces,
                Math.max(MIN_GRID_WIDTH, PANEL_WIDTH * ts.length), PANEL_HEIGHT + 40);
    }

    /** Fig 7 left column: the saddle memories at temperature T for a few n (rows: initial conditions). */
    public static Figure saddleImages(SaddleProportions.Options o, double t, double... ns) {
        List<double[]> images = new ArrayList<>();
        int item = 1_000_000;
        for (int ic : o.initialDigits())
            for (double n : ns) images.add(SaddleProportions.saddleMemory(o, n, t, ic, item++));
        List<String> rows = Arrays.stream(o.initialDigits()).mapToObj(ic -> "initialised near " + ic).toList();
        List<String> columns = Arrays.stream(ns).mapToObj(n -> "n = " + fmt(n)).toList();
        return MemoryImages.grid("Saddles at T<sub>r</sub> = " + fmt(t / 784), images.toArray(new double[0][]), 28, 28, ns.length,
                rows, columns, null);
    }

    // ------------------------------------------------------------------ Fig 8

    /** Below this many temperatures Fig 8B draws markers and lines instead of filled areas. */
    static final int SPARSE_POINTS = 5;

    /** Fig 8B: populations pop_d (l_d &gt; 0.98) stacked vs T_r (filled areas, or markers when the points are few). */
    public static Figure populationAreas(TemperatureSweep s) {
        double[] tr = s.table().doubleColumn("T_r").asDoubleArray();
        List<Trace> traces = new ArrayList<>();
        for (int d = 0; d < FewMemoryTraining.CLASSES; d++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("x", tr);
            m.put("y", Arrays.stream(s.table().intColumn("pop_" + d).asIntArray()).asDoubleStream().toArray());
            m.put("mode", "lines+markers");
            m.put("stackgroup", "one");
            // few temperatures (quick setting): stacked points joined by lines, no filled areas between them
            if (tr.length < SPARSE_POINTS) {
                m.put("fill", "none");
                m.put("marker", Attrs.of("color", TAB10[d], "size", 8));
            }
            m.put("name", Integer.toString(d));
            m.put("line", Attrs.of("color", TAB10[d], "width", 1));
            traces.add(RawTrace.of("scatter", m));
        }
        Layout layout = Layout.builder().title("Memories per class after training, n = " + fmt(s.options().n())
                        + quickNote(isQuick(s.options())))
                .width(Figures.WIDTH).height(Figures.HEIGHT).xAxis(Axis.builder().title("T<sub>r</sub>").build())
                .yAxis(Axis.builder().title("memories with l<sub>d</sub> > 0.98 (stacked)").build()).build();
        return new Figure(layout, traces.toArray(new Trace[0]));
    }

    /**
     * Fig 8A: two final memories per digit at temperature T (rule of spec §6 Fig 8: label threshold from 1 down
     * by 0.05; below 0.5 the "saddle" memories with Σ_d l_d ≤ −8.8), picked with a seeded stream.
     */
    public static Figure memorySamples(TemperatureSweep s, double t, long seed) {
        var c = s.finalState(t);
        var r = org.hopscape.util.Rng.stream(seed, Double.doubleToLongBits(t));
        double[][] images = new double[2 * FewMemoryTraining.CLASSES][];
        for (int d = 0; d < FewMemoryTraining.CLASSES; d++) {
            List<Integer> pick = new ArrayList<>();
            for (double th = 1; th >= 0.5 - 1e-9 && pick.isEmpty(); th -= 0.05)
                for (int mu = 0; mu < c.memoryCount(); mu++) if (c.label(mu, d) >= th) pick.add(mu);
            if (pick.isEmpty())
                for (int mu = 0; mu < c.memoryCount(); mu++) if (Arrays.stream(c.label(mu)).sum() <= -8.8) pick.add(mu);
            if (pick.isEmpty()) pick.add(0);
            for (int k = 0; k < 2; k++) images[k * FewMemoryTraining.CLASSES + d] = c.memory(pick.get(r.nextInt(pick.size())));
        }
        List<String> columns = new ArrayList<>();
        for (int d = 0; d < FewMemoryTraining.CLASSES; d++) columns.add("digit " + d);
        return MemoryImages.grid("Final memories at T<sub>r</sub> = " + fmt(t / 784) + ", n = " + fmt(s.options().n())
                        + quickNote(isQuick(s.options())), images, 28, 28,
                FewMemoryTraining.CLASSES, List.of("sample 1", "sample 2"), columns, null);
    }

    // ------------------------------------------------------------------ helpers

    static Trace scatter(double[] x, double[] y, String mode, String colour, String name, int axis, boolean legend) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x", x);
        m.put("y", y);
        m.put("mode", mode);
        m.put("name", name);
        m.put("showlegend", legend);
        m.put("xaxis", axis == 1 ? "x" : "x" + axis);
        m.put("yaxis", axis == 1 ? "y" : "y" + axis);
        if (mode.startsWith("lines")) m.put("line", Attrs.of("color", colour, "width", 1.5));
        if (!mode.equals("lines")) m.put("marker", Attrs.of("color", colour, "size", mode.equals("markers") ? 3 : 6));
        return RawTrace.of("scatter", m);
    }

    static Trace scatterSized(double[] x, double[] y, String colour, String name, int axis, boolean legend, double size) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x", x);
        m.put("y", y);
        m.put("mode", "markers");
        m.put("name", name);
        m.put("showlegend", legend);
        m.put("xaxis", axis == 1 ? "x" : "x" + axis);
        m.put("yaxis", axis == 1 ? "y" : "y" + axis);
        m.put("marker", Attrs.of("color", colour, "size", size, "line", Attrs.of("color", "black", "width", 1)));
        return RawTrace.of("scatter", m);
    }

    static Trace contour(double[] x, double[] y, double[][] z, String colour, String name, int axis, boolean legend) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("showlegend", legend);
        m.put("x", x);
        m.put("y", y);
        m.put("z", z);
        m.put("name", name);
        m.put("showscale", false);
        m.put("autocontour", false);
        m.put("contours", Attrs.of("start", 0, "end", 0, "size", 1, "coloring", "none"));
        m.put("line", Attrs.of("color", colour, "width", 2.5));
        m.put("xaxis", axis == 1 ? "x" : "x" + axis);
        m.put("yaxis", axis == 1 ? "y" : "y" + axis);
        m.put("hoverinfo", "skip");
        return RawTrace.of("contour", m);
    }

    static Figure grid(String title, int rows, int cols, String xTitle, String yTitle, List<Trace> traces, int width, int height) {
        return grid(title, rows, cols, new String[] {xTitle}, new String[] {yTitle}, traces, width, height);
    }

    static Figure grid(String title, int rows, int cols, String[] xTitles, String[] yTitles, List<Trace> traces, int width, int height) {
        return grid(title, rows, cols, xTitles, yTitles, null, traces, width, height);
    }

    /** A panel grid with each panel's parameter ({@code panelTitles}, one per panel; null: none) centred above it. */
    static Figure grid(String title, int rows, int cols, String[] xTitles, String[] yTitles, String[] panelTitles,
                       List<Trace> traces, int width, int height) {
        Layout layout = Layout.builder().title(title).width(width).height(height).build();
        return new PanelFigure(layout, rows, cols, xTitles, yTitles, panelTitles, traces.toArray(new Trace[0]));
    }

    // ------------------------------------------------------------------ quick-setting label (spec 000 §8)

    /**
     * What a quick-setting figure's title ends with (spec 000 §8: every quick-setting output is labelled "quick"): a
     * line of its own, as the full-setting figures name their source ({@link org.hopscape.plot.FigureNotes}), so that
     * a long title is not pushed off the canvas.
     */
    static final String QUICK = "<br>quick setting";

    static String quickNote(boolean quick) {
        return quick ? QUICK : "";
    }

    /** Whether the Fig 6 grid (n × T) is the quick one of {@link PrototypeTransition.Options#quick}. */
    static boolean isQuick(PrototypeTransition.Options o) {
        PrototypeTransition.Options q = PrototypeTransition.Options.quick(o.seed(), o.sweep());
        return Arrays.equals(o.ns(), q.ns()) && Arrays.equals(o.temperatures(), q.temperatures());
    }

    /** Whether the Fig 7 saddle grid (T × n) is the quick one of {@link SaddleProportions.Options#quick}. */
    static boolean isQuickSaddles(SaddleProportions.Options o) {
        SaddleProportions.Options q = SaddleProportions.Options.quick();
        return Arrays.equals(o.saddleTemperatures(), q.saddleTemperatures()) && Arrays.equals(o.saddleNs(), q.saddleNs());
    }

    /** Whether the Fig 7 population grid (T × n, runs) is the quick one of {@link SaddleProportions.Options#quick}. */
    static boolean isQuickPopulations(SaddleProportions.Options o) {
        SaddleProportions.Options q = SaddleProportions.Options.quick();
        return Arrays.equals(o.populationTemperatures(), q.populationTemperatures())
                && Arrays.equals(o.populationNs(), q.populationNs()) && o.runs() == q.runs();
    }

    /** Whether the Fig 8 temperatures are the quick ones of {@link TemperatureSweep.Options#quick}. */
    static boolean isQuick(TemperatureSweep.Options o) {
        return Arrays.equals(o.temperatures(), TemperatureSweep.Options.quick(o.seed(), o.sweep()).temperatures());
    }

    static String fmt(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : String.format(java.util.Locale.ROOT, "%.3g", x);
    }
}
