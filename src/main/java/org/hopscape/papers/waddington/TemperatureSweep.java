package org.hopscape.papers.waddington;

import org.hopscape.util.RecordMaps;
import org.hopscape.analysis.FewMemoryTraining;
import org.hopscape.analysis.Sweep;
import org.hopscape.hopfield.DenseClassifier;
import org.hopscape.learning.KrotovTrainer;
import org.hopscape.util.Check;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Final memory populations of the full network as the temperature rises (000 Fig 8; spec §6 Fig 8): the common
 * recipe (K = 100 memories on the 200-set, η = 0.005, default initialisation, m = n) at n = 25 for a list of
 * temperatures; pop_d = number of memories with l_d &gt; 0.98 (strict; a memory may count for several digits).
 * As T_r rises digit classes disappear (0 and 2 first, 1 last) and their memories stay at the first saddle.
 * A checkpointed, parallel {@link Sweep}; the final classifiers of the runs computed in this JVM are kept for
 * the memory samples of panel A.
 *
 * @param options the sweep
 * @param table   one row per temperature: point, T, T_r, pop_0 … pop_9, total, accuracy
 */
public record TemperatureSweep(Options options, Table table, Map<Double, DenseClassifier> finalStates) {

    /** pop_d counts memories with l_d strictly above this (spec §6 Fig 8). */
    public static final double POPULATION_THRESHOLD = 0.98;

    /**
     * @param n            order (paper 25)
     * @param temperatures T values (paper 650, 653, …, 896)
     * @param epochs       epochs per run (paper 10 000)
     * @param rate         η (paper 0.005)
     * @param memories     K (100)
     * @param seed         seed of the initial states (one stream per temperature index)
     * @param sweep        threads and checkpointing
     */
    public record Options(double n, double[] temperatures, int epochs, double rate, int memories, long seed,
                          Sweep.Options sweep) implements java.io.Serializable { // captured by the sweep task (Spark)
        /** Provenance map (round-trips through {@link #of(Map)}; listeners are left out). */
        public Map<String, String> toMap() {
            return RecordMaps.toMap(this);
        }

        /** Inverse of {@link #toMap()}: keys the map does not name keep the value of {@code paper(0, Sweep.Options.inMemory())}. */
        public static Options of(Map<String, ?> map) {
            return RecordMaps.of(map, paper(0, Sweep.Options.inMemory()));
        }

        public Options {
            Check.inRange("n", n, 1, 1000);
            if (temperatures == null || temperatures.length == 0) throw new IllegalArgumentException("temperatures must not be empty");
            temperatures = temperatures.clone();
            for (int i = 0; i < temperatures.length; i++) Check.positive("temperatures[" + i + "]", temperatures[i]);
            Check.positive("epochs", epochs);
            Check.positive("rate", rate);
            Check.positive("memories", memories);
            if (sweep == null) sweep = Sweep.Options.inMemory();
        }

        /** Paper: n = 25, T = 650, 653, …, 896 (84 values), 10 000 epochs. */
        public static Options paper(long seed, Sweep.Options sweep) {
            return new Options(25, PrototypeTransition.range(650, 896, 3), 10_000, 0.005, 100, seed, sweep);
        }

        /** Quick (spec §8): T ∈ {650, 800}, 10 000 epochs. */
        public static Options quick(long seed, Sweep.Options sweep) {
            return new Options(25, new double[] {650, 800}, 10_000, 0.005, 100, seed, sweep);
        }

        public Options withTemperatures(double... ts) {
            return new Options(n, ts, epochs, rate, memories, seed, sweep);
        }

        public Options withEpochs(int e) {
            return new Options(n, temperatures, e, rate, memories, seed, sweep);
        }

        @Override
        public double[] temperatures() { return temperatures.clone(); }

        public Options withN(double n) {
            return new Options(n, temperatures, epochs, rate, memories, seed, sweep);
        }

        public Options withRate(double rate) {
            return new Options(n, temperatures, epochs, rate, memories, seed, sweep);
        }

        public Options withMemories(int memories) {
            return new Options(n, temperatures, epochs, rate, memories, seed, sweep);
        }

        public Options withSeed(long seed) {
            return new Options(n, temperatures, epochs, rate, memories, seed, sweep);
        }

        public Options withSweep(Sweep.Options sweep) {
            return new Options(n, temperatures, epochs, rate, memories, seed, sweep);
        }
    }

    /** Version of the computation in checkpoint keys (bump when its results change). */
    public static final String ALGORITHM = "fig8-temperature/2+" + KrotovTrainer.BATCH_ALGORITHM;

    /**
     * Train at every temperature (resuming a checkpoint) and count populations. The runs share the 200-set and are
     * trained in fixed batches of {@link KrotovTrainer#runsPerBatch} consecutive temperatures.
     */
    public static TemperatureSweep run(Options o) {
        double[] ts = o.temperatures;
        Sweep.Kept<Double, DenseClassifier> states = new Sweep.Kept<>(); // on local threads; Spark sends back rows only
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("n", o.n());
        p.put("temperatures", ts);
        p.put("epochs", o.epochs());
        p.put("rate", o.rate());
        p.put("memories", o.memories());
        p.put("training set", Set200.source());
        Table t = Sweep.runBatched("03-fig8-temperature", ALGORITHM, ts.length, batchSize(o), task(o, states), p, o.seed(), o.sweep());
        return new TemperatureSweep(o, t, states.values());
    }

    /**
     * The sweep {@code s} with the final classifier at temperature {@code t} from a checkpointed {@link Sweep} "03-fig8a"
     * (one point: {@link #finalState} — kept, or trained again with its batch — as named arrays, memories to 4 digits,
     * labels to 6), so that Fig 8A's memory samples of the full setting can be shipped beside the sweep's table.
     */
    public static TemperatureSweep withShippedState(TemperatureSweep s, double t, Sweep.Options sweep) {
        org.hopscape.util.Check.notNull("s", s);
        Map<String, Object> p = new LinkedHashMap<>(s.options().toMap());
        // what computes the state, not where the sweep's table was read or on how many threads
        p.keySet().removeIf(k -> k.equals("sweep") || k.startsWith("sweep."));
        p.put("training set", Set200.source());
        p.put("temperature", t);
        Table table = Sweep.run("03-fig8a", "fig8a/1+" + ALGORITHM, 1, (java.util.function.IntFunction<Table>) i -> {
            DenseClassifier c = s.finalState(t);
            double[][] labels = new double[c.memoryCount()][];
            for (int mu = 0; mu < labels.length; mu++) labels[mu] = c.label(mu);
            return org.hopscape.table.ArrayRows.writer("Fig 8A state").exact("run", c.n(), c.temperature())
                    .addAll("memory", c.memories(), 4).addAll("labels", labels, 6).table();
        }, p, s.options().seed(), sweep);
        var r = org.hopscape.table.ArrayRows.read(table);
        double[] run = r.doubles("run");
        Map<Double, DenseClassifier> states = new java.util.HashMap<>(s.finalStates());
        states.put(t, new DenseClassifier(r.matrix("memory"), r.matrix("labels"), run[0], run[1]));
        return new TemperatureSweep(s.options(), s.table(), states);
    }

    /**
     * Temperatures of the sweep (point i = temperatures[i]) computed now, as one batch, without a checkpoint: the
     * sweep's rows for these points (to rounding; see {@link Sweep#computePoints}). E.g. a spot check.
     */
    public static Table points(Options o, int... points) {
        return Sweep.computePoints("03-fig8-temperature", points, task(o, null), o.sweep().threads());
    }

    /** The runs of a batch of temperature indices and their rows; final classifiers into {@code states} (if not null). */
    private static Sweep.BatchTask task(Options o, Sweep.Kept<Double, DenseClassifier> states) {
        double[][] x = Set200.images();
        int[] classes = Set200.set().classes();
        double[] ts = o.temperatures;
        return (batch, threads) -> {
            List<DenseClassifier> last = train(o, batch, threads);
            List<Table> rows = new ArrayList<>();
            for (int q = 0; q < batch.length; q++) {
                int i = batch[q];
                DenseClassifier c = last.get(q);
                if (states != null) states.put(ts[i], c);
                Table r = Table.create("run", DoubleColumn.create("T", new double[] {ts[i]}),
                        DoubleColumn.create("T_r", new double[] {ts[i] / 784}));
                int total = 0;
                for (int d = 0; d < FewMemoryTraining.CLASSES; d++) {
                    int pop = population(c, d);
                    total += pop;
                    r.addColumns(IntColumn.create("pop_" + d, new int[] {pop}));
                }
                r.addColumns(IntColumn.create("total", new int[] {total}),
                        DoubleColumn.create("accuracy", new double[] {c.accuracy(x, classes)}));
                rows.add(r);
            }
            return rows;
        };
    }

    static int batchSize(Options o) {
        return KrotovTrainer.runsPerBatch(o.memories());
    }

    /** The runs at these temperature indices, trained as one batch: default initialisation (seed·1000 + i), common recipe. */
    static List<DenseClassifier> train(Options o, int[] indices, int threads) {
        double[][] x = Set200.images();
        List<KrotovTrainer.Run> runs = new ArrayList<>();
        for (int i : indices) {
            DenseClassifier init = DenseClassifier.gaussian(o.memories(), x[0].length, FewMemoryTraining.CLASSES,
                    o.n(), o.temperatures[i], o.seed() * 1000 + i);
            runs.add(new KrotovTrainer.Run(init, x, Set200.set().classes(),
                    KrotovTrainer.Options.paper(o.epochs()).withLearningRate(o.rate())));
        }
        return KrotovTrainer.trainBatch(runs, threads, null).stream().map(KrotovTrainer.Result::last).toList();
    }

    /**
     * The final classifier at temperature T: kept from this session's run, else trained again with the batch it was
     * computed in (deterministic: the same as the run the table came from).
     */
    public DenseClassifier finalState(double t) {
        DenseClassifier c = finalStates.get(t);
        if (c != null) return c;
        for (int i = 0; i < options.temperatures.length; i++)
            if (options.temperatures[i] == t) {
                int b = batchSize(options), from = i / b * b;
                int[] batch = java.util.stream.IntStream.range(from, Math.min(options.temperatures.length, from + b)).toArray();
                return train(options, batch, options.sweep().threads()).get(i - from);
            }
        throw new IllegalArgumentException("temperature " + t + " is not in the sweep " + Arrays.toString(options.temperatures));
    }

    /** Number of memories with l_d &gt; 0.98. */
    public static int population(DenseClassifier c, int d) {
        int count = 0;
        for (int mu = 0; mu < c.memoryCount(); mu++) if (c.label(mu, d) > POPULATION_THRESHOLD) count++;
        return count;
    }

    /** pop_d at temperature T (−1 if T is not in the sweep). */
    public int population(int d, double t) {
        for (int r = 0; r < table.rowCount(); r++)
            if (table.doubleColumn("T").getDouble(r) == t) return table.intColumn("pop_" + d).getInt(r);
        return -1;
    }

    /** Smallest pop_d over the ten digits at T. */
    public int minPopulation(double t) {
        int m = Integer.MAX_VALUE;
        for (int d = 0; d < FewMemoryTraining.CLASSES; d++) m = Math.min(m, population(d, t));
        return m;
    }

    /** Σ_d pop_d at T (a memory may count for several digits). */
    public int totalPopulation(double t) {
        int s = 0;
        for (int d = 0; d < FewMemoryTraining.CLASSES; d++) s += population(d, t);
        return s;
    }

    /** "d:T_last" for every digit, e.g. "0:650 1:800 …" (NaN = never populated). */
    public String lastTemperatureSummary() {
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d < FewMemoryTraining.CLASSES; d++) {
            double t = lastTemperature(d);
            sb.append(d == 0 ? "" : " ").append(d).append(':').append(Double.isNaN(t) ? "none" : Long.toString(Math.round(t)));
        }
        return sb.toString();
    }

    /** The last temperature of the sweep at which digit d still has a memory (NaN if never). */
    public double lastTemperature(int d) {
        double last = Double.NaN;
        for (int r = 0; r < table.rowCount(); r++)
            if (table.intColumn("pop_" + d).getInt(r) > 0) {
                double t = table.doubleColumn("T").getDouble(r);
                if (Double.isNaN(last) || t > last) last = t;
            }
        return last;
    }

    /**
     * Whether classes vanish in the paper's order: max(T_last(0), T_last(2)) &lt; min(T_last(4), T_last(7),
     * T_last(9)) ≤ T_last(1) (spec §6 Fig 8).
     */
    public boolean vanishInPaperOrder() {
        double first = Math.max(lastTemperature(0), lastTemperature(2));
        double middle = Math.min(lastTemperature(4), Math.min(lastTemperature(7), lastTemperature(9)));
        return first < middle && middle <= lastTemperature(1);
    }

    /** One row per digit: the last temperature (and T_r) at which it still has a memory. */
    public Table lastTemperatures() {
        Table t = Table.create("last temperature with a memory", IntColumn.create("digit"), DoubleColumn.create("T_last"),
                DoubleColumn.create("T_r_last"));
        for (int d = 0; d < FewMemoryTraining.CLASSES; d++) {
            t.intColumn("digit").append(d);
            t.doubleColumn("T_last").append(lastTemperature(d));
            t.doubleColumn("T_r_last").append(lastTemperature(d) / 784);
        }
        return t;
    }
}
