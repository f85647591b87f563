package org.hopscape.plot;

import org.hopscape.util.Check;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A grid of panels laid out in pixels so that no text can collide: every gap between panels is wide enough for the
 * tick labels and axis title of one panel plus the title of the next, the figure fits a report column
 * ({@link #MAX_WIDTH} px, panels shrink to fit) and stays responsive. On top of a plain grid it offers what
 * publication figures need and plotly defaults lack:
 * <ul>
 * <li>shared colour axes with one labelled colour bar each ({@link #colorAxis}), so panels drawn on one scale can be
 *     compared;</li>
 * <li>a key (legend) of marks ({@link #key}), drawn once above the grid;</li>
 * <li>equal aspect per panel ({@link #equalAspect}), kept at any container width ({@code scaleanchor});</li>
 * <li>insets in a panel corner ({@link #inset}), boxed labels readable on any background ({@link #label}),
 *     arrows ({@link #arrow}) and direction marks along curves ({@link #directionMarks});</li>
 * <li>row and column headers for parameter values ({@link #rowLabel}, {@link #columnLabel});</li>
 * <li>a slider over frames ({@link #frame}): traces and annotations added after {@code frame(label)} are shown
 *     only while the slider stands on that label (plotly {@code update} steps, no server, works offline in the
 *     HTML reports and in JupyterLab).</li>
 * </ul>
 * Panels are numbered row by row from 0; insets get the next numbers.
 */
public final class PanelGrid {
    /** Widest design width: a 1,400 px report column less a scroll bar. */
    public static final int MAX_WIDTH = 1380;
    /** Default panel width in pixels (before shrinking to fit {@link #MAX_WIDTH}). */
    public static final int PANEL_WIDTH = 260;
    /** Pixels between panels: room for tick labels and an axis title (x) or the next row's panel titles (y). */
    public static final int GAP_X = 70, GAP_Y = 78;
    /** Margins in pixels. */
    static final int LEFT = 64, RIGHT = 24, TITLE_BAND = 38, PANEL_TITLE = 22, BOTTOM = 52, COLORBAR = 78, LEGEND = 28,
            ROW_LABEL = 26, COLUMN_LABEL = 24, SLIDER = 96;
    /** Font sizes: figure title, panel titles, labels. */
    public static final int TITLE_FONT = 15, PANEL_FONT = 12, LABEL_FONT = 10;

    private final String title;
    private final int rows, columns;
    private final double[] aspect; // panel height / width per panel
    private int panelWidth = PANEL_WIDTH;
    private final List<Panel> panels = new ArrayList<>();
    private final List<Map<String, Object>> traces = new ArrayList<>();
    private final List<Integer> traceFrame = new ArrayList<>();
    private final List<Map<String, Object>> annotations = new ArrayList<>();
    private final List<Integer> annotationFrame = new ArrayList<>();
    private final List<Map<String, Object>> shapes = new ArrayList<>();
    private final List<int[]> pointLabels = new ArrayList<>(); // {annotation index, panel}
    private final List<ColorAxis> colorAxes = new ArrayList<>();
    private final List<Map<String, Object>> keys = new ArrayList<>();
    private final String[] rowLabels, columnLabels;
    private final List<String> frames = new ArrayList<>();
    private String sliderPrefix = "";
    private int activeFrame = 0;
    private boolean shareX, shareY;

    private static final class Panel {
        final int host; // -1 = grid panel, else the panel this inset sits in
        final double[] box; // inset box in the host's domain fractions {x0, x1, y0, y1}
        String title, xTitle = "", yTitle = "";
        double[] xRange, yRange;
        boolean equal, hidden;
        double[] yTickValues;
        String[] yTickTexts;

        Panel(int host, double[] box) { this.host = host; this.box = box; }
    }

    /** A shared colour scale: traces that name it are coloured on [min, max]; one colour bar shows it. */
    public record ColorAxis(String id, String title, String scale, double min, double max, int row) {}

    /**
     * @param title  figure title (short: one line at the design width)
     * @param rows   rows of panels (≥ 1)
     * @param columns columns of panels (≥ 1)
     * @param aspect panel height / width (1 for square panels; per panel changeable with {@link #aspect(int, double)})
     */
    public PanelGrid(String title, int rows, int columns, double aspect) {
        Check.positive("rows", rows);
        Check.positive("columns", columns);
        if (!(aspect > 0.1 && aspect < 10)) throw new IllegalArgumentException("aspect must be in (0.1, 10) (got " + aspect + ")");
        this.title = title;
        this.rows = rows;
        this.columns = columns;
        this.aspect = new double[rows * columns];
        java.util.Arrays.fill(this.aspect, aspect);
        for (int k = 0; k < rows * columns; k++) panels.add(new Panel(-1, null));
        rowLabels = new String[rows];
        columnLabels = new String[columns];
    }

    /** Preferred panel width in pixels (shrunk if the grid would exceed {@link #MAX_WIDTH}). */
    public PanelGrid panelWidth(int px) {
        panelWidth = Check.inRange("panelWidth", px, 80, MAX_WIDTH);
        return this;
    }

    /**
     * Panels that share their axes: with {@code x} only the bottom row draws x tick labels and titles, with {@code y}
     * only the left column draws y tick labels and titles; the gaps shrink accordingly (wider panels).
     */
    public PanelGrid shareAxes(boolean x, boolean y) {
        shareX = x;
        shareY = y;
        return this;
    }

    private int gapX() { return shareY ? 18 : GAP_X; }

    private int gapY() { return shareX ? 34 : GAP_Y; }

    /** Height / width of the panels of row {@code row} (e.g. 0.5 for a strip). */
    public PanelGrid rowAspect(int row, double a) {
        Check.inRange("row", row, 0, rows - 1);
        for (int c = 0; c < columns; c++) aspect[row * columns + c] = a;
        return this;
    }

    /** Height / width of one panel (the row takes the largest of its panels). */
    public PanelGrid aspect(int k, double a) {
        aspect[Check.inRange("panel", k, 0, rows * columns - 1)] = a;
        return this;
    }

    public int rows() { return rows; }

    public int columns() { return columns; }

    /** Number of panels including insets. */
    public int panelCount() { return panels.size(); }

    private Panel panel(int k) {
        return panels.get(Check.inRange("panel", k, 0, panels.size() - 1));
    }

    static String axisName(String letter, int k) {
        return letter + (k == 0 ? "" : Integer.toString(k + 1));
    }

    // ------------------------------------------------------------------ panel attributes
    public PanelGrid panelTitle(int k, String text) {
        panel(k).title = text;
        return this;
    }

    public PanelGrid axes(int k, String xTitle, String yTitle, double x0, double x1, double y0, double y1) {
        Panel p = panel(k);
        p.xTitle = xTitle;
        p.yTitle = yTitle;
        p.xRange = new double[]{x0, x1};
        p.yRange = new double[]{y0, y1};
        return this;
    }

    /** One data unit is as long on x as on y (circles stay circles) at any width. */
    public PanelGrid equalAspect(int k) {
        panel(k).equal = true;
        return this;
    }

    /** No axis lines, ticks or grid (graphs, images). */
    public PanelGrid hideAxes(int k) {
        panel(k).hidden = true;
        return this;
    }

    /** Named y ticks (e.g. "index 0", "index 1"); only these are drawn. */
    public PanelGrid yTicks(int k, double[] values, String[] texts) {
        Panel p = panel(k);
        p.yTickValues = values.clone();
        p.yTickTexts = texts.clone();
        return this;
    }

    /** Header at the left of a row (e.g. "η = 800"). */
    public PanelGrid rowLabel(int row, String text) {
        rowLabels[Check.inRange("row", row, 0, rows - 1)] = text;
        return this;
    }

    /** Header above a column (e.g. "t = 0.6"). */
    public PanelGrid columnLabel(int column, String text) {
        columnLabels[Check.inRange("column", column, 0, columns - 1)] = text;
        return this;
    }

    /**
     * An inset in a corner of panel {@code host}: a new panel (returned index) whose axes cover
     * {@code size} of the host's width and height, with a white background.
     *
     * @param corner one of "top left", "top right", "bottom left", "bottom right"
     */
    public int inset(int host, String corner, double size) {
        return inset(host, corner, size, size);
    }

    /** An inset {@code width} × {@code height} (fractions of the host panel) in a corner of panel {@code host}. */
    public int inset(int host, String corner, double width, double height) {
        Check.inRange("host", host, 0, rows * columns - 1);
        if (!(width > 0 && width < 1)) throw new IllegalArgumentException("width must be in (0, 1) (got " + width + ")");
        if (!(height > 0 && height < 1)) throw new IllegalArgumentException("height must be in (0, 1) (got " + height + ")");
        double pad = 0.015;
        boolean top = corner.startsWith("top"), right = corner.endsWith("right");
        if (!corner.matches("(top|bottom) (left|right)"))
            throw new IllegalArgumentException("corner must be 'top left', 'top right', 'bottom left' or 'bottom right' (got " + corner + ")");
        double x0 = right ? 1 - pad - width : pad, y0 = top ? 1 - pad - height : pad;
        panels.add(new Panel(host, new double[]{x0, x0 + width, y0, y0 + height}));
        int k = panels.size() - 1;
        Map<String, Object> border = new LinkedHashMap<>();
        border.put("type", "rect");
        border.put("xref", axisName("x", k) + " domain");
        border.put("yref", axisName("y", k) + " domain");
        border.put("x0", 0);
        border.put("x1", 1);
        border.put("y0", 0);
        border.put("y1", 1);
        border.put("line", Attrs.of("color", "rgba(0,0,0,0.6)", "width", 1));
        border.put("layer", "above");
        shapes.add(border);
        // the inset's background: a white heat map in its own axes, drawn after the host panel's traces
        Map<String, Object> bg = new LinkedHashMap<>();
        bg.put("x", new double[]{-1e6, 1e6});
        bg.put("y", new double[]{-1e6, 1e6});
        bg.put("z", new double[][]{{0, 0}, {0, 0}});
        bg.put("colorscale", List.of(List.of(0, "white"), List.of(1, "white")));
        bg.put("opacity", 0.9);
        bg.put("showscale", false);
        bg.put("hoverinfo", "skip");
        add(k, "heatmap", bg);
        panel(k).hidden = true;
        return k;
    }

    // ------------------------------------------------------------------ colour axes and keys
    /**
     * A shared colour scale with a labelled colour bar beside row {@code row} (−1: beside the whole grid).
     * Traces drawn with it ({@link #contour}, {@link #heatmap}) share [min, max].
     */
    public ColorAxis colorAxis(String barTitle, String scale, double min, double max, int row) {
        if (!(max > min)) throw new IllegalArgumentException("colour range max must be > min (got " + min + ", " + max + ")");
        Check.inRange("row", row, -1, rows - 1);
        ColorAxis a = new ColorAxis("coloraxis" + (colorAxes.isEmpty() ? "" : Integer.toString(colorAxes.size() + 1)),
                barTitle, scale, min, max, row);
        colorAxes.add(a);
        return a;
    }

    /** A key entry (legend item) for a kind of mark: plotly scatter attributes {@code mode}, {@code marker}, {@code line}. */
    public PanelGrid key(String name, String mode, Map<String, Object> marker, Map<String, Object> line) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("type", "scatter");
        t.put("mode", mode);
        t.put("x", new Object[]{null});
        t.put("y", new Object[]{null});
        t.put("name", name);
        t.put("showlegend", true);
        t.put("hoverinfo", "skip");
        if (marker != null) t.put("marker", marker);
        if (line != null) t.put("line", line);
        keys.add(t);
        return this;
    }

    // ------------------------------------------------------------------ traces
    /** Filled contours of z[row][col] over (x, y) on a shared colour axis, {@code levels} equal steps of it. */
    public PanelGrid contour(int k, double[] x, double[] y, double[][] z, ColorAxis axis, int levels) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("x", x);
        t.put("y", y);
        t.put("z", z);
        t.put("coloraxis", axis.id());
        t.put("autocontour", false);
        t.put("contours", Attrs.of("coloring", "fill", "start", axis.min(), "end", axis.max(),
                "size", (axis.max() - axis.min()) / levels));
        t.put("line", Attrs.of("width", 0.3, "color", "rgba(0,0,0,0.25)"));
        t.put("hoverinfo", "skip");
        return add(k, "contour", t);
    }

    /** Heat map of z[row][col] (NaN = blank) on a shared colour axis. */
    public PanelGrid heatmap(int k, double[] x, double[] y, double[][] z, ColorAxis axis) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("x", x);
        t.put("y", y);
        t.put("z", z);
        t.put("coloraxis", axis.id());
        return add(k, "heatmap", t);
    }

    /** Heat map with a categorical colour scale of its own and no colour bar (e.g. basins, one colour per sink). */
    public PanelGrid categories(int k, double[] x, double[] y, double[][] z, Object colorscale, double zmin, double zmax) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("x", x);
        t.put("y", y);
        t.put("z", z);
        t.put("colorscale", colorscale);
        t.put("zmin", zmin);
        t.put("zmax", zmax);
        t.put("showscale", false);
        t.put("hoverinfo", "skip");
        return add(k, "heatmap", t);
    }

    /** Polylines (each path {xs, ys}) in one trace, separated by gaps. */
    public PanelGrid lines(int k, List<double[][]> paths, String color, double width, String name) {
        return lines(k, paths, Attrs.of("color", color, "width", width), name);
    }

    /** Polylines with a plotly line style ({@code color}, {@code width}, {@code dash}). */
    public PanelGrid lines(int k, List<double[][]> paths, Map<String, Object> line, String name) {
        int n = 0;
        for (double[][] p : paths) n += p[0].length + 1;
        double[] xs = new double[n], ys = new double[n];
        int i = 0;
        for (double[][] p : paths) {
            for (int j = 0; j < p[0].length; j++, i++) { xs[i] = p[0][j]; ys[i] = p[1][j]; }
            xs[i] = Double.NaN;
            ys[i++] = Double.NaN;
        }
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("mode", "lines");
        t.put("x", xs);
        t.put("y", ys);
        t.put("line", line);
        t.put("name", name);
        t.put("hoverinfo", "skip");
        t.put("connectgaps", false);
        return add(k, "scatter", t);
    }

    /** Markers in a plotly marker style, with hover text (may be null). */
    public PanelGrid markers(int k, double[] x, double[] y, Map<String, Object> marker, String name, String[] hover) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("mode", "markers");
        t.put("x", x);
        t.put("y", y);
        t.put("marker", marker);
        t.put("name", name);
        if (hover != null) {
            t.put("text", hover);
            t.put("hoverinfo", "text");
        } else t.put("hoverinfo", "skip");
        return add(k, "scatter", t);
    }

    /** Markers with centred text on them (graph nodes). */
    public PanelGrid markersWithText(int k, double[] x, double[] y, Map<String, Object> marker, String[] text,
                                     String[] textColors, int fontSize) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("mode", "markers+text");
        t.put("x", x);
        t.put("y", y);
        t.put("marker", marker);
        t.put("text", text);
        t.put("textposition", "middle center");
        t.put("textfont", Attrs.of("size", fontSize, "color", textColors));
        t.put("hoverinfo", "text");
        return add(k, "scatter", t);
    }

    /**
     * Direction marks: small triangles at (x, y) pointing along (dx, dy) — arrows on streamlines. The angle is taken
     * in data units, so it is exact on panels with {@link #equalAspect}.
     */
    public PanelGrid directionMarks(int k, double[] x, double[] y, double[] dx, double[] dy, String color, double size) {
        double[] angle = new double[x.length];
        for (int i = 0; i < x.length; i++) angle[i] = Math.toDegrees(Math.atan2(dx[i], dy[i])); // clockwise from up
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", "triangle-up");
        m.put("size", size);
        m.put("color", color);
        m.put("angle", angle);
        m.put("line", Attrs.of("width", 0));
        return markers(k, x, y, m, "direction", null);
    }

    /**
     * Any plotly trace on panel k (type and attributes in plotly's vocabulary, e.g. a filled polygon:
     * {@code mode "lines", fill "toself"}); like every grid trace it stays out of the legend (use {@link #key}).
     */
    public PanelGrid trace(int k, String type, Map<String, ?> attributes) {
        return add(k, type, new LinkedHashMap<>(attributes));
    }

    private PanelGrid add(int k, String type, Map<String, Object> attrs) {
        panel(k);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("type", type);
        t.putAll(attrs);
        t.put("showlegend", false);
        t.put("xaxis", axisName("x", k));
        t.put("yaxis", axisName("y", k));
        traces.add(t);
        traceFrame.add(frames.size() - 1);
        return this;
    }

    // ------------------------------------------------------------------ annotations
    /** A text label at (x, y) of panel k on a translucent white box (readable on dark and light maps). */
    public PanelGrid label(int k, double x, double y, String text) {
        Map<String, Object> a = annotation(k, x, y, text);
        a.put("xshift", 10);
        a.put("yshift", 9);
        a.put("bgcolor", "rgba(255,255,255,0.78)");
        a.put("borderpad", 1);
        a.put("font", Attrs.of("size", LABEL_FONT, "color", "black"));
        annotations.add(a);
        annotationFrame.add(frames.size() - 1);
        pointLabels.add(new int[]{annotations.size() - 1, k});
        return this;
    }

    /** Candidate label offsets in pixels (x right, y up), tried in order: NE, NW, SE, SW, E, W, N, S. */
    static final int[][] LABEL_OFFSETS = {{10, 9}, {-10, 9}, {10, -9}, {-10, -9}, {15, 0}, {-15, 0}, {0, 13}, {0, -13}};

    /**
     * Places point labels so that they neither overlap each other nor sit on another labelled point: per panel and
     * frame, greedily the first offset of {@link #LABEL_OFFSETS} whose text box (about 6.5 px per character, 14 px
     * high) is free; if none is, the first.
     */
    private void placeLabels(double pw) {
        Map<String, List<int[]>> groups = new LinkedHashMap<>();
        for (int[] pl : pointLabels) groups.computeIfAbsent(pl[1] + "/" + annotationFrame.get(pl[0]), g -> new ArrayList<>()).add(pl);
        for (List<int[]> group : groups.values()) {
            Panel p = panels.get(group.get(0)[1]);
            if (p.xRange == null) continue;
            double sx = pw / (p.xRange[1] - p.xRange[0]), sy = pw * aspect[Math.min(group.get(0)[1], aspect.length - 1)] / (p.yRange[1] - p.yRange[0]);
            int n = group.size();
            double[] px = new double[n], py = new double[n], w = new double[n];
            for (int i = 0; i < n; i++) {
                Map<String, Object> a = annotations.get(group.get(i)[0]);
                px[i] = ((Number) a.get("x")).doubleValue() * sx;
                py[i] = ((Number) a.get("y")).doubleValue() * sy;
                w[i] = 6.5 * String.valueOf(a.get("text")).replaceAll("<[^>]+>", "").length() + 4;
            }
            List<double[]> placed = new ArrayList<>(); // {cx, cy, halfW, halfH}
            for (int i = 0; i < n; i++) {
                int[] best = LABEL_OFFSETS[0];
                for (int[] o : LABEL_OFFSETS) {
                    double cx = px[i] + o[0] + Math.signum(o[0]) * (w[i] / 2 - 6), cy = py[i] + o[1];
                    boolean free = true;
                    for (double[] q : placed)
                        free &= Math.abs(cx - q[0]) >= (w[i] / 2 + q[2]) || Math.abs(cy - q[1]) >= (7 + q[3]);
                    for (int j = 0; j < n; j++)
                        if (j != i) free &= Math.abs(cx - px[j]) >= w[i] / 2 + 5 || Math.abs(cy - py[j]) >= 7 + 5;
                    if (free) { best = o; break; }
                }
                double cx = px[i] + best[0] + Math.signum(best[0]) * (w[i] / 2 - 6);
                placed.add(new double[]{cx, py[i] + best[1], w[i] / 2, 7});
                Map<String, Object> a = annotations.get(group.get(i)[0]);
                a.put("xshift", best[0] == 0 ? 0 : best[0] + Math.signum(best[0]) * (w[i] / 2 - 6));
                a.put("yshift", best[1]);
            }
        }
    }

    /**
     * An arrow from (x0, y0) to (x1, y1) in panel k's data coordinates; the head stops {@code standoff} pixels
     * short of (x1, y1) (so that it does not hide a node there).
     */
    public PanelGrid arrow(int k, double x0, double y0, double x1, double y1, String color, double width, double standoff) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("xref", axisName("x", k));
        a.put("yref", axisName("y", k));
        a.put("axref", axisName("x", k));
        a.put("ayref", axisName("y", k));
        a.put("x", x1);
        a.put("y", y1);
        a.put("ax", x0);
        a.put("ay", y0);
        a.put("text", "");
        a.put("showarrow", true);
        a.put("arrowhead", 2);
        a.put("arrowsize", 1.2);
        a.put("arrowwidth", width);
        a.put("arrowcolor", color);
        a.put("standoff", standoff);
        a.put("startstandoff", standoff);
        annotations.add(a);
        annotationFrame.add(frames.size() - 1);
        return this;
    }

    /** Text at (x, y) in panel k's domain fractions (0..1), e.g. a per-frame caption inside a panel. */
    public PanelGrid note(int k, double x, double y, String text) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("xref", axisName("x", k) + " domain");
        a.put("yref", axisName("y", k) + " domain");
        a.put("x", x);
        a.put("y", y);
        a.put("xanchor", "center");
        a.put("yanchor", "bottom");
        a.put("text", text);
        a.put("showarrow", false);
        a.put("font", Attrs.of("size", PANEL_FONT));
        annotations.add(a);
        annotationFrame.add(frames.size() - 1);
        return this;
    }

    /** Bars of height y at x (e.g. rates per category) with a plotly colour. */
    public PanelGrid bars(int k, Object[] x, double[] y, String color, String name) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("x", x);
        t.put("y", y);
        t.put("marker", Attrs.of("color", color));
        t.put("name", name);
        t.put("hoverinfo", "x+y");
        return add(k, "bar", t);
    }

    private static Map<String, Object> annotation(int k, double x, double y, String text) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("xref", axisName("x", k));
        a.put("yref", axisName("y", k));
        a.put("x", x);
        a.put("y", y);
        a.put("text", text);
        a.put("showarrow", false);
        return a;
    }

    // ------------------------------------------------------------------ frames (slider)
    /**
     * Starts a slider frame: what is added from now on (traces, labels, arrows, panel titles are not framed) is shown
     * only at this slider position. Things added before the first frame are always shown.
     */
    public PanelGrid frame(String label) {
        frames.add(label);
        return this;
    }

    /** The frame shown when the figure opens (and in its PNG); 0 = the first. */
    public PanelGrid activeFrame(int f) {
        activeFrame = Check.inRange("frame", f, 0, Math.max(0, frames.size() - 1));
        return this;
    }

    /** Text before the slider's current value, e.g. "η = ". */
    public PanelGrid sliderPrefix(String prefix) {
        sliderPrefix = prefix;
        return this;
    }

    // ------------------------------------------------------------------ layout
    /** Design width and height in pixels. */
    public int[] size() {
        double[] g = geometry();
        return new int[]{(int) Math.round(g[0]), (int) Math.round(g[1])};
    }

    /** {width, height, left, right, top, bottom, plotWidth, plotHeight, panelWidth, row heights…}. */
    private double[] geometry() {
        boolean bars = !colorAxes.isEmpty(), legend = !keys.isEmpty(), rowHeads = hasAny(rowLabels),
                colHeads = hasAny(columnLabels);
        double left = LEFT + (rowHeads ? ROW_LABEL : 0), right = RIGHT + (bars ? COLORBAR : 0);
        double pw = Math.min(panelWidth, (MAX_WIDTH - left - right - (columns - 1) * gapX()) / columns);
        double top = TITLE_BAND + (legend ? LEGEND * legendRows(columns * pw + (columns - 1) * gapX() + right) : 0)
                + (colHeads ? COLUMN_LABEL : 0) + (hasAnyTitleInRow(0) ? PANEL_TITLE : 4),
                bottom = BOTTOM + (frames.isEmpty() ? 0 : SLIDER);
        double[] rh = new double[rows];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++) rh[r] = Math.max(rh[r], pw * aspect[r * columns + c]);
        double plotW = columns * pw + (columns - 1) * gapX(), plotH = (rows - 1) * gapY();
        for (double h : rh) plotH += h;
        double[] out = new double[9 + rows];
        out[0] = left + plotW + right;
        out[1] = top + plotH + bottom;
        out[2] = left; out[3] = right; out[4] = top; out[5] = bottom; out[6] = plotW; out[7] = plotH; out[8] = pw;
        System.arraycopy(rh, 0, out, 9, rows);
        return out;
    }

    private static boolean hasAny(String[] s) {
        for (String t : s) if (t != null) return true;
        return false;
    }

    /** The figure (responsive: the width follows the container up to the design width, the height is kept). */
    public Figure build() {
        double[] g = geometry();
        double W = g[0], H = g[1], left = g[2], right = g[3], top = g[4], bottom = g[5], plotW = g[6], plotH = g[7], pw = g[8];
        Map<String, Object> layout = new LinkedHashMap<>();
        layout.put("showlegend", !keys.isEmpty());
        layout.put("margin", Attrs.of("l", left, "r", right, "t", top, "b", bottom));
        layout.put("plot_bgcolor", "white");
        Map<String, Object> titleMap = new LinkedHashMap<>();
        titleMap.put("text", title);
        titleMap.put("font", Attrs.of("size", TITLE_FONT));
        titleMap.put("x", 0);
        titleMap.put("xref", "paper");
        titleMap.put("xanchor", "left");
        titleMap.put("y", 1 - 10 / H);
        titleMap.put("yanchor", "top");
        layout.put("title", titleMap);
        List<Map<String, Object>> fixed = new ArrayList<>();
        // grid panels: domains in plot-area fractions
        double[][] dom = new double[panels.size()][];
        double yTop = 0;
        for (int r = 0; r < rows; r++) {
            double rh = g[9 + r];
            for (int c = 0; c < columns; c++) {
                int k = r * columns + c;
                double x0 = c * (pw + gapX()), h = pw * aspect[k];
                double y1 = plotH - yTop, y0 = y1 - h;
                dom[k] = new double[]{x0 / plotW, (x0 + pw) / plotW, y0 / plotH, y1 / plotH};
            }
            if (rowLabels[r] != null) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("xref", "paper");
                a.put("yref", "paper");
                // centred in the row-label band left of the tick labels, in pixels: anchoring a rotated box by its
                // side is ambiguous, and a paper fraction would move with a responsive width
                a.put("x", 0);
                a.put("xshift", -(LEFT + ROW_LABEL / 2.0));
                a.put("y", (plotH - yTop - rh / 2) / plotH);
                a.put("xanchor", "center");
                a.put("yanchor", "middle");
                a.put("textangle", -90);
                a.put("text", "<b>" + rowLabels[r] + "</b>");
                a.put("showarrow", false);
                a.put("font", Attrs.of("size", PANEL_FONT));
                fixed.add(a);
            }
            yTop += rh + gapY();
        }
        for (int c = 0; c < columns; c++)
            if (columnLabels[c] != null) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("xref", "paper");
                a.put("yref", "paper");
                a.put("x", (c * (pw + gapX()) + pw / 2) / plotW);
                a.put("y", 1 + (hasAnyTitleInRow(0) ? PANEL_TITLE : 4) / plotH);
                a.put("xanchor", "center");
                a.put("yanchor", "bottom");
                a.put("text", "<b>" + columnLabels[c] + "</b>");
                a.put("showarrow", false);
                a.put("font", Attrs.of("size", PANEL_FONT));
                fixed.add(a);
            }
        for (int k = rows * columns; k < panels.size(); k++) {
            Panel p = panels.get(k);
            double[] h = dom[p.host], b = p.box;
            double hw = h[1] - h[0], hh = h[3] - h[2];
            dom[k] = new double[]{h[0] + b[0] * hw, h[0] + b[1] * hw, h[2] + b[2] * hh, h[2] + b[3] * hh};
        }
        for (int k = 0; k < panels.size(); k++) {
            Panel p = panels.get(k);
            Map<String, Object> xa = new LinkedHashMap<>(), ya = new LinkedHashMap<>();
            xa.put("domain", new double[]{dom[k][0], dom[k][1]});
            ya.put("domain", new double[]{dom[k][2], dom[k][3]});
            xa.put("anchor", axisName("y", k));
            ya.put("anchor", axisName("x", k));
            if (p.xRange != null) { xa.put("range", p.xRange); ya.put("range", p.yRange); }
            if (p.hidden) {
                for (Map<String, Object> a : List.of(xa, ya)) {
                    a.put("showgrid", false);
                    a.put("zeroline", false);
                    a.put("showticklabels", false);
                    a.put("ticks", "");
                    a.put("showline", false);
                    a.put("fixedrange", true);
                }
            } else {
                xa.put("title", Attrs.of("text", p.xTitle, "standoff", 4, "font", Attrs.of("size", PANEL_FONT)));
                ya.put("title", Attrs.of("text", p.yTitle, "standoff", 4, "font", Attrs.of("size", PANEL_FONT)));
                for (Map<String, Object> a : List.of(xa, ya)) {
                    a.put("showline", true);
                    a.put("mirror", true);
                    a.put("linecolor", "black");
                    a.put("ticks", "outside");
                    a.put("ticklen", 4);
                    a.put("showgrid", false);
                    a.put("zeroline", false);
                    a.put("tickfont", Attrs.of("size", LABEL_FONT));
                    a.put("nticks", 6);
                    a.put("exponentformat", "power");
                }
            }
            if (p.host < 0 && !p.hidden && shareX && k / columns < rows - 1) {
                xa.put("showticklabels", false);
                xa.put("title", Attrs.of("text", ""));
            }
            if (p.host < 0 && !p.hidden && shareY && k % columns > 0) {
                ya.put("showticklabels", false);
                ya.put("title", Attrs.of("text", ""));
            }
            if (p.yTickValues != null) {
                ya.put("tickmode", "array");
                ya.put("tickvals", p.yTickValues);
                ya.put("ticktext", p.yTickTexts);
                ya.put("showticklabels", true);
                ya.put("tickfont", Attrs.of("size", LABEL_FONT));
            }
            if (p.equal) {
                ya.put("scaleanchor", axisName("x", k));
                ya.put("scaleratio", 1);
                xa.put("constrain", "domain");
                ya.put("constrain", "domain");
            }
            layout.put(axisName("xaxis", k), xa);
            layout.put(axisName("yaxis", k), ya);
            if (p.title != null) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("xref", axisName("x", k) + " domain");
                a.put("yref", axisName("y", k) + " domain");
                a.put("x", 0.5);
                a.put("y", 1);
                a.put("yshift", 3);
                a.put("xanchor", "center");
                a.put("yanchor", "bottom");
                a.put("text", p.title);
                a.put("showarrow", false);
                a.put("font", Attrs.of("size", p.host >= 0 ? LABEL_FONT : PANEL_FONT));
                fixed.add(a);
            }
        }
        for (ColorAxis a : colorAxes) {
            Map<String, Object> bar = new LinkedHashMap<>();
            bar.put("title", Attrs.of("text", a.title(), "side", "right", "font", Attrs.of("size", PANEL_FONT)));
            bar.put("thickness", 12);
            bar.put("x", 1 + 14 / plotW);
            bar.put("xanchor", "left");
            bar.put("tickfont", Attrs.of("size", LABEL_FONT));
            bar.put("exponentformat", "power");
            bar.put("tickmode", "linear"); // contour bars would otherwise tick at the contour levels
            bar.put("tick0", 0);
            bar.put("dtick", niceStep((a.max() - a.min()) / 5));
            if (a.row() >= 0) {
                double[] d = dom[a.row() * columns];
                double y0 = d[2], y1 = d[3];
                for (int c = 1; c < columns; c++) { y0 = Math.min(y0, dom[a.row() * columns + c][2]); y1 = Math.max(y1, dom[a.row() * columns + c][3]); }
                bar.put("y", (y0 + y1) / 2);
                bar.put("len", y1 - y0);
            } else {
                bar.put("y", 0.5);
                bar.put("len", 1);
            }
            bar.put("yanchor", "middle");
            bar.put("lenmode", "fraction");
            Map<String, Object> ca = new LinkedHashMap<>();
            ca.put("colorscale", a.scale());
            ca.put("cmin", a.min());
            ca.put("cmax", a.max());
            ca.put("colorbar", bar);
            layout.put(a.id(), ca);
        }
        if (!keys.isEmpty()) {
            Map<String, Object> legend = new LinkedHashMap<>();
            legend.put("orientation", "h");
            legend.put("x", 0);
            legend.put("xanchor", "left");
            legend.put("y", 1 + (top - TITLE_BAND) / plotH);
            legend.put("yanchor", "top");
            legend.put("font", Attrs.of("size", LABEL_FONT + 1));
            legend.put("itemwidth", 30);
            legend.put("entrywidthmode", "pixels");
            layout.put("legend", legend);
        }
        if (!shapes.isEmpty()) layout.put("shapes", shapes);
        placeLabels(pw);
        List<Map<String, Object>> always = new ArrayList<>(fixed);
        for (int i = 0; i < annotations.size(); i++) if (annotationFrame.get(i) < 0) always.add(annotations.get(i));
        layout.put("annotations", framed(always, activeFrame));
        List<Trace> out = new ArrayList<>();
        for (int i = 0; i < traces.size(); i++) {
            Map<String, Object> t = new LinkedHashMap<>(traces.get(i));
            if (traceFrame.get(i) >= 0 && traceFrame.get(i) != activeFrame) t.put("visible", false);
            String type = (String) t.remove("type");
            out.add(RawTrace.of(type, t));
        }
        for (int i = 0; i < keys.size(); i++) {
            Map<String, Object> t = new LinkedHashMap<>(keys.get(i));
            out.add(RawTrace.of("scatter", t));
        }
        if (!frames.isEmpty()) {
            List<Map<String, Object>> steps = new ArrayList<>();
            for (int f = 0; f < frames.size(); f++) {
                Object[] visible = new Object[out.size()];
                for (int i = 0; i < out.size(); i++) visible[i] = i >= traces.size() || traceFrame.get(i) < 0 || traceFrame.get(i) == f;
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("label", frames.get(f));
                step.put("method", "update");
                step.put("args", List.of(Attrs.of("visible", visible), Attrs.of("annotations", framed(always, f))));
                steps.add(step);
            }
            Map<String, Object> slider = new LinkedHashMap<>();
            slider.put("active", activeFrame);
            slider.put("steps", steps);
            slider.put("x", 0);
            slider.put("len", 1);
            slider.put("y", -(46.0) / plotH);
            slider.put("yanchor", "top");
            slider.put("pad", Attrs.of("t", 0, "b", 0));
            slider.put("currentvalue", Attrs.of("prefix", sliderPrefix, "font", Attrs.of("size", PANEL_FONT)));
            slider.put("font", Attrs.of("size", LABEL_FONT));
            layout.put("sliders", List.of(slider));
        }
        if (out.isEmpty()) out.add(RawTrace.of("scatter", Attrs.of("x", new double[0], "y", new double[0])));
        // the design size goes into the jsplot layout: PNG pages (Plots.page) are made at that size
        return new PlotlyFigure(Layout.builder().title(title).width((int) Math.round(W)).height((int) Math.round(H)).build(),
                layout, out.toArray(new Trace[0]));
    }

    /** Rows a horizontal key needs at a width (entries measured at about 6.5 px per character plus the symbol). */
    int legendRows(double width) {
        int rowsNeeded = 1;
        double x = 0;
        for (Map<String, Object> k : keys) {
            double w = 48 + 6.5 * String.valueOf(k.get("name")).length();
            if (x + w > width && x > 0) { rowsNeeded++; x = 0; }
            x += w;
        }
        return rowsNeeded;
    }

    /** 1, 2, 2.5 or 5 times a power of ten, the first at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) return 1;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[]{1, 2, 2.5, 5, 10}) if (m * p >= raw * (1 - 1e-9)) return m * p;
        return 10 * p;
    }

    private boolean hasAnyTitleInRow(int r) {
        for (int c = 0; c < columns; c++) if (panels.get(r * columns + c).title != null) return true;
        return false;
    }

    private List<Map<String, Object>> framed(List<Map<String, Object>> always, int f) {
        List<Map<String, Object>> a = new ArrayList<>(always);
        for (int i = 0; i < annotations.size(); i++) if (annotationFrame.get(i) == f && !frames.isEmpty()) a.add(annotations.get(i));
        return a;
    }
}
