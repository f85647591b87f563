package org.hopscape.papers.waddington;

import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

import java.util.Locale;

/**
 * A jsplot {@link Figure} with a rows × columns grid of independent panels: panel k (1-based, row-major) uses
 * axes x{k}/y{k}. jsplot's layout knows only the first axis pair, so the panel axes (domain, anchor, title) are
 * added to the plotly layout in the figure's script.
 */
final class PanelFigure extends Figure {
    static final double GAP = 0.04;
    private final String axes;

    PanelFigure(Layout layout, int rows, int cols, String[] xTitles, String[] yTitles, Trace... traces) {
        super(layout, traces);
        StringBuilder sb = new StringBuilder("{");
        for (int k = 0; k < rows * cols; k++) {
            int r = k / cols, c = k % cols;
            double x0 = (double) c / cols + GAP, x1 = (double) (c + 1) / cols - GAP;
            double y1 = 1 - (double) r / rows - GAP, y0 = 1 - (double) (r + 1) / rows + 2 * GAP;
            String sx = k == 0 ? "" : Integer.toString(k + 1);
            if (k > 0) sb.append(',');
            sb.append(String.format(Locale.ROOT,
                    "\"xaxis%s\":{\"domain\":[%.4f,%.4f],\"anchor\":\"y%s\",\"title\":{\"text\":%s}},"
                            + "\"yaxis%s\":{\"domain\":[%.4f,%.4f],\"anchor\":\"x%s\",\"title\":{\"text\":%s}}",
                    sx, x0, x1, sx, quote(xTitles[k % xTitles.length]), sx, y0, y1, sx, quote(yTitles[k % yTitles.length])));
        }
        axes = sb.append('}').toString();
    }

    @Override
    public String asJavascript(String divName) {
        String js = super.asJavascript(divName);
        int at = js.indexOf("Plotly.newPlot(");
        if (at < 0) return js;
        return js.substring(0, at) + "Object.assign(layout, " + axes + ");\n" + js.substring(at);
    }

    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
