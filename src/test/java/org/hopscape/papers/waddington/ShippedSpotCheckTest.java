package org.hopscape.papers.waddington;

import org.hopscape.analysis.Sweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Spot recomputation of the shipped full-setting tables ({@code data/results/000}, {@link ShippedResults}): a few
 * points of every shipped sweep are computed again with the library (each alone, not in the batch the sweep trained
 * it in) and compared with the shipped rows. A sweep that is not shipped yet is skipped, saying so.
 *
 * <p>What is compared, and the tolerances:
 * <ul>
 * <li>Fig 6 (intra, inter) and Fig 7 saddles end at an attracting fixed point of the one- or two-memory dynamics, so a
 *     perturbation of the trajectory (another batch, another BLAS kernel's rounding) decays instead of growing: their
 *     α agree to rounding (measured here: ≤ 4e−15 for Fig 6, alone versus in the sweep's batch of 100–200 runs). The
 *     tolerance 1e−6 (1e−4 for the 4000-epoch saddles, which may still be approaching their point) is far above
 *     rounding and far below the claims' margins (0.01 on a gap, 0.1 on a mixture), and random points are drawn.</li>
 * <li>Fig 2, Fig 8 and Fig 7 populations are 100-memory, 10,000-epoch runs (≈ 20 s of CPU each, so one point per
 *     table), chaotic in their last bits; what is compared is what the claims use — statistics over the 100 memories
 *     and population counts — at a point where the dynamics are not at a threshold: Fig 2 at n = 2, T = 450 (the
 *     feature regime; measured alone vs batched: 6e−13 in mean max|α|), Fig 8 at T = 896 (only 1s survive; measured:
 *     identical counts), Fig 7 at n = 5, T = 550 from near 1 (run 0). Tolerances: mean max|α| and its s.d. 0.01, the
 *     reconstruction count 3, accuracy 0.02 (the spread between neighbouring grid points is larger: e.g. 0.002 / 5.5
 *     between n = 2 and 3 at T = 450); population counts: the same digits populated and every count within 5 (Fig 8;
 *     neighbouring temperatures 3 K apart differ by up to 3) or 10 of 100 memories (Fig 7, a single run of a split).</li>
 * <li>Figs 1, 3 and 4 (the runs whose images, α profiles and UMAP positions are shipped): the statistics their claims use,
 *     recomputed without the UMAP — Fig 1 at n = 3, T = 400 (mean max|α| 0.01, memories with l_4 ≥ 0.99 within 5,
 *     accuracy 0.02), Fig 3 at n = 3 (learning epochs within 30, i.e. three stored epochs; clusters at epoch 400 within
 *     10), Fig 4 at n = 30 (split epochs within 100 — the spec's spread between seeds — and ᾱ_1 at the first saddle
 *     within 0.02).</li>
 * </ul>
 * With one number edited, a shipped table is refused before any comparison ({@link #anEditedShippedTableIsRefused}).
 */
class ShippedSpotCheckTest {

    static final ShippedResults SHIPPED = ShippedResults.paper000();
    /** Seed of the point draw (fixed, so the test is deterministic; another seed checks other points). */
    static final long DRAW = 2026;
    static final double FIXED_POINT_TOLERANCE = 1e-6, SADDLE_TOLERANCE = 1e-4;
    /** Fig 2B images: 4 shipped digits (≤ 5e−5) plus the run's drift; see the class comment. */
    static final double FIG2B_PIXEL_TOLERANCE = 0.05;

    @TempDir
    Path dir;

    /** {@code count} distinct random points of {@code points}, plus {@code always}, ascending. */
    static int[] pick(int points, int count, int... always) {
        SplittableRandom r = new SplittableRandom(DRAW * 31 + points);
        TreeSet<Integer> s = new TreeSet<>();
        for (int a : always) s.add(a);
        int target = Math.min(points, s.size() + count);
        while (s.size() < target) s.add(r.nextInt(points));
        return s.stream().mapToInt(Integer::intValue).toArray();
    }

    static <T> T shipped(ShippedResults.Lookup<T> l) {
        assumeTrue(l.present(), l.describe());
        return l.get();
    }

    /** Every numeric column of the recomputed rows within {@code tolerance} of the shipped rows (matched by point). */
    static void agree(Table recomputed, Table shipped, int[] points, double tolerance) {
        assertEquals(points.length, recomputed.rowCount());
        Table c = ShippedResults.compare(recomputed, shipped);
        System.out.println("spot check " + shipped.name() + " points " + java.util.Arrays.toString(points) + ":\n" + c.print());
        for (int r = 0; r < c.rowCount(); r++)
            assertTrue(c.doubleColumn("max |Δ|").getDouble(r) <= tolerance, "recomputed vs shipped:\n" + c);
    }

    /** The shipped row of one point. */
    static Table row(Table shipped, int point) {
        Table t = shipped.where(shipped.intColumn(Sweep.POINT).isEqualTo(point));
        assertEquals(1, t.rowCount(), "point " + point);
        return t;
    }

    @Test
    void fig6IntraPointsRecomputeToTheShippedFixedPoints() {
        PrototypeTransition p = shipped(SHIPPED.fig6Intra());
        int[] pts = pick(p.table().rowCount(), 3, p.table().rowCount() - 1); // + (n = 30, T = 880): 0.998 / 0.002
        agree(PrototypeTransition.intraPoints(p.options(), pts), p.table(), pts, FIXED_POINT_TOLERANCE);
    }

    @Test
    void fig6InterPointsRecomputeToTheShippedFixedPoints() {
        PrototypeTransition p = shipped(SHIPPED.fig6Inter());
        int[] pts = pick(p.table().rowCount(), 3, p.table().rowCount() - 1);
        agree(PrototypeTransition.interPoints(p.options(), pts), p.table(), pts, FIXED_POINT_TOLERANCE);
    }

    @Test
    void fig7SaddlePointsRecomputeToTheShippedSaddles() {
        SaddleProportions.Saddles s = shipped(SHIPPED.fig7Saddles());
        int[] pts = pick(s.table().rowCount(), 3);
        agree(SaddleProportions.saddlePoints(s.options(), pts), s.table(), pts, SADDLE_TOLERANCE);
    }

    @Test
    void fig2StatisticsOfARunRecomputeToTheShippedRow() {
        Waddington.Fig2 f = shipped(SHIPPED.fig2());
        int point = 0; // n = 2, T = 450
        Table t = Waddington.fig2Points(Set200.set(), ShippedResults.fig2Ns(), ShippedResults.fig2Temperatures(),
                ShippedResults.FIG2_EPOCHS, ShippedResults.SEED, Runtime.getRuntime().availableProcessors(), point);
        assertEquals(2, t.doubleColumn("n").getDouble(0));
        assertEquals(450, t.doubleColumn("T").getDouble(0));
        Map<String, Double> tol = Map.of("mean max|α|", 0.01, "sd max|α|", 0.01, "mean reconstruction", 3.0,
                "sd reconstruction", 3.0, "accuracy", 0.02);
        Table c = ShippedResults.compare(t, f.toTable(), "n", "T");
        System.out.println("spot check Fig 2 (n = 2, T = 450):\n" + c.print());
        assertEquals(tol.keySet(), new java.util.HashSet<>(c.stringColumn("column").asList()));
        for (int r = 0; r < c.rowCount(); r++) {
            String col = c.stringColumn("column").get(r);
            assertTrue(c.doubleColumn("max |Δ|").getDouble(r) <= tol.get(col), col + ":\n" + c);
        }
    }

    @Test
    void fig8PopulationsOfARunRecomputeToTheShippedRow() {
        TemperatureSweep s = shipped(SHIPPED.fig8());
        int point = s.table().rowCount() - 1; // T = 896: only 1s survive
        assertEquals(896, s.table().doubleColumn("T").getDouble(point));
        Table t = TemperatureSweep.points(s.options(), point);
        populationsAgree(t, row(s.table(), point), 10, 5);
        assertEquals(row(s.table(), point).doubleColumn("accuracy").getDouble(0), t.doubleColumn("accuracy").getDouble(0), 0.02);
    }

    @Test
    void fig7PopulationsOfARunRecomputeToTheShippedRow() {
        SaddleProportions.Populations p = shipped(SHIPPED.fig7Populations());
        SaddleProportions.Options o = p.options();
        int n5 = java.util.Arrays.binarySearch(o.populationNs(), 5), t550 = 0, ic1 = 0, run = 0;
        int point = ((t550 * o.populationNs().length + n5) * o.initialDigits().length + ic1) * o.runs() + run;
        Table s = row(p.table(), point);
        assertEquals(5, s.doubleColumn("n").getDouble(0));
        assertEquals(550, s.doubleColumn("T").getDouble(0));
        assertEquals(1, s.intColumn("ic").getInt(0));
        Table t = SaddleProportions.populationPoints(o, point);
        for (int d : o.digits())
            assertEquals(s.intColumn("pop_" + d).getInt(0), t.intColumn("pop_" + d).getInt(0), 10, "pop_" + d);
    }

    @Test
    void fig1StatisticsOfARunRecomputeToTheShippedRun() {
        Waddington.Fig1 f = shipped(SHIPPED.fig1());
        // n = 3, T = 400 (feature regime, no threshold nearby), trained alone rather than in the sweep's batch of 9
        var r = Waddington.fig1(Set200.set(), new double[] {3}, new double[] {400}, ShippedResults.FIG1_EPOCHS, ShippedResults.SEED,
                org.hopscape.util.Progress.NONE).runs().get(0);
        var s = f.run(3, 400);
        System.out.printf("spot check Fig 1 (n = 3, T = 400): |Δ mean max|α|| = %.3g, Δ fours = %d, |Δ accuracy| = %.3g%n",
                Math.abs(s.meanMaxAlpha() - r.meanMaxAlpha()), r.fours() - s.fours(), Math.abs(s.accuracy() - r.accuracy()));
        assertEquals(s.meanMaxAlpha(), r.meanMaxAlpha(), 0.01, "mean max|α|");
        assertEquals(s.fours(), r.fours(), 5, "memories with l_4 ≥ 0.99");
        assertEquals(s.accuracy(), r.accuracy(), 0.02, "accuracy");
        assertEquals(Waddington.multiLabelMemories(s, 3), Waddington.multiLabelMemories(r, 3), 1, "multi-label shown memories");
    }

    @Test
    void fig3LearningStatisticsRecomputeToTheShippedRun() {
        var f = shipped(SHIPPED.fig3()).get(1); // n = 3: learning epochs and clusters (no UMAP needed for these)
        var r = Waddington.fig3(Set200.set(), 3, 670, 3500, Waddington.FIG3_EPOCHS_FEATURE, 3440, null, 10, ShippedResults.SEED,
                org.hopscape.util.Progress.NONE);
        System.out.println("spot check Fig 3 (n = 3): E_d shipped " + java.util.Arrays.toString(f.learningEpochs()) + ", recomputed "
                + java.util.Arrays.toString(r.learningEpochs()) + "; clusters at 400: " + f.clustersAt(400, false) + " / " + r.clustersAt(400, false));
        for (int d = 0; d < 10; d++) assertEquals(f.learningEpochs()[d], r.learningEpochs()[d], 30, "E_" + d);
        assertEquals(f.clustersAt(400, false), r.clustersAt(400, false), 10, "clusters at epoch 400");
        assertEquals(f.accuracyAt1000(), r.accuracyAt1000(), 0.02);
        assertEquals(f.finalAccuracy(), r.finalAccuracy(), 0.02);
    }

    @Test
    void fig4SplitsRecomputeToTheShippedRun() {
        var f = shipped(SHIPPED.fig4()).get(0); // n = 30: the sequential splits
        var r = Waddington.fig4(Set200.set(), Waddington.FIG4_DIGITS, 30, Waddington.FIG4_TEMPERATURE, Waddington.FIG4_RATE, 3500,
                new int[0], null, 10, ShippedResults.SEED, org.hopscape.util.Progress.NONE);
        System.out.println("spot check Fig 4 (n = 30): splits shipped " + java.util.Arrays.toString(f.splitEpochs()) + ", recomputed "
                + java.util.Arrays.toString(r.splitEpochs()) + "; ᾱ_1(900) " + f.meanAlphaBar(900, 1) + " / " + r.meanAlphaBar(900, 1));
        for (String split : f.splitNames()) assertEquals(f.split(split), r.split(split), 100, split);
        assertEquals(f.meanAlphaBar(900, 1), r.meanAlphaBar(900, 1), 0.02, "ᾱ_1 at the first saddle");
        assertEquals(f.accuracy(), r.accuracy(), 0.05);
    }

    @Test
    void fig2bImagesOfARunRecomputeToTheShippedOnes() {
        Waddington.Fig2B b = shipped(SHIPPED.fig2b());
        Waddington.Fig2 f = shipped(SHIPPED.fig2());
        // run 0 (n = 10, T_r 0.83) trained again with its batch of the Fig 2 sweep; the same memories are picked (seeded)
        var c = f.finalState(ShippedResults.fig2bRuns()[0][0], ShippedResults.fig2bRuns()[0][1]);
        int[] picked = b.picked().get(0);
        double worst = 0;
        for (int q = 0; q < picked.length; q++) {
            double[] a = c.memory(picked[q]), s = b.images().get(0)[q];
            for (int i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - s[i]));
        }
        System.out.println("spot check Fig 2B (n = 10, T = 650): largest pixel difference " + worst);
        assertTrue(worst <= FIG2B_PIXEL_TOLERANCE, "largest pixel difference of the 8 shipped images: " + worst);
    }

    @Test
    void fig8aStateRecomputesToTheShippedPopulations() {
        TemperatureSweep s = shipped(SHIPPED.fig8a());
        var shippedState = s.finalState(ShippedResults.FIG8A_TEMPERATURE);
        TemperatureSweep sweep = shipped(SHIPPED.fig8()); // without the shipped state: trains T = 800 again with its batch
        var c = sweep.finalState(ShippedResults.FIG8A_TEMPERATURE);
        for (int d = 0; d < 10; d++) {
            int a = TemperatureSweep.population(c, d), b = TemperatureSweep.population(shippedState, d);
            assertEquals(b > 0, a > 0, "digit " + d + " populated: recomputed " + a + ", shipped " + b);
            assertEquals(b, a, 5, "pop_" + d);
        }
    }

    /** The same digits populated, and every pop_d within {@code tolerance}. */
    static void populationsAgree(Table recomputed, Table shipped, int digits, int tolerance) {
        for (int d = 0; d < digits; d++) {
            int a = recomputed.intColumn("pop_" + d).getInt(0), b = shipped.intColumn("pop_" + d).getInt(0);
            assertEquals(b > 0, a > 0, "digit " + d + " populated: recomputed " + a + ", shipped " + b);
            assertEquals(b, a, tolerance, "pop_" + d);
        }
    }

    @Test
    void anEditedShippedTableIsRefused() throws IOException {
        TemperatureSweep s = shipped(SHIPPED.fig8()); // the real file passes
        Path original = SHIPPED.files().stream().filter(f -> f.getFileName().toString().startsWith("03-fig8-temperature-"))
                .findFirst().orElseThrow();
        Path copy = Files.copy(original, dir.resolve(original.getFileName()));
        String text = Files.readString(copy, StandardCharsets.UTF_8);
        // one population count changed by hand: T = 896, pop_1 44 → 45 (and the total, so the row stays consistent)
        String row = "82,896.0,1.1428571428571428,0,44,0,0,0,0,0,0,0,0,44,0.1\n";
        assertTrue(text.contains(row), "the shipped row of T = 896");
        Files.writeString(copy, text.replace(row, row.replace(",44,", ",45,").replace(",44,0.1", ",45,0.1")), StandardCharsets.UTF_8);
        var e = assertThrows(IllegalStateException.class, () -> new ShippedResults(dir).fig8());
        assertTrue(e.getMessage().contains(copy.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
        assertEquals(83, s.table().rowCount());
    }
}
