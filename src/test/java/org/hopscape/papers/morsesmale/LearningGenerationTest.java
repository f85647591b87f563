package org.hopscape.papers.morsesmale;

import org.hopscape.dynamics.CriticalPoints;
import org.hopscape.dynamics.CriticalSet;
import org.hopscape.dynamics.Families;
import org.hopscape.dynamics.examples.VpDiffusion;
import org.hopscape.util.Progress;
import org.hopscape.util.Rng;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** Figs. 5, 8, 11 of 004 with the closed-form Gaussian-mixture models of spec 004 §5. */
class LearningGenerationTest {

    @Test
    void gaussHermiteRuleIsExactForLowMoments() {
        double[][] gh = GmmEbmTraining.gaussHermite5();
        double[] moments = new double[5];
        for (int i = 0; i < 5; i++) for (int p = 0; p < 5; p++) moments[p] += gh[1][i] * Math.pow(gh[0][i], p);
        assertArrayEquals(new double[]{1, 0, 1, 0, 3}, moments, 1e-12);
    }

    @Test
    void ebmTrainingEventsFollowSpec() {
        GmmEbmTraining.Run run = GmmEbmTraining.train(GmmEbmTraining.STEPS);
        double[][] fin = run.means().get(3000);
        double[][] expected = {{0.9856, 0.3941}, {0.9394, -0.3442}, {-1.1125, 1.0250}, {-0.8125, -1.0750}};
        for (int k = 0; k < 4; k++) assertArrayEquals(expected[k], fin[k], 1e-3);
        Families.Track t = Families.track(run.family(), Families.grid(0, 3000, 10),
                Families.Options.of(CriticalPoints.Options.box(2, 2, 21), false), Progress.NONE);
        assertEquals(List.of("1,0,0", "2,1,0", "3,2,0", "4,3,0", "4,4,1", "3,3,1", "4,4,1"), t.signatureSequence());
        double[] etas = t.events().stream().mapToDouble(Families.Event::eta).toArray();
        assertArrayEquals(new double[]{100.958, 127.777, 146.674, 738.755, 863.9566}, Arrays.copyOf(etas, 5), 1e-3);
        assertTrue(etas[5] >= 1202.5 && etas[5] <= 1203.5, "split at " + etas[5]);
        assertTrue(t.eulerEverywhere());
        CriticalSet last = t.sets().get(t.sets().size() - 1);
        for (double[] m : GmmEbmTraining.centroids()) {
            int k = last.nearest(m, 0.1);
            assertTrue(k >= 0 && last.get(k).isSink(), "a sink near centroid " + Arrays.toString(m));
        }
    }

    @Test
    void generationIsAnAnnealedModernHopfieldNetwork() {
        VpDiffusion vp = new VpDiffusion(GmmEbmTraining.centroids(), 0.1);
        SplittableRandom r = Rng.of(3);
        double[] factors = {8.10361, 5.04789, 9.36767};
        double[] ts = {0.8, 0.4, 0.1};
        for (int k = 0; k < 3; k++) {
            double t = ts[k], f = 0.5 * VpDiffusion.beta(t) * vp.betaEff(t);
            assertEquals(factors[k], f, 1e-4);
            double c0 = Double.NaN;
            for (int i = 0; i < 5; i++) {
                double[] x = {2 * r.nextDouble() - 1, 2 * r.nextDouble() - 1}, y = {x[0] * vp.scale(t), x[1] * vp.scale(t)};
                double c = vp.generation(t).energy(x) - f * vp.hopfield(t).energy(y);
                if (i == 0) c0 = c;
                else assertEquals(c0, c, 1e-10);
            }
        }
        Families.Track t = Families.track(vp.generationFamily(), Families.grid(-1, 0, 0.01),
                Families.Options.of(CriticalPoints.Options.box(2, 1.5, 21), false), Progress.NONE);
        assertEquals(List.of("fold", "fold", "fold", "fold"), t.eventKinds());
        double[] tStar = t.events().stream().mapToDouble(e -> -e.eta()).toArray();
        assertArrayEquals(new double[]{0.589092, 0.369948, 0.346295, 0.115016}, tStar, 1e-5);
        assertTrue(t.events().get(2).detail().contains("source"));
        assertEquals(List.of("1,0,0", "2,1,0", "3,2,0", "3,3,1", "4,4,1"), t.signatureSequence());
    }

    @Test
    void probabilityFlowSamplesReproduceTheData() {
        VpDiffusion vp = new VpDiffusion(GmmEbmTraining.centroids(), 0.1);
        double[][] xs = vp.sample(1000, 1000, 1e-3, 42);
        double[][] m = GmmEbmTraining.centroids();
        int[] counts = new int[4];
        double[] dist = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            int best = 0;
            for (int k = 1; k < 4; k++) if (distance(xs[i], m[k]) < distance(xs[i], m[best])) best = k;
            counts[best]++;
            dist[i] = distance(xs[i], m[best]);
        }
        for (int c : counts) assertEquals(0.25, c / 1000.0, 0.04);
        Arrays.sort(dist);
        assertEquals(0.1177, dist[500], 0.01);
        assertEquals(0.2448, dist[950], 0.02);
    }

    @Test
    void twoParameterTableOfFigure11() {
        GmmEbmTraining.Run run = GmmEbmTraining.train(GmmEbmTraining.STEPS);
        String[] expected = {"1,0,0 1,0,0 1,0,0 1,0,0 1,0,0", "1,0,0 1,0,0 1,0,0 1,0,0 3,2,0",
                "1,0,0 1,0,0 1,0,0 3,2,0 3,3,1", "2,1,0 2,1,0 3,2,0 3,3,1 4,4,1"};
        double[] etas = {0, 150, 800, 3000};
        for (int k = 0; k < etas.length; k++) {
            VpDiffusion model = new VpDiffusion(run.meansAt(etas[k]), GmmEbmTraining.MODEL_SD);
            StringBuilder sb = new StringBuilder();
            for (double t : new double[]{1, 0.6, 0.4, 0.2, 0})
                sb.append(sb.isEmpty() ? "" : " ").append(CriticalPoints.find(model.hopfield(t), CriticalPoints.Options.box(2, 1.6, 41)).signature());
            assertEquals(expected[k], sb.toString(), "eta " + etas[k]);
        }
    }

    /** Euclidean distance |a − b| (the same sum order as the dynamics package's helper). */
    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) { double d = a[i] - b[i]; s += d * d; }
        return Math.sqrt(s);
    }
}
