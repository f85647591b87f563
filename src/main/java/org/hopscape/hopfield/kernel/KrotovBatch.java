package org.hopscape.hopfield.kernel;

import org.hopscape.util.Blas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * R independent training runs of the Krotov–Hopfield classifier on the same S training samples, advanced one
 * full-batch epoch at a time together (spec 000 §2.3 for every run; issue 12). Each run has its own memories
 * (K_r×N), labels, order n, cost exponent m, temperature, rate and momentum; all share X (S×N) and the targets.
 *
 * <p>Per epoch, for all runs at once, two products on the stacked W (S×ΣK, column block r = run r's
 * W[s,μ] = (Σ_d e_d(σ_s) l^μ_d) F'_μ(σ_s)/T, spec 000 §1.2):
 * <ul>
 * <li>the memory gradients G = Wᵀ X̃ (ΣK×D), where X̃ keeps one copy of each distinct pixel column of X
 *     (pixels that are identical over all samples, e.g. the background border of MNIST, have identical gradient
 *     columns; max_i |G^μ_i| is the same over pixels or over distinct columns);</li>
 * <li>Q = (X Xᵀ) W (S×ΣK), which updates the projections without a product over the pixels: the memory step
 *     η V^μ lies in the row space of X (V^μ = −G^μ/max|G^μ| = −(W^μ/max|G^μ|)ᵀ X with ρ = 0; with momentum
 *     V^μ = c^μ X where c^μ follows the same recursion), so X(M^μ + ηV^μ)ᵀ/s_μ = (P^μ + η X Xᵀ c^μ)/s_μ.</li>
 * </ul>
 * Every {@link #REFRESH_EVERY} epochs (and at the start) the projections P = X Mᵀ are recomputed exactly, which
 * keeps the accumulated rounding of the incremental update at a few ulps. With S ≥ N the Gram route is not cheaper
 * and P is recomputed every epoch. Memories are stored and updated per pixel (normalised step, then per-memory
 * rescale) as in {@link KrotovKernel#epoch}, with two differences of rounding only: the products sum in another
 * order, and divisions by a row maximum are multiplications by its reciprocal. A run therefore follows the
 * single-run path to rounding until the chaotic dynamics amplify the difference (after a few hundred epochs).
 *
 * <p>The per-run work (activations, errors, the three small products, the update) runs in parallel over runs on
 * a caller's {@link ForkJoinPool}; each run's arithmetic is sequential, so results do not depend on the pool size.
 * Not thread-safe itself: one epoch at a time.
 */
public final class KrotovBatch {
    /**
     * Version of the batched computation: bump it when a change alters its results (even by rounding), so that
     * checkpointed sweeps computed with it are recomputed rather than mixed with new points.
     */
    public static final int VERSION = 1;
    /** Epochs between exact recomputations of the projections X·Mᵀ. */
    public static final int REFRESH_EVERY = 100;
    /** Products of the small per-run matrices below this many multiply-adds use plain loops instead of BLAS. */
    static final int SMALL_PRODUCT = 1 << 13;

    private final int s, n, c, d, runs, rows;
    private final double[] x;             // S×N, pixel columns permuted: the D distinct columns first (read)
    private final int[] order;            // internal pixel j holds pixel order[j] of the caller's layout
    private final int[] groupStart, groupEnd, groupColumn; // internal pixels [start, end) ≥ D copy distinct column c
    private final double[] gram;          // S×S, or null (projections recomputed every epoch)
    private final double[] targets;       // S×C
    private final int[] offset;           // run r owns memory rows [offset[r], offset[r+1])
    private final KrotovKernel.Step[] steps;
    private final double[] m, l;          // rows×N (memory μ = row μ × pending[μ]), rows×C
    private final double[] pending;       // per memory: rescale factor not yet applied to its row
    private final double[] stepScale, gradInv, velocityInv, rescale; // per memory, set by update()
    private final double[] stepMax;       // per memory: max|M^μ + ηV^μ| of the last step (NaN or ∞ when it diverged)
    private final double[] proj, f, fp, w, q; // S×rows (column block per run)
    private final double[] z;             // S×rows, X Xᵀ cᵀ of the velocity (momentum runs only), else null
    private final double[] h, e;          // R blocks of S×C
    private final double[] gL, vL;        // rows×C
    private final double[] gD, vD;        // rows×D (vD only with momentum)
    private boolean forwardReady;
    private int epoch;

    /**
     * @param x        samples S×N row-major (read; copied with its pixel columns reordered)
     * @param targets  S×C targets, +1 for the true class and −1 otherwise (read, not copied)
     * @param memories per run its K_r×N memories (copied)
     * @param labels   per run its K_r×C labels (copied)
     * @param steps    per run its hyper-parameters
     */
    public KrotovBatch(double[] x, double[] targets, int samples, int pixels, int classes, double[][] memories,
                       double[][] labels, KrotovKernel.Step[] steps) {
        if (samples < 1 || pixels < 1 || classes < 1)
            throw new IllegalArgumentException("samples, pixels and classes must be >= 1 (got " + samples + ", " + pixels
                    + ", " + classes + ")");
        if (x.length != samples * pixels) throw new IllegalArgumentException("x must hold samples·pixels = "
                + samples * pixels + " values (got " + x.length + ")");
        if (targets.length != samples * classes) throw new IllegalArgumentException("targets must hold samples·classes = "
                + samples * classes + " values (got " + targets.length + ")");
        this.runs = steps.length;
        if (runs < 1 || memories.length != runs || labels.length != runs)
            throw new IllegalArgumentException("memories, labels and steps must hold one entry per run, at least one (got "
                    + memories.length + ", " + labels.length + ", " + runs + ")");
        this.s = samples;
        this.n = pixels;
        this.c = classes;
        this.targets = targets;
        this.steps = steps.clone();
        offset = new int[runs + 1];
        boolean momentum = false;
        for (int r = 0; r < runs; r++) {
            if (memories[r].length == 0 || memories[r].length % pixels != 0)
                throw new IllegalArgumentException("memories[" + r + "] must hold K·pixels values, K >= 1 (got " + memories[r].length + ")");
            int k = memories[r].length / pixels;
            if (labels[r].length != k * classes)
                throw new IllegalArgumentException("labels[" + r + "] must hold K·classes = " + k * classes + " values (got " + labels[r].length + ")");
            offset[r + 1] = offset[r] + k;
            momentum |= steps[r].momentum() != 0;
        }
        rows = offset[runs];
        // distinct pixel columns of X: the first pixel of each distinct column in order, then the copies
        int[] distinctOf = new int[n];
        Map<ColumnKey, Integer> seen = new HashMap<>();
        for (int i = 0; i < n; i++) {
            long[] bits = new long[s];
            for (int a = 0; a < s; a++) bits[a] = Double.doubleToLongBits(x[a * n + i]);
            distinctOf[i] = seen.computeIfAbsent(new ColumnKey(bits), key -> seen.size());
        }
        d = seen.size();
        // internal order: the first pixel of each distinct column (0 … D−1), then the other copies grouped by column
        order = new int[n];
        boolean[] placed = new boolean[d];
        List<List<Integer>> copies = new ArrayList<>();
        for (int j = 0; j < d; j++) copies.add(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            int j = distinctOf[i];
            if (!placed[j]) {
                placed[j] = true;
                order[j] = i;
            } else copies.get(j).add(i);
        }
        List<int[]> groups = new ArrayList<>();
        int next = d;
        for (int j = 0; j < d; j++) {
            if (copies.get(j).isEmpty()) continue;
            groups.add(new int[] {next, next + copies.get(j).size(), j});
            for (int i : copies.get(j)) order[next++] = i;
        }
        groupStart = groups.stream().mapToInt(gr -> gr[0]).toArray();
        groupEnd = groups.stream().mapToInt(gr -> gr[1]).toArray();
        groupColumn = groups.stream().mapToInt(gr -> gr[2]).toArray();
        this.x = new double[s * n];
        for (int a = 0; a < s; a++)
            for (int j = 0; j < n; j++) this.x[a * n + j] = x[a * n + order[j]];
        m = new double[rows * n];
        l = new double[rows * c];
        pending = new double[rows];
        Arrays.fill(pending, 1.0);
        stepScale = new double[rows];
        gradInv = new double[rows];
        velocityInv = new double[rows];
        rescale = new double[rows];
        stepMax = new double[rows];
        for (int r = 0; r < runs; r++) {
            for (int mu = 0; mu < memories[r].length / n; mu++)
                for (int j = 0; j < n; j++) m[(offset[r] + mu) * n + j] = memories[r][mu * n + order[j]];
            System.arraycopy(labels[r], 0, l, offset[r] * c, labels[r].length);
        }
        if (s < n) {
            gram = new double[s * s];
            Blas.gemm(false, true, s, s, n, 1.0, this.x, this.x, 0.0, gram);
            q = new double[s * rows];
        } else {
            gram = null;
            q = null;
        }
        proj = new double[s * rows];
        f = new double[s * rows];
        fp = new double[s * rows];
        w = new double[s * rows];
        z = momentum && gram != null ? new double[s * rows] : null;
        h = new double[runs * s * c];
        e = new double[runs * s * c];
        gL = new double[rows * c];
        vL = new double[rows * c];
        gD = new double[rows * d];
        vD = momentum ? new double[rows * d] : null;
        refreshProjections();
    }

    private record ColumnKey(long[] bits) {
        @Override public boolean equals(Object o) { return o instanceof ColumnKey k && Arrays.equals(bits, k.bits); }

        @Override public int hashCode() { return Arrays.hashCode(bits); }
    }

    /** Runs in the batch. */
    public int runs() { return runs; }

    /** Memories of run r. */
    public int memoryCount(int r) { return offset[r + 1] - offset[r]; }

    /** Distinct pixel columns of the samples (the width of the gradient product). */
    public int distinctColumns() { return d; }

    /** Whether the projections are updated through the Gram matrix between exact recomputations. */
    public boolean usesGram() { return gram != null; }

    /** Epochs done. */
    public int epoch() { return epoch; }

    /** Run r's memories, K_r×N row-major (a copy, in the caller's pixel order). */
    public double[] memories(int r) {
        settle();
        int k = offset[r + 1] - offset[r];
        double[] out = new double[k * n];
        for (int mu = 0; mu < k; mu++) {
            int mo = (offset[r] + mu) * n;
            for (int j = 0; j < n; j++) out[mu * n + order[j]] = m[mo + j];
        }
        return out;
    }

    /**
     * Whether every memory pixel and label of run r is finite after the last epoch, without copying its memories:
     * a memory is finite when the largest |pixel| of its last step is (Math.max carries a NaN through), and the
     * rescale by a finite factor keeps it so. Cheap enough to ask after every epoch.
     */
    public boolean finite(int r) {
        for (int mu = offset[r]; mu < offset[r + 1]; mu++) if (!Double.isFinite(stepMax[mu])) return false;
        for (int j = offset[r] * c; j < offset[r + 1] * c; j++) if (!Double.isFinite(l[j])) return false;
        return true;
    }

    /** Run r's labels, K_r×C row-major (a copy). */
    public double[] labels(int r) {
        return Arrays.copyOfRange(l, offset[r] * c, offset[r + 1] * c);
    }

    /**
     * One epoch of every run.
     *
     * @param pool runs the per-run work in parallel; null = the calling thread
     */
    public void epoch(ForkJoinPool pool) {
        if (!forwardReady) forEachRun(pool, this::forward);
        Blas.gemm(true, false, rows, d, s, 1.0, w, 0, rows, x, 0, n, 0.0, gD, 0, d); // G = Wᵀ X̃ (the D distinct columns)
        if (gram != null) Blas.gemm(false, false, s, rows, s, 1.0, gram, w, 0.0, q); // Q = X Xᵀ W
        epoch++;
        boolean refresh = gram == null || epoch % REFRESH_EVERY == 0;
        forEachRun(pool, r -> {
            update(r, !refresh);
            if (!refresh) forward(r);
        });
        if (refresh) {
            refreshProjections();
            forwardReady = false;
        } else forwardReady = true;
    }

    private void forEachRun(ForkJoinPool pool, IntConsumer body) {
        if (pool == null || runs == 1 || pool.getParallelism() == 1) {
            for (int r = 0; r < runs; r++) body.accept(r);
            return;
        }
        pool.submit(() -> IntStream.range(0, runs).parallel().forEach(body)).join();
    }

    /** P = X Mᵀ, exactly (000 Eq. 6 before the division by T). */
    private void refreshProjections() {
        settle();
        Blas.gemm(false, true, s, rows, n, 1.0, x, m, 0.0, proj);
    }

    /** Activations, errors, label gradient and W of run r at its current state (spec 000 §1.2). */
    private void forward(int r) {
        KrotovKernel.Step st = steps[r];
        int o = offset[r], k = offset[r + 1] - o;
        double order = st.n(), invT = 1.0 / st.temperature(), t = st.temperature();
        double e1 = order - 1;
        int ik = (int) e1;
        if (ik == e1 && ik >= 0 && ik <= KrotovKernel.MAX_INTEGER_POWER) {
            // (x/T)^(n−1) by repeated squaring, element-wise over the block: the multiplications of
            // KrotovKernel.power in the same order (bit-identical), in loops the compiler vectorises;
            // fp holds the running product, w the running square (w is overwritten below)
            for (int a = 0; a < s; a++) {
                int base = a * rows + o, end = base + k;
                for (int mu = base; mu < end; mu++) {
                    fp[mu] = 1;
                    w[mu] = proj[mu] * invT;
                }
                for (int bits = ik; bits != 0; ) {
                    boolean multiply = (bits & 1) != 0;
                    bits >>>= 1;
                    if (multiply) for (int mu = base; mu < end; mu++) fp[mu] *= w[mu];
                    if (bits != 0) for (int mu = base; mu < end; mu++) w[mu] *= w[mu];
                }
                for (int mu = base; mu < end; mu++) {
                    double u = proj[mu] * invT, p = fp[mu];
                    fp[mu] = u > 0 ? order * p : 0;
                    f[mu] = u > 0 ? p * u : 0;
                }
            }
        } else {
            for (int a = 0; a < s; a++) {
                int base = a * rows + o;
                for (int mu = base; mu < base + k; mu++) {
                    double u = proj[mu] * invT;
                    if (u > 0) {
                        double p = KrotovKernel.power(u, e1);   // (x/T)^(n−1), never x^n / T^n (spec 000 §1.1)
                        fp[mu] = order * p;
                        f[mu] = p * u;
                    } else {
                        f[mu] = 0;
                        fp[mu] = 0;
                    }
                }
            }
        }
        int he = r * s * c;
        // h = F L, c = tanh(h), e = 2m (c − t)^(2m−1) (1 − c²)
        product(false, false, s, c, k, f, o, rows, l, o * c, c, h, he, c);
        double p = 2 * st.m() - 1, twoM = 2 * st.m();
        for (int i = 0; i < s * c; i++) e[he + i] = KrotovKernel.error(h[he + i], targets[i], p, twoM);
        // ∂C/∂L = Fᵀ e
        product(true, false, k, c, s, f, o, rows, e, he, c, gL, o * c, c);
        // W[s,μ] = (Σ_d e[s,d] L[μ,d]) F'[s,μ] / T
        product(false, true, s, k, c, e, he, c, l, o * c, c, w, o, rows);
        for (int a = 0; a < s; a++) {
            int base = a * rows + o;
            for (int mu = 0; mu < k; mu++) w[base + mu] = w[base + mu] * fp[base + mu] / t;
        }
    }

    /**
     * Steps 2–6 of spec 000 §2.3 for run r on the gradients in gL, gD; projections updated when {@code incremental}.
     * The divisions by a row maximum are multiplications by its reciprocal (the single-run path divides; the results
     * differ by rounding). The rescale of step 6 is deferred: the stored row times {@code pending[μ]} is the memory,
     * and the next update applies the factor in the same pass as the step (the same multiplications, in the same
     * order, as rescaling at once), so each epoch reads and writes a memory once.
     */
    private void update(int r, boolean incremental) {
        KrotovKernel.Step st = steps[r];
        double eta = st.learningRate(), rho = st.momentum();
        int o = offset[r], k = offset[r + 1] - o;
        for (int mu = o; mu < o + k; mu++) {
            int lo = mu * c, go = mu * d, mo = mu * n;
            KrotovKernel.normaliseRow(gL, lo, c);
            for (int j = lo; j < lo + c; j++) vL[j] = rho * vL[j] - gL[j];
            double g = maxAbs(gD, go, d);
            double gi = g == 0 ? 0 : 1 / g;
            if (Double.isInfinite(gi)) {
                // max|G| so small (subnormal: saturated outputs) that its reciprocal overflows: divide instead,
                // here and in the projection step (Q is scratch)
                for (int j = go; j < go + d; j++) gD[j] /= g;
                if (q != null) for (int a = 0; a < s; a++) q[a * rows + mu] /= g;
                gi = 1;
            }
            gradInv[mu] = gi;
            double[] v;              // the memory's velocity per distinct column is v[go + j]·scale
            double scale;
            if (rho == 0) {
                // V = −G / max|G| (a zero gradient row stays zero: dead memory, no NaN)
                v = gD;
                scale = -gi;
            } else {
                // V ← ρV − G / max|G|, then V / max|V| (stored normalised: the next epoch starts from it)
                for (int j = go; j < go + d; j++) vD[j] = rho * vD[j] - gD[j] * gi;
                KrotovKernel.normaliseRow(vL, lo, c);
                double vmax = maxAbs(vD, go, d);
                double vinv = vmax == 0 ? 0 : 1 / vmax;
                if (Double.isInfinite(vinv)) {
                    for (int j = go; j < go + d; j++) vD[j] /= vmax;
                    if (z != null) for (int a = 0; a < s; a++) z[a * rows + mu] /= vmax;
                    if (q != null) for (int a = 0; a < s; a++) q[a * rows + mu] /= vmax;
                    vinv = 1;
                } else for (int j = go; j < go + d; j++) vD[j] *= vinv;
                velocityInv[mu] = vinv;
                v = vD;
                scale = 1;
            }
            stepScale[mu] = scale;
            for (int j = lo; j < lo + c; j++) {
                double x = l[j] + eta * vL[j];
                l[j] = x > 1 ? 1 : (x < -1 ? -1 : x);
            }
            // M ← M + η V (the deferred rescale of the previous epoch applied first), then max |M| (step 6)
            double before = pending[mu];
            for (int j = 0; j < d; j++) m[mo + j] = m[mo + j] * before + eta * (v[go + j] * scale);
            for (int q = 0; q < groupStart.length; q++) {
                double step = eta * (v[go + groupColumn[q]] * scale);
                for (int j = mo + groupStart[q]; j < mo + groupEnd[q]; j++) m[j] = m[j] * before + step;
            }
            double max = maxAbs(m, mo, n);
            stepMax[mu] = max;
            // per-memory rescale: never scaled up (spec 000 §2.3 step 6), applied with the next step
            double inv = max > 1 ? 1 / max : 1;
            pending[mu] = inv;
            rescale[mu] = inv;
        }
        if (!incremental && (z == null || rho == 0)) return;
        // the step in projection space: η X V̂ᵀ = η X Xᵀ cᵀ with c the velocity's sample coefficients;
        // ρ = 0: c = −W/max|G|; momentum: z = X Xᵀ cᵀ follows z ← (ρ z − Q / max|G|) / max|V|
        for (int a = 0; a < s; a++) {
            int base = a * rows;
            if (rho == 0)
                for (int i = base + o; i < base + o + k; i++) proj[i] = (proj[i] + eta * (q[i] * stepScale[i - base])) * rescale[i - base];
            else
                for (int i = base + o; i < base + o + k; i++) {
                    int mu = i - base;
                    double dp = z[i] = (rho * z[i] - q[i] * gradInv[mu]) * velocityInv[mu];
                    if (incremental) proj[i] = (proj[i] + eta * dp) * rescale[mu];
                }
        }
    }

    /** Apply the deferred rescales to the stored memories. */
    private void settle() {
        for (int mu = 0; mu < rows; mu++) {
            double p = pending[mu];
            if (p == 1) continue;
            for (int i = mu * n; i < (mu + 1) * n; i++) m[i] *= p;
            pending[mu] = 1;
        }
    }

    private static double maxAbs(double[] a, int from, int len) {
        double max = 0;
        for (int i = from; i < from + len; i++) max = Math.max(max, Math.abs(a[i]));
        return max;
    }

    /** C (m×n, written) = op(A)·op(B) on strided blocks: BLAS when large, plain loops when small. */
    static void product(boolean transA, boolean transB, int mm, int nn, int kk, double[] a, int ao, int lda,
                        double[] b, int bo, int ldb, double[] out, int co, int ldc) {
        if ((long) mm * nn * kk >= SMALL_PRODUCT) {
            Blas.gemm(transA, transB, mm, nn, kk, 1.0, a, ao, lda, b, bo, ldb, 0.0, out, co, ldc);
            return;
        }
        for (int i = 0; i < mm; i++)
            for (int j = 0; j < nn; j++) {
                double acc = 0;
                for (int p = 0; p < kk; p++)
                    acc += (transA ? a[ao + p * lda + i] : a[ao + i * lda + p]) * (transB ? b[bo + j * ldb + p] : b[bo + p * ldb + j]);
                out[co + i * ldc + j] = acc;
            }
    }
}
