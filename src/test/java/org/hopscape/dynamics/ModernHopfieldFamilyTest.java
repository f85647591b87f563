package org.hopscape.dynamics;

import org.hopscape.dynamics.examples.ModernHopfieldFamily;
import org.hopscape.util.Progress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ModernHopfieldFamilyTest {
    private static final CriticalPoints.Options BOX = CriticalPoints.Options.box(2, 1.6, 21);

    @Test
    void twoFoldsThenAFlipAtOnePointFive() {
        ModernHopfieldFamily fam = new ModernHopfieldFamily();
        Families.Track t = Families.track(fam, Families.grid(0, 2, 0.1), Families.Options.of(BOX, true), Progress.NONE);
        assertEquals(List.of("fold", "fold", "flip"), t.eventKinds());
        assertEquals(0.461853, t.events().get(0).eta(), 1e-5);
        assertArrayEquals(new double[]{-0.535689, -0.243858}, t.events().get(0).position(), 1e-4);
        assertEquals(0.569137, t.events().get(1).eta(), 1e-5);
        assertArrayEquals(new double[]{0.556615, 0.118170}, t.events().get(1).position(), 1e-4);
        assertEquals(1.5, t.events().get(2).eta(), 1e-9);
        // s_b's branch switches from the sink near ξ² (upper left) to the one near ξ³ (lower left)
        CriticalSet before = t.sets().get(14);
        String detail = t.events().get(2).detail();
        String upper = before.get(before.indexOf("A")).x(1) > 0 ? "A" : "B", lower = upper.equals("A") ? "B" : "A";
        assertTrue(detail.contains(upper + " → " + lower), detail);
        // the same, structured: the flip's source saddle, its old target (upper) and new target (lower)
        Families.Event flip = t.events().get(2);
        assertEquals(Bifurcation.FLIP, flip.bifurcation());
        assertTrue(flip.flip().saddle().isSaddle() && flip.flip().connection().isSaddle());
        assertTrue(flip.flip().before().isSink() && flip.flip().after().isSink());
        assertTrue(flip.flip().before().x(1) > 0 && flip.flip().after().x(1) < 0,
                flip.flip().before() + " → " + flip.flip().after());
        assertArrayEquals(flip.position(), flip.flip().saddle().position(), 0);
        assertEquals(List.of(flip), t.events(Bifurcation.FLIP));
        // a fold's pair: a sink and a saddle whose midpoint is near the refined fold point, one Hessian eigenvalue ≈ 0
        Families.Event fold = t.events().get(0);
        assertEquals(Bifurcation.FOLD, fold.bifurcation());
        assertEquals(java.util.Set.of("sink", "saddle"), java.util.Set.of(fold.points().get(0).kind(), fold.points().get(1).kind()));
        assertEquals(0, Math.min(Math.abs(fold.hessianEigenvalues()[0]), Math.abs(fold.hessianEigenvalues()[1])), 1e-6);
        assertEquals(List.of("1,0,0", "2,1,0", "3,2,0"), t.signatureSequence());
        assertTrue(t.eulerEverywhere());
        assertEquals(1.000644, ModernHopfieldFamily.beta(0), 1e-6);
        assertEquals(0, ModernHopfieldFamily.delta(1.5), 0.0);
    }

    @Test
    void panelCriticalPointsMatchSpec() {
        ModernHopfieldFamily fam = new ModernHopfieldFamily();
        CriticalSet s0 = CriticalPoints.find(fam.at(0), BOX);
        assertEquals("1,0,0", s0.signature());
        assertArrayEquals(new double[]{-0.32592, 0.05397}, s0.get(0).position(), 1e-4);
        assertEquals(-1.124312, s0.get(0).energy(), 1e-5);
        CriticalSet s1 = CriticalPoints.find(fam.at(1), BOX);
        assertEquals("3,2,0", s1.signature());
        assertArrayEquals(new double[]{-0.68669, -0.80770}, s1.get(s1.indexOf("A")).position(), 1e-4);
        assertArrayEquals(new double[]{0.86019, 0.10501}, s1.get(s1.indexOf("C")).position(), 1e-4);
        assertArrayEquals(new double[]{0.26151, 0.21559}, s1.get(s1.indexOf("b")).position(), 1e-4);
    }

    @Test
    void literalCaptionPatternsGiveNoFlip() {
        ModernHopfieldFamily fam = new ModernHopfieldFamily(true);
        Families.Track t = Families.track(fam, Families.grid(1.0, 2, 0.25), Families.Options.of(BOX, true), Progress.NONE);
        assertTrue(t.events("flip").isEmpty());
    }
}
