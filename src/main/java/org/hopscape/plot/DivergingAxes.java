package org.hopscape.plot;

/**
 * Shared colour axes of a {@link PanelGrid} for signed quantities: the kit's diverging map ({@link Keys#DIVERGING},
 * plotly.js's RdBu as it stands: blue negative, grey zero, red positive, as in {@link MatrixFigures#signed} and
 * {@link MemoryImages}) over a range symmetric about 0, so the sign change sits at the map's centre in every panel
 * drawn on it and one labelled bar reads for all of them.
 */
public final class DivergingAxes {
    private DivergingAxes() {}

    /**
     * A colour axis of {@code g} centred at 0 covering [lo, hi]: [−m, m] with m = max(|lo|, |hi|) (1 when both are 0).
     *
     * @param barTitle the quantity, with what its zero means if that is not obvious (e.g. "Ṽ, 0 at u = 0")
     * @param row      the row whose side carries the bar, −1 for the whole grid
     */
    public static PanelGrid.ColorAxis centred(PanelGrid g, String barTitle, double lo, double hi, int row) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo > hi)
            throw new IllegalArgumentException("lo and hi must be finite with lo ≤ hi (got " + lo + ", " + hi + ")");
        double m = Math.max(Math.abs(lo), Math.abs(hi));
        if (m == 0) m = 1;
        return g.colorAxis(barTitle, Keys.DIVERGING, -m, m, row);
    }
}
