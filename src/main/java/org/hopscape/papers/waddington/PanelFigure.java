package org.hopscape.papers.waddington;

import org.hopscape.plot.PlotlyFigure;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A jsplot {@link Figure} with a rows × columns grid of independent panels: panel k (1-based, row-major) uses
 * axes x{k}/y{k}. jsplot's layout knows only the first axis pair, so the panel axes (domain, anchor, title) are
 * added to the plotly layout as data ({@link PlotlyFigure}).
 */
final class PanelFigure extends PlotlyFigure {
    static final double GAP = 0.04;

    PanelFigure(Layout layout, int rows, int cols, String[] xTitles, String[] yTitles, Trace... traces) {
        super(layout, axes(rows, cols, xTitles, yTitles), traces);
    }

    static Map<String, Object> axes(int rows, int cols, String[] xTitles, String[] yTitles) {
        Map<String, Object> axes = new LinkedHashMap<>();
        for (int k = 0; k < rows * cols; k++) {
            int r = k / cols, c = k % cols;
            double x0 = (double) c / cols + GAP, x1 = (double) (c + 1) / cols - GAP;
            double y1 = 1 - (double) r / rows - GAP, y0 = 1 - (double) (r + 1) / rows + 2 * GAP;
            String sx = k == 0 ? "" : Integer.toString(k + 1);
            axes.put("xaxis" + sx, Map.of("domain", new double[] {x0, x1}, "anchor", "y" + sx,
                    "title", Map.of("text", xTitles[k % xTitles.length])));
            axes.put("yaxis" + sx, Map.of("domain", new double[] {y0, y1}, "anchor", "x" + sx,
                    "title", Map.of("text", yTitles[k % yTitles.length])));
        }
        return axes;
    }
}
