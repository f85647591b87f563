package org.hopscape.analysis;

import org.hopscape.hopfield.ClassicHopfield;
import org.hopscape.hopfield.Patterns;
import org.hopscape.util.Blas;
import org.hopscape.hopfield.kernel.Runs;
import org.hopscape.util.Check;
import org.hopscape.util.Progress;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The signal-to-noise argument of 001 §3.1 in testable form (spec 001 §4). At x = ξ_ν the Hebbian local field is
 * h_i = ξ_νi + (1/N) Σ_{μ≠ν} Σ_{j≠i} ξ_μi ξ_μj ξ_νj: signal ξ_νi plus crosstalk of mean 0 and standard deviation
 * √((P−1)(N−1))/N ≈ √(P/N). A bit is unstable after one update when ξ_νi h_i &lt; 0, with predicted fraction
 * ½ erfc(√(N/(2(P−1)))) ≈ Φ(−1/√α).
 */
public final class SignalToNoise {
    private SignalToNoise() {}

    /** One loading α = P/N of the crosstalk measurement. */
    public record Point(double alpha, int p, int n, double noiseSd, double predictedNoiseSd,
                        double errorFraction, double predictedErrorFraction) {
        /** measured/predicted − 1 for the unstable-bit fraction. */
        public double relativeError() { return errorFraction / predictedErrorFraction - 1; }

        /** measured/predicted − 1 for the crosstalk standard deviation. */
        public double relativeNoiseError() { return noiseSd / predictedNoiseSd - 1; }
    }

    /** ½ erfc(√(N/(2(P−1)))): predicted fraction of unstable bits at a stored pattern (spec 001 §4). */
    public static double predictedErrorFraction(int p, int n) {
        Check.positive("n", n);
        Check.inRange("p", p, 2, Integer.MAX_VALUE);
        return 0.5 * AgsMeanField.erfc(Math.sqrt(n / (2.0 * (p - 1))));
    }

    /** √((P−1)(N−1))/N: standard deviation of the crosstalk term (≈ √(P/N)). */
    public static double predictedNoiseSd(int p, int n) {
        return Math.sqrt((double) (p - 1) * (n - 1)) / n;
    }

    /**
     * Measures the crosstalk at every stored pattern of P = round(αN) random patterns (seeded), J_ii = 0:
     * the standard deviation of h_i − ξ_νi and the fraction of (ν, i) with ξ_νi h_i &lt; 0, pooled over
     * {@code repeats} independent pattern sets (seeds seed, seed+1, …) — at α = 0.1 only ~0.07 % of bits are
     * unstable, so one set of N = 2000 gives a ~9 % statistical error.
     */
    public static Point measure(double alpha, int n, int repeats, long seed) {
        Check.positive("n", n);
        Check.positive("repeats", repeats);
        int p = (int) Math.round(alpha * n);
        Check.inRange("p = round(alpha·n)", p, 2, n);
        double s2 = 0;
        long unstable = 0;
        for (int rep = 0; rep < repeats; rep++) {
            double[] su = crosstalkSet(p, n, seed + rep);
            s2 += su[0];
            unstable += (long) su[1];
        }
        double bits = (double) p * n * repeats;
        return new Point((double) p / n, p, n, Math.sqrt(s2 / bits), predictedNoiseSd(p, n),
                unstable / bits, predictedErrorFraction(p, n));
    }

    /** {Σ noise², number of unstable bits} for one pattern set. */
    private static double[] crosstalkSet(int p, int n, long seed) {
        double[][] xi = Patterns.random(p, n, seed);
        double[] x = new double[p * n];
        for (int mu = 0; mu < p; mu++) System.arraycopy(xi[mu], 0, x, mu * n, n);
        double[] g = new double[p * p], h = new double[p * n];
        Blas.gemm(false, true, p, p, n, 1, x, x, 0, g);                 // ΞΞᵀ
        Blas.gemm(false, false, p, n, p, 1.0 / n, g, x, 0, h);          // rows: (Jξ_ν)ᵀ with the diagonal P/N
        long unstable = 0;
        double s2 = 0, diag = (double) p / n;
        for (int k = 0; k < p * n; k++) {
            double hi = h[k] - diag * x[k];                                // J_ii = 0
            double noise = hi - x[k];
            s2 += noise * noise;
            if (x[k] * hi < 0) unstable++;
        }
        return new double[]{s2, unstable};
    }

    /** {@link #measure} at each α (item k seeded with seed + 1000·k). */
    public static Table crosstalk(double[] alphas, int n, int repeats, long seed, int threads, Progress progress) {
        return toTable(crosstalkPoints(alphas, n, repeats, seed, threads, progress));
    }

    /** {@link #crosstalkPoints(double[], int, int, long, int, Progress)} on all available processors. */
    public static Point[] crosstalkPoints(double[] alphas, int n, int repeats, long seed, Progress progress) {
        return crosstalkPoints(alphas, n, repeats, seed, Runs.defaultThreads(), progress);
    }

    /** The points behind {@link #crosstalk}. */
    public static Point[] crosstalkPoints(double[] alphas, int n, int repeats, long seed, int threads, Progress progress) {
        Point[] pts = new Point[alphas.length];
        AtomicLong done = new AtomicLong();
        Runs.forEach(alphas.length, threads, k -> {
            pts[k] = measure(alphas[k], n, repeats, seed + 1000L * k);
            progress.report("crosstalk", done.incrementAndGet(), alphas.length);
        });
        return pts;
    }

    public static Table toTable(Point... pts) {
        DoubleColumn a = DoubleColumn.create("alpha"), sd = DoubleColumn.create("noise sd"),
                psd = DoubleColumn.create("sqrt((P-1)(N-1))/N"), e = DoubleColumn.create("unstable fraction"),
                pe = DoubleColumn.create("predicted fraction");
        IntColumn p = IntColumn.create("P"), n = IntColumn.create("N");
        for (Point x : pts) {
            a.append(x.alpha()); p.append(x.p()); n.append(x.n()); sd.append(x.noiseSd());
            psd.append(x.predictedNoiseSd()); e.append(x.errorFraction()); pe.append(x.predictedErrorFraction());
        }
        return Table.create("signal to noise", a, p, n, sd, psd, e, pe);
    }

    /** Mean final overlap after zero-T relaxation from stored patterns, with the RS T = 0 prediction. */
    public record Retrieval(double alpha, int p, int n, double meanOverlap, double minOverlap, double rsOverlap) {}

    /**
     * Retrieval from the stored patterns themselves (spec 001 §4): P = round(αN) random patterns, zero-T
     * asynchronous dynamics from each of the first {@code starts} patterns until no spin flips; the final overlap
     * m_ν with the starting pattern, against the RS T = 0 overlap (0 above α_c ≈ 0.138).
     */
    public static Retrieval retrieval(double alpha, int n, int starts, long seed) {
        int p = (int) Math.round(alpha * n);
        Check.inRange("p = round(alpha·n)", p, 1, n);
        Check.inRange("starts", starts, 1, p);
        double[][] xi = Patterns.random(p, n, seed);
        ClassicHopfield net = ClassicHopfield.hebbian(xi);
        double sum = 0, min = Double.POSITIVE_INFINITY;
        for (int nu = 0; nu < starts; nu++) {
            double m = net.magnetizations(net.relax(xi[nu], 10_000, seed + 1000 + nu))[nu];
            sum += m;
            min = Math.min(min, m);
        }
        var rs = AgsMeanField.retrievalZeroTemperature((double) p / n);
        return new Retrieval((double) p / n, p, n, sum / starts, min, rs == null ? 0 : rs.m());
    }

    /** {@link #retrievalCurve(double[], int, int, long, int, Progress)} on all available processors. */
    public static Retrieval[] retrievalCurve(double[] alphas, int n, int starts, long seed, Progress progress) {
        return retrievalCurve(alphas, n, starts, seed, Runs.defaultThreads(), progress);
    }

    /** {@link #retrieval} at each α (item k seeded with seed + k). */
    public static Retrieval[] retrievalCurve(double[] alphas, int n, int starts, long seed, int threads, Progress progress) {
        Retrieval[] r = new Retrieval[alphas.length];
        AtomicLong done = new AtomicLong();
        Runs.forEach(alphas.length, threads, k -> {
            r[k] = retrieval(alphas[k], n, starts, seed + k);
            progress.report("retrieval vs alpha", done.incrementAndGet(), alphas.length);
        });
        return r;
    }

    public static Table toTable(Retrieval... r) {
        DoubleColumn a = DoubleColumn.create("alpha"), m = DoubleColumn.create("mean final overlap"),
                mn = DoubleColumn.create("min final overlap"), rs = DoubleColumn.create("RS m (T=0)");
        for (Retrieval x : r) { a.append(x.alpha()); m.append(x.meanOverlap()); mn.append(x.minOverlap()); rs.append(x.rsOverlap()); }
        return Table.create("retrieval vs alpha", a, m, mn, rs);
    }
}
