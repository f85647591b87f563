package org.hopscape.papers.waddington;

import org.hopscape.util.RecordMaps;
import org.hopscape.analysis.FewMemoryTraining;
import org.hopscape.analysis.SampleBasis;
import org.hopscape.analysis.Sweep;
import org.hopscape.analysis.TransitionLine;
import org.hopscape.hopfield.DenseClassifier;
import org.hopscape.learning.KrotovTrainer;
import org.hopscape.util.Check;
import org.hopscape.util.Rng;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The feature-to-prototype transition of the two-sample system over an (n, T) grid (000 Fig 6; spec §6 Fig 6),
 * with the full update rule (spec 000 §2.3) run to its final state at every grid point, the grid points trained
 * in batches ({@link KrotovTrainer#trainBatch}: they share the two samples) through a checkpointed {@link Sweep}.
 * <ul>
 * <li><b>Intra-digit</b> (Fig 6 C/E/G): one memory, two different images A, B of the same digit (kit: 200-set
 *     rows 80 and 81, two 4s), default initialisation; columns {@code alpha_a}, {@code alpha_b}.</li>
 * <li><b>Inter-digit</b> (Fig 6 D/F/H): two memories, A = mean 4, B = mean 9 (kit: the 200-set means), memory 1
 *     starts at 0.5A − 0.2B labelled 4, memory 2 at 0.5B − 0.2A labelled 9; columns {@code m1_alpha_a},
 *     {@code m1_alpha_b}, {@code m2_alpha_a}, {@code m2_alpha_b}.</li>
 * </ul>
 * The analytic line ({@link TransitionLine}) uses ⟨A|A⟩ + ⟨A|B⟩ (intra; inter memory 2) and ⟨B|B⟩ + ⟨A|B⟩ (inter
 * memory 1).
 *
 * @param kind    intra- or inter-digit
 * @param options grid and training
 * @param gram    {⟨A|A⟩, ⟨A|B⟩, ⟨B|B⟩}
 * @param table   one row per grid point: point, n, T, T_r and the α columns
 */
public record PrototypeTransition(Kind kind, Options options, double[] gram, Table table) {

    /** Same digit (one memory) or different digits (two memories). */
    public enum Kind { INTRA, INTER }

    /** Rows of the 200-set used as the two intra-digit images (first two 4s; spec §9.7 [choice]). */
    public static final int INTRA_ROW_A = 80, INTRA_ROW_B = 81;
    /** Digits of the inter-digit case. */
    public static final int INTER_DIGIT_A = 4, INTER_DIGIT_B = 9;

    /**
     * @param ns           orders n of the grid
     * @param temperatures temperatures T of the grid
     * @param rate         η (paper 0.001)
     * @param epochs       epochs per run (paper 10 000)
     * @param seed         seed of the default initialisation (intra)
     * @param sweep        threads and checkpointing
     */
    public record Options(double[] ns, double[] temperatures, double rate, int epochs, long seed, Sweep.Options sweep)
            implements java.io.Serializable { // captured by the sweep tasks, which a distributed engine sends to its workers
        /** Inverse of {@link #toMap()}: keys the map does not name keep the value of {@code paper(0, Sweep.Options.inMemory())}. */
        public static Options of(Map<String, ?> map) {
            return RecordMaps.of(map, paper(0, Sweep.Options.inMemory()));
        }

        public Options {
            if (ns == null || ns.length == 0) throw new IllegalArgumentException("ns must not be empty");
            if (temperatures == null || temperatures.length == 0) throw new IllegalArgumentException("temperatures must not be empty");
            ns = ns.clone();
            temperatures = temperatures.clone();
            for (int i = 0; i < ns.length; i++) Check.inRange("ns[" + i + "]", ns[i], 1, 1000);
            for (int i = 0; i < temperatures.length; i++) Check.positive("temperatures[" + i + "]", temperatures[i]);
            Check.positive("rate", rate);
            Check.positive("epochs", epochs);
            if (sweep == null) sweep = Sweep.Options.inMemory();
        }

        /** Paper grid: n = 2 … 30 × T = 400, 420, …, 880; η = 0.001; 10 000 epochs. */
        public static Options paper(long seed, Sweep.Options sweep) {
            return new Options(range(2, 30, 1), range(400, 880, 20), 0.001, 10_000, seed, sweep);
        }

        /**
         * Quick tier: n = 2 … 30 × T ∈ {400, 560, 720, 740, 800, 840, 880} (the rows the checks and curves use),
         * paper rate and epochs.
         */
        public static Options quick(long seed, Sweep.Options sweep) {
            return new Options(range(2, 30, 1), new double[] {400, 560, 720, 740, 800, 840, 880}, 0.001, 10_000, seed, sweep);
        }

        /** Same rate and epochs with other n and T lists. */
        public Options withGrid(double[] n, double[] t) {
            return new Options(n, t, rate, epochs, seed, sweep);
        }

        public Options withEpochs(int e) {
            return new Options(ns, temperatures, rate, e, seed, sweep);
        }

        @Override
        public double[] ns() { return ns.clone(); }

        @Override
        public double[] temperatures() { return temperatures.clone(); }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ns", Arrays.toString(ns));
            m.put("temperatures", Arrays.toString(temperatures));
            m.put("rate", rate);
            m.put("epochs", epochs);
            m.put("seed", seed);
            return m;
        }

        public Options withNs(double... ns) {
            return new Options(ns, temperatures, rate, epochs, seed, sweep);
        }

        public Options withTemperatures(double... temperatures) {
            return new Options(ns, temperatures, rate, epochs, seed, sweep);
        }

        public Options withRate(double rate) {
            return new Options(ns, temperatures, rate, epochs, seed, sweep);
        }

        public Options withSeed(long seed) {
            return new Options(ns, temperatures, rate, epochs, seed, sweep);
        }

        public Options withSweep(Sweep.Options sweep) {
            return new Options(ns, temperatures, rate, epochs, seed, sweep);
        }
    }

    /** lo, lo + step, …, hi. */
    public static double[] range(double lo, double hi, double step) {
        int k = (int) Math.floor((hi - lo) / step + 1e-9) + 1;
        double[] r = new double[k];
        for (int i = 0; i < k; i++) r[i] = lo + i * step;
        return r;
    }

    /** Intra-digit transition on 200-set rows 80 and 81 (class 4). */
    public static PrototypeTransition intra(Options o) {
        return intra(Set200.row(INTRA_ROW_A), Set200.row(INTRA_ROW_B), Set200.digitOf(INTRA_ROW_A), o);
    }

    /** Version of the intra/inter computations in checkpoint keys (bump when their results change). */
    public static final String ALGORITHM = "fig6/2+" + KrotovTrainer.BATCH_ALGORITHM;

    /** Intra-digit transition on two images of one class. */
    public static PrototypeTransition intra(double[] a, double[] b, int digit, Options o) {
        SampleBasis basis = new SampleBasis(new double[][] {a.clone(), b.clone()});
        Map<String, Object> p = o.toMap();
        p.put("kind", "intra");
        p.put("gram", gramString(basis));
        Table t = Sweep.runBatched("03-fig6-intra", ALGORITHM, o.ns.length * o.temperatures.length, KrotovTrainer.runsPerBatch(1),
                intraTask(a, b, digit, o), p, o.seed(), o.sweep());
        return new PrototypeTransition(Kind.INTRA, o, gram(basis), t);
    }

    /**
     * Grid points of the intra-digit sweep (point i: n = ns[i mod |ns|], T = temperatures[i div |ns|]) computed now,
     * as one batch, without a checkpoint: the sweep's rows for these points (to rounding). E.g. a spot check.
     */
    public static Table intraPoints(Options o, int... points) {
        return Sweep.computePoints("03-fig6-intra", points, intraTask(Set200.row(INTRA_ROW_A), Set200.row(INTRA_ROW_B),
                Set200.digitOf(INTRA_ROW_A), o), o.sweep().threads());
    }

    /** Grid points of the inter-digit sweep computed now (see {@link #intraPoints}). */
    public static Table interPoints(Options o, int... points) {
        return Sweep.computePoints("03-fig6-inter", points, interTask(Set200.mean(INTER_DIGIT_A), Set200.mean(INTER_DIGIT_B),
                INTER_DIGIT_A, INTER_DIGIT_B, o), o.sweep().threads());
    }

    /** The intra-digit runs of a batch of grid points and their rows. */
    private static Sweep.BatchTask intraTask(double[] a, double[] b, int digit, Options o) {
        double[][] x = {a.clone(), b.clone()};
        int[] classes = {digit, digit};
        // captures only arrays and the options: serialisable, for a distributed sweep engine
        return (batch, threads) -> {
            SampleBasis basis = new SampleBasis(x);
            List<KrotovTrainer.Run> runs = new ArrayList<>();
            for (int i : batch) {
                double n = o.ns[i % o.ns.length], t0 = o.temperatures[i / o.ns.length];
                double[][][] init = FewMemoryTraining.defaultInitialState(1, a.length, Rng.stream(o.seed(), i));
                runs.add(run(x, classes, init[0], init[1], n, t0, o));
            }
            List<KrotovTrainer.Result> res = KrotovTrainer.trainBatch(runs, threads, null);
            List<Table> rows = new ArrayList<>();
            for (int q = 0; q < batch.length; q++) {
                int i = batch[q];
                double[] alpha = basis.coefficients(res.get(q).last().memory(0));
                rows.add(row(o.ns[i % o.ns.length], o.temperatures[i / o.ns.length], new String[] {"alpha_a", "alpha_b"}, alpha));
            }
            return rows;
        };
    }

    /** A run of the full update rule on the two samples (m = n, ρ = 0). */
    private static KrotovTrainer.Run run(double[][] x, int[] classes, double[][] memories, double[][] labels, double n,
                                         double t, Options o) {
        DenseClassifier init = new DenseClassifier(memories, labels, n, t);
        return new KrotovTrainer.Run(init, x, classes, KrotovTrainer.Options.paper(o.epochs()).withLearningRate(o.rate()));
    }

    /** Inter-digit transition on the 200-set mean 4 and mean 9. */
    public static PrototypeTransition inter(Options o) {
        return inter(Set200.mean(INTER_DIGIT_A), Set200.mean(INTER_DIGIT_B), INTER_DIGIT_A, INTER_DIGIT_B, o);
    }

    /** Inter-digit transition on images A (class a) and B (class b). */
    public static PrototypeTransition inter(double[] a, double[] b, int classA, int classB, Options o) {
        SampleBasis basis = new SampleBasis(new double[][] {a.clone(), b.clone()});
        Map<String, Object> p = o.toMap();
        p.put("kind", "inter");
        p.put("gram", gramString(basis));
        Table t = Sweep.runBatched("03-fig6-inter", ALGORITHM, o.ns.length * o.temperatures.length, KrotovTrainer.runsPerBatch(2),
                interTask(a, b, classA, classB, o), p, o.seed(), o.sweep());
        return new PrototypeTransition(Kind.INTER, o, gram(basis), t);
    }

    /** The inter-digit runs of a batch of grid points and their rows. */
    private static Sweep.BatchTask interTask(double[] a, double[] b, int classA, int classB, Options o) {
        double[][] x = {a.clone(), b.clone()};
        int[] classes = {classA, classB};
        double[][] mem = new double[2][a.length];
        for (int i = 0; i < a.length; i++) {
            mem[0][i] = 0.5 * a[i] - 0.2 * b[i];
            mem[1][i] = 0.5 * b[i] - 0.2 * a[i];
        }
        double[][] lab = new double[2][FewMemoryTraining.CLASSES];
        for (double[] r : lab) Arrays.fill(r, -1);
        lab[0][classA] = 1;
        lab[1][classB] = 1;
        return (batch, threads) -> {
            SampleBasis basis = new SampleBasis(x);
            List<KrotovTrainer.Run> runs = new ArrayList<>();
            for (int i : batch) runs.add(run(x, classes, mem, lab, o.ns[i % o.ns.length], o.temperatures[i / o.ns.length], o));
            List<KrotovTrainer.Result> res = KrotovTrainer.trainBatch(runs, threads, null);
            List<Table> rows = new ArrayList<>();
            for (int q = 0; q < batch.length; q++) {
                int i = batch[q];
                DenseClassifier last = res.get(q).last();
                double[] a1 = basis.coefficients(last.memory(0)), a2 = basis.coefficients(last.memory(1));
                rows.add(row(o.ns[i % o.ns.length], o.temperatures[i / o.ns.length],
                        new String[] {"m1_alpha_a", "m1_alpha_b", "m2_alpha_a", "m2_alpha_b"},
                        new double[] {a1[0], a1[1], a2[0], a2[1]}));
            }
            return rows;
        };
    }

    private static Table row(double n, double t, String[] names, double[] values) {
        Table r = Table.create("point", DoubleColumn.create("n", new double[] {n}), DoubleColumn.create("T", new double[] {t}),
                DoubleColumn.create("T_r", new double[] {t / 784}));
        for (int k = 0; k < names.length; k++) r.addColumns(DoubleColumn.create(names[k], new double[] {values[k]}));
        return r;
    }

    private static double[] gram(SampleBasis b) {
        return new double[] {b.gram(0, 0), b.gram(0, 1), b.gram(1, 1)};
    }

    private static String gramString(SampleBasis b) {
        return Arrays.toString(gram(b));
    }

    /** Value of a column at grid point (n, T); NaN if the point is not on the grid. */
    public double at(String column, double n, double t) {
        DoubleColumn nc = table.doubleColumn("n"), tc = table.doubleColumn("T"), v = table.doubleColumn(column);
        for (int r = 0; r < table.rowCount(); r++)
            if (nc.getDouble(r) == n && tc.getDouble(r) == t) return v.getDouble(r);
        return Double.NaN;
    }

    /**
     * Intra: the column of the sample that dominates at the largest (n, T) of the grid ("alpha_a" or
     * "alpha_b"; the kit's choice for panel E, spec §6 Fig 6).
     */
    public String dominantColumn() {
        requireKind(Kind.INTRA);
        double n = Arrays.stream(options.ns).max().orElseThrow(), t = Arrays.stream(options.temperatures).max().orElseThrow();
        return at("alpha_a", n, t) >= at("alpha_b", n, t) ? "alpha_a" : "alpha_b";
    }

    /** Intra: the first grid n at temperature T where the dominant α exceeds the threshold (NaN if none). */
    public double departure(double t, double threshold) {
        requireKind(Kind.INTRA);
        String col = dominantColumn();
        for (double n : Arrays.stream(options.ns).sorted().toArray())
            if (at(col, n, t) > threshold) return n;
        return Double.NaN;
    }

    /**
     * The analytic transition line: the order n where T_line(n) = T (NaN if no crossing).
     *
     * @param memory 1 or 2; intra has only memory 1, which uses ⟨A|A⟩ + ⟨A|B⟩; inter memory 1 uses
     *               ⟨B|B⟩ + ⟨A|B⟩, memory 2 ⟨A|A⟩ + ⟨A|B⟩ (spec §6 Fig 6, [code])
     */
    public double lineOrder(int memory, double t) {
        return TransitionLine.order(overlapSum(memory), t);
    }

    /** T_line(n) for a memory (see {@link #lineOrder}). */
    public double lineTemperature(int memory, double n) {
        return TransitionLine.temperature(overlapSum(memory), n);
    }

    private double overlapSum(int memory) {
        Check.inRange("memory", memory, 1, kind == Kind.INTRA ? 1 : 2);
        return kind == Kind.INTER && memory == 1 ? gram[2] + gram[1] : gram[0] + gram[1];
    }

    private void requireKind(Kind k) {
        if (kind != k) throw new IllegalStateException("only for the " + k + " transition (this is " + kind + ")");
    }

    /** The grid of one column as z[T index][n index] (rows = temperatures in grid order). */
    public double[][] grid(String column) {
        double[][] z = new double[options.temperatures.length][options.ns.length];
        for (int i = 0; i < options.temperatures.length; i++)
            for (int j = 0; j < options.ns.length; j++) z[i][j] = at(column, options.ns[j], options.temperatures[i]);
        return z;
    }
}
