package org.hopscape.plot;

import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.Trace;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class PiesTest {

    /** Shoelace area of a closed polygon. */
    private static double area(double[][] p) {
        double a = 0;
        int n = p[0].length;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            a += p[0][i] * p[1][j] - p[0][j] * p[1][i];
        }
        return Math.abs(a) / 2;
    }

    @Test
    void wedgeAreasAreTheSharesOfTheDisc() {
        double r = 2;
        double[] shares = {1, 0, 2, 5}; // normalised to 1/8, 0, 2/8, 5/8
        double[][][] w = Pies.wedges(3, -1, r, shares);
        assertNull(w[1], "a zero share has no wedge");
        // a polygon inscribed in the arc: area πr²p up to the chord error (relative ≤ (2π/SEGMENTS)²/6 per segment)
        double tol = Math.PI * r * r * Math.pow(2 * Math.PI / Pies.SEGMENTS, 2) / 6 + 1e-12;
        assertEquals(Math.PI * r * r / 8, area(w[0]), tol);
        assertEquals(Math.PI * r * r * 2 / 8, area(w[2]), tol);
        assertEquals(Math.PI * r * r * 5 / 8, area(w[3]), tol);
        // every point lies in the disc; wedges start at the centre
        for (double[][] p : new double[][][] {w[0], w[2], w[3]}) {
            assertEquals(3, p[0][0], 0);
            assertEquals(-1, p[1][0], 0);
            for (int i = 0; i < p[0].length; i++) assertTrue(Math.hypot(p[0][i] - 3, p[1][i] + 1) <= r + 1e-12);
        }
        // the first wedge starts at 12 o'clock and goes clockwise: its second point is straight above the centre
        assertEquals(3, w[0][0][1], 1e-12);
        assertEquals(1, w[0][1][1], 1e-12);
        assertTrue(w[0][0][2] > 3, "clockwise from 12 o'clock moves right");
    }

    @Test
    void aSingleShareIsTheFullCircle() {
        double[][][] w = Pies.wedges(0, 0, 1, new double[] {0, 4});
        assertNull(w[0]);
        for (int i = 0; i < w[1][0].length; i++) assertEquals(1, Math.hypot(w[1][0][i], w[1][1][i]), 1e-12);
        assertEquals(Math.PI, area(w[1]), Math.PI * Math.pow(2 * Math.PI / Pies.SEGMENTS, 2) / 6);
    }

    @Test
    void badSharesAreRejectedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> Pies.wedges(0, 0, 1, new double[] {0.5, -0.1}));
        assertTrue(e.getMessage().contains("shares"));
        assertThrows(IllegalArgumentException.class, () -> Pies.wedges(0, 0, 1, new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> Pies.wedges(0, 0, 1, new double[] {Double.NaN, 1}));
        Pies p = new Pies(List.of("a", "b"), new String[] {"red", "blue"});
        assertThrows(IllegalArgumentException.class, () -> p.add(0, 0, 0, new double[] {1, 1}, null, 1, "x"));
        assertThrows(IllegalArgumentException.class, () -> p.add(0, 0, 1, new double[] {1}, null, 1, "x"));
        assertThrows(IllegalArgumentException.class, () -> new Pies(List.of("a"), new String[] {"red", "blue"}));
    }

    @Test
    void drawnPiesAreOneFilledTracePerCategoryWithRimsHoverAndKeysOnAnEqualAspectPanel() {
        Pies pies = new Pies(List.of("Ery", "Mk", "B"), new String[] {"#d62728", "#ff7f0e", "#1f77b4"});
        pies.add(0, 0, 0.3, new double[] {0.5, 0.5, 0}, "black", 2, "MEP")
                .add(1, 0, 0.3, new double[] {0.2, 0.3, 0.5}, "red", 2, "all");
        PanelGrid g = new PanelGrid("pies", 1, 1, 0.5);
        g.axes(0, "", "", -0.5, 1.5, -0.5, 0.5).equalAspect(0).hideAxes(0);
        pies.draw(g, 0);
        pies.keys(g);
        Figure f = g.build();
        List<String> js = new java.util.ArrayList<>();
        for (Trace t : f.getTraces()) js.add(t.asJavascript(0).replace("\\u003c", "<"));
        List<String> fills = js.stream().filter(t -> t.contains("\"fill\":\"toself\"")).toList();
        assertEquals(3, fills.size(), "one filled trace per category that has a wedge");
        for (int c = 0; c < 3; c++)
            assertTrue(fills.get(c).contains("\"fillcolor\":\"" + new String[] {"#d62728", "#ff7f0e", "#1f77b4"}[c] + "\""), fills.get(c));
        // Ery has two wedges separated by one gap (null); B has one wedge (second pie only), no gap
        assertEquals(1, gaps(fills.get(0)));
        assertEquals(0, gaps(fills.get(2)));
        List<String> rims = js.stream().filter(t -> t.contains("\"name\":\"rim\"")).toList();
        assertEquals(2, rims.size(), "one rim trace per rim colour");
        assertTrue(rims.get(0).contains("\"color\":\"black\"") && rims.get(1).contains("\"color\":\"red\""));
        String hover = js.stream().filter(t -> t.contains("\"name\":\"pie\"")).findFirst().orElseThrow();
        assertTrue(hover.contains("\"MEP<br>Ery: 0.5<br>Mk: 0.5\"") && hover.contains("\"all<br>Ery: 0.2<br>Mk: 0.3<br>B: 0.5\""), hover);
        List<String> keys = js.stream().filter(t -> t.contains("\"showlegend\":true")).toList();
        assertEquals(3, keys.size());
        assertTrue(keys.get(0).contains("\"name\":\"Ery\"") && keys.get(2).contains("\"name\":\"B\""));
        Map<?, ?> ya = (Map<?, ?>) PlotlyJson.parse(f).layout().get("yaxis");
        assertEquals("x", ya.get("scaleanchor"), "pies stay round");
    }

    /** Gaps (nulls) in the "x" array of a trace's JSON. */
    private static long gaps(String traceJs) {
        int i = traceJs.indexOf("\"x\":[");
        String x = traceJs.substring(i, traceJs.indexOf(']', i));
        return java.util.regex.Pattern.compile("null").matcher(x).results().count();
    }
}
