package org.hopscape.plot;

import tech.tablesaw.plotly.components.Figure;

import java.util.List;
import java.util.Map;

/** Test access to a figure's plotly JSON as maps and lists ({@link PlotlyJson}, package-private) from other packages. */
public final class FigureJson {
    private FigureJson() {}

    /** {@code {data, layout, config}} of the figure. */
    public static Map<String, Object> of(Figure figure) {
        return PlotlyJson.of(figure);
    }

    /** The figure's traces. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> data(Figure figure) {
        return (List<Map<String, Object>>) of(figure).get("data");
    }

    /** The figure's layout. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> layout(Figure figure) {
        return (Map<String, Object>) of(figure).get("layout");
    }

    /** The numbers of a data array as PlotlyJson leaves it (double[], a typed 2-D array, or a list; null = NaN), row by row. */
    public static double[] numbers(Object v) {
        if (v instanceof double[] d) return d.clone();
        if (v instanceof TypedArray t) return t.values().clone();
        if (v instanceof List<?> l) {
            java.util.stream.DoubleStream.Builder b = java.util.stream.DoubleStream.builder();
            for (Object o : l) for (double d : o == null ? new double[]{Double.NaN} : numbers(o instanceof Number n ? new double[]{n.doubleValue()} : o)) b.add(d);
            return b.build().toArray();
        }
        throw new IllegalArgumentException("v must be a numeric array (got " + (v == null ? null : v.getClass()) + ")");
    }
}
