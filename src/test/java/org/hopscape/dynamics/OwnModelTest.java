package org.hopscape.dynamics;

import org.hopscape.util.Progress;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** A model of one's own through {@link GradientSystem#of}: the toolkit's invariants and closed forms on it. */
class OwnModelTest {

    @Test
    void familyPanelsNameTheParameterInGreek() {
        // Family.parameterName() defaults to "eta": the column headers read η = …, never the code name
        Family tilt = ExampleSystemsContractTest::tiltedWells;
        assertEquals("eta", tilt.parameterName());
        String js = ModelFigures.familyPanels("tilted wells", tilt, new double[] {0, 1.3},
                CriticalPoints.Options.box(2, 2, 11), MorsePlots.Box.square(2), 0).asJavascript("f");
        assertTrue(js.contains("η = 0") && js.contains("η = 1.3"), "column headers in the paper's notation");
        assertFalse(js.contains("eta = "), "no raw parameter name");
    }

    @Test
    void lambdaSystemHasTheProductCountsAndAMorseRelation() {
        // tilted coupled wells at η = 0.3: 4 sinks, 4 saddles, 1 source (the product structure survives c = 0.5)
        CriticalSet pts = CriticalPoints.find(ExampleSystemsContractTest.tiltedWells(0.3), CriticalPoints.Options.box(2, 2, 21));
        assertEquals("4,4,1", pts.signature());
        assertEquals(1, pts.eulerCount());
        assertTrue(pts.morse());
    }

    @Test
    void foldOfTheSeparableWellIsTheClosedForm() {
        // c = 0: V = (x²−1)² + (y²−1)² + η x; ∂ₓ: 4x³ − 4x + η has a double root at η* = 8/(3√3), x = −1/√3… here
        // the right well (x = +1/√3) dies as η rises: 4x³ − 4x + η = 0 and 12x² − 4 = 0 ⇒ η* = 8/(3√3)
        Family sep = eta -> GradientSystem.of(1, x -> Math.pow(x[0] * x[0] - 1, 2) + eta * x[0],
                (x, g) -> g[0] = 4 * x[0] * (x[0] * x[0] - 1) + eta);
        Families.Track t = Families.track(sep, Families.grid(0, 2, 0.05), Families.Options.of(CriticalPoints.Options.box(1, 2, 41), false), Progress.NONE);
        assertEquals(1, t.events().size());
        assertEquals(8 / (3 * Math.sqrt(3)), t.events().get(0).eta(), 1e-8);
        assertEquals(1 / Math.sqrt(3), t.events().get(0).position()[0], 1e-5);
    }

    @Test
    void graphOfTheTiltedWellsRunsDownhillAndItsFamilyChangesByPairs() {
        GradientSystem s = ExampleSystemsContractTest.tiltedWells(0.3);
        CriticalSet pts = CriticalPoints.find(s, CriticalPoints.Options.box(2, 2, 21));
        ConnectionGraph g = MorseSmale.graph(s, pts, MorseSmale.Options.paper(3));
        // source → each of 4 saddles, each saddle → 2 sinks
        assertEquals(12, g.innerEdgeCount());
        assertTrue(g.downhill());
        Families.Track t = Families.track(ExampleSystemsContractTest::tiltedWells, Families.grid(0, 3, 0.1),
                Families.Options.of(CriticalPoints.Options.box(2, 2, 21), false), Progress.NONE);
        assertEquals(java.util.List.of("4,4,1", "3,3,1", "3,2,0", "2,1,0"), t.signatureSequence());
        assertTrue(t.countChangesArePairs());
        assertEquals(java.util.List.of("fold", "fold", "fold"), t.eventKinds());
        // a jump by two pairs at once (a non-generic, product-like event) is not a pair change
        Families.Track jump = new Families.Track("eta", new double[]{0, 1}, java.util.List.of(t.sets().get(0), t.sets().get(t.sets().size() - 1)),
                java.util.List.of(), java.util.List.of());
        assertFalse(jump.countChangesArePairs());
    }

    @Test
    void ofRejectsBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientSystem.of(0, x -> 0, (x, g) -> {}));
        assertTrue(e.getMessage().contains("dimension"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GradientSystem.of(2, null, (x, g) -> {}));
    }

    @Test
    void gibbsRegionMassAndExpectationMatchTheGaussianClosedForm() {
        // V = ½(a x₁² + b x₂²): p_ε ∝ exp(−(a x₁² + b x₂²)/ε²), a Gaussian with Var x₁ = ε²/(2a), Var x₂ = ε²/(2b)
        double a = 2, b = 0.5, eps = 0.5;
        GradientSystem quad = GradientSystem.of(2, x -> 0.5 * (a * x[0] * x[0] + b * x[1] * x[1]),
                (x, g) -> { g[0] = a * x[0]; g[1] = b * x[1]; });
        Gibbs g = Gibbs.of(quad, eps, -4, 4, -4, 4, 801, false);
        assertEquals(eps * eps / (2 * a), g.expectation(x -> x[0] * x[0]), 1e-6);
        assertEquals(eps * eps / (2 * b), g.expectation(x -> x[1] * x[1]), 1e-6);
        assertEquals(0, g.expectation(x -> x[0] * x[1]), 1e-12);
        assertEquals(1, g.mass(x -> true), 1e-12);
        // the half-planes x₁ < 0 and x₁ > 0 have equal mass; with the line x₁ = 0 they make 1
        double left = g.mass(x -> x[0] < 0), right = g.mass(x -> x[0] > 0), line = g.mass(x -> x[0] == 0);
        assertEquals(left, right, 1e-12);
        assertEquals(1, left + right + line, 1e-12);
        // E[x₁ | x₁ > 0] = σ√(2/π) for a half-normal (σ² = ε²/(2a)); the grid's line x₁ = 0 counts half its weight
        double sigma = eps / Math.sqrt(2 * a);
        assertEquals(sigma * Math.sqrt(2 / Math.PI), g.expectation(x -> x[0], x -> x[0] >= 0) * (left + line) / (left + 0.5 * line), 1e-4);
        // the disc helper is the region mass of the disc
        assertEquals(g.mass(x -> x[0] * x[0] + x[1] * x[1] < 0.25), g.massNear(new double[]{0, 0}, 0.5), 1e-15);
    }

    @Test
    void expectationOverAnEmptyRegionIsRefused() {
        Gibbs g = Gibbs.of(ExampleSystemsContractTest.tiltedWells(0), 1, -2, 2, -2, 2, 51, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.expectation(x -> 1, x -> x[0] > 10));
        assertTrue(e.getMessage().contains("region"), e.getMessage());
    }

    @Test
    void concentrationTendsToTheGlobalMinimum() {
        GradientSystem s = ExampleSystemsContractTest.tiltedWells(0.3);
        CriticalSet pts = CriticalPoints.find(s, CriticalPoints.Options.box(2, 2, 21));
        var t = Gibbs.concentration(s, pts, new double[]{1, 0.25, 0.1}, -2.5, 2.5, -2.5, 2.5, 301, 0.5);
        var low = t.doubleColumn("mass near global minima");
        assertTrue(low.get(0) < low.get(1) && low.get(1) < low.get(2), low.asList().toString());
        assertEquals(1, low.get(2), 1e-9);
        double vMin = pts.ofIndex(0).stream().mapToDouble(CriticalPoint::energy).min().orElseThrow();
        // E[V] − V_min → (n/2)·ε²/2 = ε²/2 for n = 2 (Laplace: each of the 2 quadratic modes holds ε²/4)
        assertEquals(0.01 / 2, t.doubleColumn("E[V]").get(2) - vMin, 2e-3);
    }
}
