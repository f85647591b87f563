package org.hopscape.learning;

import org.hopscape.util.RecordMaps;
import org.hopscape.hopfield.GeneralizedHopfield;
import org.hopscape.hopfield.kernel.SoftmaxKernels;
import org.hopscape.util.Check;
import org.hopscape.util.Interrupts;
import org.hopscape.analysis.Sweep;
import org.hopscape.util.Progress;
import org.hopscape.util.Rng;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Noisy annealing of cells in the symmetric model of 002 (App. F.3, Eq. 35):
 * dx = (Ξᵀ softmax(β(t)Ξx + w) − x) dt + σ dW, β held at 0 for {@code holdTime}, then ramped linearly
 * 0 → β_max over {@code rampTime}; x(0) = Ξᵀ softmax(w) + ζ, ζ_j ~ U[0, ζ_max] (spec 002 §3 Fig 3, typo fix);
 * terminal type = argmax_i s_i at the end (β = β_max).
 *
 * <p>Simulated exactly in the K-dimensional row space of Ξ (002 App. B; spec §1.2): y = Vᵀx,
 * dy = (Ξ̃ᵀ softmax(βΞ̃y + w) − y) dt + σ dW_r. Cells are independent: each draws from
 * {@code Rng.stream(seed, cell)}, so results do not depend on the thread count.
 */
public final class Annealing implements java.io.Serializable { // its chunk tasks go to a sweep engine (Spark)

    /**
     * Protocol parameters.
     *
     * @param sigma        noise amplitude σ (paper 0.05)
     * @param betaMax      final inverse temperature (paper 50)
     * @param rampTime     duration of the linear β ramp (paper 20)
     * @param holdTime     time at β = 0 before the ramp (Fig 3: 0; Fig 2: 10)
     * @param dt           Euler–Maruyama step (spec choice 0.01)
     * @param initialNoise ζ_max of the uniform initial perturbation (paper 0.1)
     * @param threads      worker threads (results do not depend on it)
     * @param progress     progress listener (cells)
     */
    public record Options(double sigma, double betaMax, double rampTime, double holdTime, double dt,
                          double initialNoise, int threads, Progress progress) implements java.io.Serializable {
        /** Sent to a distributed engine's workers without the progress listener (it belongs to the caller). */
        @java.io.Serial
        private Object writeReplace() {
            return new Shipped(sigma, betaMax, rampTime, holdTime, dt, initialNoise, threads);
        }

        private record Shipped(double sigma, double betaMax, double rampTime, double holdTime, double dt,
                               double initialNoise, int threads) implements java.io.Serializable {
            @java.io.Serial
            private Object readResolve() {
                return new Options(sigma, betaMax, rampTime, holdTime, dt, initialNoise, threads, Progress.NONE);
            }
        }

        /** Inverse of {@link #toMap()}: keys the map does not name keep the value of {@code paper()}. */
        public static Options of(Map<String, ?> map) {
            return RecordMaps.of(map, paper());
        }

        public Options {
            Check.nonNegative("sigma", sigma);
            Check.nonNegative("betaMax", betaMax);
            Check.positive("rampTime", rampTime);
            Check.nonNegative("holdTime", holdTime);
            Check.positive("dt", dt);
            if (dt > rampTime) throw new IllegalArgumentException("dt must be <= rampTime = " + rampTime + " (got " + dt + ")");
            Check.nonNegative("initialNoise", initialNoise);
            long hold = Check.steps("holdTime", holdTime, "dt", dt), ramp = Check.steps("rampTime", rampTime, "dt", dt);
            if (hold + ramp > Integer.MAX_VALUE)
                throw new IllegalArgumentException("(holdTime + rampTime) / dt = " + (hold + ramp) + " steps exceeds 2³¹ − 1");
            Check.inRange("threads", threads, 1, 1024);
            if (progress == null) progress = Progress.NONE;
        }

        /** Paper values (002 App. F.3 + spec choices): σ 0.05, β 0 → 50 over t = 20, dt 0.01, ζ ~ U[0, 0.1]. */
        public static Options paper() {
            return new Options(0.05, 50, 20, 0, 0.01, 0.1, Runtime.getRuntime().availableProcessors(), Progress.NONE);
        }

        /** Spec 002 Fig 2 noisy overlay: σ 0.05, hold at β = 0 for 10, ramp 0 → 50 over 20, dt 0.01, ζ ~ U[0, 0.1]. */
        public static Options fig2() {
            return new Options(0.05, 50, 20, 10, 0.01, 0.1, Runtime.getRuntime().availableProcessors(), Progress.NONE);
        }

        /** The values a researcher starts from: {@link #paper()} (named for readers who are not reproducing 002). */
        public static Options defaults() {
            return paper();
        }

        public Options withDt(double dt) {
            return new Options(sigma, betaMax, rampTime, holdTime, dt, initialNoise, threads, progress);
        }

        public Options withBetaMax(double betaMax) {
            return new Options(sigma, betaMax, rampTime, holdTime, dt, initialNoise, threads, progress);
        }

        public Options withRampTime(double rampTime) {
            return new Options(sigma, betaMax, rampTime, holdTime, dt, initialNoise, threads, progress);
        }

        public Options withSigma(double sigma) {
            return new Options(sigma, betaMax, rampTime, holdTime, dt, initialNoise, threads, progress);
        }

        public Options withHoldTime(double holdTime) {
            return new Options(sigma, betaMax, rampTime, holdTime, dt, initialNoise, threads, progress);
        }

        public Options withInitialNoise(double initialNoise) {
            return new Options(sigma, betaMax, rampTime, holdTime, dt, initialNoise, threads, progress);
        }

        public Options withThreads(int threads) {
            return new Options(sigma, betaMax, rampTime, holdTime, dt, initialNoise, threads, progress);
        }

        public Options withProgress(Progress progress) {
            return new Options(sigma, betaMax, rampTime, holdTime, dt, initialNoise, threads, progress);
        }

        /** Euler steps of hold + ramp. */
        public int steps() {
            return holdSteps() + rampSteps();
        }

        int holdSteps() { return (int) Math.round(holdTime / dt); }

        int rampSteps() { return (int) Math.round(rampTime / dt); }

        /** β at step i (time i·dt): 0 during the hold, then linear. */
        public double betaAt(int step) {
            int r = step - holdSteps();
            return r <= 0 ? 0 : betaMax * Math.min(1.0, (double) r / rampSteps());
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sigma", sigma);
            m.put("betaMax", betaMax);
            m.put("rampTime", rampTime);
            m.put("holdTime", holdTime);
            m.put("dt", dt);
            m.put("initialNoise", initialNoise);
            return m;
        }
    }

    /**
     * What to record besides fates.
     *
     * @param trajectoryCells cells (the first ones) whose reduced state y is stored
     * @param trajectoryEvery time between stored states (0.5 for Fig 3A); may be 0 when trajectoryCells = 0
     * @param softmaxEvery    time between softmax snapshots averaged per fate (0.1 for Fig 3B); 0 = none
     */
    public record Recording(int trajectoryCells, double trajectoryEvery, double softmaxEvery) {
        /** Fates only: no trajectories, no softmax snapshots. */
        public static final Recording NONE = new Recording(0, 0, 0);

        public Recording {
            Check.nonNegative("trajectoryCells", trajectoryCells);
            if (trajectoryCells > 0) Check.positive("trajectoryEvery", trajectoryEvery);
            else Check.nonNegative("trajectoryEvery", trajectoryEvery);
            Check.nonNegative("softmaxEvery", softmaxEvery);
        }

        /** {@link #NONE}: record fates only; add what you need with {@code with…}. */
        public static Recording none() {
            return NONE;
        }

        /** Inverse of {@link #toMap()}: keys the map does not name keep the value of {@link #none()}. */
        public static Recording of(Map<String, ?> map) {
            return RecordMaps.of(map, NONE);
        }

        /** The first {@code cells} cells' reduced states every {@code every} time units (0 cells: every may be 0). */
        public Recording withTrajectories(int cells, double every) {
            return new Recording(cells, every, softmaxEvery);
        }

        public Recording withTrajectoryCells(int cells) {
            return new Recording(cells, trajectoryEvery, softmaxEvery);
        }

        public Recording withTrajectoryEvery(double every) {
            return new Recording(trajectoryCells, every, softmaxEvery);
        }

        public Recording withSoftmaxEvery(double every) {
            return new Recording(trajectoryCells, trajectoryEvery, every);
        }

        public Map<String, String> toMap() {
            return RecordMaps.toMap(this);
        }
    }

    /**
     * How "raise entry i by 20 %" acts on w (spec 002 §3 Fig 3C/D ambiguity): ADD_LOG w_i + ln(1 + f) (default:
     * baseline enhancer activity e^{w_i} × (1 + f)), MULTIPLY w_i × (1 + f), ADD w_i + f.
     */
    public enum Boost { ADD_LOG, MULTIPLY, ADD }

    /** A copy of w with entry i raised by the fraction f under the given rule. */
    public static double[] boost(double[] w, int i, Boost mode, double f) {
        Check.finite("w", w);
        Check.notNull("mode", mode);
        Check.inRange("i", i, 0, w.length - 1);
        Check.finite("f", f);
        double[] out = w.clone();
        out[i] = switch (mode) {
            case ADD_LOG -> w[i] + Math.log1p(f);
            case MULTIPLY -> w[i] * (1 + f);
            case ADD -> w[i] + f;
        };
        return out;
    }

    private static final int CHUNK = 64;
    private static final double COMMITTED = 0.9;

    private final int k, r;
    private final double[] red;       // Ξ̃ = ΞV, row-major K×r, lower triangular (Gram–Schmidt order)
    private final int[] rowLength;    // Ξ̃_ic = 0 for c ≥ rowLength[i]
    private final double[][] basis;   // V, N×r
    private final Options options;

    /** An annealing engine for the patterns Ξ (K×N, symmetric model). */
    public Annealing(double[][] memories, Options options) {
        Check.notNull("options", options);
        Check.finite("memories", memories);
        this.options = options;
        GeneralizedHopfield.Reduction reduction =
                GeneralizedHopfield.symmetric(memories, new double[memories.length], 0).reduce();
        this.k = memories.length;
        this.r = reduction.basis()[0].length;
        this.red = reduction.model().memoriesFlat();
        this.basis = reduction.basis();
        // basis vector c is orthogonal to patterns 0..i when it was created after pattern i: zero those entries
        // exactly (they are rounding noise) so the hot loops skip them
        this.rowLength = new int[k];
        for (int i = 0; i < k; i++) {
            int len = 0;
            for (int c = 0; c < r; c++) if (Math.abs(red[i * r + c]) > 1e-12) len = c + 1;
            rowLength[i] = len;
            for (int c = len; c < r; c++) red[i * r + c] = 0;
        }
    }

    public Options options() { return options; }

    public int patterns() { return k; }

    /** Reduced dimension r = rank Ξ. */
    public int reducedDimension() { return r; }

    /** Reduced coordinates y = Vᵀx of a full state. */
    public double[] project(double[] x) {
        Check.vector("x", x, "N (pattern length)", basis.length);
        double[] y = new double[r];
        for (int j = 0; j < basis.length; j++) for (int c = 0; c < r; c++) y[c] += basis[j][c] * x[j];
        return y;
    }

    /** Outcome of one batch of cells. */
    public record Run(double[] weights, int[] fates, double[] fractions, double committed, double[] snapshotTimes,
                      double[] snapshotBetas, double[][][] meanSoftmax, int[] fateCounts,
                      double[][][] trajectories, double[] trajectoryTimes) {
        /** Mean softmax over cells of terminal type {@code fate} at time t (a snapshot time, within 1e-9): [lineage]. */
        public double[] meanSoftmaxAt(int fate, double t) {
            return meanSoftmax(fate)[recordIndex(snapshotTimes, t, "softmax snapshot")].clone();
        }

        /** Reduced state y of the recorded cell at time t (a recorded time, within 1e-9). */
        public double[] trajectoryAt(int cell, double t) {
            Check.index("cell", cell, trajectories.length);
            return trajectories[cell][recordIndex(trajectoryTimes, t, "trajectory record")].clone();
        }

        private static int recordIndex(double[] times, double t, String what) {
            for (int i = 0; i < times.length; i++) if (Math.abs(times[i] - t) <= 1e-9 * Math.max(1, Math.abs(t))) return i;
            throw new IllegalArgumentException("t = " + t + " is not a " + what + " time (" + times.length + " records"
                    + (times.length == 0 ? "" : " from " + times[0] + " to " + times[times.length - 1]) + ")");
        }

        /** Mean softmax over cells of terminal type {@code fate}: [snapshot][lineage]. */
        public double[][] meanSoftmax(int fate) {
            Check.index("fate", fate, fractions.length);
            return meanSoftmax[fate];
        }

        /** Fate fractions and w per lineage as a table. */
        public tech.tablesaw.api.Table fractionsTable(List<String> names, String title) {
            Check.notNull("names", names);
            Check.sameSize("names", names.size(), "K", fractions.length);
            return tech.tablesaw.api.Table.create(title, tech.tablesaw.api.StringColumn.create("lineage", names),
                    tech.tablesaw.api.DoubleColumn.create("w", weights),
                    tech.tablesaw.api.DoubleColumn.create("fraction", fractions),
                    tech.tablesaw.api.IntColumn.create("cells", fateCounts));
        }

        /** max_i |ρ_i − ρ'_i| against another run (e.g. a different dt). */
        public double maxFractionDifference(Run other) {
            checkOther(other);
            double m = 0;
            for (int i = 0; i < fractions.length; i++) m = Math.max(m, Math.abs(fractions[i] - other.fractions[i]));
            return m;
        }

        private void checkOther(Run other) {
            Check.notNull("other", other);
            Check.sameSize("other lineages", other.fractions.length, "lineages", fractions.length);
        }

        /** max over fates and lineages of |mean s(t = 0) − softmax(w)| (β = 0 at t = 0, so exactly 0 up to rounding). */
        public double initialShareError() {
            double[] s = weights.clone();
            SoftmaxKernels.softmaxInPlace(s, s.length);
            double m = 0;
            for (int f = 0; f < fractions.length; f++)
                if (fateCounts[f] > 0 && meanSoftmax[f].length > 0)
                    for (int i = 0; i < s.length; i++) m = Math.max(m, Math.abs(meanSoftmax[f][0][i] - s[i]));
            return m;
        }

        /** max_i |ρ_i − 1/K|. */
        public double maxImbalance() {
            double m = 0;
            for (double f : fractions) m = Math.max(m, Math.abs(f - 1.0 / fractions.length));
            return m;
        }

        /**
         * min over snapshots with β ≥ {@code fromBeta} of (this run's − other run's) mean share of {@code lineage}
         * among cells of terminal type {@code fate} (Fig 3D vs 3B: ≥ 0 means this run's share is never lower).
         */
        public double minShareDifference(Run other, int fate, int lineage, double fromBeta) {
            checkOther(other);
            Check.index("fate", fate, fractions.length);
            Check.index("lineage", lineage, fractions.length);
            Check.finite("fromBeta", fromBeta);
            if (!java.util.Arrays.equals(snapshotBetas, other.snapshotBetas))
                throw new IllegalArgumentException("other has other snapshot times (another protocol or recording)");
            double min = Double.POSITIVE_INFINITY;
            for (int t = 0; t < snapshotBetas.length; t++)
                if (snapshotBetas[t] >= fromBeta)
                    min = Math.min(min, meanSoftmax[fate][t][lineage] - other.meanSoftmax[fate][t][lineage]);
            return min;
        }

        /** Mean share of {@code lineage} among cells of type {@code fate} at the first snapshot with β ≥ beta. */
        public double shareAt(int fate, int lineage, double beta) {
            Check.index("fate", fate, fractions.length);
            Check.index("lineage", lineage, fractions.length);
            Check.finite("beta", beta);
            for (int t = 0; t < snapshotBetas.length; t++)
                if (snapshotBetas[t] >= beta - 1e-9) return meanSoftmax[fate][t][lineage];
            return Double.NaN;
        }

        /**
         * For cells of terminal type {@code fate}: per lineage, the first β at which its mean share falls below
         * {@code threshold} and stays below for the rest of the run (+∞ if it never does).
         */
        public double[] dropoutBetas(int fate, double threshold) {
            Check.index("fate", fate, fractions.length);
            Check.finite("threshold", threshold);
            double[][] m = meanSoftmax[fate];
            int kk = fractions.length;
            double[] out = new double[kk];
            for (int i = 0; i < kk; i++) {
                out[i] = Double.POSITIVE_INFINITY;
                for (int t = m.length - 1; t >= 0 && m[t][i] < threshold; t--) out[i] = snapshotBetas[t];
            }
            return out;
        }
    }

    /**
     * Anneal {@code cells} fresh cells with weights w; deterministic in (seed, cell). Stops with
     * {@link org.hopscape.util.Interrupted} when the calling thread is interrupted (the workers end first).
     */
    public Run run(double[] w, int cells, long seed, Recording rec) {
        return run(w, cells, seed, rec, Sweep.Options.inMemory().withThreads(options.threads()));
    }

    /**
     * As {@link #run(double[], int, long, Recording)} on the given engine: the cells go in chunks of 64 to local threads
     * ({@code sweep.threads()}) or to Apache Spark ({@code sweep.master()}); the run is the same on either (each cell
     * draws from {@code Rng.stream(seed, cell)}; chunks are summed in order).
     */
    public Run run(double[] w, int cells, long seed, Recording rec, Sweep.Options sweep) {
        Check.notNull("sweep", sweep);
        Check.vector("w", w, "K (patterns)", k);
        Check.positive("cells", cells);
        Check.notNull("rec", rec);
        int steps = options.steps();
        int sEvery = rec.softmaxEvery() > 0 ? Math.max(1, (int) Math.round(rec.softmaxEvery() / options.dt())) : 0;
        int tEvery = rec.trajectoryEvery() > 0 ? Math.max(1, (int) Math.round(rec.trajectoryEvery() / options.dt()))
                : Math.max(1, steps);                          // nothing recorded: the start and the end only
        int nS = sEvery > 0 ? steps / sEvery + 1 : 0;
        int nT = steps / tEvery + 1;
        int tCells = Math.min(rec.trajectoryCells(), cells);
        int chunksTotal = (cells + CHUNK - 1) / CHUNK;
        Check.fitsInMemory("annealing records (rec.trajectoryCells × stored states × r, softmax snapshots per chunk)",
                Check.product("annealing records", (long) tCells * nT, r + 4L, Double.BYTES)
                        + Check.product("softmax sums", Math.min(chunksTotal, options.threads()) + 1L, (long) k * k, nS, Double.BYTES));
        double[] y0base = new double[r];
        double[] s0 = w.clone();
        SoftmaxKernels.softmaxInPlace(s0, k);
        for (int i = 0; i < k; i++) for (int c = 0; c < r; c++) y0base[c] += s0[i] * red[i * r + c];

        int chunks = (cells + CHUNK - 1) / CHUNK;
        double[] wc = w.clone();
        // chunks of cells as a Sweep.map: local threads, or Spark when HOPSCAPE_SPARK_MASTER names a master; each chunk
        // returns its cells' fates and trajectories and its per-fate softmax sums, summed below in chunk order
        Progress cellsDone = (task, done, total) -> options.progress().report("annealing cells", Math.min(cells, done * CHUNK), cells);
        List<Chunk> parts = Sweep.map("annealing", chunks, ch -> {
            int from = ch * CHUNK, to = Math.min(cells, from + CHUNK);
            double[][][] sum = nS > 0 ? new double[k][nS][k] : null;
            double[][] sbuf = nS > 0 ? new double[nS][k] : null;
            int[] fates = new int[to - from];
            boolean[] committed = new boolean[to - from];
            double[][][] traj = new double[Math.max(0, Math.min(tCells, to) - from)][][];
            Cell cell = new Cell(wc, y0base);
            for (int c = from; c < to; c++) {
                double[][] tr = c < tCells ? (traj[c - from] = new double[nT][r]) : null;
                cell.simulate(Rng.stream(seed, c), sbuf, sEvery, tr, tEvery);
                fates[c - from] = cell.fate;
                committed[c - from] = cell.maxShare > COMMITTED;
                if (sum != null) {
                    double[][] f = sum[cell.fate];
                    for (int t = 0; t < nS; t++) for (int i = 0; i < k; i++) f[t][i] += sbuf[t][i];
                }
            }
            return new Chunk(fates, committed, traj, sum);
        }, sweep.withProgress(cellsDone));
        int[] fates = new int[cells];
        boolean[] committed = new boolean[cells];
        double[][][] traj = new double[tCells][][];
        List<double[][][]> sums = new ArrayList<>(chunks);
        for (int ch = 0; ch < chunks; ch++) {
            Chunk part = parts.get(ch);
            int from = ch * CHUNK;
            System.arraycopy(part.fates(), 0, fates, from, part.fates().length);
            System.arraycopy(part.committed(), 0, committed, from, part.committed().length);
            if (part.trajectories().length > 0) System.arraycopy(part.trajectories(), 0, traj, from, part.trajectories().length);
            sums.add(part.softmaxSums());
        }
        int[] counts = new int[k];
        int nCommitted = 0;
        for (int c = 0; c < cells; c++) { counts[fates[c]]++; if (committed[c]) nCommitted++; }
        double[] fractions = new double[k];
        for (int i = 0; i < k; i++) fractions[i] = (double) counts[i] / cells;
        double[][][] mean = new double[k][nS][k];
        if (nS > 0) {
            for (double[][][] s : sums)       // chunk order: deterministic summation
                for (int f = 0; f < k; f++) for (int t = 0; t < nS; t++) for (int i = 0; i < k; i++) mean[f][t][i] += s[f][t][i];
            for (int f = 0; f < k; f++) if (counts[f] > 0)
                for (int t = 0; t < nS; t++) for (int i = 0; i < k; i++) mean[f][t][i] /= counts[f];
        }
        double[] sTimes = new double[nS], sBetas = new double[nS];
        for (int t = 0; t < nS; t++) {
            int step = Math.min(steps, t * sEvery);
            sTimes[t] = step * options.dt();
            sBetas[t] = options.betaAt(step);
        }
        double[] tTimes = new double[nT];
        for (int t = 0; t < nT; t++) tTimes[t] = Math.min(steps, t * tEvery) * options.dt();
        return new Run(w.clone(), fates, fractions, (double) nCommitted / cells, sTimes, sBetas, mean, counts, traj, tTimes);
    }

    /** Per-worker scratch state of one cell. */
    private final class Cell {
        final double[] w, y0base, y = new double[r], z = new double[k], f = new double[r];
        int fate;
        double maxShare;

        Cell(double[] w, double[] y0base) { this.w = w; this.y0base = y0base; }

        void simulate(SplittableRandom rnd, double[][] sbuf, int sEvery, double[][] traj, int tEvery) {
            // x(0) = Ξᵀ softmax(w) + ζ, ζ_j ~ U[0, ζmax] (N-dim), projected: y(0) = Ξ̃ᵀ softmax(w) + Vᵀζ
            System.arraycopy(y0base, 0, y, 0, r);
            double zeta = options.initialNoise();
            if (zeta > 0)
                for (double[] vRow : basis) {
                    double u = zeta * rnd.nextDouble();
                    for (int c = 0; c < r; c++) y[c] += vRow[c] * u;
                }
            int steps = options.steps();
            double dt = options.dt(), noise = options.sigma() * Math.sqrt(dt);
            int hold = options.holdSteps(), ramp = options.rampSteps();
            double betaMax = options.betaMax();
            int ti = 0, si = 0;
            for (int step = 0; ; step++) {
                Interrupts.checkEvery(step, 255, "annealing");
                double beta = step <= hold ? 0 : betaMax * Math.min(1.0, (double) (step - hold) / ramp);
                // 002 Eq. 35 in reduced coordinates: z = βΞ̃y + w, s = softmax(z)
                for (int i = 0; i < k; i++) {
                    double d = 0;
                    int row = i * r, len = rowLength[i];
                    for (int c = 0; c < len; c++) d += red[row + c] * y[c];
                    z[i] = beta * d + w[i];
                }
                SoftmaxKernels.softmaxInPlace(z, k);
                if (traj != null && step % tEvery == 0) System.arraycopy(y, 0, traj[ti++], 0, r);
                if (sbuf != null && step % sEvery == 0) System.arraycopy(z, 0, sbuf[si++], 0, k);
                if (step == steps) break;
                // dy = (Ξ̃ᵀ s − y) dt + σ √dt ξ
                for (int c = 0; c < r; c++) f[c] = -y[c];
                for (int i = 0; i < k; i++) {
                    double s = z[i];
                    int row = i * r, len = rowLength[i];
                    for (int c = 0; c < len; c++) f[c] += s * red[row + c];
                }
                if (noise > 0) for (int c = 0; c < r; c++) y[c] += dt * f[c] + noise * rnd.nextGaussian();
                else for (int c = 0; c < r; c++) y[c] += dt * f[c];
            }
            if (traj != null && ti < traj.length) System.arraycopy(y, 0, traj[ti], 0, r);
            if (sbuf != null && si < sbuf.length) System.arraycopy(z, 0, sbuf[si], 0, k);
            int best = 0;
            for (int i = 1; i < k; i++) if (z[i] > z[best]) best = i;
            fate = best;
            maxShare = z[best];
        }
    }

    /** What a chunk of cells gives back: fates, commitment, trajectories of its recorded cells, per-fate softmax sums. */
    private record Chunk(int[] fates, boolean[] committed, double[][][] trajectories, double[][][] softmaxSums)
            implements java.io.Serializable {}

    /** Deterministic (σ = 0) or noisy full-state path of one cell from x0, stored every {@code every} time. */
    public static double[][] path(GeneralizedHopfield model, double[] x0, Options options, double every, long seed) {
        Check.notNull("model", model);
        Check.notNull("options", options);
        int n = model.dimension();
        Check.vector("x0", x0, "N (model dimension)", n);
        Check.positive("every", every);
        int steps = options.steps(), e = Math.max(1, (int) Math.round(every / options.dt()));
        Check.fitsInMemory("stored path states", Check.product("stored path states", steps / e + 2L, 8L * n + 16));
        double[] x = x0.clone(), f = new double[n];
        double noise = options.sigma() * Math.sqrt(options.dt());
        SplittableRandom rnd = Rng.of(seed);
        List<double[]> out = new ArrayList<>();
        for (int step = 0; ; step++) {
            Interrupts.checkEvery(step, 255, "annealing path");
            if (step % e == 0 || step == steps) out.add(x.clone());
            if (step == steps) break;
            model.withBeta(options.betaAt(step)).velocity(x, f);
            for (int j = 0; j < n; j++) x[j] += options.dt() * f[j] + (noise > 0 ? noise * rnd.nextGaussian() : 0);
        }
        return out.toArray(new double[0][]);
    }
}
