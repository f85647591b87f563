package org.hopscape.papers.waddington;

import org.hopscape.analysis.Sweep;
import org.hopscape.data.TrainingSet200;
import org.hopscape.table.ArrayRows;
import org.hopscape.util.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The runs of 000 Figs 1, 3 and 4 travel through a shipped table (issue 12): what a figure draws comes back to its
 * stored digits, what a claim asserts comes back exactly, and the panels and trails are rebuilt as computed.
 */
class ShippedRunsTest {
    static TrainingSet200 set;
    static Waddington.Embedding emb;

    @BeforeAll
    static void setUp() {
        set = TrainingSet200.load();
        emb = Waddington.umap(set, false, 5, Progress.NONE);
    }

    private static void close(double[][] a, double[][] b, double tol, String what) {
        assertEquals(a.length, b.length, what);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i].length, b[i].length, what + " row " + i);
            for (int j = 0; j < a[i].length; j++)
                assertEquals(a[i][j], b[i][j], tol * Math.max(1, Math.abs(a[i][j])), what + "[" + i + "][" + j + "]");
        }
    }

    @Test
    void fig3RunComesBackWithItsPanelsTrailsAndCounts() {
        var f = Waddington.fig3(set, 30, 670, 400, new int[] {120, 250, 400}, 380, emb, 50, 3, Progress.NONE);
        var g = Waddington.fig3FromArrays(ArrayRows.read(Waddington.fig3Arrays(f, 50)));
        assertEquals(f.n(), g.n());
        assertEquals(f.accuracyAt1000(), g.accuracyAt1000(), 0); // NaN (400 epochs) stays NaN
        assertEquals(f.finalAccuracy(), g.finalAccuracy(), 0);
        assertArrayEquals(f.epochs(), g.epochs());
        for (int t = 0; t < f.epochs().length; t++) assertArrayEquals(f.recognised()[t], g.recognised()[t]);
        assertArrayEquals(f.learningEpochs(), g.learningEpochs());
        assertArrayEquals(f.clusters(), g.clusters());
        assertArrayEquals(f.finalPerDigit(), g.finalPerDigit());
        close(f.samples(), g.samples(), 5e-4, "samples"); // 4 significant digits
        close(f.setPosition(), g.setPosition(), 1e-5, "set");
        assertEquals(f.panels().size(), g.panels().size());
        for (int p = 0; p < f.panels().size(); p++) {
            close(f.panels().get(p), g.panels().get(p), 1e-5, "panel " + p);
            double[][][] a = f.trails().get(p), b = g.trails().get(p);
            assertEquals(a.length, b.length);
            for (int mu = 0; mu < a.length; mu++) close(a[mu], b[mu], 1e-5, "trail " + p + "/" + mu);
        }
        // the panel at epoch 120 < 200 is its own one-point trail; the one at 400 runs 200, 250, …, 400
        assertEquals(1, g.trails().get(0)[0].length);
        assertEquals(5, g.trails().get(2)[0].length);
        assertEquals(f.learningProse().toString(), g.learningProse().toString());
    }

    @Test
    void fig4RunKeepsAlphaEveryTenEpochsAndItsSplits() {
        var f = Waddington.fig4(set, Waddington.FIG4_DIGITS, 30, Waddington.FIG4_TEMPERATURE, Waddington.FIG4_RATE, 300,
                new int[] {220, 300}, emb, 20, 3, Progress.NONE);
        var g = Waddington.fig4FromArrays(ArrayRows.read(Waddington.fig4Arrays(f, 20)));
        assertEquals(301, f.alphaEpochs().length);
        assertEquals(31, g.alphaEpochs().length);
        assertEquals(300, g.alphaEpochs()[30]);
        assertArrayEquals(f.group(), g.group());
        assertArrayEquals(f.splitNames(), g.splitNames());
        assertArrayEquals(f.splitEpochs(), g.splitEpochs());
        assertEquals(f.accuracy(), g.accuracy(), 0);
        for (int e : new int[] {0, 150, 300}) {
            close(f.alphaBar()[f.alphaIndex(e)], g.alphaBar()[g.alphaIndex(e)], 1e-5, "ᾱ at " + e);
            assertEquals(f.meanAlphaBar(e, 1), g.meanAlphaBar(e, 1), 1e-5);
        }
        var e = assertThrows(IllegalArgumentException.class, () -> g.groupSpread(155));
        assertTrue(e.getMessage().contains("epoch 155"), e.getMessage());
        assertEquals(f.splitTable().toString(), g.splitTable().toString());
        for (int p = 0; p < 2; p++) close(f.panels().get(p), g.panels().get(p), 1e-5, "panel " + p);
        // the ᾱ figure of a shipped run draws the stored epochs only
        assertNotNull(g.alphaFigure(1, 4, 100, 300));
    }

    @Test
    void fig1SweepIsReadBackFromItsCheckpointAsComputed(@TempDir Path dir) {
        double[] ns = {3, 30}, temps = {670};
        var live = Waddington.fig1(set, ns, temps, 60, 9, Sweep.Options.of(dir));
        var back = Waddington.fig1(set, ns, temps, 60, 9, Sweep.Options.readOnly(dir));
        for (int i = 0; i < 2; i++) {
            var a = live.runs().get(i);
            var b = back.runs().get(i);
            assertEquals(a.meanMaxAlpha(), b.meanMaxAlpha(), 0);
            assertEquals(a.fours(), b.fours());
            assertEquals(a.largestEntry(), b.largestEntry(), 0);
            assertArrayEquals(a.shown(), b.shown());
            close(a.shownMemories(), b.shownMemories(), 5e-4, "memories");
            close(a.shownAlphas(), b.shownAlphas(), 1e-5, "α");
            for (int q = 0; q < a.shown().length; q++) {
                assertEquals(a.argMaxSample(q), b.argMaxSample(q));
                assertEquals(a.labelsAbove(q, 0.9), b.labelsAbove(q, 0.9));
            }
        }
        assertTrue(live.largestEntry() <= 1.0, "normalisation keeps |M|, |l| ≤ 1: " + live.largestEntry());
        assertEquals(List.of(3.0, 30.0), back.runs().stream().map(Waddington.Fig1Run::n).toList());
    }
}
