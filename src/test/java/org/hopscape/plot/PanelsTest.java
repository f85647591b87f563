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
        String json = Plots.json(f);
        assertTrue(json.contains("\"xaxis\":\"x2\",\"yaxis\":\"y2\""), json);
        assertTrue(json.contains("\"showscale\":false"));
        assertTrue(json.contains("[0,1,null]"), "NaN must be written as null (a gap)");
        assertTrue(json.contains("\"text\":\"it's\",\"xref\":\"x2 domain\""), "panel title as an annotation over panel 2");
        assertTrue(json.contains("\"grid\":{\"rows\":1,\"columns\":2,"), json);   // in the order written
        assertArrayEquals(new int[] {2 * Panels.PANEL_WIDTH + 70, Panels.PANEL_HEIGHT + 90}, Plots.designSize(f));
    }

    @Test
    void badPanelIndexIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Panels("t", 1, 2).panelTitle(2, "x"));
        assertTrue(e.getMessage().contains("panel"));
    }
}
