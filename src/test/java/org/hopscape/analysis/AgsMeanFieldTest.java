package org.hopscape.analysis;

import org.hopscape.util.Progress;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class AgsMeanFieldTest {
    static final AgsMeanField QUICK = new AgsMeanField(AgsMeanField.Options.quick());

    @Test
    void zeroTemperatureCapacityAndEndpoints() {
        // spec 001 Fig 2C checks: α_c(0) = 0.1379 with m = 0.967; T_c reaches 0 at α = 0.0518
        assertEquals(0.1379, AgsMeanField.zeroTemperatureCapacity(), 1e-4);
        assertEquals(0.967, AgsMeanField.retrievalZeroTemperature(AgsMeanField.zeroTemperatureCapacity() * (1 - 1e-12)).m(), 1e-3);
        assertNull(AgsMeanField.retrievalZeroTemperature(0.139));
        assertEquals(0.0518, AgsMeanField.zeroTemperatureAlphaC(), 1e-4);
        // SG solution at T = 0: C = k/(1+k), k = √(2/(πα))
        double k = Math.sqrt(2 / (Math.PI * 0.05));
        assertEquals(k / (1 + k), AgsMeanField.spinGlassZeroTemperature(0.05).c(), 1e-15);
    }

    @Test
    void retrievalSolutionSatisfiesTheOriginalEquations() {
        // m = ⟨tanh βh⟩, q = ⟨tanh² βh⟩ (checked by an independent fine trapezoid), r = q/(1 − β(1−q))²
        AgsMeanField.Solution s = QUICK.retrieval(0.08, 0.25, 1, 0.01);
        double beta = 4, sd = Math.sqrt(s.alpha() * s.r()), mm = 0, qq = 0, dz = 1e-4;
        for (double z = -10; z <= 10; z += dz) {
            double w = dz * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI), t = Math.tanh(beta * (s.m() + sd * z));
            mm += w * t;
            qq += w * t * t;
        }
        assertEquals(s.m(), mm, 1e-7);
        assertEquals(s.q(), qq, 1e-7);
        assertEquals(s.q() / Math.pow(1 - beta * (1 - s.q()), 2), s.r(), 1e-12);
        // spec: RS overlaps at T = 0.25
        assertEquals(0.9899, s.m(), 1e-4);
        assertEquals(0.9987, QUICK.retrieval(0.02, 0.25, 1, 0.01).m(), 1e-4);
    }

    @Test
    void freeEnergyIsStationaryAtTheSolution() {
        // the RS equations are the stationarity conditions of f; small displacements change f only to 2nd order
        AgsMeanField.Solution sg = QUICK.spinGlass(0.1, 0.3);
        assertEquals(0, sg.m());
        assertTrue(sg.q() > 0 && sg.q() < 1);
        AgsMeanField.Solution zeroSg = AgsMeanField.spinGlassZeroTemperature(0.1);
        AgsMeanField.Solution lowSg = QUICK.spinGlass(0.1, 0.002);
        assertEquals(zeroSg.freeEnergy(), lowSg.freeEnergy(), 2e-3);
        AgsMeanField.Solution zeroR = AgsMeanField.retrievalZeroTemperature(0.1);
        AgsMeanField.Solution lowR = QUICK.retrieval(0.1, 0.002, zeroR.m(), zeroR.c());
        assertEquals(zeroR.m(), lowR.m(), 1e-3);
        assertEquals(zeroR.freeEnergy(), lowR.freeEnergy(), 2e-3);
    }

    @Test
    void retrievalBranchWithoutAGuess() {
        // the continued branch is the solution found from a good guess (spec 001: α_M(0.25) = 0.1136)
        AgsMeanField.Solution guessed = QUICK.retrieval(0.08, 0.25, 1, 0.01), branch = QUICK.retrieval(0.08, 0.25);
        assertEquals(guessed.m(), branch.m(), 1e-9);
        assertEquals(guessed.c(), branch.c(), 1e-9);
        assertNotNull(QUICK.retrieval(0.110, 0.25));
        assertNull(QUICK.retrieval(0.118, 0.25), "beyond α_M(0.25) = 0.1136 there is no retrieval state");
        // α → 0: the Curie–Weiss magnetisation m = tanh(m/T); T = 0: the closed form; T ≥ 1: none
        double m = QUICK.retrieval(1e-6, 0.5).m();
        assertEquals(Math.tanh(m / 0.5), m, 1e-4);
        assertEquals(AgsMeanField.retrievalZeroTemperature(0.1).m(), QUICK.retrieval(0.1, 0).m(), 0);
        assertNull(QUICK.retrieval(0.01, 1.1));
    }

    @Test
    void boundariesInTemperatureMatchSpecReferences() {
        // spec 001: α_c(T) and α_M(T) reference values
        double[] t = {0.01, 0.10, 0.25, 0.5};
        double[] ac = {0.0521, 0.0531, 0.0482, 0.0281};
        for (int k = 0; k < t.length; k++) assertEquals(ac[k], QUICK.boundaries(t[k]).alphaC(), 2e-4, "T=" + t[k]);
        assertEquals(0.1381, QUICK.boundaries(0.01).alphaM(), 2e-4);
        assertEquals(0.1378, QUICK.boundaries(0.05).alphaM(), 2e-4);
        assertEquals(0.1136, QUICK.boundaries(0.25).alphaM(), 2e-4);
        assertEquals(0, QUICK.boundaries(1.2).alphaM());
    }

    @Test
    void temperaturesMatchSpecTableAndAreOrdered() {
        // spec 001 table, within 2e-3; T_c < T_M < T_g; (1 − T_M)/√α ≈ 1.96 near α = 0 (0.938 at α = 0.001)
        PhaseDiagram d = PhaseDiagram.compute(QUICK, new double[]{0}, PhaseDiagram.SPEC_ALPHAS, 2, Progress.NONE);
        assertTrue(d.maxDeviationFromSpecTable() < 2e-3, "max deviation " + d.maxDeviationFromSpecTable());
        for (AgsMeanField.Temperatures x : d.atAlpha()) assertTrue(x.tC() < x.tM() && x.tM() < x.tG(), x.toString());
        double slope = (1 - d.at(0.0005).tM()) / Math.sqrt(0.0005);
        assertEquals(1.96, slope, 0.05);
        assertEquals(0.1379, d.capacityAtZeroTemperature(), 1e-4);
        assertEquals(1 + Math.sqrt(0.04), AgsMeanField.spinGlassTemperature(0.04), 1e-15);
    }

    @Test
    void paperGridAgreesWithQuickGridAtLowTemperature() {
        AgsMeanField paper = new AgsMeanField(AgsMeanField.Options.paper());
        AgsMeanField.Boundaries a = paper.boundaries(0.01), b = QUICK.boundaries(0.01);
        assertEquals(a.alphaC(), b.alphaC(), 2e-5);
        assertEquals(a.alphaM(), b.alphaM(), 2e-5);
    }

    @Test
    void phaseDiagramIsIndependentOfThreads() {
        double[] t = {0.1, 0.3};
        PhaseDiagram a = PhaseDiagram.compute(QUICK, t, new double[]{0.02}, 1, Progress.NONE);
        PhaseDiagram b = PhaseDiagram.compute(QUICK, t, new double[]{0.02}, 2, Progress.NONE);
        assertEquals(a, b);
        assertEquals(2, a.curves().rowCount());
    }

    @Test
    void erfMatchesReferenceValues() {
        assertEquals(0.8427007929497149, AgsMeanField.erf(1), 1e-15);
        assertEquals(0.9999779095030014, AgsMeanField.erf(3), 1e-15);
        assertEquals(2.209049699858544e-05, AgsMeanField.erfc(3), 1e-19);
        assertEquals(-0.5204998778130465, AgsMeanField.erf(-0.5), 1e-15);
    }

    @Test
    void badInputNamesTheParameter() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new AgsMeanField.Options(1000, 10, 1e-12, 1e-6))
                .getMessage().contains("gridPoints"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QUICK.retrieval(-0.1, 0.2, 1, 0))
                .getMessage().contains("alpha"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QUICK.boundaries(Double.NaN))
                .getMessage().contains("temperature"));
    }
}
