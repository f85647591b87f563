package org.hopscape.analysis;

import org.hopscape.util.Check;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The authors' full-batch update rule (000 Eq. 5–7; spec §2.3) for small systems — a few memories on a few
 * training samples (Fig 5C/D: two memories on two digits; Fig 6: one or two memories on two images; Fig 7 saddle
 * runs: one memory on 60 digits) — on plain loops in pixel space, so every figure of 000 part 2 that needs a
 * "full" small system runs without the BLAS trainer.
 *
 * <p>One epoch, with u^μ_s = ⟨M^μ|σ_s⟩/T, c_d(σ) = tanh(Σ_μ l^μ_d max(u^μ,0)^n), m = n and
 * e_d(σ) = 2m (c_d − t_d)^{2m−1} (1 − c_d²):
 * <pre>
 *   G_L[μ,d] = Σ_s e_d(σ_s) F(u^μ_s),     G_M[μ] = Σ_s [Σ_d e_d(σ_s) l^μ_d] F'(u^μ_s) σ_s / T
 *   L ← clip(L − η G_L / max_d |G_L[μ,d]|, −1, 1),   M^μ ← M^μ − η G_M[μ] / max_i |G_M[μ,i]|
 *   M^μ ← M^μ / max(1, max_i |M^μ_i|)
 * </pre>
 * A row whose gradient is exactly zero stays (no division). Both gradients are taken at the same state.
 * (c − t)^{2m−1} is sign(c − t)|c − t|^{2m−1}; 1 − c² underflows to 0 for saturated outputs, as in the
 * authors' code. Not thread-safe; one instance per run.
 */
public final class FewMemoryTraining {
    /** Classes of the classifier (always 10, even when fewer digits are trained; spec §1.1). */
    public static final int CLASSES = 10;

    private final double[] samples;   // S × P row-major, read
    private final int[] classes;      // S
    private final int sampleCount, pixels, memoryCount;
    private final double n, m, temperature;
    private final double[] memories;  // K × P row-major
    private final double[] labels;    // K × 10
    private int epoch;
    // work arrays (allocated once)
    private final double[] f, fp, err, gradL, gradM, coef;

    /**
     * @param samples     training samples σ_s (S × P), pixel values in [−1, 1]
     * @param classes     class of each sample, 0…9
     * @param memories    initial memories (K × P); copied
     * @param labels      initial labels (K × 10); copied
     * @param n           rectified-polynomial order (≥ 1); the cost exponent m = n
     * @param temperature T (> 0)
     */
    public FewMemoryTraining(double[][] samples, int[] classes, double[][] memories, double[][] labels, double n,
                             double temperature) {
        Check.finite("samples", samples);
        Check.finite("memories", memories);
        Check.finite("labels", labels);
        Check.sameSize("classes.length", classes.length, "samples rows", samples.length);
        Check.sameSize("memories columns", memories[0].length, "samples columns", samples[0].length);
        Check.sameSize("labels rows", labels.length, "memories rows", memories.length);
        Check.sameSize("labels columns", labels[0].length, "classes", CLASSES);
        for (int s = 0; s < classes.length; s++) Check.inRange("classes[" + s + "]", classes[s], 0, CLASSES - 1);
        this.n = Check.inRange("n", n, 1, 1000);
        this.m = n;
        this.temperature = Check.positive("temperature", temperature);
        this.sampleCount = samples.length;
        this.pixels = samples[0].length;
        this.memoryCount = memories.length;
        this.samples = flatten(samples);
        this.classes = classes.clone();
        this.memories = flatten(memories);
        this.labels = flatten(labels);
        int ks = memoryCount * sampleCount;
        f = new double[ks];
        fp = new double[ks];
        coef = new double[ks];
        err = new double[sampleCount * CLASSES];
        gradL = new double[memoryCount * CLASSES];
        gradM = new double[memoryCount * pixels];
    }

    /**
     * Default initial state (spec §2.2): every entry of M (K × P) and L (K × 10) i.i.d. Normal(−0.003, 1e−5).
     *
     * @return {memories, labels}
     */
    public static double[][][] defaultInitialState(int memories, int pixels, SplittableRandom random) {
        Check.positive("memories", memories);
        Check.positive("pixels", pixels);
        double[][] mem = new double[memories][pixels], lab = new double[memories][CLASSES];
        for (double[] row : mem) for (int i = 0; i < pixels; i++) row[i] = INIT_MEAN + INIT_SD * random.nextGaussian();
        for (double[] row : lab) for (int i = 0; i < CLASSES; i++) row[i] = INIT_MEAN + INIT_SD * random.nextGaussian();
        return new double[][][] {mem, lab};
    }

    /** Default initial mean and standard deviation of every memory pixel and label (spec §2.2, [code]). */
    public static final double INIT_MEAN = -0.003, INIT_SD = 1e-5;

    /** Run {@code epochs} epochs at rate η. */
    public void run(int epochs, double rate) {
        Check.nonNegative("epochs", epochs);
        for (int e = 0; e < epochs; e++) {
            org.hopscape.util.Interrupts.check("few-memory training");
            step(rate);
        }
    }

    /** One full-batch epoch at rate η (> 0). */
    public void step(double rate) {
        Check.positive("rate", rate);
        int S = sampleCount, P = pixels, K = memoryCount, C = CLASSES;
        double p = 2 * m - 1;
        // 000 Eq. 6–7: u = ⟨M|σ⟩/T, F = max(u,0)^n, F' = n max(u,0)^{n−1}
        for (int k = 0; k < K; k++)
            for (int s = 0; s < S; s++) {
                double dot = 0;
                int mo = k * P, so = s * P;
                for (int i = 0; i < P; i++) dot += memories[mo + i] * samples[so + i];
                double u = dot / temperature;
                f[k * S + s] = u > 0 ? Math.pow(u, n) : 0;
                fp[k * S + s] = u > 0 ? n * Math.pow(u, n - 1) : 0;
            }
        // 000 Eq. 5: e_d(σ) = 2m (c_d − t_d)^{2m−1} (1 − c_d²)
        for (int s = 0; s < S; s++)
            for (int d = 0; d < C; d++) {
                double h = 0;
                for (int k = 0; k < K; k++) h += labels[k * C + d] * f[k * S + s];
                double c = Math.tanh(h), diff = c - (d == classes[s] ? 1 : -1);
                err[s * C + d] = 2 * m * Math.signum(diff) * Math.pow(Math.abs(diff), p) * (1 - c * c);
            }
        for (int k = 0; k < K; k++) {
            for (int d = 0; d < C; d++) {
                double g = 0;
                for (int s = 0; s < S; s++) g += err[s * C + d] * f[k * S + s];
                gradL[k * C + d] = g;
            }
            for (int s = 0; s < S; s++) {
                double w = 0;
                for (int d = 0; d < C; d++) w += err[s * C + d] * labels[k * C + d];
                coef[k * S + s] = w * fp[k * S + s] / temperature;
            }
            int mo = k * P;
            Arrays.fill(gradM, mo, mo + P, 0);
            for (int s = 0; s < S; s++) {
                double w = coef[k * S + s];
                if (w == 0) continue;
                int so = s * P;
                for (int i = 0; i < P; i++) gradM[mo + i] += w * samples[so + i];
            }
        }
        // spec §2.3 steps 2–6: per-row max-abs normalisation, label clip, memory rescale
        for (int k = 0; k < K; k++) {
            double gl = maxAbs(gradL, k * C, C);
            if (gl > 0)
                for (int d = 0; d < C; d++) {
                    double l = labels[k * C + d] - rate * gradL[k * C + d] / gl;
                    labels[k * C + d] = Math.max(-1, Math.min(1, l));
                }
            int mo = k * P;
            double gm = maxAbs(gradM, mo, P);
            if (gm > 0) for (int i = 0; i < P; i++) memories[mo + i] -= rate * gradM[mo + i] / gm;
            double scale = Math.max(1, maxAbs(memories, mo, P));
            if (scale > 1) for (int i = 0; i < P; i++) memories[mo + i] /= scale;
        }
        epoch++;
    }

    private static double maxAbs(double[] x, int from, int len) {
        double mx = 0;
        for (int i = from; i < from + len; i++) mx = Math.max(mx, Math.abs(x[i]));
        return mx;
    }

    private static double[] flatten(double[][] a) {
        int cols = a[0].length;
        double[] out = new double[a.length * cols];
        for (int i = 0; i < a.length; i++) System.arraycopy(a[i], 0, out, i * cols, cols);
        return out;
    }

    /** Epochs run so far. */
    public int epoch() { return epoch; }
    public int memoryCount() { return memoryCount; }
    public double n() { return n; }
    public double temperature() { return temperature; }

    /** Memory μ (a copy, P pixels). */
    public double[] memory(int mu) {
        Check.inRange("mu", mu, 0, memoryCount - 1);
        return Arrays.copyOfRange(memories, mu * pixels, (mu + 1) * pixels);
    }

    /** Labels of memory μ (a copy, 10 values). */
    public double[] labels(int mu) {
        Check.inRange("mu", mu, 0, memoryCount - 1);
        return Arrays.copyOfRange(labels, mu * CLASSES, (mu + 1) * CLASSES);
    }

    /** All memories (copies, K × P). */
    public double[][] memories() {
        double[][] out = new double[memoryCount][];
        for (int k = 0; k < memoryCount; k++) out[k] = memory(k);
        return out;
    }
}
