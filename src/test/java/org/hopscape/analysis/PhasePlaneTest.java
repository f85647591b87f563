package org.hopscape.analysis;

import org.hopscape.papers.waddington.Fig5System;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class PhasePlaneTest {
    @Test
    void fixedPointsLieOnBothNullclines() {
        PhasePlane p = PhasePlane.of(Fig5System.at(20), 200);
        assertEquals(3, p.fixedPoints().size());
        double[][] mem = p.zeroCrossings(p.memoryField()), lab = p.zeroCrossings(p.labelField());
        assertTrue(mem[0].length > 100 && lab[0].length > 100, "nullclines cross the plane");
        for (TwoMemorySystem.FixedPoint fp : p.fixedPoints()) {
            assertTrue(nearest(mem, fp) < 0.02, "memory nullcline passes near " + fp);
            assertTrue(nearest(lab, fp) < 0.02, "label nullcline passes near " + fp);
        }
    }

    static double nearest(double[][] pts, TwoMemorySystem.FixedPoint fp) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < pts[0].length; i++) best = Math.min(best, Math.hypot(pts[0][i] - fp.ell(), pts[1][i] - fp.alpha()));
        return best;
    }

    @Test
    void streamLinesStayWhereTheFlowHolds() {
        TwoMemorySystem s = Fig5System.at(39);
        PhasePlane p = PhasePlane.of(s, 50);
        assertTrue(p.streamEll().length > 100);
        for (int i = 0; i < p.streamEll().length; i++) {
            if (Double.isNaN(p.streamEll()[i])) continue;
            double a = p.streamAlpha()[i];
            assertTrue(a > 0 && a < 1 && Math.abs(p.streamEll()[i]) <= 1);
            assertTrue(s.normalisationDrive(a, 1 - a, p.streamEll()[i]) > 0);
        }
    }

    @Test
    void badResolutionNamesTheParameter() {
        var e = assertThrows(IllegalArgumentException.class, () -> PhasePlane.of(Fig5System.at(20), 2));
        assertTrue(e.getMessage().startsWith("resolution"), e.getMessage());
    }
}
