package org.hopscape.plot;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class DivergingAxesTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void rangeIsSymmetricAboutZeroOnTheKitsUnreversedDivergingMap() {
        PanelGrid g = new PanelGrid("t", 1, 2, 1);
        PanelGrid.ColorAxis a = DivergingAxes.centred(g, "Ṽ(u), Ṽ(0) = 0", -1.16, 1.23, -1);
        PanelGrid.ColorAxis b = DivergingAxes.centred(g, "α", -3, 0.5, -1);
        assertEquals(-1.23, a.min());
        assertEquals(1.23, a.max());
        assertEquals(-3, b.min());
        assertEquals(3, b.max());
        g.contour(0, new double[]{0, 1}, new double[]{0, 1}, new double[][]{{-1.16, 0}, {0.2, 1.23}}, a, 20);
        g.heatmap(1, new double[]{0, 1}, new double[]{0, 1}, new double[][]{{-3, 0}, {0.2, 0.5}}, b);
        Map<String, Object> layout = ((PlotlyFigure) g.build()).layoutExtra();
        Map<String, Object> ca = map(layout.get(a.id()));
        assertEquals(Keys.DIVERGING, ca.get("colorscale"));
        assertFalse(ca.containsKey("reversescale"), "negative blue, positive red as Keys.diverging and MatrixFigures.signed");
        assertEquals(-1.23, ca.get("cmin"));
        assertEquals(1.23, ca.get("cmax"));
        assertEquals("Ṽ(u), Ṽ(0) = 0", map(map(ca.get("colorbar")).get("title")).get("text"));
        assertEquals(-3.0, map(layout.get(b.id())).get("cmin"));
    }

    @Test
    void zeroRangeAndBadBoundsAreHandled() {
        PanelGrid g = new PanelGrid("t", 1, 1, 1);
        PanelGrid.ColorAxis a = DivergingAxes.centred(g, "x", 0, 0, -1);
        assertEquals(-1, a.min());
        assertEquals(1, a.max());
        assertThrows(IllegalArgumentException.class, () -> DivergingAxes.centred(g, "x", 1, -1, -1));
        assertThrows(IllegalArgumentException.class, () -> DivergingAxes.centred(g, "x", Double.NaN, 1, -1));
    }
}
