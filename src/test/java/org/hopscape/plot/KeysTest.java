package org.hopscape.plot;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeysTest {
    @Test
    void divergingIsSymmetricAboutZeroOverAllPanels() {
        Keys.Scale s = Keys.diverging("λ_min", new double[][] {{-0.2, 0.1}}, new double[][] {{0.7, Double.NaN}});
        assertEquals(-0.7, s.zmin());
        assertEquals(0.7, s.zmax());
        assertEquals(Keys.DIVERGING, s.colorscale());
        assertFalse(s.reversed());
        assertFalse(s.traceAttributes(true).containsKey("reversescale"));
    }

    /** "rgb(r,g,b)" as {r, g, b}. */
    private static int[] rgb(String c) {
        String[] p = c.substring(c.indexOf('(') + 1, c.indexOf(')')).split(",");
        return new int[]{Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()), Integer.parseInt(p[2].trim())};
    }

    @Test
    void divergingDrawsNegativeBlueAndPositiveRedLikeMatrixFigures() {
        Keys.Scale s = Keys.diverging("α", new double[][] {{-2, 0.5}});
        assertEquals(-2, s.zmin());
        int[] low = rgb(Keys.endColour(s, false)), high = rgb(Keys.endColour(s, true));
        assertTrue(low[2] > 3 * low[0], "zmin (negative) is blue: " + Keys.endColour(s, false));
        assertTrue(high[0] > 3 * high[2], "zmax (positive) is red: " + Keys.endColour(s, true));
        // reversescale swaps the ends
        Keys.Scale r = new Keys.Scale(Keys.DIVERGING, -1, 1, true, "α");
        assertEquals(Keys.DIVERGING_HIGH, Keys.endColour(r, false));
        assertEquals(Keys.DIVERGING_LOW, Keys.endColour(r, true));
        assertThrows(IllegalArgumentException.class, () -> Keys.endColour(Keys.shared("E", new double[][] {{0, 1}}), true));
        // MatrixFigures.signed draws the same map, not reversed, on a range symmetric about 0
        Map<String, Object> heat = map(((List<?>) PlotlyJson.of(MatrixFigures.signed("t", "j", "i", "α",
                new double[][] {{-2, 0.5}})).get("data")).getFirst());
        assertEquals(Keys.DIVERGING, heat.get("colorscale"));
        assertFalse(Boolean.TRUE.equals(heat.get("reversescale")));
        assertEquals(-2.0, ((Number) heat.get("zmin")).doubleValue());
        assertEquals(2.0, ((Number) heat.get("zmax")).doubleValue());
    }

    @Test
    void divergingEndColoursAreThoseOfTheBundledPlotlyJs() throws java.io.IOException {
        java.nio.file.Path f = Assets.dir().resolve(Assets.PLOTLY_FILE);
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(f), "no plotly.js at " + f + " (bootstrap fetches it)");
        String js = java.nio.file.Files.readString(f);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("RdBu:\\[\\[0,\"(rgb\\([^\"]*\\))\"\\](.*?)\\[1,\"(rgb\\([^\"]*\\))\"\\]\\]").matcher(js);
        assertTrue(m.find(), "plotly.js defines RdBu");
        assertEquals(Keys.DIVERGING_LOW, m.group(1));
        assertEquals(Keys.DIVERGING_HIGH, m.group(3));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void sharedScaleCoversEveryPanelAndOneBarIsShown() {
        Keys.Scale s = Keys.shared("E/N", new double[][] {{1, 2}}, new double[][] {{-3, 0.5}});
        assertEquals(-3, s.zmin());
        assertEquals(2, s.zmax());
        Map<String, Object> shown = s.traceAttributes(true), hidden = s.traceAttributes(false);
        assertEquals(true, shown.get("showscale"));
        assertEquals(false, hidden.get("showscale"));
        assertFalse(hidden.containsKey("colorbar"));
        @SuppressWarnings("unchecked") Map<String, Object> title = (Map<String, Object>) ((Map<String, Object>) shown.get("colorbar")).get("title");
        assertEquals("E/N", title.get("text"));
        assertThrows(IllegalArgumentException.class, () -> new Keys.Scale("Viridis", 1, 1, false, "x"));
    }

    @Test
    void longLegendsGoBelowInsteadOfScrolling() {
        assertEquals("v", Keys.legend(10, 12).get("orientation"));
        assertEquals("h", Keys.legend(30, 12).get("orientation"));
    }

    @Test
    void digitColoursAreTenDistinctAndNotTheUnstableRed() {
        Set<String> seen = new HashSet<>();
        for (int d = 0; d < 10; d++) seen.add(DigitColors.of(d));
        assertEquals(10, seen.size());
        assertFalse(seen.contains(DigitColors.UNSTABLE));
        assertEquals(DigitColors.of(7), DigitColors.ofLabel("7"));
        assertThrows(IllegalArgumentException.class, () -> DigitColors.of(10));
    }
}
