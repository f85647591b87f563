package org.hopscape.papers.waddington;

import org.hopscape.analysis.BifurcationDiagram;
import org.hopscape.analysis.FixedPointContinuation;
import org.hopscape.analysis.TwoMemorySystem;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TwoMemoryFiguresTest {

    @Test
    void bifurcationProjectionsNameEachCountChangeByItsKind() {
        var o = FixedPointContinuation.Options.quick().withRange(20, 40, 4).withThreads(2);
        BifurcationDiagram d = FixedPointContinuation.track(Fig5System.at(20), o);
        String js = TwoMemoryFigures.bifurcationProjections(d).asJavascript("f");
        assertTrue(js.contains("saddle-node n=23.95"), "the first count change is drawn as a saddle-node");
        assertTrue(js.contains("saddle-node n=36.35"), "and the second");
        assertFalse(js.contains("boundary crossing") || js.contains("other n="), "no other kinds at the Fig 5 parameters");
    }

    @Test
    void signedTransitionMapsAreDivergingCentredAndLabelled() {
        var inter = ShippedResults.paper000().fig6Inter();
        var intra = ShippedResults.paper000().fig6Intra();
        assumeTrue(inter.present() && intra.present(), "the shipped Fig 6 tables");
        String js = TwoMemoryFigures.transitionMap(inter.get(), "m1_alpha_b", 1, -0.5, 0.5).asJavascript("f");
        assertTrue(js.contains("\"colorscale\":\"RdBu\"") && js.contains("\"zmid\":0"), "a diverging map centred on 0");
        assertTrue(js.replace("\\u003c", "<").contains("\"text\":\"α<sub>b</sub> of memory 1\""), "the colour bar names the coefficient");
        assertFalse(js.contains("Viridis"));
        String dominant = TwoMemoryFigures.transitionMap(intra.get(), intra.get().dominantColumn(), 1, 0.4, 1).asJavascript("f");
        assertTrue(dominant.contains("Viridis") && !dominant.contains("zmid"), "a positive range stays sequential");
        assertTrue(dominant.contains("\"colorbar\""), "with a titled bar");
        assumeTrue(Set200.available(), "the images need the 200-set rows");
        String images = TwoMemoryFigures.transitionImages(intra.get(), 1, 4, 4).asJavascript("f");
        assertTrue(images.replace("\\u003c", "<").contains("\"T<sub>r</sub> = ") && images.contains("\"n = 2\""), "rows labelled by T_r, columns by n");
        assertTrue(images.contains("RdBu") && !images.contains("Greys"), "the memory map of notebook 02");
    }

    @Test
    void fixedPointImagesCarryTheirNAndStability() {
        assumeTrue(Set200.available(), "the images need the 200-set rows");
        var planes = Fig5System.phasePlanes(6, 40);
        String js = TwoMemoryFigures.fixedPointImages(planes).asJavascript("f");
        assertTrue(js.contains("\"n = 6\"") && js.contains("\"n = 40\""), "one labelled row per n");
        assertTrue(js.contains("\"stable\""), "each image captioned");
        assertTrue(js.contains("RdBu"));
    }

    @Test
    void phasePlanesNameTheirNAbovePanels() {
        var planes = Fig5System.phasePlanes(6, 40);
        String js = org.hopscape.plot.Plots.json(TwoMemoryFigures.phasePlanes(planes));
        // one panel title per plane, centred over its panel's domain (issue 13: "panels without their parameter")
        assertTrue(js.contains("{\"text\":\"n = 6\",\"xref\":\"paper\",\"yref\":\"paper\",\"x\":0.25,\"y\":0.96,"), js);
        assertTrue(js.contains("{\"text\":\"n = 40\",\"xref\":\"paper\",\"yref\":\"paper\",\"x\":0.75,\"y\":0.96,"), js);
        assertFalse(js.contains("flow at n = 6, 40"), "the n are on the panels, not in one list in the title");
    }

    @Test
    void panelTitlesOnePerPanelAtTheTopOfItsDomain() {
        var m = PanelFigure.layout(2, 3, new String[] {"ℓ"}, new String[] {"α"},
                new String[] {"epoch 0", "epoch 1000", "epoch 2000", "epoch 3000", "epoch 4000", "epoch 5000"});
        @SuppressWarnings("unchecked")
        var notes = (java.util.List<java.util.Map<String, Object>>) m.get("annotations");
        assertEquals(6, notes.size());
        // panel 5 (row 2, column 2): x domain [1/3 + 0.04, 2/3 − 0.04], y domain top 1 − 1/2 − 0.04
        assertEquals("epoch 4000", notes.get(4).get("text"));
        assertEquals(0.5, (double) notes.get(4).get("x"), 1e-12);
        assertEquals(0.46, (double) notes.get(4).get("y"), 1e-12);
        assertArrayEquals(new double[] {1.0 / 3 + 0.04, 2.0 / 3 - 0.04}, (double[]) ((java.util.Map<?, ?>) m.get("xaxis5")).get("domain"), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> PanelFigure.layout(1, 2, new String[] {"n"}, new String[] {"p"},
                new String[] {"only one"}));
    }

    @Test
    void quickSettingFiguresSayQuick() {
        // spec 000 §8: a figure drawn from a quick grid is labelled "quick"; one from the paper grid is not
        var sweep = org.hopscape.analysis.Sweep.Options.inMemory();
        assertTrue(TwoMemoryFigures.isQuick(PrototypeTransition.Options.quick(7, sweep)));
        assertFalse(TwoMemoryFigures.isQuick(PrototypeTransition.Options.paper(7, sweep)));
        assertTrue(TwoMemoryFigures.isQuick(TemperatureSweep.Options.quick(7, sweep)));
        assertFalse(TwoMemoryFigures.isQuick(TemperatureSweep.Options.paper(7, sweep)));
        var quick = SaddleProportions.Options.quick(7, sweep);
        var paper = SaddleProportions.Options.paper(7, sweep);
        tech.tablesaw.api.Table saddles = tech.tablesaw.api.Table.create("saddles", tech.tablesaw.api.DoubleColumn.create("n"),
                tech.tablesaw.api.DoubleColumn.create("T"), tech.tablesaw.api.IntColumn.create("ic"),
                tech.tablesaw.api.DoubleColumn.create("alphabar_1"));
        String q = org.hopscape.plot.Plots.json(TwoMemoryFigures.saddleCurves(new SaddleProportions.Saddles(quick, saddles)));
        String p = org.hopscape.plot.Plots.json(TwoMemoryFigures.saddleCurves(new SaddleProportions.Saddles(paper, saddles)));
        assertTrue(q.replace("\\u003c", "<").contains("digits 1, 7, 8<br>quick setting\""), q.substring(0, Math.min(600, q.length())));
        assertFalse(p.contains("quick"));
        // each panel carries its T_r (550/784, 750/784, 800/784 to 3 significant digits)
        String panels = q.replace("\\u003c", "<");
        for (String tr : new String[] {"0.702", "0.957", "1.02"}) assertTrue(panels.contains("\"text\":\"T<sub>r</sub> = " + tr + "\""), tr);
        tech.tablesaw.api.Table pops = tech.tablesaw.api.Table.create("populations", tech.tablesaw.api.DoubleColumn.create("n"),
                tech.tablesaw.api.DoubleColumn.create("T"), tech.tablesaw.api.IntColumn.create("ic"),
                tech.tablesaw.api.IntColumn.create("pop_1"), tech.tablesaw.api.IntColumn.create("pop_7"));
        assertTrue(org.hopscape.plot.Plots.json(TwoMemoryFigures.proportionCurves(new SaddleProportions.Populations(quick, pops)))
                .replace("\\u003c", "<").contains("(1 run)<br>quick setting\""));
        assertFalse(org.hopscape.plot.Plots.json(TwoMemoryFigures.proportionCurves(new SaddleProportions.Populations(paper, pops)))
                .contains("quick"));
        // the grid decides, not the digits; a grid the reader chose is not called quick
        assertTrue(TwoMemoryFigures.isQuickSaddles(quick.withDigits(1, 7)));
        assertFalse(TwoMemoryFigures.isQuickSaddles(quick.withSaddleNs(2, 5, 10)));
        assertFalse(TwoMemoryFigures.isQuickPopulations(quick.withRuns(3)));
        assertFalse(TwoMemoryFigures.isQuick(TemperatureSweep.Options.quick(7, sweep).withTemperatures(650, 700, 800)));
    }
}
