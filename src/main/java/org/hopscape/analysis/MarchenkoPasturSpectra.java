package org.hopscape.analysis;

import org.hopscape.util.RecordMaps;
import org.hopscape.util.Blas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.hopscape.util.Check;
import org.hopscape.util.Progress;
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
import java.util.function.IntConsumer;

/**
 * Empirical spectra of ΞᵀΞ for random memories ξ_i^μ ~ N(0, 1/N_h) (003 §5.4) against the
 * {@link MarchenkoPastur} law: smallest and largest nonzero eigenvalues vs the Tracy–Widom-corrected edges,
 * Kolmogorov–Smirnov distance of one draw, histogram of pooled draws (spec 003 §5.3–5.4, §6.4).
 *
 * <p>Nonzero eigenvalues come from the smaller Gram matrix (ΞΞᵀ if N_h ≤ N_v, else ΞᵀΞ): the same nonzero
 * spectrum at cost min(N_h, N_v)³. Each draw has its own random stream (seed, N_v, α, draw) — the cell's own
 * parameters, not its index in the sweep — so results
 * do not depend on the number of threads.
 */
public final class MarchenkoPasturSpectra {
    private MarchenkoPasturSpectra() {}

    /**
     * @param visible N_v
     * @param loads   α values; N_h = round(α N_v)
     * @param draws   draws per load for the λ_min / λ_max means (the first also gives the KS distance)
     * @param pooled  draws pooled for the histogram (≤ draws)
     * @param bins    histogram bins on [λ₋, λ₊]
     * @param threads worker threads (results do not depend on it)
     */
    public record Options(int visible, double[] loads, int draws, int pooled, int bins, int threads) {
        /** Inverse of {@link #toMap()}: keys the map does not name keep the value of {@code paper()}. */
        public static Options of(Map<String, ?> map) {
            return RecordMaps.of(map, paper());
        }

        public Options {
            Check.positive("visible", visible);
            if (loads == null || loads.length == 0) throw new IllegalArgumentException("loads must not be empty");
            loads = loads.clone();
            for (int i = 0; i < loads.length; i++) {
                Check.positive("loads[" + i + "]", loads[i]);
                if (Math.round(loads[i] * visible) < 1)
                    throw new IllegalArgumentException("loads[" + i + "] = " + loads[i] + " gives no memory at N_v = " + visible);
            }
            Check.positive("draws", draws);
            Check.inRange("pooled", pooled, 1, draws);
            Check.positive("bins", bins);
            Check.positive("threads", threads);
            Check.arraySize("loads × draws", loads.length, draws);
            Check.fitsInMemory("λ_min and λ_max of every draw (loads × draws)",
                    Check.product("loads × draws", loads.length, draws, 2L * Double.BYTES));
        }

        /** Spec 003 §6.4 full: N_v = 1000, α ∈ {0.15, 0.25, 0.6}, 200 draws, 10 pooled, 40 bins. */
        public static Options paper() {
            return new Options(1000, new double[] {0.15, 0.25, 0.6}, 200, 10, 40, defaultThreads());
        }

        /** Spec 003 §6.4 quick: N_v = 400, 50 draws, 3 pooled. */
        public static Options quick() {
            return new Options(400, new double[] {0.15, 0.25, 0.6}, 50, 3, 40, defaultThreads());
        }

        @Override
        public double[] loads() {
            return loads.clone();
        }

        public Options withThreads(int threads) {
            return new Options(visible, loads, draws, pooled, bins, threads);
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("visible", visible);
            m.put("loads", Arrays.toString(loads));
            m.put("draws", draws);
            m.put("pooled", pooled);
            m.put("bins", bins);
            return m;
        }

        public Options withVisible(int visible) {
            return new Options(visible, loads, draws, pooled, bins, threads);
        }

        public Options withLoads(double... loads) {
            return new Options(visible, loads, draws, pooled, bins, threads);
        }

        public Options withDraws(int draws) {
            return new Options(visible, loads, draws, pooled, bins, threads);
        }

        public Options withPooled(int pooled) {
            return new Options(visible, loads, draws, pooled, bins, threads);
        }

        public Options withBins(int bins) {
            return new Options(visible, loads, draws, pooled, bins, threads);
        }
    }

    /**
     * Statistics for one load.
     *
     * @param pooledEigenvalues the nonzero eigenvalues of the first {@code pooled} draws
     * @param ks                KS distance of draw 0 to the law
     * @param totalVariation    ½Σ|histogram − law| of the pooled eigenvalues
     * @param smallest          λ_min of every draw (draw order)
     * @param largest           λ_max of every draw
     * @param ksPerDraw         KS distance of every draw's nonzero spectrum to the law ({@code ksPerDraw[0] == ks})
     */
    public record LoadSpectrum(double load, int nHidden, int nVisible, double meanSmallest, double sdSmallest,
                               double meanLargest, double sdLargest, double ks, double totalVariation,
                               double outsideFraction, int draws, double[] pooledEigenvalues, double[] smallest,
                               double[] largest, double[] ksPerDraw) {
        /** Mean KS distance over the draws. */
        public double meanKs() {
            return mean(ksPerDraw);
        }

        /** Largest KS distance over the draws. */
        public double maxKs() {
            return Arrays.stream(ksPerDraw).max().orElseThrow();
        }

        public MarchenkoPastur law() {
            return MarchenkoPastur.of(nHidden, nVisible);
        }

        /** Tracy–Widom-corrected E[λ_min] (spec 003 §5.3). */
        public double expectedSmallest() {
            return MarchenkoPastur.expectedSmallest(nVisible, nHidden);
        }

        public double expectedLargest() {
            return MarchenkoPastur.expectedLargest(nVisible, nHidden);
        }

        /** Spec 003 §5.3 (a): |mean λ_min − E_TW| ≤ max(4 sd/√R, 0.005 λ₋) — returns that tolerance. */
        public double smallestTolerance() {
            return Math.max(4 * MarchenkoPastur.sdSmallest(nVisible, nHidden) / Math.sqrt(draws), 0.005 * law().lowerEdge());
        }

        public double largestTolerance() {
            return Math.max(4 * MarchenkoPastur.sdLargest(nVisible, nHidden) / Math.sqrt(draws), 0.005 * law().upperEdge());
        }

        /**
         * ½√(2·bins/(πM)), M = number of pooled eigenvalues: a bound on the mean total variation of a {@code bins}-bin
         * histogram of M independent draws from the law itself (a bin's count is binomial, E|count − Mp_b| ≤
         * √(2Mp_b/π) to leading order, and Σ_b √p_b ≤ √bins). Eigenvalues repel and fit better than independent
         * draws, so {@link #totalVariation()} above it means a misfit, not sampling noise.
         */
        public double samplingTotalVariation(int bins) {
            return 0.5 * Math.sqrt(2.0 * bins / (Math.PI * pooledEigenvalues.length));
        }
    }

    /** Results for all loads. */
    public record Result(Options options, long seed, List<LoadSpectrum> spectra) {
        public Result {
            spectra = List.copyOf(spectra);
        }

        public LoadSpectrum at(double load) {
            for (LoadSpectrum s : spectra) if (Math.abs(s.load() - load) < 1e-12) return s;
            throw new IllegalArgumentException("load " + load + " not in " + Arrays.toString(options.loads()));
        }

        /** One row per load: limit edges, TW-corrected and measured edge means, KS and TV. */
        public Table toTable() {
            DoubleColumn load = DoubleColumn.create("alpha");
            IntColumn nh = IntColumn.create("N_h");
            DoubleColumn lo = DoubleColumn.create("lambda- limit"), loTw = DoubleColumn.create("E lambda_min TW"),
                    loSim = DoubleColumn.create("mean lambda_min"), loSd = DoubleColumn.create("sd lambda_min"),
                    hi = DoubleColumn.create("lambda+ limit"), hiTw = DoubleColumn.create("E lambda_max TW"),
                    hiSim = DoubleColumn.create("mean lambda_max"), ks = DoubleColumn.create("KS (1 draw)"),
                    tv = DoubleColumn.create("TV (pooled)"), out = DoubleColumn.create("outside fraction");
            for (LoadSpectrum s : spectra) {
                load.append(s.load());
                nh.append(s.nHidden());
                lo.append(s.law().lowerEdge());
                loTw.append(s.expectedSmallest());
                loSim.append(s.meanSmallest());
                loSd.append(s.sdSmallest());
                hi.append(s.law().upperEdge());
                hiTw.append(s.expectedLargest());
                hiSim.append(s.meanLargest());
                ks.append(s.ks());
                tv.append(s.totalVariation());
                out.append(s.outsideFraction());
            }
            return Table.create("Marchenko–Pastur spectra, N_v = " + options.visible(), load, nh, lo, loTw, loSim, loSd,
                    hi, hiTw, hiSim, ks, tv, out);
        }

    }

    /** Run without progress reports. */
    public static Result run(Options o, long seed) {
        return run(o, seed, Progress.NONE);
    }

    /**
     * Draw, diagonalise and compare, in parallel over draws: a {@link Sweep} over the (load, draw) cells on local threads
     * ({@code o.threads()}), or on Apache Spark when the setting HOPSCAPE_SPARK_MASTER names a master.
     */
    public static Result run(Options o, long seed, Progress progress) {
        return run(o, seed, Sweep.Options.inMemory().withThreads(o.threads()).withProgress(progress));
    }

    /** Version of a draw's computation in sweep checkpoint keys (bump when its results change). */
    public static final String ALGORITHM = "mp-spectra/1";

    /**
     * As {@link #run(Options, long, Progress)} on the given sweep options (threads, checkpoint folder, engine): point
     * l·draws + d is draw d of load l, its rows λ_min, λ_max and KS of that draw, and for the first {@code pooled} draws
     * every nonzero eigenvalue (one row each; otherwise one row). A draw depends on (seed, N_v, α, d) only, so the result
     * is the same on any engine and thread count.
     */
    public static Result run(Options o, long seed, Sweep.Options sweep) {
        Check.notNull("sweep", sweep);
        double[] loads = o.loads();
        int nv = o.visible(), draws = o.draws(), pooledDraws = o.pooled();
        Map<String, Object> p = new LinkedHashMap<>(o.toMap());
        p.put("seed", seed);
        // captures numbers and arrays only: serialisable, for a distributed engine
        Sweep.PointTask draw = job -> {
            int l = job / draws, d = job % draws;
            int nh = hiddenCount(loads[l], nv);
            double[] xi = memories(nh, nv, cellStream(seed, SPECTRA_TAG, nv, loads[l], d));
            double[] ev = nonzeroEigenvalues(xi, nh, nv);
            double ks = MarchenkoPastur.of(nh, nv).ksDistance(ev);
            double[] kept = d < pooledDraws ? ev : new double[] {ev[0]};
            int rows = kept.length;
            double[] lo = new double[rows], hi = new double[rows], k = new double[rows];
            Arrays.fill(lo, ev[0]);
            Arrays.fill(hi, ev[ev.length - 1]);
            Arrays.fill(k, ks);
            return Table.create("draw", DoubleColumn.create("lambda_min", lo), DoubleColumn.create("lambda_max", hi),
                    DoubleColumn.create("ks", k), DoubleColumn.create("eigenvalue", kept));
        };
        Table t = Sweep.run("003-mp-spectra", ALGORITHM, loads.length * draws, draw, p, seed, sweep);
        double[][] smallest = new double[loads.length][draws], largest = new double[loads.length][draws];
        double[][][] pooled = new double[loads.length][pooledDraws][];
        double[][] ks = new double[loads.length][draws];
        IntColumn point = t.intColumn(Sweep.POINT);
        DoubleColumn lo = t.doubleColumn("lambda_min"), hi = t.doubleColumn("lambda_max"), kc = t.doubleColumn("ks"),
                ev = t.doubleColumn("eigenvalue");
        for (int r = 0; r < t.rowCount(); ) {
            int job = point.getInt(r), l = job / draws, d = job % draws, from = r;
            while (r < t.rowCount() && point.getInt(r) == job) r++;
            smallest[l][d] = lo.getDouble(from);
            largest[l][d] = hi.getDouble(from);
            ks[l][d] = kc.getDouble(from);
            if (d < pooledDraws) {
                double[] e = new double[r - from];
                for (int i = from; i < r; i++) e[i - from] = ev.getDouble(i);
                pooled[l][d] = e;
            }
        }
        List<LoadSpectrum> out = new ArrayList<>();
        for (int l = 0; l < loads.length; l++) {
            int nh = hiddenCount(loads[l], nv);
            double[] all = Arrays.stream(pooled[l]).flatMapToDouble(Arrays::stream).toArray();
            MarchenkoPastur law = MarchenkoPastur.of(nh, nv);
            out.add(new LoadSpectrum(loads[l], nh, nv, mean(smallest[l]), sd(smallest[l]), mean(largest[l]),
                    sd(largest[l]), ks[l][0], law.totalVariation(all, o.bins()), law.outsideFraction(all), draws, all,
                    smallest[l], largest[l], ks[l]));
        }
        return new Result(o, seed, out);
    }

    /**
     * Finite-size offset of the smallest nonzero eigenvalue above the limit edge, E[λ_min] − λ₋, for several N_v
     * at one load (spec 003 §5.3 (b)): Tracy–Widom scaling predicts it shrinks like N^{−2/3}.
     *
     * @param meanSmallest mean λ_min over {@code draws} draws, per size
     * @param sdSmallest   its standard deviation over draws, per size
     */
    public record EdgeScaling(double load, int[] visibles, int draws, double[] meanSmallest, double[] sdSmallest) {
        public int nHidden(int i) {
            return hiddenCount(load, visibles[i]);
        }

        /** Measured offset E[λ_min] − λ₋ at size index i (λ₋ at the realised load N_h/N_v). */
        public double offset(int i) {
            return meanSmallest[i] - MarchenkoPastur.of(nHidden(i), visibles[i]).lowerEdge();
        }

        /** Tracy–Widom offset at size index i. */
        public double expectedOffset(int i) {
            return MarchenkoPastur.expectedSmallest(visibles[i], nHidden(i))
                    - MarchenkoPastur.of(nHidden(i), visibles[i]).lowerEdge();
        }

        /** offset(last) / offset(first). */
        public double offsetRatio() {
            return offset(visibles.length - 1) / offset(0);
        }

        /**
         * Standard error of {@link #offsetRatio()} from the draws (delta method: each offset's error is the sd of
         * λ_min over √draws; the ratio's relative error adds them in quadrature).
         */
        public double offsetRatioError() {
            int last = visibles.length - 1;
            double eFirst = sdSmallest[0] / Math.sqrt(draws) / offset(0), eLast = sdSmallest[last] / Math.sqrt(draws) / offset(last);
            return Math.abs(offsetRatio()) * Math.hypot(eFirst, eLast);
        }

        /** (N_first / N_last)^{2/3}. */
        public double scalingRatio() {
            return Math.pow((double) visibles[0] / visibles[visibles.length - 1], 2.0 / 3);
        }

        public Table toTable() {
            IntColumn nv = IntColumn.create("N_v"), nh = IntColumn.create("N_h");
            DoubleColumn lo = DoubleColumn.create("lambda- limit"), mean = DoubleColumn.create("mean lambda_min"),
                    sd = DoubleColumn.create("sd lambda_min"), off = DoubleColumn.create("offset"),
                    tw = DoubleColumn.create("TW offset"), rel = DoubleColumn.create("offset / lambda- (%)");
            for (int i = 0; i < visibles.length; i++) {
                double edge = MarchenkoPastur.of(nHidden(i), visibles[i]).lowerEdge();
                nv.append(visibles[i]);
                nh.append(nHidden(i));
                lo.append(edge);
                mean.append(meanSmallest[i]);
                sd.append(sdSmallest[i]);
                off.append(offset(i));
                tw.append(expectedOffset(i));
                rel.append(100 * offset(i) / edge);
            }
            return Table.create(String.format(java.util.Locale.ROOT, "Smallest eigenvalue vs N_v, alpha = %.2f, %d draws",
                    load, draws), nv, nh, lo, mean, sd, off, tw, rel);
        }
    }

    /** Mean smallest nonzero eigenvalue at each N_v (one stream per (size, draw)). */
    public static EdgeScaling edgeScaling(double load, int[] visibles, int draws, long seed, int threads) {
        Check.positive("load", load);
        Check.positive("draws", draws);
        if (visibles == null || visibles.length < 2) throw new IllegalArgumentException("visibles needs at least 2 sizes");
        int[] vs = visibles.clone();
        for (int i = 0; i < vs.length; i++) Check.positive("visibles[" + i + "]", vs[i]);
        double[][] smallest = new double[vs.length][draws];
        forEach(vs.length * draws, threads, job -> {
            int v = job / draws, d = job % draws;
            int nh = hiddenCount(load, vs[v]);
            double[] xi = memories(nh, vs[v], cellStream(seed, EDGE_TAG, vs[v], load, d));
            smallest[v][d] = nonzeroEigenvalues(xi, nh, vs[v])[0];
        });
        double[] m = new double[vs.length], s = new double[vs.length];
        for (int v = 0; v < vs.length; v++) {
            m[v] = mean(smallest[v]);
            s[v] = sd(smallest[v]);
        }
        return new EdgeScaling(load, vs, draws, m, s);
    }

    // ---- kernels shared with Hyperbolicity ----

    /** Tags of the random streams of {@link #run} and {@link #edgeScaling}. */
    static final long SPECTRA_TAG = 0x3A9, EDGE_TAG = 0xED6E;

    /**
     * The random stream of draw d of the cell (N_v, α) in the analysis {@code tag}: keyed on the cell's own
     * parameters and the seed, never on its index in the loads or sizes arrays, so the same (N_v, α) gets the same
     * samples in every sweep that contains it.
     */
    public static SplittableRandom cellStream(long seed, long tag, int visible, double load, int draw) {
        return Rng.keyed(seed, tag, visible, Double.doubleToLongBits(load), draw);
    }

    /** N_h = round(α N_v), at least 1. */
    public static int hiddenCount(double load, int visible) {
        return (int) Math.max(1, Math.round(load * visible));
    }

    /** Ξ with i.i.d. N(0, 1/N_h) entries (003 §5.4), N_h × N_v row-major. */
    public static double[] memories(int nHidden, int nVisible, SplittableRandom rng) {
        double sd = 1 / Math.sqrt(nHidden);
        double[] xi = new double[nHidden * nVisible];
        for (int i = 0; i < xi.length; i++) xi[i] = sd * rng.nextGaussian();
        return xi;
    }

    /**
     * The smaller Gram matrix: ΞΞᵀ (N_h × N_h) if N_h ≤ N_v, else ΞᵀΞ (N_v × N_v), row-major (OpenBLAS dgemm).
     */
    public static double[] smallGram(double[] xi, int nh, int nv) {
        Check.sameSize("xi.length", xi.length, "nh*nv", nh * nv);
        int n = Math.min(nh, nv);
        double[] g = new double[n * n];
        if (nh <= nv) Blas.gemm(false, true, nh, nh, nv, 1.0, xi, xi, 0.0, g);   // ΞΞᵀ
        else Blas.gemm(true, false, nv, nv, nh, 1.0, xi, xi, 0.0, g);             // ΞᵀΞ
        return g;
    }

    /** The min(N_h, N_v) nonzero eigenvalues of ΞᵀΞ, ascending (EJML symmetric QR on {@link #smallGram}). */
    public static double[] nonzeroEigenvalues(double[] xi, int nh, int nv) {
        int n = Math.min(nh, nv);
        return symmetricEigenvalues(smallGram(xi, nh, nv), n);
    }

    /** The min(N_h, N_v) nonzero eigenvalues of ΞᵀΞ for Ξ given as rows (N_h × N_v), ascending. */
    public static double[] nonzeroEigenvalues(double[][] xi) {
        Check.finite("xi", xi);
        int nh = xi.length, nv = xi[0].length;
        double[] flat = new double[Check.arraySize("nh*nv", nh, nv)];
        for (int i = 0; i < nh; i++) System.arraycopy(Check.vector("xi[" + i + "]", xi[i], "nv", nv), 0, flat, i * nv, nv);
        return nonzeroEigenvalues(flat, nh, nv);
    }

    /** Eigenvalues of a symmetric n × n matrix (flat row-major, kernel layout; read, not modified), ascending. */
    public static double[] symmetricEigenvalues(double[] s, int n) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(DMatrixRMaj.wrap(n, n, s.clone())))
            throw new IllegalStateException("symmetric eigen-decomposition failed (n = " + n + ")");
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) ev[i] = eig.getEigenvalue(i).real;
        Arrays.sort(ev);
        return ev;
    }

    /**
     * True iff the smallest nonzero eigenvalue of ΞᵀΞ exceeds {@code threshold}: Cholesky of
     * (smaller Gram − threshold·1) succeeds (spec 003 §10), several times cheaper than the spectrum.
     */
    public static boolean smallestExceeds(double[] xi, int nh, int nv, double threshold) {
        int n = Math.min(nh, nv);
        double[] g = smallGram(xi, nh, nv);
        for (int i = 0; i < n; i++) g[i * n + i] -= threshold;
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
        return chol.decompose(DMatrixRMaj.wrap(n, n, g));
    }

    // ---- helpers ----

    /** Default worker threads: every available processor (results do not depend on it). */
    static int defaultThreads() {
        return org.hopscape.hopfield.kernel.Runs.defaultThreads();
    }

    /**
     * Run job(i) for i in [0, n) on {@code threads} workers; each job writes only its own slots. Stops with
     * {@link org.hopscape.util.Interrupted} when the caller is interrupted (after the draws being diagonalised).
     */
    static void forEach(int n, int threads, IntConsumer job) {
        org.hopscape.util.Parallel.forEach("Marchenko–Pastur draws", n, threads, job);
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    static double sd(double[] x) {
        if (x.length < 2) return 0;
        double m = mean(x), s = 0;
        for (double v : x) s += (v - m) * (v - m);
        return Math.sqrt(s / (x.length - 1));
    }
}
