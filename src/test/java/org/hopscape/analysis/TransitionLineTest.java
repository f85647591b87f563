package org.hopscape.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class TransitionLineTest {
    static final double SUM_80_81 = 736.13 + 583.54; // spec §6 Fig 6: rows 80/81 of the 200-set

    @Test
    void mixtureCostEqualsPrototypeCostOnTheLine() {
        for (double n : new double[] {2, 7.5, 15, 30}) {
            double t = TransitionLine.temperature(SUM_80_81, n);
            double u = SUM_80_81 / 2 / t; // ⟨(A+B)/2|A⟩/T
            assertEquals(1, 2 * Math.pow(1 - Math.tanh(Math.pow(u, n)), 2 * n), 1e-9, "n=" + n);
        }
    }

    @Test
    void specWhiteLineValues() {
        // spec §6 Fig 6: white-line n = 21.5 at T = 800, 15.9 at 840, 12.5 at 880
        assertEquals(21.5, TransitionLine.order(SUM_80_81, 800), 0.1);
        assertEquals(15.9, TransitionLine.order(SUM_80_81, 840), 0.1);
        assertEquals(12.5, TransitionLine.order(SUM_80_81, 880), 0.1);
        assertEquals(880, TransitionLine.temperature(SUM_80_81, TransitionLine.order(SUM_80_81, 880)), 1e-6);
        assertTrue(Double.isNaN(TransitionLine.order(SUM_80_81, SUM_80_81 / 2 - 1)), "below the asymptote: no crossing");
    }

    @Test
    void gramValuesGiveTheSameLine() {
        // T_line(1) = (⟨A|A⟩ + ⟨A|B⟩)/(2 artanh(1 − 2^{−1/2})) in closed form; Gram values (400, 150) → sum 550
        double x = 1 - Math.pow(2, -0.5), art = 0.5 * Math.log((1 + x) / (1 - x));
        assertEquals(550 / (2 * art), TransitionLine.temperature(400, 150, 1), 1e-9);
        assertEquals(TransitionLine.order(550, 300), TransitionLine.order(400, 150, 300), 0);
        var e = assertThrows(IllegalArgumentException.class, () -> TransitionLine.temperature(Double.NaN, 1, 2));
        assertTrue(e.getMessage().startsWith("gramAA"), e.getMessage());
    }

    @Test
    void badInputNamesTheParameter() {
        var e = assertThrows(IllegalArgumentException.class, () -> TransitionLine.temperature(-1, 3));
        assertTrue(e.getMessage().startsWith("overlapSum"), e.getMessage());
    }
}
