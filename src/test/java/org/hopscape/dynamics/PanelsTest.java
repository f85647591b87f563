package org.hopscape.dynamics;

import org.hopscape.dynamics.examples.DualWell;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PanelsTest {

    @Test
    void panelsWriteOneAxisPairPerPanelAndHideColourBars() {
        Panels p = new Panels("t", 1, 2);
        p.contour(0, new double[]{0, 1}, new double[]{0, 1}, new double[][]{{0, 1}, {1, 2}}, "Viridis", 10);
        p.lines(1, List.<double[][]>of(new double[][]{{0, 1}, {0, Double.NaN}}), "red", 1, "l");
        p.panelTitle(1, "it's");
        Figure f = p.build();
        String js = f.asJavascript("d");
        assertTrue(js.contains("xaxis:'x2',yaxis:'y2'"));
        assertTrue(js.contains("showscale:false"));
        assertTrue(js.contains("null"), "NaN must be written as null");
        assertTrue(js.contains("it\\'s"));
        assertTrue(f.getLayout().asJavascript().contains("width: " + (2 * Panels.PANEL_WIDTH + 70)));
    }

    @Test
    void phasePortraitDrawsEveryCriticalPoint() {
        DualWell w = new DualWell();
        CriticalSet pts = CriticalPoints.find(w, CriticalPoints.Options.box(2, 2.5, 21));
        ConnectionGraph g = MorseSmale.graph(w, pts, MorseSmale.Options.paper(4));
        Panels p = new Panels("t", 1, 2);
        MorsePlots.phasePortrait(p, 0, w, MorsePlots.Box.square(2.5), pts, g, 3, false, "well");
        MorsePlots.dag(p, 1, g, Paper004.dagTitle(g));
        String js = p.build().asJavascript("d");
        assertTrue(js.contains("text:['A','B']"));
        assertTrue(js.contains("text:['a']"));
        assertTrue(js.contains("a→A, a→B"));
    }

    @Test
    void numberLabelsAreShort() {
        assertEquals("1", Paper004.f(1.0));
        assertEquals("0.6", Paper004.f(0.6));
        assertEquals("-0.45", Paper004.f(-0.45));
    }

    @Test
    void badPanelIndexIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Panels("t", 1, 2).panelTitle(2, "x"));
        assertTrue(e.getMessage().contains("panel"));
    }
}
