package org.hopscape.papers.waddington;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** 000 Fig 1C/1D as a panel per run (issue 13: nine curves on one axis could not be read). */
class Fig1FiguresTest {

    static Waddington.Fig1 grid() {
        List<Waddington.Fig1Run> runs = new ArrayList<>();
        for (double t : new double[] {670, 400})
            for (double n : new double[] {30, 3}) {
                double[] alpha = new double[200], labels = new double[10];
                java.util.Arrays.fill(labels, -1);
                labels[4] = 1;
                alpha[83] = n == 30 ? 0.52 : 0.1; // a 4 (block 4 = samples 80 … 99)
                alpha[5] = -0.2;
                runs.add(new Waddington.Fig1Run(n, t, 0.3, 9, 1, 1, new int[] {7}, new double[][] {new double[784]},
                        new double[][] {alpha}, new double[][] {labels}));
            }
        return new Waddington.Fig1(runs, "test", 5000);
    }

    private static String json(tech.tablesaw.plotly.components.Figure f) {
        return org.hopscape.plot.Plots.json(f).replace("\\u003c", "<");
    }

    @Test
    void alphaPanelsAreOrderedByTemperatureAndNAndShareTheirRange() {
        String j = json(Fig1Figures.alphaGrid(grid()));
        // rows T_r ascending, columns n ascending, whatever the order of the runs
        assertTrue(j.indexOf("T<sub>r</sub> = 0.51") < j.indexOf("T<sub>r</sub> = 0.855"), "row labels");
        assertTrue(j.indexOf("<b>n = 3</b>") < j.indexOf("<b>n = 30</b>") && j.indexOf("<b>n = 3</b>") > 0, "column labels");
        // the y range covers the spec's [−0.15, 0.4] and the largest α (0.52 + 0.03), the smallest (−0.2 − 0.03)
        assertTrue(j.contains("\"range\":[-0.23,0.55"), j);
        // ten shaded digit blocks per panel, keyed once
        assertEquals(40, j.split("\"fill\":\"toself\"", -1).length - 1);
        for (int d = 0; d < 10; d++) assertTrue(j.contains("\"name\":\"digit " + d + "\""), "key of digit " + d);
        assertEquals(0.16, Double.parseDouble(Fig1Figures.rgba("#1f77b4", 0.16).replaceAll(".*,([0-9.]+)\\)$", "$1")), 0);
        assertEquals("rgba(31,119,180,0.16)", Fig1Figures.rgba("#1f77b4", 0.16));
    }

    @Test
    void labelPanelsAreMarkersOnMinusOneToOne() {
        String j = json(Fig1Figures.labelsGrid(grid()));
        assertTrue(j.contains("\"range\":[-1.2,1.2]"), j);
        assertTrue(j.contains("\"mode\":\"markers\""), "labels are categories: markers");
        assertTrue(j.contains("l<sub>4</sub> = 1"), "hover names the label");
    }
}
