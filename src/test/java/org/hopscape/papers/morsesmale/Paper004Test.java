package org.hopscape.papers.morsesmale;

import org.hopscape.dynamics.ConnectionGraph;
import org.hopscape.dynamics.HebbianPgd;
import org.hopscape.dynamics.examples.ContinuousHopfield;
import org.hopscape.dynamics.CriticalPoints;
import org.hopscape.dynamics.CriticalSet;
import org.hopscape.dynamics.MorsePlots;
import org.hopscape.dynamics.MorseSmale;
import org.hopscape.dynamics.examples.DualWell;
import org.hopscape.plot.CriticalPointStyle;
import org.hopscape.plot.Keys;
import org.hopscape.plot.PanelGrid;
import org.hopscape.plot.FigureJson;
import org.hopscape.plot.Plots;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class Paper004Test {

    @Test
    void phasePortraitDrawsEveryCriticalPoint() {
        DualWell w = new DualWell();
        CriticalSet pts = CriticalPoints.find(w, CriticalPoints.Options.box(2, 2.5, 21));
        ConnectionGraph g = MorseSmale.graph(w, pts, MorseSmale.Options.paper(4));
        PanelGrid p = new PanelGrid("t", 1, 2, 1);
        MorsePlots.Box box = MorsePlots.Box.square(2.5);
        MorsePlots.Landscape l = MorsePlots.landscape(w, box, 21, false, false);
        MorsePlots.phasePortrait(p, 0, w, box, l, MorsePlots.energyAxis(p, java.util.List.of(l), "V", -1), pts, g, 3, false, "x₁", "x₂");
        MorsePlots.dag(p, 1, g);
        p.panelTitle(1, Paper004.dagTitle(g));
        String json = Plots.json(p.build());
        assertTrue(json.contains("\"text\":[\"A\",\"B\"]"), json);   // the sinks' hover names and graph nodes
        assertTrue(json.contains("\"text\":[\"a\"]"));
        assertTrue(json.contains("a→A, a→B"));
        // each unstable branch over a wider white casing drawn just before it, on the same path
        List<Map<String, Object>> data = FigureJson.data(p.build());
        int i = 0;
        while (!"unstable branches".equals(data.get(i).get("name"))) i++;
        Map<String, Object> casing = data.get(i - 1), branch = data.get(i);
        assertEquals("unstable branches (casing)", casing.get("name"));
        assertEquals(CriticalPointStyle.BRANCH_CASING, map(casing.get("line")).get("color"));
        assertEquals(CriticalPointStyle.UNSTABLE_BRANCH, map(branch.get("line")).get("color"));
        assertEquals(((Number) map(branch.get("line")).get("width")).doubleValue() + 2,
                ((Number) map(casing.get("line")).get("width")).doubleValue());
        assertArrayEquals(FigureJson.numbers(branch.get("x")), FigureJson.numbers(casing.get("x")));
        assertTrue(FigureJson.numbers(branch.get("x")).length > 10, "two branches a→A, a→B with their orbits");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    /** A 4-neuron Result: W₀ = 0 and W₁ = c·ξξᵀ/‖ξξᵀ‖_F for ξ = (1, 1, 1, 1), c = 2 (every entry ½). */
    private static HebbianPgd.Result fourNeurons() {
        double[] h = new double[16], w1 = new double[16];
        java.util.Arrays.fill(h, 1);
        java.util.Arrays.fill(w1, 0.5);
        return new HebbianPgd.Result(List.of(new double[16], w1), h, 2, 4);
    }

    @Test
    void fig10bFramesEveryImageOnItsEdgeSoWhitePixelsShow() {
        HebbianPgd.Result run = fourNeurons();
        double[][] patterns = {{1, 1, 1, 1}, {1, -1, 1, -1}};
        Map<String, Object> fig = FigureJson.of(Paper004.figure10Recall(run, patterns, new String[]{"A", "B"}, new int[]{0, 1}, 0.3, 2, 7));
        List<Map<String, Object>> frames = ((List<?>) fig.get("data")).stream().map(Paper004Test::map)
                .filter(t -> "frame".equals(t.get("name"))).toList();
        assertEquals(8, frames.size(), "one frame per image: 2 rows × 4 columns");
        Map<String, Object> layout = map(fig.get("layout"));
        for (Map<String, Object> t : frames) {
            assertArrayEquals(new double[]{-0.5, 1.5, 1.5, -0.5, -0.5}, java.util.Arrays.copyOf(FigureJson.numbers(t.get("x")), 5));
            assertArrayEquals(new double[]{-0.5, -0.5, 1.5, 1.5, -0.5}, java.util.Arrays.copyOf(FigureJson.numbers(t.get("y")), 5));
            assertEquals(Paper004.IMAGE_FRAME_COLOUR, map(t.get("line")).get("color"));
            // the frame is the panel's edge: the image spans the axis range exactly
            String xa = "xaxis" + ((String) t.get("xaxis")).substring(1);
            assertArrayEquals(new double[]{-0.5, 1.5}, FigureJson.numbers(map(layout.get(xa)).get("range")));
        }
        // −1 black, +1 white (plotly's Greys, not reversed), on the fixed range of a ±1 image
        Map<String, Object> ca = map(layout.get("coloraxis"));
        assertEquals("Greys", ca.get("colorscale"));
        assertEquals(-1.0, ((Number) ca.get("cmin")).doubleValue());
        assertEquals(1.0, ((Number) ca.get("cmax")).doubleValue());
    }

    @Test
    void fig10cDrawsTheSliceEnergyOnADivergingMapCentredAtTheOrigin() {
        HebbianPgd.Result run = fourNeurons();
        Map<String, Object> fig = FigureJson.of(Paper004.figure10Slices(run, new int[][]{{0, 1}}, new int[]{0, 1}, 5, 0));
        Map<String, Object> ca = map(map(fig.get("layout")).get("coloraxis"));
        assertEquals(Keys.DIVERGING, ca.get("colorscale"));
        double cmin = ((Number) ca.get("cmin")).doubleValue(), cmax = ((Number) ca.get("cmax")).doubleValue();
        assertEquals(-cmax, cmin, 1e-15);
        List<Map<String, Object>> contours = ((List<?>) fig.get("data")).stream().map(Paper004Test::map)
                .filter(t -> "contour".equals(t.get("type"))).toList();
        assertEquals(2, contours.size());
        // W = 0: Ṽ = r Σ (u tanh u − ln cosh u) ≥ 0, zero only at u = 0 (all on the red side); W₁ has a well along
        // u₀ = u₁: the sink u = (s, s) with tanh s = s/8 (s ≈ 8.0) lies below the origin (blue side)
        double[] first = zRange(contours.get(0)), last = zRange(contours.get(1));
        assertEquals(0, first[0], 1e-9);
        assertTrue(first[1] > 0);
        double s = 8;
        for (int i = 0; i < 50; i++) s = 8 * Math.tanh(s);
        double sink = new ContinuousHopfield(run.last(), 0.125).slice(0, 1).energy(new double[]{s, s});
        // Ṽ(s, s) = −½·½(2 tanh s)² + r·2(s tanh s − ln cosh s) → −1 + ¼ ln 2 for large s
        assertEquals(-1 + 0.25 * Math.log(2), sink, 1e-5);
        assertTrue(last[0] >= sink - 1e-9 && last[0] <= sink + 0.05, "the drawn minimum " + last[0] + " is the sink's " + sink);
        // symmetric about 0 and just wide enough: the deepest value or the highest (capped) one sits at an end
        // (z travels as float32)
        assertEquals(cmax, Math.max(-last[0], Math.max(first[1], last[1])), 1e-6 * cmax);
        Map<String, Object> bar = map(ca.get("colorbar"));
        assertEquals("Ṽ(u), Ṽ(0) = 0", map(bar.get("title")).get("text"));
    }

    /** {min, max} of a contour trace's z. */
    private static double[] zRange(Map<String, Object> t) {
        double[] z = FigureJson.numbers(t.get("z"));
        return new double[]{java.util.Arrays.stream(z).min().orElseThrow(), java.util.Arrays.stream(z).max().orElseThrow()};
    }

    @Test
    void numberLabelsAreShort() {
        assertEquals("1", Paper004.f(1.0));
        assertEquals("0.6", Paper004.f(0.6));
        assertEquals("-0.45", Paper004.f(-0.45));
    }
}
