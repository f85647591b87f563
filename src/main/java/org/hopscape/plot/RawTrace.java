package org.hopscape.plot;

import tech.tablesaw.plotly.components.HoverLabel;
import tech.tablesaw.plotly.traces.Trace;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Any plotly trace, given its type and attributes as a map (plotly's own vocabulary: {@code z},
 * {@code colorscale}, {@code contours}, {@code line}, …). For what the jsplot builders do not offer, e.g. a
 * grayscale heat map or a contour plot; it goes into a jsplot {@code Figure} like any other trace.
 * Values: numbers, strings, booleans, double[]/int[]/Object[] (nested for matrices), lists and maps.
 */
public final class RawTrace implements Trace {
    private final Map<String, Object> attributes;

    public RawTrace(String type, Map<String, ?> attributes) {
        this.attributes = new LinkedHashMap<>();
        this.attributes.put("type", type);
        // type first, then the given order (or key order for a map without one, e.g. Map.of): the same JSON every run
        for (Map.Entry<String, Object> e : Json.entries(attributes)) this.attributes.put(e.getKey(), e.getValue());
    }

    public static RawTrace of(String type, Map<String, ?> attributes) {
        return new RawTrace(type, attributes);
    }

    @Override
    public String asJavascript(int i) {
        return "var trace" + i + " = " + Json.write(attributes) + ";\n";
    }

    @Override
    public String name() {
        Object n = attributes.get("name");
        return n == null ? "" : n.toString();
    }

    @Override
    public HoverLabel hoverLabel() {
        return null;
    }

    @Override
    public boolean showLegend() {
        return !Boolean.FALSE.equals(attributes.get("showlegend"));
    }
}
