package org.hopscape.hopfield;

import org.hopscape.util.Blas;
import org.hopscape.hopfield.kernel.Runs;
import org.hopscape.hopfield.kernel.SpinKernel;
import org.hopscape.util.Check;
import org.hopscape.util.Interrupts;
import org.hopscape.util.Progress;
import org.hopscape.util.Rng;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The classic binary Hopfield network (001 §2.2–2.3): x ∈ {±1}^N, symmetric couplings J, asynchronous updates
 * x_i ← sign(Σ_{j≠i} J_ij x_j) (Eq. 1) or heat-bath (Glauber) updates at temperature T (§3.3, corrected rule
 * of spec 001 §1(h)), Lyapunov function E = −½ xᵀJx (Eq. 3).
 *
 * <p>Two coupling rules: Hebbian J = ΞᵀΞ/N with J_ii = 0 (Eq. 2) and the projection rule J = P = Ξᵀg⁻¹Ξ/N
 * (Eq. 8, Kanter–Sompolinsky / Personnaz), optionally with J_ii = 0.
 */
public final class ClassicHopfield {
    /** How the couplings were built. */
    public enum Rule { HEBB, PROJECTION }

    private final PatternSpace space;
    private final Rule rule;
    private final boolean zeroDiagonal;
    private final int n, p;
    private final double[] couplings;   // N×N row-major

    private ClassicHopfield(PatternSpace space, Rule rule, boolean zeroDiagonal, double[] couplings) {
        this.space = space;
        this.rule = rule;
        this.zeroDiagonal = zeroDiagonal;
        this.n = space.neurons();
        this.p = space.patternCount();
        this.couplings = couplings;
    }

    /**
     * Hebbian network, J_ij = (1/N) Σ_μ ξ_μi ξ_μj for i ≠ j, J_ii = 0 (001 Eq. 2 with the j ≠ i of Eq. 1).
     *
     * @param patterns P×N, rows ξ_μ; must be linearly independent (g⁻¹ defines the order parameters m^)
     */
    public static ClassicHopfield hebbian(double[][] patterns) {
        PatternSpace s = PatternSpace.of(patterns);
        int n = s.neurons(), p = s.patternCount();
        double[] j = new double[n * n];
        // 001 Eq. 2: J = ΞᵀΞ / N
        Blas.gemm(true, false, n, n, p, 1.0 / n, s.flatPatterns(), s.flatPatterns(), 0, j);
        for (int i = 0; i < n; i++) j[i * n + i] = 0;
        return new ClassicHopfield(s, Rule.HEBB, true, j);
    }

    /**
     * Projection-rule network, J = P = Ξᵀ g⁻¹ Ξ / N (001 Eq. 8, spec §1(b)).
     *
     * @param zeroDiagonal set J_ii = 0 (every stored pattern stays a fixed point, spec 001 §3)
     * @throws IllegalArgumentException P &gt; N or linearly dependent patterns
     */
    public static ClassicHopfield projection(double[][] patterns, boolean zeroDiagonal) {
        PatternSpace s = PatternSpace.of(patterns);
        double[] j = s.projectionFlat();
        int n = s.neurons();
        if (zeroDiagonal) for (int i = 0; i < n; i++) j[i * n + i] = 0;
        return new ClassicHopfield(s, Rule.PROJECTION, zeroDiagonal, j);
    }

    public PatternSpace space() { return space; }

    public Rule rule() { return rule; }

    public boolean zeroDiagonal() { return zeroDiagonal; }

    public int neurons() { return n; }

    public int patternCount() { return p; }

    /** α = P/N. */
    public double loading() { return (double) p / n; }

    /** J_ij (a copy, N×N rows). */
    public double[][] couplings() { return PatternSpace.square(couplings, n); }

    /** E = −½ Σ_ij x_i J_ij x_j (001 Eq. 3). */
    public double energy(double[] x) {
        checkState(x);
        double s = 0;
        for (int i = 0; i < n; i++) {
            double hi = 0;
            int o = i * n;
            for (int k = 0; k < n; k++) hi += couplings[o + k] * x[k];
            s += x[i] * hi;
        }
        return -0.5 * s;
    }

    /** h_i = Σ_{j≠i} J_ij x_j, the field in Eq. 1. */
    public double[] localField(double[] x) {
        checkState(x);
        double[] h = new double[n];
        SpinKernel.fields(couplings, n, x, h);
        for (int i = 0; i < n; i++) h[i] -= couplings[i * n + i] * x[i];
        return h;
    }

    /** m_μ (001 Eq. 4). */
    public double[] magnetizations(double[] x) { return space.magnetizations(x); }

    /** m^μ = Σ_ν g^μν m_ν (001 Eq. 9). */
    public double[] orderParameters(double[] x) { return space.orderParameters(x); }

    /** Every x_i equals sign(h_i) (a zero field counts as stable): x is a fixed point of Eq. 1. */
    public boolean isFixedPoint(double[] x) {
        double[] h = localField(x);
        for (int i = 0; i < n; i++) if (x[i] * h[i] < 0) return false;
        return true;
    }

    /** Fraction of the stored patterns that are fixed points of Eq. 1. */
    public double fractionPatternsFixed() {
        int c = 0;
        for (int mu = 0; mu < p; mu++) if (isFixedPoint(space.pattern(mu))) c++;
        return (double) c / p;
    }

    /**
     * Fraction of stored patterns retrieved exactly by zero-T dynamics from a copy with each bit flipped with
     * probability {@code flipProbability} (pattern μ's noise and update order seeded with seed + μ).
     */
    public double retrievalFraction(double flipProbability, long seed) {
        Check.inRange("flipProbability", flipProbability, 0, 1);
        int ok = 0;
        for (int mu = 0; mu < p; mu++) {
            double[] xi = space.pattern(mu);
            double[] end = relax(Patterns.flipped(xi, flipProbability, seed + mu), 10_000, seed + p + mu);
            if (java.util.Arrays.equals(end, xi)) ok++;
        }
        return (double) ok / p;
    }

    /**
     * Stability of the stored patterns under heat-bath dynamics: runs start at ξ_0 … ξ_{count−1} and the mean
     * final overlap m_ν with the starting pattern is returned (spec 001 Fig 2C validation runs).
     */
    public double patternStability(Glauber options, int count, long seed) {
        Check.notNull("options", options);
        Check.inRange("count", count, 1, p);
        double[][] starts = new double[count][];
        for (int mu = 0; mu < count; mu++) starts[mu] = space.pattern(mu);
        Trajectories t = glauber(starts, options, seed, Progress.NONE);
        double s = 0;
        for (int mu = 0; mu < count; mu++) s += t.finalMagnetizations(mu)[mu];
        return s / count;
    }

    /**
     * Zero-temperature asynchronous dynamics from x (not modified) until no spin flips.
     *
     * @param maxSweeps upper bound on sweeps; reaching it throws (the dynamics always stops for symmetric J with
     *                  J_ii ≥ 0, so this only guards against misuse)
     * @return the fixed point reached
     */
    public double[] relax(double[] x, int maxSweeps, long seed) {
        checkSpins("x", x);
        Check.positive("maxSweeps", maxSweeps);
        double[] y = x.clone(), h = new double[n];
        SpinKernel.fields(couplings, n, y, h);
        if (SpinKernel.relax(couplings, n, y, h, maxSweeps, Rng.of(seed)) < 0)
            throw new IllegalStateException("no fixed point within maxSweeps=" + maxSweeps + " sweeps");
        return y;
    }

    /**
     * Zero-temperature asynchronous dynamics from x (not modified) with every sweep visiting the sites in the given
     * order (a permutation of 0…N−1, e.g. {@link #sequentialOrder()}), until no spin flips.
     */
    public double[] relax(double[] x, int maxSweeps, int[] order) {
        checkSpins("x", x);
        Check.positive("maxSweeps", maxSweeps);
        Check.notNull("order", order);
        Check.sameSize("order.length", order.length, "N", n);
        boolean[] seen = new boolean[n];
        for (int k = 0; k < n; k++) {
            Check.index("order[" + k + "]", order[k], n);
            if (seen[order[k]]) throw new IllegalArgumentException("order must be a permutation of 0…" + (n - 1)
                    + " (site " + order[k] + " appears twice)");
            seen[order[k]] = true;
        }
        double[] y = x.clone(), h = new double[n];
        SpinKernel.fields(couplings, n, y, h);
        if (SpinKernel.relax(couplings, n, y, h, maxSweeps, order) < 0)
            throw new IllegalStateException("no fixed point within maxSweeps=" + maxSweeps + " sweeps");
        return y;
    }

    /** The sequential order 0, 1, …, N−1. */
    public int[] sequentialOrder() {
        int[] o = new int[n];
        for (int i = 0; i < n; i++) o[i] = i;
        return o;
    }

    /**
     * Options of heat-bath (Glauber) runs.
     *
     * @param temperature T ≥ 0 (0 = deterministic Eq. 1)
     * @param sweeps      length of each run in sweeps (N single-site updates each)
     * @param recordEvery single-site updates between records (≥ 1); records at 0, recordEvery, … ≤ sweeps·N
     * @param keepStates  keep every recorded state (needed for PCA; costs runs × records × N doubles)
     * @param threads     worker threads (results do not depend on it)
     */
    public record Glauber(double temperature, int sweeps, int recordEvery, boolean keepStates, int threads) {
        public Glauber {
            Check.nonNegative("temperature", temperature);
            Check.positive("sweeps", sweeps);
            Check.positive("recordEvery", recordEvery);
            Check.positive("threads", threads);
        }

        /** Fig 1D: T = 0.01, 10 sweeps, a record every N/10 updates (spec 001 §2, Fig 1D). */
        public static Glauber fig1d(int n) {
            return new Glauber(0.01, 10, Math.max(1, n / 10), false, Runs.defaultThreads());
        }

        /** Fig 2C bottom: T = 0.25, 20 sweeps, a record every N/10 updates, states kept for PCA. */
        public static Glauber fig2c(int n) {
            return new Glauber(0.25, 20, Math.max(1, n / 10), true, Runs.defaultThreads());
        }

        public Glauber withThreads(int t) { return new Glauber(temperature, sweeps, recordEvery, keepStates, t); }

        public Glauber withKeepStates(boolean keep) { return new Glauber(temperature, sweeps, recordEvery, keep, threads); }

        public Glauber withTemperature(double temperature) {
            return new Glauber(temperature, sweeps, recordEvery, keepStates, threads);
        }

        public Glauber withSweeps(int sweeps) {
            return new Glauber(temperature, sweeps, recordEvery, keepStates, threads);
        }

        public Glauber withRecordEvery(int recordEvery) {
            return new Glauber(temperature, sweeps, recordEvery, keepStates, threads);
        }

        /** Inverse of {@link #toMap()}: keys the map does not name keep the value of {@code fig1d(100)}. */
        public static Glauber of(java.util.Map<String, ?> map) {
            return org.hopscape.util.RecordMaps.of(map, fig1d(100));
        }

        /** Every component as text (style.md #7; listeners left out); {@link #of} reads it back. */
        public java.util.Map<String, String> toMap() {
            return org.hopscape.util.RecordMaps.toMap(this);
        }
    }

    /**
     * Heat-bath runs, one per start state; run r draws its sites and coins from {@code Rng.stream(seed, r)}.
     *
     * @param starts   initial states, each in {±1}^N (not modified)
     * @param progress reports finished runs
     */
    public Trajectories glauber(double[][] starts, Glauber options, long seed, Progress progress) {
        Check.notNull("options", options);
        Check.notNull("progress", progress);
        Check.rows("starts", starts, "N (neurons)", n);
        for (int r = 0; r < starts.length; r++) checkSpins("starts[" + r + "]", starts[r]);
        int runs = starts.length;
        long totalUpdates = (long) options.sweeps() * n;
        int records = Check.arraySize("records (sweeps · N / recordEvery + 1)", totalUpdates / options.recordEvery() + 1);
        int rows = Check.arraySize("rows (starts × records)", runs, records);
        Check.fitsInMemory("glauber records (" + rows + " rows of sweeps · N / recordEvery + 1 records)",
                Check.product("glauber records", rows, 2L * p + (options.keepStates() ? n : 0) + 10, Double.BYTES));
        double[] times = new double[records];
        for (int k = 0; k < records; k++) times[k] = (double) k * options.recordEvery() / n;
        double[][] states = options.keepStates() ? new double[rows][] : null;
        double[][] mags = new double[rows][], ops = new double[rows][];
        double[] energy = new double[rows], quad = new double[rows];
        AtomicLong done = new AtomicLong();
        Runs.forEach(runs, options.threads(), r -> {
            SplittableRandom rng = Rng.stream(seed, r);
            double[] x = starts[r].clone(), h = new double[n];
            SpinKernel.fields(couplings, n, x, h);
            double e = energy(x);
            for (int k = 0; k < records; k++) {
                Interrupts.check("glauber runs");
                if (k > 0) e += SpinKernel.heatBath(couplings, n, x, h, options.temperature(), options.recordEvery(), rng);
                int row = r * records + k;
                double[] m = new double[p], mh = new double[p];
                space.magnetizationsInto(x, m);
                space.decorrelateInto(m, mh);
                mags[row] = m;
                ops[row] = mh;
                energy[row] = e / n;
                double s = 0;
                for (int mu = 0; mu < p; mu++) s += m[mu] * mh[mu];
                quad[row] = -0.5 * s;
                if (states != null) states[row] = x.clone();
            }
            progress.report("glauber runs", done.incrementAndGet(), runs);
        });
        return new Trajectories(runs, times, states, mags, ops, energy, quad);
    }

    private void checkState(double[] x) {
        Check.vector("x", x, "N (neurons)", n);
    }

    /** A state in {±1}^N (the spin dynamics of Eq. 1 and the heat bath act on such states only). */
    private void checkSpins(String name, double[] x) {
        Check.vector(name, x, "N (neurons)", n);
        for (int i = 0; i < n; i++)
            if (x[i] != 1 && x[i] != -1)
                throw new IllegalArgumentException(name + "[" + i + "] must be +1 or −1 (a spin state; got " + x[i] + ")");
    }
}
