package org.hopscape.plot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Colour scales, colour bars and legends: one labelled bar per shared scale, a diverging map centred on zero for
 * signed data, and legends that never scroll. The maps are plotly attributes, to put into a trace
 * ({@link Scale#traceAttributes}) or a layout ({@link #legend}).
 */
public final class Keys {
    private Keys() {}

    /** Sequential map for magnitudes (energies, densities, counts). */
    public static final String SEQUENTIAL = "Viridis";
    /**
     * Diverging map for signed quantities: plotly.js's RdBu, which (unlike ColorBrewer's RdBu, red first) runs from
     * blue {@link #DIVERGING_LOW} at its low end through grey to red {@link #DIVERGING_HIGH} at its high end; not
     * reversed, it draws negative blue, zero grey, positive red (the kit's convention: {@link MatrixFigures#signed},
     * {@link MemoryImages}).
     */
    public static final String DIVERGING = "RdBu";
    /** The end colours of plotly.js's RdBu (plotly.js 2.35 src/components/colorscale/scales.js). */
    public static final String DIVERGING_LOW = "rgb(5,10,172)", DIVERGING_HIGH = "rgb(178,10,28)";

    /**
     * One colour scale shared by every panel drawn with it: map, range and the title of its single bar.
     *
     * @param reversed plotly's {@code reversescale} (it swaps the ends: RdBu reversed puts red on the negative side)
     */
    public record Scale(String colorscale, double zmin, double zmax, boolean reversed, String title) {
        public Scale {
            if (!(zmin < zmax)) throw new IllegalArgumentException("zmin must be < zmax, got " + zmin + ", " + zmax);
        }

        /**
         * Attributes of a trace (heatmap, contour, marker) drawn on this scale; {@code showBar} on exactly one of
         * the traces that share it. The bar's title is the quantity, its ticks formatted for reading.
         */
        public Map<String, Object> traceAttributes(boolean showBar) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("colorscale", colorscale);
            m.put("zmin", zmin);
            m.put("zmax", zmax);
            if (reversed) m.put("reversescale", true);
            m.put("showscale", showBar);
            if (showBar) m.put("colorbar", colorBar(title));
            return m;
        }
    }

    /** A colour bar with its title on the side (never over a legend) and ticks in 3 significant digits. */
    public static Map<String, Object> colorBar(String title) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", Attrs.of("text", Notation.tex(title), "side", "right"));
        m.put("thickness", 14);
        m.put("len", 0.9);
        m.put("outlinewidth", 0);
        m.put("tickformat", ".3~g");
        return m;
    }

    /** A sequential scale over the finite values of every array given (one range for all panels). */
    public static Scale shared(String title, double[][]... panels) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[][] z : panels) for (double[] row : z) for (double v : row) {
            if (Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        }
        if (!(lo < hi)) { lo = Double.isFinite(lo) ? lo - 0.5 : 0; hi = lo + 1; }
        return new Scale(SEQUENTIAL, lo, hi, false, title);
    }

    /**
     * A diverging scale symmetric about zero over every array given: zero is the map's grey centre, negative values
     * blue, positive red, so a sign change is seen.
     */
    public static Scale diverging(String title, double[][]... panels) {
        double m = 0;
        for (double[][] z : panels) for (double[] row : z) for (double v : row) if (Double.isFinite(v)) m = Math.max(m, Math.abs(v));
        if (m == 0) m = 1;
        return new Scale(DIVERGING, -m, m, false, title);
    }

    /**
     * The colour a scale gives its low end (zmin, {@code high} false) or its high end (zmax), {@code reversescale}
     * taken into account; known for {@link #DIVERGING} only.
     */
    public static String endColour(Scale s, boolean high) {
        if (!DIVERGING.equals(s.colorscale()))
            throw new IllegalArgumentException("colorscale must be " + DIVERGING + " (got " + s.colorscale() + ")");
        return high != s.reversed() ? DIVERGING_HIGH : DIVERGING_LOW;
    }

    /**
     * A legend that shows every entry without a scroll bar: up to {@code maxVertical} entries in a column at the
     * right, more in rows below the plot (plotly wraps horizontal legends).
     */
    public static Map<String, Object> legend(int entries, int maxVertical) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (entries <= maxVertical) {
            m.put("orientation", "v");
            m.put("x", 1.02);
            m.put("xanchor", "left");
            m.put("y", 1);
            m.put("yanchor", "top");
        } else {
            m.put("orientation", "h");
            m.put("x", 0);
            m.put("xanchor", "left");
            m.put("y", -0.12);
            m.put("yanchor", "top");
        }
        m.put("itemsizing", "constant");
        m.put("font", Attrs.of("size", 11));
        return m;
    }
}
