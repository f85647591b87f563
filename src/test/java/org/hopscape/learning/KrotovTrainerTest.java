package org.hopscape.learning;

import org.hopscape.analysis.PseudoInverseDecomposition;
import org.hopscape.data.TrainingSet200;
import org.hopscape.hopfield.DenseClassifier;
import org.hopscape.hopfield.kernel.KrotovKernel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class KrotovTrainerTest {

    /** A small synthetic problem like MNIST: 3 classes of noisy prototypes (background −1, 20% ink +1), 8 samples each, 64 pixels. */
    static double[][] samples(int[] classesOut, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] proto = new double[3][64];
        for (double[] p : proto) for (int i = 0; i < 64; i++) p[i] = r.nextDouble() < 0.2 ? 1 : -1;
        double[][] x = new double[24][64];
        for (int a = 0; a < 24; a++) {
            classesOut[a] = a / 8;
            for (int i = 0; i < 64; i++) x[a][i] = r.nextDouble() < 0.05 ? -proto[a / 8][i] : proto[a / 8][i];
        }
        return x;
    }

    @Test
    void trainingIsDeterministicAndIndependentOfBlasThreads() {
        int[] cl = new int[24];
        double[][] x = samples(cl, 1);
        DenseClassifier init = DenseClassifier.gaussian(6, 64, 3, 3, 40, 7);
        var o = KrotovTrainer.Options.paper(300).withLearningRate(0.02);
        int before = KrotovKernel.blasThreads();
        try {
            KrotovKernel.setBlasThreads(1);
            var r1 = KrotovTrainer.train(init, x, cl, o);
            KrotovKernel.setBlasThreads(2);
            var r2 = KrotovTrainer.train(init, x, cl, o);
            assertArrayEquals(r1.last().flatMemories(), r2.last().flatMemories(), 0.0);
            assertArrayEquals(r1.last().flatLabels(), r2.last().flatLabels(), 0.0);
            var all = KrotovTrainer.trainAll(List.of(new KrotovTrainer.Run(init, x, cl, o),
                    new KrotovTrainer.Run(init, x, cl, o)), 2, null);
            for (var r : all) assertArrayEquals(r1.last().flatMemories(), r.last().flatMemories(), 0.0);
        } finally {
            KrotovKernel.setBlasThreads(before);
        }
        assertEquals(before, KrotovKernel.blasThreads());
    }

    /**
     * trainAll's results do not depend on its thread count, even where OpenBLAS would split a product over threads:
     * 10 memories × 784 pixels × 200 samples is threaded, and an AVX-512 kernel (OpenBLAS's Cooperlake/SkylakeX on a
     * Zen 4 EPYC, measured) rounds it differently on 2 threads, so each run's products are kept on one OpenBLAS
     * thread whatever the count (with 1 worker the old code left them on the process's count: this test failed there).
     */
    @Test
    void trainAllGivesTheSameDigitsOnAnyThreadCount() {
        double[][] x = org.hopscape.hopfield.Patterns.randomStates(200, 784, 12);
        int[] cl = new int[200];
        for (int i = 0; i < cl.length; i++) cl[i] = i % 10;
        List<KrotovTrainer.Run> runs = List.of(
                new KrotovTrainer.Run(DenseClassifier.gaussian(10, 784, 10, 3, 0.7 * 784, 20), x, cl, KrotovTrainer.Options.paper(20)),
                new KrotovTrainer.Run(DenseClassifier.gaussian(10, 784, 10, 30, 0.7 * 784, 21), x, cl, KrotovTrainer.Options.paper(20)));
        int before = KrotovKernel.blasThreads();
        try {
            KrotovKernel.setBlasThreads(2);    // the process's count, as on any multi-core machine
            var one = KrotovTrainer.trainAll(runs, 1, null);
            var two = KrotovTrainer.trainAll(runs, 2, null);
            assertEquals(2, KrotovKernel.blasThreads(), "the process's OpenBLAS thread count is restored");
            for (int r = 0; r < runs.size(); r++) {
                assertArrayEquals(one.get(r).last().flatMemories(), two.get(r).last().flatMemories(), 0.0, "run " + r);
                assertArrayEquals(one.get(r).last().flatLabels(), two.get(r).last().flatLabels(), 0.0, "run " + r);
                assertNotEquals(runs.get(r).initial().flatMemories()[0], one.get(r).last().flatMemories()[0], "run " + r + " trained");
            }
        } finally {
            KrotovKernel.setBlasThreads(before);
        }
    }

    @Test
    void learnsASeparableProblemAndKeepsBounds() {
        int[] cl = new int[24];
        double[][] x = samples(cl, 2);
        DenseClassifier init = DenseClassifier.gaussian(9, 64, 3, 3, 10, 3);
        var r = KrotovTrainer.train(init, x, cl, KrotovTrainer.Options.paper(2000).withLearningRate(0.02).withRecordEvery(500));
        assertArrayEquals(new int[] {0, 500, 1000, 1500, 2000}, r.epochs());
        assertEquals(1.0, r.accuracy(), 0.0);
        assertTrue(r.last().cost(x, cl, 3) < init.cost(x, cl, 3));
        for (double v : r.last().flatMemories()) assertTrue(Math.abs(v) <= 1);
        for (double v : r.last().flatLabels()) assertTrue(Math.abs(v) <= 1);
        assertEquals(5, r.toTable().rowCount());
        assertSame(r.last(), r.at(2000));
        assertThrows(IllegalArgumentException.class, () -> r.at(50));
    }

    @Test
    void observerSeesEveryEpoch() {
        int[] cl = new int[24];
        double[][] x = samples(cl, 3);
        DenseClassifier init = DenseClassifier.gaussian(4, 64, 3, 3, 40, 3);
        int[] seen = new int[1];
        double[] lastMax = new double[1];
        var r = KrotovTrainer.train(init, x, cl, KrotovTrainer.Options.paper(50), s -> {
            assertEquals(seen[0], s.epoch());
            seen[0]++;
            lastMax[0] = s.memoriesView()[0];
        });
        assertEquals(51, seen[0]);
        assertEquals(r.last().memory(0)[0], lastMax[0], 0.0);
    }

    /** Identical memories add up: K_id memories at T equal one memory at T / K_id^{1/n} (spec 000 §7.1, §7.5). */
    @Test
    void identicalMemoriesEqualOneMemoryAtEffectiveTemperature() {
        int[] cl = new int[24];
        double[][] x = samples(cl, 4);
        double n = 15, t = 30;
        DenseClassifier one = DenseClassifier.gaussian(1, 64, 3, n, t / Math.pow(2, 1 / n), 5);
        double[] m2 = new double[128], l2 = new double[6];
        for (int k = 0; k < 2; k++) {
            System.arraycopy(one.flatMemories(), 0, m2, k * 64, 64);
            System.arraycopy(one.flatLabels(), 0, l2, k * 3, 3);
        }
        DenseClassifier two = DenseClassifier.ofFlat(2, 64, 3, m2, l2, n, t);
        var o = KrotovTrainer.Options.paper(500).withLearningRate(0.002);
        var r1 = KrotovTrainer.train(one, x, cl, o);
        var r2 = KrotovTrainer.train(two, x, cl, o);
        assertArrayEquals(r1.last().memory(0), r2.last().memory(1), 1e-10);
        assertArrayEquals(r1.last().label(0), r2.last().label(0), 1e-10);
    }

    @Test
    void optionsValidateAndRoundTrip() {
        var o = KrotovTrainer.Options.paper(100).withM(2.5).withMomentum(0.5).withRecordEvery(10);
        assertEquals(o, KrotovTrainer.Options.of(o.toMap()));
        var p = KrotovTrainer.Options.paper(10);
        assertEquals(p, KrotovTrainer.Options.of(p.toMap()));
        assertEquals(30, p.costExponent(30));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.withLearningRate(-1)).getMessage().contains("learningRate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.withM(0.2)).getMessage().contains("m must"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.withEpochs(-3)).getMessage().contains("epochs"));
        int[] cl = new int[24];
        double[][] x = samples(cl, 5);
        cl[3] = 7;
        DenseClassifier init = DenseClassifier.gaussian(2, 64, 3, 3, 40, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KrotovTrainer.train(init, x, cl, p)).getMessage()
                .contains("classes[3]"));
    }

    /**
     * Spec 000 §6 Fig 1 / §8 quick check on the authors' 200-set, n = 30, T = 670, 3000 epochs (quick reference: mean
     * max|α| 0.23; full 5000-epoch reference 0.403 with 9 memories l_4 ≥ 0.99, each a single-label "4" prototype).
     */
    @Test
    void fig1PrototypeRegimeOnTheAuthorsSet() {
        var set = TrainingSet200.authors();
        assumeTrue(set.isPresent(), "authors' 200-set not on the data path (set HOPSCAPE_DATA)");
        var ts = set.get();
        DenseClassifier init = DenseClassifier.gaussian(100, 784, 10, 30, 670, 1);
        var r = KrotovTrainer.train(init, ts.images(), ts.classes(), KrotovTrainer.Options.paper(3000));
        DenseClassifier last = r.last();
        var pid = PseudoInverseDecomposition.of(ts.images(), ts.classes());
        var sum = pid.summarise(last.memories());
        assertEquals(0.23, sum.meanMaxAlpha(), 0.05, "mean max|α|");
        assertTrue(r.accuracy() > 0.75, "accuracy " + r.accuracy());
        int[] fours = last.memoriesWithLabel(4, 0.99);
        assertTrue(fours.length >= 4, "memories with l_4 >= 0.99: " + fours.length);
        int single = 0;
        for (int q = 0; q < 4; q++) {
            int mu = fours[q];
            int above = 0;
            for (double v : last.label(mu)) if (v > 0.9) above++;
            if (above == 1) single++;
            assertEquals(4, ts.classes()[PseudoInverseDecomposition.argMaxAbs(sum.alphas()[mu])], "arg-max sample of memory " + mu);
        }
        assertTrue(single >= 3, "single-label memories among the first four: " + single);
        for (double v : last.flatMemories()) assertTrue(Math.abs(v) <= 1);
    }
}
