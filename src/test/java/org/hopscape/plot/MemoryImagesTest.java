package org.hopscape.plot;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class MemoryImagesTest {

    @Test
    void scaleIsNotebook02sDivergingMapOnTheFixedMemoryRange() {
        Map<String, Object> s = MemoryImages.scale();
        assertEquals("RdBu", s.get("colorscale"), "plotly's default heat-map scale, as 02's memory images");
        assertEquals(-1.0, s.get("zmin"));
        assertEquals(1.0, s.get("zmax"));
        assertEquals(0.0, s.get("zmid"));
        assertFalse(s.containsKey("reversescale"), "blue −1, red +1 as in 02");
        assertTrue(s.get("colorbar").toString().contains(MemoryImages.BAR_TITLE), "a titled colour bar");
    }

    @Test
    void gridPlacesTilesAndLabelsEveryRowColumnAndCaption() {
        double[][] images = {{1, 2, 3, 4}, {5, 6, 7, 8}, {-1, -2, -3, -4}};
        PlotlyFigure f = (PlotlyFigure) MemoryImages.grid("m", images, 2, 2, 2, List.of("T<sub>r</sub> = 0.5", "T<sub>r</sub> = 0.9"),
                List.of("n = 3", "n = 30"), List.of("stable", "unstable", "stable"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> notes = (List<Map<String, Object>>) f.layoutExtra().get("annotations");
        List<Object> texts = notes.stream().map(n -> n.get("text")).toList();
        assertEquals(List.of("T<sub>r</sub> = 0.5", "T<sub>r</sub> = 0.9", "n = 3", "n = 30", "stable", "unstable", "stable"), texts);
        // row label left of column 0, centred on its row; column label above row 0 (y axis reversed)
        assertEquals("right", notes.get(0).get("xanchor"));
        assertTrue((double) notes.get(0).get("x") < 0);
        assertTrue((double) notes.get(2).get("y") < 0);
        String js = f.asJavascript("g");
        assertTrue(js.contains("\"zmid\":0"), js);
        assertTrue(js.contains("NaN") || js.contains("null"), "the empty fourth tile and the gaps are blank");
        assertThrows(IllegalArgumentException.class, () -> MemoryImages.grid("m", images, 2, 2, 2, List.of("one row only"), null, null),
                "one label per row");
        assertThrows(IllegalArgumentException.class, () -> MemoryImages.grid("m", images, 2, 2, 2, null, List.of("a"), null));
        assertThrows(IllegalArgumentException.class, () -> MemoryImages.grid("m", new double[][] {{1, 2, 3}}, 2, 2, 1));
    }

    @Test
    void visibleLengthIgnoresMarkup() {
        assertEquals("Tr = 0.92".length(), MemoryImages.visibleLength("T<sub>r</sub> = 0.92"));
    }
}
