package org.hopscape.plot;

import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Canned figures over tablesaw-jsplot builders (style.md #14). Defaults are named constants. */
public final class Figures {
    private Figures() {}

    public static final int WIDTH = 720;
    public static final int HEIGHT = 480;
    public static final double MARKER_SIZE = 4;

    /** A named curve (or point set) for {@link #lines} and {@link #points}. */
    public record Series(String name, double[] x, double[] y) {
        public Series {
            if (x.length != y.length)
                throw new IllegalArgumentException("series '" + name + "': x has " + x.length + " points, y has " + y.length);
        }
    }

    public static Layout layout(String title, String xTitle, String yTitle) {
        return Layout.builder().title(title).width(WIDTH).height(HEIGHT)
                .xAxis(Axis.builder().title(xTitle).build())
                .yAxis(Axis.builder().title(yTitle).build()).build();
    }

    /** One line per series. */
    public static Figure lines(String title, String xTitle, String yTitle, List<Series> series) {
        return traces(title, xTitle, yTitle, series, ScatterTrace.Mode.LINE);
    }

    /** One marker cloud per series. */
    public static Figure points(String title, String xTitle, String yTitle, List<Series> series) {
        return traces(title, xTitle, yTitle, series, ScatterTrace.Mode.MARKERS);
    }

    private static Figure traces(String title, String xTitle, String yTitle, List<Series> series, ScatterTrace.Mode mode) {
        List<Trace> traces = new ArrayList<>();
        for (Series s : series)
            traces.add(ScatterTrace.builder(s.x(), s.y()).mode(mode).name(s.name())
                    .marker(Marker.builder().size(MARKER_SIZE).build()).build());
        return new Figure(layout(title, xTitle, yTitle), traces.toArray(new Trace[0]));
    }

    /** Scatter coloured by a category label (one legend entry per label, in first-seen order). */
    public static Figure scatterByLabel(String title, String xTitle, String yTitle, double[] x, double[] y, String[] labels) {
        if (x.length != y.length || x.length != labels.length)
            throw new IllegalArgumentException("x, y and labels must have one entry per point (got "
                    + x.length + ", " + y.length + ", " + labels.length + ")");
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) groups.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(i);
        // digit classes "0"…"9": in digit order and in the kit's fixed digit colours (DigitColors), as in every figure
        boolean digits = groups.keySet().stream().allMatch(l -> l != null && l.matches("[0-9]"));
        List<String> order = new ArrayList<>(groups.keySet());
        if (digits) order.sort(null);
        List<Trace> traces = new ArrayList<>();
        for (String label : order) {
            List<Integer> idx = groups.get(label);
            double[] gx = new double[idx.size()], gy = new double[idx.size()];
            for (int k = 0; k < gx.length; k++) { gx[k] = x[idx.get(k)]; gy[k] = y[idx.get(k)]; }
            Marker.MarkerBuilder m = Marker.builder().size(MARKER_SIZE);
            if (digits) m.color(DigitColors.ofLabel(label));
            traces.add(ScatterTrace.builder(gx, gy).mode(ScatterTrace.Mode.MARKERS).name(label).marker(m.build()).build());
        }
        return new Figure(layout(title, xTitle, yTitle), traces.toArray(new Trace[0]));
    }

    /** Scatter coloured by a continuous value (e.g. energy), with a colour bar. */
    public static Figure scatterByValue(String title, String xTitle, String yTitle, double[] x, double[] y, double[] value) {
        if (x.length != y.length || x.length != value.length)
            throw new IllegalArgumentException("x, y and value must have one entry per point");
        Trace t = ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.MARKERS)
                .marker(Marker.builder().size(MARKER_SIZE).color(value).showScale(true)
                        .colorScale(Marker.Palette.VIRIDIS).build()).build();
        return new Figure(layout(title, xTitle, yTitle), t);
    }

    /** Heat map of z[row][col] with row coordinates y and column coordinates x. */
    public static Figure heatmap(String title, String xTitle, String yTitle, double[] x, double[] y, double[][] z) {
        if (z.length != y.length || (z.length > 0 && z[0].length != x.length))
            throw new IllegalArgumentException("z must be y.length × x.length (" + y.length + " × " + x.length + ")");
        Trace t = HeatmapTrace.builder(box(x), box(y), z).build();
        return new Figure(layout(title, xTitle, yTitle), t);
    }

    /**
     * A grid of grayscale images (e.g. digits or memories) tiled into one heat map, one pixel of gap between
     * tiles. Each image is a row of {@code width × height} values, row-major, top row first; black is the
     * smallest value of all images, white the largest (MNIST's usual look).
     */
    public static Figure imageGrid(String title, double[][] images, int width, int height, int columns) {
        if (columns <= 0) throw new IllegalArgumentException("columns must be > 0 (got " + columns + ")");
        int rows = (images.length + columns - 1) / columns;
        int gw = columns * (width + 1) - 1, gh = rows * (height + 1) - 1;
        double[][] z = new double[gh][gw];
        for (double[] r : z) java.util.Arrays.fill(r, Double.NaN);
        for (int k = 0; k < images.length; k++) {
            if (images[k].length != width * height)
                throw new IllegalArgumentException("image " + k + " has " + images[k].length + " pixels, expected "
                        + width + "×" + height);
            int r0 = (k / columns) * (height + 1), c0 = (k % columns) * (width + 1);
            for (int i = 0; i < height; i++) System.arraycopy(images[k], i * width, z[r0 + i], c0, width);
        }
        // square pixels inside the default page size
        double scale = Math.min((WIDTH - 60.0) / gw, (2 * HEIGHT - 100.0) / gh);
        Layout layout = Layout.builder().title(title)
                .width((int) Math.round(60 + scale * gw)).height((int) Math.round(100 + scale * gh))
                .margin(tech.tablesaw.plotly.components.Margin.builder().left(30).right(30).top(60).bottom(40).build())
                .xAxis(Axis.builder().visible(false).build())
                .yAxis(Axis.builder().visible(false).autoRange(Axis.AutoRange.REVERSED).build()).build();
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("z", z);
        attrs.put("colorscale", "Greys");
        attrs.put("showscale", false);
        attrs.put("hoverinfo", "z");
        // pixels stay square at any container width
        Map<String, Object> square = Attrs.of("yaxis", Attrs.of("scaleanchor", "x", "constrain", "domain"),
                "xaxis", Attrs.of("constrain", "domain"));
        return new PlotlyFigure(layout, square, RawTrace.of("heatmap", attrs));
    }

    static Double[] box(double[] v) {
        Double[] b = new Double[v.length];
        for (int i = 0; i < v.length; i++) b[i] = v[i];
        return b;
    }
}
