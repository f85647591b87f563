package org.hopscape.papers.waddington;

import org.hopscape.plot.Attrs;
import org.hopscape.plot.PlotlyFigure;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A jsplot {@link Figure} with a rows × columns grid of independent panels: panel k (1-based, row-major) uses
 * axes x{k}/y{k}. jsplot's layout knows only the first axis pair, so the panel axes (domain, anchor, title) are
 * added to the plotly layout as data ({@link PlotlyFigure}). Each panel may carry its own title above it (its
 * parameter: "n = 6", "epoch 1000", "T<sub>r</sub> = 0.702").
 */
final class PanelFigure extends PlotlyFigure {
    static final double GAP = 0.04;

    PanelFigure(Layout layout, int rows, int cols, String[] xTitles, String[] yTitles, Trace... traces) {
        this(layout, rows, cols, xTitles, yTitles, null, traces);
    }

    /** @param panelTitles one title per panel, drawn centred above it (null: none) */
    PanelFigure(Layout layout, int rows, int cols, String[] xTitles, String[] yTitles, String[] panelTitles, Trace... traces) {
        super(layout, layout(rows, cols, xTitles, yTitles, panelTitles), traces);
    }

    static Map<String, Object> axes(int rows, int cols, String[] xTitles, String[] yTitles) {
        Map<String, Object> axes = new LinkedHashMap<>();
        for (int k = 0; k < rows * cols; k++) {
            double[] x = xDomain(k, cols), y = yDomain(k, rows, cols);
            String sx = k == 0 ? "" : Integer.toString(k + 1);
            axes.put("xaxis" + sx, Attrs.of("domain", x, "anchor", "y" + sx,
                    "title", Attrs.of("text", xTitles[k % xTitles.length])));
            axes.put("yaxis" + sx, Attrs.of("domain", y, "anchor", "x" + sx,
                    "title", Attrs.of("text", yTitles[k % yTitles.length])));
        }
        return axes;
    }

    static Map<String, Object> layout(int rows, int cols, String[] xTitles, String[] yTitles, String[] panelTitles) {
        Map<String, Object> out = axes(rows, cols, xTitles, yTitles);
        if (panelTitles == null) return out;
        if (panelTitles.length != rows * cols)
            throw new IllegalArgumentException("panelTitles must name each of the " + rows * cols + " panels, got " + panelTitles.length);
        List<Map<String, Object>> notes = new ArrayList<>();
        for (int k = 0; k < panelTitles.length; k++) {
            double[] x = xDomain(k, cols), y = yDomain(k, rows, cols);
            notes.add(Attrs.of("text", panelTitles[k], "xref", "paper", "yref", "paper",
                    "x", (x[0] + x[1]) / 2, "y", y[1], "xanchor", "center", "yanchor", "bottom", "yshift", 6,
                    "showarrow", false, "font", Attrs.of("size", 13)));
        }
        out.put("annotations", notes);
        return out;
    }

    /** Horizontal extent (paper fraction) of panel k. */
    static double[] xDomain(int k, int cols) {
        int c = k % cols;
        return new double[] {(double) c / cols + GAP, (double) (c + 1) / cols - GAP};
    }

    /** Vertical extent (paper fraction) of panel k. */
    static double[] yDomain(int k, int rows, int cols) {
        int r = k / cols;
        return new double[] {1 - (double) (r + 1) / rows + 2 * GAP, 1 - (double) r / rows - GAP};
    }
}
