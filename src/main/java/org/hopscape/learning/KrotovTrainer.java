package org.hopscape.learning;

import org.hopscape.hopfield.DenseClassifier;
import org.hopscape.hopfield.kernel.KrotovBatch;
import org.hopscape.hopfield.kernel.KrotovKernel;
import org.hopscape.util.Blas;
import org.hopscape.util.Check;
import org.hopscape.util.RecordMaps;
import org.hopscape.util.Interrupts;
import org.hopscape.util.Parallel;
import org.hopscape.util.Progress;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Full-batch gradient training of a {@link DenseClassifier}, exactly as the authors' code of paper 000 does it
 * (spec 000 §2.3): gradients of C = Σ_σ Σ_d (c_d − t_d)^{2m} (000 Eq. 5) w.r.t. memories and labels at the same
 * (M, L), per-memory max-abs normalisation, momentum ρ, labels clipped to [−1, 1], memories rescaled so that
 * max_i |M^μ_i| ≤ 1 (never scaled up). One epoch = one such step over all samples.
 *
 * <p>Deterministic: no randomness after the initial state. The two products of an epoch run on OpenBLAS with
 * {@link KrotovKernel#blasThreads()} threads for {@link #train}; some kernels (the AVX-512 ones, measured on a Zen 4
 * EPYC) round a product split over threads differently, so a single run's last digits may depend on that count
 * there. {@link #trainAll} and {@link #trainBatch} run every product on one OpenBLAS thread: their results are the
 * same on any thread count.
 */
public final class KrotovTrainer {
    private KrotovTrainer() {}

    /**
     * Training options.
     *
     * @param m            cost exponent (C = Σ (c−t)^{2m}); {@link #M_EQUALS_N} (0) means m = n, the authors' choice
     *                     in every figure; otherwise ≥ 0.5
     * @param learningRate η &gt; 0: the largest pixel / label step of a memory per epoch (paper: 0.005)
     * @param momentum     ρ ∈ [0, 1) (0 in every figure)
     * @param epochs       number of epochs ≥ 0
     * @param recordEvery  store a snapshot every this many epochs (0 = only the initial and final states)
     * @param progress     listener for epochs done
     */
    public record Options(double m, double learningRate, double momentum, int epochs, int recordEvery,
                          Progress progress) {
        /** Sentinel for "cost exponent m equals the order n" (spec 000 §1.1). */
        public static final double M_EQUALS_N = 0;
        /** Training rate of Fig. 1–3 (000 Fig. 1 caption). */
        public static final double PAPER_RATE = 0.005;

        public Options {
            if (!(m == M_EQUALS_N || (m >= 0.5 && Double.isFinite(m))))
                throw new IllegalArgumentException("m must be 0 (m = n) or a finite value >= 0.5 (got " + m + ")");
            Check.positive("learningRate", learningRate);
            Check.inRange("momentum", momentum, 0, 0.999999);
            Check.nonNegative("epochs", epochs);
            Check.nonNegative("recordEvery", recordEvery);
            if (progress == null) progress = Progress.NONE;
        }

        /** The paper's recipe (spec 000 §5): m = n, η = 0.005, ρ = 0, only initial and final states kept. */
        public static Options paper(int epochs) {
            return new Options(M_EQUALS_N, PAPER_RATE, 0, epochs, 0, Progress.NONE);
        }

        public Options withM(double m) { return new Options(m, learningRate, momentum, epochs, recordEvery, progress); }

        public Options withLearningRate(double eta) { return new Options(m, eta, momentum, epochs, recordEvery, progress); }

        public Options withMomentum(double rho) { return new Options(m, learningRate, rho, epochs, recordEvery, progress); }

        public Options withEpochs(int e) { return new Options(m, learningRate, momentum, e, recordEvery, progress); }

        public Options withRecordEvery(int r) { return new Options(m, learningRate, momentum, epochs, r, progress); }

        public Options withProgress(Progress p) { return new Options(m, learningRate, momentum, epochs, recordEvery, p); }

        /** The cost exponent m used for a model of order n. */
        public double costExponent(double n) {
            return m == M_EQUALS_N ? n : m;
        }

        /** Provenance map (round-trips through {@link #of}). */
        public Map<String, String> toMap() {
            Map<String, String> map = new LinkedHashMap<>();
            map.put("m", m == M_EQUALS_N ? "n" : Double.toString(m));
            map.put("learningRate", Double.toString(learningRate));
            map.put("momentum", Double.toString(momentum));
            map.put("epochs", Integer.toString(epochs));
            map.put("recordEvery", Integer.toString(recordEvery));
            return map;
        }

        /**
         * Inverse of {@link #toMap()} ({@link RecordMaps#of}; {@code m = n} is read as {@link #M_EQUALS_N}): keys the map
         * does not name keep the value of {@code paper(0)}; a value that does not parse is refused with its key named.
         */
        public static Options of(Map<String, ?> map) {
            Check.notNull("map", map);
            if (map.containsKey("m") && String.valueOf(map.get("m")).trim().equals("n")) {
                Map<String, Object> copy = new LinkedHashMap<>(map);
                copy.put("m", M_EQUALS_N);
                return RecordMaps.of(copy, paper(0));
            }
            return RecordMaps.of(map, paper(0));
        }
    }

    /** Read-only view of the training state, valid only during an {@link Observer} call. */
    public interface State {
        int epoch();

        int memoryCount();

        int pixelCount();

        int classCount();

        /** Row-major K×N memories; do not modify, do not keep. */
        double[] memoriesView();

        /** Row-major K×C labels; do not modify, do not keep. */
        double[] labelsView();

        /** An immutable copy of the current classifier. */
        DenseClassifier snapshot();
    }

    /** Called after every epoch (and once for epoch 0, before training). */
    @FunctionalInterface
    public interface Observer {
        Observer NONE = s -> {};

        void onEpoch(State state);
    }

    /** A stored state: the classifier after {@code epoch} train cycles (epoch 0 = initial state). */
    public record Snapshot(int epoch, DenseClassifier state) {}

    /** One training job for {@link #trainAll}. */
    public record Run(DenseClassifier initial, double[][] samples, int[] classes, Options options) {
        public Run {
            Check.notNull("initial", initial);
            Check.rows("samples", samples, "pixelCount", initial.pixelCount());
            Check.labels("classes", classes, "sample", samples.length, initial.classCount());
            Check.notNull("options", options);
        }
    }

    /**
     * Training stopped by an interrupt ({@link org.hopscape.util.Interrupted}); the runs that had finished are kept.
     *
     * @see #finished()
     */
    public static final class TrainingInterrupted extends org.hopscape.util.Interrupted {
        private final List<Result> finished;

        TrainingInterrupted(Result[] finished) {
            super("training (" + java.util.Arrays.stream(finished).filter(java.util.Objects::nonNull).count() + " of "
                    + finished.length + " runs finished and kept)");
            this.finished = java.util.Collections.unmodifiableList(java.util.Arrays.asList(finished.clone()));
        }

        /** One entry per run in input order: the result of a finished run, null for a run that did not finish. */
        public List<Result> finished() {
            return finished;
        }
    }

    /**
     * Outcome of a training run.
     *
     * @param initial   the starting classifier
     * @param last      the classifier after all epochs
     * @param snapshots stored states in epoch order (always the first and the last)
     * @param samples   the training samples (not copied)
     * @param classes   their classes
     * @param options   the options used
     */
    public record Result(DenseClassifier initial, DenseClassifier last, List<Snapshot> snapshots,
                         double[][] samples, int[] classes, Options options) {
        public Result {
            snapshots = List.copyOf(snapshots);
        }

        /** The snapshot stored at this epoch. */
        public DenseClassifier at(int epoch) {
            for (Snapshot s : snapshots) if (s.epoch() == epoch) return s.state();
            throw new IllegalArgumentException("epoch " + epoch + " was not stored (recordEvery = "
                    + options.recordEvery() + ", epochs = " + options.epochs() + ")");
        }

        /** Stored epochs in order. */
        public int[] epochs() {
            return snapshots.stream().mapToInt(Snapshot::epoch).toArray();
        }

        /** Training accuracy of the final state ({@link DenseClassifier#accuracy}). */
        public double accuracy() {
            return last.accuracy(samples, classes);
        }

        /** Per stored epoch: accuracy and recognised samples per class (the data of 000 Fig. 3C). */
        public Table toTable() {
            Table t = Table.create("Krotov training: K=" + last.memoryCount() + ", n=" + last.n() + ", T="
                    + last.temperature() + ", η=" + options.learningRate());
            IntColumn ep = IntColumn.create("epoch");
            DoubleColumn acc = DoubleColumn.create("accuracy");
            int c = last.classCount();
            IntColumn[] per = new IntColumn[c];
            for (int d = 0; d < c; d++) per[d] = IntColumn.create("correct " + d);
            for (Snapshot s : snapshots) {
                int[] r = s.state().recognisedPerClass(samples, classes);
                int tot = 0;
                for (int d = 0; d < c; d++) { per[d].append(r[d]); tot += r[d]; }
                ep.append(s.epoch());
                acc.append((double) tot / samples.length);
            }
            t.addColumns(ep, acc);
            t.addColumns(per);
            return t;
        }
    }

    // ------------------------------------------------------------------------------------------------ training

    /** Train from {@code initial} on the samples (rows of N pixels) with classes 0…C−1. */
    public static Result train(DenseClassifier initial, double[][] samples, int[] classes, Options options) {
        return train(initial, samples, classes, options, Observer.NONE);
    }

    /**
     * Train and call the observer after every epoch (epoch 0 first).
     *
     * @param initial  start state; its n and T are the model's
     * @param samples  S×N training samples (read)
     * @param classes  S classes in [0, C)
     * @param options  training options
     * @param observer called with a read-only view after each epoch
     */
    public static Result train(DenseClassifier initial, double[][] samples, int[] classes, Options options,
                               Observer observer) {
        Check.notNull("initial", initial);
        Check.notNull("options", options);
        Check.notNull("observer", observer);
        int n = initial.pixelCount(), k = initial.memoryCount(), c = initial.classCount();
        Check.rows("samples", samples, "pixelCount", n);
        int s = samples.length;
        Check.labels("classes", classes, "sample", s, c);
        Check.fitsInMemory("training work arrays (samples × memories)",
                Check.product("work arrays", s, k, 7L * Double.BYTES) + Check.product("memory arrays", k, n, 4L * Double.BYTES));
        double[] x = DenseClassifier.flatten(samples);
        double[] targets = targets(classes, c);
        double[] m = initial.flatMemories(), l = initial.flatLabels();
        KrotovKernel.Step step = new KrotovKernel.Step(initial.n(), options.costExponent(initial.n()),
                initial.temperature(), options.learningRate(), options.momentum());
        KrotovKernel.Workspace ws = new KrotovKernel.Workspace(s, n, k, c);
        MutableState state = new MutableState(initial, m, l);
        List<Snapshot> snaps = new ArrayList<>();
        snaps.add(new Snapshot(0, initial));
        observer.onEpoch(state);
        int epochs = options.epochs(), every = options.recordEvery();
        for (int e = 1; e <= epochs; e++) {
            Interrupts.check("krotov epochs");
            KrotovKernel.epoch(x, targets, m, l, s, n, k, c, step, ws);
            checkFinite(m, l, e, initial.temperature(), options.learningRate());
            state.epoch = e;
            if ((every > 0 && e % every == 0) || e == epochs) snaps.add(new Snapshot(e, state.snapshot()));
            observer.onEpoch(state);
            options.progress().report("krotov epochs", e, epochs);
        }
        DenseClassifier last = snaps.getLast().state();
        return new Result(initial, last, snaps, samples, classes.clone(), options);
    }

    /**
     * Independent runs, one run per thread ({@code threads} at a time; the baseline of the batched path). Every
     * product runs on one OpenBLAS thread (restored afterwards), whatever {@code threads} is: some kernels (e.g. the
     * AVX-512 ones) round a product differently when OpenBLAS splits it over threads, so this is what makes the
     * results the same on any thread count. Results come back in input order and equal those of {@link #train}
     * called on one OpenBLAS thread ({@link Blas#threadScope}(1)).
     *
     * @param threads  runs at a time (≥ 1)
     * @param progress listener for epochs done over all runs
     */
    public static List<Result> trainAll(List<Run> runs, int threads, Progress progress) {
        Check.notNull("runs", runs);
        for (int i = 0; i < runs.size(); i++) Check.notNull("runs[" + i + "]", runs.get(i));
        Check.positive("threads", threads);
        Progress p = progress == null ? Progress.NONE : progress;
        long total = runs.stream().mapToLong(r -> r.options().epochs()).sum();
        AtomicLong done = new AtomicLong();
        int workers = Math.min(threads, Math.max(1, runs.size()));
        Result[] out = new Result[runs.size()];
        try (Blas.ThreadScope blas = Blas.threadScope(1)) {
            Parallel.forEachCompleted("krotov runs", runs.size(), workers, i -> {
                Run r = runs.get(i);
                Options o = r.options().withProgress((task, d, t) -> p.report("krotov runs", done.incrementAndGet(), total));
                return train(r.initial(), r.samples(), r.classes(), o);
            }, (i, result) -> out[i] = result);
        } catch (org.hopscape.util.Interrupted e) {
            throw new TrainingInterrupted(out);
        }
        return List.of(out);
    }

    // ------------------------------------------------------------------------------------------------ batched

    /**
     * Stacked memory rows per batch by default: 2 runs of K = 100, 200 runs of K = 1. Larger stacks of K = 100 runs
     * were not faster on the 2-core AMD EPYC development machine (the memories of a batch then leave the L2 cache).
     */
    public static final int BATCH_ROWS = 200;

    /** Names the batched computation in checkpoint keys ({@code Sweep}): "KrotovBatch/" + {@link KrotovBatch#VERSION}. */
    public static final String BATCH_ALGORITHM = "KrotovBatch/" + KrotovBatch.VERSION;

    /** Runs per batch for runs of {@code memories} memories each: {@link #BATCH_ROWS} / K, at least 1. */
    public static int runsPerBatch(int memories) {
        Check.positive("memories", memories);
        return Math.max(1, BATCH_ROWS / memories);
    }

    /**
     * Runs that share their training samples, classes and epoch count, trained together as one batch
     * ({@link KrotovBatch}: one pair of products per epoch for all runs, per-run normalisation, rescaling, rate,
     * momentum, n, m and T). Each run follows {@link #train} to rounding; the results do not depend on
     * {@code threads}, nor on other batches running at once: the products run on one OpenBLAS thread (the count is
     * restored afterwards) and {@code threads} share the per-run work.
     * Snapshots follow each run's {@code recordEvery}; observers and per-run progress listeners are not called.
     *
     * @param runs     runs with the same samples (same values), classes and epochs; memory counts, n, T and
     *                 rates may differ
     * @param threads  threads for the per-run work (≥ 1)
     * @param progress listener for epochs of the batch done
     */
    public static List<Result> trainBatch(List<Run> runs, int threads, Progress progress) {
        Check.notNull("runs", runs);
        for (int i = 0; i < runs.size(); i++) Check.notNull("runs[" + i + "]", runs.get(i));
        Check.positive("threads", threads);
        if (runs.isEmpty()) return List.of();
        Progress p = progress == null ? Progress.NONE : progress;
        Run first = runs.getFirst();
        double[][] samples = first.samples();
        int[] classes = first.classes();
        Check.finite("samples", samples);
        int s = samples.length, n = first.initial().pixelCount(), c = first.initial().classCount();
        int epochs = first.options().epochs();
        Check.sameSize("samples columns", samples[0].length, "pixel count", n);
        Check.sameSize("classes.length", classes.length, "samples", s);
        for (int i = 0; i < s; i++)
            if (classes[i] < 0 || classes[i] >= c)
                throw new IllegalArgumentException("classes[" + i + "] must be in [0, " + (c - 1) + "] (got " + classes[i] + ")");
        int rs = runs.size();
        double[][] m = new double[rs][], l = new double[rs][];
        KrotovKernel.Step[] steps = new KrotovKernel.Step[rs];
        for (int r = 0; r < rs; r++) {
            Run run = runs.get(r);
            if (!shareSamples(first, run))
                throw new IllegalArgumentException("runs[" + r + "] must have the samples and classes of runs[0] to be batched");
            if (run.options().epochs() != epochs)
                throw new IllegalArgumentException("runs[" + r + "] must have the epochs of runs[0] (" + epochs + ", got "
                        + run.options().epochs() + ")");
            DenseClassifier init = run.initial();
            if (init.pixelCount() != n || init.classCount() != c)
                throw new IllegalArgumentException("runs[" + r + "] must have " + n + " pixels and " + c + " classes (got "
                        + init.pixelCount() + ", " + init.classCount() + ")");
            m[r] = init.flatMemories();
            l[r] = init.flatLabels();
            steps[r] = new KrotovKernel.Step(init.n(), run.options().costExponent(init.n()), init.temperature(),
                    run.options().learningRate(), run.options().momentum());
        }
        List<List<Snapshot>> snaps = new ArrayList<>();
        for (Run run : runs) {
            List<Snapshot> list = new ArrayList<>();
            list.add(new Snapshot(0, run.initial()));
            snaps.add(list);
        }
        // Every product of the batch, the first Gram and projections included, on one OpenBLAS thread: OpenBLAS rounds
        // some small products differently on more threads (the 60×60×784 Gram of the Fig 7 rows: 156 of 3600 entries),
        // so a batch's results would depend on the threads, and on when a parallel batch changed the process-wide count.
        try (Blas.ThreadScope blas = Blas.threadScope(1);
             ForkJoinPool pool = threads > 1 && rs > 1 ? new ForkJoinPool(threads) : null) {
            KrotovBatch batch = new KrotovBatch(DenseClassifier.flatten(samples), targets(classes, c), s, n, c, m, l, steps);
            for (int e = 1; e <= epochs; e++) {
                Interrupts.check("krotov batch epochs");
                batch.epoch(pool);
                for (int r = 0; r < rs; r++)
                    if (!batch.finite(r)) // the copy only to name the pixel
                        checkFinite(batch.memories(r), batch.labels(r), e, runs.get(r).initial().temperature(),
                                runs.get(r).options().learningRate());
                for (int r = 0; r < rs; r++) {
                    int every = runs.get(r).options().recordEvery();
                    if ((every > 0 && e % every == 0) || e == epochs) snaps.get(r).add(new Snapshot(e, state(batch, r, runs.get(r).initial())));
                }
                p.report("krotov batch epochs", e, epochs);
            }
        }
        List<Result> out = new ArrayList<>();
        for (int r = 0; r < rs; r++) {
            Run run = runs.get(r);
            List<Snapshot> list = snaps.get(r);
            out.add(new Result(run.initial(), list.getLast().state(), list, run.samples(), run.classes().clone(), run.options()));
        }
        return out;
    }

    private static DenseClassifier state(KrotovBatch b, int r, DenseClassifier model) {
        return DenseClassifier.ofFlat(model.memoryCount(), model.pixelCount(), model.classCount(), b.memories(r), b.labels(r),
                model.n(), model.temperature());
    }

    /** Whether two runs train on the same samples (same values) with the same classes. */
    static boolean shareSamples(Run a, Run b) {
        if (!Arrays.equals(a.classes(), b.classes())) return false;
        if (a.samples() == b.samples()) return true;
        if (a.samples().length != b.samples().length) return false;
        for (int i = 0; i < a.samples().length; i++)
            if (a.samples()[i] != b.samples()[i] && !Arrays.equals(a.samples()[i], b.samples()[i])) return false;
        return true;
    }

    /**
     * Independent runs in batches ({@link #trainBatch}): consecutive runs that share samples, classes and epochs form
     * batches of at most {@code runsPerBatch} runs, fixed by the list alone (not by the thread count), and the batches
     * run in parallel ({@code threads} split between them). Results come back in input order and do not depend on
     * {@code threads}.
     *
     * @param threads      threads in all (≥ 1); e.g. {@link org.hopscape.hopfield.kernel.Runs#defaultThreads()}
     * @param runsPerBatch most runs per batch (≥ 1); e.g. {@link #runsPerBatch(int)}
     * @param progress     listener for run-epochs done over all runs
     */
    public static List<Result> trainBatched(List<Run> runs, int threads, int runsPerBatch, Progress progress) {
        Check.notNull("runs", runs);
        for (int i = 0; i < runs.size(); i++) Check.notNull("runs[" + i + "]", runs.get(i));
        Check.positive("threads", threads);
        Check.positive("runsPerBatch", runsPerBatch);
        Progress p = progress == null ? Progress.NONE : progress;
        List<List<Integer>> batches = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            List<Integer> last = batches.isEmpty() ? null : batches.getLast();
            Run head = last == null ? null : runs.get(last.getFirst());
            if (last == null || last.size() >= runsPerBatch || !shareSamples(head, runs.get(i))
                    || head.options().epochs() != runs.get(i).options().epochs())
                batches.add(last = new ArrayList<>());
            last.add(i);
        }
        long total = runs.stream().mapToLong(r -> r.options().epochs()).sum();
        AtomicLong done = new AtomicLong();
        int concurrent = Math.min(threads, Math.max(1, batches.size())), each = Math.max(1, threads / concurrent);
        Result[] out = new Result[runs.size()];
        try {
            Parallel.forEachCompleted("krotov batches", batches.size(), concurrent, j -> {
                List<Run> rs = batches.get(j).stream().map(runs::get).toList();
                return trainBatch(rs, each, (task, d, t) -> p.report("krotov runs", done.addAndGet(rs.size()), total));
            }, (j, res) -> {
                List<Integer> b = batches.get(j);
                for (int i = 0; i < b.size(); i++) out[b.get(i)] = res.get(i);
            });
        } catch (org.hopscape.util.Interrupted e) {
            throw new TrainingInterrupted(out);
        }
        return List.of(out);
    }

    /**
     * After an epoch: every memory pixel and label must still be finite. A NaN or ∞ means the training diverged —
     * ⟨M|σ⟩/T overflowed (a temperature far too small for the data) or the rate made the update overflow.
     */
    static void checkFinite(double[] m, double[] l, int epoch, double temperature, double rate) {
        for (int i = 0; i < m.length; i++)
            if (!Double.isFinite(m[i]))
                throw new IllegalArgumentException("training diverged at epoch " + epoch + ": memory pixel " + i
                        + " is " + m[i] + "; temperature = " + temperature + " is too small for these samples (⟨M|σ⟩/T"
                        + " overflows) or learningRate = " + rate + " too large");
        for (int i = 0; i < l.length; i++)
            if (!Double.isFinite(l[i]))
                throw new IllegalArgumentException("training diverged at epoch " + epoch + ": label " + i + " is " + l[i]
                        + "; temperature = " + temperature + " is too small for these samples (F(⟨M|σ⟩/T) overflows)");
    }

    /** Targets t_d = +1 for the true class, −1 for the others (000 Appendix); S×C row-major. */
    public static double[] targets(int[] classes, int classCount) {
        double[] t = new double[classes.length * classCount];
        java.util.Arrays.fill(t, -1.0);
        for (int i = 0; i < classes.length; i++) t[i * classCount + classes[i]] = 1.0;
        return t;
    }

    private static final class MutableState implements State {
        final DenseClassifier model;
        final double[] m, l;
        int epoch;

        MutableState(DenseClassifier model, double[] m, double[] l) {
            this.model = model;
            this.m = m;
            this.l = l;
        }

        @Override public int epoch() { return epoch; }

        @Override public int memoryCount() { return model.memoryCount(); }

        @Override public int pixelCount() { return model.pixelCount(); }

        @Override public int classCount() { return model.classCount(); }

        @Override public double[] memoriesView() { return m; }

        @Override public double[] labelsView() { return l; }

        @Override public DenseClassifier snapshot() {
            return DenseClassifier.ofFlat(model.memoryCount(), model.pixelCount(), model.classCount(), m, l,
                    model.n(), model.temperature());
        }
    }
}
