package org.hopscape.util;

import smile.linalg.blas.cblas_h;

import java.lang.foreign.MemorySegment;

/**
 * Dense row-major products through OpenBLAS ({@code cblas_dgemm} via Smile's FFM binding on the Java arrays
 * themselves, no copy; foundation-notes §12), with a plain-Java reference the tests compare against. The one
 * place in the kit that calls BLAS.
 */
public final class Blas {
    private Blas() {}

    /**
     * Audit hook, off unless the environment variable {@code HOPSCAPE_BLAS_PERTURB} holds a non-zero integer seed: then
     * every non-zero entry of every product moves by −1, 0 or +1 ulp (chosen by a hash of the seed, the entry's index
     * and its value, so the same on any thread count), which emulates a BLAS whose kernel sums in another order.
     * environment/blas-audit.sh uses it to run the suite as if on other CPUs; nothing in the kit sets it.
     */
    static final long PERTURB_SEED = parseSeed(System.getenv("HOPSCAPE_BLAS_PERTURB"));

    static long parseSeed(String s) {
        if (s == null || s.isBlank()) return 0;
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("HOPSCAPE_BLAS_PERTURB must be an integer seed, was '" + s + "'");
        }
    }

    /**
     * Moves each non-zero c[i, j] (m × n, row-major) by −1, 0 or +1 ulp as the seed dictates (no-op for seed 0).
     * {@code symmetric}: C = AᵀA or AAᵀ, whose (i, j) and (j, i) entries any kernel sums alike, so they move alike.
     */
    static void perturb(double[] c, int m, int n, boolean symmetric, long seed) {
        perturb(c, 0, n, m, n, symmetric, seed);
    }

    /** The same on the m × n block of c at {@code offset} with row stride {@code ldc}. */
    static void perturb(double[] c, int offset, int ldc, int m, int n, boolean symmetric, long seed) {
        if (seed == 0) return;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) {
                int k = offset + i * ldc + j;
                if (c[k] == 0) continue;                 // a sum of exact zeros is zero in every summation order
                long index = symmetric ? (long) Math.min(i, j) * n + Math.max(i, j) : (long) i * n + j;
                long h = Rng.mix(seed ^ Rng.mix(index + 0x9E3779B97F4A7C15L * Double.doubleToLongBits(c[k])));
                int step = (int) Long.remainderUnsigned(h, 3) - 1;
                if (step > 0) c[k] = Math.nextUp(c[k]);
                else if (step < 0) c[k] = Math.nextDown(c[k]);
            }
    }

    /**
     * C = alpha·op(A)·op(B) + beta·C, all row-major. op(A) is m×k, op(B) is k×n.
     *
     * @param a      read; m×k (or k×m when {@code transA})
     * @param b      read; k×n (or n×k when {@code transB})
     * @param c      written; m×n, must not alias a or b (a and b may be the same array)
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                            double[] a, double[] b, double beta, double[] c) {
        Check.nonNegative("m", m);
        Check.nonNegative("n", n);
        Check.nonNegative("k", k);
        Check.notNull("a", a);
        Check.notNull("b", b);
        Check.notNull("c", c);
        if (a.length < (long) m * k || b.length < (long) k * n || c.length < (long) m * n)
            throw new IllegalArgumentException("gemm: arrays too short for m=" + m + ", n=" + n + ", k=" + k);
        if (c == a || c == b) throw new IllegalArgumentException("gemm: output c aliases an input");
        if (m == 0 || n == 0) return;
        int lda = transA ? m : k, ldb = transB ? k : n;
        cblas_h.cblas_dgemm(cblas_h.CblasRowMajor(), transA ? cblas_h.CblasTrans() : cblas_h.CblasNoTrans(),
                transB ? cblas_h.CblasTrans() : cblas_h.CblasNoTrans(), m, n, k, alpha,
                MemorySegment.ofArray(a), lda, MemorySegment.ofArray(b), ldb, beta, MemorySegment.ofArray(c), n);
        if (PERTURB_SEED != 0) perturb(c, m, n, a == b && m == n && transA != transB, PERTURB_SEED);
    }

    /**
     * The OpenBLAS build and the kernel it runs on this CPU (e.g. "OpenBLAS 0.3.21 … DYNAMIC_ARCH … / Haswell"):
     * a DYNAMIC_ARCH build picks its kernels at load time (or as {@code OPENBLAS_CORETYPE} forces them), and
     * different kernels round products differently, so results are reproducible only up to that rounding.
     */
    public static String kernel() {
        String config = cblas_h.openblas_get_config().reinterpret(1024).getString(0);
        String core = cblas_h.openblas_get_corename().reinterpret(256).getString(0);
        return config + " / " + core;
    }

    /**
     * C = alpha·op(A)·op(B) + beta·C on sub-matrices of row-major arrays: A starts at {@code a[aOffset]} with
     * leading dimension (row stride) {@code lda}, likewise B and C. op(A) is m×k, op(B) is k×n.
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                            double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb, double beta,
                            double[] c, int cOffset, int ldc) {
        if (m == 0 || n == 0) return;
        int aRows = transA ? k : m, aCols = transA ? m : k, bRows = transB ? n : k, bCols = transB ? k : n;
        checkSub("a", a, aOffset, lda, aRows, aCols);
        checkSub("b", b, bOffset, ldb, bRows, bCols);
        checkSub("c", c, cOffset, ldc, m, n);
        if (c == a || c == b) throw new IllegalArgumentException("gemm: output c aliases an input");
        cblas_h.cblas_dgemm(cblas_h.CblasRowMajor(), transA ? cblas_h.CblasTrans() : cblas_h.CblasNoTrans(),
                transB ? cblas_h.CblasTrans() : cblas_h.CblasNoTrans(), m, n, k, alpha,
                slice(a, aOffset), lda, slice(b, bOffset), ldb, beta, slice(c, cOffset), ldc);
        if (PERTURB_SEED != 0)
            perturb(c, cOffset, ldc, m, n, a == b && aOffset == bOffset && m == n && transA != transB, PERTURB_SEED);
    }

    private static MemorySegment slice(double[] x, int offset) {
        MemorySegment s = MemorySegment.ofArray(x);
        return offset == 0 ? s : s.asSlice((long) offset * Double.BYTES);
    }

    private static void checkSub(String name, double[] x, int offset, int ld, int rows, int cols) {
        if (offset < 0 || ld < Math.max(1, cols) || (rows > 0 && cols > 0 && (long) offset + (long) (rows - 1) * ld + cols > x.length))
            throw new IllegalArgumentException("gemm: " + name + " (length " + x.length + ") too short for a " + rows + "×" + cols
                    + " block at offset " + offset + " with row stride " + ld);
    }

    // ------------------------------------------------------------------------------------------------ threads

    /** OpenBLAS threads used by the products (a process-wide setting of the native library). */
    public static int threads() {
        return cblas_h.openblas_get_num_threads();
    }

    /** Set the OpenBLAS thread count (process-wide). */
    public static void setThreads(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
        cblas_h.openblas_set_num_threads(threads);
    }

    /**
     * OpenBLAS threads when this class loaded (its environment's OPENBLAS_NUM_THREADS / OMP_NUM_THREADS, else the cores):
     * OpenBLAS sets up its blocking for that count, and its products round differently with another, even when a
     * scope later runs them on one thread. A process that must give the same digits (a sweep's executors on the
     * driver's machine) starts OpenBLAS with this count.
     */
    private static final int INITIAL_THREADS = cblas_h.openblas_get_num_threads();

    /** See {@link #INITIAL_THREADS}. */
    public static int initialThreads() {
        return INITIAL_THREADS;
    }

    private static final Object SCOPE_LOCK = new Object();
    private static int scopes, threadsBefore;

    /**
     * Use {@code threads} OpenBLAS threads until the returned scope is closed (try-with-resources). Scopes may be
     * open in several Java threads at once (e.g. parallel batches that each want one thread); the count found
     * when the first scope opened is restored when the last one closes.
     */
    public static ThreadScope threadScope(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
        synchronized (SCOPE_LOCK) {
            if (scopes++ == 0) threadsBefore = threads();
            if (threads() != threads) setThreads(threads);
        }
        return new ThreadScope();
    }

    /** An open {@link #threadScope}; closing it twice has no further effect. */
    public static final class ThreadScope implements AutoCloseable {
        private boolean closed;

        private ThreadScope() {}

        @Override
        public void close() {
            synchronized (SCOPE_LOCK) {
                if (closed) return;
                closed = true;
                if (--scopes == 0 && threads() != threadsBefore) setThreads(threadsBefore);
            }
        }
    }

    /** Plain triple loop with the same contract as {@link #gemm}: the reference the tests compare against. */
    public static void gemmPlain(boolean transA, boolean transB, int m, int n, int k, double alpha,
                                 double[] a, double[] b, double beta, double[] c) {
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int l = 0; l < k; l++)
                    s += (transA ? a[l * m + i] : a[i * k + l]) * (transB ? b[j * k + l] : b[l * n + j]);
                c[i * n + j] = alpha * s + (beta == 0 ? 0 : beta * c[i * n + j]);
            }
    }
}
