package org.hopscape.papers.waddington;

import org.hopscape.plot.Figures;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.components.Symbol;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

import org.hopscape.plot.DigitColors;
import org.hopscape.plot.Keys;
import org.hopscape.plot.PanelLayout;
import org.hopscape.plot.PlotlyFigure;
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
     * Memory images (28×28) tiled in a grid, upright (000 Fig. 1B).
     *
     * @param images  rows of 784 pixels
     * @param columns tiles per row
     */
    public static Figure memoryGrid(String title, double[][] images, int columns) {
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
        Layout layout = Layout.builder().title(title).width((int) (80 + f * gw)).height((int) (110 + f * gh))
                .xAxis(Axis.builder().visible(false).build())
                .yAxis(Axis.builder().visible(false).scaleRatio(1).build()).build();
        return new Figure(layout, HeatmapTrace.builder(x, y, z).build());
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
            a.put("font", Map.of("size", 12));
            labels.add(a);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("annotations", labels);
        extra.put("legend", Keys.legend(11, 0));
        extra.put("margin", Map.of("t", 70, "b", 80, "l", 20, "r", 20));
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
}
