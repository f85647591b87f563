package org.hopscape.dynamics;

import org.hopscape.dynamics.examples.DualCusp;
import org.hopscape.dynamics.examples.DualWell;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MorseSmaleTest {

    @Test
    void dualWellCriticalPointsAreExact() {
        CriticalSet s = CriticalPoints.find(new DualWell(), CriticalPoints.Options.box(2, 3, 21));
        assertEquals("2,1,0", s.signature());
        assertEquals(1, s.eulerCount());
        CriticalPoint a = s.get(s.indexOf("A")), b = s.get(s.indexOf("B")), sad = s.get(s.indexOf("a"));
        assertEquals(-Math.sqrt(2), a.x(0), 1e-12);
        assertEquals(Math.sqrt(2), b.x(0), 1e-12);
        assertEquals(-1, a.energy(), 1e-12);
        assertArrayEquals(new double[]{2, 4}, a.hessianEigenvalues(), 1e-9);
        assertArrayEquals(new double[]{-2, 2}, sad.hessianEigenvalues(), 1e-9);
        assertEquals(1, sad.morseIndex());
        ConnectionGraph g = MorseSmale.graph(new DualWell(), s, MorseSmale.Options.paper(4.5));
        assertEquals(List.of("A", "B"), g.targets("a"));
        assertTrue(g.acyclic());
        assertTrue(g.indexDecreasing());
        assertTrue(MorseSmale.check(new DualWell(), g, 2.5).morseSmale());
        assertEquals(-17.53, MorseSmale.maxRadialVelocity(new DualWell(), 2.5, 3600), 0.01);
    }

    @Test
    void dualCuspMatchesSpecAndDag() {
        DualCusp cusp = new DualCusp();
        CriticalSet s = CriticalPoints.find(cusp, CriticalPoints.Options.box(2, 4, 41));
        assertEquals("3,2,0", s.signature());
        double[][] sinks = {{-2.308850, -1.523083}, {0, 2.321255}, {2.308850, -1.523083}};
        String[] names = {"A", "B", "C"};
        for (int k = 0; k < 3; k++)
            assertArrayEquals(sinks[k], s.get(s.indexOf(names[k])).position(), 1e-6);
        CriticalPoint b = s.get(s.indexOf("b"));
        assertArrayEquals(new double[]{0.545716, -0.085087}, b.position(), 1e-6);
        assertEquals(0.008411, b.energy(), 1e-6);
        assertArrayEquals(new double[]{-0.554478, 0.974567}, b.hessianEigenvalues(), 1e-6);
        double[] eu = b.unstableDirection();
        assertEquals(0.693943, Math.abs(eu[0]), 1e-6);
        assertEquals(-1, Math.signum(eu[0] * eu[1]));
        ConnectionGraph g = MorseSmale.graph(cusp, s, MorseSmale.Options.paper(6));
        assertEquals(List.of("A", "B"), g.targets("a"));
        assertEquals(List.of("B", "C"), g.targets("b"));
        assertEquals(4, g.edges().size());
        assertFalse(g.hasSaddleConnection());
        MorseSmaleCheck c = MorseSmale.check(cusp, g, 4);
        assertTrue(c.morseSmale());
        assertEquals(-16.6, c.maxRadialVelocity(), 0.05);
        assertEquals(-1.26, MorseSmale.maxRadialVelocity(cusp, 3, 3600), 0.01);
    }

    @Test
    void dualCuspBasinFractions() {
        DualCusp cusp = new DualCusp();
        CriticalSet s = CriticalPoints.find(cusp, CriticalPoints.Options.box(2, 4, 21));
        BasinMap m = MorseSmale.basins(cusp, s, MorseSmale.BasinOptions.square(4, 101, 4), org.hopscape.util.Progress.NONE);
        assertEquals(0.2940, m.fraction("A"), 0.005);
        assertEquals(0.4122, m.fraction("B"), 0.005);
        assertEquals(0.2938, m.fraction("C"), 0.005);
        assertEquals(m.fraction("A"), m.fraction("C"), 0.002);
        assertEquals(0, m.unconverged(), 1e-12);
    }

    @Test
    void badOptionsNameTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CriticalPoints.Options.box(2, 3, 1));
        assertTrue(e.getMessage().contains("seedsPerAxis"));
        e = assertThrows(IllegalArgumentException.class, () -> MorseSmale.BasinOptions.square(4, 101, -1));
        assertTrue(e.getMessage().contains("discRadius"));
    }
}
