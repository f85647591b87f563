package org.hopscape.analysis;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hopscape.util.Check;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.Arrays;

/**
 * Decomposition of memories in the training-sample basis (paper 000 Eq. 1):
 * <pre>  |M^μ⟩ = Σ_i α^μ_i |i⟩,   α^μ = M^μ X⁺              (000 Eq. 1)</pre>
 * where X is the S×N matrix whose rows are the training samples and X⁺ its Moore–Penrose pseudo-inverse (EJML SVD).
 * With linearly independent rows (S ≤ N) α is the unique least-squares solution, M^μ Xᵀ (X Xᵀ)⁻¹.
 * Also the aggregated coordinates ᾱ^μ_d = Σ_{i ∈ digit d} α^μ_i (000 Eq. 2), max |α| and the number of samples
 * needed to reconstruct a memory (spec 000 §3).
 */
public final class PseudoInverseDecomposition {
    /** Reconstruction tolerance factor: tol = N · 0.05 · mean |M| (spec 000 §3, authors' code). */
    public static final double TOLERANCE_FACTOR = 0.05;

    private final int samples, pixels;
    private final double[] basis;      // S×N
    private final double[] pinv;       // N×S
    private final int[] classes;

    private PseudoInverseDecomposition(double[] basis, double[] pinv, int samples, int pixels, int[] classes) {
        this.basis = basis;
        this.pinv = pinv;
        this.samples = samples;
        this.pixels = pixels;
        this.classes = classes;
    }

    /**
     * The decomposition for a basis of training samples.
     *
     * @param basis   S×N samples (rows), S ≤ N (copied)
     * @param classes class 0…9 of each sample (for ᾱ_d)
     */
    public static PseudoInverseDecomposition of(double[][] basis, int[] classes) {
        Check.finite("basis", basis);
        Check.notNull("classes", classes);
        Check.sameSize("classes.length", classes.length, "basis rows", basis.length);
        int s = basis.length, n = basis[0].length;
        if (s > n)
            throw new IllegalArgumentException("basis has " + s + " samples of " + n + " pixels: α is not unique for S > N");
        for (int i = 0; i < s; i++)
            if (classes[i] < 0) throw new IllegalArgumentException("classes[" + i + "] must be >= 0 (got " + classes[i] + ")");
        DMatrixRMaj x = new DMatrixRMaj(basis);
        DMatrixRMaj p = new DMatrixRMaj(n, s);
        CommonOps_DDRM.pinv(x, p);
        for (double v : p.data)
            if (!Double.isFinite(v)) throw new IllegalStateException("pseudo-inverse SVD failed for the " + s + "×" + n + " basis");
        return new PseudoInverseDecomposition(x.data.clone(), p.data, s, n, classes.clone());
    }

    public int sampleCount() { return samples; }

    public int pixelCount() { return pixels; }

    public int[] classes() { return classes.clone(); }

    /** Sample i of the basis (copy). */
    public double[] sample(int i) {
        Check.index("i", i, samples);
        return Arrays.copyOfRange(basis, i * pixels, (i + 1) * pixels);
    }

    /** α = M X⁺ for one memory (000 Eq. 1). */
    public double[] alpha(double[] memory) {
        Check.vector("memory", memory, "pixels", pixels);
        double[] a = new double[samples];
        for (int j = 0; j < pixels; j++) {
            double mj = memory[j];
            if (mj == 0) continue;
            int row = j * samples;
            for (int i = 0; i < samples; i++) a[i] += mj * pinv[row + i];
        }
        return a;
    }

    /** α for each memory row (K×S). */
    public double[][] alphas(double[][] memories) {
        Check.rows("memories", memories, "pixels", pixels);
        double[][] a = new double[memories.length][];
        for (int mu = 0; mu < memories.length; mu++) a[mu] = alpha(memories[mu]);
        return a;
    }

    /** ᾱ_d = Σ_{i of class d} α_i for d = 0…classCount−1 (000 Eq. 2). */
    public double[] aggregated(double[] alpha, int classCount) {
        Check.vector("alpha", alpha, "samples", samples);
        Check.positive("classCount", classCount);
        double[] ab = new double[classCount];
        for (int i = 0; i < samples; i++) if (classes[i] < classCount) ab[classes[i]] += alpha[i];
        return ab;
    }

    /** X⁺ summed per class: the N×C matrix P with ᾱ = M P (one product per memory instead of two). */
    public double[] aggregationMatrix(int classCount) {
        Check.positive("classCount", classCount);
        double[] p = new double[pixels * classCount];
        for (int j = 0; j < pixels; j++)
            for (int i = 0; i < samples; i++)
                if (classes[i] < classCount) p[j * classCount + classes[i]] += pinv[j * samples + i];
        return p;
    }

    /** Reconstruction α X of a memory (the projection on the span of the basis). */
    public double[] reconstruct(double[] alpha) {
        Check.vector("alpha", alpha, "samples", samples);
        double[] r = new double[pixels];
        for (int i = 0; i < samples; i++) {
            double ai = alpha[i];
            for (int j = 0; j < pixels; j++) r[j] += ai * basis[i * pixels + j];
        }
        return r;
    }

    /** Reconstruction error Σ_pixels |α X − M| (L1) of a memory: what its projection on the span of the basis misses. */
    public double reconstructionError(double[] memory) {
        double[] r = reconstruct(alpha(memory));
        double e = 0;
        for (int j = 0; j < pixels; j++) e += Math.abs(r[j] - memory[j]);
        return e;
    }

    /** max_i |α_i|. */
    public static double maxAbs(double[] alpha) {
        Check.nonEmpty("alpha", alpha);
        double m = 0;
        for (double v : alpha) m = Math.max(m, Math.abs(v));
        return m;
    }

    /** Index of the sample with the largest |α_i|. */
    public static int argMaxAbs(double[] alpha) {
        Check.nonEmpty("alpha", alpha);
        int a = 0;
        for (int i = 1; i < alpha.length; i++) if (Math.abs(alpha[i]) > Math.abs(alpha[a])) a = i;
        return a;
    }

    /** Tolerance of the reconstruction count: N · 0.05 · mean over all memories and pixels of |M| (spec 000 §3). */
    public static double reconstructionTolerance(double[][] memories) {
        Check.finite("memories", memories);
        double s = 0;
        long count = 0;
        for (double[] m : memories) for (double v : m) { s += Math.abs(v); count++; }
        return memories[0].length * TOLERANCE_FACTOR * s / count;
    }

    /**
     * Samples needed to reconstruct a memory (spec 000 §3): sort samples by |α_i| descending; the count is the first
     * w ∈ [1, S−1] with Σ_pixels |Σ_{top w} α_i x_i − M| &lt; tol, else S − 1 (the authors' cap).
     */
    public int reconstructionCount(double[] memory, double[] alpha, double tolerance) {
        Check.vector("memory", memory, "pixels", pixels);
        Check.vector("alpha", alpha, "samples", samples);
        Check.nonNegative("tolerance", tolerance);
        Integer[] order = new Integer[samples];
        for (int i = 0; i < samples; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(Math.abs(alpha[b]), Math.abs(alpha[a])));
        double[] r = new double[pixels];
        for (int w = 1; w < samples; w++) {
            int i = order[w - 1];
            double ai = alpha[i];
            double err = 0;
            for (int j = 0; j < pixels; j++) {
                r[j] += ai * basis[i * pixels + j];
                err += Math.abs(r[j] - memory[j]);
            }
            if (err < tolerance) return w;
        }
        return samples - 1;
    }

    /** The full analysis of a set of memories (one tolerance for all, spec 000 §3). */
    public Summary summarise(double[][] memories) {
        double[][] a = alphas(memories);
        double tol = reconstructionTolerance(memories);
        double[] max = new double[a.length];
        int[] count = new int[a.length];
        for (int mu = 0; mu < a.length; mu++) {
            max[mu] = maxAbs(a[mu]);
            count[mu] = reconstructionCount(memories[mu], a[mu], tol);
        }
        return new Summary(a, max, count, tol);
    }

    /**
     * Per-memory α statistics.
     *
     * @param alphas               K×S coefficients
     * @param maxAlpha             max_i |α^μ_i| per memory
     * @param reconstructionCounts samples needed per memory
     * @param tolerance            the L1 tolerance used
     */
    public record Summary(double[][] alphas, double[] maxAlpha, int[] reconstructionCounts, double tolerance) {
        /** Mean over memories of max |α| (000 Fig. 2A left). */
        public double meanMaxAlpha() { return mean(maxAlpha); }

        /** Population s.d. over memories of max |α|. */
        public double sdMaxAlpha() { return sd(maxAlpha); }

        /** Mean reconstruction count (000 Fig. 2A right). */
        public double meanReconstructionCount() { return mean(Arrays.stream(reconstructionCounts).asDoubleStream().toArray()); }

        public double sdReconstructionCount() { return sd(Arrays.stream(reconstructionCounts).asDoubleStream().toArray()); }

        public Table toTable() {
            Table t = Table.create("α decomposition (tol " + String.format("%.3g", tolerance) + ")");
            IntColumn mu = IntColumn.create("memory");
            DoubleColumn mx = DoubleColumn.create("max |α|");
            IntColumn rc = IntColumn.create("reconstruction count");
            for (int i = 0; i < maxAlpha.length; i++) { mu.append(i); mx.append(maxAlpha[i]); rc.append(reconstructionCounts[i]); }
            return t.addColumns(mu, mx, rc);
        }

        @Override
        public String toString() {
            return String.format("max|α| %.3f ± %.3f, reconstruction %.1f ± %.1f", meanMaxAlpha(), sdMaxAlpha(),
                    meanReconstructionCount(), sdReconstructionCount());
        }
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    static double sd(double[] v) {
        double m = mean(v), s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return Math.sqrt(s / v.length);
    }
}
