package org.hopscape.papers.review;

import org.hopscape.hopfield.Trajectories;
import org.hopscape.plot.FigureJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class HopfieldReviewFiguresTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    /** One run of P = 3 order parameters m̂ at three records, the last at ξ^{k+1}, E^quad/N = −½|m̂|². */
    private static Trajectories threePatterns(int k) {
        double[][] m = {{0.1, 0.05, 0.02}, {0.3, 0.2, 0.1}, {0, 0, 0}};
        m[2][k] = 1;
        double[] e = new double[3];
        for (int i = 0; i < 3; i++) for (double v : m[i]) e[i] -= 0.5 * v * v;
        return new Trajectories(1, new double[]{0, 1, 2}, null, new double[3][2], m, e.clone(), e);
    }

    @Test
    void fig3bLabelsEveryPatternOnABoxAtItsVertex() {
        Map<String, Object> fig = FigureJson.of(HopfieldReviewFigures.orderParameterPlane("Fig 3B", threePatterns(0), 0, 1));
        List<?> annotations = (List<?>) map(fig.get("layout")).get("annotations");
        assertEquals(3, annotations.size());
        String[] texts = {"ξ¹", "ξ²", "ξ³"};
        double[][] at = {{1, 0}, {0, 1}, {0, 0}};
        for (int i = 0; i < 3; i++) {
            Map<String, Object> a = map(annotations.get(i));
            assertEquals(texts[i], a.get("text"));
            assertEquals(at[i][0], ((Number) a.get("x")).doubleValue());
            assertEquals(at[i][1], ((Number) a.get("y")).doubleValue());
            assertEquals("x", a.get("xref"));
            assertNotNull(a.get("bgcolor"), "a box: readable over trajectories and zero lines");
        }
        // ξ³ sits at the crowded origin: drawn away from it, up and to the left (no data at m¹, m² < 0 … > 0 there),
        // with a pointer to its marker
        Map<String, Object> third = map(annotations.get(2));
        assertEquals(true, third.get("showarrow"));
        assertTrue(((Number) third.get("ax")).doubleValue() < 0 && ((Number) third.get("ay")).doubleValue() < 0);
        // ξ¹ and ξ² are alone at their vertices: a label beside the marker, no pointer
        for (int i = 0; i < 2; i++) assertEquals(false, map(annotations.get(i)).get("showarrow"));
        // the vertex markers themselves carry no text any more (one label per pattern)
        for (Object t : (List<?>) fig.get("data")) assertNull(map(t).get("text"));
    }

    @Test
    void fig3bNamesTheThirdPatternFromTheTwoDrawn() {
        Map<String, Object> fig = FigureJson.of(HopfieldReviewFigures.orderParameterPlane("t", threePatterns(1), 1, 2));
        List<?> annotations = (List<?>) map(fig.get("layout")).get("annotations");
        assertEquals(List.of("ξ²", "ξ³", "ξ¹"), annotations.stream().map(a -> map(a).get("text")).toList());
    }
}
