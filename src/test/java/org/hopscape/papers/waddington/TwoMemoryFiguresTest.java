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
}
