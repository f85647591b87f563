package org.hopscape.plot;

import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Layout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A figure's JSON is the same in every JVM (issue 13 leftovers): maps are written in the order the code gives
 * ({@link Attrs}, LinkedHashMap) and maps without an order of their own (Map.of, salted per JVM run; hash maps) in key
 * order.
 */
class FigureKeyOrderTest {

    @Test
    void attrsKeepTheOrderGivenAndRejectBadInput() {
        Map<String, Object> m = Attrs.of("type", "scatter", "x", 1, "mode", "lines", "a", null);
        assertEquals(List.of("type", "x", "mode", "a"), List.copyOf(m.keySet()));
        assertEquals("{\"type\":\"scatter\",\"x\":1,\"mode\":\"lines\",\"a\":null}", Json.write(m));
        assertThrows(IllegalArgumentException.class, () -> Attrs.of("x"), "odd count");
        assertThrows(IllegalArgumentException.class, () -> Attrs.of(1, "x"), "key not a string");
        assertThrows(IllegalArgumentException.class, () -> Attrs.of("x", 1, "x", 2), "repeated key");
    }

    @Test
    void mapsWithoutOrderAreWrittenInKeyOrder() {
        // the same 40 keys in two hash maps of different capacity, filled in opposite orders: they iterate differently
        Map<String, Object> small = new HashMap<>(2), large = new HashMap<>(1024);
        for (int i = 0; i < 40; i++) small.put("k" + i, i);
        for (int i = 39; i >= 0; i--) large.put("k" + i, i);
        assertNotEquals(List.copyOf(small.keySet()), List.copyOf(large.keySet()), "precondition: different iteration");
        String a = Json.write(small), b = Json.write(large);
        assertEquals(a, b);
        assertTrue(a.startsWith("{\"k0\":0,\"k1\":1,\"k10\":10,\"k11\":11,"), a);
        // Map.of nested in an ordered map: sorted, the outer order kept
        assertEquals("{\"z\":{\"color\":\"red\",\"width\":2},\"a\":1}",
                Json.write(Attrs.of("z", Map.of("width", 2, "color", "red"), "a", 1)));
    }

    @Test
    void aFiguresJsonHasAFixedKeyOrder() {
        // a trace and layout attributes given as Map.of: type first, then key order; given as Attrs: as written
        RawTrace fromMapOf = RawTrace.of("scatter", Map.of("y", new double[] {3, 4}, "x", new double[] {1, 2},
                "mode", "lines", "line", Map.of("width", 1.5, "color", "#1f77b4"), "name", "flow"));
        RawTrace fromAttrs = RawTrace.of("scatter", Attrs.of("x", new double[] {1, 2}, "y", new double[] {3, 4},
                "mode", "markers", "marker", Attrs.of("color", "black", "size", 6), "name", "start"));
        PlotlyFigure f = new PlotlyFigure(Layout.builder().title("t").build(),
                Map.of("margin", Map.of("t", 70, "b", 20, "l", 30, "r", 10), "annotations", List.of()), fromMapOf, fromAttrs);
        assertEquals(List.of("annotations", "margin"), List.copyOf(f.layoutExtra().keySet()));
        String json = Plots.json(f);
        assertTrue(json.contains("{\"type\":\"scatter\",\"line\":{\"color\":\"#1f77b4\",\"width\":1.5},\"mode\":\"lines\","
                + "\"name\":\"flow\",\"x\":[1,2],\"y\":[3,4]}"), json);
        assertTrue(json.contains("{\"type\":\"scatter\",\"x\":[1,2],\"y\":[3,4],\"mode\":\"markers\","
                + "\"marker\":{\"color\":\"black\",\"size\":6},\"name\":\"start\"}"), json);
        assertTrue(json.contains("\"margin\":{\"b\":20,\"l\":30,\"r\":10,\"t\":70}"), json);
        assertEquals(json, Plots.json(f), "the same figure, the same JSON");
    }
}
