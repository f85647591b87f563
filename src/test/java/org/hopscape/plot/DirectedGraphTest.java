package org.hopscape.plot;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hopscape.plot.CriticalPointStyle.Kind.*;
import static org.junit.jupiter.api.Assertions.*;

class DirectedGraphTest {

    /** The dual cusp's graph: saddles a, b over sinks A, B, C; a → A, a → B, b → B, b → C. */
    private static DirectedGraph cusp() {
        return new DirectedGraph()
                .node("A", 0, -2.3, SINK).node("B", 0, 0, SINK).node("C", 0, 2.3, SINK)
                .node("b", 1, 0.55, SADDLE).node("a", 1, -0.55, SADDLE)
                .edge(4, 0, false).edge(4, 1, false).edge(3, 1, false).edge(3, 2, true);
    }

    @Test
    void nodesSitInLayersByLevelOrderedByTheirKeyAndEvenlySpread() {
        double[][] p = cusp().positions();
        assertArrayEquals(new double[]{0.25, 0}, p[0], 1e-12);
        assertArrayEquals(new double[]{0.5, 0}, p[1], 1e-12);
        assertArrayEquals(new double[]{0.75, 0}, p[2], 1e-12);
        assertArrayEquals(new double[]{2 / 3.0, 1}, p[3], 1e-12, "b right of a (larger key)");
        assertArrayEquals(new double[]{1 / 3.0, 1}, p[4], 1e-12);
        assertEquals(1, cusp().maxLevel());
    }

    @Test
    void everyEdgeIsAnArrowFromItsSourceNodeToItsTarget() {
        PanelGrid g = new PanelGrid("t", 1, 1, 1);
        cusp().draw(g, 0, false);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> notes = (List<Map<String, Object>>) ((PlotlyFigure) g.build()).layoutExtra().get("annotations");
        List<Map<String, Object>> arrows = notes.stream().filter(a -> Boolean.TRUE.equals(a.get("showarrow"))).toList();
        assertEquals(4, arrows.size());
        double[][] p = cusp().positions();
        // a → A: tail at a (ax, ay), head at A (x, y)
        assertEquals(p[4][0], (double) arrows.get(0).get("ax"), 1e-12);
        assertEquals(1.0, (double) arrows.get(0).get("ay"), 1e-12);
        assertEquals(p[0][0], (double) arrows.get(0).get("x"), 1e-12);
        assertEquals(0.0, (double) arrows.get(0).get("y"), 1e-12);
        assertEquals(CriticalPointStyle.CONNECTION, arrows.get(3).get("arrowcolor"), "the highlighted edge is red");
        assertNotEquals(CriticalPointStyle.CONNECTION, arrows.get(0).get("arrowcolor"));
        @SuppressWarnings("unchecked")
        Map<String, Object> y = (Map<String, Object>) ((PlotlyFigure) g.build()).layoutExtra().get("yaxis");
        assertArrayEquals(new String[]{"index 0", "index 1"}, (String[]) y.get("ticktext"), "layers named, no fractional ticks");
        assertArrayEquals(new double[]{0, 1}, (double[]) y.get("tickvals"), 0);
    }

    @Test
    void edgesMustNameExistingNodes() {
        DirectedGraph d = new DirectedGraph().node("A", 0, 0, SINK);
        assertThrows(IllegalArgumentException.class, () -> d.edge(0, 1, false));
    }

    @Test
    void kindFollowsTheMorseIndex() {
        assertEquals(SINK, CriticalPointStyle.Kind.of(0, 2));
        assertEquals(SADDLE, CriticalPointStyle.Kind.of(1, 2));
        assertEquals(SOURCE, CriticalPointStyle.Kind.of(2, 2));
        assertEquals(SADDLE, CriticalPointStyle.Kind.of(2, 3));
        assertThrows(IllegalArgumentException.class, () -> CriticalPointStyle.Kind.of(3, 2));
    }
}
