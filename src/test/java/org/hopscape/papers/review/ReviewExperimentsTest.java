package org.hopscape.papers.review;

import org.hopscape.analysis.AgsMeanField;
import org.hopscape.analysis.PhaseDiagram;
import org.hopscape.hopfield.ClassicHopfield;
import org.hopscape.hopfield.ModernHopfield;
import org.hopscape.util.Progress;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ReviewExperimentsTest {

    @Test
    void projectionIdentitiesHoldOnCorrelatedPatterns() {
        var id = ReviewExperiments.projectionIdentities(20, 200, 0.75, 42);
        assertTrue(id.idempotency() < 1e-10 && id.symmetry() < 1e-12, id.toString());
        assertTrue(id.patternsFixed() < 1e-10 && id.trace() < 1e-10 && id.energyIdentity() < 1e-9, id.toString());
        assertEquals(5, id.toTable().rowCount());
    }

    @Test
    void correlatedStorageHebbFailsProjectionSucceeds() {
        var c = ReviewExperiments.correlatedStorage(20, 200, 0.75, 0.1, 42);
        assertEquals(0.5625, c.meanOverlap(), 0.05);
        assertEquals(0.0, c.hebbFixed());
        assertEquals(1.0, c.projectionFixed());
        assertEquals(1.0, c.projectionRetrieved());
        assertEquals(0.0, c.hebbRetrieved());
    }

    @Test
    void glauberPanelInStableRetrievalPhase() {
        var opts = new ClassicHopfield.Glauber(0.25, 5, 40, false, 2);
        ReviewExperiments.Panel panel = ReviewExperiments.glauberPanel(0.02, 400, 6, opts, 20, 7, Progress.NONE);
        assertEquals(8, panel.p());
        assertTrue(panel.stability() >= 0.98, "stability " + panel.stability());
        assertNotNull(panel.trajectories().states());                 // states kept for PCA although opts says no
        assertEquals(6 * 51, panel.trajectories().states().length);
        Figure f = panel.figure("test");
        String js = f.asJavascript("d");
        assertTrue(js.contains("negatives") && js.contains("stored patterns"));
        assertEquals(1, ReviewExperiments.glauberSummary(List.of(panel)).rowCount());
        // issue 13, 001 Fig 2C bottom: the panels share one colour range covering all their energies
        ReviewExperiments.Panel glass = ReviewExperiments.glauberPanel(0.2, 100, 4, opts, 5, 8, Progress.NONE);
        double[] range = ReviewExperiments.energyRange(List.of(panel, glass));
        for (var q : List.of(panel, glass))
            for (double e : q.colourValues()) assertTrue(e >= range[0] && e <= range[1], e + " in " + range[0] + ".." + range[1]);
        assertEquals(0, Math.abs(Math.IEEEremainder(range[0], 0.05)), 1e-12, "round lower end " + range[0]);
        assertEquals(0, Math.abs(Math.IEEEremainder(range[1], 0.05)), 1e-12, "round upper end " + range[1]);
        for (var q : List.of(panel, glass)) {
            String json = org.hopscape.plot.Plots.json(q.figure("t", range));
            assertTrue(json.contains("\"cmin\":" + range[0]) && json.contains("\"cmax\":" + range[1]), json.substring(0, 300));
            assertTrue(json.contains("\"tickformat\":\".2f\""), "tick labels with two decimals");
        }
        assertThrows(IllegalArgumentException.class, () -> panel.figure("t", new double[]{0, -1}));
    }

    @Test
    void signalToNoiseLogAxisInPowersOfTen() {
        var pts = new org.hopscape.analysis.SignalToNoise.Point[]{
                new org.hopscape.analysis.SignalToNoise.Point(0.05, 100, 2000, 0.22, 0.22, 1e-5, 2e-5),
                new org.hopscape.analysis.SignalToNoise.Point(0.5, 1000, 2000, 0.7, 0.7, 0.08, 0.079)};
        String json = org.hopscape.plot.Plots.json(HopfieldReviewFigures.crosstalk(pts));
        assertTrue(json.contains("\"exponentformat\":\"power\""), "10⁻⁴, not the SI prefix 100μ");
        assertTrue(json.contains("\"type\":\"log\""));
    }

    @Test
    void modernPanelsRetrieveAndSummarise() {
        var opts = new ModernHopfield.Flow(0.02, 10, 5, true, 2);
        List<ReviewExperiments.Panel> panels = ReviewExperiments.modernPanels(new int[]{3, 10}, 60, 10, opts, 3, Progress.NONE);
        var summary = ReviewExperiments.modernSummary(panels);
        assertEquals(1.0, summary.doubleColumn(1).get(0));
        assertEquals(1.0, summary.doubleColumn(4).get(1));
        assertTrue(ReviewExperiments.maxFinalQuadraticEnergyError(panels) < 1e-3);
    }

    @Test
    void figuresCarryTheirTracesAndSubsample() {
        var opts = new ModernHopfield.Flow(0.02, 10, 1, true, 2);
        var panel = ReviewExperiments.modernPanel(3, 50, 60, opts, 1, Progress.NONE);   // 60 × 501 > MAX_POINTS
        assertTrue(panel.trajectories().orderParameters().length > HopfieldReviewFigures.MAX_POINTS);
        String js = HopfieldReviewFigures.orderParameterPlane("b", panel.trajectories(), 0, 1).asJavascript("d");
        assertTrue(js.contains("quad") && !js.contains("E^quad"), "E<sup>quad</sup>/N, no raw markup");
        assertTrue(js.contains("ξ³") && js.contains("scaleanchor"), "third pattern marked at the origin; equal aspect");
        assertTrue(HopfieldReviewFigures.parabola1d().asJavascript("d").contains("−ξ₀"));
        assertTrue(HopfieldReviewFigures.logSumExpLandscape(10).asJavascript("d").contains("m̂¹ + m̂² = 1"));
        // issue 13: labelled colour bars, and the marks' key in a legend rather than in an axis title
        for (var f : List.of(HopfieldReviewFigures.parabola2d(), HopfieldReviewFigures.logSumExpLandscape(10),
                HopfieldReviewFigures.orderParameterPlane("b", panel.trajectories(), 0, 1), panel.figure("d"))) {
            String json = org.hopscape.plot.Plots.json(f);
            assertTrue(json.contains("\"showlegend\":true"), "a legend for the marks");
            assertFalse(json.contains("[●") || json.contains("; ●"), "no key in an axis title");
            var bars = java.util.regex.Pattern.compile("\"colorbar\":\\{\"title\":\\{[^}]*\"text\":\"([^\"]+)\"").matcher(json);
            assertTrue(bars.find() && !bars.group(1).isBlank(), "a labelled colour bar");
            assertFalse(bars.find(), "one colour bar");
        }
        assertTrue(HopfieldReviewFigures.orderParameterSpace("c", panel.trajectories()).asJavascript("d").contains("scatter3d"));
        PhaseDiagram d = PhaseDiagram.compute(new AgsMeanField(AgsMeanField.Options.quick()), new double[]{0, 0.5},
                new double[0], 1, Progress.NONE);
        String pd = org.hopscape.plot.Plots.json(HopfieldReviewFigures.phaseDiagram(d));
        assertTrue(pd.contains("T\\u003csub>M\\u003c/sub>") && pd.contains("T\\u003csub>c\\u003c/sub>") && pd.contains("spin glass") && !pd.contains("T_M"));
    }

    @Test
    void temperatureGridEndsBelowOne() {
        double[] g = PhaseDiagram.temperatureGrid(0.05);
        assertEquals(0, g[0]);
        assertEquals(0.995, g[g.length - 1], 1e-12);
        for (int k = 1; k < g.length; k++) assertTrue(g[k] > g[k - 1]);
    }
}
