package org.hopscape.papers.waddington;

import org.hopscape.plot.Attrs;
import org.hopscape.plot.Figures;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.components.Symbol;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

import org.hopscape.plot.DigitColors;
import org.hopscape.plot.Keys;
import org.hopscape.plot.MemoryImages;
import org.hopscape.plot.PanelLayout;
import org.hopscape.plot.PlotlyFigure;
import org.hopscape.plot.RawTrace;
import org.hopscape.util.Check;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;

/** Plotly figures of paper 000 part 1 (Figs. 1–4): memory grids, α profiles, UMAP panels, recognition bands. */
public final class WaddingtonFigures {
    private WaddingtonFigures() {}

    /** matplotlib's tab10, the authors' digit colours. */
    /** The digit colours, identical in every figure of the kit ({@link DigitColors}). */
    public static final String[] TAB10 = DigitColors.all();

    /** Gap between tiled panels, as a fraction of the panel width. */
    static final double PANEL_GAP = 0.12;

    /**
     * Memory images (28×28) tiled in a grid, upright (000 Fig. 1B), on the memory colour scale of every 000 figure
     * ({@link MemoryImages#scale()}: blue −1, white/grey 0, red +1 over the fixed range [−1, 1]) with its colour bar
     * titled "{@value MemoryImages#BAR_TITLE}".
     *
     * @param images  rows of 784 pixels
     * @param columns tiles per row
     */
    public static Figure memoryGrid(String title, double[][] images, int columns) {
        return memoryGrid(title, images, columns, null, null);
    }

    /**
     * {@link #memoryGrid(String, double[][], int)} with each row named at its left ({@code rowLabels}, top row first,
     * plotly text; null: none) and the colour bar titled {@code colourTitle} (TeX subset; null:
     * "{@value MemoryImages#BAR_TITLE}"). Every grid has the one memory scale and a titled bar.
     */
    public static Figure memoryGrid(String title, double[][] images, int columns, List<String> rowLabels, String colourTitle) {
        Check.inRange("columns", columns, 1, Integer.MAX_VALUE);
        int w = 28, h = 28;
        int rows = (images.length + columns - 1) / columns;
        int gw = columns * (w + 1) - 1, gh = rows * (h + 1) - 1;
        double[][] z = new double[gh][gw];
        for (double[] r : z) java.util.Arrays.fill(r, Double.NaN);
        for (int k = 0; k < images.length; k++) {
            int r0 = (k / columns) * (h + 1), c0 = (k % columns) * (w + 1);
            for (int i = 0; i < h; i++) System.arraycopy(images[k], i * w, z[gh - 1 - (r0 + i)], c0, w);
        }
        Double[] x = new Double[gw], y = new Double[gh];
        for (int i = 0; i < gw; i++) x[i] = (double) i;
        for (int i = 0; i < gh; i++) y[i] = (double) i;
        // one scale for both axes so the tiles stay square
        double f = Math.min(5, Math.min(1100.0 / gw, 1400.0 / gh));
        if (rowLabels != null && rowLabels.size() != rows)
            throw new IllegalArgumentException("rowLabels must name the " + rows + " rows, got " + rowLabels.size());
        int labelBand = rowLabels == null ? 0 : 150;   // px left of the tiles for the row names
        Layout layout = Layout.builder().title(title).width((int) (80 + labelBand + f * gw)).height((int) (110 + f * gh))
                .xAxis(Axis.builder().visible(false).build())
                .yAxis(Axis.builder().visible(false).scaleRatio(1).build()).build();
        Map<String, Object> heat = new LinkedHashMap<>();
        heat.put("x", x); heat.put("y", y); heat.put("z", z);
        heat.putAll(MemoryImages.scale());   // the memory map of every 000 figure, fixed range [−1, 1]
        heat.put("colorbar", Keys.colorBar(colourTitle == null ? MemoryImages.BAR_TITLE : colourTitle));
        Map<String, Object> extra = new LinkedHashMap<>();
        if (rowLabels != null) {
            List<Map<String, Object>> notes = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("text", rowLabels.get(r));
                a.put("xref", "paper"); a.put("yref", "y"); a.put("xshift", -8);   // just left of the tiles
                a.put("x", 0); a.put("y", gh - 1 - (r * (h + 1) + (h - 1) / 2.0));
                a.put("xanchor", "right"); a.put("yanchor", "middle");
                a.put("showarrow", false); a.put("align", "right");
                a.put("font", Attrs.of("size", 13));
                notes.add(a);
            }
            extra.put("annotations", notes);
            extra.put("margin", Attrs.of("l", 20 + labelBand));
        }
        return new PlotlyFigure(layout, extra, RawTrace.of("heatmap", heat));
    }

    /**
     * Values over categories 0…len−1 (e.g. the labels l_d of 000 Fig. 1D over digits d): markers only, no line
     * through the categories, one marker symbol per series, every category ticked.
     */
    public static Figure categoricalPoints(String title, String xTitle, String yTitle, List<String> names,
                                           List<double[]> values) {
        if (names.size() != values.size()) throw new IllegalArgumentException("names and values must have the same size");
        Symbol[] symbols = {Symbol.CIRCLE, Symbol.SQUARE, Symbol.DIAMOND, Symbol.TRIANGLE_UP, Symbol.CROSS, Symbol.X};
        List<Trace> traces = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            double[] v = values.get(i), x = new double[v.length];
            // series side by side within each category, so equal values (e.g. every l_4 = 1) do not hide each other
            double dodge = names.size() == 1 ? 0 : 0.5 * (i - (names.size() - 1) / 2.0) / names.size();
            for (int j = 0; j < x.length; j++) x[j] = j + dodge;
            traces.add(ScatterTrace.builder(x, v).mode(ScatterTrace.Mode.MARKERS).name(names.get(i))
                    .marker(Marker.builder().size(10).symbol(symbols[i % symbols.length]).build()).build());
        }
        return new PlotlyFigure(Figures.layout(title, xTitle, yTitle),
                Attrs.of("xaxis", Attrs.of("dtick", 1, "tick0", 0, "zeroline", false),
                        "yaxis", Attrs.of("zeroline", true, "zerolinecolor", "#888")),
                traces.toArray(new Trace[0]));
    }

    /** Above this many points per series, ± s.d. is drawn as a band, not as bars (they would overlap). */
    static final int DENSE_POINTS = 15;

    /**
     * Averaged points (e.g. 000 Fig. 2A: mean over the memories of one run per n) as markers joined by a thin line,
     * each with a symmetric error bar {@code errors.get(i)[j]} (e.g. the s.d. of the table), so few points are not
     * mistaken for a curve; above {@link #DENSE_POINTS} points the ± s.d. is a translucent band.
     */
    public static Figure pointsWithErrors(String title, String xTitle, String yTitle, List<Figures.Series> series,
                                          List<double[]> errors) {
        if (series.size() != errors.size()) throw new IllegalArgumentException("series and errors must have the same size");
        String[] colors = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};
        List<Trace> traces = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Figures.Series s = series.get(i);
            if (errors.get(i).length != s.x().length)
                throw new IllegalArgumentException("errors[" + i + "] must have one value per point");
            String c = colors[i % colors.length];
            boolean dense = s.x().length > DENSE_POINTS;
            if (dense) {
                // many points (the full Fig 2A grid: 59 n): a translucent ± s.d. band instead of overlapping bars
                int m = s.x().length;
                double[] bx = new double[2 * m], by = new double[2 * m];
                for (int j = 0; j < m; j++) {
                    bx[j] = s.x()[j];
                    by[j] = s.y()[j] + errors.get(i)[j];
                    bx[2 * m - 1 - j] = s.x()[j];
                    by[2 * m - 1 - j] = s.y()[j] - errors.get(i)[j];
                }
                traces.add(RawTrace.of("scatter", Attrs.of("x", bx, "y", by, "mode", "lines", "fill", "toself",
                        "fillcolor", Fig1Figures.rgba(c, 0.13), "line", Attrs.of("width", 0), "hoverinfo", "skip",
                        "showlegend", false, "name", s.name() + " ± s.d.")));
            }
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("x", s.x()); t.put("y", s.y()); t.put("name", s.name());
            t.put("mode", "lines+markers");
            t.put("line", Attrs.of("color", c, "width", 1));
            t.put("marker", Attrs.of("color", c, "size", dense ? 5 : 8));
            if (!dense)
                t.put("error_y", Attrs.of("type", "data", "array", errors.get(i), "visible", true, "color", c,
                        "thickness", 1.2, "width", 4));
            traces.add(RawTrace.of("scatter", t));
        }
        return new PlotlyFigure(Figures.layout(title, xTitle, yTitle), Attrs.of("showlegend", true), traces.toArray(new Trace[0]));
    }

    /** One line per profile (e.g. symmetric α orders of 000 Fig. 1C), x = 0…len−1. */
    public static Figure profiles(String title, String xTitle, String yTitle, List<String> names, List<double[]> values) {
        List<Figures.Series> s = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            double[] v = values.get(i), x = new double[v.length];
            for (int j = 0; j < x.length; j++) x[j] = j;
            s.add(new Figures.Series(names.get(i), x, v));
        }
        return Figures.lines(title, xTitle, yTitle, s);
    }

    /**
     * UMAP panels side by side (000 Figs. 2B, 3A/D, 4): reference points as digit-coloured stars, memories as white
     * disks, grey trails. Panels are tiled horizontally in one plot.
     *
     * @param reference  reference embedding (n×2)
     * @param refLabels  digit of each reference point
     * @param panels     memory positions per panel (K×2)
     * @param trails     per panel, per memory, the path (T×2) drawn before it; may be null
     * @param panelNames names shown in the hover text
     */
    public static Figure umapPanels(String title, double[][] reference, int[] refLabels, List<double[][]> panels,
                                    List<double[][][]> trails, List<String> panelNames) {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        for (double[] p : reference) { minX = Math.min(minX, p[0]); maxX = Math.max(maxX, p[0]); }
        for (double[][] pan : panels) for (double[] p : pan) { minX = Math.min(minX, p[0]); maxX = Math.max(maxX, p[0]); }
        double width = (maxX - minX) * (1 + PANEL_GAP);
        List<Trace> traces = new ArrayList<>();
        for (int p = 0; p < panels.size(); p++) {
            double off = p * width;
            for (int d = 0; d < 10; d++) {
                List<double[]> pts = new ArrayList<>();
                for (int i = 0; i < reference.length; i++) if (refLabels[i] == d) pts.add(reference[i]);
                if (pts.isEmpty()) continue;
                double[] xs = new double[pts.size()], ys = new double[pts.size()];
                for (int i = 0; i < xs.length; i++) { xs[i] = pts.get(i)[0] + off; ys[i] = pts.get(i)[1]; }
                traces.add(ScatterTrace.builder(xs, ys).mode(ScatterTrace.Mode.MARKERS).name("digit " + d)
                        .legendGroup("d" + d).showLegend(p == 0)
                        .marker(Marker.builder().color(TAB10[d]).size(6).symbol(Symbol.STAR).opacity(0.7).build()).build());
            }
            if (trails != null && trails.get(p) != null)
                for (double[][] tr : trails.get(p)) {
                    if (tr.length < 2) continue;
                    double[] xs = new double[tr.length], ys = new double[tr.length];
                    for (int i = 0; i < tr.length; i++) { xs[i] = tr[i][0] + off; ys[i] = tr[i][1]; }
                    traces.add(ScatterTrace.builder(xs, ys).mode(ScatterTrace.Mode.LINE).showLegend(false)
                            .line(Line.builder().color("rgba(120,120,120,0.35)").width(1).build()).build());
                }
            double[][] pan = panels.get(p);
            double[] xs = new double[pan.length], ys = new double[pan.length];
            for (int i = 0; i < xs.length; i++) { xs[i] = pan[i][0] + off; ys[i] = pan[i][1]; }
            traces.add(ScatterTrace.builder(xs, ys).mode(ScatterTrace.Mode.MARKERS).name("memories")
                    .legendGroup("mem").showLegend(p == 0)
                    .marker(Marker.builder().color("white").size(7)
                            .line(Line.builder().color("black").width(1).build()).build()).build());
        }
        Layout layout = Layout.builder().title(title).width(Math.min(PanelLayout.COLUMN, 330 * panels.size() + 120)).height(420)
                .plotBgColor("#f4f4f4")
                .xAxis(Axis.builder().visible(false).build()).yAxis(Axis.builder().visible(false).build()).build();
        // each panel's parameter (epoch, n, T_r) above it; the key in rows below the plot, never a scrolling legend
        List<Object> labels = new ArrayList<>();
        for (int p = 0; p < panels.size(); p++) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("text", panelNames.get(p));
            a.put("xref", "x");
            a.put("yref", "paper");
            a.put("x", p * width + (minX + maxX) / 2);
            a.put("y", 1.0);
            a.put("xanchor", "center");
            a.put("yanchor", "bottom");
            a.put("showarrow", false);
            a.put("font", Attrs.of("size", 12));
            labels.add(a);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("annotations", labels);
        extra.put("legend", Keys.legend(11, 0));
        extra.put("margin", Attrs.of("t", 70, "b", 80, "l", 20, "r", 20));
        return new PlotlyFigure(layout, extra, traces.toArray(new Trace[0]));
    }

    /** Stacked bands: band d = values[t][d] / total, stacked in digit order (000 Fig. 3C/F). */
    public static Figure stackedBands(String title, int[] epochs, int[][] values, double total) {
        double[] x = new double[epochs.length];
        for (int t = 0; t < x.length; t++) x[t] = epochs[t];
        double[] cum = new double[epochs.length];
        List<Trace> traces = new ArrayList<>();
        for (int d = 0; d < values[0].length; d++) {
            double[] y = new double[epochs.length];
            for (int t = 0; t < y.length; t++) { cum[t] += values[t][d] / total; y[t] = cum[t]; }
            traces.add(ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE).name("digit " + d)
                    .fill(d == 0 ? ScatterTrace.Fill.TO_ZERO_Y : ScatterTrace.Fill.TO_NEXT_Y).fillColor(TAB10[d % 10])
                    .line(Line.builder().color(TAB10[d % 10]).width(0.5).build()).build());
        }
        return new Figure(Figures.layout(title, "epoch", "fraction of training samples recognised"),
                traces.toArray(new Trace[0]));
    }

    /** One line per memory in a 2-D coordinate plane, coloured by group; a black dot at each start (000 Fig. 4 left). */
    public static Figure trajectories(String title, String xTitle, String yTitle, double[][] xs, double[][] ys,
                                      int[] group, String[] groupNames) {
        List<Trace> traces = new ArrayList<>();
        boolean[] shown = new boolean[groupNames.length];
        double[] sx = new double[xs.length], sy = new double[xs.length];
        for (int mu = 0; mu < xs.length; mu++) {
            int g = group[mu];
            traces.add(ScatterTrace.builder(xs[mu], ys[mu]).mode(ScatterTrace.Mode.LINE).name(groupNames[g])
                    .legendGroup(groupNames[g]).showLegend(!shown[g])
                    .line(Line.builder().color(TAB10[g % 10]).width(1).build()).build());
            shown[g] = true;
            sx[mu] = xs[mu][0];
            sy[mu] = ys[mu][0];
        }
        traces.add(ScatterTrace.builder(sx, sy).mode(ScatterTrace.Mode.MARKERS).name("start")
                .marker(Marker.builder().color("black").size(5).build()).build());
        return new Figure(Figures.layout(title, xTitle, yTitle), traces.toArray(new Trace[0]));
    }

    /**
     * Beyond the paper (000 Figs. 3–4 as a film): the memories moving on the common UMAP over the training epochs — a
     * plotly animation with a slider over the epochs and a play button ({@link Animation}), offline in the HTML report
     * and in JupyterLab. Reference digits as digit-coloured stars, each memory's whole path as a faint grey line, the
     * memories as white disks at the epoch shown.
     *
     * @param epochs the epoch of each trail point (same for every memory)
     * @param trails per memory, its positions (T×2) at {@code epochs}
     */
    public static Figure umapAnimation(String title, double[][] reference, int[] refLabels, int[] epochs, double[][][] trails) {
        org.hopscape.util.Check.notNull("trails", trails);
        if (trails.length == 0) throw new IllegalArgumentException("trails must hold at least one memory");
        for (double[][] tr : trails)
            if (tr.length != epochs.length)
                throw new IllegalArgumentException("every trail needs one position per epoch (" + epochs.length + "), got " + tr.length);
        List<Trace> traces = new ArrayList<>();
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY, minY = minX, maxY = maxX;
        for (double[] p : reference) { minX = Math.min(minX, p[0]); maxX = Math.max(maxX, p[0]); minY = Math.min(minY, p[1]); maxY = Math.max(maxY, p[1]); }
        for (double[][] tr : trails) for (double[] p : tr) { minX = Math.min(minX, p[0]); maxX = Math.max(maxX, p[0]); minY = Math.min(minY, p[1]); maxY = Math.max(maxY, p[1]); }
        for (int d = 0; d < 10; d++) {
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < reference.length; i++) if (refLabels[i] == d) pts.add(reference[i]);
            if (pts.isEmpty()) continue;
            double[] xs = new double[pts.size()], ys = new double[pts.size()];
            for (int i = 0; i < xs.length; i++) { xs[i] = pts.get(i)[0]; ys[i] = pts.get(i)[1]; }
            traces.add(ScatterTrace.builder(xs, ys).mode(ScatterTrace.Mode.MARKERS).name("digit " + d)
                    .marker(Marker.builder().color(TAB10[d]).size(7).symbol(Symbol.STAR).opacity(0.75).build()).build());
        }
        // every path in one trace, separated by gaps
        int n = 0;
        for (double[][] tr : trails) n += tr.length + 1;
        double[] px = new double[n], py = new double[n];
        int k = 0;
        for (double[][] tr : trails) {
            for (double[] p : tr) { px[k] = p[0]; py[k] = p[1]; k++; }
            px[k] = Double.NaN; py[k] = Double.NaN; k++;
        }
        traces.add(org.hopscape.plot.RawTrace.of("scatter", Attrs.of("x", px, "y", py, "mode", "lines", "name", "paths of the memories",
                "hoverinfo", "skip", "line", Attrs.of("color", "rgba(90,90,90,0.13)", "width", 1))));
        int memories = traces.size();
        traces.add(org.hopscape.plot.RawTrace.of("scatter", Attrs.of("x", column(trails, 0, 0), "y", column(trails, 0, 1),
                "mode", "markers", "name", "memories (" + trails.length + ")",
                "marker", Attrs.of("color", "white", "size", 9, "line", Attrs.of("color", "black", "width", 1.2)))));
        List<org.hopscape.plot.Animation.Frame> frames = new ArrayList<>();
        for (int t = 0; t < epochs.length; t++)
            frames.add(org.hopscape.plot.Animation.Frame.moving("epoch " + epochs[t], memories, column(trails, t, 0), column(trails, t, 1)));
        double padX = 0.04 * (maxX - minX), padY = 0.04 * (maxY - minY);
        Layout layout = Layout.builder().title(title).width(760).height(560).plotBgColor("#f4f4f4").build();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("xaxis", Attrs.of("visible", false, "range", List.of(minX - padX, maxX + padX)));
        // equal scales: UMAP distances are read in both directions alike
        extra.put("yaxis", Attrs.of("visible", false, "range", List.of(minY - padY, maxY + padY), "scaleanchor", "x", "scaleratio", 1));
        extra.put("legend", Keys.legend(12, 12));
        extra.put("margin", Attrs.of("t", 70, "b", 20, "l", 20, "r", 20));
        return org.hopscape.plot.Animation.of(new PlotlyFigure(layout, extra, traces.toArray(new Trace[0])), frames, "",
                org.hopscape.plot.Animation.FRAME_MS, 250, false);
    }

    /**
     * The epochs of the trail points that {@code Waddington.fig3}/{@code fig4} store for the last UMAP panel: every
     * {@code every} epochs from min(200, last panel epoch) to the last panel epoch,
     * with the panel epochs added.
     */
    public static int[] trailEpochs(int[] panelEpochs, int every) {
        org.hopscape.util.Check.positive("every", every);
        int last = java.util.Arrays.stream(panelEpochs).max().orElseThrow(() -> new IllegalArgumentException("no panel epochs"));
        java.util.TreeSet<Integer> want = new java.util.TreeSet<>();
        for (int e = 200; e <= last; e += every) want.add(e);
        for (int e : panelEpochs) want.add(e);
        int from = Math.min(200, last);
        return want.tailSet(from, true).stream().mapToInt(Integer::intValue).toArray();
    }

    /** 000 Fig. 3 as an animation ({@link #umapAnimation}); {@code every} is the trail spacing the run was made with. */
    public static Figure umapAnimation(Waddington.Fig3 f, int every) {
        return umapAnimation(String.format("Fig 3%s in motion — n = %s, T<sub>r</sub> = %s: memories over the epochs",
                        f.n() < 10 ? "A" : "D", Waddington.fmt(f.n()), org.hopscape.plot.Numbers.format(f.temperature() / org.hopscape.data.Mnist.PIXELS)),
                f.setPosition(), f.setLabels(), trailEpochs(f.panelEpochs(), every), lastTrail(f.panelEpochs(), f.trails()));
    }

    /** 000 Fig. 4 as an animation ({@link #umapAnimation}). */
    public static Figure umapAnimation(Waddington.Fig4 f, int every) {
        return umapAnimation(String.format("Fig 4 in motion — n = %s, digits %s: memories over the epochs", Waddington.fmt(f.n()),
                        org.hopscape.plot.Numbers.list(f.digits())),
                f.setPosition(), f.setLabels(), trailEpochs(f.panelEpochs(), every), lastTrail(f.panelEpochs(), f.trails()));
    }

    /** The trails of the panel with the latest epoch (the longest). */
    static double[][][] lastTrail(int[] panelEpochs, List<double[][][]> trails) {
        if (trails == null || trails.isEmpty()) throw new IllegalArgumentException("the run has no UMAP trails (no embedding)");
        int best = 0;
        for (int i = 1; i < panelEpochs.length; i++) if (panelEpochs[i] > panelEpochs[best]) best = i;
        return trails.get(best);
    }

    private static double[] column(double[][][] trails, int t, int c) {
        double[] out = new double[trails.length];
        for (int mu = 0; mu < trails.length; mu++) out[mu] = trails[mu][t][c];
        return out;
    }
}
