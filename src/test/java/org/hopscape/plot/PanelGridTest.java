package org.hopscape.plot;

import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class PanelGridTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static double[] domain(Map<String, Object> layout, String axis) {
        return (double[]) map(layout.get(axis)).get("domain");
    }

    @Test
    void wideGridsShrinkToTheReportColumnAndKeepTheirGapsInPixels() {
        for (int columns : new int[]{1, 3, 5, 8}) {
            PanelGrid g = new PanelGrid("t", 2, columns, 1);
            int[] size = g.size();
            assertTrue(size[0] <= PanelGrid.MAX_WIDTH, columns + " columns: width " + size[0]);
            Figure f = g.build();
            assertArrayEquals(size, Plots.designSize(f));
            Map<String, Object> layout = ((PlotlyFigure) f).layoutExtra();
            double plotW = size[0] - PanelGrid.LEFT - PanelGrid.RIGHT;
            for (int c = 1; c < columns; c++) {
                double gap = (domain(layout, PanelGrid.axisName("xaxis", c))[0] - domain(layout, PanelGrid.axisName("xaxis", c - 1))[1]) * plotW;
                assertEquals(PanelGrid.GAP_X, gap, 0.5, "gap between columns " + (c - 1) + " and " + c);
            }
            // rows: the second row's top sits GAP_Y pixels under the first row's bottom
            double plotH = size[1] - (PanelGrid.TITLE_BAND + 4) - PanelGrid.BOTTOM;
            double gapY = (domain(layout, "yaxis")[0] - domain(layout, PanelGrid.axisName("yaxis", columns))[1]) * plotH;
            assertEquals(PanelGrid.GAP_Y, gapY, 0.5); // size() is rounded to whole pixels
        }
    }

    @Test
    void sharedColourAxisHasOneLabelledBarAndEveryTraceUsesIt() {
        PanelGrid g = new PanelGrid("t", 1, 3, 1);
        PanelGrid.ColorAxis a = g.colorAxis("V", "Viridis", -1, 4, -1);
        for (int k = 0; k < 3; k++) g.contour(k, new double[]{0, 1}, new double[]{0, 1}, new double[][]{{0, k}, {1, 2}}, a, 10);
        Figure f = g.build();
        Map<String, Object> ca = map(((PlotlyFigure) f).layoutExtra().get("coloraxis"));
        assertEquals(-1.0, ca.get("cmin"));
        assertEquals(4.0, ca.get("cmax"));
        assertEquals("V", map(map(ca.get("colorbar")).get("title")).get("text"));
        assertEquals(1.0, map(ca.get("colorbar")).get("dtick"), "ticks at round values, not contour levels");
        for (var t : f.getTraces()) assertTrue(t.asJavascript(0).contains("\"coloraxis\":\"coloraxis\""), t.asJavascript(0));
        assertThrows(IllegalArgumentException.class, () -> g.colorAxis("p", "Hot", 1, 1, -1));
    }

    @Test
    void niceStepsAreOneTwoFiveTimesAPowerOfTen() {
        assertEquals(1, PanelGrid.niceStep(0.7), 1e-12);
        assertEquals(2, PanelGrid.niceStep(1.3), 1e-12);
        assertEquals(2.5, PanelGrid.niceStep(2.2), 1e-12);
        assertEquals(0.05, PanelGrid.niceStep(0.031), 1e-12);
        assertEquals(10, PanelGrid.niceStep(6), 1e-12);
        assertEquals(20, PanelGrid.niceStep(20), 1e-12);
    }

    @Test
    void equalAspectAnchorsYToX() {
        PanelGrid g = new PanelGrid("t", 1, 2, 1);
        g.equalAspect(1);
        Map<String, Object> layout = ((PlotlyFigure) g.build()).layoutExtra();
        assertEquals("x2", map(layout.get("yaxis2")).get("scaleanchor"));
        assertNull(map(layout.get("yaxis")).get("scaleanchor"));
    }

    @Test
    void insetsSitInsideTheirHostPanel() {
        PanelGrid g = new PanelGrid("t", 1, 2, 1);
        int k = g.inset(1, "bottom left", 0.4, 0.3);
        assertEquals(2, k);
        Map<String, Object> layout = ((PlotlyFigure) g.build()).layoutExtra();
        double[] hx = domain(layout, "xaxis2"), hy = domain(layout, "yaxis2"), ix = domain(layout, "xaxis3"), iy = domain(layout, "yaxis3");
        assertTrue(ix[0] > hx[0] && ix[1] < hx[1] && iy[0] > hy[0] && iy[1] < hy[1]);
        assertEquals(0.4, (ix[1] - ix[0]) / (hx[1] - hx[0]), 1e-12);
        assertEquals(0.3, (iy[1] - iy[0]) / (hy[1] - hy[0]), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> g.inset(0, "middle", 0.3, 0.3));
        assertThrows(IllegalArgumentException.class, () -> g.inset(0, "top left", 1.2, 0.3));
    }

    @Test
    void sliderStepsShowExactlyTheirFramesTracesAndLabels() {
        PanelGrid g = new PanelGrid("t", 1, 1, 1);
        g.lines(0, List.<double[][]>of(new double[][]{{0, 1}, {0, 1}}), "black", 1, "always");
        for (int f = 0; f < 3; f++) {
            g.frame("f" + f);
            g.markers(0, new double[]{f}, new double[]{f}, Map.of("color", "black"), "m", null);
            g.markers(0, new double[]{f}, new double[]{-f}, Map.of("color", "black"), "m", null);
            g.label(0, f, f, "label " + f);
        }
        g.key("k", "markers", Map.of("color", "black"), null);
        Figure fig = g.build();
        assertEquals(1 + 6 + 1, fig.getTraces().length);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sliders = (List<Map<String, Object>>) ((PlotlyFigure) fig).layoutExtra().get("sliders");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) sliders.get(0).get("steps");
        assertEquals(3, steps.size());
        for (int f = 0; f < 3; f++) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> args = (List<Map<String, Object>>) steps.get(f).get("args");
            Object[] visible = (Object[]) args.get(0).get("visible");
            assertEquals(8, visible.length);
            assertEquals(true, visible[0], "traces before the first frame are always shown");
            for (int i = 1; i <= 6; i++) assertEquals((i - 1) / 2 == f, visible[i], "step " + f + ", trace " + i);
            assertEquals(true, visible[7], "the key stays");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> notes = (List<Map<String, Object>>) args.get(1).get("annotations");
            assertEquals(1, notes.size());
            assertEquals("label " + f, notes.get(0).get("text"));
        }
        assertTrue(fig.getTraces()[3].asJavascript(0).contains("\"visible\":false"), "frame 1 hidden at the start");
    }

    @Test
    void theActiveFrameIsWhatTheFigureOpensWith() {
        PanelGrid g = new PanelGrid("t", 1, 1, 1);
        for (int f = 0; f < 3; f++) {
            g.frame("f" + f);
            g.markers(0, new double[]{f}, new double[]{f}, Map.of("color", "black"), "m", null);
            g.label(0, f, f, "label " + f);
        }
        g.activeFrame(2);
        Figure fig = g.build();
        for (int f = 0; f < 3; f++)
            assertEquals(f != 2, fig.getTraces()[f].asJavascript(0).contains("\"visible\":false"), "trace of frame " + f);
        Map<String, Object> layout = ((PlotlyFigure) fig).layoutExtra();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> notes = (List<Map<String, Object>>) layout.get("annotations");
        assertEquals(List.of("label 2"), notes.stream().map(a -> a.get("text")).toList());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sliders = (List<Map<String, Object>>) layout.get("sliders");
        assertEquals(2, sliders.get(0).get("active"));
        assertThrows(IllegalArgumentException.class, () -> g.activeFrame(3));
    }

    @Test
    void labelsOfNearbyPointsAreMovedApart() {
        PanelGrid g = new PanelGrid("t", 1, 1, 1);
        g.axes(0, "x", "y", -10, 10, -10, 10);
        g.label(0, 0, 0, "A");
        g.label(0, 0.3, 0, "B");   // about 4 px to the right of A at 260 px per 20 units
        g.label(0, 8, 8, "C");     // alone: keeps the default north-east place
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> notes = (List<Map<String, Object>>) ((PlotlyFigure) g.build()).layoutExtra().get("annotations");
        Map<String, Object> a = notes.get(0), b = notes.get(1), c = notes.get(2);
        double ax = ((Number) a.get("xshift")).doubleValue(), ay = ((Number) a.get("yshift")).doubleValue();
        double bx = 0.3 * 13 + ((Number) b.get("xshift")).doubleValue(), by = ((Number) b.get("yshift")).doubleValue();
        assertTrue(Math.abs(ax - bx) >= 10.5 || Math.abs(ay - by) >= 14, "boxes apart: A " + ax + "," + ay + " B " + bx + "," + by);
        assertTrue(((Number) c.get("xshift")).doubleValue() > 0 && ((Number) c.get("yshift")).doubleValue() > 0);
    }

    @Test
    void longKeysTakeSeveralRows() {
        PanelGrid g = new PanelGrid("t", 1, 1, 1);
        int before = g.size()[1];
        for (int i = 0; i < 12; i++) g.key("a rather long key entry " + i, "lines", null, Map.of("color", "black"));
        assertTrue(g.legendRows(400) >= 4);
        assertEquals(before + g.legendRows(g.size()[0] - PanelGrid.LEFT) * PanelGrid.LEGEND, g.size()[1], PanelGrid.LEGEND);
    }

    @Test
    void badArgumentsNameTheParameter() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PanelGrid("t", 0, 1, 1)).getMessage().contains("rows"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PanelGrid("t", 1, 1, 0)).getMessage().contains("aspect"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PanelGrid("t", 1, 2, 1).panelTitle(2, "x")).getMessage().contains("panel"));
    }
}
