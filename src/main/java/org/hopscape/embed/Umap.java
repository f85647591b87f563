package org.hopscape.embed;

import org.hopscape.util.Check;
import org.hopscape.util.Interrupts;
import org.hopscape.util.Parallel;
import org.hopscape.util.Progress;
import org.hopscape.util.Rng;
import smile.graph.NearestNeighborGraph;
import smile.manifold.UMAP;
import smile.math.MathEx;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * UMAP (McInnes, Healy &amp; Melville 2018) of a reference set on an exact k-NN graph ({@link NearestNeighbors}),
 * laid out by one of two engines ({@link Engine}), plus the out-of-sample {@link #transform} Smile lacks: each new
 * point is placed at the membership-weighted mean of its k nearest reference points (smooth-kNN σ, ρ calibration as
 * in the fit), then moved by UMAP's SGD with the reference embedding held fixed (spec 000 §4).
 *
 * <pre>
 *   w_ij = exp(−max(0, d_ij − ρ_i)/σ_i),  Σ_j w_ij = log₂ k;   low-dimensional affinity 1/(1 + a‖y_i − y_j‖^{2b})
 * </pre>
 *
 * <p>Engine: the spec's kit choice is Smile's UMAP (spec 000 §4), but with umap-learn's defaults on the 10,000 npm
 * digits (k = 15, min_dist 0.1, 500 epochs) its layout takes ≈ 13 s, so the fit misses the project's target (within
 * 1.5× of umap-learn, foundation-notes §12). The default is therefore {@link Engine#OWN} ({@link UmapLayout}, written
 * here from the paper): k-NN 1.5 s + layout 4.3 s against umap-learn's 7.3 s on this machine
 * ({@code cli.bench.UmapBench}), with 15-NN label agreement of digits at least as high as Smile's layout
 * ({@code UmapLayoutTest}). {@link Engine#SMILE} stays available through {@link Options#withEngine}.
 *
 * <p>Deterministic for a seed: the own engine's SGD runs on one thread from {@link Rng} streams of
 * {@link Options#seed()} (the k-NN search is parallel but thread-count independent); Smile's layout draws from the
 * calling thread's {@code MathEx} generator, which is seeded from {@link Options#seed()}. The transform draws from
 * one {@link Rng#stream} per new point, keyed by the point's values, so a point lands at the same place whatever
 * else is transformed with it.
 */
public final class Umap {
    /** Who lays the graph out. */
    public enum Engine {
        /** {@link UmapLayout}: written here from McInnes et al. (2018), spectral start, one-thread seeded SGD. */
        OWN,
        /** Smile's {@code UMAP.fit(data, NearestNeighborGraph, Options)}. */
        SMILE;

        /** The engine {@link Options#paper()} and {@link Options#quick()} use. */
        public static final Engine DEFAULT = OWN;
    }

    /**
     * UMAP options.
     *
     * @param neighbors       k of the k-NN graph (authors: 55; 15 for a 200-point fit)
     * @param minDist         minimum distance in the embedding (authors: 0.05)
     * @param spread          effective scale of embedded points (1)
     * @param epochs          layout epochs of the fit (200 for large data)
     * @param transformEpochs SGD epochs of {@link #transform} (0 = epochs / 3, as umap-learn)
     * @param negativeSamples negative samples per positive edge (5)
     * @param learningRate    initial SGD rate (1)
     * @param metric          distance between inputs (authors: correlation)
     * @param engine          layout engine ({@link Engine#DEFAULT})
     * @param seed            seed of every random draw
     * @param progress        listener
     */
    public record Options(int neighbors, double minDist, double spread, int epochs, int transformEpochs,
                          int negativeSamples, double learningRate, NearestNeighbors.Metric metric, Engine engine,
                          long seed, Progress progress) {
        public Options {
            Check.inRange("neighbors", neighbors, 2, 1000);
            Check.positive("minDist", minDist);
            Check.positive("spread", spread);
            if (minDist > spread) throw new IllegalArgumentException("minDist = " + minDist + " must be <= spread = " + spread);
            Check.inRange("epochs", epochs, 10, 100_000);
            Check.nonNegative("transformEpochs", transformEpochs);
            Check.positive("negativeSamples", negativeSamples);
            Check.positive("learningRate", learningRate);
            if (metric == null) throw new IllegalArgumentException("metric must not be null");
            if (engine == null) throw new IllegalArgumentException("engine must not be null");
            if (progress == null) progress = Progress.NONE;
        }

        /** The authors' settings (spec 000 §4): k = 55, min_dist 0.05, correlation, 200 epochs, seed 4. */
        public static Options paper() {
            return new Options(55, 0.05, 1.0, 200, 0, 5, 1.0, NearestNeighbors.Metric.CORRELATION, Engine.DEFAULT, 4, Progress.NONE);
        }

        /** For a small fit set (the 200-set): k = 15, otherwise as {@link #paper()}, 500 epochs as for small data. */
        public static Options quick() {
            return new Options(15, 0.05, 1.0, 500, 0, 5, 1.0, NearestNeighbors.Metric.CORRELATION, Engine.DEFAULT, 4, Progress.NONE);
        }

        public Options withNeighbors(int k) { return new Options(k, minDist, spread, epochs, transformEpochs, negativeSamples, learningRate, metric, engine, seed, progress); }

        public Options withEpochs(int e) { return new Options(neighbors, minDist, spread, e, transformEpochs, negativeSamples, learningRate, metric, engine, seed, progress); }

        public Options withEngine(Engine en) { return new Options(neighbors, minDist, spread, epochs, transformEpochs, negativeSamples, learningRate, metric, en, seed, progress); }

        public Options withMinDist(double d) { return new Options(neighbors, d, spread, epochs, transformEpochs, negativeSamples, learningRate, metric, engine, seed, progress); }

        public Options withSeed(long s) { return new Options(neighbors, minDist, spread, epochs, transformEpochs, negativeSamples, learningRate, metric, engine, s, progress); }

        public Options withMetric(NearestNeighbors.Metric m) { return new Options(neighbors, minDist, spread, epochs, transformEpochs, negativeSamples, learningRate, m, engine, seed, progress); }

        public Options withProgress(Progress p) { return new Options(neighbors, minDist, spread, epochs, transformEpochs, negativeSamples, learningRate, metric, engine, seed, p); }

        /** SGD epochs used by {@link #transform}. */
        public int effectiveTransformEpochs() {
            return transformEpochs > 0 ? transformEpochs : Math.max(10, epochs / 3);
        }

        public Map<String, String> toMap() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("neighbors", Integer.toString(neighbors));
            m.put("minDist", Double.toString(minDist));
            m.put("spread", Double.toString(spread));
            m.put("epochs", Integer.toString(epochs));
            m.put("transformEpochs", Integer.toString(transformEpochs));
            m.put("negativeSamples", Integer.toString(negativeSamples));
            m.put("learningRate", Double.toString(learningRate));
            m.put("metric", metric.name());
            m.put("engine", engine.name());
            m.put("seed", Long.toString(seed));
            return m;
        }

        /** Inverse of {@link #toMap()}; missing keys take the {@link #paper()} values, unknown keys are refused. */
        public static Options of(Map<String, String> m) {
            Check.notNull("m", m);
            Options d = paper();
            for (String key : m.keySet())
                if (!d.toMap().containsKey(key))
                    throw new IllegalArgumentException("m: unknown UMAP option '" + key + "' (known: " + d.toMap().keySet() + ")");
            return new Options(parseInt(m, "neighbors", d.neighbors), parseDouble(m, "minDist", d.minDist),
                    parseDouble(m, "spread", d.spread), parseInt(m, "epochs", d.epochs),
                    parseInt(m, "transformEpochs", d.transformEpochs), parseInt(m, "negativeSamples", d.negativeSamples),
                    parseDouble(m, "learningRate", d.learningRate),
                    parseEnum(m, "metric", NearestNeighbors.Metric.class, d.metric),
                    parseEnum(m, "engine", Engine.class, d.engine), parseLong(m, "seed", d.seed), Progress.NONE);
        }

        private static String value(Map<String, String> m, String key) {
            String v = m.get(key);
            return v == null ? null : v.trim();
        }

        private static int parseInt(Map<String, String> m, String key, int fallback) {
            String v = value(m, key);
            try {
                return v == null ? fallback : Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be an integer (got '" + v + "')");
            }
        }

        private static long parseLong(Map<String, String> m, String key, long fallback) {
            String v = value(m, key);
            try {
                return v == null ? fallback : Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be an integer (got '" + v + "')");
            }
        }

        private static double parseDouble(Map<String, String> m, String key, double fallback) {
            String v = value(m, key);
            try {
                return v == null ? fallback : Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a number (got '" + v + "')");
            }
        }

        private static <E extends Enum<E>> E parseEnum(Map<String, String> m, String key, Class<E> type, E fallback) {
            String v = value(m, key);
            if (v == null) return fallback;
            for (E e : type.getEnumConstants()) if (e.name().equals(v)) return e;
            throw new IllegalArgumentException(key + " must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                    + " (got '" + v + "')");
        }

        public Options withSpread(double spread) {
            return new Options(neighbors, minDist, spread, epochs, transformEpochs, negativeSamples, learningRate, metric, engine, seed, progress);
        }

        public Options withTransformEpochs(int transformEpochs) {
            return new Options(neighbors, minDist, spread, epochs, transformEpochs, negativeSamples, learningRate, metric, engine, seed, progress);
        }

        public Options withNegativeSamples(int negativeSamples) {
            return new Options(neighbors, minDist, spread, epochs, transformEpochs, negativeSamples, learningRate, metric, engine, seed, progress);
        }

        public Options withLearningRate(double learningRate) {
            return new Options(neighbors, minDist, spread, epochs, transformEpochs, negativeSamples, learningRate, metric, engine, seed, progress);
        }
    }

    private final double[][] reference;
    private final double[][] embedding;
    private final Options options;
    private final double a, b;

    private Umap(double[][] reference, double[][] embedding, Options options, double a, double b) {
        this.reference = reference;
        this.embedding = embedding;
        this.options = options;
        this.a = a;
        this.b = b;
    }

    /**
     * Fit a 2-D UMAP of the rows of {@code x}.
     *
     * @param x       reference points (rows; kept, not copied, for {@link #transform})
     * @param options UMAP options
     */
    public static Umap fit(double[][] x, Options options) {
        Check.notNull("options", options);
        Check.finite("x", x);
        if (x.length <= options.neighbors())
            throw new IllegalArgumentException("neighbors = " + options.neighbors() + " must be < number of points = " + x.length);
        options.progress().report("umap k-NN", 0, 1);
        NearestNeighbors knn = neighbors(x, options);
        options.progress().report("umap k-NN", 1, 1);
        return fit(x, knn, options);
    }

    /**
     * The k-NN graph {@link #fit(double[][], NearestNeighbors, Options)} expects: {@code neighbors − 1} other points
     * for {@link Engine#OWN} (umap-learn counts the point itself among its k), {@code neighbors} for
     * {@link Engine#SMILE}.
     */
    public static NearestNeighbors neighbors(double[][] x, Options options) {
        Check.notNull("options", options);
        return NearestNeighbors.of(x, graphNeighbors(options), options.metric());
    }

    private static int graphNeighbors(Options o) {
        return o.engine() == Engine.OWN ? o.neighbors() - 1 : o.neighbors();
    }

    /** Fit with a k-NN graph of {@code x} computed beforehand by {@link #neighbors(double[][], Options)}. */
    public static Umap fit(double[][] x, NearestNeighbors knn, Options options) {
        Check.notNull("options", options);
        Check.finite("x", x);
        Check.notNull("knn", knn);
        if (x.length <= options.neighbors())
            throw new IllegalArgumentException("neighbors = " + options.neighbors() + " must be < number of points = " + x.length);
        Check.sameSize("knn rows", knn.neighbors().length, "points", x.length);
        Check.sameSize("knn.k", knn.k(), "graph neighbours for " + options.engine(), graphNeighbors(options));
        checkGraph(knn, x.length);
        double[] ab = fitCurve(options.spread(), options.minDist());
        double[][] y;
        if (options.engine() == Engine.OWN) {
            var graph = UmapLayout.fuzzyGraph(knn, Math.log(options.neighbors()) / Math.log(2));
            double[] flat = UmapLayout.spectralStart(graph, SPECTRAL_ITERATIONS, options.seed());
            UmapLayout.optimise(graph, flat, options.epochs(), options.negativeSamples(), options.learningRate(),
                    ab[0], ab[1], options.seed(), options.progress());
            y = new double[x.length][];
            for (int i = 0; i < x.length; i++) y[i] = new double[] {flat[2 * i], flat[2 * i + 1]};
        } else {
            NearestNeighborGraph nng = new NearestNeighborGraph(options.neighbors(), knn.neighbors(), knn.distances());
            UMAP.Options smile = new UMAP.Options(options.neighbors(), 2, options.epochs(), options.learningRate(),
                    options.minDist(), options.spread(), options.negativeSamples(), 1.0, 1.0);
            // Smile's layout draws from this thread's MathEx generator; seed it for reproducibility
            MathEx.setSeed(options.seed());
            y = UMAP.fit(x, nng, smile);
            if (y.length != x.length)
                throw new IllegalStateException("Smile UMAP returned " + y.length + " points for " + x.length + " inputs");
        }
        return new Umap(x, y, options, ab[0], ab[1]);
    }

    /** Every row of {@code knn} has k indices in [0, n) other than the row itself and k finite distances ≥ 0. */
    private static void checkGraph(NearestNeighbors knn, int n) {
        int k = knn.k();
        Check.notNull("knn.distances", knn.distances());
        Check.sameSize("knn distance rows", knn.distances().length, "points", n);
        for (int i = 0; i < n; i++) {
            int[] nb = knn.neighbors()[i];
            double[] d = knn.distances()[i];
            if (nb == null || d == null || nb.length != k || d.length != k)
                throw new IllegalArgumentException("knn row " + i + " must have k = " + k + " neighbours and distances");
            for (int t = 0; t < k; t++) {
                if (nb[t] < 0 || nb[t] >= n || nb[t] == i)
                    throw new IllegalArgumentException("knn.neighbors[" + i + "][" + t + "] must be another point's index in [0, "
                            + (n - 1) + "] (got " + nb[t] + ")");
                if (!(d[t] >= 0) || !Double.isFinite(d[t]))
                    throw new IllegalArgumentException("knn.distances[" + i + "][" + t + "] must be finite and >= 0 (got "
                            + d[t] + ")");
            }
        }
    }

    /** Block power iterations of the spectral start (enough for a start: the SGD does the rest). */
    static final int SPECTRAL_ITERATIONS = 300;

    /** Embedding of the reference points (n×2, copy). */
    public double[][] embedding() {
        double[][] c = new double[embedding.length][];
        for (int i = 0; i < c.length; i++) c[i] = embedding[i].clone();
        return c;
    }

    public Options options() { return options; }

    public int size() { return embedding.length; }

    /** Curve parameters (a, b) of 1/(1 + a d^{2b}). */
    public double[] curve() { return new double[] {a, b}; }

    /** x and y coordinates of the reference embedding. */
    public double[] xs() { return column(embedding, 0); }

    public double[] ys() { return column(embedding, 1); }

    /**
     * Place new points in the fitted embedding (spec 000 §4): k nearest reference points, smooth-kNN weights,
     * weighted-mean start, then {@link Options#effectiveTransformEpochs()} epochs of UMAP SGD moving only the new points.
     *
     * @param points new points (rows with the reference's dimension)
     * @return m×2 coordinates
     */
    public double[][] transform(double[][] points) {
        Check.finite("points", points);
        Check.sameSize("points columns", points[0].length, "reference columns", reference[0].length);
        int k = options.neighbors();
        NearestNeighbors knn = NearestNeighbors.query(reference, points, k, options.metric());
        int m = points.length, epochs = options.effectiveTransformEpochs();
        double[][] out = new double[m][2];
        Parallel.forEach("UMAP transform", m, Parallel.defaultThreads(), i ->
                out[i] = place(java.util.Arrays.hashCode(points[i]), knn.neighbors()[i], knn.distances()[i], epochs));
        return out;
    }

    private double[] place(long item, int[] nb, double[] dist, int epochs) {
        int k = nb.length;
        double[] w = memberships(dist);
        double sw = 0, y0 = 0, y1 = 0, wmax = 0;
        for (int j = 0; j < k; j++) {
            sw += w[j];
            y0 += w[j] * embedding[nb[j]][0];
            y1 += w[j] * embedding[nb[j]][1];
            wmax = Math.max(wmax, w[j]);
        }
        double[] y = {y0 / sw, y1 / sw};
        // umap-learn: edges weaker than max/epochs are never sampled; epochs_per_sample = max / w
        double[] eps = new double[k], next = new double[k], epsNeg = new double[k], nextNeg = new double[k];
        for (int j = 0; j < k; j++) {
            eps[j] = w[j] >= wmax / epochs && w[j] > 0 ? wmax / w[j] : -1;
            next[j] = eps[j];
            epsNeg[j] = eps[j] / options.negativeSamples();
            nextNeg[j] = epsNeg[j];
        }
        SplittableRandom r = Rng.stream(options.seed(), item);
        int n = embedding.length;
        double gamma = 1.0;
        for (int e = 0; e < epochs; e++) {
            // umap-learn's transform starts at a quarter of the fit's rate: the start is already a good guess
            double alpha = options.learningRate() / 4 * (1.0 - (double) e / epochs);
            for (int j = 0; j < k; j++) {
                if (eps[j] <= 0 || next[j] > e) continue;
                double[] t = embedding[nb[j]];
                double d0 = y[0] - t[0], d1 = y[1] - t[1], d2 = d0 * d0 + d1 * d1;
                if (d2 > 0) {
                    double g = -2 * a * b * Math.pow(d2, b - 1) / (a * Math.pow(d2, b) + 1);
                    y[0] += clip(g * d0) * alpha;
                    y[1] += clip(g * d1) * alpha;
                }
                next[j] += eps[j];
                int negatives = (int) ((e - nextNeg[j]) / epsNeg[j]);
                for (int q = 0; q < negatives; q++) {
                    double[] o = embedding[r.nextInt(n)];
                    double e0 = y[0] - o[0], e1 = y[1] - o[1], q2 = e0 * e0 + e1 * e1;
                    if (q2 > 0) {
                        double g = 2 * gamma * b / ((0.001 + q2) * (a * Math.pow(q2, b) + 1));
                        y[0] += clip(g * e0) * alpha;
                        y[1] += clip(g * e1) * alpha;
                    }
                }
                nextNeg[j] += negatives * epsNeg[j];
            }
        }
        return y;
    }

    /** Smooth-kNN memberships exp(−max(0, d − ρ)/σ) with Σ = log₂ k (UMAP Algorithm 3, local connectivity 1). */
    static double[] memberships(double[] dist) {
        return memberships(dist, Math.log(dist.length) / Math.log(2));
    }

    /** Smooth-kNN memberships with Σ_j w_j = {@code target}. */
    static double[] memberships(double[] dist, double target) {
        int k = dist.length;
        double rho = Double.POSITIVE_INFINITY;
        for (double d : dist) if (d > 0) rho = Math.min(rho, d);
        if (Double.isInfinite(rho)) rho = 0;
        double lo = 0, hi = Double.POSITIVE_INFINITY, sigma = 1;
        for (int it = 0; it < 64; it++) {
            double s = 0;
            for (double d : dist) s += d > rho ? Math.exp(-(d - rho) / sigma) : 1.0;
            if (Math.abs(s - target) < 1e-5) break;
            if (s > target) {
                hi = sigma;
                sigma = (lo + hi) / 2;
            } else {
                lo = sigma;
                sigma = Double.isInfinite(hi) ? sigma * 2 : (lo + hi) / 2;
            }
        }
        double mean = 0;
        for (double d : dist) mean += d;
        mean /= k;
        sigma = Math.max(sigma, 1e-3 * mean);
        double[] w = new double[k];
        for (int j = 0; j < k; j++) w[j] = sigma > 0 ? Math.exp(-Math.max(0, dist[j] - rho) / sigma) : 1.0;
        return w;
    }

    /**
     * (a, b) of 1/(1 + a x^{2b}) fitting 1 for x &lt; minDist and exp(−(x − minDist)/spread) beyond, on 300 points of
     * [0, 3·spread] (least squares, coarse-to-fine grid).
     */
    static double[] fitCurve(double spread, double minDist) {
        int size = 300;
        double[] xs = new double[size], ys = new double[size];
        for (int i = 0; i < size; i++) {
            xs[i] = 3 * spread * i / (size - 1);
            ys[i] = xs[i] < minDist ? 1 : Math.exp(-(xs[i] - minDist) / spread);
        }
        double ba = 1, bb = 1, best = Double.POSITIVE_INFINITY;
        double aLo = 0.01, aHi = 10, bLo = 0.1, bHi = 3;
        for (int round = 0; round < 6; round++) {
            for (int ia = 0; ia <= 40; ia++) {
                Interrupts.check("UMAP curve fit");
                for (int ib = 0; ib <= 40; ib++) {
                    double aa = aLo + (aHi - aLo) * ia / 40, bbb = bLo + (bHi - bLo) * ib / 40;
                    double s = 0;
                    for (int i = 0; i < size; i++) {
                        double f = 1 / (1 + aa * Math.pow(xs[i], 2 * bbb)) - ys[i];
                        s += f * f;
                    }
                    if (s < best) { best = s; ba = aa; bb = bbb; }
                }
            }
            double da = (aHi - aLo) / 20, db = (bHi - bLo) / 20;
            aLo = Math.max(1e-4, ba - da); aHi = ba + da;
            bLo = Math.max(1e-3, bb - db); bHi = bb + db;
        }
        return new double[] {ba, bb};
    }

    private static double clip(double v) {
        return v > 4 ? 4 : (v < -4 ? -4 : v);
    }

    private static double[] column(double[][] a, int c) {
        double[] v = new double[a.length];
        for (int i = 0; i < a.length; i++) v[i] = a[i][c];
        return v;
    }

    /** Reference embedding as a table (index, x, y, and the label when given). */
    public Table toTable(int[] labels) {
        Table t = Table.create("UMAP embedding (" + embedding.length + " points, k = " + options.neighbors() + ")");
        IntColumn idx = IntColumn.create("index");
        DoubleColumn x = DoubleColumn.create("x", xs()), y = DoubleColumn.create("y", ys());
        for (int i = 0; i < embedding.length; i++) idx.append(i);
        t.addColumns(idx, x, y);
        if (labels != null) {
            Check.sameSize("labels.length", labels.length, "points", embedding.length);
            t.addColumns(IntColumn.create("label", labels));
        }
        return t;
    }

    @Override
    public String toString() {
        return "Umap[" + embedding.length + " points, k=" + options.neighbors() + ", minDist=" + options.minDist()
                + ", metric=" + options.metric() + ", a=" + String.format("%.3f", a) + ", b=" + String.format("%.3f", b) + "]";
    }
}
