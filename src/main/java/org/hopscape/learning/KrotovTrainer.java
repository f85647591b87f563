package org.hopscape.learning;

import org.hopscape.hopfield.DenseClassifier;
import org.hopscape.hopfield.kernel.KrotovKernel;
import org.hopscape.util.Check;
import org.hopscape.util.Progress;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Full-batch gradient training of a {@link DenseClassifier}, exactly as the authors' code of paper 000 does it
 * (spec 000 §2.3): gradients of C = Σ_σ Σ_d (c_d − t_d)^{2m} (000 Eq. 5) w.r.t. memories and labels at the same
 * (M, L), per-memory max-abs normalisation, momentum ρ, labels clipped to [−1, 1], memories rescaled so that
 * max_i |M^μ_i| ≤ 1 (never scaled up). One epoch = one such step over all samples.
 *
 * <p>Deterministic: no randomness after the initial state. The two products of an epoch run on OpenBLAS
 * (threads = {@link KrotovKernel#blasThreads()}); results do not depend on the thread count.
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

        public static Options of(Map<String, String> map) {
            String ms = map.getOrDefault("m", "n");
            return new Options(ms.equals("n") ? M_EQUALS_N : Double.parseDouble(ms),
                    Double.parseDouble(map.getOrDefault("learningRate", Double.toString(PAPER_RATE))),
                    Double.parseDouble(map.getOrDefault("momentum", "0")),
                    Integer.parseInt(map.getOrDefault("epochs", "0")),
                    Integer.parseInt(map.getOrDefault("recordEvery", "0")), Progress.NONE);
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
    public record Run(DenseClassifier initial, double[][] samples, int[] classes, Options options) {}

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
        Check.finite("samples", samples);
        int s = samples.length, n = initial.pixelCount(), k = initial.memoryCount(), c = initial.classCount();
        Check.sameSize("samples columns", samples[0].length, "pixel count", n);
        Check.sameSize("classes.length", classes.length, "samples", s);
        for (int i = 0; i < s; i++)
            if (classes[i] < 0 || classes[i] >= c)
                throw new IllegalArgumentException("classes[" + i + "] must be in [0, " + (c - 1) + "] (got " + classes[i] + ")");
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
            KrotovKernel.epoch(x, targets, m, l, s, n, k, c, step, ws);
            state.epoch = e;
            if ((every > 0 && e % every == 0) || e == epochs) snaps.add(new Snapshot(e, state.snapshot()));
            observer.onEpoch(state);
            options.progress().report("krotov epochs", e, epochs);
        }
        DenseClassifier last = snaps.getLast().state();
        return new Result(initial, last, snaps, samples, classes.clone(), options);
    }

    /**
     * Independent runs in parallel, {@code parallelRuns} at a time; while more than one runs, OpenBLAS uses one
     * thread per run (restored afterwards). Results come back in input order and equal those of {@link #train}.
     *
     * @param progress listener for epochs done over all runs
     */
    public static List<Result> trainAll(List<Run> runs, int parallelRuns, Progress progress) {
        Check.positive("parallelRuns", parallelRuns);
        Progress p = progress == null ? Progress.NONE : progress;
        long total = runs.stream().mapToLong(r -> r.options().epochs()).sum();
        AtomicLong done = new AtomicLong();
        int workers = Math.min(parallelRuns, Math.max(1, runs.size()));
        int before = KrotovKernel.blasThreads();
        if (workers > 1) KrotovKernel.setBlasThreads(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            List<Future<Result>> fs = new ArrayList<>();
            for (Run r : runs) {
                Options o = r.options().withProgress((task, d, t) -> {
                    long all = done.incrementAndGet();
                    p.report("krotov runs", all, total);
                });
                fs.add(pool.submit(() -> train(r.initial(), r.samples(), r.classes(), o)));
            }
            List<Result> out = new ArrayList<>();
            for (Future<Result> f : fs) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            if (workers > 1) KrotovKernel.setBlasThreads(before);
        }
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
