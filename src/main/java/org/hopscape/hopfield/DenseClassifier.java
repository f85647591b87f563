package org.hopscape.hopfield;

import org.hopscape.hopfield.kernel.KrotovKernel;
import org.hopscape.util.Check;
import org.hopscape.util.Rng;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The Krotov–Hopfield dense classifier of paper 000 (Appendix Eq. 5–7): K memories M^μ ∈ R^N, labels
 * l^μ_d ∈ [−1, 1] for C classes, rectified polynomial F(x) = max(x, 0)^n and temperature T:
 * <pre>  c_d(σ) = tanh( Σ_μ l^μ_d F(⟨M^μ|σ⟩ / T) )        (000 Eq. 6, 7)</pre>
 * with T = T_r·N (T_r = 1 is the self dot product of a ±1 picture). Immutable: accessors return copies;
 * {@code KrotovTrainer} produces new instances.
 */
public final class DenseClassifier {
    /** Digit classes of MNIST; always 10 in paper 000, even when fewer digits are trained. */
    public static final int DIGITS = 10;
    /** Default initial distribution of every memory pixel and label: Normal(−0.003, 1e−5) (spec 000 §2.2, authors' code). */
    public static final double INIT_MEAN = -0.003, INIT_SD = 1e-5;

    private final int memoryCount, pixelCount, classCount;
    private final double[] memories, labels;
    private final double n, temperature;

    /**
     * @param memories    K×N memories (copied)
     * @param labels      K×C labels (copied)
     * @param n           order of the rectified polynomial, &gt; 0 (may be non-integer)
     * @param temperature T &gt; 0 (T = T_r·N)
     */
    public DenseClassifier(double[][] memories, double[][] labels, double n, double temperature) {
        this(Check.finite("memories", memories).length, memories[0].length,
                Check.finite("labels", labels)[0].length, flatten(memories), flatten(labels), n, temperature);
        Check.sameSize("labels rows", labels.length, "memories rows", memories.length);
    }

    private DenseClassifier(int k, int pixels, int classes, double[] m, double[] l, double n, double temperature) {
        Check.positive("memoryCount", k);
        Check.positive("pixelCount", pixels);
        Check.positive("classCount", classes);
        Check.sameSize("memories length", m.length, "memoryCount × pixelCount",
                Check.arraySize("memoryCount × pixelCount", k, pixels));
        Check.sameSize("labels length", l.length, "memoryCount × classCount",
                Check.arraySize("memoryCount × classCount", k, classes));
        this.memoryCount = k;
        this.pixelCount = pixels;
        this.classCount = classes;
        this.memories = m;
        this.labels = l;
        this.n = Check.positive("n", n);
        this.temperature = Check.positive("temperature", temperature);
    }

    /** A classifier from row-major flat arrays (copied): memories K×N, labels K×C. */
    public static DenseClassifier ofFlat(int memoryCount, int pixelCount, int classCount, double[] memories,
                                         double[] labels, double n, double temperature) {
        Check.finite("memories", memories);
        Check.finite("labels", labels);
        Check.positive("memoryCount", memoryCount);
        Check.positive("pixelCount", pixelCount);
        Check.positive("classCount", classCount);
        return new DenseClassifier(memoryCount, pixelCount, classCount, memories.clone(), labels.clone(), n,
                temperature);
    }

    /**
     * The paper's random start: every memory pixel and label i.i.d. Normal(−0.003, 1e−5) (spec 000 §2.2),
     * drawn from one seeded stream (memories row by row, then labels).
     */
    public static DenseClassifier gaussian(int memoryCount, int pixelCount, int classCount, double n,
                                           double temperature, long seed) {
        return gaussian(memoryCount, pixelCount, classCount, n, temperature, INIT_MEAN, INIT_SD, seed);
    }

    /** Every memory pixel and label i.i.d. Normal(mean, sd²) from one seeded stream. */
    public static DenseClassifier gaussian(int memoryCount, int pixelCount, int classCount, double n,
                                           double temperature, double mean, double sd, long seed) {
        Check.positive("memoryCount", memoryCount);
        Check.positive("pixelCount", pixelCount);
        Check.positive("classCount", classCount);
        Check.finite("mean", mean);
        Check.nonNegative("sd", sd);
        int mSize = Check.arraySize("memoryCount × pixelCount", memoryCount, pixelCount);
        int lSize = Check.arraySize("memoryCount × classCount", memoryCount, classCount);
        Check.fitsInMemory("memoryCount × (pixelCount + classCount) doubles", 8L * ((long) mSize + lSize));
        SplittableRandom r = Rng.of(seed);
        double[] m = new double[mSize];
        double[] l = new double[lSize];
        for (int i = 0; i < m.length; i++) m[i] = mean + sd * r.nextGaussian();
        for (int i = 0; i < l.length; i++) l[i] = mean + sd * r.nextGaussian();
        return new DenseClassifier(memoryCount, pixelCount, classCount, m, l, n, temperature);
    }

    // ------------------------------------------------------------------------------------------------ accessors

    public int memoryCount() { return memoryCount; }

    public int pixelCount() { return pixelCount; }

    public int classCount() { return classCount; }

    /** Order n of the rectified polynomial F. */
    public double n() { return n; }

    /** Temperature T. */
    public double temperature() { return temperature; }

    /** Rescaled temperature T_r = T / N. */
    public double reducedTemperature() { return temperature / pixelCount; }

    /** All memories as K×N rows (copy). */
    public double[][] memories() { return unflatten(memories, memoryCount, pixelCount); }

    /** All labels as K×C rows (copy). */
    public double[][] labels() { return unflatten(labels, memoryCount, classCount); }

    /** Memory μ (copy). */
    public double[] memory(int mu) {
        Check.inRange("mu", mu, 0, memoryCount - 1);
        return Arrays.copyOfRange(memories, mu * pixelCount, (mu + 1) * pixelCount);
    }

    /** Label row μ (copy). */
    public double[] label(int mu) {
        Check.inRange("mu", mu, 0, memoryCount - 1);
        return Arrays.copyOfRange(labels, mu * classCount, (mu + 1) * classCount);
    }

    /** l^μ_d. */
    public double label(int mu, int d) {
        Check.index("mu", mu, memoryCount);
        Check.index("d", d, classCount);
        return labels[mu * classCount + d];
    }

    /** Row-major memories K×N (copy). */
    public double[] flatMemories() { return memories.clone(); }

    /** Row-major labels K×C (copy). */
    public double[] flatLabels() { return labels.clone(); }

    /** Same memories and labels at another temperature. */
    public DenseClassifier withTemperature(double temperature) {
        return new DenseClassifier(memoryCount, pixelCount, classCount, memories, labels, n, temperature);
    }

    /** Same memories and labels with another order n. */
    public DenseClassifier withN(double n) {
        return new DenseClassifier(memoryCount, pixelCount, classCount, memories, labels, n, temperature);
    }

    // ------------------------------------------------------------------------------------------------ model

    /**
     * Scores c_d(σ) for each sample row (000 Eq. 6); S×C.
     *
     * @param samples S×N finite rows
     * @throws IllegalArgumentException also when ⟨M|σ⟩/T or F overflows (a temperature far too small for the data)
     */
    public double[][] scores(double[][] samples) {
        double[] x = samplesFlat(samples);
        int s = samples.length;
        double[] out = new double[Check.arraySize("samples × classCount", s, classCount)];
        KrotovKernel.scores(x, memories, labels, s, pixelCount, memoryCount, classCount, n, temperature, out);
        for (int i = 0; i < out.length; i++)
            if (Double.isNaN(out[i]))
                throw new IllegalArgumentException("temperature = " + temperature + " is too small for samples["
                        + i / classCount + "]: F(⟨M|σ⟩/T) overflows (000 Eq. 6–7)");
        return unflatten(out, s, classCount);
    }

    /** Scores of one sample (length N, finite). */
    public double[] scores(double[] sample) {
        Check.vector("sample", sample, "pixelCount", pixelCount);
        return scores(new double[][] {sample})[0];
    }

    /** argmax_d c_d per sample (lowest index on ties). */
    public int[] predict(double[][] samples) {
        double[][] c = scores(samples);
        int[] p = new int[c.length];
        for (int i = 0; i < c.length; i++) p[i] = argmax(c[i]);
        return p;
    }

    /**
     * Recognised samples, the rule of 000 Fig. 3C (spec §6 Fig 3): max_d c_d &gt; −1 (not every output saturated
     * at exactly −1) and argmax_d c_d is the true class.
     */
    public boolean[] recognised(double[][] samples, int[] classes) {
        samplesFlat(samples);
        Check.labels("classes", classes, "sample", samples.length, classCount);
        double[][] c = scores(samples);
        boolean[] ok = new boolean[c.length];
        for (int i = 0; i < c.length; i++) {
            int a = argmax(c[i]);
            ok[i] = c[i][a] > -1 && a == classes[i];
        }
        return ok;
    }

    /** Fraction of recognised samples ({@link #recognised}). */
    public double accuracy(double[][] samples, int[] classes) {
        boolean[] ok = recognised(samples, classes);
        int k = 0;
        for (boolean b : ok) if (b) k++;
        return (double) k / ok.length;
    }

    /** Recognised samples per class d = 0…C−1. */
    public int[] recognisedPerClass(double[][] samples, int[] classes) {
        boolean[] ok = recognised(samples, classes);
        int[] per = new int[classCount];
        for (int i = 0; i < ok.length; i++) if (ok[i]) per[classes[i]]++;
        return per;
    }

    /** Cost C = Σ_σ Σ_d (c_d − t_d)^{2m} with t_d = +1 for the true class, −1 otherwise (000 Eq. 5). */
    public double cost(double[][] samples, int[] classes, double m) {
        Check.positive("m", m);
        samplesFlat(samples);
        Check.labels("classes", classes, "sample", samples.length, classCount);
        double[][] c = scores(samples);
        double total = 0;
        for (int i = 0; i < c.length; i++)
            for (int d = 0; d < classCount; d++) {
                double diff = c[i][d] - (classes[i] == d ? 1 : -1);
                total += Math.pow(Math.abs(diff), 2 * m);
            }
        return total;
    }

    /** Memories whose label l^μ_d is at least the threshold, in index order. */
    public int[] memoriesWithLabel(int d, double threshold) {
        Check.inRange("d", d, 0, classCount - 1);
        Check.finite("threshold", threshold);
        return java.util.stream.IntStream.range(0, memoryCount).filter(mu -> label(mu, d) >= threshold).toArray();
    }

    /** argmax_d l^μ_d per memory (its dominant label). */
    public int[] dominantLabels() {
        int[] a = new int[memoryCount];
        for (int mu = 0; mu < memoryCount; mu++) a[mu] = argmax(label(mu));
        return a;
    }

    /** One row per memory: memory, max |M|, dominant label, and the C labels. */
    public Table toTable() {
        Table t = Table.create("Dense classifier: K=" + memoryCount + ", n=" + n + ", T=" + temperature);
        IntColumn mu = IntColumn.create("memory");
        DoubleColumn maxAbs = DoubleColumn.create("max |M|");
        IntColumn dom = IntColumn.create("dominant label");
        DoubleColumn[] ls = new DoubleColumn[classCount];
        for (int d = 0; d < classCount; d++) ls[d] = DoubleColumn.create("l" + d);
        int[] dl = dominantLabels();
        for (int i = 0; i < memoryCount; i++) {
            mu.append(i);
            double mx = 0;
            for (int j = 0; j < pixelCount; j++) mx = Math.max(mx, Math.abs(memories[i * pixelCount + j]));
            maxAbs.append(mx);
            dom.append(dl[i]);
            for (int d = 0; d < classCount; d++) ls[d].append(label(i, d));
        }
        t.addColumns(mu, maxAbs, dom);
        t.addColumns(ls);
        return t;
    }

    @Override
    public String toString() {
        return String.format("DenseClassifier[K=%d, N=%d, C=%d, n=%s, T=%s (T_r=%.3f)]", memoryCount, pixelCount,
                classCount, n, temperature, reducedTemperature());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private double[] samplesFlat(double[][] samples) {
        Check.rows("samples", samples, "pixelCount", pixelCount);
        return flatten(samples);
    }

    static int argmax(double[] v) {
        int a = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[a]) a = i;
        return a;
    }

    /** Row-major copy of a rectangular matrix. */
    public static double[] flatten(double[][] a) {
        Check.rectangular("matrix", a);
        int c = a[0].length;
        double[] f = new double[Check.arraySize("rows × columns", a.length, c)];
        for (int i = 0; i < a.length; i++) System.arraycopy(a[i], 0, f, i * c, c);
        return f;
    }

    /** Rows of a row-major flat array. */
    public static double[][] unflatten(double[] f, int rows, int cols) {
        Check.notNull("f", f);
        Check.nonNegative("rows", rows);
        Check.nonNegative("cols", cols);
        if (Check.product("rows × cols", rows, cols) != f.length)
            throw new IllegalArgumentException("f has " + f.length + " values, rows × cols = " + rows + " × " + cols
                    + " needs " + (long) rows * cols);
        double[][] a = new double[rows][cols];
        for (int i = 0; i < rows; i++) System.arraycopy(f, i * cols, a[i], 0, cols);
        return a;
    }
}
