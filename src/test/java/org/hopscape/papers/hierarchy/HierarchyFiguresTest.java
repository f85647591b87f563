package org.hopscape.papers.hierarchy;

import org.hopscape.analysis.SeparatrixScan;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class HierarchyFiguresTest {
    @Test
    void fig1TableShowsValidityBelowBetaCritOnly() {
        var t = HierarchyFigures.fig1Table(5, 10, 30);
        assertEquals(java.util.List.of(1, 1, 2), t.intColumn(1).asList());
        assertEquals(java.util.List.of(1, 1, 1), t.intColumn(2).asList());
        assertTrue(t.doubleColumn(3).get(0) < 1e-3);
        assertEquals(0.248, t.doubleColumn(3).get(2), 1e-3);
    }

    @Test
    void fig1MarksTheSaddleBetweenThePairAboveBetaCrit() {
        // above β_crit ≈ 14.93 the 30° pair keeps two stable points with a saddle between them on the bisector x₂ = 0
        double[][] s = HierarchyFigures.saddles(org.hopscape.hopfield.GeneralizedHopfield.symmetric(
                HierarchyFigures.fig1Patterns(), new double[3], 30));
        assertTrue(java.util.Arrays.stream(s).anyMatch(p -> Math.abs(p[1]) < 1e-6 && p[0] > 0.5),
                "a saddle between the two stable points: " + java.util.Arrays.deepToString(s));
        String js = HierarchyFigures.fig1(5, 30).asJavascript("f");
        assertTrue(js.contains("\"saddles\"") && js.contains("x-thin"), "saddles drawn and keyed in the critical-point style");
    }

    @Test
    void fig2PathsEndNearXi1() {
        var e = HierarchyFigures.fig2Ends();
        assertArrayEquals(new double[] {0.1932, 0.2302}, e.mpp(), 1e-4);
        assertArrayEquals(new double[] {0.6428, 0.7660}, e.target(), 1e-3);
        assertTrue(e.maxEndError() < 1e-3);
    }

    @Test
    void appendix1TableMatchesSpec() {
        var t = HierarchyFigures.appendix1Table();
        assertEquals(0.989, t.doubleColumn("w*").get(0), 1e-3);
        assertTrue(t.doubleColumn("distance magnitude rule").max() < 0.02);
        assertTrue(t.doubleColumn("distance equal rule").max() > 0.05);
    }

    @Test
    void streamLinesStayInsideTheFlowAndFiguresBuild() {
        var m = org.hopscape.hopfield.GeneralizedHopfield.symmetric(HierarchyFigures.fig1Patterns(), new double[3], 5);
        var lines = HierarchyFigures.streamLines(m);
        assertEquals(HierarchyFigures.SEEDS * HierarchyFigures.SEEDS, lines.size());
        for (double[][] l : lines) assertEquals(l[0].length, l[1].length);
        assertTrue(HierarchyFigures.fig1(5, 30).asJavascript("f").contains("x4"));
        assertTrue(HierarchyFigures.appendix2(Math.PI / 2, 7, 1).asJavascript("g").contains("paper estimate"));
    }

    @Test
    void phasePortraitsShowTheFlowDirectionWithEqualAspect() {
        var m = org.hopscape.hopfield.GeneralizedHopfield.symmetric(HierarchyFigures.fig1Patterns(), new double[3], 5);
        double[][] marks = org.hopscape.plot.StreamArrows.marks(HierarchyFigures.streamLines(m), HierarchyFigures.ARROW_AT);
        assertTrue(marks[0].length > HierarchyFigures.SEEDS * HierarchyFigures.SEEDS / 2, "most seeds get an arrowhead");
        // every arrowhead points along the flow: its angle (clockwise from up) matches the velocity there
        double[] f = new double[2];
        for (int i = 0; i < marks[0].length; i++) {
            m.velocity(new double[] {marks[0][i], marks[1][i]}, f);
            double angle = Math.toDegrees(Math.atan2(f[0], f[1]));
            double diff = Math.abs(((angle - marks[2][i]) % 360 + 540) % 360 - 180);
            assertTrue(diff < 20, "arrow " + i + " off the flow by " + diff + "°");
        }
        for (var fig : java.util.List.of(HierarchyFigures.fig1(5), HierarchyFigures.fig2(), HierarchyFigures.appendix1())) {
            String js = fig.asJavascript("f");
            assertTrue(js.contains("triangle-up"), "arrowheads drawn");
            assertTrue(js.contains("\"scaleanchor\":\"x\""), "equal aspect");
            assertTrue(js.contains("\"zeroline\":false"), "no zero lines through the portrait");
        }
    }

    @Test
    void progenitorBasinGrowsWithW1AppendixFigure3() {
        double[] w1s = {-2, -1, 0, 0.5, 1, 1.5, 2, 3};
        double[] expected = {0.113, 0.132, 0.173, 0.201, 0.229, 0.266, 0.322, 0.487}; // spec 002 §3
        var scan = ProgenitorBasin.scan(w1s, 7);
        for (int i = 0; i < w1s.length; i++) assertEquals(expected[i], scan.numeric()[i], 2e-3, "w1 " + w1s[i]);
    }

    @Test
    void separatrixScanSummaries() {
        var s = SeparatrixScan.twoPatternScan(Math.PI / 2, 7, 0.25, 3);
        assertTrue(s.maxExactError() < 1e-3);
        assertEquals(1.4, s.numeric()[0] / s.paper()[0], 0.02);
        var p = ProgenitorBasin.scan(new double[] {-2, -1, 2, 3}, 7);
        assertTrue(p.monotone());
        assertTrue(p.slopeRatio() > 3);
        assertTrue(p.minRatio() >= 1 && p.maxRatio() <= 2);
    }
}
