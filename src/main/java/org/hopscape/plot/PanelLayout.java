package org.hopscape.plot;

import org.hopscape.util.Check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layout of a grid of panels with consistent axes and spacing: every panel the same size, gaps in pixels wide
 * enough for tick labels, axis titles and the panel title above (so none lands on the neighbouring panel), shared
 * ranges drawn once ({@code matches}; tick labels only on the outer panels, no doubled or ghost labels), axis titles
 * on the outer row and column only when shared, and a design width that fits the report column
 * ({@link #COLUMN}). Produces plotly layout entries ({@link #layout}) for a {@link PlotlyFigure}; traces go on
 * {@link #xaxis}/{@link #yaxis} of their panel.
 */
public final class PanelLayout {
    /** Width of the HTML report column and the widest figure, in pixels. */
    public static final int COLUMN = 1400;

    private final int rows, columns;
    private int panelWidth = 300, panelHeight = 260;
    private boolean sharedX, sharedY;
    private String xTitle = "", yTitle = "";
    private final String[] titles, xTitles, yTitles;
    private int left = 70, right = 30, top = 60, bottom = 60;
    private int hgap = 70, vgap = 80;
    private boolean equalAspect;
    private double[] ranges;

    public PanelLayout(int rows, int columns) {
        this.rows = Check.positive("rows", rows);
        this.columns = Check.positive("columns", columns);
        titles = new String[rows * columns];
        xTitles = new String[rows * columns];
        yTitles = new String[rows * columns];
    }

    /** Panel size in pixels; shrunk so the whole grid fits {@link #COLUMN} (aspect kept). */
    public PanelLayout panelSize(int width, int height) {
        panelWidth = Check.positive("width", width);
        panelHeight = Check.positive("height", height);
        return this;
    }

    /** All panels share the x range (tick labels on the bottom row only) and the x title. */
    public PanelLayout sharedX(String title) {
        sharedX = true;
        xTitle = title;
        return this;
    }

    /** All panels share the y range (tick labels on the left column only) and the y title. */
    public PanelLayout sharedY(String title) {
        sharedY = true;
        yTitle = title;
        return this;
    }

    /** One unit of x as long as one unit of y in every panel (circles stay circles). */
    public PanelLayout equalAspect() {
        equalAspect = true;
        return this;
    }

    /**
     * The same fixed ranges on every panel (with {@link #equalAspect}, fixed ranges replace {@code matches}, which
     * plotly cannot combine with a scale anchor).
     */
    public PanelLayout ranges(double x0, double x1, double y0, double y1) {
        if (!(x0 < x1) || !(y0 < y1)) throw new IllegalArgumentException("ranges must be increasing, got x " + x0 + "…" + x1 + ", y " + y0 + "…" + y1);
        ranges = new double[] {x0, x1, y0, y1};
        return this;
    }

    /** Room at the right of the grid (a colour bar or legend), in pixels. */
    public PanelLayout rightMargin(int px) {
        right = Check.inRange("px", px, 0, 600);
        return this;
    }

    /** Title above panel k (its parameter: "epoch 900", "n = 39"). */
    public PanelLayout title(int k, String text) {
        titles[check(k)] = text;
        return this;
    }

    /** Axis titles of panel k (unshared axes). */
    public PanelLayout axisTitles(int k, String x, String y) {
        xTitles[check(k)] = x;
        yTitles[check(k)] = y;
        return this;
    }

    private int check(int k) {
        return Check.inRange("panel", k, 0, rows * columns - 1);
    }

    /** The x axis id of panel k as a trace names it: "x", "x2", … */
    public static String xaxis(int k) {
        return k == 0 ? "x" : "x" + (k + 1);
    }

    /** The y axis id of panel k as a trace names it: "y", "y2", … */
    public static String yaxis(int k) {
        return k == 0 ? "y" : "y" + (k + 1);
    }

    /** Scale applied to the panel size so the grid fits the column. */
    double shrink() {
        double room = COLUMN - left - right - (columns - 1) * hgap(1);
        return Math.min(1.0, room / (columns * panelWidth));
    }

    private int hgap(double s) {
        return sharedY ? 24 : hgap;
    }

    private int vgap(double s) {
        boolean titled = false;
        for (String t : titles) titled |= t != null;
        int g = sharedX ? 24 : vgap;
        return titled ? g + 24 : g;
    }

    /** Design width of the figure in pixels (at most {@link #COLUMN}). */
    public int width() {
        double s = shrink();
        return (int) Math.round(left + right + columns * panelWidth * s + (columns - 1) * hgap(s));
    }

    /** Design height of the figure in pixels. */
    public int height() {
        double s = shrink();
        return (int) Math.round(top + bottom + rows * panelHeight * s + (rows - 1) * vgap(s));
    }

    /** Layout entries: margins, size, every axis with its domain, panel titles as annotations. */
    public Map<String, Object> layout(String title) {
        double s = shrink();
        double pw = panelWidth * s, ph = panelHeight * s;
        double W = columns * pw + (columns - 1) * hgap(s), H = rows * ph + (rows - 1) * vgap(s);
        Map<String, Object> layout = new LinkedHashMap<>();
        layout.put("width", width());
        layout.put("height", height());
        layout.put("margin", Attrs.of("l", left, "r", right, "t", top, "b", bottom));
        if (title != null) layout.put("title", Attrs.of("text", title, "x", 0.5, "xanchor", "center", "font", Attrs.of("size", 15)));
        List<Object> annotations = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int k = r * columns + c;
                double x0 = c * (pw + hgap(s)) / W, x1 = (c * (pw + hgap(s)) + pw) / W;
                double y1 = 1 - r * (ph + vgap(s)) / H, y0 = 1 - (r * (ph + vgap(s)) + ph) / H;
                Map<String, Object> xa = new LinkedHashMap<>(), ya = new LinkedHashMap<>();
                xa.put("domain", new double[] {clamp(x0), clamp(x1)});
                ya.put("domain", new double[] {clamp(y0), clamp(y1)});
                xa.put("anchor", yaxis(k));
                ya.put("anchor", xaxis(k));
                xa.put("automargin", false);
                ya.put("automargin", false);
                boolean bottomRow = r == rows - 1, leftColumn = c == 0;
                if (sharedX) {
                    if (k > 0 && !(equalAspect && ranges != null)) xa.put("matches", "x");
                    xa.put("showticklabels", bottomRow);
                    if (bottomRow) xa.put("title", Attrs.of("text", Notation.tex(xTitle), "standoff", 6));
                } else if (xTitles[k] != null) {
                    xa.put("title", Attrs.of("text", Notation.tex(xTitles[k]), "standoff", 6));
                }
                if (sharedY) {
                    if (k > 0 && !(equalAspect && ranges != null)) ya.put("matches", "y");
                    ya.put("showticklabels", leftColumn);
                    if (leftColumn) ya.put("title", Attrs.of("text", Notation.tex(yTitle), "standoff", 6));
                } else if (yTitles[k] != null) {
                    ya.put("title", Attrs.of("text", Notation.tex(yTitles[k]), "standoff", 6));
                }
                if (ranges != null) {
                    xa.put("range", new double[] {ranges[0], ranges[1]});
                    ya.put("range", new double[] {ranges[2], ranges[3]});
                }
                if (equalAspect) {
                    ya.put("scaleanchor", xaxis(k));
                    ya.put("scaleratio", 1);
                    ya.put("constrain", "domain");
                    xa.put("constrain", "domain");
                }
                layout.put(k == 0 ? "xaxis" : "xaxis" + (k + 1), xa);
                layout.put(k == 0 ? "yaxis" : "yaxis" + (k + 1), ya);
                if (titles[k] != null) {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("text", titles[k]);
                    a.put("xref", "paper");
                    a.put("yref", "paper");
                    a.put("x", (x0 + x1) / 2);
                    a.put("y", clamp(y1) + 4.0 / H);
                    a.put("xanchor", "center");
                    a.put("yanchor", "bottom");
                    a.put("showarrow", false);
                    a.put("font", Attrs.of("size", 12));
                    annotations.add(a);
                }
            }
        }
        layout.put("annotations", annotations);
        return layout;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
