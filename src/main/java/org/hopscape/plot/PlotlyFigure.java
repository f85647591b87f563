package org.hopscape.plot;

import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A jsplot {@link Figure} plus layout attributes in plotly's own vocabulary that jsplot's builders cannot set
 * (several axis pairs, a panel grid, annotations, titles with fonts, {@code scaleanchor}): they are merged, deep and
 * last, into the layout jsplot writes. Values as for {@link RawTrace}: numbers, strings, booleans, arrays, lists and
 * maps. Its script ({@link #asJavascript(String)}) is the complete plotly JSON, so every consumer of jsplot figures
 * sees the merged layout.
 */
public class PlotlyFigure extends Figure {
    private final Map<String, Object> layoutExtra;

    public PlotlyFigure(Layout layout, Map<String, ?> layoutExtra, Trace... traces) {
        super(layout, traces);
        // the given order, or key order for a map without one (Map.of): the same JSON in every run
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : Json.entries(layoutExtra)) copy.put(e.getKey(), e.getValue());
        this.layoutExtra = Collections.unmodifiableMap(copy);
    }

    /** The attributes merged into jsplot's layout. */
    public Map<String, Object> layoutExtra() {
        return layoutExtra;
    }

    /** jsplot's own script for this figure, before the extra layout is merged. */
    String jsplotJavascript(String divName) {
        return super.asJavascript(divName);
    }

    @Override
    public String asJavascript(String divName) {
        String target = "target_" + divName;
        return "<script>\nvar " + target + " = document.getElementById('" + divName + "');\n"
                + "var figure = " + Plots.json(this) + ";\n"
                + "Plotly.newPlot(" + target + ", figure);\n</script>";
    }
}
