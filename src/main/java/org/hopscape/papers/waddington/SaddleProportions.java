package org.hopscape.papers.waddington;

import org.hopscape.util.RecordMaps;
import org.hopscape.analysis.FewMemoryTraining;
import org.hopscape.analysis.PseudoInverseDecomposition;
import org.hopscape.analysis.Sweep;
import org.hopscape.hopfield.DenseClassifier;
import org.hopscape.learning.KrotovTrainer;
import org.hopscape.util.Check;
import org.hopscape.util.Rng;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Saddles versus proportions of final memories with three digits (000 Fig 7; spec §6 Fig 7).
 *
 * <p>Training set: the 60 rows of the 200-set for three digits (code: {1, 7, 8}; paper text: {1, 7, 9}).
 * Initial condition "near digit k": every memory = 0.8 × the mean image of digit k's 20 rows; labels
 * noise − 0.6 + 1.2·[d = k] (so l_k ≈ +0.6, the others ≈ −0.6). η = 0.01, m = n.
 * <ul>
 * <li><b>Saddles</b>: one memory at T_eff = T / K^{1/n} (it stands for K identical memories), label noise
 *     Normal(−0.003, 1e−5) (spec §9.6 [choice]), 4000 epochs; the saddle = the final state, reported as
 *     ᾱ_d = Σ of its α over the rows of digit d (α from the pseudo-inverse of the whole 200-set).</li>
 * <li><b>Populations</b>: K = 100 memories, label noise Normal(−0.03, 0.01), 10 000 epochs, several runs;
 *     pop_d = #memories with l_d ≥ 0.9; proportion of the first digit = mean pop_a / (mean pop_a + mean pop_b)
 *     with a, b the first two digits.</li>
 * </ul>
 * Both are checkpointed, parallel {@link Sweep}s of batched runs ({@link KrotovTrainer#trainBatch}).
 */
public final class SaddleProportions {
    private SaddleProportions() {}

    /** pop_d counts memories with l_d at or above this (spec §6 Fig 7). */
    public static final double POPULATION_THRESHOLD = 0.9;
    /** Scale of the mean image in the initial memories. */
    public static final double INITIAL_SCALE = 0.8;
    /** Label shift: −0.6 on every label, +1.2 on the initial digit. */
    public static final double LABEL_SHIFT = -0.6, LABEL_BOOST = 1.2;
    /** Label noise of the population runs [code] and of the saddle runs [choice]. */
    public static final double POPULATION_NOISE_MEAN = -0.03, POPULATION_NOISE_SD = 0.01,
            SADDLE_NOISE_MEAN = -0.003, SADDLE_NOISE_SD = 1e-5;

    /**
     * @param digits                 the three trained digits; the first two are compared (proportion of the first)
     * @param initialDigits          initial conditions "near digit k"
     * @param saddleTemperatures     T of the saddle runs
     * @param saddleNs               n of the saddle runs
     * @param populationTemperatures T of the population runs
     * @param populationNs           n of the population runs
     * @param rate                   η (paper 0.01)
     * @param saddleEpochs           epochs of a saddle run (4000)
     * @param epochs                 epochs of a population run (10 000)
     * @param runs                   population runs per (n, T, initial digit) (10)
     * @param memories               K (100)
     * @param seed                   seed of every draw
     * @param sweep                  threads and checkpointing
     */
    public record Options(int[] digits, int[] initialDigits, double[] saddleTemperatures, double[] saddleNs,
                          double[] populationTemperatures, double[] populationNs, double rate, int saddleEpochs,
                          int epochs, int runs, int memories, long seed, Sweep.Options sweep)
            implements java.io.Serializable { // sent to a distributed sweep engine with the tasks that capture it
        /** Inverse of {@link #toMap()}: keys the map does not name keep the value of {@link #paper()}. */
        public static Options of(Map<String, ?> map) {
            return RecordMaps.of(map, paper());
        }

        public Options {
            digits = digits.clone();
            initialDigits = initialDigits.clone();
            if (digits.length < 2) throw new IllegalArgumentException("digits must hold at least 2 digits (got " + digits.length + ")");
            for (int d : digits) Check.inRange("digit", d, 0, 9);
            for (int k : initialDigits)
                if (Arrays.stream(digits).noneMatch(d -> d == k))
                    throw new IllegalArgumentException("initialDigits must be among digits " + Arrays.toString(digits) + " (got " + k + ")");
            saddleTemperatures = saddleTemperatures.clone();
            saddleNs = saddleNs.clone();
            populationTemperatures = populationTemperatures.clone();
            populationNs = populationNs.clone();
            for (double t : saddleTemperatures) Check.positive("saddleTemperatures", t);
            for (double t : populationTemperatures) Check.positive("populationTemperatures", t);
            for (double n : saddleNs) Check.inRange("saddleNs", n, 1, 1000);
            for (double n : populationNs) Check.inRange("populationNs", n, 1, 1000);
            Check.positive("rate", rate);
            Check.positive("saddleEpochs", saddleEpochs);
            Check.positive("epochs", epochs);
            Check.positive("runs", runs);
            Check.positive("memories", memories);
            if (sweep == null) sweep = Sweep.Options.inMemory();
        }

        /** {@link #paper(long, Sweep.Options)} with seed 0, in memory (no checkpoints); change them with {@code with…}. */
        public static Options paper() {
            return paper(0, Sweep.Options.inMemory());
        }

        /** {@link #quick(long, Sweep.Options)} with seed 0, in memory. */
        public static Options quick() {
            return quick(0, Sweep.Options.inMemory());
        }

        /** Paper: digits {1, 7, 8}, ics near 1 and near 7, T ∈ {550, 750, 800}, n = 2 … 59, 10 runs. */
        public static Options paper(long seed, Sweep.Options sweep) {
            double[] ts = {550, 750, 800}, ns = PrototypeTransition.range(2, 59, 1);
            return new Options(new int[] {1, 7, 8}, new int[] {1, 7}, ts, ns, ts, ns, 0.01, 4000, 10_000, 10, 100, seed, sweep);
        }

        /** Quick (spec §8): saddles on T ∈ {550, 750, 800} × 11 values of n; populations at T = 550, n = 5, 1 run. */
        public static Options quick(long seed, Sweep.Options sweep) {
            return new Options(new int[] {1, 7, 8}, new int[] {1, 7}, new double[] {550, 750, 800},
                    new double[] {2, 5, 10, 12, 15, 20, 25, 30, 40, 50, 58}, new double[] {550}, new double[] {5},
                    0.01, 4000, 10_000, 1, 100, seed, sweep);
        }

        public Options withDigits(int... ds) {
            return new Options(ds, initialDigits, saddleTemperatures, saddleNs, populationTemperatures, populationNs,
                    rate, saddleEpochs, epochs, runs, memories, seed, sweep);
        }

        public Options withSaddleGrid(double[] ts, double[] ns) {
            return new Options(digits, initialDigits, ts, ns, populationTemperatures, populationNs, rate, saddleEpochs,
                    epochs, runs, memories, seed, sweep);
        }

        public Options withPopulationGrid(double[] ts, double[] ns, int r) {
            return new Options(digits, initialDigits, saddleTemperatures, saddleNs, ts, ns, rate, saddleEpochs,
                    epochs, r, memories, seed, sweep);
        }

        public Options withInitialDigits(int... ks) {
            return new Options(digits, ks, saddleTemperatures, saddleNs, populationTemperatures, populationNs, rate,
                    saddleEpochs, epochs, runs, memories, seed, sweep);
        }

        public Options withSaddleTemperatures(double... ts) {
            return withSaddleGrid(ts, saddleNs);
        }

        public Options withSaddleNs(double... ns) {
            return withSaddleGrid(saddleTemperatures, ns);
        }

        public Options withPopulationTemperatures(double... ts) {
            return withPopulationGrid(ts, populationNs, runs);
        }

        public Options withPopulationNs(double... ns) {
            return withPopulationGrid(populationTemperatures, ns, runs);
        }

        public Options withRuns(int r) {
            return withPopulationGrid(populationTemperatures, populationNs, r);
        }

        public Options withRate(double eta) {
            return new Options(digits, initialDigits, saddleTemperatures, saddleNs, populationTemperatures, populationNs,
                    eta, saddleEpochs, epochs, runs, memories, seed, sweep);
        }

        public Options withSaddleEpochs(int e) {
            return new Options(digits, initialDigits, saddleTemperatures, saddleNs, populationTemperatures, populationNs,
                    rate, e, epochs, runs, memories, seed, sweep);
        }

        public Options withEpochs(int e) {
            return new Options(digits, initialDigits, saddleTemperatures, saddleNs, populationTemperatures, populationNs,
                    rate, saddleEpochs, e, runs, memories, seed, sweep);
        }

        public Options withMemories(int k) {
            return new Options(digits, initialDigits, saddleTemperatures, saddleNs, populationTemperatures, populationNs,
                    rate, saddleEpochs, epochs, runs, k, seed, sweep);
        }

        public Options withSeed(long s) {
            return new Options(digits, initialDigits, saddleTemperatures, saddleNs, populationTemperatures, populationNs,
                    rate, saddleEpochs, epochs, runs, memories, s, sweep);
        }

        public Options withSweep(Sweep.Options s) {
            return new Options(digits, initialDigits, saddleTemperatures, saddleNs, populationTemperatures, populationNs,
                    rate, saddleEpochs, epochs, runs, memories, seed, s);
        }

        /**
         * Every component as text (the sweep options as {@code sweep.…}, listeners left out); {@link #of} reads it back.
         */
        public Map<String, String> toMap() {
            return RecordMaps.toMap(this);
        }

        /**
         * The parameters in the sweeps' checkpoint keys. Frozen: they name the checkpoint and shipped result files
         * (data/results/000), so a new component must not enter them unless its value differs from the paper's; the
         * grids and epochs are added by the sweep itself.
         */
        Map<String, Object> checkpointParameters() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("digits", Arrays.toString(digits));
            m.put("initialDigits", Arrays.toString(initialDigits));
            m.put("rate", rate);
            m.put("memories", memories);
            m.put("seed", seed);
            return m;
        }
    }

    /** The 60 training rows (digit blocks in the order of {@code digits}) and their classes. */
    static double[][] trainingSet(int[] digits) {
        int[] rows = Set200.rowsOf(digits);
        double[][] x = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) x[i] = Set200.images()[rows[i]];
        return x;
    }

    static int[] trainingClasses(int[] digits) {
        return Arrays.stream(Set200.rowsOf(digits)).map(Set200::digitOf).toArray();
    }

    /** Labels of the initial condition near digit k: noise + shift, +boost on k. */
    static double[] initialLabels(int k, double mean, double sd, SplittableRandom r) {
        return initialLabels(k, noise(mean, sd, r));
    }

    /** 10 draws Normal(mean, sd²) from {@code r}, in label order. */
    private static double[] noise(double mean, double sd, SplittableRandom r) {
        double[] z = new double[FewMemoryTraining.CLASSES];
        for (int d = 0; d < z.length; d++) z[d] = mean + sd * r.nextGaussian();
        return z;
    }

    // ------------------------------------------------------------------ initial conditions (explicit)

    /**
     * Labels of a start near digit k for a given noise draw: l_d = noise_d − 0.6 + 1.2·[d = k] (000 Fig 7 recipe).
     *
     * @param k     the initial digit, 0 … 9
     * @param noise one value per label (10), e.g. {@link #saddleNoise} or zeros for the noiseless start
     */
    public static double[] initialLabels(int k, double[] noise) {
        Check.inRange("k", k, 0, FewMemoryTraining.CLASSES - 1);
        Check.finite("noise", noise);
        Check.sameSize("noise.length", noise.length, "classes", FewMemoryTraining.CLASSES);
        double[] l = new double[noise.length];
        for (int d = 0; d < l.length; d++) l[d] = noise[d] + LABEL_SHIFT + (d == k ? LABEL_BOOST : 0);
        return l;
    }

    /**
     * The label noise of saddle point {@code item} of a sweep with this seed: 10 draws Normal(−0.003, 1e−5²) from
     * {@code Rng.stream(seed, item)} (spec §9.6 [choice]).
     */
    public static double[] saddleNoise(long seed, long item) {
        return noise(SADDLE_NOISE_MEAN, SADDLE_NOISE_SD, Rng.stream(seed, item));
    }

    /**
     * The label noise of population point {@code item}: {@code memories} rows of 10 draws Normal(−0.03, 0.01²), memory
     * by memory from one stream {@code Rng.stream(seed ^ 0x5EED, item)} [code].
     */
    public static double[][] populationNoise(long seed, long item, int memories) {
        Check.positive("memories", memories);
        SplittableRandom r = Rng.stream(seed ^ 0x5EED, item);
        double[][] z = new double[memories][];
        for (int mu = 0; mu < memories; mu++) z[mu] = noise(POPULATION_NOISE_MEAN, POPULATION_NOISE_SD, r);
        return z;
    }

    /** The memory of a start near digit k: 0.8 × the mean image of digit k's 20 rows of the 200-set. */
    public static double[] initialMemory(int k) {
        double[] mean = Set200.mean(k);
        for (int i = 0; i < mean.length; i++) mean[i] *= INITIAL_SCALE;
        return mean;
    }

    /**
     * A saddle run from an explicit start: one memory {@code memory} with labels {@code labels} at
     * T_eff = T / K^{1/n} (K = {@code o.memories()}), trained {@code o.saddleEpochs()} epochs at rate η on the 60 rows
     * of {@code o.digits()}; returns the final memory (784 values).
     *
     * @param memory 784 pixel values, e.g. {@link #initialMemory} or any image
     * @param labels 10 label values, e.g. {@link #initialLabels(int, double[])} or any vector
     */
    public static double[] saddleMemory(Options o, double n, double t, double[] memory, double[] labels) {
        Check.notNull("o", o);
        Check.inRange("n", n, 1, 1000);
        Check.positive("t", t);
        Check.finite("memory", memory);
        Check.sameSize("memory.length", memory.length, "pixels", Set200.PIXELS);
        Check.finite("labels", labels);
        Check.sameSize("labels.length", labels.length, "classes", FewMemoryTraining.CLASSES);
        double[][] x = trainingSet(o.digits());
        int[] classes = trainingClasses(o.digits());
        double tEff = t / Math.pow(o.memories(), 1 / n);
        FewMemoryTraining run = new FewMemoryTraining(x, classes, new double[][] {memory.clone()}, new double[][] {labels.clone()}, n, tEff);
        run.run(o.saddleEpochs(), o.rate());
        return run.memory(0);
    }

    /** The saddle reached from near digit k with a given label noise (10 values; {@link #saddleNoise} is the sweep's). */
    public static double[] saddleMemory(Options o, double n, double t, int k, double[] noise) {
        return saddleMemory(o, n, t, initialMemory(k), initialLabels(k, noise));
    }

    /**
     * A population start from explicit labels: {@code labels.length} copies of {@code memory}, memory μ with labels
     * {@code labels[μ]}, at temperature T (the population runs use T itself, not T_eff).
     */
    public static DenseClassifier populationStart(double n, double t, double[] memory, double[][] labels) {
        Check.inRange("n", n, 1, 1000);
        Check.positive("t", t);
        Check.finite("memory", memory);
        Check.sameSize("memory.length", memory.length, "pixels", Set200.PIXELS);
        Check.notNull("labels", labels);
        Check.positive("labels.length", labels.length);
        int kk = labels.length, p = memory.length, c = FewMemoryTraining.CLASSES;
        double[] m = new double[kk * p], l = new double[kk * c];
        for (int mu = 0; mu < kk; mu++) {
            Check.finite("labels[" + mu + "]", labels[mu]);
            Check.sameSize("labels[" + mu + "].length", labels[mu].length, "classes", c);
            System.arraycopy(memory, 0, m, mu * p, p);
            System.arraycopy(labels[mu], 0, l, mu * c, c);
        }
        return DenseClassifier.ofFlat(kk, p, c, m, l, n, t);
    }

    /**
     * A population run from an explicit start ({@link #populationStart}), trained {@code o.epochs()} epochs at rate η on
     * the 60 rows of {@code o.digits()}; returns pop_d (memories with l_d ≥ 0.9) for each of {@code o.digits()}.
     */
    public static int[] populationCounts(Options o, DenseClassifier start) {
        Check.notNull("o", o);
        Check.notNull("start", start);
        KrotovTrainer.Result r = KrotovTrainer.trainBatch(List.of(new KrotovTrainer.Run(start, trainingSet(o.digits()),
                trainingClasses(o.digits()), KrotovTrainer.Options.paper(o.epochs()).withLearningRate(o.rate()))), 1, null).get(0);
        int[] pop = new int[o.digits().length];
        for (int k = 0; k < pop.length; k++) pop[k] = r.last().memoriesWithLabel(o.digits()[k], POPULATION_THRESHOLD).length;
        return pop;
    }

    // ------------------------------------------------------------------ saddles

    /**
     * The saddle reached from near digit k at (n, T): the final memory of the one-memory run at
     * T_eff = T / K^{1/n}.
     */
    public static double[] saddleMemory(Options o, double n, double t, int k, long item) {
        Check.notNull("o", o);
        return saddleMemory(o, n, t, k, saddleNoise(o.seed(), item));
    }

    /** ᾱ_d of a memory for each of {@code digits}, α from the pseudo-inverse of the whole 200-set. */
    public static double[] alphaBar(double[] memory, int[] digits) {
        PseudoInverseDecomposition p = basis200();
        double[] agg = p.aggregated(p.alpha(memory), FewMemoryTraining.CLASSES);
        double[] out = new double[digits.length];
        for (int k = 0; k < digits.length; k++) out[k] = agg[digits[k]];
        return out;
    }

    private static volatile PseudoInverseDecomposition basis200;

    /** Moore–Penrose pseudo-inverse of the 200-set (it holds repeated images, so its Gram matrix is singular). */
    static PseudoInverseDecomposition basis200() {
        PseudoInverseDecomposition b = basis200;
        if (b == null) basis200 = b = PseudoInverseDecomposition.of(Set200.images(), Set200.set().classes());
        return b;
    }

    /** Version of the saddle computation in checkpoint keys (bump when its results change). */
    public static final String SADDLE_ALGORITHM = "fig7-saddles/2+" + KrotovTrainer.BATCH_ALGORITHM;
    /** Version of the population computation in checkpoint keys (bump when its results change). */
    public static final String POPULATION_ALGORITHM = "fig7-populations/2+" + KrotovTrainer.BATCH_ALGORITHM;

    /**
     * Saddles over (T, n, initial digit): one row each with n, T, T_r, ic and alphabar_<d> per digit. The one-memory
     * runs share their 60 training rows and are trained in batches ({@link KrotovTrainer#trainBatch}).
     */
    public static Saddles saddles(Options o) {
        double[] ts = o.saddleTemperatures(), ns = o.saddleNs();
        int points = ts.length * ns.length * o.initialDigits().length;
        Table t = Sweep.runBatched("03-fig7-saddles", SADDLE_ALGORITHM, points, KrotovTrainer.runsPerBatch(1), saddleTask(o),
                withGrid(o.checkpointParameters(), "saddle", ts, ns, o.saddleEpochs()), o.seed(), o.sweep());
        return new Saddles(o, t);
    }

    /**
     * Points of the saddle sweep (point i: start ics[i mod |ics|], then n, then T) computed now, as one batch, without
     * a checkpoint: the sweep's rows for these points (to rounding; see {@link Sweep#computePoints}).
     */
    public static Table saddlePoints(Options o, int... points) {
        return Sweep.computePoints("03-fig7-saddles", points, saddleTask(o), o.sweep().threads());
    }

    /** The one-memory saddle runs of a batch of points and their rows. */
    private static Sweep.BatchTask saddleTask(Options o) {
        double[] ts = o.saddleTemperatures(), ns = o.saddleNs();
        int[] ics = o.initialDigits();
        double[][] x = trainingSet(o.digits());
        int[] classes = trainingClasses(o.digits());
        basis200(); // build once before the threads start
        return (batch, threads) -> {
            List<KrotovTrainer.Run> runs = new ArrayList<>();
            for (int i : batch) {
                int ic = ics[i % ics.length], j = i / ics.length;
                runs.add(new KrotovTrainer.Run(initialSaddle(o, ns[j % ns.length], ts[j / ns.length], ic, i), x, classes,
                        KrotovTrainer.Options.paper(o.saddleEpochs()).withLearningRate(o.rate())));
            }
            List<KrotovTrainer.Result> res = KrotovTrainer.trainBatch(runs, threads, null);
            List<Table> rows = new ArrayList<>();
            for (int q = 0; q < batch.length; q++) {
                int i = batch[q], ic = ics[i % ics.length], j = i / ics.length;
                double n = ns[j % ns.length], temp = ts[j / ns.length];
                double[] ab = alphaBar(res.get(q).last().memory(0), o.digits());
                Table r = Table.create("saddle", DoubleColumn.create("n", new double[] {n}), DoubleColumn.create("T", new double[] {temp}),
                        DoubleColumn.create("T_r", new double[] {temp / 784}), IntColumn.create("ic", new int[] {ic}));
                for (int k = 0; k < ab.length; k++) r.addColumns(DoubleColumn.create("alphabar_" + o.digits()[k], new double[] {ab[k]}));
                rows.add(r);
            }
            return rows;
        };
    }

    /**
     * The one-memory start of a saddle run near digit k at (n, T): memory 0.8 × mean(k), labels noise − 0.6 + 1.2·[d = k]
     * (noise stream {@code Rng.stream(seed, item)}), temperature T_eff = T / K^{1/n}.
     */
    static DenseClassifier initialSaddle(Options o, double n, double t, int k, long item) {
        double[] m = initialMemory(k);
        double[] l = initialLabels(k, saddleNoise(o.seed(), item));
        return DenseClassifier.ofFlat(1, m.length, FewMemoryTraining.CLASSES, m, l, n, t / Math.pow(o.memories(), 1 / n));
    }

    /** Saddle ᾱ per (n, T, ic). */
    public record Saddles(Options options, Table table) {
        /** ᾱ_digit of the saddle reached from near ic at (n, T); NaN if not on the grid. */
        public double alphaBar(int digit, double n, double t, int ic) {
            DoubleColumn v = table.doubleColumn("alphabar_" + digit);
            for (int r = 0; r < table.rowCount(); r++)
                if (table.doubleColumn("n").getDouble(r) == n && table.doubleColumn("T").getDouble(r) == t
                        && table.intColumn("ic").getInt(r) == ic) return v.getDouble(r);
            return Double.NaN;
        }

        /** |ᾱ_a(ic a) − ᾱ_a(ic b)| for the first digit a and the two initial conditions: > 0 means two saddles. */
        public double gap(double n, double t) {
            int a = options.digits()[0];
            int[] ics = options.initialDigits();
            return Math.abs(alphaBar(a, n, t, ics[0]) - alphaBar(a, n, t, ics[1]));
        }
    }

    // ------------------------------------------------------------------ populations

    /**
     * Population runs over (T, n, ic, run): one row each with n, T, T_r, ic, run and pop_<d> per digit. The runs share
     * their 60 training rows and are trained in batches ({@link KrotovTrainer#trainBatch}).
     */
    public static Populations populations(Options o) {
        double[] ts = o.populationTemperatures(), ns = o.populationNs();
        int points = ts.length * ns.length * o.initialDigits().length * o.runs();
        Table t = Sweep.runBatched("03-fig7-populations", POPULATION_ALGORITHM, points, KrotovTrainer.runsPerBatch(o.memories()),
                populationTask(o), withGrid(o.checkpointParameters(), "population", ts, ns, o.epochs()), o.seed(), o.sweep());
        return new Populations(o, t);
    }

    /**
     * Points of the population sweep (point i: run i mod runs, then start, n, T) computed now, as one batch, without a
     * checkpoint: the sweep's rows for these points (to rounding; see {@link Sweep#computePoints}).
     */
    public static Table populationPoints(Options o, int... points) {
        return Sweep.computePoints("03-fig7-populations", points, populationTask(o), o.sweep().threads());
    }

    /** The 100-memory population runs of a batch of points and their rows. */
    private static Sweep.BatchTask populationTask(Options o) {
        double[][] x = trainingSet(o.digits());
        int[] classes = trainingClasses(o.digits());
        double[] ts = o.populationTemperatures(), ns = o.populationNs();
        int[] ics = o.initialDigits();
        int runs = o.runs();
        // the digits' mean images travel with the task, so a remote engine's workers need no data files
        double[][] means = new double[10][];
        for (int d : ics) means[d] = Set200.mean(d);
        return (batch, threads) -> {
            List<KrotovTrainer.Run> rs = new ArrayList<>();
            for (int i : batch) {
                int j = i / runs, ic = ics[j % ics.length];
                j /= ics.length;
                rs.add(new KrotovTrainer.Run(initialPopulation(o, means[ic], ic, ns[j % ns.length], ts[j / ns.length], i), x, classes,
                        KrotovTrainer.Options.paper(o.epochs()).withLearningRate(o.rate())));
            }
            List<KrotovTrainer.Result> res = KrotovTrainer.trainBatch(rs, threads, null);
            List<Table> rows = new ArrayList<>();
            for (int q = 0; q < batch.length; q++) {
                int i = batch[q], run = i % runs, j = i / runs, ic = ics[j % ics.length];
                j /= ics.length;
                double n = ns[j % ns.length], temp = ts[j / ns.length];
                DenseClassifier last = res.get(q).last();
                Table r = Table.create("run", DoubleColumn.create("n", new double[] {n}), DoubleColumn.create("T", new double[] {temp}),
                        DoubleColumn.create("T_r", new double[] {temp / 784}), IntColumn.create("ic", new int[] {ic}),
                        IntColumn.create("run", new int[] {run}));
                for (int d : o.digits())
                    r.addColumns(IntColumn.create("pop_" + d, new int[] {last.memoriesWithLabel(d, POPULATION_THRESHOLD).length}));
                rows.add(r);
            }
            return rows;
        };
    }

    /** K identical memories 0.8 × mean(k) with labels noise − 0.6 + 1.2·[d = k] (population recipe). */
    static DenseClassifier initialPopulation(Options o, int k, double n, double t, long item) {
        return initialPopulation(o, Set200.mean(k), k, n, t, item);
    }

    /** As above, with mean(k) given. */
    static DenseClassifier initialPopulation(Options o, double[] mean, int k, double n, double t, long item) {
        int kk = o.memories(), p = mean.length;
        double[] m = new double[kk * p], l = new double[kk * FewMemoryTraining.CLASSES];
        SplittableRandom r = Rng.stream(o.seed() ^ 0x5EED, item);
        for (int mu = 0; mu < kk; mu++) {
            for (int i = 0; i < p; i++) m[mu * p + i] = INITIAL_SCALE * mean[i];
            System.arraycopy(initialLabels(k, POPULATION_NOISE_MEAN, POPULATION_NOISE_SD, r), 0, l,
                    mu * FewMemoryTraining.CLASSES, FewMemoryTraining.CLASSES);
        }
        return DenseClassifier.ofFlat(kk, p, FewMemoryTraining.CLASSES, m, l, n, t);
    }

    private static Map<String, Object> withGrid(Map<String, Object> m, String kind, double[] ts, double[] ns, int epochs) {
        m.put("kind", kind);
        m.put("temperatures", Arrays.toString(ts));
        m.put("ns", Arrays.toString(ns));
        m.put("epochs", epochs);
        return m;
    }

    /** Final populations per run. */
    public record Populations(Options options, Table table) {
        /** Mean over runs of pop_digit at (n, T, ic). */
        public double meanPopulation(int digit, double n, double t, int ic) {
            double s = 0;
            int c = 0;
            for (int r = 0; r < table.rowCount(); r++)
                if (table.doubleColumn("n").getDouble(r) == n && table.doubleColumn("T").getDouble(r) == t
                        && table.intColumn("ic").getInt(r) == ic) {
                    s += table.intColumn("pop_" + digit).getInt(r);
                    c++;
                }
            return c == 0 ? Double.NaN : s / c;
        }

        /** Proportion of the first digit: mean pop_a / (mean pop_a + mean pop_b) (NaN if both are 0). */
        public double proportion(double n, double t, int ic) {
            int a = options.digits()[0], b = options.digits()[1];
            double pa = meanPopulation(a, n, t, ic), pb = meanPopulation(b, n, t, ic);
            return pa + pb == 0 ? Double.NaN : pa / (pa + pb);
        }

        /** One row per (T, n, ic): mean populations and the proportion. */
        public Table proportions() {
            Table out = Table.create("proportions", DoubleColumn.create("n"), DoubleColumn.create("T"), DoubleColumn.create("T_r"),
                    IntColumn.create("ic"), DoubleColumn.create("proportion_" + options.digits()[0]));
            for (int d : options.digits()) out.addColumns(DoubleColumn.create("mean_pop_" + d));
            for (double t : options.populationTemperatures())
                for (double n : options.populationNs())
                    for (int ic : options.initialDigits()) {
                        out.doubleColumn("n").append(n);
                        out.doubleColumn("T").append(t);
                        out.doubleColumn("T_r").append(t / 784);
                        out.intColumn("ic").append(ic);
                        out.doubleColumn(4).append(proportion(n, t, ic));
                        for (int d : options.digits()) out.doubleColumn("mean_pop_" + d).append(meanPopulation(d, n, t, ic));
                    }
            return out;
        }
    }
}
