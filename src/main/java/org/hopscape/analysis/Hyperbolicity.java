package org.hopscape.analysis;

import org.hopscape.util.RecordMaps;
import org.hopscape.plot.Figures;
import org.hopscape.util.Check;
import org.hopscape.util.Progress;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hyperbolicity of the origin of 003 Eq. 27 (b = I = 0) for random memories ξ_i^μ ~ N(0, 1/N_h) (003 §5.4,
 * App. A; spec 003 §5.5). The Jacobian there is −1 + ΞᵀΞ (Eq. 29), eigenvalues λ_k − 1; the N_v − N_h zero
 * eigenvalues give −1 and are harmless. Two measurable quantities (an eigenvalue equal to 1 has probability 0):
 * <ul>
 *   <li>gap indicator G = [λ_min(nonzero) > 1], the paper's sufficient condition; in the limit λ₋ > 1 ⇔ α &lt; 1/4;</li>
 *   <li>distance d = min over nonzero λ_k of |λ_k − 1|, limit max(1/α − 2/√α, 0).</li>
 * </ul>
 * Each draw has its own stream keyed on (seed, N_v, α, draw) — the cell's own parameters, not its place in the
 * sweep — so a cell gives the same numbers in any sweep that contains it, on any number of threads.
 */
public final class Hyperbolicity {
    private Hyperbolicity() {}

    /** Tag of this analysis' random streams (distinct from {@link MarchenkoPasturSpectra}'s). */
    static final long STREAM_TAG = 0x5EED;

    /** The phase boundary α = 1/4 where λ₋ = (1 − √(1/α))² = 1. */
    public static final double CRITICAL_LOAD = 0.25;

    /**
     * @param visibles      N_v values
     * @param loads         α values; N_h = round(α N_v)
     * @param gapDraws      draws for P(G), one entry per N_v
     * @param distanceDraws draws (full spectra) for the mean distance, one entry per N_v, each in [0, gapDraws]; 0 = no
     *                      distance (a P(G)-only run, {@link #gapOnly}; the mean distance is then reported as NaN)
     * @param threads       worker threads (results do not depend on it)
     */
    public record Options(int[] visibles, double[] loads, int[] gapDraws, int[] distanceDraws, int threads) {
        /** Inverse of {@link #toMap()}: keys the map does not name keep the value of {@code paper()}. */
        public static Options of(Map<String, ?> map) {
            return RecordMaps.of(map, paper());
        }

        public Options {
            if (visibles == null || visibles.length == 0) throw new IllegalArgumentException("visibles must not be empty");
            if (loads == null || loads.length == 0) throw new IllegalArgumentException("loads must not be empty");
            Check.notNull("gapDraws", gapDraws);
            Check.notNull("distanceDraws", distanceDraws);
            visibles = visibles.clone();
            loads = loads.clone();
            gapDraws = gapDraws.clone();
            distanceDraws = distanceDraws.clone();
            Check.sameSize("gapDraws.length", gapDraws.length, "visibles.length", visibles.length);
            Check.sameSize("distanceDraws.length", distanceDraws.length, "visibles.length", visibles.length);
            for (int i = 0; i < visibles.length; i++) {
                Check.positive("visibles[" + i + "]", visibles[i]);
                Check.positive("gapDraws[" + i + "]", gapDraws[i]);
                Check.inRange("distanceDraws[" + i + "]", distanceDraws[i], 0, gapDraws[i]);
            }
            for (int i = 0; i < loads.length; i++) Check.positive("loads[" + i + "]", loads[i]);
            Check.positive("threads", threads);
            int maxDraws = 0;
            for (int i = 0; i < visibles.length; i++) {
                maxDraws = Math.max(maxDraws, gapDraws[i]);
                for (double load : loads)
                    Check.arraySize("memories N_h × N_v (N_v = visibles[" + i + "], α = " + load + ")",
                            Math.round(load * visibles[i]), visibles[i]);
            }
            Check.fitsInMemory("per-draw results (visibles × loads × gapDraws)",
                    Check.product("draws", (long) visibles.length * loads.length, maxDraws, Double.BYTES + 1));
            Check.arraySize("draws of all cells (visibles × loads × max gapDraws)", (long) visibles.length * loads.length, maxDraws);
        }

        static final double[] PAPER_LOADS = {0.10, 0.15, 0.20, 0.22, 0.24, 0.25, 0.26, 0.28, 0.30, 0.35, 0.50};

        /** Spec 003 §6.5 full: N_v ∈ {200, 400, 800, 1600}; 200 draws for P(G); 50 (20 at 1600) full spectra. */
        public static Options paper() {
            return new Options(new int[] {200, 400, 800, 1600}, PAPER_LOADS, new int[] {200, 200, 200, 200},
                    new int[] {50, 50, 50, 20}, MarchenkoPasturSpectra.defaultThreads());
        }

        /** Spec 003 §6.5 quick: N_v ∈ {200, 400}, 100 draws for P(G), 50 full spectra. */
        public static Options quick() {
            return new Options(new int[] {200, 400}, PAPER_LOADS, new int[] {100, 100}, new int[] {50, 50},
                    MarchenkoPasturSpectra.defaultThreads());
        }

        /** A P(G)-only run: {@code draws} Cholesky draws per cell at every N_v, no full spectra, all processors. */
        public static Options gapOnly(int[] visibles, double[] loads, int draws) {
            Check.notNull("visibles", visibles);
            int[] gd = new int[visibles.length];
            Arrays.fill(gd, Check.positive("draws", draws));
            return new Options(visibles, loads, gd, new int[visibles.length], MarchenkoPasturSpectra.defaultThreads());
        }

        public Options withThreads(int threads) {
            return new Options(visibles, loads, gapDraws, distanceDraws, threads);
        }

        @Override public int[] visibles() { return visibles.clone(); }
        @Override public double[] loads() { return loads.clone(); }
        @Override public int[] gapDraws() { return gapDraws.clone(); }
        @Override public int[] distanceDraws() { return distanceDraws.clone(); }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("visibles", Arrays.toString(visibles));
            m.put("loads", Arrays.toString(loads));
            m.put("gapDraws", Arrays.toString(gapDraws));
            m.put("distanceDraws", Arrays.toString(distanceDraws));
            return m;
        }

        public Options withVisibles(int... visibles) {
            return new Options(visibles, loads, gapDraws, distanceDraws, threads);
        }

        public Options withLoads(double... loads) {
            return new Options(visibles, loads, gapDraws, distanceDraws, threads);
        }

        public Options withGapDraws(int... gapDraws) {
            return new Options(visibles, loads, gapDraws, distanceDraws, threads);
        }

        public Options withDistanceDraws(int... distanceDraws) {
            return new Options(visibles, loads, gapDraws, distanceDraws, threads);
        }
    }

    /**
     * One (N_v, α) cell.
     *
     * @param gapProbability fraction of draws with λ_min(nonzero) > 1
     * @param meanDistance   mean of min_k |λ_k − 1| over the nonzero eigenvalues
     */
    public record Point(int visible, double load, int nHidden, double gapProbability, int gapDraws,
                        double meanDistance, double sdDistance, int distanceDraws) {
        /** max(λ₋ − 1, 0) = max(1/α − 2/√α, 0). */
        public double limitDistance() {
            return Hyperbolicity.limitDistance(load);
        }
    }

    /** All cells, N_v-major. */
    public record Result(Options options, long seed, List<Point> points) {
        public Result {
            points = List.copyOf(points);
        }

        public Point at(int visible, double load) {
            for (Point p : points) if (p.visible() == visible && Math.abs(p.load() - load) < 1e-12) return p;
            throw new IllegalArgumentException("no cell N_v = " + visible + ", alpha = " + load);
        }

        /** Smallest P(G) over all sizes and loads in [loLoad, hiLoad] (NaN if no cell). */
        public double minGapProbability(double loLoad, double hiLoad) {
            return points.stream().filter(p -> p.load() >= loLoad - 1e-12 && p.load() <= hiLoad + 1e-12)
                    .mapToDouble(Point::gapProbability).min().orElse(Double.NaN);
        }

        /** Largest P(G) over all sizes and loads in [loLoad, hiLoad] (NaN if no cell). */
        public double maxGapProbability(double loLoad, double hiLoad) {
            return points.stream().filter(p -> p.load() >= loLoad - 1e-12 && p.load() <= hiLoad + 1e-12)
                    .mapToDouble(Point::gapProbability).max().orElse(Double.NaN);
        }

        /** Largest mean distance over sizes N_v ≥ minVisible and loads ≥ minLoad. */
        public double maxMeanDistance(int minVisible, double minLoad) {
            return points.stream().filter(p -> p.visible() >= minVisible && p.load() >= minLoad - 1e-12)
                    .mapToDouble(Point::meanDistance).max().orElse(Double.NaN);
        }

        /** True if the mean distance at {@code load} strictly decreases as N_v grows. */
        public boolean distanceDecreasesWithSize(double load) {
            int[] vs = options.visibles().clone();
            Arrays.sort(vs);
            for (int i = 1; i < vs.length; i++)
                if (!(at(vs[i], load).meanDistance() < at(vs[i - 1], load).meanDistance())) return false;
            return true;
        }

        public Table toTable() {
            IntColumn nv = IntColumn.create("N_v"), nh = IntColumn.create("N_h"), gd = IntColumn.create("gap draws"),
                    dd = IntColumn.create("distance draws");
            DoubleColumn a = DoubleColumn.create("alpha"), pg = DoubleColumn.create("P(lambda_min > 1)"),
                    md = DoubleColumn.create("mean distance"), sdd = DoubleColumn.create("sd distance"),
                    lim = DoubleColumn.create("limit distance");
            for (Point p : points) {
                nv.append(p.visible());
                a.append(p.load());
                nh.append(p.nHidden());
                pg.append(p.gapProbability());
                gd.append(p.gapDraws());
                md.append(p.meanDistance());
                sdd.append(p.sdDistance());
                dd.append(p.distanceDraws());
                lim.append(p.limitDistance());
            }
            return Table.create("Hyperbolicity of v* = 0 (Eq. 27)", nv, a, nh, pg, gd, md, sdd, dd, lim);
        }

        private Trace curve(int visible, boolean gap) {
            List<Point> ps = points.stream().filter(p -> p.visible() == visible).toList();
            double[] x = new double[ps.size()], y = new double[ps.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = ps.get(i).load();
                y[i] = gap ? ps.get(i).gapProbability() : ps.get(i).meanDistance();
            }
            return ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE_AND_MARKERS).name("N_v = " + visible).build();
        }

        private static Trace vertical(double x, double y0, double y1, String name) {
            return ScatterTrace.builder(new double[] {x, x}, new double[] {y0, y1}).mode(ScatterTrace.Mode.LINE)
                    .line(Line.builder().dash(Line.Dash.DOT).color("gray").build()).name(name).build();
        }

        private static Layout layout(String title, String yTitle, boolean log) {
            return Layout.builder().title(title).width(Figures.WIDTH).height(Figures.HEIGHT)
                    .xAxis(Axis.builder().title("load α = N_h / N_v").build())
                    .yAxis(Axis.builder().title(yTitle).type(log ? Axis.Type.LOG : Axis.Type.LINEAR).build()).build();
        }
    }

    /** max(λ₋ − 1, 0) = max(1/α − 2/√α, 0): limit of the distance of the nonzero spectrum from 1. */
    public static double limitDistance(double load) {
        Check.positive("load", load);
        return Math.max(1 / load - 2 / Math.sqrt(load), 0);
    }

    /** min_k |λ_k − 1| over the given eigenvalues. */
    public static double distanceFromOne(double[] eigenvalues) {
        Check.nonEmpty("eigenvalues", eigenvalues);
        double d = Double.POSITIVE_INFINITY;
        for (double x : eigenvalues) d = Math.min(d, Math.abs(x - 1));
        return d;
    }

    public static Result run(Options o, long seed) {
        return run(o, seed, Progress.NONE);
    }

    /** Sweep all (N_v, α) cells; Cholesky for the gap-only draws, full spectra for the first distanceDraws. */
    public static Result run(Options o, long seed, Progress progress) {
        int[] vs = o.visibles(), gd = o.gapDraws(), dd = o.distanceDraws();
        double[] loads = o.loads();
        int cells = vs.length * loads.length;
        int maxDraws = Arrays.stream(gd).max().orElseThrow();
        boolean[][] gap = new boolean[cells][maxDraws];
        double[][] dist = new double[cells][maxDraws];
        long total = 0;
        for (int v = 0; v < vs.length; v++) total += (long) loads.length * gd[v];
        long all = total;
        AtomicLong done = new AtomicLong();
        // the largest cells first, so two workers finish together
        forEachJob(cells, maxDraws, (cell, d) -> {
            int v = cell / loads.length, l = cell % loads.length;
            if (d >= gd[v]) return;
            int nv = vs[v], nh = MarchenkoPasturSpectra.hiddenCount(loads[l], nv);
            double[] xi = MarchenkoPasturSpectra.memories(nh, nv, MarchenkoPasturSpectra.cellStream(seed, STREAM_TAG, nv, loads[l], d));
            if (d < dd[v]) {
                double[] ev = MarchenkoPasturSpectra.nonzeroEigenvalues(xi, nh, nv);
                gap[cell][d] = ev[0] > 1;
                dist[cell][d] = distanceFromOne(ev);
            } else {
                gap[cell][d] = MarchenkoPasturSpectra.smallestExceeds(xi, nh, nv, 1);
            }
            progress.report("hyperbolicity draws", done.incrementAndGet(), all);
        }, o.threads());
        List<Point> points = new ArrayList<>();
        for (int cell = 0; cell < cells; cell++) {
            int v = cell / loads.length, l = cell % loads.length;
            int g = 0;
            for (int d = 0; d < gd[v]; d++) if (gap[cell][d]) g++;
            double[] ds = Arrays.copyOf(dist[cell], dd[v]);
            points.add(new Point(vs[v], loads[l], MarchenkoPasturSpectra.hiddenCount(loads[l], vs[v]),
                    (double) g / gd[v], gd[v], MarchenkoPasturSpectra.mean(ds), MarchenkoPasturSpectra.sd(ds), dd[v]));
        }
        return new Result(o, seed, points);
    }

    private interface CellJob {
        void run(int cell, int draw);
    }

    private static void forEachJob(int cells, int draws, CellJob job, int threads) {
        MarchenkoPasturSpectra.forEach(cells * draws, threads, i -> job.run(cells - 1 - i / draws, i % draws));
    }
}
