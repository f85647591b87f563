package org.hopscape.embed;

import org.hopscape.util.Interrupts;
import org.hopscape.util.Rng;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The UMAP layout written here from McInnes, Healy &amp; Melville (2018), §3 and Algorithms 1–5:
 * <ol>
 *   <li>fuzzy simplicial set: directed memberships v_{j|i} = exp(−max(0, d_ij − ρ_i)/σ_i) with
 *       Σ_j v_{j|i} = log₂ k ({@link Umap#memberships(double[], double)});</li>
 *   <li>symmetrisation by the fuzzy union w_ij = v_{j|i} + v_{i|j} − v_{j|i} v_{i|j};</li>
 *   <li>spectral initialisation: the 2nd and 3rd leading eigenvectors of D^{−1/2} W D^{−1/2} (block power iteration
 *       on (I + D^{−1/2} W D^{−1/2})/2 with the trivial vector √d deflated, then Rayleigh–Ritz), each axis scaled to
 *       [0, 10];</li>
 *   <li>SGD on the fuzzy cross-entropy: edge (i, j) is sampled every w_max/w_ij epochs (edges below w_max/epochs
 *       never), pulling y_i and y_j together with −2ab‖Δ‖^{2(b−1)}/(1 + a‖Δ‖^{2b}) Δ, then pushing y_i away from
 *       {@code negativeSamples} uniformly drawn points with 2b/((0.001 + ‖Δ‖²)(1 + a‖Δ‖^{2b})) Δ; every gradient
 *       component clipped to [−4, 4]; learning rate α(e) = α₀(1 − e/epochs).</li>
 * </ol>
 * One thread for the SGD (so a seed fixes the coordinates bit for bit); the k-NN search before it is parallel.
 */
final class UmapLayout {
    private UmapLayout() {}

    /** Symmetric fuzzy graph in compressed rows: row i holds columns {@code col[ptr[i]..ptr[i+1])}, sorted. */
    record Graph(int n, int[] ptr, int[] col, double[] weight) {
        int edges() { return col.length; }
    }

    /**
     * Fuzzy union of the directed smooth-kNN memberships.
     *
     * @param knn    k−1 nearest other points per row (umap-learn counts the point itself among its k neighbours)
     * @param target Σ_j v_{j|i}, log₂ k
     */
    static Graph fuzzyGraph(NearestNeighbors knn, double target) {
        int n = knn.neighbors().length, k = knn.k();
        // directed memberships, rows sorted by column
        int[] dCol = new int[n * k];
        double[] dW = new double[n * k];
        Integer[] order = new Integer[k];
        for (int i = 0; i < n; i++) {
            Interrupts.checkEvery(i, 1023, "UMAP fuzzy graph");
            double[] w = Umap.memberships(knn.distances()[i], target);
            int[] nb = knn.neighbors()[i];
            for (int t = 0; t < k; t++) order[t] = t;
            Arrays.sort(order, (p, q) -> Integer.compare(nb[p], nb[q]));
            for (int t = 0; t < k; t++) {
                dCol[i * k + t] = nb[order[t]];
                dW[i * k + t] = w[order[t]];
            }
        }
        // transpose by counting sort (rows of the transpose come out sorted by column)
        int[] tPtr = new int[n + 1];
        for (int c : dCol) tPtr[c + 1]++;
        for (int i = 0; i < n; i++) tPtr[i + 1] += tPtr[i];
        int[] tCol = new int[n * k], fill = tPtr.clone();
        double[] tW = new double[n * k];
        for (int i = 0; i < n; i++)
            for (int t = 0; t < k; t++) {
                int c = dCol[i * k + t], at = fill[c]++;
                tCol[at] = i;
                tW[at] = dW[i * k + t];
            }
        // merge row i of V and of Vᵀ: w = a + b − ab
        int[] ptr = new int[n + 1];
        int[] col = new int[2 * n * k];
        double[] weight = new double[2 * n * k];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int p = i * k, pe = p + k, q = tPtr[i], qe = tPtr[i + 1];
            while (p < pe || q < qe) {
                int cp = p < pe ? dCol[p] : Integer.MAX_VALUE, cq = q < qe ? tCol[q] : Integer.MAX_VALUE;
                double a = 0, b = 0;
                int c;
                if (cp == cq) { c = cp; a = dW[p++]; b = tW[q++]; }
                else if (cp < cq) { c = cp; a = dW[p++]; }
                else { c = cq; b = tW[q++]; }
                double w = a + b - a * b;
                if (w > 0) { col[m] = c; weight[m++] = w; }
            }
            ptr[i + 1] = m;
        }
        return new Graph(n, ptr, Arrays.copyOf(col, m), Arrays.copyOf(weight, m));
    }

    /**
     * Spectral start: eigenvectors 2 and 3 of the normalised adjacency D^{−1/2} W D^{−1/2}, each coordinate scaled to
     * [0, 10], plus N(0, 10⁻⁴) jitter so coincident points can separate. Returns a flat n×2 row-major array.
     */
    static double[] spectralStart(Graph g, int iterations, long seed) {
        int n = g.n();
        double[][] v = leadingEigenvectors(g, iterations, seed);
        SplittableRandom r = Rng.stream(seed, 3);
        double[] y = new double[2 * n];
        for (int d = 0; d < 2; d++) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double x : v[d]) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
            double scale = hi > lo ? 10 / (hi - lo) : 0;
            for (int i = 0; i < n; i++) y[2 * i + d] = (v[d][i] - lo) * scale + 1e-4 * r.nextGaussian();
        }
        return y;
    }

    /**
     * Unit eigenvectors 2 and 3 (by eigenvalue, the trivial √d excluded) of M = D^{−1/2} W D^{−1/2}: block power
     * iteration of four vectors on (I + M)/2 (eigenvalues in [0, 1], so the leading ones dominate), each step deflated
     * against √d/‖√d‖ and re-orthonormalised, then Rayleigh–Ritz on the block.
     */
    static double[][] leadingEigenvectors(Graph g, int iterations, long seed) {
        int n = g.n(), block = 4;
        double[] isd = new double[n], u0 = new double[n];
        double norm0 = 0;
        for (int i = 0; i < n; i++) {
            double d = 0;
            for (int e = g.ptr()[i]; e < g.ptr()[i + 1]; e++) d += g.weight()[e];
            isd[i] = d > 0 ? 1 / Math.sqrt(d) : 0;
            u0[i] = Math.sqrt(d);
            norm0 += d;
        }
        norm0 = Math.sqrt(norm0);
        for (int i = 0; i < n; i++) u0[i] /= norm0;
        SplittableRandom r = Rng.stream(seed, 1);
        double[][] v = new double[block][n], mv = new double[block][n];
        for (double[] x : v) for (int i = 0; i < n; i++) x[i] = r.nextDouble() - 0.5;
        orthonormalise(v, u0);
        for (int it = 0; it < iterations; it++) {
            Interrupts.check("UMAP spectral start");
            for (int c = 0; c < block; c++) {
                multiply(g, isd, v[c], mv[c]);
                for (int i = 0; i < n; i++) mv[c][i] = 0.5 * (v[c][i] + mv[c][i]);
            }
            double[][] t = v; v = mv; mv = t;
            orthonormalise(v, u0);
        }
        for (int c = 0; c < block; c++) multiply(g, isd, v[c], mv[c]);
        double[][] h = new double[block][block];
        for (int p = 0; p < block; p++) for (int q = 0; q < block; q++) h[p][q] = 0.5 * (dot(v[p], mv[q]) + dot(v[q], mv[p]));
        var evd = new org.ejml.simple.SimpleMatrix(h).eig();
        Integer[] idx = new Integer[block];
        double[] ev = new double[block];
        for (int c = 0; c < block; c++) { idx[c] = c; ev[c] = evd.getEigenvalue(c).getReal(); }
        Arrays.sort(idx, (p, q) -> ev[q] != ev[p] ? Double.compare(ev[q], ev[p]) : Integer.compare(p, q));
        double[][] out = new double[2][n];
        for (int d = 0; d < 2; d++) {
            var vec = evd.getEigenVector(idx[d]);
            for (int c = 0; c < block; c++) axpy(vec.get(c, 0), v[c], out[d]);
            double nrm = Math.sqrt(dot(out[d], out[d]));
            // fix the sign so the result does not depend on the eigen solver's choice
            double sign = 0;
            for (int i = 0; i < n && sign == 0; i++) sign = Math.signum(out[d][i]);
            for (int i = 0; i < n; i++) out[d][i] *= (sign < 0 ? -1 : 1) / nrm;
        }
        return out;
    }

    /** y = D^{−1/2} W D^{−1/2} x, for tests. */
    static double[] normalisedProduct(Graph g, double[] x) {
        double[] isd = new double[g.n()], out = new double[g.n()];
        for (int i = 0; i < g.n(); i++) {
            double d = 0;
            for (int e = g.ptr()[i]; e < g.ptr()[i + 1]; e++) d += g.weight()[e];
            isd[i] = d > 0 ? 1 / Math.sqrt(d) : 0;
        }
        multiply(g, isd, x, out);
        return out;
    }

    /** out = D^{−1/2} W D^{−1/2} x. */
    private static void multiply(Graph g, double[] isd, double[] x, double[] out) {
        int[] ptr = g.ptr(), col = g.col();
        double[] w = g.weight();
        for (int i = 0; i < g.n(); i++) {
            double s = 0;
            for (int e = ptr[i]; e < ptr[i + 1]; e++) s += w[e] * isd[col[e]] * x[col[e]];
            out[i] = isd[i] * s;
        }
    }

    /** Modified Gram–Schmidt of the block against u0 and itself. */
    private static void orthonormalise(double[][] v, double[] u0) {
        for (int c = 0; c < v.length; c++) {
            axpy(-dot(v[c], u0), u0, v[c]);
            for (int p = 0; p < c; p++) axpy(-dot(v[c], v[p]), v[p], v[c]);
            double nrm = Math.sqrt(dot(v[c], v[c]));
            for (int i = 0; i < v[c].length; i++) v[c][i] /= nrm;
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static void axpy(double s, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) y[i] += s * x[i];
    }

    /**
     * SGD of the layout {@code y} (flat n×2, updated in place).
     *
     * @param a, b curve 1/(1 + a d^{2b})
     */
    static void optimise(Graph g, double[] y, int epochs, int negativeSamples, double learningRate, double a, double b,
                         long seed, org.hopscape.util.Progress progress) {
        int n = g.n();
        double wMax = 0;
        for (double w : g.weight()) wMax = Math.max(wMax, w);
        // edges too weak to be sampled once in the whole run are dropped (as umap-learn does)
        int m = 0;
        for (double w : g.weight()) if (w >= wMax / epochs) m++;
        int[] head = new int[m], tail = new int[m];
        double[] every = new double[m], next = new double[m], everyNeg = new double[m], nextNeg = new double[m];
        for (int i = 0, e = 0; i < n; i++)
            for (int t = g.ptr()[i]; t < g.ptr()[i + 1]; t++) {
                double w = g.weight()[t];
                if (w < wMax / epochs) continue;
                head[e] = i;
                tail[e] = g.col()[t];
                every[e] = wMax / w;
                next[e] = every[e];
                everyNeg[e] = every[e] / negativeSamples;
                nextNeg[e] = everyNeg[e];
                e++;
            }
        SplittableRandom r = Rng.stream(seed, 2);
        double twoAB = 2 * a * b, twoB = 2 * b;
        for (int ep = 0; ep < epochs; ep++) {
            Interrupts.check("UMAP layout");
            double alpha = learningRate * (1.0 - (double) ep / epochs);
            for (int e = 0; e < m; e++) {
                if (next[e] > ep) continue;
                int i = 2 * head[e], j = 2 * tail[e];
                double yi0 = y[i], yi1 = y[i + 1];
                double d0 = yi0 - y[j], d1 = yi1 - y[j + 1], d2 = d0 * d0 + d1 * d1;
                if (d2 > 0) {
                    double pb = Math.pow(d2, b);
                    double g0 = -twoAB * pb / d2 / (a * pb + 1);
                    double u0 = clip(g0 * d0) * alpha, u1 = clip(g0 * d1) * alpha;
                    yi0 += u0; yi1 += u1;
                    y[j] -= u0; y[j + 1] -= u1;
                }
                next[e] += every[e];
                int negatives = (int) ((ep - nextNeg[e]) / everyNeg[e]);
                // the negative samples of one positive sample all see y_i as it is now and their steps are summed:
                // independent pow/divide chains the CPU overlaps, instead of one long dependent chain
                double s0 = 0, s1 = 0;
                for (int q = 0; q < negatives; q++) {
                    // uniform index by multiply-shift of 32 random bits (bias n/2³², no division)
                    int o = 2 * (int) (((r.nextInt() & 0xffffffffL) * n) >>> 32);
                    if (o == i) continue;
                    double e0 = yi0 - y[o], e1 = yi1 - y[o + 1], q2 = e0 * e0 + e1 * e1;
                    if (q2 > 0) {
                        double gn = twoB / ((0.001 + q2) * (a * Math.pow(q2, b) + 1));
                        s0 += clip(gn * e0);
                        s1 += clip(gn * e1);
                    }
                }
                nextNeg[e] += negatives * everyNeg[e];
                y[i] = yi0 + s0 * alpha;
                y[i + 1] = yi1 + s1 * alpha;
            }
            if ((ep & 15) == 15) progress.report("umap layout", ep + 1, epochs);
        }
        progress.report("umap layout", epochs, epochs);
    }

    private static double clip(double v) {
        return v > 4 ? 4 : (v < -4 ? -4 : v);
    }
}
