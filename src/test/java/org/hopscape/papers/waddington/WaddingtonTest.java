package org.hopscape.papers.waddington;

import org.hopscape.data.TrainingSet200;
import org.hopscape.util.Progress;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class WaddingtonTest {

    /**
     * Spec 000 §6 Fig 4 checks on the authors' 200-set, digits {1, 4, 7}, T = 800, η = 0.0035, n = 30, 3500 epochs
     * (prototype reference: S(G1 | G4∪G7) = 1660, S(G4 | G7) = 2360, group-mean ᾱ at epoch 900 = (0.54, 0.24, 0.23)
     * for all groups, 57/60 correct).
     */
    @Test
    void fig4SplitsSequentiallyAtN30() {
        var set = TrainingSet200.authors();
        assumeTrue(set.isPresent(), "authors' 200-set not on the data path (set HOPSCAPE_DATA)");
        var f = Waddington.fig4(set.get(), Waddington.FIG4_DIGITS, 30, Waddington.FIG4_TEMPERATURE, Waddington.FIG4_RATE,
                3500, new int[0], null, 10, 42, Progress.NONE);
        int first = f.split("G1 | G4∪G7"), second = f.split("G4 | G7");
        assertTrue(first > 0 && second > 0, "both splits happen: " + first + ", " + second);
        assertTrue(first < second - 200, "sequential splits " + first + " < " + second + " − 200");
        assertTrue(f.groupSpread(900) < 0.02, "one shared saddle at epoch 900: spread " + f.groupSpread(900));
        double a1 = f.meanAlphaBar(900, 1);
        assertTrue(a1 >= 0.4 && a1 <= 0.65, "ᾱ_1 at epoch 900 = " + a1);
        assertTrue(f.accuracy() >= 0.9, "accuracy " + f.accuracy());
        for (int s : f.groupSizes()) assertTrue(s > 0);
        // ᾱ of each memory sums the α of its digit block: at epoch 0 memories are ≈ −0.003·𝟙, nearly equal
        assertEquals(f.alphaBar()[0][0][0], f.alphaBar()[0][1][0], 1e-3);
    }

    @Test
    void fig2aPointsCarryMarkersAndTheTablesSd() {
        // issue 13: 000 Fig 2A in the quick setting has three points per T: markers with ± s.d. bars, not a bare line
        var pts = java.util.List.of(
                new Waddington.Fig2Point(3, 650, 0.12, 0.03, 40, 6, 0.9, null),
                new Waddington.Fig2Point(30, 650, 0.31, 0.05, 9, 2, 0.95, null),
                new Waddington.Fig2Point(50, 650, 0.42, 0.07, 4, 1.5, 0.97, null));
        var fig2 = new Waddington.Fig2(pts, "test", 100, null);
        String json = json(fig2.maxAlphaFigure());
        assertTrue(json.contains("\"mode\":\"lines+markers\""), json);
        assertTrue(json.matches("(?s).*\"error_y\":\\{[^}]*\"array\":\\[0.03,0.05,0.07\\].*"), json);
        String rec = json(fig2.reconstructionFigure());
        assertTrue(rec.contains("\"array\":[6.0,2.0,1.5]") || rec.contains("\"array\":[6,2,1.5]"), rec);
        assertTrue(rec.contains("T<sub>r</sub> = 0.829") && !rec.contains("0.8290816"), "T_r for reading");
    }

    @Test
    void denseFig2aPointsGetABandNotOverlappingBars() {
        // the full Fig 2A grid has 59 n per T: bars would overlap, so ± s.d. is a translucent band around the dots
        double[] x = new double[20], y = new double[20], sd = new double[20];
        for (int i = 0; i < 20; i++) { x[i] = i + 2; y[i] = 0.5 + i; sd[i] = 0.25; }
        String j = json(WaddingtonFigures.pointsWithErrors("t", "n", "y", java.util.List.of(new org.hopscape.plot.Figures.Series("a", x, y)),
                java.util.List.of(sd)));
        assertTrue(j.contains("\"fill\":\"toself\"") && !j.contains("error_y"), j);
        assertTrue(j.contains("\"y\":[0.75,1.75,"), "upper edge = mean + s.d.: " + j);
    }

    @Test
    void fig1FiguresLabelRowsAndDrawCategoriesAsPoints() {
        // 000 Fig 1B: every row named beside it, a titled colour bar
        double[][] imgs = new double[8][784];
        imgs[5][100] = 0.7;
        var grid = WaddingtonFigures.memoryGrid("t", imgs, 4,
                java.util.List.of("n = 3<br>T<sub>r</sub> = 0.51", "n = 30<br>T<sub>r</sub> = 0.855"), "pixel value");
        String json = json(grid);
        assertTrue(json.contains("n = 3<br>T<sub>r</sub> = 0.51") && json.contains("n = 30<br>T<sub>r</sub> = 0.855"));
        assertTrue(json.contains("\"annotations\"") && json.contains("pixel value"), json.substring(0, 200));
        assertThrows(IllegalArgumentException.class,
                () -> WaddingtonFigures.memoryGrid("t", imgs, 4, java.util.List.of("one row only"), null));
        // 000 Fig 3B/3E (the short form): the same memory scale, fixed on [−1, 1], and a titled colour bar
        String plain = json(WaddingtonFigures.memoryGrid("t", imgs, 4));
        assertTrue(plain.contains("\"colorscale\":\"RdBu\",\"zmin\":-1,\"zmax\":1,\"zmid\":0,\"showscale\":true,"
                + "\"colorbar\":{\"title\":{\"text\":\"pixel value\",\"side\":\"right\"}"), plain.substring(0, 300));
        // 000 Fig 1D: labels over the digits 0…9 are categories: markers, no line through them
        double[] l = {-1, -1, -1, -1, 1, -1, -1, -1, -1, -0.9};
        String d = json(WaddingtonFigures.categoricalPoints("t", "digit d", "l<sub>d</sub>",
                java.util.List.of("n = 3", "n = 30"), java.util.List.of(l, l)));
        assertTrue(d.contains("\"mode\":\"markers\"") && !d.contains("lines"), d);
        assertTrue(d.contains("\"dtick\":1"), "every digit ticked");
        assertTrue(d.contains("\"x\":[-0.125,0.875,") && d.contains("\"x\":[0.125,1.125,"), "two series side by side: " + d);
    }

    /** The figure's JSON with plotly's escaped {@code <} read back, so tags can be matched as written. */
    private static String json(tech.tablesaw.plotly.components.Figure f) {
        return org.hopscape.plot.Plots.json(f).replace("\\u003c", "<");
    }

    @Test
    void memoriesOfDigitLowersTheThresholdUntilEnoughExist() {
        var c = new org.hopscape.hopfield.DenseClassifier(new double[][] {{1}, {1}, {1}},
                new double[][] {{0.995, 0}, {0.85, 0}, {0.5, 0}}, 2, 1);
        assertArrayEquals(new int[] {0}, Waddington.memoriesOfDigit(c, 0, 1, 0.1));
        assertArrayEquals(new int[] {0, 1}, Waddington.memoriesOfDigit(c, 0, 2, 0.1));
        assertArrayEquals(new int[] {0, 1, 2}, Waddington.memoriesOfDigit(c, 0, 4, 0.1));
    }
}
