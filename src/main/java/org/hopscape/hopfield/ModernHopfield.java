package org.hopscape.hopfield;

import org.hopscape.hopfield.kernel.Runs;
import org.hopscape.util.Check;
import org.hopscape.util.Interrupts;
import org.hopscape.util.Progress;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The exponential ("modern") Hopfield network of 001 §2.4 with real-valued state x ∈ R^N:
 * discrete update x′ = Σ_μ ξ_μ σ^μ(β m^(x)) (Eq. 11), σ the softmax (Eq. 12), m^ = g⁻¹Ξx/N (Eq. 9), and the
 * continuous dynamics dx/dt = Σ_μ ξ_μ σ^μ(β m^) − x. In m^-coordinates both are exact:
 * m^(x′) = σ(β m^(x)) (Eq. 13, spec §1(f)) and dm^/dt = σ(β m^) − m^, the gradient flow of the Lyapunov function
 * Ẽ(m^) = −β⁻¹ log Σ_μ exp(β m^μ) + ½ Σ_μ (m^μ)² (spec §1(e); the printed Eq. 11 has a spurious sum and no β).
 */
public final class ModernHopfield {
    private final PatternSpace space;
    private final double beta;
    private final int n, p;

    private ModernHopfield(PatternSpace space, double beta) {
        this.space = space;
        this.beta = beta;
        this.n = space.neurons();
        this.p = space.patternCount();
    }

    /**
     * @param patterns P×N real patterns (rows), linearly independent
     * @param beta     inverse temperature β &gt; 0, finite
     */
    public static ModernHopfield of(double[][] patterns, double beta) {
        Check.positive("beta", beta);
        return new ModernHopfield(PatternSpace.of(patterns), beta);
    }

    /** β = 100 ln P, the paper's choice for Figs 3B–F. */
    public static double paperBeta(int p) {
        Check.inRange("p", p, 2, Integer.MAX_VALUE);
        return 100 * Math.log(p);
    }

    public PatternSpace space() { return space; }

    public double beta() { return beta; }

    public int neurons() { return n; }

    public int patternCount() { return p; }

    /** σ^μ(β m) = e^{β m_μ} / Σ_ν e^{β m_ν} (001 Eq. 12), computed with the max subtracted. */
    public double[] softmax(double[] m) {
        Check.vector("m", m, "P (patterns)", p);
        double[] s = new double[p];
        softmaxInto(beta, m, s);
        return s;
    }

    static void softmaxInto(double beta, double[] m, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : m) max = Math.max(max, v);
        double z = 0;
        for (int i = 0; i < m.length; i++) { out[i] = Math.exp(beta * (m[i] - max)); z += out[i]; }
        for (int i = 0; i < m.length; i++) out[i] /= z;
    }

    /** Ẽ(m^) = −β⁻¹ log Σ_μ exp(β m^μ) + ½ Σ_μ (m^μ)² (spec 001 §1(e)), the Lyapunov function in m^-space. */
    public double lyapunov(double[] mHat) {
        Check.vector("mHat", mHat, "P (patterns)", p);
        return lyapunov(beta, mHat);
    }

    /** Ẽ for any β (e.g. the 2D landscape of Fig 3A). */
    public static double lyapunov(double beta, double[] mHat) {
        Check.positive("beta", beta);
        Check.nonEmpty("mHat", mHat);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : mHat) max = Math.max(max, v);
        double z = 0, sq = 0;
        for (double v : mHat) { z += Math.exp(beta * (v - max)); sq += v * v; }
        return -(max + Math.log(z) / beta) + 0.5 * sq;
    }

    /** One discrete update x′ = Ξᵀ σ(β m^(x)) (001 Eqs. 11, 17). */
    public double[] update(double[] x) {
        checkState(x);
        double[] mh = space.orderParameters(x), s = new double[p], out = new double[n];
        for (double v : mh)
            if (!Double.isFinite(v))
                throw new IllegalArgumentException("x is too large: its order parameters m^ = g⁻¹Ξx/N overflow (max |x_i| = "
                        + maxAbs(x) + ")");
        softmaxInto(beta, mh, s);
        combine(s, out);
        return out;
    }

    /** dx/dt = Ξᵀ σ(β m^(x)) − x. */
    public double[] velocity(double[] x) {
        double[] v = update(x);
        for (int i = 0; i < n; i++) v[i] -= x[i];
        return v;
    }

    /**
     * This network's continuous dynamics as a gradient system for the {@code dynamics} toolkit: dx/dt = Ξᵀσ(βm^) − x
     * = −G⁻¹∇V with V = Ẽ(m^) + ½|x⊥|² and the constant metric G⁻¹ = ΞᵀΞ + I − P (identity for orthonormal
     * patterns); see {@link ModernHopfieldGradient}. Builds two N×N matrices, so create it once per analysis.
     */
    public ModernHopfieldGradient asGradientSystem() {
        return new ModernHopfieldGradient(this);
    }

    /** E^quad/N = −½ Σ_μ m_μ m^μ (001 Eq. 18 per neuron). */
    public double quadraticEnergyPerNeuron(double[] x) {
        checkState(x);
        return space.quadraticEnergy(x) / n;
    }

    /**
     * The fixed point x* = Ξᵀσ(βm^(x*)) reached by iterating {@link #update} from x (not modified) until
     * max_i |x′_i − x_i| ≤ tolerance. Throws when maxIterations pass without convergence.
     */
    public double[] fixedPoint(double[] x, int maxIterations, double tolerance) {
        checkState(x);
        Check.positive("maxIterations", maxIterations);
        Check.positive("tolerance", tolerance);
        double[] cur = x.clone();
        for (int it = 0; it < maxIterations; it++) {
            double[] next = update(cur);
            double d = 0;
            for (int i = 0; i < n; i++) d = Math.max(d, Math.abs(next[i] - cur[i]));
            cur = next;
            if (d <= tolerance) return cur;
        }
        throw new IllegalStateException("no fixed point within maxIterations=" + maxIterations + " updates (tolerance "
                + tolerance + ")");
    }

    /**
     * The stable retrieval fixed point of pattern μ at this β, x* = Ξᵀm̂ with m̂_μ = a and m̂_ν = (1 − a)/(P − 1)
     * (a the largest root of a = 1/(1 + (P − 1)e^{−β(Pa − 1)/(P − 1)}): in order parameters the update is
     * m̂′ = σ(βm̂) whatever the overlaps of the patterns, 001 Eqs. 11, 17); null when β is below
     * {@link #retrievalOnsetBeta(int)} (no retrieval point).
     */
    public double[] retrievalPoint(int mu) {
        Check.index("mu", mu, p);
        if (beta < retrievalOnsetBeta(p)) return null;
        // largest root: bisection of F(a) = a − 1/(1 + (P−1)e^{−β(Pa−1)/(P−1)}) on [a at the onset, 1], F(1) > 0
        double lo = onsetA(p), hi = 1;
        for (int it = 0; it < 200 && hi - lo > 1e-15; it++) {
            double mid = 0.5 * (lo + hi);
            if (retrievalResidual(mid, p, beta) > 0) hi = mid; else lo = mid;
        }
        double a = 0.5 * (lo + hi);
        double[] m = new double[p];
        java.util.Arrays.fill(m, (1 - a) / (p - 1));
        m[mu] = a;
        double[] out = new double[n];
        combine(m, out);
        return out;
    }

    /**
     * The β at which retrieval fixed points of the P patterns appear: min over a ∈ (1/P, 1) of
     * β(a) = (P − 1)/(Pa − 1)·ln((P − 1)a/(1 − a)), the symmetric branch of m̂ = σ(βm̂) (a saddle-node for P ≥ 3;
     * for P = 2 the pitchfork at β = 2). Independent of the patterns' overlaps (the projection rule).
     */
    public static double retrievalOnsetBeta(int p) {
        Check.inRange("p", p, 2, Integer.MAX_VALUE);
        return p == 2 ? 2 : branchBeta(onsetA(p), p);
    }

    private static double branchBeta(double a, int p) {
        return (p - 1) / (p * a - 1) * Math.log((p - 1) * a / (1 - a));
    }

    private static double retrievalResidual(double a, int p, double beta) {
        return a - 1 / (1 + (p - 1) * Math.exp(-beta * (p * a - 1) / (p - 1)));
    }

    /** The a of the saddle-node (argmin of β(a), golden section); 1/2 for P = 2. */
    private static double onsetA(int p) {
        if (p == 2) return 0.5;
        double lo = 1.0 / p + 1e-12, hi = 1 - 1e-12, g = (Math.sqrt(5) - 1) / 2;
        double c = hi - g * (hi - lo), d = lo + g * (hi - lo);
        while (hi - lo > 1e-13) {
            if (branchBeta(c, p) < branchBeta(d, p)) hi = d; else lo = c;
            c = hi - g * (hi - lo);
            d = lo + g * (hi - lo);
        }
        return 0.5 * (lo + hi);
    }

    private void combine(double[] s, double[] out) {
        double[] xi = space.flatPatterns();
        java.util.Arrays.fill(out, 0);
        for (int mu = 0; mu < p; mu++) {
            double c = s[mu];
            int o = mu * n;
            for (int i = 0; i < n; i++) out[i] += c * xi[o + i];
        }
    }

    /**
     * Options of the continuous dynamics, integrated by forward Euler.
     *
     * @param dt          time step (0 &lt; dt ≤ 1; Ẽ decreases at every step for dt &lt; 2 because its Hessian is ≤ I)
     * @param duration    total time t_end
     * @param recordEvery Euler steps between records
     * @param keepStates  keep every recorded x (for PCA)
     * @param threads     worker threads (results do not depend on it)
     */
    public record Flow(double dt, double duration, int recordEvery, boolean keepStates, int threads) {
        public Flow {
            Check.inRange("dt", dt, Double.MIN_NORMAL, 1);
            Check.positive("duration", duration);
            Check.steps("duration", duration, "dt", dt);
            Check.positive("recordEvery", recordEvery);
            Check.positive("threads", threads);
        }

        /** Figs 3B–F: dt = 0.02, t ∈ [0, 10], every step recorded (spec 001 §2, Fig 3B–F). */
        public static Flow paper() { return new Flow(0.02, 10, 1, true, Runs.defaultThreads()); }

        /** Quick tier: same dynamics, every 5th step recorded. */
        public static Flow quick() { return new Flow(0.02, 10, 5, true, Runs.defaultThreads()); }

        public Flow withThreads(int t) { return new Flow(dt, duration, recordEvery, keepStates, t); }

        public Flow withDt(double d) { return new Flow(d, duration, recordEvery, keepStates, threads); }

        public int steps() { return (int) Math.round(duration / dt); }

        public Flow withDuration(double duration) {
            return new Flow(dt, duration, recordEvery, keepStates, threads);
        }

        public Flow withRecordEvery(int recordEvery) {
            return new Flow(dt, duration, recordEvery, keepStates, threads);
        }

        public Flow withKeepStates(boolean keepStates) {
            return new Flow(dt, duration, recordEvery, keepStates, threads);
        }

        /** Inverse of {@link #toMap()}: keys the map does not name keep the value of {@code paper()}. */
        public static Flow of(java.util.Map<String, ?> map) {
            return org.hopscape.util.RecordMaps.of(map, paper());
        }

        /** Every component as text (style.md #7; listeners left out); {@link #of} reads it back. */
        public java.util.Map<String, String> toMap() {
            return org.hopscape.util.RecordMaps.toMap(this);
        }
    }

    /**
     * Continuous dynamics dx/dt = Ξᵀσ(βm^) − x from each start (deterministic, so no seed).
     * Records x, m_μ, m^μ, Ẽ(m^) and E^quad/N.
     */
    public Trajectories flow(double[][] starts, Flow options, Progress progress) {
        Check.notNull("options", options);
        Check.notNull("progress", progress);
        Check.rows("starts", starts, "N (neurons)", n);
        int runs = starts.length, steps = options.steps();
        int records = steps / options.recordEvery() + 1;
        int rows = Check.arraySize("rows (starts × records, records = duration / dt / recordEvery + 1)", runs, records);
        Check.fitsInMemory("modern Hopfield records (" + rows + " rows)",
                Check.product("records", rows, 2L * p + (options.keepStates() ? n : 0) + 10, Double.BYTES));
        double[] times = new double[records];
        for (int k = 0; k < records; k++) times[k] = (double) k * options.recordEvery() * options.dt();
        double[][] states = options.keepStates() ? new double[rows][] : null;
        double[][] mags = new double[rows][], ops = new double[rows][];
        double[] lyap = new double[rows], quad = new double[rows];
        double dt = options.dt();
        AtomicLong done = new AtomicLong();
        Runs.forEach(runs, options.threads(), r -> {
            double[] x = starts[r].clone(), target = new double[n], s = new double[p];
            double[] m = new double[p], mh = new double[p];
            for (int step = 0, k = 0; step <= steps; step++) {
                Interrupts.checkEvery(step, 63, "modern Hopfield flow");
                space.magnetizationsInto(x, m);
                space.decorrelateInto(m, mh);
                if (step % options.recordEvery() == 0 && k < records) {
                    int row = r * records + k++;
                    mags[row] = m.clone();
                    ops[row] = mh.clone();
                    lyap[row] = lyapunov(beta, mh);
                    double q = 0;
                    for (int mu = 0; mu < p; mu++) q += m[mu] * mh[mu];
                    quad[row] = -0.5 * q;
                    if (states != null) states[row] = x.clone();
                }
                if (step == steps) break;
                // dx/dt = Ξᵀ σ(β m^) − x, forward Euler
                softmaxInto(beta, mh, s);
                combine(s, target);
                for (int i = 0; i < n; i++) x[i] += dt * (target[i] - x[i]);
            }
            progress.report("modern hopfield runs", done.incrementAndGet(), runs);
        });
        return new Trajectories(runs, times, states, mags, ops, lyap, quad);
    }

    private void checkState(double[] x) {
        Check.vector("x", x, "N (neurons)", n);
    }

    private static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) m = Math.max(m, Math.abs(v));
        return m;
    }
}
