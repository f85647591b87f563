package org.hopscape.plot;

import org.hopscape.util.Check;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.HoverLabel;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A grid of phase-plane panels as one plotly figure (contours, heat maps, lines, markers per panel, one axis pair
 * per panel, panel titles as annotations). Builds a plain jsplot {@link Figure} whose traces are written as raw
 * plotly JSON, because jsplot's builders cannot hide colour bars, set several axis pairs or add annotations; the
 * first trace also completes the layout (plotly grid, axes, annotations).
 */
public final class Panels {
    private final String title;
    private final int rows, columns, panelWidth, panelHeight;
    private final String[] titles;
    private final String[] axes;
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
        this.axes = new String[rows * columns];
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
        axes[check(k)] = String.format(Locale.ROOT, "{x:{title:{text:%s},range:[%s,%s]},y:{title:{text:%s},range:[%s,%s]}}",
                str(xTitle), num(x0), num(x1), str(yTitle), num(y0), num(y1));
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

    /** The figure. */
    public Figure build() {
        StringBuilder patch = new StringBuilder();
        patch.append(String.format(Locale.ROOT, "Object.assign(layout,{width:%d,height:%d,showlegend:false,"
                + "margin:{l:50,r:20,t:70,b:45},grid:{rows:%d,columns:%d,pattern:'independent',xgap:0.12,ygap:0.22,"
                + "roworder:'top to bottom'}});", columns * panelWidth + 70, rows * panelHeight + 90, rows, columns));
        patch.append("layout.title={text:").append(str(title)).append(",font:{size:14}};");
        List<String> ann = new ArrayList<>();
        for (int k = 0; k < rows * columns; k++) {
            String xa = ax("xaxis", k), ya = ax("yaxis", k);
            patch.append("layout.").append(xa).append("=layout.").append(xa).append("||{};");
            patch.append("layout.").append(ya).append("=layout.").append(ya).append("||{};");
            if (axes[k] != null)
                patch.append("(function(a){Object.assign(layout.").append(xa).append(",a.x);Object.assign(layout.")
                        .append(ya).append(",a.y);})(").append(axes[k]).append(");");
            if (titles[k] != null)
                ann.add(String.format(Locale.ROOT, "{text:%s,xref:'%s domain',yref:'%s domain',x:0.5,y:1.02,"
                        + "xanchor:'center',yanchor:'bottom',showarrow:false,font:{size:11}}", str(titles[k]),
                        ax("x", k), ax("y", k)));
        }
        patch.append("layout.annotations=[").append(String.join(",", ann)).append("];");
        List<Trace> out = new ArrayList<>();
        for (int i = 0; i < traces.size(); i++) {
            int k = Integer.parseInt(traces.get(i)[0]);
            String json = "{" + traces.get(i)[1] + ",xaxis:'" + ax("x", k) + "',yaxis:'" + ax("y", k) + "'}";
            out.add(new RawTrace(json, i == 0 ? patch.toString() : ""));
        }
        if (out.isEmpty()) out.add(new RawTrace("{type:'scatter',x:[],y:[]}", patch.toString()));
        // the size also goes into the jsplot layout: Plots.page reads it for the PNG screenshot
        return new Figure(Layout.builder().title(title).width(columns * panelWidth + 70).height(rows * panelHeight + 90).build(),
                out.toArray(new Trace[0]));
    }

    /** A trace written as raw plotly JSON; {@code preamble} runs before it (used to complete the layout). */
    private record RawTrace(String json, String preamble) implements Trace {
        @Override public String asJavascript(int i) {
            return preamble + "\nvar trace" + i + " = " + json + ";\n";
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
