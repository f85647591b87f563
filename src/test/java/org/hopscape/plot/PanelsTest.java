package org.hopscape.plot;

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
    void badPanelIndexIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Panels("t", 1, 2).panelTitle(2, "x"));
        assertTrue(e.getMessage().contains("panel"));
    }
}
