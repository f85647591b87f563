package org.hopscape.papers.waddington;

import org.hopscape.analysis.Sweep;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SaddleProportionsTest {

    @Test
    void oneSaddleInTheMiddleTwoAtLowN() {
        assumeTrue(Set200.available(), "the authors' 200-set is not on the data path");
        SaddleProportions.Options o = SaddleProportions.Options.quick(42, Sweep.Options.inMemory())
                .withSaddleGrid(new double[] {750}, new double[] {5, 20});
        SaddleProportions.Saddles s = SaddleProportions.saddles(o);
        // spec §6 Fig 7 checks: T = 750: shared saddle (< 0.01 apart) at n = 20, two saddles (> 0.5 apart) at n = 5
        assertTrue(s.gap(20, 750) < 0.01, "gap at n=20: " + s.gap(20, 750));
        assertTrue(s.gap(5, 750) > 0.5, "gap at n=5: " + s.gap(5, 750));
        // prototype reference: ᾱ_1 = 0.368 / 0.364 at n = 20, 1.080 / −0.258 at n = 5
        assertEquals(0.366, s.alphaBar(1, 20, 750, 1), 0.03);
        assertEquals(1.080, s.alphaBar(1, 5, 750, 1), 0.03);
        assertEquals(-0.258, s.alphaBar(1, 5, 750, 7), 0.05);
    }

    @Test
    void populationInitialStateIsIdenticalMemoriesWithShiftedLabels() {
        assumeTrue(Set200.available(), "the authors' 200-set is not on the data path");
        SaddleProportions.Options o = SaddleProportions.Options.quick(42, Sweep.Options.inMemory());
        var c = SaddleProportions.initialPopulation(o, 7, 5, 550, 3);
        double[] mean = Set200.mean(7);
        for (int mu = 0; mu < c.memoryCount(); mu += 33) {
            for (int i = 0; i < mean.length; i++) assertEquals(0.8 * mean[i], c.memory(mu)[i], 1e-15);
            assertEquals(0.57, c.label(mu, 7), 0.05);
            assertEquals(-0.63, c.label(mu, 1), 0.05);
        }
    }

    @Test
    void badOptionsNameTheParameter() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> SaddleProportions.Options.quick(1, null).withDigits(1));
        assertTrue(e.getMessage().startsWith("digits"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SaddleProportions.Options.quick(1, null).withDigits(1, 4, 9));
        assertTrue(e.getMessage().startsWith("initialDigits"), e.getMessage());
    }

    @Test
    void explicitNoiseAndLabelsReproduceTheSeededRecipe() {
        assumeTrue(Set200.available(), "the authors' 200-set is not on the data path");
        SaddleProportions.Options o = SaddleProportions.Options.quick().withSeed(42).withSaddleEpochs(150);
        // the noiseless labels are the recipe's shift and boost exactly
        double[] l0 = SaddleProportions.initialLabels(7, new double[10]);
        for (int d = 0; d < 10; d++) assertEquals(d == 7 ? 0.6 : -0.6, l0[d], 1e-15);
        // the seeded start of sweep item 3 is (0.8 × mean(k), initialLabels(k, saddleNoise(seed, 3)))
        double[] noise = SaddleProportions.saddleNoise(42, 3);
        var start = SaddleProportions.initialSaddle(o, 12, 750, 1, 3);
        assertArrayEquals(SaddleProportions.initialLabels(1, noise), start.labels()[0], 0);
        assertArrayEquals(SaddleProportions.initialMemory(1), start.memory(0), 0);
        double[] mean = Set200.mean(1);
        for (int i = 0; i < mean.length; i++) assertEquals(0.8 * mean[i], SaddleProportions.initialMemory(1)[i], 0);
        // noise Normal(−0.003, 1e−5²): every draw within 6 sd of the mean
        for (double z : noise) assertEquals(-0.003, z, 6e-5);
        // the item-seeded run equals the run from the explicit noise, and from the explicit memory and labels
        double[] seeded = SaddleProportions.saddleMemory(o, 12, 750, 1, 3L);
        assertArrayEquals(seeded, SaddleProportions.saddleMemory(o, 12, 750, 1, noise), 0);
        assertArrayEquals(seeded, SaddleProportions.saddleMemory(o, 12, 750, SaddleProportions.initialMemory(1),
                SaddleProportions.initialLabels(1, noise)), 0);
        // explicit labels matter: the same memory labelled as a 7 ends elsewhere
        double[] relabelled = SaddleProportions.saddleMemory(o, 12, 750, SaddleProportions.initialMemory(1), l0);
        double d2 = 0;
        for (int i = 0; i < seeded.length; i++) d2 += (seeded[i] - relabelled[i]) * (seeded[i] - relabelled[i]);
        assertTrue(d2 > 1e-6, "relabelled start reached the same memory: " + d2);
        var e = assertThrows(IllegalArgumentException.class, () -> SaddleProportions.initialLabels(7, new double[9]));
        assertTrue(e.getMessage().startsWith("noise.length"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SaddleProportions.saddleMemory(o, 12, 750, new double[10], l0));
        assertTrue(e.getMessage().startsWith("memory.length"), e.getMessage());
    }

    @Test
    void populationStartFromExplicitLabelsIsTheSweepsStart() {
        assumeTrue(Set200.available(), "the authors' 200-set is not on the data path");
        SaddleProportions.Options o = SaddleProportions.Options.quick().withSeed(42).withMemories(6).withEpochs(40);
        double[][] noise = SaddleProportions.populationNoise(42, 1, 6);
        double[][] labels = new double[6][];
        for (int mu = 0; mu < 6; mu++) labels[mu] = SaddleProportions.initialLabels(7, noise[mu]);
        var explicit = SaddleProportions.populationStart(5, 550, SaddleProportions.initialMemory(7), labels);
        var recipe = SaddleProportions.initialPopulation(o, 7, 5, 550, 1);
        assertEquals(6, explicit.memoryCount());
        for (int mu = 0; mu < 6; mu++) {
            assertArrayEquals(recipe.memory(mu), explicit.memory(mu), 0);
            assertArrayEquals(recipe.labels()[mu], explicit.labels()[mu], 0);
        }
        // population counts from the explicit start: each memory counted at most once per digit, 0 ≤ pop ≤ K
        int[] pop = SaddleProportions.populationCounts(o, explicit);
        assertEquals(3, pop.length);
        for (int c : pop) assertTrue(c >= 0 && c <= 6, java.util.Arrays.toString(pop));
        // and they are the sweep's row for that point (point 1 of a one-run grid at T = 550, n = 5: ic 7, item 1)
        var row = SaddleProportions.populationPoints(o.withPopulationGrid(new double[] {550}, new double[] {5}, 1), 1);
        assertEquals(7, row.intColumn("ic").getInt(0));
        for (int k = 0; k < 3; k++) assertEquals(row.intColumn("pop_" + o.digits()[k]).getInt(0), pop[k], "pop_" + o.digits()[k]);
        // 40 epochs from a start labelled 7 (l_7 ≈ 0.57 < 0.9): nobody has crossed the threshold for 1 or 8
        assertEquals(0, pop[0] + pop[2], java.util.Arrays.toString(pop));
    }

    @Test
    void optionsAreNamedNotPositional() {
        var o = SaddleProportions.Options.paper().withSeed(9).withRuns(3).withRate(0.02).withInitialDigits(7)
                .withSaddleNs(5, 20).withPopulationTemperatures(600);
        assertEquals(9, o.seed());
        assertEquals(3, o.runs());
        assertArrayEquals(new int[] {7}, o.initialDigits());
        assertArrayEquals(new double[] {5, 20}, o.saddleNs(), 0);
        assertArrayEquals(new double[] {550, 750, 800}, o.saddleTemperatures(), 0);
        var back = SaddleProportions.Options.of(o.toMap());
        assertEquals(o.toMap(), back.toMap());
        assertArrayEquals(o.populationTemperatures(), back.populationTemperatures(), 0);
        assertEquals(0.02, back.rate());
        // the sweeps' checkpoint parameters are unchanged by the full toMap (they name the shipped result files)
        assertEquals(java.util.List.of("digits", "initialDigits", "rate", "memories", "seed"),
                java.util.List.copyOf(o.checkpointParameters().keySet()));
    }
}
