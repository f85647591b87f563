package org.hopscape.plot;

import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Margin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Memory images (vectors of pixels in [−1, 1]) tiled into one heat map on the colour scale notebook 02 draws its
 * memories with: plotly's RdBu (its default heat-map scale: blue −1, grey 0, red +1) over the fixed range [−1, 1],
 * with one labelled colour bar, so every notebook's memories read alike. Rows and columns carry their parameter
 * (e.g. "T<sub>r</sub> = 0.92" per row, "n = 20" per column); optional captions go under single tiles.
 */
public final class MemoryImages {
    private MemoryImages() {}

    /** Plotly's RdBu, not reversed: −1 blue, +1 red (notebook 02's memory images). */
    public static final String COLORSCALE = "RdBu";
    /** The fixed range of a memory pixel. */
    public static final double ZMIN = -1, ZMAX = 1;
    /** Title of the colour bar. */
    public static final String BAR_TITLE = "pixel value";

    /** Heat-map attributes of the memory scale: map, range [−1, 1] centred on 0, and one titled colour bar. */
    public static Map<String, Object> scale() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("colorscale", COLORSCALE);
        m.put("zmin", ZMIN);
        m.put("zmax", ZMAX);
        m.put("zmid", 0.0);
        m.put("showscale", true);
        m.put("colorbar", Keys.colorBar(BAR_TITLE));
        return m;
    }

    /**
     * The images in a grid of {@code columns} tiles per row, top row first, each image row-major with its top row
     * first.
     *
     * @param rowLabels    one label per grid row, drawn left of the row (null: none)
     * @param columnLabels one label per grid column, drawn above it (null: none)
     * @param captions     one caption per image, drawn under its tile (null: none; a null entry: no caption)
     */
    public static Figure grid(String title, double[][] images, int width, int height, int columns,
                              List<String> rowLabels, List<String> columnLabels, List<String> captions) {
        if (columns <= 0) throw new IllegalArgumentException("columns must be > 0 (got " + columns + ")");
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("width and height must be > 0 (got " + width + ", " + height + ")");
        int rows = (images.length + columns - 1) / columns;
        if (rowLabels != null && rowLabels.size() != rows)
            throw new IllegalArgumentException("rowLabels must have one label per row (" + rows + "), got " + rowLabels.size());
        if (columnLabels != null && columnLabels.size() != columns)
            throw new IllegalArgumentException("columnLabels must have one label per column (" + columns + "), got " + columnLabels.size());
        if (captions != null && captions.size() != images.length)
            throw new IllegalArgumentException("captions must have one caption per image (" + images.length + "), got " + captions.size());
        int gap = 1, rowGap = captions == null ? 1 : Math.max(1, Math.round(height * 0.35f));
        int gw = columns * (width + gap) - gap, gh = rows * (height + rowGap) - rowGap;
        double[][] z = new double[gh][gw];
        for (double[] r : z) Arrays.fill(r, Double.NaN);
        for (int k = 0; k < images.length; k++) {
            if (images[k] == null) continue; // an empty tile
            if (images[k].length != width * height)
                throw new IllegalArgumentException("image " + k + " has " + images[k].length + " pixels, expected " + width + "×" + height);
            int r0 = (k / columns) * (height + rowGap), c0 = (k % columns) * (width + gap);
            for (int i = 0; i < height; i++) System.arraycopy(images[k], i * width, z[r0 + i], c0, width);
        }
        int left = rowLabels == null ? 30 : 30 + 7 * rowLabels.stream().mapToInt(MemoryImages::visibleLength).max().orElse(0);
        int top = 60 + (columnLabels == null ? 0 : 22), bottom = captions == null ? 30 : 40, bar = 90;
        // square pixels inside the default page size
        double s = Math.min((Figures.WIDTH - left - bar - 20.0) / gw, (2 * Figures.HEIGHT - top - bottom) / (double) gh);
        Layout layout = Layout.builder().title(title)
                .width((int) Math.round(left + bar + 20 + s * gw)).height((int) Math.round(top + bottom + s * gh))
                .margin(Margin.builder().left(left).right(bar).top(top).bottom(bottom).build())
                .xAxis(Axis.builder().visible(false).build())
                .yAxis(Axis.builder().visible(false).autoRange(Axis.AutoRange.REVERSED).build()).build();
        Map<String, Object> heat = new LinkedHashMap<>();
        heat.put("z", z);
        heat.putAll(scale());
        heat.put("hoverinfo", "z");
        List<Map<String, Object>> notes = new ArrayList<>();
        if (rowLabels != null)
            for (int r = 0; r < rows; r++)
                notes.add(note(rowLabels.get(r), -gap - 0.5, r * (height + rowGap) + (height - 1) / 2.0, "right", "middle"));
        if (columnLabels != null)
            for (int c = 0; c < columns; c++)
                notes.add(note(columnLabels.get(c), c * (width + gap) + (width - 1) / 2.0, -1.0, "center", "bottom"));
        if (captions != null)
            for (int k = 0; k < images.length; k++)
                if (captions.get(k) != null)
                    notes.add(note(captions.get(k), (k % columns) * (width + gap) + (width - 1) / 2.0,
                            (k / columns) * (height + rowGap) + height - 0.5, "center", "top"));
        Map<String, Object> extra = new LinkedHashMap<>();
        // pixels stay square at any container width
        extra.put("yaxis", Attrs.of("scaleanchor", "x", "constrain", "domain"));
        extra.put("xaxis", Attrs.of("constrain", "domain"));
        if (!notes.isEmpty()) extra.put("annotations", notes);
        return new PlotlyFigure(layout, extra, RawTrace.of("heatmap", heat));
    }

    /** Without labels: the images in rows of {@code columns}. */
    public static Figure grid(String title, double[][] images, int width, int height, int columns) {
        return grid(title, images, width, height, columns, null, null, null);
    }

    private static Map<String, Object> note(String text, double x, double y, String xanchor, String yanchor) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", text);
        m.put("x", x);
        m.put("y", y);
        m.put("xref", "x");
        m.put("yref", "y");
        m.put("xanchor", xanchor);
        m.put("yanchor", yanchor);
        m.put("showarrow", false);
        m.put("font", Attrs.of("size", 11));
        return m;
    }

    /** Characters a label shows (markup such as {@code <sub>} removed). */
    static int visibleLength(String label) {
        return label.replaceAll("<[^>]*>", "").length();
    }
}
