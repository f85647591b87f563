package org.hopscape.plot;

import org.hopscape.util.Check;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.HoverLabel;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A grid of phase-plane panels as one plotly figure (contours, heat maps, lines, markers per panel, one axis pair
 * per panel, panel titles as annotations). Builds a plain jsplot {@link Figure} whose traces are written as raw
 * plotly object literals, because jsplot's builders cannot hide colour bars, set several axis pairs or add
 * annotations; the grid, axes and panel titles are plotly layout data ({@link PlotlyFigure}).
 */
public final class Panels {
    private final String title;
    private final int rows, columns, panelWidth, panelHeight;
    private final String[] titles;
    private final Axes[] axes;
    private final List<String[]> traces = new ArrayList<>(); // {panel json}

    /** Default size of one panel in pixels. */
    public static final int PANEL_WIDTH = 300, PANEL_HEIGHT = 280;

    public Panels(String title, int rows, int columns, int panelWidth, int panelHeight) {
        Check.positive("rows", rows);
        Check.positive("columns", columns);
        Check.positive("panelWidth", panelWidth);
        Check.positive("panelHeight", panelHeight);
        this.title = title;
        this.rows = rows;
        this.columns = columns;
        this.panelWidth = panelWidth;
        this.panelHeight = panelHeight;
        this.titles = new String[rows * columns];
        this.axes = new Axes[rows * columns];
    }

    public Panels(String title, int rows, int columns) {
        this(title, rows, columns, PANEL_WIDTH, PANEL_HEIGHT);
    }

    private int check(int k) {
        return Check.inRange("panel", k, 0, rows * columns - 1);
    }

    private static String ax(String letter, int k) {
        return letter + (k == 0 ? "" : Integer.toString(k + 1));
    }

    /** Title shown above panel k. */
    public Panels panelTitle(int k, String text) {
        titles[check(k)] = text;
        return this;
    }

    /** Axis titles and ranges of panel k. */
    public Panels axes(int k, String xTitle, String yTitle, double x0, double x1, double y0, double y1) {
        axes[check(k)] = new Axes(xTitle, yTitle, x0, x1, y0, y1);
        return this;
    }

    /** Filled contours of z[row][col] over (x, y). */
    public Panels contour(int k, double[] x, double[] y, double[][] z, String colorscale, int levels) {
        return add(k, String.format(Locale.ROOT, "type:'contour',x:%s,y:%s,z:%s,colorscale:%s,showscale:false,"
                + "ncontours:%d,contours:{coloring:'fill'},line:{width:0.3,color:'rgba(0,0,0,0.25)'},hoverinfo:'skip'",
                arr(x), arr(y), mat(z), str(colorscale), levels));
    }

    /** Heat map of z[row][col] (NaN = blank). */
    public Panels heatmap(int k, double[] x, double[] y, double[][] z, String colorscale, boolean showScale) {
        return add(k, String.format(Locale.ROOT, "type:'heatmap',x:%s,y:%s,z:%s,colorscale:%s,showscale:%s",
                arr(x), arr(y), mat(z), str(colorscale), showScale));
    }

    /** Heat map with a fixed colour range. */
    public Panels heatmap(int k, double[] x, double[] y, double[][] z, String colorscale, double zmin, double zmax) {
        return add(k, String.format(Locale.ROOT, "type:'heatmap',x:%s,y:%s,z:%s,colorscale:%s,zmin:%s,zmax:%s,showscale:false",
                arr(x), arr(y), mat(z), str(colorscale), num(zmin), num(zmax)));
    }

    /** Polylines (each path = {xs, ys}) in one trace, separated by gaps. */
    public Panels lines(int k, List<double[][]> paths, String color, double width, String name) {
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (double[][] p : paths) {
            for (int i = 0; i < p[0].length; i++) { xs.add(p[0][i]); ys.add(p[1][i]); }
            xs.add(Double.NaN);
            ys.add(Double.NaN);
        }
        return add(k, String.format(Locale.ROOT, "type:'scatter',mode:'lines',x:%s,y:%s,line:{color:%s,width:%s},"
                + "name:%s,showlegend:false,hoverinfo:'skip',connectgaps:false",
                arr(xs.stream().mapToDouble(Double::doubleValue).toArray()),
                arr(ys.stream().mapToDouble(Double::doubleValue).toArray()), str(color), num(width), str(name)));
    }

    /** Markers with hover text. */
    public Panels markers(int k, double[] x, double[] y, String symbol, String color, double size, String lineColor,
                          String name, String[] text) {
        return add(k, String.format(Locale.ROOT, "type:'scatter',mode:'markers+text',x:%s,y:%s,marker:{symbol:%s,"
                + "color:%s,size:%s,line:{color:%s,width:1.5}},name:%s,showlegend:false,text:%s,textposition:'top right',"
                + "textfont:{size:10}", arr(x), arr(y), str(symbol), str(color), num(size), str(lineColor), str(name),
                text == null ? "[]" : strs(text)));
    }

    private Panels add(int k, String body) {
        traces.add(new String[]{Integer.toString(check(k)), body});
        return this;
    }

    private record Axes(String xTitle, String yTitle, double x0, double x1, double y0, double y1) {}

    /** The figure: jsplot's layout for the size, the grid, axes and panel titles as plotly layout data. */
    public Figure build() {
        int width = columns * panelWidth + 70, height = rows * panelHeight + 90;
        Map<String, Object> layout = new LinkedHashMap<>();
        layout.put("showlegend", false);
        layout.put("margin", Attrs.of("l", 50, "r", 20, "t", 70, "b", 45));
        layout.put("grid", Attrs.of("rows", rows, "columns", columns, "pattern", "independent", "xgap", 0.12,
                "ygap", 0.22, "roworder", "top to bottom"));
        layout.put("title", Attrs.of("text", title, "font", Attrs.of("size", 14)));
        List<Object> annotations = new ArrayList<>();
        for (int k = 0; k < rows * columns; k++) {
            Axes a = axes[k];
            if (a != null) {
                layout.put(ax("xaxis", k), Attrs.of("title", Attrs.of("text", a.xTitle()), "range", new double[] {a.x0(), a.x1()}));
                layout.put(ax("yaxis", k), Attrs.of("title", Attrs.of("text", a.yTitle()), "range", new double[] {a.y0(), a.y1()}));
            }
            if (titles[k] != null) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("text", titles[k]);
                t.put("xref", ax("x", k) + " domain");
                t.put("yref", ax("y", k) + " domain");
                t.put("x", 0.5);
                t.put("y", 1.02);
                t.put("xanchor", "center");
                t.put("yanchor", "bottom");
                t.put("showarrow", false);
                t.put("font", Attrs.of("size", 11));
                annotations.add(t);
            }
        }
        layout.put("annotations", annotations);
        List<Trace> out = new ArrayList<>();
        for (String[] t : traces) {
            int k = Integer.parseInt(t[0]);
            out.add(new RawTrace("{" + t[1] + ",xaxis:'" + ax("x", k) + "',yaxis:'" + ax("y", k) + "'}"));
        }
        if (out.isEmpty()) out.add(new RawTrace("{type:'scatter',x:[],y:[]}"));
        // the design size goes into the jsplot layout: PNG pages (Plots.page) are made at that size
        return new PlotlyFigure(Layout.builder().title(title).width(width).height(height).build(), layout,
                out.toArray(new Trace[0]));
    }

    /** A trace written as a plotly object literal (read back by {@code Plots.json}). */
    private record RawTrace(String json) implements Trace {
        @Override public String asJavascript(int i) {
            return "var trace" + i + " = " + json + ";\n";
        }

        @Override public String name() { return ""; }

        @Override public HoverLabel hoverLabel() { return null; }

        @Override public boolean showLegend() { return false; }
    }

    // ---------------------------------------------------------------- JSON
    static String num(double v) {
        if (!Double.isFinite(v)) return "null";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.6g", v);
    }

    static String arr(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) sb.append(i == 0 ? "" : ",").append(num(v[i]));
        return sb.append(']').toString();
    }

    static String mat(double[][] z) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < z.length; i++) sb.append(i == 0 ? "" : ",").append(arr(z[i]));
        return sb.append(']').toString();
    }

    static String str(String s) {
        if (s == null) return "null";
        if (s.startsWith("[")) return s; // a colour scale given as a JSON array
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("<", "\\u003c") + "'";
    }

    static String strs(String[] s) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < s.length; i++) sb.append(i == 0 ? "" : ",").append(str(s[i] == null ? "" : s[i]));
        return sb.append(']').toString();
    }
}
