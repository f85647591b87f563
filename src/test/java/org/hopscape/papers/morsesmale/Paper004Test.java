package org.hopscape.papers.morsesmale;

import org.hopscape.dynamics.ConnectionGraph;
import org.hopscape.dynamics.CriticalPoints;
import org.hopscape.dynamics.CriticalSet;
import org.hopscape.dynamics.MorsePlots;
import org.hopscape.dynamics.MorseSmale;
import org.hopscape.dynamics.examples.DualWell;
import org.hopscape.plot.PanelGrid;
import org.hopscape.plot.Plots;
import org.junit.jupiter.api.Test;

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
    }

    @Test
    void numberLabelsAreShort() {
        assertEquals("1", Paper004.f(1.0));
        assertEquals("0.6", Paper004.f(0.6));
        assertEquals("-0.45", Paper004.f(-0.45));
    }
}
